"""PERCENT spans -> value as written, value_high for ranges, unit percent or percentage_point."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from .context import SpanContext
from .numbers import NumberReader

_UNIT = re.compile(r"%|(?i:percentage\s+points?|per\s?cent(?:age)?\s+points?|per\s?cent(?:age)?|pct)(?![A-Za-z])")
_POINTS = re.compile(r"(?i)points?")
_RANGE = re.compile(r"(?<=[\d.])\s*[-~]\s*(?=[\d.])|\s+(?i:to|and)\s+|\s*[-~]\s*")


@dataclass(frozen=True, slots=True)
class PercentValue:
    value: Decimal
    value_high: Decimal | None
    unit: str  # "percent" or "percentage_point"


class PercentNormalizer:
    def __init__(self, numbers: NumberReader) -> None:
        self.numbers = numbers
        # percent: '6.5 percent', '3.1 percentage points'; shared: the unit written after a
        # later figure ('1.6 and 0.2 percentage points'); percent_of: 'of 15%', never negative
        self._readers: dict[str, Callable[[SpanContext], PercentValue | None]] = {
            "percent": lambda ctx: self._read(ctx, of=False),
            "shared": lambda ctx: self._read(ctx, of=False),
            "percent_of": lambda ctx: self._read(ctx, of=True),
        }

    @property
    def interps(self) -> frozenset[str]:
        """The readings a percent rule may name as its `interp`."""
        return frozenset(self._readers)

    def normalize(self, interp: str, ctx: SpanContext) -> PercentValue | None:
        reader = self._readers.get(interp)
        if reader is None:
            raise KeyError(f"no percent reader named {interp!r}")
        return reader(ctx)

    def _read(self, ctx: SpanContext, of: bool) -> PercentValue | None:
        span = ctx.span
        units = list(_UNIT.finditer(span))
        unit_text = units[-1].group() if units else ctx.group("shared_unit")
        if not unit_text:
            return None
        unit = "percentage_point" if _POINTS.search(unit_text) else "percent"
        if len({bool(_POINTS.search(u.group())) for u in units}) > 1:
            return None  # "fell by 2 percentage points to 41.5%": a change and a level, not a range
        bare = _UNIT.sub(" ", span)
        if of:
            bare = re.sub(r"(?i)^\s*of\s+", "", bare)
        negative = bare.lstrip().startswith("-") and not of
        bare = bare.strip().lstrip("-").strip().rstrip("-").strip()
        bare = re.sub(r"^(?i:between)\s+", "", bare)
        low_text, high_text = bare, None
        for match in _RANGE.finditer(bare):
            left, right = bare[: match.start()], bare[match.end() :]
            if self.numbers.number(left) is not None and self.numbers.number(right) is not None:
                low_text, high_text = left, right
                break
        low = self.numbers.number(low_text)
        if low is None:
            return None
        if negative:
            low = -low
        high = self.numbers.number(high_text) if high_text is not None else None
        if high_text is not None and (high is None or high < low):
            return None
        return PercentValue(value=low, value_high=high, unit=unit)
