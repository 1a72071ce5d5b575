"""Facts from a document's mentions (FACTS.md): for every MONEY and PERCENT mention that is no
scale tier, what it measures (indicator), for whom (subject), when (period), whether it
happened or is planned (kind), and as what (measure).

Each field is read from the value's clause first, then its sentence, then what the document
said before (a subject or report period carries on until another is named). The `rule`
column records which step decided each field.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from ..core.fact import Fact
from ..core.mention import Label, Mention
from ..rules.clusters.lexicon import cluster_key
from .cues import FactLexicons, normalize_phrase

_WORD = re.compile(r"[\w&’'.-]+")
_POSSESSIVE = re.compile(r"(?:(?<![\w-])([Tt]he\s+)?([\w'’&.-]+(?:\s+[\w'’&.-]+){0,5}?)['’]s|(?<![\w-])([Ii]ts|[Tt]heir))\s*$")
_CAPITALIZED_RUN = re.compile(r"(?:[A-Z][\w&.-]*(?:['’][a-rt-z]\w*)?|of|and|&)(?:\s+(?:[A-Z][\w&.-]*(?:['’][a-rt-z]\w*)?|of|and|&))*$")
_HEADING_WORDS = 14  # a title or heading line: at most this many words, no closing full stop
_REACH = 1500
_BRACKETED_CAPITALS = re.compile(r"\(\s*[A-Z][A-Z&]{1,9}\s*\)")


class _Spans:
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
class _Subject:
    name: str = ""
    start: int | None = None
    end: int | None = None
    kind: str = ""  # place, org, industry


@dataclass
class _State:
    """What the document has said so far: the subjects named and the report period stated."""

    subject: _Subject = field(default_factory=_Subject)
    place: _Subject = field(default_factory=_Subject)
    org: _Subject = field(default_factory=_Subject)
    period: Mention | None = None
    figures: _Spans = field(default_factory=lambda: _Spans(()))  # MONEY, PERCENT and DATE spans: no name is inside one ("US$")
    main: _Subject | None = None  # the document's most-named owner, once asked for
    paired: dict[int, _Subject] = field(default_factory=dict)  # value start -> its owner in a "respectively" list
    acronyms: dict[str, str] = field(default_factory=dict)  # "SND" and "Suzhou New District" -> "Suzhou New District (SND)"


@dataclass(frozen=True)
class _Clause:
    start: int
    end: int
    sentence_start: int
    sentence_end: int


class FactFinder:
    def __init__(self, lexicons: FactLexicons) -> None:
        self.lex = lexicons

    def find(self, text: str, mentions: Sequence[Mention], doc_date: date | None) -> list[Fact]:
        values = [m for m in mentions if m.label in (Label.MONEY, Label.PERCENT) and m.qualifier != "level"]
        date_list = [m for m in mentions if m.label is Label.DATE]
        dates = _Spans(date_list)
        names = _Spans([m for m in mentions if m.label in (Label.ORG, Label.CLUSTER) and m.text not in self.lex.media_names and (m.canonical or m.text) not in self.lex.media_names])
        state = _State(figures=_Spans([m for m in mentions if m.label in (Label.MONEY, Label.PERCENT, Label.DATE)]))
        state.paired = self._respective_owners(text, values, names)
        state.acronyms = _acronyms(text, self.lex.acronym)
        facts: list[Fact] = []
        date_index = 0
        previous: Mention | None = None
        for mention in values:
            # report periods stated before this value (headings, "In 2023, ...")
            while date_index < len(date_list) and date_list[date_index].start < mention.start:
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
        return len(line) <= 12 * _HEADING_WORDS and len(line.split()) <= _HEADING_WORDS and not line.rstrip().endswith(".")

    # -- one value --------------------------------------------------------------------------

    def _fact(self, text: str, value: Mention, dates: _Spans, names: _Spans, doc_date: date | None, state: _State) -> Fact:
        clause = self._clause(text, value)
        before = text[clause.start : value.start]
        after = text[value.end : clause.end]
        rules: list[str] = []

        measure, measure_rule, near_cue_start = self._measure(value, before, after)
        indicator = self._indicator(text, value, clause, measure, near_cue_start, names)
        kind, kind_rule = self._kind(value, before, after)
        period, period_rule = self._period(text, value, clause, dates, kind, state)
        if kind == "target" and kind_rule.split(":")[-1] in self.lex.future_tense and period is not None and period.date_end is not None and doc_date is not None and period.date_end < doc_date:
            kind, kind_rule = "actual", kind_rule + "+period-ended"
        if kind == "actual" and period is not None and doc_date is not None and period.date_start is not None and period.date_start > doc_date and period.qualifier == "by":
            kind, kind_rule = "target", "period-ahead"
        subject, subject_rule = self._subject(text, value, clause, indicator, names, state)
        compared = self.lex.comparison_base.search(text, max(clause.start, value.start - 40), value.start)
        if kind == "actual" and period is not None and period_rule in ("clause-date", "sentence-date") and period.granularity != "day" and not compared:
            state.period = period  # the report period for the figures that follow; a figure compared against ("than the 8.1% of Q1 last year") sets none

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
            indicator=_squash(text[indicator_start:indicator_end]) if indicator else "",
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

    def _clause(self, text: str, value: Mention) -> _Clause:
        """The value's clause: its sentence cut at semicolons, colons and ", while"-like breaks."""
        # a sentence is read at most _REACH characters either side of its value: a text of one endless line costs each value the same
        start, end = max(value.sentence_start, value.start - _REACH), min(value.sentence_end, value.end + _REACH)
        clause_start, clause_end = start, end
        for brk in self.lex.clause_break.finditer(text, start, end):
            if brk.end() <= value.start:
                clause_start = brk.end()
            elif brk.start() >= value.end:
                clause_end = brk.start()
                break
        return _Clause(clause_start, clause_end, start, end)

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
            return "rate", f"cue-after:{_squash(later[1]).lower()}", None
        if near and not level and (value.label is Label.PERCENT or near[0] == "change"):
            return near[0], f"cue:{_squash(near[1]).lower()}", near[2]
        if value.label is Label.MONEY:
            if not level:
                later = self._near_after("measure", after)
                if later and later[0] == "change" and later[1].lower() in self.lex.money_change_after:
                    return "change", f"cue:{later[1].lower()}", None
            return "amount", f"cue:{_squash(near[1]).lower()}" if near else "money", None
        later = self._near_after("measure", after)
        if later and later[0] != "amount":
            return later[0], f"cue-after:{_squash(later[1]).lower()}", None
        if re.match(r"^\s+of\s+(?!the\s+same\b)[a-z]", after, re.IGNORECASE) and not re.match(r"^\s+of\s+(?:growth|increase)", after, re.IGNORECASE):
            return "share", "percent-of", None
        clause = self._clause_cue("measure", before)
        if clause and clause[0] != "amount":
            return clause[0], f"clause:{_squash(clause[1]).lower()}", None
        return "change", "percent-default", None

    # -- kind -------------------------------------------------------------------------------

    def _kind(self, value: Mention, before: str, after: str) -> tuple[str, str]:
        if value.each:
            return "other", "each"
        near = self._near_before("kind", before)
        if near and near[0] == "other" and self._describes(normalize_phrase(near[1]), before[: near[2]]):
            return "other", f"cue:{_squash(near[1]).lower()}"
        later = self._near_after("kind", after)
        if later and later[0] == "other":
            return "other", f"cue-after:{_squash(later[1]).lower()}"
        clause = self._clause_cue("kind", before, after)
        if clause and clause[0] == "target":
            return "target", f"clause:{_squash(clause[1]).lower()}"
        return "actual", "default"

    def _describes(self, cue: str, lead: str) -> bool:
        """Whether an `other` cue describes a thing here: a threshold verb only after "with",
        "whose" ...; a project's size only when no count of things comes before it."""
        if cue in self.lex.threshold_verb:
            return bool(self.lex.descriptive_lead.search(lead[-80:]))
        if cue in self.lex.counted_total:
            return not re.search(r"(?<![\w.,])\d[\d,]*\s+(?:[a-z-]+\s+){0,2}?[a-z-]+s(?![\w-])", lead)
        return True

    # -- indicator --------------------------------------------------------------------------

    def _indicator(self, text: str, value: Mention, clause: _Clause, measure: str, near_cue_start: int | None, names: _Spans) -> tuple[int, int, str] | None:
        """(start, end, rule) of the indicator phrase."""
        if measure == "share" and near_cue_start is not None:  # "the digital economy will account for 36%": the part, before the cue
            part = self._phrase_before(text, clause.start, clause.start + near_cue_start)
            if part and (
                self._terms(text, part[0], part[1], clause)
                or self._plain_noun_phrase(text[part[0] : part[1]])
                or any(m.label is Label.CLUSTER and m.end > part[0] for m in names.within(part[0] - 200, part[1] + 200) if m.start < part[1])
            ):
                return part[0], part[1], "share-part"
        if measure == "share":  # "20% of the industrial output": the whole
            after = self._terms(text, value.end, min(clause.end, value.end + 60), clause)
            if after and re.match(r"^\s+of\b", text[value.end : after[0].start()], re.IGNORECASE):
                return (*self._extend(text, after[0].start(), after[0].end(), clause), "share-whole")
        named_after = self.lex.indicator_lead.search(text, value.end, clause.end)  # "growth rates of 23% and 35%, respectively in terms of added value"
        if named_after:
            terms = self._terms(text, named_after.end(), min(clause.end, named_after.end() + 40), clause)
            if terms and not text[named_after.end() : terms[0].start()].strip(" -").count(" ") > 1:
                return (*self._extend(text, terms[0].start(), terms[0].end(), clause), "after-in-terms-of")
        if value.label is Label.MONEY:  # "RMB 5.6 billion in domestic investment": the amount's own noun
            own = self.lex.owner_lead.match(text[value.end : min(clause.end, value.end + 12)])
            at = value.end + own.end() if own else value.end
            named = self._terms(text, at, min(clause.end, at + 40), clause) if own else []
            if named and text[at : named[0].start()].strip(" -").count(" ") <= 2:
                return (*self._extend(text, named[0].start(), named[0].end(), clause), "after-in")
        found = self._terms(text, clause.start, value.start, clause)
        if found and measure == "change" and self.lex.change_word.fullmatch(found[-1].group()):
            # "output value ..., with an annual growth rate of 30%": the quantity that grew, not "growth rate"
            quantity = [m for m in found[:-1] if not self.lex.change_word.fullmatch(m.group())] or [
                m for m in self._terms(text, clause.sentence_start, clause.start, clause) if not self.lex.change_word.fullmatch(m.group())
            ]
            if quantity:
                return (*self._extend(text, quantity[-1].start(), quantity[-1].end(), clause), "before-growth")
        if found:
            return (*self._extend(text, found[-1].start(), found[-1].end(), clause), "before")
        after = self._terms(text, value.end, clause.end, clause)
        if after:
            return (*self._extend(text, after[0].start(), after[0].end(), clause), "after")
        found = self._terms(text, clause.sentence_start, clause.start, clause)
        if found:
            return (*self._extend(text, found[-1].start(), found[-1].end(), clause), "earlier-clause")
        return None

    def _plain_noun_phrase(self, phrase: str) -> bool:
        """A few lower-case words, none a stop word or a unit ("the digital economy"), as a share's part."""
        words = phrase.split()
        return 0 < len(words) <= 6 and all(re.fullmatch(r"[a-z][a-z-]*", w) and w not in self.lex.indicator_stop and w not in self.lex.unit_words for w in words)

    def _terms(self, text: str, start: int, end: int, clause: _Clause) -> list[re.Match[str]]:
        """Indicator terms in text[start:end] that are no word of a capitalized name and no
        term the lexicon rules out ("exchange rate")."""
        return [m for m in self.lex.indicator.finditer(text, start, end) if self._usable(text, m.start(), clause) and not self._ruled_out(text, m)]

    def _ruled_out(self, text: str, term: re.Match[str]) -> bool:
        ending = f" {normalize_phrase(text[max(0, term.start() - 30) : term.end()])}"
        return any(ending.endswith(f" {phrase}") for phrase in self.lex.not_indicator)

    def _usable(self, text: str, start: int, clause: _Clause) -> bool:
        """Not a word of a capitalized name ("Free Trade Port"): lower case, an acronym, or the
        first word of its sentence or line ("• Total Revenues were ...")."""
        word = _WORD.match(text, start)
        token = word.group() if word else ""
        if not token[:1].isupper() or token.isupper():
            return True
        return text[clause.sentence_start : start].strip() in ("", "•", "-", "*", "·") or text[start - 2 : start] in (": ", '" ', "\n")

    def _extend(self, text: str, start: int, end: int, clause: _Clause) -> tuple[int, int]:
        """Modifiers on the left ("total industrial «output value»"), up to a stop word or a
        name's possessive; "growth" on the right ("GDP growth")."""
        words = list(_WORD.finditer(text, clause.sentence_start, start))
        for word in reversed(words[-4:]):
            if text[word.end() : start].strip() or not self._modifier(word.group(), opens_sentence=not text[clause.sentence_start : word.start()].strip()):
                break
            start = word.start()
        tail = self.lex.indicator_tail.match(text[end : min(clause.sentence_end, end + 40)])
        if tail:
            end += tail.end()
        # "gross domestic product (GDP)": the term written out and its acronym are one indicator
        if text[start - 1 : start] == "(" and text[end : end + 1] == ")":
            spelled = [m for m in self._terms(text, max(clause.sentence_start, start - 60), start - 1, clause) if not text[m.end() : start - 1].strip()]
            if spelled:
                return self._extend(text, spelled[-1].start(), spelled[-1].end(), clause)[0], end + 1
        return start, end

    def _modifier(self, token: str, opens_sentence: bool) -> bool:
        """A word an indicator takes in on its left: lower case ("total", "industrial"), R&D or
        an acronym, or a capitalized first word of the sentence ("Industrial output ...")."""
        if token.lower() in self.lex.indicator_stop or token.endswith(("'s", "’s")):
            return False
        return bool(re.fullmatch(r"[a-z][\w&-]*|R&D|[A-Z]{2,5}", token) or (opens_sentence and re.fullmatch(r"[A-Z][a-z][\w-]*", token)))

    def _phrase_before(self, text: str, clause_start: int, cue_start: int) -> tuple[int, int] | None:
        """The noun phrase right before a cue ("the digital economy «will» account for"),
        without auxiliaries and its article."""
        span = text[clause_start:cue_start]
        span = self.lex.auxiliary_tail.sub("", span)
        words = list(_WORD.finditer(span))
        kept: list[re.Match[str]] = []
        for word in reversed(words):
            token = word.group()
            if kept and span[word.end() : kept[-1].start()].strip():
                break  # punctuation between two words ("1.96 trillion yuan, digital economy") ends the phrase
            if token.lower() in self.lex.part_stop or any(c.isdigit() for c in token) or token.endswith(("'s", "’s")) or not re.fullmatch(r"[\w&-]+", token):
                if token.lower() == "of" and kept:  # "the added value «of» the core industries"
                    kept.append(word)
                    continue
                if token.lower() in ("the",) and kept and len(kept) > 1 and kept[-1].group().lower() == "of":
                    kept.append(word)
                    continue
                break
            kept.append(word)
            if len(kept) >= 12:
                break
        while kept and kept[-1].group().lower() in ("of", "the"):
            kept.pop()
        # "the digital economy of Wuxi": the owner's name is the subject, not part of the indicator
        for k, word in enumerate(kept):
            if word.group().lower() in ("of", "in") and k > 0 and kept[k - 1].group()[:1].isupper():
                kept = kept[k + 1 :]
                break
        if not kept:
            return None
        return clause_start + kept[-1].start(), clause_start + kept[0].end()

    # -- subject ----------------------------------------------------------------------------

    def _subject(self, text: str, value: Mention, clause: _Clause, indicator: tuple[int, int, str] | None, names: _Spans, state: _State) -> tuple[_Subject, str]:
        if value.start in state.paired:
            return state.paired[value.start], "respectively"
        anchor = indicator[0] if indicator else value.start
        if indicator:
            # "Foshan's GDP", "the district's output", "its revenue"
            possessive = _POSSESSIVE.search(text, max(clause.sentence_start, anchor - 80), anchor)
            if possessive:
                earlier = self._last_name(text, clause.sentence_start, possessive.start(), names, state)
                if earlier is None and not state.subject.name:  # nothing named yet: the document's own subject
                    earlier = self._main_name(text, names, state)
                if possessive.group(3):
                    plural_owner = self._counted_group(text, clause.sentence_start, possessive.start()) if possessive.group(3).lower() == "their" else None
                    if plural_owner is not None:  # "its seven pillar industries: ... Their total added value": the group's own figure
                        return plural_owner, "possessive-group"
                    return self._refer(state, "", "possessive-reference", earlier)
                owner = possessive.group(2)
                if possessive.group(1) and owner.lower().split()[-1] in self.lex.reference_place | self.lex.reference_org:
                    return self._refer(state, owner.lower().split()[-1], "possessive-reference", earlier)
                named = self._name_ending(text, possessive.start(2), possessive.end(2), names, state)
                if named:
                    return self._keep(state, named, "possessive")
            # "the added value of the primary industry", "GDP of Liangjiang New Area"
            after_end = indicator[1]
            industry = self.lex.industry_after.match(text[after_end : min(clause.sentence_end, after_end + 80)])
            if industry and not self._umbrella(industry.group(1)):
                start = after_end + industry.start(1)
                return self._keep(state, _Subject(_squash(industry.group(1)), start, start + len(industry.group(1)), "industry"), "industry-of")
            lead = self.lex.owner_lead.match(text[after_end : min(clause.sentence_end, after_end + 12)])
            cluster = next((m for m in names.starting_at(after_end + lead.end()) if m.label is Label.CLUSTER), None) if lead else None
            if cluster is not None and not self._umbrella(cluster.text):
                return self._keep(state, _Subject(_squash(cluster.text), cluster.start, cluster.end, "industry"), "industry-of")
            if lead:
                named = self._name_at(text, after_end + lead.end(), clause.sentence_end, names, state)
                if named:
                    return self._keep(state, named, "of-name")
        opening = self._opening_industry(text, clause, value.start, names, state)
        if opening is not None:
            return self._keep(state, opening, "clause-industry")
        # "a total scale of 3 trillion yuan ($442.2 billion) for the four pillar industrial clusters"
        beneficiary = self._industry_for(text, value, clause)
        if beneficiary is not None:
            return self._keep(state, beneficiary, "industry-for")
        # a name earlier in the clause, then in the sentence ("In Shunde, ...", "NIO reported ...")
        for start, rule in ((clause.start, "clause-name"), (clause.sentence_start, "sentence-name")):
            named = self._first_name(text, start, value.start, names, state, exclude=indicator)
            if named:
                return self._keep(state, named, rule)
        if state.subject.name:
            return state.subject, "carried"
        named = self._main_name(text, names, state)
        if named:
            return self._keep(state, named, "document")
        return _Subject(), "none"

    def _main_name(self, text: str, names: _Spans, state: _State) -> _Subject | None:
        """The document's own subject: the place or organization it names most often (the
        first of those on a tie), the country only when it names nothing else."""
        if state.main is None:
            state.main = self._most_named(text, names, state) or _Subject()
        return state.main if state.main.name else None

    def _most_named(self, text: str, names: _Spans, state: _State) -> _Subject | None:
        counts: dict[str, int] = {}
        first: dict[str, _Subject] = {}
        for subject in self._names(text, 0, len(text), names, state):
            if subject.kind == "industry" or subject.name in self.lex.national:
                continue
            key = normalize_phrase(subject.name)
            counts[key] = counts.get(key, 0) + 1
            first.setdefault(key, subject)
        if not counts:
            return self._first_name(text, 0, len(text), names, state, exclude=None)
        best = max(counts, key=lambda key: (counts[key], -(first[key].start or 0)))
        return first[best]

    # -- "A, B and C grew 3%, 4% and 5% respectively" -----------------------------------------

    def _respective_owners(self, text: str, values: Sequence[Mention], names: _Spans) -> dict[int, _Subject]:
        """Runs of two or more values in one sentence ("3.8 percent, 10.5 percent and 10.3
        percent") paired in order with as many coordinated owners before them: industries
        named by the rules (CLUSTER mentions) or sectors ("the primary, secondary and tertiary
        industries"). Bracketed conversions belong to the value they follow."""
        paired: dict[int, _Subject] = {}
        for run in self._value_runs(text, values):
            first = run[0][0]
            reach = max(first.sentence_start, first.start - _REACH)
            owners = self._sector_list(text, reach, first.start) or self._cluster_list(text, reach, first.start, names)
            sentence = text[reach : min(first.sentence_end, run[-1][-1].end + _REACH)].lower()
            if len(owners) != len(run) or ("respectively" not in sentence and len(run) < 3):
                continue
            for owner, group in zip(owners, run):
                for value in group:
                    paired[value.start] = owner
        return paired

    def _value_runs(self, text: str, values: Sequence[Mention]) -> list[list[list[Mention]]]:
        """Each sentence's runs of coordinated values of one label; each item a value and its conversions."""
        runs: list[list[list[Mention]]] = []
        current: list[list[Mention]] = []
        for value in values:
            if current:
                last = current[-1][-1]
                gap = text[last.end : value.start]
                same_sentence = value.sentence_start == last.sentence_start
                if same_sentence and last.label is Label.MONEY and value.label is Label.MONEY and self.lex.conversion_gap.match(gap):
                    current[-1].append(value)
                    continue
                if same_sentence and value.label is current[-1][0].label and self.lex.run_gap.match(gap):
                    current.append([value])
                    continue
                if len(current) > 1:
                    runs.append(current)
            current = [[value]]
        if len(current) > 1:
            runs.append(current)
        return runs

    def _sector_list(self, text: str, start: int, end: int) -> list[_Subject]:
        found = list(self.lex.sector_list.finditer(text, start, end))
        if not found:
            return []
        match = found[-1]
        noun = match.group("noun").lower()
        singular = noun[:-3] + "y" if noun.endswith("ies") else noun.rstrip("s")
        words = [w for w in re.split(r",\s*(?:and\s+)?|\s+and\s+", match.group("items")) if w]
        at = match.start("items")
        owners = []
        for word in words:
            place = text.find(word, at)
            owners.append(_Subject(f"{word.lower()} {singular}", place, place + len(word), "industry"))
            at = place + len(word)
        return owners

    def _cluster_list(self, text: str, start: int, end: int, names: _Spans) -> list[_Subject]:
        """The last coordinated run of CLUSTER mentions in text[start:end]."""
        clusters = [m for m in names.within(start, end) if m.label is Label.CLUSTER]
        run: list[Mention] = []
        for cluster in clusters:
            if run and not self.lex.list_gap.match(text[run[-1].end : cluster.start]):
                run = []
            run.append(cluster)
        return [_Subject(_squash(m.text), m.start, m.end, "industry") for m in run] if len(run) > 1 else []

    def _industry_for(self, text: str, value: Mention, clause: _Clause) -> _Subject | None:
        """An industry the figure is "for", right after the value and its bracketed conversion."""
        at = value.end
        bracket = self.lex.bracket_after.match(text, at, clause.end)
        if bracket:
            at = bracket.end()
        found = self.lex.industry_for.match(text, at, min(clause.end, at + 100))
        if found is None or self._umbrella(found.group(1)):
            return None
        return _Subject(_squash(found.group(1)), found.start(1), found.end(1), "industry")

    def _counted_group(self, text: str, sentence_start: int, end: int) -> _Subject | None:
        """The last counted group of industries shortly before "their" ("seven pillar
        industries", "the four industrial clusters"): plural owners that "their" points back to."""
        found = list(self.lex.counted_group.finditer(text, max(0, sentence_start - 600), end))
        if not found:
            return None
        last = found[-1]
        return _Subject(_squash(last.group(1)), last.start(1), last.end(1), "industry")

    def _umbrella(self, phrase: str) -> bool:
        """An aggregate of the place's economy ("high-tech industries"): no owner of its own."""
        key = f"{normalize_phrase(phrase)} "
        return any(key.startswith(f"{word} ") for word in self.lex.umbrella)

    def _refer(self, state: _State, noun: str, rule: str, earlier: _Subject | None) -> tuple[_Subject, str]:
        """What "its" or "the city's" points back to: a name earlier in the sentence ("Hefei
        aims to raise its GDP"), else the last place or organization the document named."""
        if earlier is not None:
            return self._keep(state, earlier, rule + "-sentence")
        if noun in self.lex.reference_place and state.place.name:
            return state.place, rule
        if noun in self.lex.reference_org and state.org.name:
            return state.org, rule
        if state.subject.name:
            return state.subject, rule
        return _Subject(), rule + "-unresolved"

    def _keep(self, state: _State, subject: _Subject, rule: str) -> tuple[_Subject, str]:
        """The subject of this fact; a place or organization also carries on to the next
        facts (an industry owns only the figures its clause gives it)."""
        if subject.kind == "industry":
            return subject, rule
        state.subject = subject
        if subject.kind == "place":
            state.place = subject
        elif subject.kind == "org":
            state.org = subject
        return subject, rule

    def _names(self, text: str, start: int, end: int, names: _Spans, state: _State) -> list[_Subject]:
        """ORG mentions, CLUSTER mentions and places in text[start:end], in text order."""
        found = [_Subject(m.canonical or m.text, m.start, m.end, "org" if m.label is Label.ORG else "industry") for m in names.within(start, end)]
        taken = [(s.start or 0, s.end or 0) for s in found]
        for match in self.lex.place.finditer(text, start, end):
            first = match.group().split()[0]
            if first.lower() in self.lex.indicator_stop and len(match.group().split()) == 2:
                continue  # "The district": a reference, not a name
            if not any(s < match.end() and match.start() < e for s, e in taken) and not state.figures.overlaps(match.start(), match.end()):
                found.append(_Subject(_squash(match.group()), match.start(), match.end(), "place"))
        return sorted(found, key=lambda s: s.start or 0)

    def _first_name(self, text: str, start: int, end: int, names: _Spans, state: _State, exclude: tuple[int, int, str] | None) -> _Subject | None:
        """The first place or organization named in text[start:end]; the country only when
        nothing more specific is named ("China's first city whose GDP ...": the city)."""
        national: _Subject | None = None
        for subject in self._names(text, start, end, names, state):
            if subject.kind == "industry":
                continue  # an industry owns a figure only when the text says so ("of the ... industry")
            if exclude and (subject.start or 0) < exclude[1] and exclude[0] < (subject.end or 0):
                continue
            lead = text[start : subject.start or 0]
            preposition = self.lex.place_preposition.search(lead)
            if preposition and lead[: preposition.start()].strip():
                continue  # "deliveries in Europe": where, not whose (an opening "In Shunde, ..." still names the owner)
            if subject.name in self.lex.national:
                national = national or subject
                continue
            return subject
        return national

    def _last_name(self, text: str, start: int, end: int, names: _Spans, state: _State) -> _Subject | None:
        """The place or organization named last in text[start:end] ("Hong Kong, which said its GDP ...")."""
        found = [s for s in self._names(text, start, end, names, state) if s.kind != "industry" and s.name not in self.lex.national]
        return found[-1] if found else None

    def _opening_industry(self, text: str, clause: _Clause, value_start: int, names: _Spans, state: _State) -> _Subject | None:
        """An industry that opens the clause as its subject ("Among them, the mining industry
        soared 17%", "In 2018, the tropical agriculture saw an added value of ...")."""
        lead = self.lex.clause_opening.match(text, clause.start, value_start)
        if not lead:
            return None
        # the clause's opening, and each "and the ..." after a figure (a coordinated clause of its own), nearest the value first
        openings = [lead.end()] + [m.end() for m in self.lex.coordinated_opening.finditer(text, lead.end(), value_start) if state.figures.overlaps(lead.end(), m.start())]
        for at in reversed(openings):
            cluster = next((m for m in names.starting_at(at) if m.label is Label.CLUSTER), None)
            if cluster is not None and not self._umbrella(cluster.text):
                return _Subject(_squash(cluster.text), cluster.start, cluster.end, "industry")
            known = self._known_industry_at(text, at, value_start)
            if known is not None:
                return known
            headed = self.lex.industry_head.match(text, at, value_start)
            if headed and not self._umbrella(headed.group(1)) and not any(w.lower() in self.lex.indicator_stop or self.lex.indicator.fullmatch(w) for w in headed.group(1).split()[:-1]):
                return _Subject(_squash(headed.group(1)), headed.start(1), headed.end(1), "industry")
        return None

    def _known_industry_at(self, text: str, at: int, end: int) -> _Subject | None:
        """A known industry (clusters.tsv) standing at `at` as a clause's subject, its verb next:
        "the tropical agriculture «saw» an added value of ..."."""
        words = list(_WORD.finditer(text, at, min(end, at + 80)))[:5]
        for size in range(min(4, len(words) - 1), 0, -1):
            phrase = text[words[0].start() : words[size - 1].end()]
            following = words[size].group().lower()
            if (
                cluster_key(phrase) in self.lex.industry_terms
                and not self._umbrella(phrase)
                and following not in self.lex.phrase_continues
                and not self.lex.indicator.fullmatch(following)
                and following.isalpha()
                and following.islower()
            ):
                return _Subject(_squash(phrase), words[0].start(), words[size - 1].end(), "industry")
        return None

    def _name_ending(self, text: str, start: int, end: int, names: _Spans, state: _State) -> _Subject | None:
        """The name that ends where a possessive's owner ends ("Hainan's key parks": Hainan)."""
        candidates = [s for s in self._names(text, max(0, start - 60), end, names, state) if s.end == end]
        if candidates:
            return min(candidates, key=lambda s: s.start or 0)
        run = _CAPITALIZED_RUN.search(text, start, end)
        if run and run.group()[:1].isupper():
            return _Subject(_squash(run.group()), run.start(), run.end(), "place" if run.group().split()[-1] in self.lex.place_names else "org")
        return None

    def _name_at(self, text: str, start: int, limit: int, names: _Spans, state: _State) -> _Subject | None:
        for subject in self._names(text, start, min(limit, start + 100), names, state):
            if subject.start == start:
                return subject
            break
        return None

    # -- period -----------------------------------------------------------------------------

    def _period(self, text: str, value: Mention, clause: _Clause, dates: _Spans, kind: str, state: _State) -> tuple[Mention | None, str]:
        in_sentence = dates.within(clause.sentence_start, clause.sentence_end)
        if any(d.qualifier == "since" and d.start < value.start for d in in_sentence) or self.lex.duration_opening.match(text, clause.sentence_start, value.start):
            return None, "duration-since"  # "Since 2016, the city has commissioned ...": a running total
        usable = [d for d in in_sentence if self._is_period(text, d, clause)]
        in_clause = [d for d in usable if clause.start <= d.start and d.end <= clause.end]
        if in_clause:
            nearest = min(in_clause, key=lambda d: (value.start - d.end if d.end <= value.start else d.start - value.end, d.start > value.start))
            return nearest, "clause-date"
        if kind == "other":
            return None, "none-other"
        if self.lex.duration.search(text, clause.start, clause.end):
            return None, "duration"
        earlier = [d for d in usable if d.end <= clause.start]
        if earlier:
            return earlier[-1], "sentence-date"
        if state.period is not None:
            return state.period, "report-period"
        return None, "none"

    def _is_period(self, text: str, date_mention: Mention, clause: _Clause) -> bool:
        if "same period" in date_mention.text.lower() or date_mention.date_start is None:
            return False
        return not self.lex.comparison_base.search(text, max(clause.sentence_start, date_mention.start - 40), date_mention.start)

    def _note_report_period(self, text: str, date_mention: Mention, state: _State) -> None:
        """A heading's date ("Foshan in 2014") or a sentence's opening date ("In 2023, ...")
        states the period that the figures after it report."""
        if date_mention.granularity == "day" or date_mention.date_start is None or "same period" in date_mention.text.lower():
            return
        line = text[date_mention.sentence_start : date_mention.sentence_end]
        heading = len(line) <= 12 * _HEADING_WORDS and len(line.split()) <= _HEADING_WORDS and not line.rstrip().endswith(".")
        opening = date_mention.start - date_mention.sentence_start <= 40 and self.lex.period_lead.match(text[date_mention.sentence_start : date_mention.start])
        if opening or heading:
            state.period = date_mention


def _acronyms(text: str, acronym: re.Pattern[str]) -> dict[str, str]:
    """Names the document defines with an acronym ("Suzhou New District (SND)"): both forms
    map to "Full name (ACRONYM)", the one name FACTS.md asks for."""
    found: dict[str, str] = {}
    for bracket in _BRACKETED_CAPITALS.finditer(text):  # the long pattern runs only before a bracket that can hold an acronym
        match = next((m for m in acronym.finditer(text, max(0, bracket.start() - 200), bracket.end()) if m.end() == bracket.end()), None)
        if match is None:
            continue
        full, short = _squash(match.group(1)), match.group(2)
        while full.split() and full.split()[0] in ("The", "the"):
            full = full.split(" ", 1)[1] if " " in full else ""
        initials = "".join(part[0] for word in full.split() for part in word.split("-") if part[:1].isupper())
        if full and _subsequence(short.replace("&", ""), initials):
            found.setdefault(short, f"{full} ({short})")
            found.setdefault(full, f"{full} ({short})")
    return found


def _subsequence(short: str, initials: str) -> bool:
    """Every letter of `short` among `initials`, in order, the first one first."""
    if not short or not initials or short[0] != initials[0]:
        return False
    rest = iter(initials)
    return all(letter in rest for letter in short)


def _converted(fact: Fact, value: Mention) -> Fact:
    """A bracketed conversion carries the fact of the amount it converts."""
    rule = re.sub(r"kind=[^;]*", "kind=conversion", fact.rule, count=1)
    return replace(fact, fact_id=f"f{value.mention_id}", value_start=value.start, value_end=value.end, value_label=value.label.value, rule=rule, mention_id=value.mention_id, value_text=value.text)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
