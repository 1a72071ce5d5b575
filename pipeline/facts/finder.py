"""Facts from a document's mentions (FACTS.md): for every MONEY and PERCENT mention that is no
scale tier, what it measures (indicator), for whom (subject), when (period), whether it
happened or is planned (kind), and as what (measure).

Each field is read from the value's clause first, then its sentence, then what the document
said before (a subject or report period carries on until another is named). The `rule`
column records which step decided each field.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from ..core.fact import Fact
from ..core.mention import Label, Mention
from .context import HEADING_WORDS, REACH, Clause, DocumentState, Owner, Spans, squash
from .cues import FactLexicons, normalize_phrase
from .indicators import IndicatorReader
from .subjects import OwnerReader, acronyms

_GLUED_STOP = re.compile(r"\.(?=[A-Z])")  # a full stop glued to the next sentence ("megacity.Data show"), which the sentence split keeps together


class FactFinder:
    def __init__(self, lexicons: FactLexicons) -> None:
        self.lex = lexicons
        self.indicators = IndicatorReader(lexicons)
        self.owners = OwnerReader(lexicons)

    def find(self, text: str, mentions: Sequence[Mention], doc_date: date | None, periods: Sequence[Mention] = ()) -> list[Fact]:
        """The facts of a document's values; `periods` are DATE-like spans that are no mentions
        but may be a fact's period (an undated document's "first quarter", read in the year before it)."""
        values = [m for m in mentions if m.label in (Label.MONEY, Label.PERCENT) and m.qualifier != "level"]
        date_list = sorted([m for m in mentions if m.label is Label.DATE] + list(periods), key=lambda m: (m.start, m.end))
        dates = Spans(date_list)
        names = Spans([m for m in mentions if m.label in (Label.ORG, Label.CLUSTER) and m.text not in self.lex.media_names and (m.canonical or m.text) not in self.lex.media_names])
        state = DocumentState(figures=Spans(sorted([m for m in mentions if m.label in (Label.MONEY, Label.PERCENT, Label.DATE)] + list(periods), key=lambda m: (m.start, m.end))))
        state.paired = self.owners.respective_owners(text, values, names, state)
        state.acronyms = acronyms(text, self.lex.acronym)
        facts: list[Fact] = []
        date_index = 0
        frames = [frame.start() for frame in self.lex.duration_frame.finditer(text)]
        frame_index = 0
        previous: Mention | None = None
        for mention in values:
            # report periods stated before this value (headings, "In 2023, ..."), and ended by a span of years ("Over the past five years, ...")
            while True:
                next_date = date_list[date_index].start if date_index < len(date_list) else len(text)
                next_frame = frames[frame_index] if frame_index < len(frames) else len(text)
                if min(next_date, next_frame) >= mention.start:
                    break
                if next_frame <= next_date:
                    state.period = None
                    frame_index += 1
                else:
                    self._note_report_period(text, date_list[date_index], state)
                    date_index += 1
            if previous is not None and facts and previous.label is Label.MONEY and mention.label is Label.MONEY and self.lex.conversion_gap.match(text[previous.end : mention.start]):
                facts.append(_converted(facts[-1], mention))
            else:
                facts.append(self._fact(text, mention, dates, names, doc_date, state))
            previous = mention
        return self._restated_headlines(text, values, facts)

    def _restated_headlines(self, text: str, values: Sequence[Mention], facts: list[Fact]) -> list[Fact]:
        """A headline that restates a body figure ("Tianjin posts 3.4% GDP growth" over the
        report) takes the body fact's kind, measure, subject and period (FACTS.md); its
        indicator stays its own words when it has them."""
        body = [(v, f) for v, f in zip(values, facts) if not self._heading(text, v)]
        restated: list[Fact] = []
        for value, fact in zip(values, facts):
            twin = next((f for v, f in body if v.start > value.start and v.label is value.label and v.value is not None and v.value == value.value), None) if self._heading(text, value) else None
            if twin is None:
                restated.append(fact)
                continue
            own = fact.indicator_start is not None
            restated.append(
                replace(
                    fact,
                    kind=twin.kind,
                    measure=twin.measure,
                    indicator_start=fact.indicator_start if own else twin.indicator_start,
                    indicator_end=fact.indicator_end if own else twin.indicator_end,
                    indicator=fact.indicator if own else twin.indicator,
                    subject=twin.subject,
                    subject_start=twin.subject_start,
                    subject_end=twin.subject_end,
                    period_start=twin.period_start,
                    period_end=twin.period_end,
                    period_mention_start=twin.period_mention_start,
                    period_mention_end=twin.period_mention_end,
                    rule=f"{fact.rule}; restates={twin.fact_id}",
                )
            )
        return restated

    @staticmethod
    def _heading(text: str, value: Mention) -> bool:
        line = text[value.sentence_start : value.sentence_end]
        return len(line) <= 12 * HEADING_WORDS and len(line.split()) <= HEADING_WORDS and not line.rstrip().endswith(".")

    # -- one value --------------------------------------------------------------------------

    def _fact(self, text: str, value: Mention, dates: Spans, names: Spans, doc_date: date | None, state: DocumentState) -> Fact:
        clause = self._clause(text, value)
        item = _list_item(text, value, self.lex.item_noun)  # "Total investment: 3.2 billion yuan" under a project's heading
        if item is not None:
            clause = replace(clause, start=min(clause.start, item[1]))  # the field's label belongs to its value
        before = text[clause.start : value.start]
        after = text[value.end : clause.end]
        rules: list[str] = []

        measure, measure_rule, near_cue_start = self._measure(value, before, after)
        last = state.sentence_measure
        if last is not None and last[0] == clause.sentence_start and last[1] == value.label.value and last[2] != measure and self.lex.base_lead.search(before):
            measure, measure_rule = last[2], "base-of-previous"  # "accounting for 38% of revenue, up from 29%": the base is the same measure
        state.sentence_measure = (clause.sentence_start, value.label.value, measure)
        indicator = self.indicators.indicator(text, value, clause, measure, near_cue_start, names)
        earlier_values = [m.end for m in state.figures.within(clause.start, value.start) if m.label is not Label.DATE]
        kind, kind_rule = self._kind(value, before, after, own_start=max(earlier_values, default=clause.start) - clause.start)
        period, period_rule = self._period(text, value, clause, dates, kind, state)
        if kind == "target" and kind_rule.split(":")[-1] in self.lex.future_tense and period is not None and period.date_end is not None and doc_date is not None and period.date_end < doc_date:
            kind, kind_rule = "actual", kind_rule + "+period-ended"
        if kind == "actual" and period is not None and doc_date is not None and period.date_start is not None and period.date_start > doc_date and period.qualifier == "by":
            kind, kind_rule = "target", "period-ahead"
        subject, subject_rule = self.owners.subject(text, value, clause, indicator, names, state)
        if item is not None:
            # one project's field: its size is "other" (a forecast stays a target), the project owns it, and only its own line dates it
            label = text[item[1] : value.start].strip(" \t-•*·").split()
            if label and label[0].lower() in self.lex.forecast_label:
                kind, kind_rule = "target", "list-item-forecast"  # "Expected annual revenue: 1.5 billion yuan"
            elif kind == "actual":
                kind, kind_rule = "other", "list-item"
            subject, subject_rule = item[0], "list-item"
            if period_rule not in ("clause-date", "clause-dates", "own-date"):  # identifiers: the period rules that read the value's own line
                period, period_rule = None, "none-list-item"
        state.sentence_owner = (clause.sentence_start, subject)
        compared = self.lex.comparison_base.search(text, max(clause.start, value.start - 40), value.start)
        if (
            kind == "actual"
            and period is not None
            and period_rule in ("clause-date", "clause-dates", "sentence-date", "own-date")  # identifiers: the period rules that state a report period
            and "same period" not in period.text.lower()
            and period.granularity != "day"
            and not compared
            and not self._aside(text, period)
        ):
            state.period = period  # the report period for the figures that follow; a figure compared against ("than the 8.1% of Q1 last year") sets none

        if period is not None and period.rule.endswith("+anchored"):
            period_rule += "-anchored"  # an undated document's "first quarter", read in the year of the DATE before it
        rules = [f"kind={kind_rule}", f"measure={measure_rule}", f"indicator={indicator[2] if indicator else 'none'}", f"subject={subject_rule}", f"period={period_rule}"]
        indicator_start, indicator_end = (indicator[0], indicator[1]) if indicator else (None, None)
        return Fact(
            doc_id=value.doc_id,
            fact_id=f"f{value.mention_id}",
            value_start=value.start,
            value_end=value.end,
            value_label=value.label.value,
            kind=kind,
            measure=measure,
            indicator_start=indicator_start,
            indicator_end=indicator_end,
            indicator=squash(text[indicator_start:indicator_end]) if indicator else "",
            subject=state.acronyms.get(subject.name, subject.name),
            period_start=period.date_start if period else None,
            period_end=period.date_end if period else None,
            rule="; ".join(rules),
            mention_id=value.mention_id,
            value_text=value.text,
            subject_start=subject.start,
            subject_end=subject.end,
            period_mention_start=period.start if period else None,
            period_mention_end=period.end if period else None,
        )

    def _clause(self, text: str, value: Mention) -> Clause:
        """The value's clause: its sentence cut at semicolons, colons and ", while"-like breaks."""
        # a sentence is read at most REACH characters either side of its value: a text of one endless line costs each value the same
        start, end = max(value.sentence_start, value.start - REACH), min(value.sentence_end, value.end + REACH)
        clause_start, clause_end = start, end
        for brk in self.lex.clause_break.finditer(text, start, end):
            if brk.end() <= value.start:
                clause_start = brk.end()
            elif brk.start() >= value.end:
                clause_end = brk.start()
                break
        return Clause(clause_start, clause_end, start, end)

    # -- measure ----------------------------------------------------------------------------

    def _near_before(self, field_name: str, before: str) -> tuple[str, str, int] | None:
        """The cue of `field_name` nearest the value on its left, past transparent words:
        (value, cue, where the cue starts in `before`)."""
        cues = self.lex.near_before.get(field_name)
        if cues is None:
            return None
        rest = before
        for _ in range(5):
            match = cues.regex.search(rest)
            if match:
                return cues.value_of(match.group(1)), match.group(1), match.start(1)
            skip = self.lex.transparent_tail.search(rest)
            if not skip:
                return None
            rest = rest[: skip.start()]
        return None

    def _near_after(self, field_name: str, after: str) -> tuple[str, str] | None:
        cues = self.lex.near_after.get(field_name)
        if cues is None:
            return None
        match = cues.regex.match(after)  # "of the year's goal" as written, then past transparent words ("... , up 5% «year on year»")
        if match is None:
            skipped = self.lex.transparent_head.match(after)
            match = cues.regex.match(after[skipped.end() :] if skipped else after)
        return (cues.value_of(match.group(1)), match.group(1)) if match else None

    def _clause_cue(self, field_name: str, before: str, after: str = "") -> tuple[str, str] | None:
        cues = self.lex.clause_before.get(field_name)
        found = list(cues.regex.finditer(before)) if cues else []
        if found and cues:
            return cues.value_of(found[-1].group(1)), found[-1].group(1)
        cues = self.lex.clause_after.get(field_name)
        match = cues.regex.search(after) if cues else None
        return (cues.value_of(match.group(1)), match.group(1)) if match and cues else None

    def _measure(self, value: Mention, before: str, after: str) -> tuple[str, str, int | None]:
        """(measure, rule, where a near cue starts in `before`)."""
        if value.label is Label.PERCENT and "point" in value.unit.lower() + value.text.lower():
            return "change", "percentage-points", None
        near = self._near_before("measure", before)
        level = near is not None and near[0] == "amount"
        later = self._near_after("measure", after)
        if value.label is Label.PERCENT and later and later[0] == "rate":  # "accounting for 103% «of the year's goal»": completion, a rate
            return "rate", f"cue-after:{squash(later[1]).lower()}", None
        if near and not level and (value.label is Label.PERCENT or near[0] == "change"):
            return near[0], f"cue:{squash(near[1]).lower()}", near[2]
        if value.label is Label.MONEY:
            if not level:
                later = self._near_after("measure", after)
                if later and later[0] == "change" and later[1].lower() in self.lex.money_change_after:
                    return "change", f"cue:{later[1].lower()}", None
            return "amount", f"cue:{squash(near[1]).lower()}" if near else "money", None
        later = self._near_after("measure", after)
        if later and later[0] != "amount":
            return later[0], f"cue-after:{squash(later[1]).lower()}", None
        if re.match(r"^\s+of\s+(?!the\s+same\b)[a-z]", after, re.IGNORECASE) and not re.match(r"^\s+of\s+(?:growth|increase)", after, re.IGNORECASE):
            return "share", "percent-of", None
        clause = self._clause_cue("measure", before)
        if clause and clause[0] != "amount":
            return clause[0], f"clause:{squash(clause[1]).lower()}", None
        return "change", "percent-default", None

    # -- kind -------------------------------------------------------------------------------

    def _kind(self, value: Mention, before: str, after: str, own_start: int = 0) -> tuple[str, str]:
        if value.each:
            return "other", "each"
        if self.lex.class_threshold.search(before[-120:]):
            return "other", "class-threshold"  # "enterprises with annual revenue of over 20 million yuan": what sets a class apart
        near = self._near_before("kind", before)
        if near and near[0] == "other" and self._describes(normalize_phrase(near[1]), before[: near[2]]):
            return "other", f"cue:{squash(near[1]).lower()}"
        later = self._near_after("kind", after)
        if later and later[0] == "other":
            return "other", f"cue-after:{squash(later[1]).lower()}"
        clause = self._clause_cue("kind", before, after)
        if clause and clause[0] == "target":
            cue = squash(clause[1]).lower()
            if cue in self.lex.future_tense:  # "It is expected that ... will reach": the forecast cue decides, not the tense
                cues = self.lex.clause_before["kind"]
                # its own statement: after the clause's previous figure, and not across a full stop the sentence split missed ("megacity.Data show ...")
                own = before[own_start:]
                stops = list(_GLUED_STOP.finditer(own))
                own = own[stops[-1].end() :] if stops else own
                forecast = [m.group(1) for m in cues.regex.finditer(own) if cues.value_of(m.group(1)) == "target" and normalize_phrase(m.group(1)) not in self.lex.future_tense]
                cue = squash(forecast[-1]).lower() if forecast else cue
            return "target", f"clause:{cue}"
        return "actual", "default"

    def _describes(self, cue: str, lead: str) -> bool:
        """Whether an `other` cue describes a thing here: a threshold verb only after "with",
        "whose" ...; a project's size only when no count of things comes before it."""
        if cue in self.lex.threshold_verb:
            return bool(self.lex.descriptive_lead.search(lead[-80:]))
        if cue in self.lex.counted_total:
            return not re.search(r"(?<![\w.,])\d[\d,]*\s+(?:[a-z-]+\s+){0,2}?[a-z-]+s(?![\w-])", lead)
        return True

    # -- subject ----------------------------------------------------------------------------

    # -- period -----------------------------------------------------------------------------

    def _period(self, text: str, value: Mention, clause: Clause, dates: Spans, kind: str, state: DocumentState) -> tuple[Mention | None, str]:
        in_sentence = dates.within(clause.sentence_start, clause.sentence_end)
        if any(d.qualifier == "since" and d.start < value.start for d in in_sentence) or self.lex.duration_opening.match(text, clause.sentence_start, value.start):
            return None, "duration-since"  # "Since 2016, the city has commissioned ...": a running total
        own = next((d for d in in_sentence if d.start >= value.end and d.date_start is not None and self.lex.own_period_link.match(text, value.end, d.start)), None)
        if own is not None:
            return own, "own-date"  # "compared with 13.5% for the same period of 2022": the compared figure's own period
        usable = [d for d in in_sentence if self._is_period(text, d, clause, value)]
        in_clause = [d for d in usable if clause.start <= d.start and d.end <= clause.end]
        if not in_clause and self.lex.then_reference.search(text, clause.sentence_start, clause.end):
            # "By then, emerging industries will account for 45 percent": the "by" date named before
            named = next((d for d in reversed(dates.within(max(0, clause.sentence_start - 3 * REACH), clause.sentence_start)) if d.qualifier == "by" and d.date_start is not None), None)
            if named is not None:
                return named, "then-date"
        if in_clause:
            nearest = min(in_clause, key=lambda d: (value.start - d.end if d.end <= value.start else d.start - value.end, d.start > value.start))
            joined = self._joined_dates(text, nearest, usable)
            return (joined, "clause-dates") if joined is not None else (nearest, "clause-date")
        if kind == "other":
            return None, "none-other"
        if self.lex.duration.search(text, clause.start, clause.end):
            return None, "duration"
        # a span of years before the value, or after it before the next comma ("rose 20% for four consecutive years")
        own_end = text.find(",", value.end, clause.end)
        if self.lex.years_span.search(text, clause.start, value.start) or self.lex.years_span.search(text, value.end, own_end if own_end >= 0 else clause.end):
            return None, "duration"
        earlier = [d for d in usable if d.end <= clause.start]
        if earlier:
            return earlier[-1], "sentence-date"
        if state.period is not None:
            return state.period, "report-period"
        return None, "none"

    def _joined_dates(self, text: str, chosen: Mention, usable: Sequence[Mention]) -> Mention | None:
        """ "In January and February, ...": two DATEs of one granularity joined by "and" (two
        mentions, ANNOTATION.md) are one period for a figure, from the first's start to the last's end."""
        ordered = sorted(usable, key=lambda d: d.start)
        at = ordered.index(chosen)
        for first, last in ((ordered[at - 1], chosen) if at else (None, None), (chosen, ordered[at + 1]) if at + 1 < len(ordered) else (None, None)):
            if first is None or last is None or first.granularity != last.granularity or first.date_start is None or last.date_start is None or last.date_end is None:
                continue
            if self.lex.date_joint.fullmatch(text, first.end, last.start) and first.date_start < last.date_start:
                return replace(first, end=last.end, text=text[first.start : last.end], date_end=last.date_end, granularity="range")
        return None

    def _is_period(self, text: str, date_mention: Mention, clause: Clause, value: Mention) -> bool:
        if "same period" in date_mention.text.lower() or date_mention.date_start is None:
            return False
        # the comparison read before the DATE starts after the value: "more than 8% in 2022" compares nothing
        since = max(clause.sentence_start, date_mention.start - 64, value.end if value.end <= date_mention.start else 0)
        return not self.lex.comparison_base.search(text, since, date_mention.start)

    def _aside(self, text: str, date_mention: Mention) -> bool:
        """ "In September alone, ...": a part of the report period, for its own sentence only."""
        return bool(self.lex.aside_after.match(text, date_mention.end, min(len(text), date_mention.end + 12)))

    def _note_report_period(self, text: str, date_mention: Mention, state: DocumentState) -> None:
        """A heading's date ("Foshan in 2014") or a sentence's opening date ("In 2023, ...")
        states the period that the figures after it report."""
        if date_mention.granularity == "day" or date_mention.date_start is None or "same period" in date_mention.text.lower() or self._aside(text, date_mention):
            return
        line = text[date_mention.sentence_start : date_mention.sentence_end]
        heading = len(line) <= 12 * HEADING_WORDS and len(line.split()) <= HEADING_WORDS and not line.rstrip().endswith(".")
        opening = date_mention.start - date_mention.sentence_start <= 40 and self.lex.period_lead.match(text[date_mention.sentence_start : date_mention.start])
        # read at most REACH characters either side, as a value's clause is: one endless line costs each DATE the same
        around = state.figures.within(max(date_mention.sentence_start, date_mention.start - REACH), min(date_mention.sentence_end, date_mention.end + REACH))
        figures = [m for m in around if m.label is not Label.DATE]
        # a sentence without figures naming part of a year ("at the end of the 11 months of last year, revenue showed ...") frames the figures after it
        within_a_year = date_mention.date_end is not None and (date_mention.date_end - date_mention.date_start).days < 366
        part_of_year = date_mention.granularity in ("range", "half", "quarter")  # identifiers
        framing = not figures and within_a_year and part_of_year and not date_mention.qualifier
        if opening or heading or framing:
            state.period = date_mention


_FIELD_LABEL = re.compile(r"[ \t]*(?:[-•*·][ \t]*)?[A-Za-z][^:\n]{0,60}:[ \t]*")  # "Total investment: " opening a line
_FIELD_LINE = re.compile(r"[ \t]*(?:[-•*·][ \t]*)?[A-Za-z][^:\n]{0,60}:[ \t]")
_ITEM_NUMBER = re.compile(r"^\s*(?:(?:No\.\s*)?\d{1,3}[.)、]|[-•*·])\s*")
ITEM_LINES = 12  # lines read back from a field to its item's heading
ITEM_HEADING_WORDS = 14


def _list_item(text: str, value: Mention, item_nouns: frozenset[str]) -> tuple[Owner, int] | None:
    """A value that is a field of a listed item ("1. Nansha Logistics Hub" / "Location: ..." /
    "Total investment: 3.2 billion yuan"): (the item, named by its heading, where the field's line starts)."""
    line_start = text.rfind("\n", max(0, value.start - 81), value.start) + 1  # bounded: an endless line costs each value the same
    if line_start == 0 and value.start > 80 or not _FIELD_LABEL.fullmatch(text, line_start, value.start):
        return None
    end = line_start - 1
    for _ in range(ITEM_LINES):
        if end <= 0:
            return None
        start = text.rfind("\n", max(0, end - REACH), end) + 1
        if start == 0 and end > REACH:
            return None  # a line longer than REACH is prose, no heading
        line = text[start:end]
        if not line.strip():
            return None  # a blank line: the field opens no item
        if not _FIELD_LINE.match(line):
            number = _ITEM_NUMBER.match(line)
            name = line[number.end() :] if number else line
            name = name.strip().rstrip(":")
            if not name or name.endswith(".") or len(name.split()) > ITEM_HEADING_WORDS or any(c.isdigit() for c in name) or not name[:1].isupper():
                return None
            if number is None and name.split()[-1].lower() not in item_nouns:
                return None  # "Key figures" over "GDP: 1.2 trillion yuan" is no item; a numbered heading or a project's noun is
            at = start + line.index(name)
            return Owner(name, at, at + len(name), "item"), line_start
        end = start - 1
    return None


def _converted(fact: Fact, value: Mention) -> Fact:
    """A bracketed conversion carries the fact of the amount it converts."""
    rule = re.sub(r"kind=[^;]*", "kind=conversion", fact.rule, count=1)
    return replace(fact, fact_id=f"f{value.mention_id}", value_start=value.start, value_end=value.end, value_label=value.label.value, rule=rule, mention_id=value.mention_id, value_text=value.text)
