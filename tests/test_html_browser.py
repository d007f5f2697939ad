"""The HTML page in headless Chromium, used as a reviewer would: count, search, filter, expand, share a view, keep
the key events."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import browser, unavailable_reason
from html_fixtures import PAYLOADS, generated_timeline, injection_timeline, realistic_timeline, salient_timeline
from timeline_fixtures import HOSTILE, structured_timeline

from chronology.filters import Selection, filter_timeline
from chronology.html import page_key, render_html

REASON = unavailable_reason()
pytestmark = pytest.mark.skipif(REASON is not None, reason=f"browser tests need headless Chromium: {REASON}")


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    with browser() as launched:
        yield launched


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pages")
    built = {}
    for name, timeline in (
        ("realistic", realistic_timeline()),
        ("injection", injection_timeline()),
        ("large", generated_timeline(10_000)),
        ("structured", structured_timeline()),
        ("salient", salient_timeline()),
    ):
        path = folder / f"{name}.html"
        path.write_text(render_html(timeline), encoding="utf-8")
        built[name] = path
    built["seeds"] = Path(__file__).resolve().parents[1] / "output" / "timeline.html"
    return built


@pytest.fixture
def open_page(chromium: Any, pages: dict[str, Path]) -> Iterator[Any]:
    contexts = []

    def opener(name: str, fragment: str = "", **options: Any) -> Any:
        context = chromium.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.errors = errors
        page.goto(pages[name].as_uri() + fragment)
        page.wait_for_selector("html[data-ready]")
        return page

    yield opener
    for context in contexts:
        context.close()


def shown(page: Any) -> int:
    return int(page.get_attribute("#count", "data-shown"))


def wait_for_count(page: Any, expected: int) -> None:
    # Functions, not expression strings: the page's policy forbids eval, which string predicates need.
    page.wait_for_function("n => document.getElementById('count').dataset.shown === n", arg=str(expected))


def wait_for_drawn(page: Any, expected: int) -> None:
    """Until the list holds `expected` events: the count is set before the list is drawn again."""
    page.wait_for_function("n => document.querySelectorAll('li.event').length === n", arg=expected)


def test_every_event_of_the_data_is_listed(open_page: Any) -> None:
    page = open_page("realistic")
    data = json.loads(page.text_content("#timeline-data"))
    assert page.locator("li.event").count() == len(data["events"]) == shown(page) == 9
    assert page.text_content("#stat-events") == "9"
    assert page.locator("h2.year-h").all_text_contents() == ["1998", "2020s", "2023", "2024"]
    assert page.errors == []


def test_the_seeds_page_lists_every_event_of_the_seeds_json(open_page: Any) -> None:
    page = open_page("seeds")
    committed = json.loads((Path(__file__).resolve().parents[1] / "output" / "timeline.json").read_text("utf-8"))
    assert shown(page) == len(committed["events"]) > 20
    # The page draws CHUNK events at a time: scroll until every one is drawn.
    while page.locator("li.event").count() < shown(page):
        drawn = page.locator("li.event").count()
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_function("n => document.querySelectorAll('li.event').length > n", arg=drawn)
    assert page.locator("li.event").count() == len(committed["events"])
    # Seeds 000 and 001 are one article filed twice: its events say their two sources are one telling.
    copies = sum(e["tellings"] < len(e["sources"]) for e in committed["events"])
    assert page.locator(".tellings").count() == copies > 0
    page.fill("#q", "embassy")
    texts = [" ".join([e["description"], *(m["sentence"] for m in e["mentions"])]) for e in committed["events"]]
    wait_for_count(page, sum("embassy" in text.lower() for text in texts))
    assert page.errors == []


def test_typing_in_the_search_box_shrinks_the_list(open_page: Any) -> None:
    page = open_page("realistic")
    page.locator("#q").press_sequentially("talks")
    wait_for_count(page, 2)
    assert page.locator("li.event .desc").all_text_contents() == [
        "Talks between the union and the operators began around 5 January.",
        "Dockworkers walked out on Monday after the talks collapsed.",
    ]
    assert "Showing 2 of 9 events" in page.text_content("#count")


def test_date_range_keeps_events_overlapping_it(open_page: Any) -> None:
    page = open_page("realistic")
    page.fill("#from", "2024-01-01")
    page.fill("#to", "2024-01-31")
    wait_for_count(page, 3)
    assert page.locator("li.event time").all_text_contents() == ["2020s", "about 5 Jan 2024", "22 Jan 2024"]


def test_source_filter_and_toggles(open_page: Any) -> None:
    page = open_page("realistic")
    page.select_option("#src", "seeds/port_strike.txt#0")
    wait_for_count(page, 3)
    page.uncheck("input[value=inferred]")
    wait_for_count(page, 0)
    assert page.is_visible("#empty")
    page.click("#reset")
    wait_for_count(page, 9)
    page.uncheck("input[value=planned]")
    wait_for_count(page, 8)
    assert "October 2024" not in page.locator("li.event time").all_text_contents()


def test_evidence_shows_sentence_source_and_resolution(open_page: Any) -> None:
    page = open_page("realistic")
    event = page.locator("li.event", has_text="Two container ships")
    assert not event.locator(".m-sentence").is_visible()
    event.locator("summary").click()
    sentence = event.locator(".m-sentence")
    sentence.wait_for()
    assert sentence.text_content() == "Two container ships were struck on Tuesday near the port of Aden."
    assert sentence.locator("mark.timex").text_content() == "Tuesday"
    assert "Red Sea shipping disruption deepens · Harbour Gazette" in event.locator(".m-head").text_content()
    assert "28 Dec 2023, from the dateline" in event.locator(".m-pub").text_content()
    assert "XXXX-WXX-2" in event.locator(".m-how").text_content()
    assert "2 days before" in event.locator(".m-how").text_content()


def test_marks_are_visible_on_uncertain_events(open_page: Any) -> None:
    page = open_page("realistic")
    talks = page.locator("li.event", has_text="Talks between")
    assert talks.locator(".mark").all_text_contents() == ["≈ approximate", "? inferred context", "! conflict"]
    assert page.locator("li.event", has_text="deep-water").locator(".mark.planned").count() == 1


def test_fragment_keeps_and_restores_the_filter(open_page: Any) -> None:
    page = open_page("realistic")
    page.locator("#q").press_sequentially("strait")
    page.uncheck("input[value=planned]")
    page.fill("#from", "2023-09-01")
    wait_for_count(page, 1)
    fragment = page.evaluate("location.hash")
    assert "q=strait" in fragment and "hide=planned" in fragment and "from=2023-09-01" in fragment

    shared = open_page("realistic", fragment)
    assert shared.input_value("#q") == "strait"
    assert shared.input_value("#from") == "2023-09-01"
    assert not shared.is_checked("input[value=planned]")
    assert shown(shared) == 1
    assert shared.locator("li.event time").all_text_contents() == ["since 17 Oct 2023"]


def test_overview_and_year_links_jump_to_events(open_page: Any) -> None:
    page = open_page("realistic")
    assert page.locator("#histogram g.bin").count() == 27  # 1998 to 2024: too long for months, a bar a year
    page.click("#years button:text-is('2024')")
    assert page.evaluate("document.activeElement.querySelector('.desc').textContent").startswith("Talks between")
    page.locator("#histogram g.bin:not(.none)").first.click()
    assert page.evaluate("document.activeElement.querySelector('time').textContent") == "Q3 1998"


def test_keyboard_reaches_the_skip_link_and_the_search_box(open_page: Any) -> None:
    page = open_page("realistic")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to the chronology"
    page.locator("#q").focus()
    page.keyboard.type("aden")
    wait_for_count(page, 1)


@pytest.mark.parametrize("policy", ["enforced", "bypassed"])
def test_injected_markup_stays_inert_text(open_page: Any, policy: str) -> None:
    # With the Content-Security-Policy bypassed, escaping alone must keep the payloads inert.
    page = open_page("injection", bypass_csp=policy == "bypassed")
    for summary in page.locator("li.event summary").all():
        summary.click()
    page.locator(".m-sentence").first.wait_for()
    page.locator("li.event .desc").first.hover()
    assert page.evaluate("window.__pwned") is None
    assert page.title().startswith("Chronology")
    assert page.evaluate("document.querySelectorAll('[onerror], [onload], [onmouseover], img, iframe').length") == 0
    assert page.evaluate("document.querySelectorAll('script').length") == 2
    assert page.evaluate("getComputedStyle(document.body).display") == "block"
    # The payloads are shown, as text, wherever the source put them.
    descriptions = page.locator("li.event .desc").all_text_contents()
    assert descriptions[0] == f"{PAYLOADS[0]} happened on 1 March."
    assert page.locator("#warnings li").count() >= len(PAYLOADS)
    assert shown(page) == len(PAYLOADS)
    assert page.errors == []


def test_ten_thousand_events_open_in_chunks_and_filter(open_page: Any) -> None:
    page = open_page("large")
    assert shown(page) == 10_000
    rendered = page.locator("li.event").count()
    assert 0 < rendered < 10_000
    page.mouse.wheel(0, 20_000)
    page.wait_for_function("n => document.querySelectorAll('li.event').length > n", arg=rendered)
    page.locator("#q").press_sequentially("ceasefire convoy")
    page.wait_for_function("() => +document.getElementById('count').dataset.shown < 10000")
    data = json.loads(page.text_content("#timeline-data"))
    expected = sum(
        "ceasefire" in e["desc"].lower() and "convoy" in e["desc"].lower() for e in data["events"]
    )
    assert shown(page) == expected
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator("li.event").count() == expected  # printing draws every remaining chunk
    filtering = page.evaluate(
        "Math.max(...performance.getEntriesByName('chronology-filter').map(e => e.duration))"
    )
    assert filtering < 2000
    assert page.errors == []


def test_phone_width_has_no_horizontal_scroll(open_page: Any) -> None:
    page = open_page("realistic", viewport={"width": 375, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_print_hides_controls_and_dark_scheme_changes_colours(open_page: Any) -> None:
    page = open_page("realistic")
    light = page.evaluate("getComputedStyle(document.body).backgroundColor")
    page.emulate_media(media="print")
    assert not page.is_visible("#filters")
    assert not page.is_visible("#histogram")
    assert page.locator("li.event").first.is_visible()
    dark = open_page("realistic", color_scheme="dark")
    assert dark.evaluate("getComputedStyle(document.body).backgroundColor") != light


def test_the_sentence_marks_the_date_and_the_event_and_the_event_tells_who_where_and_who_reported(
    open_page: Any,
) -> None:
    page = open_page("structured")
    apple = page.locator("li.event", has_text="Apple unveiled")
    assert apple.locator(".desc mark.trigger").text_content() == "unveiled"
    assert apple.locator(".desc mark.timex").text_content() == "Tuesday"
    assert apple.locator(".desc mark.trigger").get_attribute("title") == "Event: the word the date belongs to"
    facts = apple.locator(".body > .facts").text_content()
    assert facts == "Who/what Apple agent · the iPhone patientWhere CupertinoReported by Reuters (reported)"
    apple.locator("summary").click()
    sentence = apple.locator(".m-sentence")
    sentence.wait_for()
    assert sentence.locator("mark").all_text_contents() == ["unveiled", "Tuesday"]
    assert "Reported by Reuters (reported)" in apple.locator(".mention .facts").text_content()
    assert page.errors == []


def test_a_statement_without_a_date_shows_how_it_was_placed(open_page: Any) -> None:
    page = open_page("structured")
    gallery = page.locator("li.event", has_text="The gallery said")
    assert gallery.locator(".mark.context").text_content() == "↳ narrative date"
    note = "No date of its own: placed at the date the article mentioned last before it."
    assert gallery.locator(".note").all_text_contents() == [note]
    assert gallery.locator(".mark.context").get_attribute("title") == note
    assert gallery.locator(".desc mark").all_text_contents() == ["sold"]
    # The second 'sold' is the event: the text before the mark runs through the first.
    assert gallery.locator(".desc").inner_html().startswith("The gallery said the painting it sold was <mark")
    assert "Reported by The gallery (said)" in gallery.locator(".body > .facts").text_content()
    pronoun = page.locator("li.event", has_text="She handed").locator(".facts .pronoun")
    assert pronoun.text_content() == "She"


def test_a_participant_holding_markup_is_shown_as_text(open_page: Any) -> None:
    page = open_page("structured")
    hostile = page.locator("li.event", has_text="signed the deal")
    facts = hostile.locator(".body > .facts").text_content()
    assert f"Who/what {HOSTILE} agent" in facts and f"Where {HOSTILE}" in facts
    assert facts.endswith("Reported (said), no source named")
    hostile.locator("summary").click()
    hostile.locator(".m-sentence").wait_for()
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("document.querySelectorAll('img, [onerror]').length") == 0
    assert page.errors == []


def test_key_events_show_the_most_salient_as_build_top_keeps_them(open_page: Any) -> None:
    page = open_page("salient")
    struck = page.locator("li.event", has_text="Two container ships")
    assert struck.locator(".salience").text_content() == "salience 0.80"
    page.check("#key")
    wait_for_count(page, 9)  # the ten most salient by default: all nine
    # Choosing how many asks for them; of the two at 0.6, the one first in page order is kept, as --top keeps it.
    page.uncheck("#key")
    wait_for_count(page, 9)
    page.fill("#keyn", "3")
    wait_for_count(page, 3)
    wait_for_drawn(page, 3)
    assert page.is_checked("#key")
    kept = filter_timeline(salient_timeline(), Selection(top=3)).events
    descriptions = page.locator("li.event .desc").all_text_contents()
    assert descriptions == [event.description for event in sorted(kept, key=page_key)] == [
        "Shipping through the strait has been disrupted since October 17.",
        "Two container ships were struck on Tuesday near the port of Aden.",
        "Dockworkers walked out on Monday after the talks collapsed.",
    ]
    assert page.text_content("#count") == "Showing 3 key events of 9"
    fragment = page.evaluate("location.hash")
    assert "key=3" in fragment

    shared = open_page("salient", fragment)
    wait_for_count(shared, 3)
    assert shared.is_checked("#key") and shared.input_value("#keyn") == "3"
    # The key events of a search are the most salient of what it finds.
    shared.fill("#keyn", "1")
    shared.locator("#q").press_sequentially("talks")
    wait_for_count(shared, 1)
    wait_for_drawn(shared, 1)
    assert shared.locator("li.event .desc").all_text_contents() == [
        "Dockworkers walked out on Monday after the talks collapsed."
    ]
    shared.click("#reset")
    wait_for_count(shared, 9)
    assert not shared.is_checked("#key") and shared.input_value("#keyn") == "10"
    assert page.errors == [] and shared.errors == []
