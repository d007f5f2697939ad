"""The resolver's shortcuts: tense cues are read only where the tense can change a value, and the anchored pass
lends the unanchored pass's timexes that need no anchor. Each must leave every resolved value as it would be
without it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from chronology.resolver import _SUFFIX, _Anchor, _reads_tense, _resolve_one, annotate, resolve
from chronology.tagger import tag

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))
SENTENCES = (
    "On Monday, last Friday and next Tuesday; this Wednesday; the weekend; over the weekend; last weekend. "
    "In March, last March, next June, this May, June last year, May that year, on December 8 and Oct. 7. "
    "This summer, last winter, the fall of 1998, in spring. The third quarter, last year's first half, the "
    "year-ago quarter, the latest quarter, fiscal 1999. Christmas, Easter Monday, Thanksgiving 2001. "
    "Today, tomorrow night, this morning, two days later, a year earlier, three weeks ago, the next day, "
    "that month, the following year. In 1998, March 1998, 1998-08-07, the 1990s, the 21st century. "
    "At 3:30 p.m. on Monday, at noon, at 10 a.m. For two years, every Tuesday, daily, now, recently. "
    "Net rose in the third quarter; in the 1988 period it fell."
)
DAYS = (dt.date(2023, 12, 28), dt.date(1998, 2, 1), dt.date(2001, 6, 30))
REFERENCES = (None, _Anchor(dt.date(1997, 10, 1), "t1", "1997-Q4", "quarter"), _Anchor(dt.date(2000, 1, 5), "t1",
              "2000-01-05", "day"))


def texts() -> list[str]:
    return [SENTENCES, *(path.read_text(encoding="utf-8") for path in SEEDS)]


@pytest.mark.parametrize("day", [*DAYS, None])
def test_tense_is_read_only_where_it_can_change_the_value(day: dt.date | None) -> None:
    dct = _Anchor(day, "publication", day.isoformat(), "day") if day else None
    skipped = 0
    for text in texts():
        for item in tag(text):
            if item.type not in {"DATE", "TIME"}:
                continue
            base = _SUFFIX.sub("", item.value)
            if _reads_tense(base, dct):
                continue
            skipped += 1
            for ref in REFERENCES:
                answers = {_resolve_one(item, base, dct, ref, tense) for tense in (None, "past", "future")}
                assert len(answers) == 1, (item.text, item.value, answers)
    assert skipped > 20


def test_tense_still_decides_where_it_matters() -> None:
    published = dt.date(2023, 12, 28)  # a Thursday
    assert [t.value for t in annotate("The base was attacked on Monday.", published)] == ["2023-12-25"]
    assert [t.value for t in annotate("The results will be announced on Monday.", published)] == ["2024-01-01"]
    assert [t.value for t in annotate("They will come for the weekend.", published)] == ["2023-W52-WE"]
    assert [t.value for t in annotate("They came for the weekend.", published)] == ["2023-W51-WE"]


@pytest.mark.parametrize("day", DAYS)
def test_the_anchored_pass_lends_from_the_unanchored_one(day: dt.date) -> None:
    lent_count = 0
    for text in texts():
        tagged = tag(text)
        unanchored = resolve(text, tagged, None)
        lent = resolve(text, tagged, day, unanchored)
        assert lent == resolve(text, tagged, day)
        for a, b, item in zip(lent, unanchored, tagged, strict=True):
            assert (a is b) == (not item.needs_anchor)  # lent, not made again, exactly when no anchor is needed
            lent_count += a is b
    assert lent_count > 10
