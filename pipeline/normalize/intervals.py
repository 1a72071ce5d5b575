"""Calendar intervals and the per-document context the date readers share: an Interval
(inclusive start and end, granularity), the year or month one end of a range lends the other,
and the nearest-year rule for dates written without a year (ANNOTATION.md)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

GRANULARITIES = ("day", "month", "quarter", "half", "year", "range")  # identifiers


@dataclass(frozen=True, slots=True)
class Interval:
    start: date
    end: date
    granularity: str

    def shifted_years(self, years: int) -> Interval:
        return Interval(_shift_year(self.start, years), _shift_year(self.end, years, end=True), self.granularity)


@dataclass(frozen=True, slots=True)
class Anchor:
    """Year (and month) supplied by the other end of a range: 'January' in 'January to November 2022'."""

    year: int
    month: int | None = None


@dataclass
class DateContext:
    """Per-document state the date readers need."""

    doc_date: date | None
    transcript: bool = False


def _shift_year(day: date, years: int, end: bool = False) -> date:
    year = day.year + years
    last = calendar.monthrange(year, day.month)[1]
    if end and day.day == calendar.monthrange(day.year, day.month)[1]:
        return date(year, day.month, last)
    return date(year, day.month, min(day.day, last))


def month_interval(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _months_between(a: date, b: date) -> int:
    return abs((a.year - b.year) * 12 + a.month - b.month)


def nearest_year(month: int, doc_date: date, end_month: int | None = None) -> int:
    """The year that puts `month` (or a span ending in `end_month`) nearest the document's date."""
    target = end_month or month
    best = min(
        (doc_date.year - 1, doc_date.year, doc_date.year + 1),
        key=lambda y: (_months_between(date(y, target, 15), doc_date), y != doc_date.year),
    )
    return best
