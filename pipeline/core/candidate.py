"""What every recognizer produces and every later stage reads: a Candidate span (before
normalization), a Resolved one (with its values), and an interval set for overlap tests.
They sit below the rules, the normalizers and the overlap policy, which all use them."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .mention import Label


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span some rule or the model proposes, before normalization.

    `interp` names the normalizer reading; `groups` carries regex groups the reading
    needs (a shared currency); `info` carries rule facts (a list's count, an acronym's
    long form). `source` is "rule" or "model".
    """

    label: Label
    start: int
    end: int
    rule: str
    interp: str = ""
    source: str = "rule"
    groups: tuple[tuple[str, str], ...] = ()
    info: tuple[tuple[str, Any], ...] = ()

    def get(self, key: str, default: Any = None) -> Any:
        return dict(self.info).get(key, default)


@dataclass(slots=True)
class Resolved:
    """A normalized candidate: the Mention fields it fills."""

    candidate: Candidate
    fields: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> Label:
        return self.candidate.label

    @property
    def start(self) -> int:
        return self.candidate.start

    @property
    def end(self) -> int:
        return self.candidate.end


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


class IntervalSet:
    """Spans that do not overlap each other, with a fast "does this span overlap one?" test
    (large documents hold tens of thousands of spans: no scan of all of them per question)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(spans):
            self.add(start, end)

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect_right(self.starts, start)
        if index and self.ends[index - 1] > start:
            return True
        return index < len(self.starts) and self.starts[index] < end

    def add(self, start: int, end: int) -> None:
        """Add a span; one that overlaps spans already held is merged with them."""
        index = bisect_right(self.starts, start)
        while index and self.ends[index - 1] > start:
            index -= 1
            start, end = min(start, self.starts[index]), max(end, self.ends[index])
            del self.starts[index], self.ends[index]
        while index < len(self.starts) and self.starts[index] < end:
            end = max(end, self.ends[index])
            del self.starts[index], self.ends[index]
        self.starts.insert(index, start)
        self.ends.insert(index, end)
