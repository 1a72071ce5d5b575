"""DATE spans -> inclusive calendar interval (date_start, date_end) and granularity.

Calendar dates written out ("Jan 16,2023", "21/04/2016", "Sep-23-2020") are parsed by
dateparser with pinned settings, on the isolated span only. Everything relative to the
document's date, and every interval and granularity, is computed here: dateparser fills
missing parts from its base date, which must never leak into an output.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta

from ..patterns.loader import PatternSet
from ..text.calendar import CalendarReader
from .context import SpanContext
from .intervals import Anchor, DateContext, Interval, month_interval, nearest_year
from .numbers import NumberReader

_YEAR = re.compile(r"(?<![\d.,])(1\d{3}|20\d{2})(?!\d)")
_YEAR_FREE = re.compile(r"(1\d{3}|20\d{2})(?!\d)")
_WORDS = re.compile(r"[A-Za-z]+(?:'s)?|\d+")


class DateNormalizer:
    def __init__(self, patterns: PatternSet, numbers: NumberReader) -> None:
        self.numbers = numbers
        self.calendar = CalendarReader(patterns)
        suffix = "(?:" + patterns.alternation("suffix.ordinal_day") + ")?"
        spaces = r"\s+"
        self.ordinal_figure = re.compile(rf"(\d+){suffix}")
        self.day_figure = re.compile(rf"(\d{{1,2}}){suffix}")
        self.day_figures = re.compile(rf"\b(\d{{1,2}}){suffix}\b")
        self.relative_past, self.relative_next = patterns.word_set("date.relative_past"), patterns.word_set("date.relative_next")
        self.relative_this = patterns.word_set("date.relative_this")
        self.year_relative = re.compile(rf"(?i)\b({patterns.alternation('date.year_relative', space=spaces)})\s+year\b")
        self.month_relative = re.compile(rf"(?i)\s*(?:(?:{patterns.alternation('date.month_relative')})\s+)?month\s*")
        self.weekday_relative = patterns.word_set("date.weekday_relative")
        self.not_year_before = tuple(patterns.words("date.not_year_before"))
        self.temporal_before = re.compile(rf"(?i)\b(?:{patterns.alternation('date.temporal_before', space=spaces)})\s*$")
        self.capitalized_openers = patterns.word_set("date.capitalized_opener")
        self.count_follower_exceptions = patterns.word_set("date.count_follower_exception")
        self.plan_period = re.compile(rf"(?i)\b(?:{patterns.alternation('date.plan_period_preposition')})\s+(?:the\s+)?(?:whole\s+|entire\s+|first\s+\w+\s+years\s+of\s+the\s+)?$")
        self.plan_title = re.compile(rf"\s+(?:{patterns.alternation('date.plan_title_preposition')})\s+[A-Z]")
        self.edge_words = re.compile(rf"(?i)^(?:{patterns.alternation('date.edge')})(?:-|\s+(?:of\s+)?(?:the\s+)?)")
        self.ago = re.compile(rf"(?i)(.+?)\s+({patterns.alternation('date.ago_unit')})s?\s+ago")
        self.months = {row["surface"]: int(row["month"]) for row in patterns.lexicon("months").rows}
        self.weekdays = {row["surface"]: int(row["weekday"]) for row in patterns.lexicon("weekdays").rows}
        self.ordinals = {row["word"]: int(row["value"]) for row in patterns.lexicon("ordinals").rows}
        self.plans = {int(row["ordinal"]): (int(row["start"]), int(row["end"])) for row in patterns.lexicon("five_year_plans").rows}
        plan_ordinals = sorted((w for w, v in self.ordinals.items() if v in self.plans), key=lambda w: (-len(w), w))
        self.plan_ordinal = re.compile(rf"(\d+)(?:{patterns.alternation('suffix.ordinal_day')})|\b({'|'.join(plan_ordinals)})\b", re.IGNORECASE)
        self.event_words = frozenset(patterns.lexicon("event_words").column("word"))
        self._readers: dict[str, Callable[[SpanContext, DateContext, Anchor | None], Interval | None]] = {
            "calendar": self._calendar,
            "compact": self._compact,
            "numeric_month": self._numeric_month,
            "year": self._year,
            "year_range": self._year_range,
            "month": self._month,
            "month_range": self._month_range,
            "months_to": self._months_to,
            "day_range": self._day_range,
            "quarter": self._quarter,
            "quarter_range": self._quarter_range,
            "half": self._half,
            "first_n": self._first_n,
            "relative": self._relative,
            "edge": self._edge,
            "same_period": self._same_period,
            "deictic": self._deictic,
            "now": self._now,
            "ago": self._ago,
            "weekday": self._weekday,
            "week": self._week,
            "day_relative": self._day_relative,
            "five_year_plan": self._five_year_plan,
        }

    @property
    def interps(self) -> frozenset[str]:
        return frozenset(self._readers)

    def normalize(self, interp: str, ctx: SpanContext, dates: DateContext, anchor: Anchor | None = None) -> Interval | None:
        reader = self._readers.get(interp)
        if reader is None:
            raise KeyError(f"no date reader named {interp!r}")
        interval = reader(ctx, dates, anchor)
        if interval is not None and interval.start > interval.end:
            return None
        return interval

    # -- helpers ---------------------------------------------------------------------------
    def _words(self, text: str) -> list[str]:
        return [w.lower() for w in _WORDS.findall(text)]

    def _month_in(self, text: str) -> int | None:
        for word in self._words(text):
            if word in self.months:
                return self.months[word]
        return None

    def _ordinal(self, word: str) -> int | None:
        word = word.lower()
        if word in self.ordinals:
            return self.ordinals[word]
        match = self.ordinal_figure.fullmatch(word)
        return int(match.group(1)) if match else None

    def _day_number(self, text: str) -> int | None:
        """'21st' -> 21, 'eleventh' -> 11, 'thirty first' -> 31, 'fifteen' -> 15."""
        text = text.strip().lower()
        match = self.day_figure.fullmatch(text)
        if match:
            return int(match.group(1))
        parts = re.split(r"[\s-]+", text)
        if len(parts) == 2 and parts[0] in ("twenty", "thirty"):
            unit = self._ordinal(parts[1]) or (self.numbers.number(parts[1]) and int(self.numbers.number(parts[1]) or 0))
            if unit:
                return (20 if parts[0] == "twenty" else 30) + int(unit)
        value = self._ordinal(text)
        if value is not None and value > 0:
            return value
        number = self.numbers.number(text)
        return int(number) if number is not None and number == int(number) else None

    def _relative_offset(self, text: str) -> int | None:
        """-1 for last/previous, +1 for next/following/coming, 0 for this/current/the."""
        words = self._words(text)
        for word in words:
            if word in self.relative_past:
                return -1
            if word in self.relative_next:
                return 1
        if any(word in self.relative_this for word in words):
            return 0
        return None

    def _year_of(self, text: str, dates: DateContext, anchor: Anchor | None) -> int | None:
        """A year written in the text, or one said relative to the document, or the anchor's."""
        found = _YEAR_FREE.search(text)
        if found:
            return int(found.group(1))
        match = self.year_relative.search(text)
        if match:
            if "same" in match.group(1).lower():
                return None  # "the same year" points back to another mention
            if dates.doc_date is None:
                return None
            offset = self._relative_offset(match.group(1))
            return dates.doc_date.year + (offset or 0)
        if anchor is not None:
            return anchor.year
        return None

    # -- readers ---------------------------------------------------------------------------
    def _calendar(self, ctx: SpanContext, dates: DateContext, anchor: Anchor | None) -> Interval | None:
        span = ctx.span
        parsed = self.calendar.parse(span)
        if parsed is None:
            return None
        day, period = parsed
        has_year = bool(_YEAR_FREE.search(span)) or bool(re.fullmatch(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2}", span.strip()))
        if not has_year:
            if anchor is not None:
                year = anchor.year
            elif dates.doc_date is not None:
                year = nearest_year(day.month, dates.doc_date)
            else:
                return None  # a month and day with no year and no document date
            try:
                day = day.replace(year=year)
            except ValueError:
                return None
        if period == "day":
            return Interval(day, day, "day")
        if period == "month":
            start, end = month_interval(day.year, day.month)
            return Interval(start, end, "month")
        if period == "year":
            return Interval(date(day.year, 1, 1), date(day.year, 12, 31), "year")
        return None

    def _compact(self, ctx: SpanContext, dates: DateContext, anchor: Anchor | None) -> Interval | None:
        text = ctx.span
        try:
            day = date(int(text[:4]), int(text[4:6]), int(text[6:8]))
        except ValueError:
            return None
        return Interval(day, day, "day")

    def _numeric_month(self, ctx: SpanContext, dates: DateContext, anchor: Anchor | None) -> Interval | None:
        numbers = [int(n) for n in re.findall(r"\d+", ctx.span)]
        if len(numbers) != 2:
            return None
        year, month = (numbers[0], numbers[1]) if numbers[0] > 31 else (numbers[1], numbers[0])
        if not 1 <= month <= 12:
            return None
        start, end = month_interval(year, month)
        return Interval(start, end, "month")

    def _year(self, ctx: SpanContext, dates: DateContext, anchor: Anchor | None) -> Interval | None:
        year = int(ctx.span)
        if not self._is_calendar_year(ctx, year):
            return None
        return Interval(date(year, 1, 1), date(year, 12, 31), "year")

    def _is_calendar_year(self, ctx: SpanContext, year: int) -> bool:
        """A bare four-digit number is a year unless it counts things or belongs to a name."""
        before = ctx.before
        after_words = re.findall(r"[A-Za-z][\w'-]*|\S", ctx.after)
        before_words = re.findall(r"[A-Za-z][\w'.-]*|\S", before)
        temporal_before = bool(self.temporal_before.search(before))
        if before.rstrip().endswith(self.not_year_before):
            return False
        if year < 1900 and not temporal_before:
            return False
        # "Vision 2035", "Expo 2020", "Made in China 2025": a capitalized word right before.
        if before_words:
            previous = before_words[-1]
            at_sentence_start = len(before_words) == 1
            if (
                previous[:1].isupper()
                and previous.lower().rstrip(".") not in self.months
                and previous not in self.capitalized_openers
                and not (at_sentence_start and previous in self.capitalized_openers)
                and not previous.endswith("'s")
            ):
                return False
        if after_words:
            following = after_words[0]
            # "2021 Smart China Expo": capitalized words up to an event word.
            if following[:1].isupper():
                for word in after_words[:7]:
                    if not word[:1].isupper():
                        break
                    if word.lower() in self.event_words:
                        return False
            # "2000 enterprises": a count, unless a date word stands before it ("in 2022 companies ...").
            if following[:1].islower() and following.endswith("s") and following.lower() not in self.count_follower_exceptions and not temporal_before and not following.endswith("'s"):
                return False
        return True

    def _year_range(self, ctx: SpanContext, dates: DateContext, anchor: Anchor | None) -> Interval | None:
        numbers = re.findall(r"\d+", ctx.span)
        if len(numbers) != 2:
            return None
        first = int(numbers[0])
        second = int(numbers[1]) if len(numbers[1]) == 4 else (first // 100) * 100 + int(numbers[1])
        if not first < second <= first + 50:
            return None
        return Interval(date(first, 1, 1), date(second, 12, 31), "range")

    def _month(self, ctx: SpanContext, dates: DateContext, anchor: Anchor | None) -> Interval | None:
        span = ctx.span
        month = self._month_in(span)
        if month is None:
            return None
        lowered = span.lower()
        year: int | None
        explicit = _YEAR_FREE.search(span)
        if explicit:
            year = int(explicit.group(1))
        elif re.search(r"\byear\b", lowered):
            year = self._year_of(span, dates, anchor)
        else:
            before_month = lowered.split()[0] if len(lowered.split()) > 1 else ""
            offset = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1, "following": 1, "this": 0, "current": 0}.get(before_month)
            if offset is not None:
                if dates.doc_date is None:
                    return None
                doc = dates.doc_date
                if offset == -1:
                    year = doc.year if month < doc.month else doc.year - 1
                elif offset == 1:
                    year = doc.year if month > doc.month else doc.year + 1
                else:
                    year = doc.year
            elif anchor is not None:
                year = anchor.year
            elif dates.doc_date is not None:
                year = nearest_year(month, dates.doc_date)
            else:
                return None
        if year is None:
            return None
        start, end = month_interval(year, month)
        return Interval(start, end, "month")

    def _month_range(self, ctx: SpanContext, dates: DateContext, anchor: Anchor | None) -> Interval | None:
        span = ctx.span
        months = [self.months[w] for w in self._words(span) if w in self.months]
        if len(months) != 2:
            return None
        first, last = months
        year = self._year_of(span, dates, anchor)
        if year is None:
            if dates.doc_date is None:
                return None
            year = nearest_year(last, dates.doc_date)
        start_year = year if first <= last else year - 1
        return Interval(month_interval(start_year, first)[0], month_interval(year, last)[1], "range")

    def _months_to(self, ctx: SpanContext, dates: DateContext, anchor: Anchor | None) -> Interval | None:
        """ "1 to May", "this year 1 to May" (the calque of "1至5月"): January to the month named."""
        months = [self.months[w] for w in self._words(ctx.span) if w in self.months]
        if len(months) != 1:
            return None
        year = self._period_year(ctx.span, dates, anchor, months[0])
        if year is None:
            return None
        return Interval(date(year, 1, 1), month_interval(year, months[0])[1], "range")

    def _day_range(self, ctx: SpanContext, dates: DateContext, anchor: Anchor | None) -> Interval | None:
        span = ctx.span
        month = self._month_in(span)
        if month is None:
            return None
        without_year = _YEAR_FREE.sub(" ", span)
        days = [int(d) for d in self.day_figures.findall(without_year)]
        if len(days) != 2:
            return None
        year = self._year_of(span, dates, anchor)
        if year is None:
            if dates.doc_date is None:
                return None
            year = nearest_year(month, dates.doc_date)
        try:
            start, end = date(year, month, days[0]), date(year, month, days[1])
        except ValueError:
            return None
        return Interval(start, end, "range")

    def _period_year(self, span: str, dates: DateContext, anchor: Anchor | None, last_month: int) -> int | None:
        year = self._year_of(span, dates, anchor)
        if year is None and dates.doc_date is not None and not re.search(r"(?i)\bsame\s+year\b", span):
            year = nearest_year(last_month, dates.doc_date)
        return year

    def _number_first(self, span: str, letters: str) -> tuple[int, int | None] | None:
        """A company report's code, number first: "3Q23" -> (3, 2023), "1H 2023" -> (1, 2023), "4Q" -> (4, None)."""
        code = re.fullmatch(rf"([1-4])[{letters}]\s*(?:'?(\d{{2}})|(\d{{4}}))?", span.strip())
        if code is None:
            return None
        year = 2000 + int(code.group(2)) if code.group(2) else int(code.group(3)) if code.group(3) else None
        return int(code.group(1)), year

    def _quarter_range(self, ctx: SpanContext, dates: DateContext, anchor: Anchor | None) -> Interval | None:
        """ "Q1-Q3", "Q1-3 this year": from the first quarter named to the last."""
        code = re.search(r"[Qq]([1-4])\s*[-~–]\s*[Qq]?([1-4])", ctx.span)
        if code is None or int(code.group(1)) >= int(code.group(2)):
            return None
        first, last = int(code.group(1)), int(code.group(2))
        year = self._period_year(ctx.span, dates, anchor, last * 3)
        if year is None:
            return None
        return Interval(date(year, first * 3 - 2, 1), month_interval(year, last * 3)[1], "range")

    def _quarter(self, ctx: SpanContext, dates: DateContext, anchor: Anchor | None) -> Interval | None:
        span = ctx.span
        number_first = self._number_first(span, "Qq")
        if number_first is not None:
            quarter, given = number_first
            year = given if given is not None else self._period_year(span, dates, anchor, quarter * 3)
            if year is None:
                return None
            return Interval(date(year, quarter * 3 - 2, 1), month_interval(year, quarter * 3)[1], "quarter")
        code = re.search(r"[Qq]([1-4])", span)
        if code:
            quarter = int(code.group(1))
        else:
            ords = [o for o in (self._ordinal(w) for w in self._words(span)) if o is not None and (o == -1 or 1 <= o <= 4)]
            if not ords:
                return None
            quarter = 4 if ords[0] == -1 else ords[0]
        year = self._period_year(span, dates, anchor, quarter * 3)
        if year is None:
            return None
        start = date(year, quarter * 3 - 2, 1)
        end = month_interval(year, quarter * 3)[1]
        return Interval(start, end, "quarter")

    def _half(self, ctx: SpanContext, dates: DateContext, anchor: Anchor | None) -> Interval | None:
        span = ctx.span
        number_first = self._number_first(span, "Hh")
        if number_first is not None and number_first[0] <= 2:
            half, given = number_first
            year = given if given is not None else self._period_year(span, dates, anchor, half * 6)
            if year is None:
                return None
            return Interval(date(year, 1 if half == 1 else 7, 1), date(year, 6, 30) if half == 1 else date(year, 12, 31), "half")
        code = re.search(r"[Hh]([12])(?!\d)", span)
        if code:
            half = int(code.group(1))
        else:
            lowered = span.lower()
            half = 1 if re.search(r"\b(?:first|1st)\b", lowered) else 2 if re.search(r"\b(?:second|2nd|latter)\b", lowered) else 0
            if not half:
                return None
        year = self._period_year(span, dates, anchor, half * 6)
        if year is None:
            return None
        start = date(year, 1 if half == 1 else 7, 1)
        end = date(year, 6, 30) if half == 1 else date(year, 12, 31)
        return Interval(start, end, "half")

    def _first_n(self, ctx: SpanContext, dates: DateContext, anchor: Anchor | None) -> Interval | None:
        span = ctx.span
        match = re.search(r"(?i)(?:first\s+)?(.+?)\s+(months?|quarters)\b", span)
        if not match:
            return None
        count = self.numbers.number(match.group(1))
        if count is None or count != int(count):
            return None
        months = int(count) * (3 if match.group(2).lower() == "quarters" else 1)  # "first two month": a typo of months
        if not 1 <= months <= 12:
            return None
        year = self._period_year(span, dates, anchor, months)
        if year is None:
            return None
        return Interval(date(year, 1, 1), month_interval(year, months)[1], "range")

    def _relative(self, ctx: SpanContext, dates: DateContext, anchor: Anchor | None) -> Interval | None:
        doc = dates.doc_date
        if doc is None:
            return None
        words = self._words(ctx.span)
        unit = words[-1]
        offset = self._relative_offset(" ".join(words[:-1])) if len(words) > 1 else 0
        if offset is None:
            return None
        if unit == "year":
            year = doc.year + offset
            return Interval(date(year, 1, 1), date(year, 12, 31), "year")
        if unit == "month":
            index = doc.year * 12 + doc.month - 1 + offset
            start, end = month_interval(index // 12, index % 12 + 1)
            return Interval(start, end, "month")
        if unit == "quarter":
            index = doc.year * 4 + (doc.month - 1) // 3 + offset
            year, quarter = index // 4, index % 4 + 1
            return Interval(date(year, quarter * 3 - 2, 1), month_interval(year, quarter * 3)[1], "quarter")
        monday = doc - timedelta(days=doc.weekday()) + timedelta(weeks=offset)
        if unit == "week":
            return Interval(monday, monday + timedelta(days=6), "range")
        if unit == "weekend":
            return Interval(monday + timedelta(days=5), monday + timedelta(days=6), "range")
        return None

    def _edge(self, ctx: SpanContext, dates: DateContext, anchor: Anchor | None) -> Interval | None:
        span = ctx.span
        edge = self._words(span)[0]
        rest = self.edge_words.sub("", span)
        plan = self.plan_ordinal.search(rest)
        if plan and re.search(r"(?i)five-year", rest):
            ordinal = int(plan.group(1)) if plan.group(1) else self.ordinals.get(plan.group(2).lower())
            if ordinal not in self.plans:
                return None
            first, last = self.plans[ordinal]
            whole = Interval(date(first, 1, 1), date(last, 12, 31), "range")
        else:
            month = self._month_in(rest)
            whole_unit: Interval | None
            if month is not None:
                whole_unit = self._month(SpanContext(rest, 0, len(rest), 0, len(rest)), dates, anchor)
            elif self.month_relative.fullmatch(rest):
                phrase = rest.strip() if len(rest.split()) == 2 else "this month"
                whole_unit = self._relative(SpanContext(phrase, 0, len(phrase), 0, len(phrase)), dates, anchor)
            else:
                year = self._year_of(rest, dates, anchor)
                if year is None and re.fullmatch(r"(?i)\s*(?:new\s+)?year\s*", rest) and dates.doc_date is not None:  # "the beginning of the new year"
                    year = dates.doc_date.year
                whole_unit = Interval(date(year, 1, 1), date(year, 12, 31), "year") if year is not None else None
            if whole_unit is None:
                return None
            whole = whole_unit
        if edge == "end":
            return Interval(whole.end, whole.end, "day")
        if edge in ("beginning", "start"):
            return Interval(whole.start, whole.start, "day")
        return whole  # mid-, early, late: the unit itself

    def _same_period(self, ctx: SpanContext, dates: DateContext, anchor: Anchor | None) -> Interval | None:
        doc = dates.doc_date
        explicit = _YEAR_FREE.search(ctx.span)
        # The period repeated is settled later, among the mentions (relations.same_period);
        # here only the document's own year is known.
        if doc is None:
            return None
        year = int(explicit.group(1)) if explicit else doc.year - 1
        try:
            end = doc.replace(year=year)
        except ValueError:
            end = date(year, doc.month, 28)
        return Interval(date(year, 1, 1), end, "range")

    def _deictic(self, ctx: SpanContext, dates: DateContext, anchor: Anchor | None) -> Interval | None:
        if dates.doc_date is None or dates.transcript:
            return None  # a transcript's "today" is the event's day, which the text does not give
        words = self._words(ctx.span)
        shift = {"today": 0, "yesterday": -1, "tomorrow": 1}.get(words[-1], 0)
        if "before" in words:
            shift = -2
        elif "after" in words:
            shift = 2
        day = dates.doc_date + timedelta(days=shift)
        return Interval(day, day, "day")

    def _now(self, ctx: SpanContext, dates: DateContext, anchor: Anchor | None) -> Interval | None:
        if anchor is None or dates.doc_date is None:
            return None  # "now" counts only as one end of a range
        return Interval(dates.doc_date, dates.doc_date, "day")

    def _ago(self, ctx: SpanContext, dates: DateContext, anchor: Anchor | None) -> Interval | None:
        doc = dates.doc_date
        if doc is None:
            return None
        match = self.ago.match(ctx.span)
        if not match:
            return None
        count = self.numbers.number(match.group(1))
        if count is None or count != int(count):
            return None
        n, unit = int(count), match.group(2).lower()
        if unit == "year":
            year = doc.year - n
            return Interval(date(year, 1, 1), date(year, 12, 31), "year")
        if unit == "month":
            index = doc.year * 12 + doc.month - 1 - n
            year, month = index // 12, index % 12 + 1
            day = date(year, month, min(doc.day, calendar.monthrange(year, month)[1]))
        else:
            day = doc - timedelta(days=n * (7 if unit == "week" else 1))
        return Interval(day, day, "day")

    def _weekday(self, ctx: SpanContext, dates: DateContext, anchor: Anchor | None) -> Interval | None:
        doc = dates.doc_date
        span = ctx.span
        words = self._words(span)
        weekday = next((self.weekdays[w] for w in words if w in self.weekdays), None)
        if weekday is None:
            return None
        explicit_year = _YEAR_FREE.search(span)
        month_name = next((w for w in words if w in self.months), None)
        if doc is None and not (explicit_year and month_name):
            return None
        # "Thursday the 21st": that day of the document's month (or the nearest month where it is a Thursday).
        the_day = re.search(r"(?i)\bthe\s+(.+)$", span)
        if the_day and "week" not in words and "month" not in words and month_name is None:
            number = self._day_number(the_day.group(1))
            if number is None or doc is None:
                return None
            for shift in (0, -1, 1):
                index = doc.year * 12 + doc.month - 1 + shift
                year, month = index // 12, index % 12 + 1
                if number <= calendar.monthrange(year, month)[1] and date(year, month, number).isoweekday() == weekday:
                    day = date(year, month, number)
                    return Interval(day, day, "day")
            return None
        if "week" in words:
            assert doc is not None
            offset = self._relative_offset(" ".join(w for w in words if w not in self.weekdays and w != "week"))
            monday = doc - timedelta(days=doc.weekday()) + timedelta(weeks=offset or 0)
            day = monday + timedelta(days=weekday - 1)
            return Interval(day, day, "day")
        first_word = words[0]
        if first_word in self.weekday_relative and "of" not in words and len(words) == 2:
            assert doc is not None
            if first_word in ("last", "previous"):
                delta = (doc.isoweekday() - weekday) % 7 or 7
                day = doc - timedelta(days=delta)
            elif first_word in ("next", "coming"):
                delta = (weekday - doc.isoweekday()) % 7 or 7
                day = doc + timedelta(days=delta)
            else:
                day = doc - timedelta(days=doc.weekday()) + timedelta(days=weekday - 1)
            return Interval(day, day, "day")
        nth = self._ordinal(first_word) if first_word not in self.weekdays else None
        if nth is not None:
            if month_name is not None:
                month = self.months[month_name]
                if explicit_year:
                    year = int(explicit_year.group(1))
                elif doc is not None:
                    year = nearest_year(month, doc)
                else:
                    return None
            else:
                assert doc is not None
                offset = self._relative_offset(" ".join(words[words.index("of") + 1 :])) if "of" in words else 0
                index = doc.year * 12 + doc.month - 1 + (offset or 0)
                year, month = index // 12, index % 12 + 1
            days = [d for d in range(1, calendar.monthrange(year, month)[1] + 1) if date(year, month, d).isoweekday() == weekday]
            if nth == -1:
                chosen = days[-1]
            elif 1 <= nth <= len(days):
                chosen = days[nth - 1]
            else:
                return None
            day = date(year, month, chosen)
            return Interval(day, day, "day")
        # A weekday alone: the most recent one on or before the document's date (news reports the past).
        assert doc is not None
        day = doc - timedelta(days=(doc.isoweekday() - weekday) % 7)
        return Interval(day, day, "day")

    def _week(self, ctx: SpanContext, dates: DateContext, anchor: Anchor | None) -> Interval | None:
        span = ctx.span
        year_match = _YEAR_FREE.search(span)
        year = int(year_match.group(1)) if year_match else (dates.doc_date.year if dates.doc_date else None)
        if year is None:
            return None
        number = re.search(r"(?i)week\s+(\d{1,2})\b", span)
        if number:
            week = int(number.group(1))
        else:
            week_ordinal = self._ordinal(self._words(span)[0])
            if week_ordinal is None or week_ordinal < 1:
                return None
            week = week_ordinal
        try:
            monday = date.fromisocalendar(year, week, 1)
        except ValueError:
            return None
        return Interval(monday, monday + timedelta(days=6), "range")

    def _day_relative(self, ctx: SpanContext, dates: DateContext, anchor: Anchor | None) -> Interval | None:
        doc = dates.doc_date
        if doc is None:
            return None
        span = ctx.span
        days = [int(d) for d in self.day_figures.findall(span)]
        offset = self._relative_offset(span.split("month")[0].split()[-1] if "month" in span else "")
        if not days or offset is None:
            return None
        index = doc.year * 12 + doc.month - 1 + offset
        year, month = index // 12, index % 12 + 1
        try:
            start, end = date(year, month, days[0]), date(year, month, days[-1])
        except ValueError:
            return None
        return Interval(start, end, "day" if len(days) == 1 else "range")

    def _five_year_plan(self, ctx: SpanContext, dates: DateContext, anchor: Anchor | None) -> Interval | None:
        span = ctx.span
        is_time = bool(re.match(r"(?i)\s+period\b", ctx.after)) or bool(self.plan_period.search(ctx.before))  # "the 13th Five-Year Plan period"
        if not is_time or self.plan_title.match(ctx.after) or re.match(r"\s*\(\s*[A-Z]", ctx.after):
            return None  # the plan as a document ("the 14th Five-Year Plan for ... Development")
        match = re.match(r"(\d+)", span)
        ordinal = int(match.group(1)) if match else self.ordinals.get(span.split()[0].lower())
        if ordinal not in self.plans:
            return None
        first, last = self.plans[ordinal]
        return Interval(date(first, 1, 1), date(last, 12, 31), "range")
