"""A web page's publication date from its structured metadata (JSON-LD, OpenGraph, meta tags, microdata), with the
last-modified date kept apart: never taken for the publication date, which anchors every relative date."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import trafilatura
from htmldate import find_date
from hypothesis import given, settings
from hypothesis import strategies as st

from chronology.cli import main
from chronology.ingest import PageDates, html_document, page_dates

BODY = (
    "<body><article><h1>Storm hits the coast</h1>"
    "<p>A powerful storm hit the coast yesterday, cutting power to thousands of homes, officials said. "
    "Crews worked through the night to clear roads and restore the lines in the worst hit towns.</p>"
    "<p>The weather service said the storm would move inland and weaken over the next two days.</p>"
    "</article></body>"
)


def page(head: str, body: str = BODY) -> str:
    return f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Storm</title>{head}</head>{body}</html>"


def json_ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def htmldate(markup: str) -> str | None:
    """What the page gave before its metadata was read: htmldate alone, as html_document calls it."""
    return find_date(markup, extensive_search=False, original_date=True, max_date="2100-12-31")


def dates(markup: str) -> tuple[str | None, str | None]:
    document = html_document(markup, "page.html")
    return document.published, document.modified


PUBLISHED_AND_MODIFIED = page(
    json_ld({
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": "Storm hits the coast",
        "datePublished": "2024-03-05T10:00:00+01:00", "dateModified": "2024-03-06T09:30:00+01:00",
    })
    + '<meta property="article:modified_time" content="2024-03-06T09:30:00+01:00">'
)
# A canonical URL holding a date: what htmldate finds first on a page without metadata.
CANONICAL = '<link rel="canonical" href="https://news.example.com/2023/11/02/storm-hits-the-coast">'


# --- the precedence of the sources --------------------------------------------------------------------------------


def test_json_ld_gives_the_published_date_and_keeps_the_modified_one_apart() -> None:
    assert htmldate(PUBLISHED_AND_MODIFIED) == "2024-03-06"  # the modified date: what this page used to get
    assert dates(PUBLISHED_AND_MODIFIED) == ("2024-03-05", "2024-03-06")


def test_yesterday_in_a_built_page_is_the_day_before_its_published_date(tmp_path: Path) -> None:
    path = tmp_path / "storm.html"
    path.write_text(PUBLISHED_AND_MODIFIED, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(path), "-q", "--out", str(out)]) == 0
    timeline = json.loads((out / "timeline.json").read_text(encoding="utf-8"))
    [article] = timeline["articles"]
    assert article["publication"]["basis"] == "metadata"
    assert article["publication"]["date"] == "2024-03-05"
    dated = [event["date"]["value"] for event in timeline["events"] if event["anchored_by"] == "expression"]
    assert dated == ["2024-03-04"]


def test_the_article_of_a_graph_is_found_among_the_other_objects() -> None:
    markup = page(json_ld({"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "Example News", "datePublished": "2001-01-01"},
        {"@type": "WebPage", "datePublished": "2024-03-01", "dateModified": "2024-03-07"},
        {"@type": ["ReportageNewsArticle"], "datePublished": "2024-03-05", "dateModified": "2024-03-06"},
    ]}))
    assert dates(markup) == ("2024-03-05", "2024-03-06")


@pytest.mark.parametrize("kind", ["Article", "BlogPosting", "schema:NewsArticle", "https://schema.org/NewsArticle"])
def test_article_types_are_known_with_or_without_a_prefix(kind: str) -> None:
    assert dates(page(json_ld([{"@type": "Organization"}, {"@type": kind, "datePublished": "2024-03-05"}]))) == (
        "2024-03-05", None
    )


def test_the_pages_own_article_comes_before_the_related_articles_it_lists() -> None:
    related = {"@type": "ItemList", "itemListElement": [
        {"@type": "ListItem", "item": {"@type": "NewsArticle", "datePublished": "2020-01-01"}},
    ]}
    markup = page(json_ld(related) + json_ld({"@type": "NewsArticle", "datePublished": "2024-03-05"}))
    assert dates(markup) == ("2024-03-05", None)


def test_opengraph_alone_gives_both_dates() -> None:
    markup = page(
        '<meta property="og:type" content="article">'
        '<meta property="article:published_time" content="2024-03-05T22:15:00-05:00">'
        '<meta property="og:updated_time" content="2024-03-06T08:00:00-05:00">'
    )
    # The day is the page's own: 22:15 in New York on March 5 is March 5, although it is March 6 in UTC.
    assert dates(markup) == ("2024-03-05", "2024-03-06")


def test_a_modified_meta_before_the_published_one_is_not_the_publication_date() -> None:
    markup = page(
        '<meta property="article:modified_time" content="2024-03-06T09:00:00Z">'
        '<meta name="pubdate" content="2024-03-04">'
        '<meta property="article:published_time" content="2024-03-05T10:00:00Z">'
        '<meta property="og:updated_time" content="2024-03-07T09:00:00Z">'
    )
    # article:published_time outranks the named meta tags; article:modified_time outranks og:updated_time.
    assert dates(markup) == ("2024-03-05", "2024-03-06")


def test_microdata_on_a_time_element_and_a_meta_tag() -> None:
    markup = page("", BODY.replace(
        "<h1>", '<meta itemprop="dateModified" content="2024-03-06"><time itemprop="datePublished" '
        'datetime="2024-03-05T10:00:00Z">March 5</time><h1>',
    ))
    assert dates(markup) == ("2024-03-05", "2024-03-06")


@pytest.mark.parametrize("name", ["date", "pubdate", "publishdate", "dc.date.issued", "DC.date", "parsely-pub-date"])
def test_named_meta_tags_give_the_published_date(name: str) -> None:
    assert dates(page(f'<meta name="{name}" content="2024-03-05T10:00:00Z">')) == ("2024-03-05", None)


def test_an_rfc_2822_date_is_read() -> None:
    assert dates(page('<meta name="sailthru.date" content="Tue, 05 Mar 2024 10:00:00 -0500">'))[0] == "2024-03-05"


def test_json_ld_outranks_the_meta_tags_and_its_creation_date_comes_last() -> None:
    article = {"@type": "NewsArticle", "datePublished": "2024-03-05", "dateCreated": "2024-03-01"}
    assert dates(page(json_ld(article) + '<meta name="date" content="2024-03-04">'))[0] == "2024-03-05"
    del article["datePublished"]
    assert dates(page(json_ld(article) + '<meta name="date" content="2024-03-04">'))[0] == "2024-03-04"
    assert dates(page(json_ld(article)))[0] == "2024-03-01"


# --- falling back --------------------------------------------------------------------------------------------------


def test_broken_json_ld_falls_back_to_the_meta_tags() -> None:
    broken = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-03-01",</script>'
    markup = page(broken + '<meta property="article:published_time" content="2024-03-05T10:00:00Z">')
    assert dates(markup) == ("2024-03-05", None)


def test_broken_json_ld_without_meta_tags_falls_back_to_htmldate() -> None:
    broken = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": 2024-03-01}</script>'
    markup = page(CANONICAL + broken)
    assert dates(markup) == (htmldate(markup), None) == ("2023-11-02", None)


def test_a_page_without_metadata_gets_htmldates_date_as_before() -> None:
    markup = page(CANONICAL)
    assert dates(markup) == (htmldate(markup), None) == ("2023-11-02", None)
    nothing = page("")
    assert dates(nothing) == (htmldate(nothing), None) == (None, None)


def test_unreadable_metadata_values_are_left_to_htmldate() -> None:
    markup = page('<meta property="article:published_time" content="March 5, 2024">')
    assert dates(markup) == (htmldate(markup), None) == ("2024-03-05", None)


def test_a_page_stating_only_a_modified_date_gets_no_publication_date_from_it() -> None:
    for head in (
        '<meta property="og:updated_time" content="2024-03-06T09:00:00Z">',
        '<meta name="lastmod" content="2024-03-06">',
        '<meta http-equiv="last-modified" content="2024-03-06">',
    ):
        markup = page(head)
        assert htmldate(markup) == "2024-03-06"  # htmldate falls back on the modified date
        assert dates(markup)[0] is None
    # htmldate still reads everything else on such a page.
    markup = page(CANONICAL + '<meta property="og:updated_time" content="2024-03-06T09:00:00Z">')
    assert dates(markup) == ("2023-11-02", "2024-03-06")


# --- hostile pages -------------------------------------------------------------------------------------------------


def read(markup: str) -> PageDates:
    tree = trafilatura.load_html(markup)
    assert tree is not None
    return page_dates(tree)


@pytest.mark.parametrize(
    "script",
    [
        "", "null", "42", '"text"', "[]", "{", "}{", "<!-- not json -->", "[" * 100_000 + "]" * 100_000,
        '{"@type": {"x": 1}, "datePublished": "2024-03-05"}', '{"@type": 7, "datePublished": "2024-03-05"}',
        '{"@type": "NewsArticle", "datePublished": 20240305}', '{"@type": "NewsArticle", "datePublished": ["x"]}',
        '{"@type": "NewsArticle", "datePublished": "1970-01-01T00:00:00Z"}',
        '{"@type": "NewsArticle", "datePublished": "0000-00-00"}',
        '{"@type": "NewsArticle", "datePublished": "2024-13-45"}',
        '{"@type": "NewsArticle", "datePublished": "' + "2024-03-05" * 1000 + '"}',
        '{"@type": "NewsArticle", "datePublished": 1' + "0" * 5000 + "}",
    ],
)
def test_broken_or_meaningless_json_ld_gives_no_date(script: str) -> None:
    assert read(page(f'<script type="application/ld+json">{script}</script>')) == PageDates()


def test_raw_line_breaks_inside_json_ld_strings_are_tolerated() -> None:
    script = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Storm\nhits",' \
             ' "datePublished": "2024-03-05"}</script>'
    assert read(page(script)).published == "2024-03-05"


def test_deeply_nested_broken_markup_still_gives_its_metadata() -> None:
    body = "<body>" + "<div><span>" * 20_000 + "<p>Text</p></b></i><td><<<>>>" + "</div>" * 5 + "<p unclosed"
    markup = page('<meta property="article:published_time" content="2024-03-05"><meta name="date">', body)
    assert read(markup) == PageDates(published="2024-03-05")
    assert html_document(markup, "deep.html").published == "2024-03-05"


def test_a_huge_page_of_metadata_is_read_completely() -> None:
    # Quadratic work on these would take minutes.
    listed = [{"@type": "WebPage", "datePublished": "2020-01-01"}] * 20_000
    metas = '<meta name="description" content="x">' * 50_000
    markup = page(metas + json_ld({"@graph": [{"@type": "ItemList", "itemListElement": listed}]})
                  + '<meta property="og:updated_time" content="2024-03-06">')
    assert read(markup) == PageDates(modified="2024-03-06", names_modified=True)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.sampled_from(["datePublished", "dateModified", "dateCreated"]))
def test_any_metadata_value_gives_a_plausible_date_or_none(value: str, key: str) -> None:
    markup = page(
        json_ld({"@type": "NewsArticle", key: value})
        + f'<meta property="article:published_time" content="{value.replace(chr(34), "")}">'
    )
    found = read(markup)
    for date in (found.published, found.modified):
        assert date is None or (len(date) == 10 and "1995-01-01" <= date <= "2100-12-31")


# A page whose whole content is a URL. htmldate takes a string that starts with "http" and holds no space for a URL
# and downloads it; nothing may download at run time.
URL_ONLY_PAGES = (
    "https://example.com/news/article.html",
    "https://example.com/news/article.html\n",
    "http://example.com/2024/03/05/storm-hits-the-coast.html\r\n",
    "  \n\thttps://example.com/news/article.html \n\n",
    "www.example.com/news/article.html",
    "  www.example.com/news/2024/03/05/article.html\n",
)


@pytest.fixture
def fetches(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every network layer htmldate and trafilatura could reach (their fetch functions, urllib3, sockets) made to
    record the attempt and fail. html_document turns any exception into "no result", so the test reads the
    record, not an exception."""
    import socket

    import htmldate.utils
    import trafilatura.downloads
    import urllib3

    attempts: list[str] = []

    def refuse(name: str) -> object:
        def fetch(*args: object, **kwargs: object) -> None:
            attempts.append(f"{name}{args[:2]!r}")
            raise OSError(f"network access attempted: {name}")

        return fetch

    for owner, name in (
        (htmldate.utils, "fetch_url"), (trafilatura.downloads, "fetch_url"),
        (trafilatura.downloads, "fetch_response"), (trafilatura, "fetch_url"), (trafilatura, "fetch_response"),
        (urllib3.PoolManager, "urlopen"), (urllib3.PoolManager, "request"),
        (urllib3.connectionpool.HTTPConnectionPool, "urlopen"), (socket.socket, "connect"),
        (socket.socket, "connect_ex"), (socket, "create_connection"), (socket, "getaddrinfo"),
    ):
        monkeypatch.setattr(owner, name, refuse(f"{getattr(owner, '__name__', owner)}.{name}"))
    return attempts


@pytest.mark.parametrize("markup", URL_ONLY_PAGES)
def test_a_page_that_is_only_a_url_is_never_fetched(markup: str, fetches: list[str]) -> None:
    document = html_document(markup, "link.html")
    assert fetches == []
    assert document.text.strip() in ("", markup.strip())
    assert document.published is None


@pytest.mark.parametrize(
    "markup",
    [
        # Markup with no space at all, after a URL: htmldate took these for URLs too, on either of its paths
        # (the second states a modified date, so htmldate is given a parsed page without it).
        "https://example.com/a.html\n<p>Storm</p>",
        'https://example.com/a.html<meta\tproperty="article:modified_time"\tcontent="2024-03-06"><p>Storm</p>',
    ],
)
def test_markup_after_a_url_is_never_fetched(markup: str, fetches: list[str]) -> None:
    document = html_document(markup, "link.html")
    assert fetches == []
    assert document.published is None


def test_a_url_only_file_is_read_without_fetching(tmp_path: Path, fetches: list[str]) -> None:
    from chronology.ingest import iter_documents

    for number, markup in enumerate(URL_ONLY_PAGES):
        (tmp_path / f"link{number}.html").write_text(markup, encoding="utf-8")
    problems: list[str] = []
    documents = list(iter_documents([str(tmp_path)], problems.append))
    assert fetches == []
    assert all(document.published is None for document in documents)
