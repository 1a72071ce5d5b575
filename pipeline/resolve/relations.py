"""Facts that come from a mention's neighbours, after overlaps are settled.

- qualifiers ("about", "over", "by") from the words right before or after a mention;
- scale tiers: qualifier "level", and "each" when the tier classifies several things;
- "same period last year" against the report period stated earlier in the document;
- ORG canonical names: acronyms expanded where the document writes them out, coordinated
  bodies ("Party Work Committee and Administrative Committee of X") completed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..core.candidate import Resolved
from ..core.mention import Label
from ..normalize.intervals import Interval
from ..patterns.loader import PatternSet
from ..rules.orgs import initials_fit


@dataclass(frozen=True)
class Qualifiers:
    amount_left: re.Pattern[str]
    amount_right: re.Pattern[str]
    date_left: re.Pattern[str]
    table: dict[tuple[str, str, str], str]  # (phrase, side, applies) -> qualifier

    @classmethod
    def from_patterns(cls, patterns: PatternSet) -> Qualifiers:
        rows = patterns.lexicon("qualifiers").rows

        def alternation(side: str, applies: str) -> str:
            phrases = sorted((r["phrase"] for r in rows if r["side"] == side and r["applies"] == applies), key=len, reverse=True)
            return "|".join(re.escape(p).replace("\\ ", r"\s+") for p in phrases)

        return cls(
            amount_left=re.compile(rf"(?:^|(?<=[^\w]))({alternation('left', 'amount')})\s*[(\[]?\s*$", re.IGNORECASE),
            amount_right=re.compile(rf"^\s*({alternation('right', 'amount')})\b", re.IGNORECASE),
            date_left=re.compile(rf"(?:^|(?<=[^\w]))({alternation('left', 'date')})\s+(?:the\s+)?$", re.IGNORECASE),
            table={(r["phrase"].lower(), r["side"], r["applies"]): r["qualifier"] for r in rows},
        )

    def amount(self, before: str, after: str) -> str:
        match = self.amount_left.search(before[-40:])
        if match:
            return self.table[(_squash(match.group(1)), "left", "amount")]
        match = self.amount_right.match(after)
        if match:
            return self.table[(_squash(match.group(1)), "right", "amount")]
        return ""

    def date(self, before: str) -> str:
        match = self.date_left.search(before[-40:])
        return self.table[(_squash(match.group(1)), "left", "date")] if match else ""


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower())


@dataclass(frozen=True)
class AmountFacts:
    """Tier level and "each" of MONEY and PERCENT mentions, from the words around them. The
    nouns and function words are word sets amount.* of word_sets.tsv; counts come from
    number_words.tsv."""

    tier_after: re.Pattern[str]  # "... yuan industrial clusters": the amount sizes each of several things
    plural_after: re.Pattern[str]
    plural_before: re.Pattern[str]
    each_after: re.Pattern[str]
    each_before: re.Pattern[str]  # "... industries have each formed capacity worth over 100 billion yuan"
    counted_before: re.Pattern[str]  # "two 2 trillion yuan": a count of several things right before the tier

    @classmethod
    def from_patterns(cls, patterns: PatternSet) -> AmountFacts:
        nouns = patterns.words("amount.tier_noun")
        plurals = "|".join(re.escape(n) for n in nouns if n.endswith("s"))
        frequency = patterns.alternation("amount.frequency_noun")
        counts = [r["word"] for r in patterns.lexicon("number_words").rows if r["kind"] != "article" and 2 <= int(r["value"]) <= 10]
        count_words = "|".join(re.escape(w) for w in [*counts, *patterns.words("amount.count_determiner")])
        return cls(
            tier_after=re.compile(rf"^\s*(?:[a-z-]+\s+){{0,2}}?(?:{'|'.join(map(re.escape, nouns))})\b", re.IGNORECASE),
            plural_after=re.compile(rf"^\s*(?:[a-z-]+\s+){{0,2}}?(?:{plurals})\b", re.IGNORECASE),
            plural_before=re.compile(rf"(?:{plurals})\s+(?:{patterns.alternation('amount.plural_preposition')})\s+(?:an?\s+|the\s+)?$", re.IGNORECASE),
            each_after=re.compile(rf"^\s*\)?\s*(?:(?:{patterns.alternation('amount.each_preposition')})\s+)?(?:each|apiece)\b(?!\s+(?:{frequency})\b)", re.IGNORECASE),
            # "each year" is a frequency, not a distribution
            each_before=re.compile(rf"\b(?:each|apiece)\b(?!\s+(?:{frequency}|of)\b)[^,;:]*$", re.IGNORECASE),
            counted_before=re.compile(rf"\b(?:{count_words}|\d+)\s*$", re.IGNORECASE),
        )

    def attach(self, item: Resolved, before: str, after: str, qualifiers: Qualifiers) -> None:
        """Qualifier, tier level and "each" of one MONEY or PERCENT mention."""
        fields = item.fields
        is_tier = item.label is Label.MONEY and (bool(item.candidate.get("level")) or bool(self.tier_after.match(after)))
        if is_tier:
            fields["qualifier"] = "level"
            fields["each"] = bool(self.plural_after.match(after) or self.plural_before.search(before) or self.each_after.match(after) or self.counted_before.search(before))
        else:
            fields["qualifier"] = qualifiers.amount(before, after)
            fields["each"] = bool(self.each_after.match(after) or self.each_before.search(before[-80:]))


def is_report_period(item: Resolved) -> bool:
    """A DATE that can be the period 'the same period last year' repeats."""
    interval = item.fields.get("interval")
    periods = ("range", "quarter", "half", "month")  # identifiers: granularities
    return isinstance(interval, Interval) and interval.granularity in periods and item.candidate.interp != "same_period"


def same_period(item: Resolved, earlier: Sequence[Resolved], span_text: str) -> None:
    """'the same period last year' is the latest report period stated before it, a year earlier."""
    for other in reversed(earlier):
        interval = other.fields.get("interval")
        if isinstance(interval, Interval) and is_report_period(other):
            explicit = re.search(r"(?:19|20)\d{2}", span_text)
            years = int(explicit.group()) - interval.start.year if explicit else -1
            item.fields["interval"] = interval.shifted_years(years)
            return


def org_canonicals(items: Sequence[Resolved], text: str, long_forms: dict[str, str], skippable: frozenset[str]) -> None:
    """Fill `canonical` for ORG mentions: acronyms expanded, coordinated names completed."""
    orgs = [i for i in items if i.label is Label.ORG]
    defined: dict[str, str] = {}
    by_start = {i.start: i for i in orgs}
    for item in orgs:
        # "Contemporary Amperex Technology Co., Limited (CATL)": the bracket defines the acronym.
        bracket = re.match(r"\s*\(", text[item.end : item.end + 3])
        inner = by_start.get(item.end + bracket.end()) if bracket else None
        if inner is not None and text[inner.end : inner.end + 1] == ")" and initials_fit(text[inner.start : inner.end], text[item.start : item.end], skippable):
            defined[_plain(text[inner.start : inner.end])] = _plain(text[item.start : item.end])
    for acronym, long_form in long_forms.items():
        if acronym not in defined and long_form and long_form in text:
            defined[acronym] = long_form
    names = list(dict.fromkeys(_plain(text[i.start : i.end]) for i in orgs))  # distinct, in order of first use
    known: dict[str, str] = {}  # written -> canonical: each distinct name is worked out once
    for item in orgs:
        written = _plain(text[item.start : item.end])
        if written not in known:
            known[written] = _canonical(written, defined, names, skippable)
        item.fields["canonical"] = known[written]
    for item in orgs:
        partner_start = item.candidate.get("coordinated_with")
        partner = by_start.get(partner_start) if partner_start is not None else None
        if partner is not None and " of " not in item.fields["canonical"]:
            tail = partner.fields["canonical"].split(" of ", 1)
            if len(tail) == 2:
                item.fields["canonical"] = f"{item.fields['canonical']} of {tail[1]}"


def _canonical(written: str, defined: dict[str, str], names: Sequence[str], skippable: frozenset[str]) -> str:
    if written in defined:
        return defined[written]
    if re.fullmatch(r"[A-Z][A-Z&]{1,9}", written):
        return next((n for n in names if n != written and initials_fit(written, n, skippable)), None) or written
    canonical = written
    for acronym, long_form in defined.items():
        canonical = re.sub(rf"\bof {re.escape(acronym)}\b", f"of the {long_form}", canonical)
        canonical = re.sub(rf"\b{re.escape(acronym)}\b", long_form, canonical)
    return canonical


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
