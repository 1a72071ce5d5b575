"""What the facts readers share about one document: its mentions found by position, the
owners and report period it has stated so far, and a value's clause."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..core.mention import Mention

WORD = re.compile(r"[\w&’'.-]+")
HEADING_WORDS = 14  # a title or heading line: at most this many words, no closing full stop
REACH = 1500  # characters of a value's sentence read on either side of it


class Spans:
    """Mentions in text order, found by position in logarithmic time: a document of any
    length costs each value the same."""

    _WIDEST = 2000  # characters: no mention that is looked up here is longer

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self.starts = [m.start for m in self.mentions]

    def within(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions[bisect_left(self.starts, start) : bisect_left(self.starts, end)] if m.end <= end]

    def starting_at(self, start: int) -> list[Mention]:
        return self.mentions[bisect_left(self.starts, start) : bisect_right(self.starts, start)]

    def overlaps(self, start: int, end: int) -> bool:
        return any(m.end > start for m in self.mentions[bisect_left(self.starts, start - self._WIDEST) : bisect_left(self.starts, end)])


@dataclass
class Owner:
    """Whose figure it is: a name as written, where, and what it names."""

    name: str = ""
    start: int | None = None
    end: int | None = None
    kind: str = ""  # place, org, industry


@dataclass
class DocumentState:
    """What the document has said so far: the subjects named and the report period stated."""

    subject: Owner = field(default_factory=Owner)
    place: Owner = field(default_factory=Owner)
    org: Owner = field(default_factory=Owner)
    period: Mention | None = None
    figures: Spans = field(default_factory=lambda: Spans(()))  # MONEY, PERCENT and DATE spans: no name is inside one ("US$")
    main: Owner | None = None  # the document's most-named owner, once asked for
    paired: dict[int, Owner] = field(default_factory=dict)  # value start -> its owner in a "respectively" list
    acronyms: dict[str, str] = field(default_factory=dict)  # "SND" and "Suzhou New District" -> "Suzhou New District (SND)"
    sentence_owner: tuple[int, Owner] | None = None  # the last fact's owner, with the start of its sentence
    sentence_measure: tuple[int, str, str] | None = None  # the last fact's sentence start, label and measure


@dataclass(frozen=True)
class Clause:
    """A value's clause within its sentence (both bounded by REACH)."""

    start: int
    end: int
    sentence_start: int
    sentence_end: int


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
