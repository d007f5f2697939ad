import datetime as dt

import pytest

from chronology.values import date_value, parse_value


@pytest.mark.parametrize(
    ("value", "start", "end", "granularity", "edtf"),
    [
        ("2023-12-08", "2023-12-08", "2023-12-08", "day", "2023-12-08"),
        ("2023-12-26TMO", "2023-12-26", "2023-12-26", "part_of_day", "2023-12-26"),
        ("2023-12-26T14:30", "2023-12-26", "2023-12-26", "time", "2023-12-26T14:30:00"),
        ("2024-10", "2024-10-01", "2024-10-31", "month", "2024-10"),
        ("2024-02", "2024-02-01", "2024-02-29", "month", "2024-02"),
        ("2020", "2020-01-01", "2020-12-31", "year", "2020"),
        ("202", "2020-01-01", "2029-12-31", "decade", "202X"),
        ("19", "1900-01-01", "1999-12-31", "century", "19XX"),
        ("2024-W03", "2024-01-15", "2024-01-21", "week", "2024-01-15/2024-01-21"),
        ("2023-SU", "2023-06-01", "2023-08-31", "season", "2023-22"),
        ("2023-WI", "2023-12-01", "2024-02-29", "season", "2023-24"),
        ("1998-Q3", "1998-07-01", "1998-09-30", "quarter", "1998-35"),
        ("1998-H1", "1998-01-01", "1998-06-30", "half", "1998-40"),
    ],
)
def test_calendar_values_have_bounds_granularity_and_edtf(value, start, end, granularity, edtf):
    assert parse_value(value) == (dt.date.fromisoformat(start), dt.date.fromisoformat(end), granularity, edtf)


@pytest.mark.parametrize("value", ["P4Y", "PRESENT_REF", "XXXX-WXX-2", "XXXX-12-08", "2021-02-30", "0000"])
def test_values_without_calendar_bounds_are_none(value):
    assert parse_value(value) is None


def test_mod_narrows_the_period_and_approx_marks_edtf():
    mid = date_value("2023-10", "MID")
    assert mid is not None and (mid.start, mid.end) == (dt.date(2023, 10, 11), dt.date(2023, 10, 21))
    end = date_value("2023", "END")
    assert end is not None and end.end == dt.date(2023, 12, 31) and end.start.month == 9
    approx = date_value("2023-12-26", "APPROX")
    assert approx is not None and approx.edtf == "2023-12-26~"
