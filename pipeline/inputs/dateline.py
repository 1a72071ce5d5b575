"""The document's own date, found in its text: metadata lines, bylines, datelines.

ANNOTATION.md: a dateline without a year is not a document date; a document with no date
of its own gets no relative dates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ..patterns.loader import PatternSet
from ..text.calendar import CalendarReader

_HEADER_CHARS = 1500


@dataclass(frozen=True, slots=True)
class DocDate:
    date: date
    source: str  # which strategy found it: metadata, byline, dateline, header, given
    start: int
    end: int


_CJK_DATE = re.compile("(\\d{4})\u5e74(\\d{1,2})\u6708(\\d{1,2})\u65e5")


class DocDateFinder:
    """Finds a document's own date by the most specific strategy that has one. Its month,
    weekday and header words come from the patterns (months.tsv, weekdays.tsv, word_sets.tsv)."""

    def __init__(self, patterns: PatternSet) -> None:
        self.calendar = CalendarReader(patterns)
        months = _alternation(m.capitalize() for m in patterns.lexicon("months").column("surface"))
        weekday = "(?:(?:" + _alternation(d.capitalize() for d in patterns.lexicon("weekdays").column("surface")) + "),?\\s*)?"
        suffix = "(?:" + patterns.alternation("suffix.ordinal_day") + ")?"
        month = f"(?:{months})\\.?"
        full_date = (
            r"(?P<date>(?:19|20)\d{2}[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])"
            rf"|{month}\s*(?:0?[1-9]|[12]\d|3[01]){suffix},?\s*(?:19|20)\d{{2}}"
            rf"|(?:0?[1-9]|[12]\d|3[01]){suffix}\s+{month},?\s*(?:19|20)\d{{2}}"
            "|(?:19|20)\\d{2}\u5e74(?:0?[1-9]|1[0-2])\u6708(?:0?[1-9]|[12]\\d|3[01])\u65e5)(?!\\d)"  # "2014\u5e747\u67087\u65e5", a Chinese page's date
        )
        date_labels = patterns.alternation("header.date_label")
        info_labels = patterns.alternation("header.info_label")
        self.strategies: tuple[tuple[str, re.Pattern[str]], ...] = (
            # "date 2024-07-15 ...", "Updated: 2024-01-05 10:23", "PUBLISHED : Tuesday, 18 June, 2013"
            ("metadata", re.compile(rf"(?im)(?:^|\|)[ \t]*(?:{date_labels})\b[ \t]*:?[ \t]*{weekday}{full_date}")),
            # "2024-07-22 10:15 Source: Liangjiang New Area Management Committee": a page's info line
            ("metadata", re.compile(rf"(?m)^[ \t]*{full_date}(?:[ \t]+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?[ \t]*(?:\||[ \t])[ \t]*(?:{info_labels})\b")),
            # "By YAN DENG|Jan 16,2023"
            ("byline", re.compile(rf"(?m)\bBy\s+[^|\n]{{1,60}}\|\s*{full_date}")),
            # "CHONGQING, China, July 15, 2024 (GLOBE NEWSWIRE) --", "BEIJING, Jan. 5, 2024 /PRNewswire/ --"
            ("dateline", re.compile(rf"(?m)\b[A-Z][A-Z .'-]{{2,40}},\s*(?:[A-Z][A-Za-z .]{{1,30}},\s*)?{weekday}{full_date}\s*(?:/|\(|--|-|\u2014)")),
            # "China.org.cn, July 5, 2024", "Source: Xinhua | 2024-01-05": a short header line with a full date.
            ("header", re.compile(rf"(?m)^[^\n]{{0,80}}?{weekday}{full_date}[^\n]{{0,40}}$")),
        )

    def find(self, text: str) -> DocDate | None:
        """The first date found by the most specific strategy, looking at the top of the document."""
        head = text[:_HEADER_CHARS]
        for source, pattern in self.strategies:
            for match in pattern.finditer(head):
                parsed = self.calendar.parse(_CJK_DATE.sub(r"\1-\2-\3", match.group("date")))
                if parsed is not None and parsed[1] == "day":
                    return DocDate(parsed[0], source, match.start("date"), match.end("date"))
        return None


def _alternation(words: Iterable[str]) -> str:
    """Longest first, so that an alternative is never cut short by its own prefix ("Jun" of "June")."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


_SPEAKER = re.compile(r"(?m)^[ \t]*[A-Z][\w.' -]{1,40}:[ \t]*$")


def is_transcript(text: str) -> bool:
    """A press-conference transcript: speaker labels ("Jiang Duntao:") on lines of their own.

    Its "today" is the day of the event, which a later publication date does not give.
    """
    return len(_SPEAKER.findall(text)) >= 2
