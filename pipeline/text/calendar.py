"""Calendar strings to dates: the reader the document-date finder and the DATE normalizer
share. dateparser sees only an isolated calendar expression, with pinned settings and a
fixed relative base (settings.py); the commonest complete dates are read directly."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from dateparser.date import DateDataParser

from ..core.settings import DATEPARSER_BASE, DATEPARSER_LANGUAGES, DATEPARSER_SETTINGS


@lru_cache(maxsize=1)
def _date_parser() -> DateDataParser:
    settings = dict(DATEPARSER_SETTINGS, RELATIVE_BASE=datetime(*DATEPARSER_BASE))
    return DateDataParser(languages=list(DATEPARSER_LANGUAGES), settings=settings)


@lru_cache(maxsize=1024)
def parse_calendar(span: str) -> tuple[date, str] | None:
    """dateparser on one isolated calendar expression: (date, period) or None.

    The commonest complete dates ("2024-07-15", "July 15, 2024", "15 July 2024") are read
    directly, as dateparser reads them (a test compares the two), at a fraction of its cost."""
    cleaned = re.sub(r"(?i)\bthe\b", " ", span)
    cleaned = re.sub(r"\s+", " ", cleaned).strip()
    simple = _simple_day(cleaned)
    if simple is not None:
        return simple, "day"
    return _dateparser_calendar(cleaned)


_MONTH_NUMBERS = {name: number for number, names in enumerate(
    (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"), ("july", "jul"),
     ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec")), start=1) for name in names}
_ISO_DAY = re.compile(r"((?:19|20)\d{2})([-/.])(\d{1,2})\2(\d{1,2})")
_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]+)\.? ?(\d{1,2})(?:st|nd|rd|th)?,? ?((?:19|20)\d{2})")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+)\.?,? ?((?:19|20)\d{2})")


def _simple_day(text: str) -> date | None:
    """A complete date in one of the unambiguous shapes above, or None (dateparser decides)."""
    match = _ISO_DAY.fullmatch(text)
    if match:
        year, month, day = int(match.group(1)), int(match.group(3)), int(match.group(4))
    else:
        match = _MONTH_DAY_YEAR.fullmatch(text)
        if match:
            month_name, day, year = match.group(1), int(match.group(2)), int(match.group(3))
        else:
            match = _DAY_MONTH_YEAR.fullmatch(text)
            if not match:
                return None
            day, month_name, year = int(match.group(1)), match.group(2), int(match.group(3))
        month = _MONTH_NUMBERS.get(month_name.lower(), 0)
    try:
        return date(year, month, day)
    except ValueError:
        return None  # not a day of the calendar: dateparser has the last word


def _dateparser_calendar(cleaned: str) -> tuple[date, str] | None:
    data = _date_parser().get_date_data(cleaned)
    if data is None or data.date_obj is None:
        return None
    period = data.period or "day"
    return data.date_obj.date(), period
