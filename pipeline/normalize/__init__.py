"""One normalizer per label; `Normalizers` hands each candidate to the right one."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import replace

from ..core.candidate import Candidate, Resolved
from ..core.labels import spec
from ..core.mention import Label
from ..patterns.loader import PatternSet
from ..text.sentences import SentenceIndex
from .context import SpanContext
from .dates import DateNormalizer
from .intervals import Anchor, DateContext, Interval
from .money import DEFAULT_CURRENCY, MoneyNormalizer
from .numbers import NumberReader
from .percent import PercentNormalizer

ANCHORED_INTERPS = frozenset({"quarter", "quarter_range", "half", "first_n", "month_range", "months_to", "month"})  # identifiers: parts of a year
_AND_GAP = re.compile(r"^[^\S\r\n]+(?i:and)[^\S\r\n]+(?:(?i:the)[^\S\r\n]+)?$")


class Normalizers:
    def __init__(self, patterns: PatternSet) -> None:
        self.numbers = NumberReader(patterns)
        self.money = MoneyNormalizer(patterns, self.numbers)
        self.percent = PercentNormalizer(self.numbers)
        self.dates = DateNormalizer(patterns, self.numbers)
        # what may stand between the two ends of a date range: a dash, or "to", "until", ...
        self.range_gap = re.compile(rf"^[^\S\r\n]*(?:-|~|(?i:{patterns.alternation('date.range_word')}))[^\S\r\n]*(?:(?i:the)[^\S\r\n]+)?$")
        self._readings: dict[str, Callable[[Candidate, SpanContext, DateContext, str], Resolved | None]] = {
            "money": self._money,
            "percent": self._percent,
            "date": self._date,
            "name": self._name,
            "quantity": self._name,  # quantities.py reads its own values; a QUANTITY candidate passing here keeps none
        }

    def normalize(self, candidate: Candidate, text: str, sentences: SentenceIndex, dates: DateContext, currency: str = DEFAULT_CURRENCY) -> Resolved | None:
        """The candidate with its normalized fields, or None when its words do not read as one.
        The label registry (core/labels.py) names the reading each label gets."""
        sentence_start, sentence_end = sentences.around(candidate.start, candidate.end)
        ctx = SpanContext(text, candidate.start, candidate.end, sentence_start, sentence_end, candidate.groups)
        return self._readings[spec(candidate.label).normalizer](candidate, ctx, dates, currency)

    def _money(self, candidate: Candidate, ctx: SpanContext, dates: DateContext, currency: str) -> Resolved | None:
        money = self.money.normalize(candidate.interp, ctx, currency)
        if money is None:
            return None
        return Resolved(candidate, {"value": money.value, "value_high": money.value_high, "unit": money.unit, "inferred": money.inferred})

    def _percent(self, candidate: Candidate, ctx: SpanContext, dates: DateContext, currency: str) -> Resolved | None:
        percent = self.percent.normalize(candidate.interp, ctx)
        if percent is None:
            return None
        return Resolved(candidate, {"value": percent.value, "value_high": percent.value_high, "unit": percent.unit})

    def _date(self, candidate: Candidate, ctx: SpanContext, dates: DateContext, currency: str) -> Resolved | None:
        interval = self.dates.normalize(candidate.interp, ctx, dates)
        if interval is None and candidate.interp == "same_period":
            return Resolved(candidate, {"interval": None})  # relations.same_period reads the report period
        return Resolved(candidate, {"interval": interval}) if interval is not None else None

    @staticmethod
    def _name(candidate: Candidate, ctx: SpanContext, dates: DateContext, currency: str) -> Resolved | None:
        return Resolved(candidate, {"canonical": candidate.get("canonical", "")})

    def anchored_dates(self, candidates: Iterable[Candidate], kept: Iterable[Resolved], text: str, sentences: SentenceIndex, dates: DateContext) -> list[Resolved]:
        """In a document with no date of its own, the parts of a year that name no year ("the
        first quarter", "January-November") read in the year of the last dated DATE before them
        ("the first half of 2020 ... in the first quarter"). They are no mentions (ANNOTATION.md:
        an undated document has no relative DATEs), only periods the facts may take."""
        if dates.doc_date is not None:
            return []
        years = sorted((r.start, r.fields["interval"].start.year) for r in kept if r.label is Label.DATE and r.fields.get("interval") is not None)
        starts = [s for s, _ in years]
        taken = sorted((r.start, r.end) for r in kept)
        taken_starts = [s for s, _ in taken]
        anchored: list[Resolved] = []
        for candidate in candidates:
            if candidate.label is not Label.DATE or candidate.interp not in ANCHORED_INTERPS:
                continue
            before = bisect_right(starts, candidate.start)
            at = bisect_right(taken_starts, candidate.start)
            overlaps = (at and taken[at - 1][1] > candidate.start) or (at < len(taken) and taken[at][0] < candidate.end)
            if not before or overlaps:
                continue
            sentence_start, sentence_end = sentences.around(candidate.start, candidate.end)
            ctx = SpanContext(text, candidate.start, candidate.end, sentence_start, sentence_end, candidate.groups)
            interval = self.dates.normalize(candidate.interp, ctx, dates, anchor=Anchor(years[before - 1][1]))
            if interval is not None:
                anchored.append(Resolved(replace(candidate, rule=f"{candidate.rule}+anchored"), {"interval": interval}))
        longest: list[Resolved] = []  # of overlapping spans ("January-May", "January", "May"), the first and longest
        for item in sorted(anchored, key=lambda r: (r.start, -r.end)):
            if not longest or item.start >= longest[-1].end:
                longest.append(item)
        return longest

    def date_ranges(self, candidates: Iterable[Candidate], text: str, sentences: SentenceIndex, dates: DateContext) -> list[Resolved]:
        """'January to November 2022', 'from 2019-aug-1 to today', 'between 2021 and 2025': two dates, one range.

        The right end is read first; the left end borrows its year when it has none.
        """
        ordered = sorted((c for c in candidates if c.label is Label.DATE), key=lambda c: (c.start, -c.end))
        starts = [c.start for c in ordered]
        ranges: list[Resolved] = []
        for left in ordered:
            # the right end starts within a few characters of the left end ("to", " - ", "and")
            for right in ordered[bisect_right(starts, left.end) : bisect_right(starts, left.end + 12)]:
                gap = text[left.end : right.start]
                opener = text[max(0, left.start - 9) : left.start].lower()
                if not (self.range_gap.match(gap) or _AND_GAP.match(gap) and opener.rstrip().endswith("between")):
                    continue
                interval = self._range(left, right, text, sentences, dates)
                if interval is not None:
                    merged = Candidate(Label.DATE, left.start, right.end, "date.range", interp="range")
                    ranges.append(Resolved(merged, {"interval": interval}))
        return ranges

    def _range(self, left: Candidate, right: Candidate, text: str, sentences: SentenceIndex, dates: DateContext) -> Interval | None:
        def context(c: Candidate) -> SpanContext:
            s, e = sentences.around(c.start, c.end)
            return SpanContext(text, c.start, c.end, s, e, c.groups)

        end = self.dates.normalize(right.interp, context(right), dates, anchor=Anchor(dates.doc_date.year) if right.interp == "now" and dates.doc_date else None)
        if end is None:
            return None
        start = self.dates.normalize(left.interp, context(left), dates, anchor=Anchor(end.start.year, end.start.month))
        if start is not None and start.start > end.end:
            start = self.dates.normalize(left.interp, context(left), dates, anchor=Anchor(end.start.year - 1, end.start.month))
        if start is not None and start.start > end.end:
            # The left end is fixed ("now", a full date): the right end without a year comes after it.
            for year in (start.start.year, start.start.year + 1):
                later = self.dates.normalize(right.interp, context(right), dates, anchor=Anchor(year))
                if later is not None and later.end >= start.start:
                    end = later
                    break
        if start is None or start.start > end.end:
            return None
        return Interval(start.start, end.end, "range")
