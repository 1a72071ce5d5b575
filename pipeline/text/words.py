"""Whitespace words with their punctuation split off, for the name and list rules.

"(Chongqing)" -> core "Chongqing", lead "(", trail ")"; "Co.," -> core "Co.", trail ",".
A core keeps a full stop that belongs to it (abbreviations, initials, "U.S.").
"""

from __future__ import annotations

import re
from typing import NamedTuple

_WORD = re.compile(r"\S+")
_LEAD = "\"'([{\u201c\u2018<"
_TRAIL = "\"',.;:!?)]}\u201d\u2019>"


class Word(NamedTuple):  # a tuple: built some ten times faster than a frozen dataclass
    start: int  # offsets of the core
    end: int
    text: str
    lead: str
    trail: str
    lower: str  # text.lower(), asked for very often
    closes: bool  # punctuation after the word closes a name or a list item

    def ends_clause(self) -> bool:
        return self.closes


_CLOSING = frozenset(",.;:!?")


def split_words(text: str, keeps_stop: frozenset[str], start: int = 0, end: int | None = None) -> list[Word]:
    """The words of text[start:end]; a full stop stays with a word of `keeps_stop` (lower
    case: word set word.keeps_stop), a word holding a stop ("U.S.") or a single letter."""
    end = len(text) if end is None else end
    words: list[Word] = []
    for match in _WORD.finditer(text, start, end):
        raw = match.group()
        if raw[0] not in _LEAD and raw[-1] not in _TRAIL:  # most words: nothing to split off
            words.append(Word(match.start(), match.end(), raw, "", "", raw.lower(), False))
            continue
        core = raw.lstrip(_LEAD)
        lead_len = len(raw) - len(core)
        stripped = core.rstrip(_TRAIL)
        # Give back a full stop that belongs to the word: "Co.", "U.S.", initials.
        if len(stripped) < len(core) and core[len(stripped)] == "." and stripped:
            base = stripped.lower()
            if base in keeps_stop or "." in stripped or (len(stripped) == 1 and stripped.isalpha()):
                stripped = core[: len(stripped) + 1]
        if not stripped:
            continue
        word_start = match.start() + lead_len
        trail = core[len(stripped) :]
        lead = raw[:lead_len]
        closes = bool(trail) and (not _CLOSING.isdisjoint(trail) or ")" in trail and "(" not in lead)
        words.append(Word(word_start, word_start + len(stripped), stripped, lead, trail, stripped.lower(), closes))
    return words
