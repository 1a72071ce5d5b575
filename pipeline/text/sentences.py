"""Rule-based sentence boundaries for press text, as character spans.

Press releases put titles, bylines and paragraphs on their own lines, so a line break
always ends a sentence; inside a line, a full stop, question or exclamation mark ends one
when the next word starts a new sentence and the stop does not close an abbreviation.
"""

from __future__ import annotations

import re
from bisect import bisect_right

# Starts only where a run of stops starts and takes it whole (possessive): linear on "......".
_STOP = re.compile(r"(?<![.!?])[.!?]++[\"')\]]*+(?=\s++[\"'(\[]?[A-Z0-9\u4e00-\u9fff])")
_LAST_WORD = re.compile(r"([\w.]+)\.?$")
_WORD_REACH = 64  # the abbreviation test reads at most this far back from a stop
_LINE = re.compile(r"[^\r\n]+")


def split_sentences(text: str, abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of every sentence, in order, trimmed of white space; covers all text.
    A stop after one of `abbreviations` (lower case, without its stop: word set
    sentence.abbreviation) or after a single letter ends no sentence."""
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        start = line.start()
        for stop in _STOP.finditer(line.group()):
            end = line.start() + stop.end()
            stop_at = line.start() + stop.start() + 1
            word = _LAST_WORD.search(text, max(start, stop_at - _WORD_REACH), stop_at)
            token = word.group(1).lower().rstrip(".") if word else ""
            if token in abbreviations or (len(token) == 1 and token.isalpha()):
                continue
            _append(spans, text, start, end)
            start = end
        _append(spans, text, start, line.end())
    return spans


def _append(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    spans.append((start + lead, start + lead + len(stripped)))


class SentenceIndex:
    """Finds the sentence around an offset."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [s for s, _ in spans]

    def around(self, start: int, end: int) -> tuple[int, int]:
        """The sentence holding [start, end); a span across a boundary gets both sentences."""
        if not self.spans:
            return start, end
        first = max(bisect_right(self.starts, start) - 1, 0)
        last = max(bisect_right(self.starts, max(end - 1, start)) - 1, 0)
        return min(self.spans[first][0], start), max(self.spans[last][1], end)
