"""Ingest: every input type, the problems a user is told about, and the seed files' article splits."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronology.cli import main
from chronology.errors import InputError
from chronology.ingest import (
    CHROME_PATTERNS,
    IngestSettings,
    boilerplate_lines,
    boilerplate_spans,
    decode,
    is_chrome,
    iter_documents,
    normalise_headline,
    read_manifest,
    split_articles,
    strip_tags,
)
from chronology.models import Article, Document

FIXTURES = Path(__file__).parent / "fixtures" / "inputs"
SEEDS = Path(__file__).parent.parent / "seeds"


def read(*paths: str | Path, settings: IngestSettings | None = None) -> tuple[list[Document], list[str]]:
    problems: list[str] = []
    documents = list(iter_documents([str(p) for p in paths], problems.append, settings))
    return documents, problems


def seed_articles(prefix: str) -> tuple[Document, list[Article]]:
    [path] = SEEDS.glob(f"{prefix}_*.txt")
    [document], problems = read(path)
    assert problems == []
    return document, split_articles(document)


# --- input types ------------------------------------------------------------------------------------------------


def test_plain_text_is_read_as_is() -> None:
    [document], problems = read(SEEDS / "003_4270a9efd2e10240.txt")
    assert problems == []
    assert document.format == "text"
    assert document.text.startswith("US, Iraq to Kick Off Talks")


def test_html_page_gives_main_text_title_and_page_date() -> None:
    [document], problems = read(FIXTURES / "page.html")
    assert problems == []
    assert document.format == "html"
    assert document.title == "Council Approves Budget"
    assert document.published == "2023-03-14"
    assert "approved the new budget on Monday" in document.text
    assert "Copyright" not in document.text and "Home" not in document.text



def test_an_html_page_names_its_site_as_the_publisher(tmp_path: Path) -> None:
    path = tmp_path / "vote.html"
    path.write_text(
        '<html><head><meta property="og:site_name" content="The Gazette"><title>Vote</title></head><body><article>'
        "<p>The council voted on Tuesday, March 5, 2024, to close the old bridge for repairs. The work will take "
        "two years and cost about 3 million dollars, officials said.</p></article></body></html>",
        encoding="utf-8",
    )
    [document], _ = read(path)
    assert (document.title, document.publisher) == ("Vote", "The Gazette")
    [article] = split_articles(document)
    assert article.publisher == "The Gazette"

def test_a_paragraph_printed_by_several_pages_stays_in_every_one(tmp_path: Path) -> None:
    # The same wire paragraph on five sites: trafilatura's shared duplicate cache dropped it from the later pages.
    page = (FIXTURES / "page.html").read_text(encoding="utf-8")
    for number in range(5):
        (tmp_path / f"site{number}.html").write_text(page, encoding="utf-8")
    documents, problems = read(tmp_path)
    assert problems == [] and len(documents) == 5
    assert {document.text for document in documents} == {documents[0].text}
    assert "approved the new budget on Monday" in documents[-1].text


def test_broken_deeply_nested_html_falls_back_to_its_visible_text() -> None:
    [document], problems = read(FIXTURES / "broken.html")
    assert problems == []
    assert "Deep text survives the nesting." in document.text
    assert "Second paragraph after broken" in document.text


def test_tag_stripping_skips_scripts_and_keeps_blocks_apart() -> None:
    text, title = strip_tags("<title> A  page </title><script>var x = 1;</script><p>One.</p><p>Two.</p>")
    assert (text, title) == ("One.\n\nTwo.", "A page")


def test_json_list_of_records_with_ids() -> None:
    documents, problems = read(FIXTURES / "records.json")
    assert problems == []
    assert [d.source for d in documents] == [f"{FIXTURES / 'records.json'}#bridge", f"{FIXTURES / 'records.json'}#1"]
    assert documents[0].title == "Bridge reopens"
    assert documents[0].published == "2022-06-04"
    assert documents[0].url == "https://example.org/bridge"
    assert documents[1].published is None


def test_json_single_record(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"text": "Rain fell on Sunday.", "published": "2020-02-02"}))
    [document], problems = read(path)
    assert (document.source, document.published, problems) == (str(path), "2020-02-02", [])


@pytest.mark.parametrize("stamp", [1709718000, 1709718000000, 1709718000.5])
def test_a_json_date_given_as_a_unix_time_is_read_in_utc(tmp_path: Path, stamp: float) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"text": "Rain fell on Sunday.", "publishedAt": stamp}))
    [document], _ = read(path)
    assert document.published is not None and document.published.startswith("2024-03-06T09:40:00")


def test_jsonl_with_common_field_names_skips_the_broken_line_by_number() -> None:
    # body / headline / date: the records name their fields as many exports do.
    documents, problems = read(FIXTURES / "records.jsonl")
    assert [d.title for d in documents] == ["Storm", "Markets"]
    assert documents[0].published == "26 juillet 2021"
    assert len(problems) == 1
    assert "records.jsonl: line 2: malformed JSON" in problems[0]


def test_json_record_without_text_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps([{"title": "no text"}, 3]))
    documents, problems = read(path)
    assert documents == []
    assert problems == [
        f"{path}: record 0: no text (none of the fields {', '.join(IngestSettings().text_fields)}), skipped",
        f"{path}: record 1: not a JSON object, skipped",
    ]


def test_a_newsapi_response_gives_its_articles_with_source_names_and_dates(tmp_path: Path) -> None:
    path = tmp_path / "newsapi.json"
    path.write_text(json.dumps({"status": "ok", "totalResults": 2, "articles": [
        {"source": {"id": None, "name": "Reuters"}, "title": "Storm hits coast", "url": "https://x.example/a",
         "publishedAt": "2024-03-06T10:00:00Z", "description": "A storm hit.",
         "content": "A powerful storm hit the coast on Monday, officials said."},
        {"source": {"id": None, "name": "AP"}, "title": "Aftermath", "publishedAt": "2024-03-07T09:00:00Z",
         "description": "The storm left thousands without power.", "content": None},
    ]}))
    documents, problems = read(path)
    assert problems == []
    assert [(d.source, d.publisher, d.published, d.title) for d in documents] == [
        (f"{path}#0", "Reuters", "2024-03-06T10:00:00Z", "Storm hits coast"),
        (f"{path}#1", "AP", "2024-03-07T09:00:00Z", "Aftermath"),
    ]
    # No full text in the second record: its description is what there is to read.
    assert [d.text for d in documents] == [
        "A powerful storm hit the coast on Monday, officials said.", "The storm left thousands without power.",
    ]


def test_a_cms_export_gives_the_text_of_its_html_body_and_nested_title(tmp_path: Path) -> None:
    path = tmp_path / "posts.json"
    path.write_text(json.dumps([{"id": 7, "date": "2024-03-06T10:00:00", "title": {"rendered": "Council votes"},
                                 "content": {"rendered": "<p>The council voted on <b>Tuesday</b>.</p>"}}]))
    [document], problems = read(path)
    assert problems == []
    assert (document.source, document.title, document.published) == (f"{path}#7", "Council votes",
                                                                       "2024-03-06T10:00:00")
    assert "<" not in document.text and "The council voted on Tuesday." in document.text


def test_a_body_given_as_paragraphs_reads_as_one_text(tmp_path: Path) -> None:
    path = tmp_path / "story.json"
    path.write_text(json.dumps({"headline": "Bridge", "body": ["The bridge opened in May.", "It cost $2m."]}))
    [document], _ = read(path)
    assert document.text == "The bridge opened in May.\n\nIt cost $2m." and document.title == "Bridge"


def test_a_json_record_anchors_its_dates_on_its_own_publication_date_and_names_its_publisher(tmp_path: Path) -> None:
    path = tmp_path / "newsapi.json"
    path.write_text(json.dumps({"articles": [{"source": {"name": "Reuters"}, "publishedAt": "2024-03-06T10:00:00Z",
                                              "content": "A powerful storm hit the coast on Monday."}]}))
    out = tmp_path / "out"
    assert main(["build", str(path), "-q", "--out", str(out)]) == 0
    timeline = json.loads((out / "timeline.json").read_text(encoding="utf-8"))
    [article] = timeline["articles"]
    assert (article["publisher"], article["publication"]["basis"]) == ("Reuters", "metadata")
    assert [event["date"]["edtf"] for event in timeline["events"]] == ["2024-03-04"]


def test_timeml_gives_text_title_and_dct_as_published() -> None:
    [document], problems = read(FIXTURES / "sample.tml")
    assert problems == []
    assert document.format == "timeml"
    assert document.published == "1998-08-08"
    assert document.title == "Embassy blasts"
    assert "<TIMEX3" not in document.text and "on Friday that" in document.text


def test_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"Headline\n\nA storm hit on Monday.\n"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    [document], problems = read("-")
    assert (document.source, document.format, problems) == ("<stdin>", "text", [])


def test_standard_input_json_lines_are_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = '{"text": "One."}\n{"text": "Two."}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines.encode()), encoding="utf-8"))
    documents, _ = read("-")
    assert [d.text for d in documents] == ["One.", "Two."]


# --- encodings and bad files --------------------------------------------------------------------------------------


def test_latin1_text_is_decoded_by_detection() -> None:
    [document], problems = read(FIXTURES / "latin1.txt")
    assert problems == []
    assert document.text.startswith("Café owners in Zürich said the façade")


def test_utf8_bom_is_dropped() -> None:
    assert decode("\ufeffJuly 25, 2021".encode(), "x") == "July 25, 2021"


def test_binary_empty_unknown_and_missing_inputs_are_reported_and_skipped() -> None:
    documents, problems = read(
        FIXTURES / "binary.txt", FIXTURES / "empty.txt", FIXTURES / "notes.xyz", FIXTURES / "missing.txt"
    )
    assert documents == []
    assert problems == [
        f"{FIXTURES / 'binary.txt'}: binary file (NUL bytes), skipped",
        f"{FIXTURES / 'empty.txt'}: empty file, skipped",
        f"{FIXTURES / 'notes.xyz'}: unknown file type '.xyz', skipped",
        f"{FIXTURES / 'missing.txt'}: no such file or folder",
    ]


def test_folder_is_read_recursively_in_sorted_order_and_the_batch_goes_on() -> None:
    documents, problems = read(FIXTURES)
    names = [Path(d.source.split("#")[0]).name for d in documents]
    assert names == sorted(names)
    assert {"page.html", "latin1.txt", "sample.tml", "records.json"} <= set(names)
    # binary, empty, unknown type; in records.jsonl: one broken line (its body, headline and date fields are known)
    assert len(problems) == 4


def test_manifest_in_a_folder_is_not_a_document() -> None:
    documents, problems = read(SEEDS)
    assert problems == []
    assert all(not d.source.endswith("manifest.json") for d in documents)
    assert len(documents) == 5


def test_documents_are_streamed_one_by_one() -> None:
    problems: list[str] = []
    stream = iter_documents([str(SEEDS)], problems.append)
    first = next(stream)
    assert first.source.endswith("000_8590fc3bbd4370e8.txt")


# --- manifest -----------------------------------------------------------------------------------------------------


def test_seed_manifest_entries() -> None:
    entries = read_manifest(SEEDS / "manifest.json")
    assert len(entries) == 6
    assert entries[0].headline == "Iraqi Foreign Minister: US Forces Are Not Occupiers"
    assert entries[4].headline is None and entries[4].published == "2024-01-25"


def test_manifest_may_be_a_bare_list(tmp_path: Path) -> None:
    path = tmp_path / "manifest.json"
    path.write_text(json.dumps([{"file": "a.txt", "published": "2021-01-02"}]))
    assert [e.file for e in read_manifest(path)] == ["a.txt"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "manifest is not valid JSON"),
        ('{"articles": 3}', "must be a list"),
        ('[{"file": "a.txt"}]', "manifest entry 0: published"),
    ],
)
def test_malformed_manifest_names_the_file(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "manifest.json"
    path.write_text(content)
    with pytest.raises(InputError, match=message) as raised:
        read_manifest(path)
    assert str(path) in str(raised.value)


def test_headline_matching_ignores_case_and_quote_style() -> None:
    assert normalise_headline("Al-Kadhimi: Iraq Doesn’t Need  US Troops") == normalise_headline(
        "al-kadhimi: iraq doesn't need us troops"
    )


# --- splitting ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "headlines"),
    [
        (
            "000",
            [
                "Iraqi Foreign Minister: US Forces Are Not Occupiers",
                "Iraq Preoccupied with Potential Broad Israeli Attack",
            ],
        ),
        (
            "001",
            [
                "Iraqi Foreign Minister: US Forces Are Not Occupiers",
                "Clashes Renew Between Sudanese Army, RSF in Khartoum",
            ],
        ),
        (
            "002",
            [
                "Al-Kadhimi: Iraq Doesn’t Need US Combat Troops",
                "Iraqi Resistance Lambasts FM’s Remarks on Need for US Troops",
            ],
        ),
        ("003", ["US, Iraq to Kick Off Talks on Future of Unwelcome US Occupation Forces"]),
        (
            "004",
            ["Al-Sudani: The Iraqi government is moving toward ending the presence of the international coalition"],
        ),
    ],
)
def test_seed_articles_and_headlines(prefix: str, headlines: list[str]) -> None:
    document, articles = seed_articles(prefix)
    assert [a.headline for a in articles] == headlines
    for index, article in enumerate(articles):
        assert article.text == document.text[article.start : article.end]
        assert article.id == f"{document.source}#{index}" and article.index == index


def test_articles_do_not_overlap_and_keep_their_last_paragraph() -> None:
    _, articles = seed_articles("000")
    assert articles[0].end < articles[1].start
    assert articles[0].text.endswith("Iraq has formally requested their exit.")
    assert articles[1].text.endswith("should Israel strike.")


def test_blog_header_and_closing_chrome_are_outside_the_articles() -> None:
    _, articles = seed_articles("002")
    assert "Monday, 26 July 2021" not in articles[0].text
    assert articles[1].text.endswith("Source:\xa0Press TV")
    assert articles[1].publisher == "Press TV"
    assert "No comments" not in articles[1].text and "Related Videos" not in articles[1].text


@pytest.mark.parametrize(("prefix", "chrome"), [("003", "No comments:"), ("004", "Leave a comment")])
def test_trailing_blog_chrome_is_cut(prefix: str, chrome: str) -> None:
    _, [article] = seed_articles(prefix)
    assert chrome not in article.text


@pytest.mark.parametrize("byline", ["Reuters", "By Jane Roe, Associated Press", "Jane Roe and Li Wei / AFP"])
def test_a_byline_between_headline_and_date_line_keeps_one_article(byline: str) -> None:
    text = f"Council approves transit plan\n{byline}\nOct 28, 2025\n\nThe council on Monday approved the plan.\n"
    [article] = split_articles(Document(source="x", text=text, format="text"))
    assert article.headline == "Council approves transit plan"
    assert ("byline", byline) in kinds(article)


def test_headlines_with_bylines_still_split_pasted_articles() -> None:
    text = (
        "Storm hits coast\nBy Jane Roe\nMarch 14, 2024\nThe storm hit on Tuesday.\n\n"
        "Council approves plan\nReuters\nOct 28, 2025\nThe council voted on Monday.\n"
    )
    articles = split_articles(Document(source="x", text=text, format="text"))
    assert [a.headline for a in articles] == ["Storm hits coast", "Council approves plan"]


def test_other_formats_are_one_article_with_their_metadata() -> None:
    [document], _ = read(FIXTURES / "page.html")
    [article] = split_articles(document)
    assert (article.start, article.end, article.headline, article.published) == (
        0,
        len(document.text),
        "Council Approves Budget",
        "2023-03-14",
    )


def test_blank_text_has_no_articles() -> None:
    assert split_articles(Document(source="x", text="\n \n", format="text")) == []


# --- boilerplate --------------------------------------------------------------------------------------------------


def kinds(article: Article) -> list[tuple[str, str]]:
    return [(kind, article.text[s:e]) for s, e, kind in boilerplate_lines(article.text, article.headline)]


def test_captions_marker_and_repeated_headline_are_boilerplate() -> None:
    _, articles = seed_articles("001")
    found = kinds(articles[1])
    assert found[0] == ("headline", "Clashes Renew Between Sudanese Army, RSF in Khartoum")
    assert ("marker", "TT") in found
    assert ("repeated_headline", "Clashes Renew Between Sudanese Army, RSF in Khartoum") in found
    captions = [text for kind, text in found if kind == "caption"]
    assert captions == ["A Sudanese army unit on a street in the capital Khartoum (archive - AFP)"] * 4


def test_photo_credit_with_its_date_and_label_are_captions() -> None:
    _, articles = seed_articles("002")
    found = dict((text, kind) for kind, text in kinds(articles[1]))
    assert found["Blinken"] == "caption"
    assert found[next(t for t in found if "photo by Reuters" in t)] == "caption"
    assert found["July 24, 2021"] == "dateline"
    assert found["Source:\xa0Press TV"] == "source"


def test_image_placeholder_and_its_caption_and_byline() -> None:
    _, articles = seed_articles("002")
    found = dict((text, kind) for kind, text in kinds(articles[0]))
    assert found["Visual search query image"] == "chrome"
    assert found["Iraq’s Prime Minister Mustafa Al-Kadhimi"] == "caption"
    _, [article] = seed_articles("003")
    assert ("byline", "By Al Mayadeen English") in kinds(article)


def test_body_paragraphs_are_not_boilerplate() -> None:
    _, [article] = seed_articles("004")
    spans = boilerplate_spans(article.text, article.headline)
    body = article.text.index("On December 8, the American embassy")
    assert not any(start <= body < end for start, end in spans)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab TT\n\n.:,(AP)2021July 5")), max_size=300))
def test_any_text_splits_into_exact_disjoint_spans(text: str) -> None:
    document = Document(source="x.txt", text=text, format="text")
    articles = split_articles(document)
    previous_end = 0
    for article in articles:
        assert article.text == text[article.start : article.end]
        assert previous_end <= article.start < article.end
        previous_end = article.end
    for start, end in boilerplate_spans(text):
        assert 0 <= start < end <= len(text)


# --- the fast forms of the boilerplate rules say what the plain ones say ------------------------------------------

_CHROME_PARTS = ["no comments", "12 comments", "Related News", "share this", "Read more", "subscribe", "image",
                 "Newer Post", "click here", ":", " ", "  ", "x", "\n", "Advertisement", "post a comment"]


@given(st.lists(st.sampled_from(_CHROME_PARTS), max_size=6))
def test_chrome_alternation_matches_when_one_chrome_pattern_does(parts: list[str]) -> None:
    line = "".join(parts)
    assert is_chrome(line) == any(re.match(pattern, line, re.IGNORECASE) for pattern in CHROME_PATTERNS)


@given(st.text())
def test_a_normalised_headline_is_never_shorter_than_its_collapsed_line(text: str) -> None:
    # boilerplate_lines skips lines longer than the headline's key on the strength of this.
    assert len(normalise_headline(text)) >= len(" ".join(text.split()))


def test_headline_repeated_in_other_case_and_quotes_is_still_found() -> None:
    text = "Minister’s “Plan” Fails\n\nMINISTER'S \"PLAN\"   FAILS\n\nThe plan failed on Monday, he said.\n"
    found = [(kind, text[s:e]) for s, e, kind in boilerplate_lines(text, "Minister's \"plan\" fails")]
    assert found == [("headline", "Minister’s “Plan” Fails"), ("repeated_headline", "MINISTER'S \"PLAN\"   FAILS")]


def test_an_unusual_text_field_is_named_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"story_text": "The dam opened on 3 May 2021.", "when": "2021-05-04"}) + "\n")
    out = tmp_path / "out"
    assert main(["build", str(path), "-q", "--out", str(out)]) == 2
    assert "no text (none of the fields text, body," in capsys.readouterr().err
    fields = ["--json-field", "text=story_text", "--json-field", "published=when"]
    assert main(["build", str(path), "-q", *fields, "--out", str(out)]) == 0
    timeline = json.loads((out / "timeline.json").read_text(encoding="utf-8"))
    assert timeline["articles"][0]["publication"]["date"] == "2021-05-04"
    assert [event["date"]["edtf"] for event in timeline["events"]] == ["2021-05-03"]


def test_a_malformed_json_field_option_is_one_line_and_a_nonzero_exit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", str(FIXTURES / "records.json"), "--json-field", "body", "--out", str(tmp_path)]) == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        "chronology: error: --json-field 'body': give PART=NAME with PART one of text, title, published, publisher, "
        "url, id"
    ]
