"""The document's own date, found in its text: metadata lines, bylines, datelines.

ANNOTATION.md: a dateline without a year is not a document date; a document with no date
of its own gets no relative dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..text.calendar import parse_calendar

_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_FULL_DATE = (
    r"(?P<date>(?:19|20)\d{2}[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])"
    rf"|{_MONTH}\s*(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?,?\s*(?:19|20)\d{{2}}"
    rf"|(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\s+{_MONTH},?\s*(?:19|20)\d{{2}})(?!\d)"
)
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s*)?"
_STRATEGIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "date 2024-07-15 ...", "Updated: 2024-01-05 10:23", "PUBLISHED : Tuesday, 18 June, 2013"
    ("metadata", re.compile(rf"(?im)(?:^|\|)[ \t]*(?:date|published|publish(?:ed)? (?:date|time|on)|release (?:date|time)|released|updated|posted|time)\b[ \t]*:?[ \t]*{_WEEKDAY}{_FULL_DATE}")),
    # "2024-07-22 10:15 Source: Liangjiang New Area Management Committee": a page's info line
    ("metadata", re.compile(rf"(?m)^[ \t]*{_FULL_DATE}(?:[ \t]+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?[ \t]*(?:\||[ \t])[ \t]*(?:Source|From|Author|Editor|Publisher)\b")),
    # "By YAN DENG|Jan 16,2023"
    ("byline", re.compile(rf"(?m)\bBy\s+[^|\n]{{1,60}}\|\s*{_FULL_DATE}")),
    # "CHONGQING, China, July 15, 2024 (GLOBE NEWSWIRE) --", "BEIJING, Jan. 5, 2024 /PRNewswire/ --"
    ("dateline", re.compile(rf"(?m)\b[A-Z][A-Z .'-]{{2,40}},\s*(?:[A-Z][A-Za-z .]{{1,30}},\s*)?{_WEEKDAY}{_FULL_DATE}\s*(?:/|\(|--|-|\u2014)")),
    # "China.org.cn, July 5, 2024", "Source: Xinhua | 2024-01-05": a short header line with a full date.
    ("header", re.compile(rf"(?m)^[^\n]{{0,80}}?{_WEEKDAY}{_FULL_DATE}[^\n]{{0,40}}$")),
)
_HEADER_CHARS = 1500


@dataclass(frozen=True, slots=True)
class DocDate:
    date: date
    source: str  # which strategy found it: metadata, byline, dateline, header, given
    start: int
    end: int


def find_doc_date(text: str) -> DocDate | None:
    """The first date found by the most specific strategy, looking at the top of the document."""
    head = text[:_HEADER_CHARS]
    for source, pattern in _STRATEGIES:
        for match in pattern.finditer(head):
            parsed = parse_calendar(match.group("date"))
            if parsed is not None and parsed[1] == "day":
                return DocDate(parsed[0], source, match.start("date"), match.end("date"))
    return None


_SPEAKER = re.compile(r"(?m)^[ \t]*[A-Z][\w.' -]{1,40}:[ \t]*$")


def is_transcript(text: str) -> bool:
    """A press-conference transcript: speaker labels ("Jiang Duntao:") on lines of their own.

    Its "today" is the day of the event, which a later publication date does not give.
    """
    return len(_SPEAKER.findall(text)) >= 2
