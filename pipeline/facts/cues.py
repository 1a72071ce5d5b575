"""The words facts are read from, compiled once from patterns/: cue phrases for kind and
measure (lexicons/fact_cues.tsv), indicator terms (lexicons/indicators.tsv), place names and
endings (places.tsv, zones.tsv) and the word sets named fact.*."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..patterns.loader import PatternSet
from ..rules.clusters.lexicon import ClusterLexicons


def _phrase(phrase: str) -> str:
    """A phrase as a regex: any run of spaces or hyphens between its words, any apostrophe."""
    words = re.split(r"[\s-]+", phrase.strip())
    return r"[\s-]+".join(re.escape(w).replace("'", "['’]") for w in words)


def _alternation(phrases: list[str] | tuple[str, ...] | frozenset[str]) -> str:
    return "|".join(_phrase(p) for p in sorted(set(phrases), key=len, reverse=True))


def _counted(phrases: tuple[str, ...], count: str) -> str:
    """Phrases whose word "N" stands for a count ("N consecutive years"), as one alternation."""
    return "|".join(_phrase(p).replace(re.escape("N"), f"(?:{count})") if "N" in p.split() else _phrase(p) for p in sorted(set(phrases), key=len, reverse=True))


COUNT_KINDS = ("unit", "teen", "tens")  # identifiers: number_words.tsv kinds that count things ("seven", "twelve", "twenty")


@dataclass(frozen=True)
class CueSet:
    """The cues of one field, side and reach: a regex over them and what each one says."""

    regex: re.Pattern[str]
    values: dict[str, str]  # normalized phrase -> value

    def value_of(self, matched: str) -> str:
        return self.values[normalize_phrase(matched)]


def normalize_phrase(text: str) -> str:
    return re.sub(r"[\s-]+", " ", text.lower().replace("’", "'")).strip()


@dataclass(frozen=True)
class FactLexicons:
    near_before: dict[str, CueSet]  # field -> cues that must end right before the value
    near_after: dict[str, CueSet]  # field -> cues that must start right after it
    clause_before: dict[str, CueSet]  # field -> cues anywhere in the clause before it
    clause_after: dict[str, CueSet]
    transparent_tail: re.Pattern[str]  # a transparent word at the end of a text
    transparent_head: re.Pattern[str]  # transparent words at the start of a text
    indicator: re.Pattern[str]  # indicator terms, whole words
    indicator_stop: frozenset[str]
    reference_place: frozenset[str]
    reference_org: frozenset[str]
    comparison_base: re.Pattern[str]  # at the end of the text before a DATE
    clause_break: re.Pattern[str]
    duration: re.Pattern[str]
    province_level: frozenset[str]
    municipality: frozenset[str]
    country_reference: frozenset[str]
    country_name: str  # the name a figure of the country itself gets ("China")
    pinyin_syllables: frozenset[str]  # name.pinyin_syllable
    national_words: frozenset[str]  # fact.national_adjective, lower case
    national_before: re.Pattern[str]  # "the nationwide contraction of" right before a value: the country's figure
    national_after: re.Pattern[str]  # "5.2 percent nationwide"
    date_joint: re.Pattern[str]  # " and " between two DATEs that make one period ("January «and» February")
    item_noun: frozenset[str]  # last words of an unnumbered heading that names a listed item ("Marine Biomedicine Industrial «Park»")
    complement_determiner: frozenset[str]  # "the added value of «the» strategic industries": words an "of" complement may open with
    forecast_label: frozenset[str]  # a list field's first word that makes its figure a target ("«Expected» annual revenue: ...")
    base_lead: re.Pattern[str]  # "up «from» 29%": the value is the base the figure before it is compared with
    then_reference: re.Pattern[str]  # "«By then», ...": the period is the "by" date named before
    aside_after: re.Pattern[str]  # "In September «alone»": a DATE that states no report period
    years_span: re.Pattern[str]  # "for three consecutive years": a figure over several years has no period
    duration_frame: re.Pattern[str]  # a sentence opening on a span of years ("Over the past five years, ..."): the figures after it have no report period
    duration_opening: re.Pattern[str]  # a sentence opening that makes its figures running totals ("Since the plan began, ...")
    place_names: frozenset[str]
    place: re.Pattern[str]  # a capitalized name that is a place or zone
    conversion_gap: re.Pattern[str]  # the text between an amount and its bracketed conversion
    money_change_after: frozenset[str]
    industry_after: re.Pattern[str]  # "of the primary industry" after an indicator
    umbrella: frozenset[str]
    owner_lead: re.Pattern[str]  # "of (the)" after an indicator
    period_lead: re.Pattern[str]  # what may stand before a sentence's opening DATE
    own_period_link: re.Pattern[str]  # "13.5% «for the» same period of 2022": what joins a figure to a DATE right after it
    auxiliary_tail: re.Pattern[str]
    part_stop: frozenset[str]
    media_names: frozenset[str]  # publishers and newswires: never a figure's owner
    national: frozenset[str]  # the country's names: an owner only when no other is named
    indicator_tail: re.Pattern[str]  # words after an indicator term that belong to it
    not_indicator: frozenset[str]  # terms that name no indicator of the place ("exchange rate")
    change_word: re.Pattern[str]  # an indicator term that only says "growth" ("annual growth rate")
    future_tense: frozenset[str]
    threshold_verb: frozenset[str]
    descriptive_lead: re.Pattern[str]
    class_threshold: re.Pattern[str]  # "enterprises with annual revenue «of over»": a plural noun, "with"/"whose", a comparative before the value
    counted_total: frozenset[str]
    unit_words: frozenset[str]  # scale and currency words ("billion", "yuan"): no part of an indicator
    acronym: re.Pattern[str]  # "Full Name (ACRONYM)"
    clause_opening: re.Pattern[str]  # what may stand before a clause's subject ("In 2018, the ")
    industry_head: re.Pattern[str]  # "mining industry", "manufacturing sector" at a position
    indicator_lead: re.Pattern[str]  # words after a value that name its indicator ("in terms of")
    bracket_after: re.Pattern[str]  # a bracketed conversion right after a value
    industry_for: re.Pattern[str]  # "for the four pillar industrial clusters"
    phrase_continues: frozenset[str]  # words after a known industry that show the noun phrase goes on ("agriculture «products»")
    industry_terms: frozenset[str]  # known industries by their cluster keys (clusters.tsv): "tropical agriculture"
    counted_group: re.Pattern[str]  # "seven pillar industries": a count, up to three words, an industry noun
    member_lead: re.Pattern[str]  # "among (the)" before a counted group: a member's figure follows, not the group's
    coordinated_opening: re.Pattern[str]  # "... and the" before a coordinated clause's subject
    run_gap: re.Pattern[str]  # between two coordinated values ("3%, 4% and 5%")
    list_gap: re.Pattern[str]  # between two coordinated names ("A, B and the C")
    sector_list: re.Pattern[str]  # "primary, secondary and tertiary industries"
    place_preposition: re.Pattern[str]  # right before a name: a place where something happens, not an owner ("sales «in» Europe")

    @classmethod
    def from_patterns(cls, patterns: PatternSet) -> FactLexicons:
        rows = patterns.lexicon("fact_cues").rows

        def cue_sets(side: str, reach: str, anchored: str) -> dict[str, CueSet]:
            sets: dict[str, CueSet] = {}
            for field in ("kind", "measure"):
                chosen = [r for r in rows if r["field"] == field and r["side"] == side and r["reach"] == reach]
                if not chosen:
                    continue
                body = _alternation([r["cue"] for r in chosen])
                sets[field] = CueSet(re.compile(anchored.format(body), re.IGNORECASE), {normalize_phrase(r["cue"]): r["value"] for r in chosen})
            return sets

        transparent = _alternation(patterns.words("fact.transparent"))
        count_words = [r["word"] for r in patterns.lexicon("number_words").rows if r["kind"] in COUNT_KINDS]
        places = patterns.lexicon("places").column("name")
        years_span = _counted(patterns.words("fact.years_span"), rf"{_alternation(count_words)}|\d{{1,2}}")
        zones = patterns.lexicon("zones").column("suffix")
        level_words = _alternation(patterns.words("fact.level_word"))
        capitalized = r"[A-Z][\w'’&.-]*"
        place = (
            rf"(?<![\w'’-])(?!The\s)(?:(?:{capitalized}\s+(?:(?:and|&)\s+(?=[A-Z]))?){{0,5}}(?:{_alternation(zones)})(?![\w-])"  # ... New Area, Economic and Technological Development Zone
            rf"|(?:{_alternation(places)})(?:\s+(?:{capitalized}\s+){{0,4}}?(?:{_alternation(zones)}|{level_words})(?![\w-])(?!\s+of\s+[A-Z]))?"  # Foshan, Shunde district
            rf"|{capitalized}\s+(?:{level_words})(?![\w-])(?!\s+of\s+[A-Z])"  # not "Chinese province «of Hainan»": the name after "of" is the place
            rf"|(?<![\w'’-]){capitalized}(?:\s+{capitalized}){{0,2}}(?=,\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,3}}(?:{_alternation(patterns.words('fact.reference_place'))}),))"  # "Pingxiang, a border city,"
        )
        return cls(
            near_before=cue_sets("before", "near", r"(?<![\w-])({})[\s,]*$"),
            near_after=cue_sets("after", "near", r"^[\s,]*({})(?![\w-])"),
            clause_before=cue_sets("before", "clause", r"(?<![\w-])({})(?![\w-])"),
            clause_after=cue_sets("after", "clause", r"(?<![\w-])({})(?![\w-])"),
            transparent_tail=re.compile(rf"(?<![\w-])(?:{transparent})[\s,]*$", re.IGNORECASE),
            transparent_head=re.compile(rf"^(?:[\s,]*(?:{transparent})(?![\w-]))*", re.IGNORECASE),
            indicator=re.compile(rf"(?<![\w-])(?:{_alternation(patterns.lexicon('indicators').column('term'))})(?:s|es)?(?![\w-])", re.IGNORECASE),
            indicator_stop=frozenset(w.lower() for w in patterns.words("fact.indicator_stop")),
            reference_place=patterns.word_set("fact.reference_place"),
            reference_org=patterns.word_set("fact.reference_org"),
            comparison_base=re.compile(
                # "over 2013", "than that in 2022", "from 23,205 for the second quarter" (the base figure between)
                rf"(?<![\w-])(?:{_alternation(patterns.words('fact.comparison_base'))})\s+(?:(?:[A-Z]{{1,3}}\$?|\$)?\s?\d[\d,.]*(?:\s*%|(?:\s+[a-z]+){{1,2}})?\s+)?(?:(?:{_alternation(patterns.words('fact.comparison_link'))})\s+){{0,2}}(?:the\s+)?(?:end\s+of\s+|same\s+(?:{_alternation(patterns.words('fact.same_stretch'))})\s+(?:of|in)\s+)?$",
                re.IGNORECASE,
            ),
            clause_break=re.compile(rf";|:\s|,\s+(?:{_alternation(patterns.words('fact.clause_break'))})(?![\w-])", re.IGNORECASE),
            duration_opening=re.compile(rf"\W*(?:{_alternation(patterns.words('fact.duration_opening'))})(?![\w-])", re.IGNORECASE),
            duration=re.compile(rf"(?<![\w-])(?:{_alternation(patterns.words('fact.duration'))})(?![\w-])", re.IGNORECASE),
            province_level=patterns.word_set("fact.province_level"),
            municipality=patterns.word_set("fact.municipality"),
            country_reference=patterns.word_set("fact.country_reference"),
            country_name=patterns.words("fact.national")[0],
            pinyin_syllables=patterns.word_set("name.pinyin_syllable"),
            national_words=frozenset(normalize_phrase(w) for w in patterns.words("fact.national_adjective")),
            national_before=re.compile(rf"(?<![\w'’-])(?:{_alternation(patterns.words('fact.national_adjective'))})\s+(?:[a-z-]+\s+){{0,3}}(?:of|at)\s+$", re.IGNORECASE),
            national_after=re.compile(rf"\s+(?:{_alternation(patterns.words('fact.national_adjective'))})(?![\w'’-])", re.IGNORECASE),
            date_joint=re.compile(r"\s+(?:and|&)\s+(?:the\s+)?"),
            item_noun=frozenset(w.lower() for w in patterns.words("fact.item_noun")),
            complement_determiner=patterns.word_set("fact.complement_determiner"),
            forecast_label=frozenset(w.lower() for w in patterns.words("fact.forecast_label")),
            base_lead=re.compile(rf"(?<![\w-])(?:{_alternation(patterns.words('fact.base_lead'))})\s+$", re.IGNORECASE),
            then_reference=re.compile(rf"(?<![\w-])(?:{_alternation(patterns.words('fact.then_reference'))})(?![\w-])", re.IGNORECASE),
            aside_after=re.compile(rf"\s+(?:{_alternation(patterns.words('fact.aside_after'))})(?![\w-])", re.IGNORECASE),
            years_span=re.compile(rf"(?<![\w-])(?:{years_span})(?![\w-])", re.IGNORECASE),
            duration_frame=re.compile(rf"(?:^|(?<=[.!?]))\s*(?:(?:{_alternation(patterns.words('fact.period_lead'))})\s+)?(?:the\s+)?(?:{years_span})(?![\w-])", re.IGNORECASE | re.MULTILINE),
            place_names=frozenset(places),
            place=re.compile(place),
            conversion_gap=re.compile(rf"^\s*[(\[（]\s*(?:(?:{_alternation(patterns.words('fact.conversion_lead'))})\s*)?$", re.IGNORECASE),
            money_change_after=patterns.word_set("fact.money_change_after"),
            industry_after=re.compile(
                rf"^\s+(?:{_alternation(patterns.words('fact.owner_preposition'))}|for)\s+(?:the\s+|its\s+|their\s+)?((?:[a-z][\w-]*\s+){{1,3}}?(?:{_alternation(patterns.words('fact.industry_noun'))}))(?![\w-])"
            ),
            umbrella=frozenset(normalize_phrase(w) for w in patterns.words("fact.umbrella")),
            owner_lead=re.compile(rf"^\s+(?:{_alternation(patterns.words('fact.owner_preposition'))})\s+(?:the\s+)?"),
            own_period_link=re.compile(rf"\s+(?:{_alternation(patterns.words('fact.own_period_link'))})\s+(?:the\s+)?$", re.IGNORECASE),
            period_lead=re.compile(rf"^\W*(?:{_alternation(patterns.words('fact.period_lead'))})?\s*(?:the\s+)?$", re.IGNORECASE),
            auxiliary_tail=re.compile(rf"(?:\s+(?:{_alternation(patterns.words('fact.auxiliary'))}))+\s*$", re.IGNORECASE),
            part_stop=patterns.word_set("fact.part_stop"),
            national=patterns.word_set("fact.national"),
            place_preposition=re.compile(rf"(?<![\w-])(?:{_alternation(patterns.words('fact.place_preposition'))})\s+(?:the\s+)?$", re.IGNORECASE),
            not_indicator=frozenset(normalize_phrase(w) for w in patterns.words("fact.not_indicator")),
            change_word=re.compile(rf"(?:{_alternation(patterns.words('fact.change_word'))})", re.IGNORECASE),
            future_tense=frozenset(normalize_phrase(w) for w in patterns.words("fact.future_tense")),
            threshold_verb=frozenset(normalize_phrase(w) for w in patterns.words("fact.threshold_verb")),
            class_threshold=re.compile(
                rf"(?<![\w-])[a-z]+s\s+(?:with|whose)\s+(?:[a-z][\w-]*\s+){{0,4}}?(?:of\s+)?(?:{_alternation(patterns.words('fact.threshold_comparative'))})\s+$", re.IGNORECASE
            ),
            descriptive_lead=re.compile(rf"(?<![\w-])(?:{_alternation(patterns.words('fact.descriptive_lead'))})(?![\w-])", re.IGNORECASE),
            counted_total=frozenset(normalize_phrase(w) for w in patterns.words("fact.counted_total")),
            unit_words=frozenset(r["surface"].lower() for r in patterns.lexicon("scales").rows if r["surface"].isalpha())
            | frozenset(r["surface"].lower() for r in patterns.lexicon("currencies").rows if r["surface"].isalpha()),
            acronym=re.compile(rf"((?:[A-Z][\w'’&-]*\s+(?:(?:{_alternation(patterns.words('fact.name_connector'))})\s+)*){{1,8}})\(\s*([A-Z][A-Z&]{{1,9}})\s*\)"),
            clause_opening=re.compile(rf"\s*(?:(?:{_alternation(patterns.words('fact.clause_break'))}|and)\s+)?(?:[^,;:]{{0,60}},\s*)?(?:the\s+)?", re.IGNORECASE),
            industry_head=re.compile(rf"((?:[a-z][\w-]*\s+){{1,3}}(?:{_alternation(patterns.words('fact.industry_noun'))}))(?![\w-])"),
            indicator_lead=re.compile(rf"(?<![\w-])(?:{_alternation(patterns.words('fact.indicator_lead'))})\s+(?:the\s+|its\s+|their\s+)?", re.IGNORECASE),
            bracket_after=re.compile(r"\s*[(\[（][^()\[\]（）]{0,60}[)\]）]"),
            industry_for=re.compile(rf"\s+for\s+(?:the\s+|its\s+|their\s+)?((?:[a-z][\w-]*\s+){{1,3}}?(?:{_alternation(patterns.words('fact.industry_noun'))}))(?![\w-])"),
            phrase_continues=patterns.word_set("fact.phrase_continues"),
            industry_terms=frozenset(ClusterLexicons.from_patterns(patterns).terms),
            counted_group=re.compile(
                rf"(?<![\w-])((?:{_alternation(count_words)}|\d{{1,2}})\s+(?:[a-z][\w-]*\s+){{0,3}}(?:{_alternation(patterns.words('fact.industry_noun'))}))(?![\w-])",
                re.IGNORECASE,
            ),
            member_lead=re.compile(rf"(?<![\w-])(?:{_alternation(patterns.words('fact.member_lead'))})\s+(?:the\s+|its\s+|their\s+)?$", re.IGNORECASE),
            coordinated_opening=re.compile(rf"(?<![\w-])(?:{_alternation(patterns.words('fact.clause_break'))}|and)\s+(?:the\s+)?", re.IGNORECASE),
            run_gap=re.compile(r"^[\s)\]]*(?:,\s*(?:and\s+)?|and\s+|,?\s*(?:and|or)\s+)$"),
            list_gap=re.compile(r"^\s*(?:,\s*(?:and\s+)?(?:the\s+)?|(?:and|or)\s+(?:the\s+)?)$"),
            sector_list=re.compile(rf"(?<![\w-])(?P<items>[A-Za-z-]+(?:,\s*[a-z-]+)*,?\s+and\s+[a-z-]+)\s+(?P<noun>{_alternation(patterns.words('fact.industry_noun'))})(?![\w-])", re.IGNORECASE),
            indicator_tail=re.compile(rf"^(?:\s+(?:{_alternation(patterns.words('fact.indicator_tail'))})(?![\w-]))+", re.IGNORECASE),
            media_names=frozenset(r["name"] for r in patterns.lexicon("org_names").rows if r["kind"] in ("media", "newswire")),
        )
