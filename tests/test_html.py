"""The HTML page without a browser: display helpers, payload, escaping, template lookup."""

import base64
import datetime as dt
import hashlib
import json
import re

import pytest
from html_fixtures import PAYLOADS, injection_timeline, realistic_timeline
from hypothesis import given
from hypothesis import strategies as st
from timeline_fixtures import HOSTILE, structured_timeline

from chronology import html
from chronology.html import (
    display_date,
    embed_json,
    find_expression,
    group_labels,
    place_in_sentence,
    publication_label,
    render_html,
    resolution_note,
    timeline_payload,
    timeline_warnings,
)
from chronology.models import PublicationContext
from chronology.values import date_value


def _date(value, mod=None):
    date = date_value(value, mod)
    assert date is not None
    return date


@pytest.mark.parametrize(
    ("value", "mod", "status", "shown"),
    [
        ("2023-12-26", None, None, "26 Dec 2023"),
        ("2024-10", None, None, "October 2024"),
        ("2023-SU", None, None, "Summer 2023"),
        ("2023-WI", None, None, "Winter 2023–24"),
        ("2020", None, None, "2020"),
        ("202", None, None, "2020s"),
        ("19", None, None, "20th century"),
        ("1998-Q3", None, None, "Q3 1998"),
        ("1998-H2", None, None, "second half of 1998"),
        ("2024-W03", None, None, "week of 15 Jan 2024"),
        ("2024-W03-WE", None, None, "weekend of 20 Jan 2024"),
        ("2023-12-26TMO", None, None, "26 Dec 2023, morning"),
        ("2023-12-26T14:30", None, None, "26 Dec 2023, 14:30"),
        ("2023-10-17", None, "ongoing", "since 17 Oct 2023"),
        ("2024-10", "MID", None, "mid-October 2024"),
        ("2023", "END", None, "late 2023"),
        ("2023-12-26", "APPROX", None, "about 26 Dec 2023"),
        ("2024-10", None, "planned", "October 2024"),
    ],
)
def test_dates_display_at_their_real_precision(value, mod, status, shown):
    assert display_date(_date(value, mod), status) == shown


def test_events_group_under_year_and_month_or_a_longer_period():
    assert group_labels(_date("2023-12-26")) == ("2023", "December")
    assert group_labels(_date("2024-10")) == ("2024", "October")
    assert group_labels(_date("2023-SU")) == ("2023", "Longer periods")
    assert group_labels(_date("202")) == ("2020s", "Longer periods")


def test_page_order_puts_longer_periods_first_within_a_year():
    events = timeline_payload(realistic_timeline())["events"]
    headings = [(e["year"], e["month"]) for e in events]
    assert headings[:3] == [("1998", "Longer periods"), ("2020s", "Longer periods"), ("2023", "Longer periods")]
    assert [e["date"] for e in events][3:] == [
        "since 17 Oct 2023", "December 2023", "26 Dec 2023", "about 5 Jan 2024", "22 Jan 2024", "October 2024",
    ]


def test_expression_is_found_by_search():
    text = "On Tuesday, and again on Tuesday, ships were struck."
    assert find_expression(text, "Tuesday") == (3, 10)
    assert find_expression(text, "tuesday") == (3, 10)
    assert find_expression(text, "Monday") is None
    assert find_expression(text, "") is None


@given(st.text(max_size=40), st.text(min_size=1, max_size=8))
def test_found_expression_is_really_there(text, expression):
    found = find_expression(text, expression)
    if found is None:
        assert expression.lower() not in text.lower()
    else:
        assert text[found[0] : found[1]].lower() == expression.lower()


def test_resolution_explains_anchoring_to_publication():
    mention = next(m for e in realistic_timeline().events for m in e.mentions if m.expression == "Tuesday")
    note = resolution_note(mention)
    assert "XXXX-WXX-2" in note
    assert "the publication date, 28 Dec 2023" in note
    assert "resolves to 26 Dec 2023 (2023-12-26) (2 days before)" in note


def test_resolution_of_a_complete_date_says_so():
    mention = next(m for e in realistic_timeline().events for m in e.mentions if m.expression == "October 2024")
    assert resolution_note(mention) == "“October 2024” is a complete date: October 2024 (2024-10)."


def test_publication_label_shows_basis_and_inferred_window():
    assert publication_label(PublicationContext(date=dt.date(2023, 12, 28), basis="dateline")) == (
        "28 Dec 2023, from the dateline"
    )
    inferred = PublicationContext(
        date=dt.date(2024, 1, 25), basis="inferred", earliest=dt.date(2024, 1, 22), latest=dt.date(2024, 1, 27),
        confidence=0.6,
    )
    assert publication_label(inferred) == (
        "25 Jan 2024, inferred from the text (between 22 Jan 2024 and 27 Jan 2024, confidence 60%)"
    )
    assert publication_label(PublicationContext(date=None, basis="unknown")) == "no publication date"
    year_only = PublicationContext(
        date=None, basis="unknown", earliest=dt.date(2024, 1, 1), latest=dt.date(2024, 12, 31)
    )
    assert publication_label(year_only) == "no publication date (between 1 Jan 2024 and 31 Dec 2024)"


def test_marks_follow_mod_status_basis_and_disagreement():
    flags = {e["desc"][:20]: e["flags"] for e in timeline_payload(realistic_timeline())["events"]}
    assert flags["Talks between the un"] == ["approx", "inferred", "conflict"]
    assert flags["A second deep-water t"[:20]] == ["planned"]
    assert flags["Dockworkers walked o"] == ["inferred"]
    assert flags["Two container ships "] == []
    assert flags["Container volumes ha"] == ["inferred", "coarse"]


def test_description_highlight_covers_the_expression():
    events = timeline_payload(realistic_timeline())["events"]
    struck = next(e for e in events if e["date"] == "26 Dec 2023")
    start, end = struck["hl"]
    assert struck["desc"][start:end] == "Tuesday"
    mention = struck["mentions"][0]
    assert mention["sent"][mention["hl"][0] : mention["hl"][1]] == "Tuesday"


def test_warnings_add_articles_without_publication_date():
    timeline = realistic_timeline()
    undated = timeline.articles[0].model_copy(
        update={"id": "x.txt#0", "source": "x.txt", "publication": PublicationContext(date=None, basis="unknown")}
    )
    warnings = timeline_warnings(timeline.model_copy(update={"articles": (*timeline.articles, undated)}))
    assert warnings[0] == timeline.warnings[0]
    assert any("x.txt" in w and "no publication date" in w for w in warnings)
    # The inferred article is already named by a timeline warning: no second line for it.
    assert sum("port_strike" in w for w in warnings) == 1


@given(st.text())
def test_embedded_json_never_closes_its_script_element(text):
    embedded = embed_json({"t": text})
    assert "<" not in embedded and ">" not in embedded and "&" not in embedded
    assert json.loads(embedded) == {"t": text}


def test_page_escapes_every_injected_field():
    page = render_html(injection_timeline())
    # The only script elements are the page's own two; no payload opened a tag or an attribute.
    assert len(re.findall(r"<script\b", page)) == 2
    for payload in PAYLOADS:
        assert payload not in page or not re.search("[<>\"']", payload)
    # Input text never becomes a link target: a javascript: URL stays text.
    assert not re.search(r"(?:href|src|action)=[\"']?javascript:", page, re.IGNORECASE)
    assert "<img" not in page and "<svg onload" not in page and "<style>body" not in page
    assert "&lt;script&gt;window.__pwned" in page


def test_page_is_self_contained_with_a_strict_policy():
    page = render_html(realistic_timeline())
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy is not None and "default-src 'none'" in policy.group(1)
    script = page.rsplit("<script>", 1)[1].split("</script>", 1)[0]
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in policy.group(1)
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", page)


def test_counts_and_sources_panel_are_in_the_page():
    page = render_html(realistic_timeline())
    assert '<dd id="stat-events">9</dd>' in page
    assert '<dd id="stat-sources">2</dd>' in page
    assert "Port strike talks collapse" in page and "inferred from the text" in page


def test_templates_are_found_from_the_checkout(tmp_path, monkeypatch):
    assert html.template_dirs()[-1].name == "templates"
    monkeypatch.setattr(html.chronology, "__file__", str(tmp_path / "chronology" / "__init__.py"))
    with pytest.raises(html.OutputError):
        render_html(realistic_timeline())


def _page_events(folder) -> list[dict]:
    page = (folder / "timeline.html").read_text(encoding="utf-8")
    data = re.search(r'<script type="application/json" id="timeline-data">(.*?)</script>', page, re.S)
    assert data is not None
    return json.loads(data[1])["events"]


def test_page_explains_disagreeing_dates_and_statements_placed_by_context(tmp_path):
    from chronology.cli import main

    # The same statement with two calendar dates: a disagreement ("on Monday" in both would be two Mondays).
    statement = "The prime minister met the American president at the White House on December {} to discuss troops.\n"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(statement.format(18) + "The talks were described as frank.\n", "utf-8")
    (tmp_path / "in" / "b.txt").write_text(statement.format(25), encoding="utf-8")
    out = tmp_path / "out"
    published = ["--published", "a.txt=2023-12-20", "--published", "b.txt=2023-12-27"]
    assert main(["build", str(tmp_path / "in"), "--out", str(out), "-q", *published]) == 0
    events = {e["desc"][:20]: e for e in _page_events(out)}
    met = events["The prime minister m"]
    assert "conflict" in met["flags"]
    (conflict_note,) = met["notes"]
    assert "18 Dec 2023" in conflict_note and "25 Dec 2023" in conflict_note and "(used)" in conflict_note
    assert "because" in conflict_note
    frank = events["The talks were descr"]
    assert "context" in frank["flags"] and frank["anch"] == "narrative" and frank["notes"] == []


def test_the_detail_note_names_the_event_the_date_was_attached_to():
    from chronology.html import trigger_note
    from chronology.models import Trigger

    plain = next(m for e in realistic_timeline().events for m in e.mentions if m.expression == "Tuesday")
    trigger = Trigger(
        text="reopen", span=(40, 46), event_class="OCCURRENCE", tense="NONE", aspect="NONE", polarity="POS",
        modality="would",
    )
    mention = plain.model_copy(update={"trigger": trigger})
    assert trigger_note(mention) == " It dates “reopen” (occurrence, “would”)."
    assert trigger_note(mention.model_copy(update={"trigger": None})) == ""
    sold = trigger.model_copy(update={"text": "sold", "span": (50, 54), "modality": None})
    told = mention.model_copy(update={"related_triggers": (sold,)})
    assert trigger_note(told) == " It dates “reopen” (occurrence, “would”), and with it “sold”."


def _structured_events() -> dict[str, dict]:
    return {e["desc"].split()[0]: e for e in timeline_payload(structured_timeline())["events"]}


def _marked(text: str, span: list[int] | None) -> str | None:
    return None if span is None else text[span[0] : span[1]]


def test_the_sentence_marks_its_date_and_the_event_it_dates():
    apple = _structured_events()["Apple"]
    (mention,) = apple["mentions"]
    assert _marked(mention["sent"], mention["hl"]) == "Tuesday"
    assert _marked(mention["sent"], mention["tg"]) == "unveiled"
    assert apple["desc"] == mention["sent"] and "tg" not in apple


def test_a_reported_event_says_who_did_what_where_and_who_reported_it():
    (mention,) = _structured_events()["Apple"]["mentions"]
    assert mention["who"] == ["aApple", "pthe iPhone"]  # role letter and text, the agent first
    assert mention["at"] == "Cupertino"
    assert mention["by"] == ["Reuters", "reported"]


def test_names_come_before_pronouns():
    (mention,) = _structured_events()["She"]["mentions"]
    assert mention["who"] == ["pthe award", "rthe winner", "AShe"]  # a pronoun's letter is a capital


def test_a_statement_placed_by_the_narrative_marks_its_own_trigger_and_says_how_it_was_placed():
    gallery = _structured_events()["The"]
    (mention,) = gallery["mentions"]
    # The raw sentence's runs of spaces are collapsed in the shown one: the second 'sold' is still the one marked.
    assert mention["sent"] == "The gallery said the painting it sold was sold again to the museum."
    assert mention["tg"] == (42, 46) and mention["hl"] is None
    assert "tg" not in gallery  # the description is the sentence: the page takes the sentence's mark
    assert gallery["anch"] == "narrative" and "context" in gallery["flags"]
    assert mention["how"].startswith("No date expression: placed at an earlier date (t1), 5 Mar 2024.")
    # A statement told by the writer, with a date of its own, has no anchoring to show.
    assert "anch" not in _structured_events()["Apple"]


def test_a_phrase_that_cannot_be_placed_is_not_marked():
    (mention,) = structured_timeline().events[0].mentions
    start = mention.sentence_span[0]
    assert place_in_sentence(mention, "iPhone", (start + 19, start + 25)) == (19, 25)
    # Cut from the shown sentence, or only inside a longer word ('Cupertino' holds no 'pert'): left unmarked.
    shortened = mention.model_copy(update={"sentence": "Apple unveiled the…"})
    assert place_in_sentence(shortened, "Cupertino", (start + 29, start + 38)) is None
    assert place_in_sentence(mention, "pert", (start + 32, start + 36)) is None
    # Of two occurrences, the one at the offset; text only moves left when a sentence is cleaned, so an
    # occurrence after the offset is another word.
    twice = mention.model_copy(update={"sentence": "On Tuesday, and again on Tuesday, ships were struck."})
    assert place_in_sentence(twice, "Tuesday", (start + 25, start + 32)) == (25, 32)
    assert place_in_sentence(twice, "Tuesday", (start + 27, start + 34)) == (25, 32)  # two spaces collapsed before
    assert place_in_sentence(mention, "reported", (start + 10, start + 18)) is None


def test_a_participant_holding_markup_stays_text_on_the_page():
    page = render_html(structured_timeline())
    assert HOSTILE not in page and "<img" not in page
    assert len(re.findall(r"<script\b", page)) == 2
    hostile = next(e for e in _structured_events().values() if e["desc"].startswith("<img"))
    assert hostile["mentions"][0]["who"] == [f"a{HOSTILE}"] and hostile["mentions"][0]["at"] == HOSTILE


def test_page_says_when_sources_are_copies_of_one_telling(tmp_path):
    from chronology.cli import main

    story = "Port strike\n\nDockworkers walked out on Monday after talks with the port authority collapsed.\n"
    other = "Dock news\n\nDockworkers in Santos walked out on Monday after talks with the port authority collapsed.\n"
    (tmp_path / "in").mkdir()
    for name, text in (("a.txt", story), ("b.txt", story), ("c.txt", other)):
        (tmp_path / "in" / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(tmp_path / "in"), "--out", str(out), "-q", "--published", "2024-03-06"]) == 0
    # One walkout, three sources, two tellings: a.txt and b.txt are one article filed twice.
    walked = [e for e in _page_events(out) if "walked out" in e["desc"]]
    assert [(len(e["src"]), e.get("tell")) for e in walked] == [(3, 2)]
    timeline = json.loads((out / "timeline.json").read_text("utf-8"))
    assert [e["tellings"] for e in timeline["events"] if "walked out" in e["description"]] == [2]
