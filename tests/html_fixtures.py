"""Hand-made timelines for the HTML page's tests, benchmark and screenshot: a small realistic one (also with
saliences), one whose article text tries to inject markup and script, and a generated one of any size."""

from __future__ import annotations

import datetime as dt
import random

from chronology.models import ArticleRecord, Basis, Event, Mention, PublicationContext, Status, Timeline
from chronology.values import date_value

# Injected code would set window.__pwned or change the title; the browser test asserts neither happened.
PAYLOADS = (
    "<script>window.__pwned = 1; document.title = 'pwned'</script>",
    "<img src=x onerror=\"window.__pwned = 1; document.title = 'pwned'\">",
    "</textarea><svg onload=\"window.__pwned = 1\">",
    "</script><script>window.__pwned = 1</script>",
    "javascript:window.__pwned = 1",
    "\"' onmouseover=\"window.__pwned = 1\" data-x='",
    "<!-- --><style>body{display:none}</style>",
)


def _article(
    id: str,
    headline: str | None,
    publisher: str | None,
    published: str | None,
    basis: Basis,
    events: int,
    **extra: object,
) -> ArticleRecord:
    publication = PublicationContext(
        date=dt.date.fromisoformat(published) if published else None, basis=basis, **extra
    )
    return ArticleRecord(
        id=id, source=id.split("#")[0], headline=headline, publisher=publisher, span=(0, 1000),
        publication=publication, event_count=events,
    )


def _mention(
    article: ArticleRecord, sentence: str, expression: str, value: str, underspecified: str | None = None,
    anchor: str | None = None, anchor_value: str | None = None,
) -> Mention:
    offset = max(sentence.find(expression), 0)
    return Mention(
        article_id=article.id, source=article.source, headline=article.headline, expression=expression,
        span=(100 + offset, 100 + offset + len(expression)), sentence=sentence,
        sentence_span=(100, 100 + len(sentence)), timex_type="DATE", timex_value=value,
        underspecified=underspecified or value, anchor=anchor, anchor_value=anchor_value,
    )


def _event(
    id: str, value: str, description: str, mentions: tuple[Mention, ...], status: Status = "past",
    mod: str | None = None,
) -> Event:
    date = date_value(value, mod)
    assert date is not None, value
    return Event(
        id=id, date=date, description=description, status=status, mentions=mentions,
        sources=tuple(dict.fromkeys(m.source for m in mentions)),
    )


def realistic_timeline() -> Timeline:
    """Nine events from 1998 to a planned October 2024, told by two articles (one with an inferred date)."""
    gazette = _article(
        "seeds/red_sea.txt#0", "Red Sea shipping disruption deepens", "Harbour Gazette", "2023-12-28",
        "dateline", 6, evidence="ADEN, Dec 28 (Harbour Gazette) -",
    )
    times = _article(
        "seeds/port_strike.txt#0", "Port strike talks collapse", "Coastal Times", "2024-01-25", "inferred", 3,
        earliest=dt.date(2024, 1, 22), latest=dt.date(2024, 1, 27), confidence=0.6,
    )
    g, t = gazette, times
    events = (
        _event("ev-privatised", "1998-Q3", "The port authority was privatised in the third quarter of 1998.",
               (_mention(g, "The port authority was privatised in the third quarter of 1998.",
                         "the third quarter of 1998", "1998-Q3"),)),
        _event("ev-decade", "202", "Container volumes have doubled over the 2020s, the authority says.",
               (_mention(t, "Container volumes have doubled over the 2020s, the authority says.", "the 2020s",
                         "202"),)),
        _event("ev-summer", "2023-SU", "Traffic through the strait had already fallen in the summer of 2023.",
               (_mention(g, "Traffic through the strait had already fallen in the summer of 2023.",
                         "the summer of 2023", "2023-SU"),)),
        _event("ev-since", "2023-10-17", "Shipping through the strait has been disrupted since October 17.",
               (_mention(g, "Shipping through the strait has been disrupted since October 17, officials said.",
                         "October 17", "2023-10-17", "XXXX-10-17", "publication", "2023-12-28"),),
               status="ongoing"),
        _event("ev-premiums", "2023-12", "Insurers raised war-risk premiums in December, brokers said.",
               (_mention(g, "Insurers raised war-risk premiums in December, brokers said.", "December",
                         "2023-12", "XXXX-12", "publication", "2023-12-28"),)),
        _event("ev-struck", "2023-12-26", "Two container ships were struck on Tuesday near the port of Aden.",
               (_mention(g, "Two container ships were struck on Tuesday near the port of Aden.", "Tuesday",
                         "2023-12-26", "XXXX-WXX-2", "publication", "2023-12-28"),)),
        _event("ev-talks", "2024-01-05", "Talks between the union and the operators began around 5 January.",
               (_mention(t, "Talks between the union and the operators began around 5 January.", "5 January",
                         "2024-01-05", "XXXX-01-05", "publication", "2024-01-25"),
                _mention(g, "Union leaders said talks with the operators would begin on 8 January.",
                         "8 January", "2024-01-08", "XXXX-01-08", "publication", "2023-12-28")),
               mod="APPROX"),
        _event("ev-walkout", "2024-01-22", "Dockworkers walked out on Monday after the talks collapsed.",
               (_mention(t, "Dockworkers walked out on Monday after the talks collapsed.", "Monday", "2024-01-22",
                         "XXXX-WXX-1", "publication", "2024-01-25"),)),
        _event("ev-terminal", "2024-10", "A second deep-water terminal is expected to open in October 2024.",
               (_mention(g, "A second deep-water terminal is expected to open in October 2024.", "October 2024",
                         "2024-10"),),
               status="planned"),
    )
    return Timeline(
        articles=(gazette, times), events=events,
        warnings=("seeds/port_strike.txt#0: publication date inferred from the text (confidence 0.6).",),
    )


# Salience by event for the key events view: two events tie at 0.6 just where the top three end.
SALIENCE = {
    "ev-privatised": 0.1, "ev-decade": 0.05, "ev-summer": 0.3, "ev-since": 0.6, "ev-premiums": 0.45,
    "ev-struck": 0.8, "ev-talks": 0.6, "ev-walkout": 0.7, "ev-terminal": 0.2,
}


def salient_timeline() -> Timeline:
    """The realistic timeline with a salience for each event (SALIENCE)."""
    timeline = realistic_timeline()
    events = tuple(event.model_copy(update={"salience": SALIENCE[event.id]}) for event in timeline.events)
    return timeline.model_copy(update={"events": events})


def injection_timeline() -> Timeline:
    """Every text field a source controls carries a payload; the page must show them as plain text."""
    articles = tuple(
        _article(f"{payload}#{i}", payload, payload, "2024-03-01", "metadata", 1,
                 conflicts=(payload,), evidence=payload)
        for i, payload in enumerate(PAYLOADS)
    )
    events = tuple(
        _event(f"ev-{i}\"'<b>", f"2024-03-{i + 1:02d}", f"{payload} happened on 1 March.",
               (_mention(article, f"{payload} happened on 1 March, it said {payload}", payload, "2024-03-01",
                         payload, payload, payload),))
        for i, (payload, article) in enumerate(zip(PAYLOADS, articles, strict=True))
    )
    return Timeline(articles=articles, events=events, warnings=PAYLOADS)


_WORDS = (
    "ministers", "agreed", "ceasefire", "talks", "harbour", "strike", "tariffs", "election", "court",
    "ruling", "flood", "relief", "budget", "vote", "pipeline", "outage", "protest", "summit", "treaty",
    "inquiry", "merger", "drought", "convoy", "airport", "reopened", "sanctions",
)
_VALUES = (
    lambda r, d: d.isoformat(),
    lambda r, d: d.isoformat()[:7],
    lambda r, d: f"{d.year}-{r.choice(['SP', 'SU', 'FA', 'WI', 'Q1', 'Q2', 'Q3', 'Q4'])}",
    lambda r, d: str(d.year),
)


def generated_timeline(count: int, seed: int = 7) -> Timeline:
    """`count` events spread over 2000-2024 across twenty articles, deterministic for a given seed."""
    rng = random.Random(seed)
    articles = tuple(
        _article(f"gen/{n:02d}.txt#0", f"Generated report {n}", f"Wire {n % 5}", f"2024-12-{n + 1:02d}",
                 "inferred" if n % 7 == 0 else "manifest", 0)
        for n in range(20)
    )
    events = []
    for n in range(count):
        day = dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(25 * 365))
        value = rng.choices(_VALUES, weights=(6, 2, 1, 1))[0](rng, day)
        words = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(6, 14)))
        article = articles[rng.randrange(len(articles))]
        sentence = f"Event {n}: {words} on {value}."
        events.append(
            _event(f"ev-{n}", value, sentence, (_mention(article, sentence, value, value),),
                   status="planned" if rng.random() < 0.05 else "past", mod="APPROX" if rng.random() < 0.05 else None)
        )
    return Timeline(articles=articles, events=tuple(events))
