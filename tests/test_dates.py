from datetime import date, datetime, timedelta

import pytest

from bangtin.dates import (
    dmy, parse_date, parse_datetime, parse_period, parse_school_year, school_year_of, vn_date_line,
)


@pytest.mark.parametrize(
    "value, expected",
    [("2025-11-28", date(2025, 11, 28)), ("28/11/2025", date(2025, 11, 28)), ("1/4/2025", date(2025, 4, 1)),
     ("05.12.2025", date(2025, 12, 5)), (date(2024, 2, 29), date(2024, 2, 29))],
)
def test_dates_in_both_forms(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["31/02/2025", "2025-02-29", "2025-13-01", "32/01/2025", "hôm qua", "2025/11/28"])
def test_impossible_or_malformed_dates_are_rejected_in_vietnamese(value):
    with pytest.raises(ValueError, match="ngày"):
        parse_date(value)


@pytest.mark.parametrize(
    "value, expected",
    [("2025-12-05 08:30", datetime(2025, 12, 5, 8, 30)), ("05/12/2025 08:30", datetime(2025, 12, 5, 8, 30)),
     ("2025-12-05", datetime(2025, 12, 5)), ("2025-12-05T08:30:15", datetime(2025, 12, 5, 8, 30, 15))],
)
def test_datetimes_without_offset_are_vietnam_time(value, expected):
    moment = parse_datetime(value)
    assert moment.replace(tzinfo=None) == expected
    assert moment.utcoffset() == timedelta(hours=7)


def test_datetimes_keep_an_explicit_offset():
    assert parse_datetime("2025-12-05T08:30:00+00:00").utcoffset() == timedelta(0)


@pytest.mark.parametrize("value", ["2025-12-05 25:00", "2025-12-05 8h"])
def test_bad_times_are_rejected(value):
    with pytest.raises(ValueError):
        parse_datetime(value)


@pytest.mark.parametrize(
    "day, year",
    [(date(2025, 8, 1), "2025-2026"), (date(2025, 12, 31), "2025-2026"), (date(2026, 1, 1), "2025-2026"),
     (date(2026, 7, 31), "2025-2026"), (date(2022, 3, 2), "2021-2022")],
)
def test_school_year_runs_august_to_july(day, year):
    assert school_year_of(day) == year


@pytest.mark.parametrize("value, ok", [("2025-2026", True), ("2025 – 2026", True), ("2025-2027", False), ("2025", False)])
def test_school_year_must_be_two_consecutive_years(value, ok):
    if ok:
        assert parse_school_year(value) == "2025-2026"
    else:
        with pytest.raises(ValueError, match="năm học"):
            parse_school_year(value)


@pytest.mark.parametrize(
    "place, day, line",
    [("Long Biên", date(2025, 11, 28), "Long Biên, ngày 28 tháng 11 năm 2025"),
     ("Hà Nội", date(2020, 1, 5), "Hà Nội, ngày 05 tháng 01 năm 2020"),
     ("Gò Vấp", date(2022, 3, 2), "Gò Vấp, ngày 02 tháng 3 năm 2022")],
)
def test_nd30_date_line_pads_days_and_only_months_one_and_two(place, day, line):
    assert vn_date_line(place, day) == line


def test_registry_dates_are_dd_mm_yyyy():
    assert dmy(date(2025, 4, 1)) == "01/04/2025"


@pytest.mark.parametrize(
    "value, start, end, label",
    [("2025-12", date(2025, 12, 1), date(2025, 12, 31), "tháng 12/2025"),
     ("2025..2027", date(2025, 1, 1), date(2027, 12, 31), "năm 2025 – năm 2027"),
     ("2017-09..2017-10", date(2017, 9, 1), date(2017, 10, 31), "tháng 09/2017 – tháng 10/2017"),
     ("2025-12-15", date(2025, 12, 15), date(2025, 12, 15), "15/12/2025"),
     ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "tháng 02/2024")],
)
def test_milestone_periods(value, start, end, label):
    period = parse_period(value)
    assert (period.start, period.end, period.label) == (start, end, label)


@pytest.mark.parametrize("value", ["2027..2025", "2025-13", "tháng sau"])
def test_bad_periods_are_rejected(value):
    with pytest.raises(ValueError):
        parse_period(value)
