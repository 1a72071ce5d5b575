"""Calendar strings to dates: the reader the document-date finder and the DATE normalizer
share. dateparser sees only an isolated calendar expression, with pinned settings and a
fixed relative base (settings.py); the commonest complete dates are read directly."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from dateparser.date import DateDataParser

from ..core.settings import DATEPARSER_BASE, DATEPARSER_LANGUAGES, DATEPARSER_SETTINGS
from ..patterns.loader import PatternSet


@lru_cache(maxsize=1)
def _date_parser() -> DateDataParser:
    settings = dict(DATEPARSER_SETTINGS, RELATIVE_BASE=datetime(*DATEPARSER_BASE))
    return DateDataParser(languages=list(DATEPARSER_LANGUAGES), settings=settings)


class CalendarReader:
    """Reads one isolated calendar expression: (date, period) or None. Month names and day
    suffixes come from the patterns (months.tsv, word set suffix.ordinal_day)."""

    CACHE_SIZE = 4096  # answers kept; the cache is emptied when full, so memory stays bounded

    def __init__(self, patterns: PatternSet) -> None:
        self.month_numbers = {row["surface"].lower(): int(row["month"]) for row in patterns.lexicon("months").rows}
        suffix = "(?:" + patterns.alternation("suffix.ordinal_day") + ")?"
        self.iso_day = re.compile(r"((?:19|20)\d{2})([-/.])(\d{1,2})\2(\d{1,2})")
        self.month_day_year = re.compile(rf"([A-Za-z]+)\.? ?(\d{{1,2}}){suffix},? ?((?:19|20)\d{{2}})")
        self.day_month_year = re.compile(rf"(\d{{1,2}}){suffix} ([A-Za-z]+)\.?,? ?((?:19|20)\d{{2}})")
        # without a day or a year, as dateparser reads them against its fixed base (DATEPARSER_BASE)
        self.month_day = re.compile(rf"([A-Za-z]+)\.? ?(\d{{1,2}}){suffix}")
        self.month_year = re.compile(r"([A-Za-z]+)\.?,? ?((?:19|20)\d{2})")
        self._answers: dict[str, tuple[date, str] | None] = {}

    def parse(self, span: str) -> tuple[date, str] | None:
        """dateparser on the expression, (date, period) or None. The commonest complete dates
        ("2024-07-15", "July 15, 2024", "15 July 2024") are read directly, as dateparser reads
        them (a test compares the two), at a fraction of its cost."""
        if span in self._answers:
            return self._answers[span]
        if len(self._answers) >= self.CACHE_SIZE:
            self._answers.clear()
        cleaned = re.sub(r"(?i)\bthe\b", " ", span)
        cleaned = re.sub(r"\s+", " ", cleaned).strip()
        simple = self.simple_day(cleaned)
        answer = (simple, "day") if simple is not None else self.simple_partial(cleaned) or _dateparser_calendar(cleaned)
        self._answers[span] = answer
        return answer

    def simple_partial(self, text: str) -> tuple[date, str] | None:
        """ "December 13" (the base year's day) and "February 2022" (the month's first day,
        period month) read as dateparser reads them (a test compares the two), or None."""
        match = self.month_day.fullmatch(text)
        if match and match.group(1).lower() in self.month_numbers:
            try:
                return date(DATEPARSER_BASE[0], self.month_numbers[match.group(1).lower()], int(match.group(2))), "day"
            except ValueError:
                return None
        match = self.month_year.fullmatch(text)
        if match and match.group(1).lower() in self.month_numbers:
            return date(int(match.group(2)), self.month_numbers[match.group(1).lower()], 1), "month"
        return None

    def simple_day(self, text: str) -> date | None:
        """A complete date in one of the unambiguous shapes above, or None (dateparser decides)."""
        match = self.iso_day.fullmatch(text)
        if match:
            year, month, day = int(match.group(1)), int(match.group(3)), int(match.group(4))
        else:
            match = self.month_day_year.fullmatch(text)
            if match:
                month_name, day, year = match.group(1), int(match.group(2)), int(match.group(3))
            else:
                match = self.day_month_year.fullmatch(text)
                if not match:
                    return None
                day, month_name, year = int(match.group(1)), match.group(2), int(match.group(3))
            month = self.month_numbers.get(month_name.lower(), 0)
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
