"""Whose figure a value is (FACTS.md "subject"): possessives and the references that point
back ("its", "the city's", "their"), owners after "of", industries that own their figures,
"respectively" lists, the names that open a clause or sentence, and the owner carried on
from earlier in the document."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from ..core.mention import Label, Mention
from ..rules.clusters.lexicon import cluster_key
from .context import REACH, WORD, Clause, DocumentState, Owner, Spans, squash
from .cues import FactLexicons, normalize_phrase

_POSSESSIVE = re.compile(r"(?:(?<![\w-])([Tt]he\s+)?([\w'’&.-]+(?:\s+[\w'’&.-]+){0,5}?)['’]s|(?<![\w-])([Ii]ts|[Tt]heir))\s*$")
_CAPITALIZED_RUN = re.compile(r"(?:[A-Z][\w&.-]*(?:['’][a-rt-z]\w*)?|of|and|&)(?:\s+(?:[A-Z][\w&.-]*(?:['’][a-rt-z]\w*)?|of|and|&))*$")
_OPENING_REFERENCE = re.compile(r"\s*(?:[^;:]{0,120}?,\s*)?[Tt]he\s+([a-z]+)(?:['’]s)?\s")  # "By 2025, the zone ...": kept when the word is a reference noun
_OPENING_POSSESSOR = re.compile(r"(?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*['’]s\s+")  # "Hefei's " before the clause's industry
_HEAD_WORD = re.compile(r"([A-Z][a-z]+(?:-[a-z]+)?)(?=\s+[a-z])")  # one capitalized word, a lower-case word after it
_THE = re.compile(r"\s*(?:[Tt]he\s+)?")
_POSSESSOR = re.compile(r"^.*['’]s\s+(?=[A-Z])")  # the possessor words that open a place's name
_THAT_OF = re.compile(r"(?<![\w-])(that|those)\s+of\s")  # the indicator of an earlier clause, pointed back to
_BRACKETED_CAPITALS = re.compile(r"\(\s*[A-Z][A-Z&]{1,9}\s*\)")


class OwnerReader:
    def __init__(self, lexicons: FactLexicons) -> None:
        self.lex = lexicons

    def subject(self, text: str, value: Mention, clause: Clause, indicator: tuple[int, int, str] | None, names: Spans, state: DocumentState) -> tuple[Owner, str]:
        if value.start in state.paired:
            return state.paired[value.start], "respectively"
        # "than the nationwide contraction of 1.6 percent", "5.2 percent nationwide": the country's own figure (it carries on to nothing)
        national = self.lex.national_before.search(text, max(clause.start, value.start - 60), value.start) or self.lex.national_after.match(text, value.end, clause.end)
        if national:
            return Owner(self.lex.country_name, None, None, "place"), "national"
        anchor = indicator[0] if indicator else value.start
        umbrella = False  # the figure is an aggregate of the place's economy ("of high-tech industries"): the place owns it
        if indicator:
            # "Foshan's GDP", "the district's output", "its revenue"
            back = _THAT_OF.search(text, max(clause.start, indicator[1]), value.start)  # "..., with that of the food industry rising 12.6 percent"
            # with the indicator in an earlier clause ("Chengdu's GDP rose 6%, while Chongqing's grew 6.1%"), its possessive is that clause's
            possessive = _POSSESSIVE.search(text, max(clause.sentence_start, anchor - 80), anchor) if back is None and indicator[0] >= clause.start else None
            if possessive:
                earlier = self._last_name(text, clause.sentence_start, possessive.start(), names, state)
                if earlier is None and not state.subject.name:  # nothing named yet: the document's own subject
                    earlier = self._main_name(text, names, state)
                if possessive.group(3):
                    plural_owner = self._counted_group(text, clause.sentence_start, possessive.start()) if possessive.group(3).lower() == "their" else None
                    if plural_owner is not None:  # "its seven pillar industries: ... Their total added value": the group's own figure
                        return plural_owner, "possessive-group"
                    heading = _THE.match(text, clause.start, possessive.start())
                    opening = self._industry_at(text, heading.end(), possessive.start(), names) if heading and possessive.group(3).lower() == "its" else None
                    if opening is not None:  # "The automobile industry, a pillar of the city, saw its output rise ...": the industry's own
                        return opening, "possessive-industry"
                    # "By 2025, the zone expects its output to ...": "its" is the clause's subject's, a reference noun opening the clause
                    reference = _OPENING_REFERENCE.match(text, clause.start, possessive.start())
                    noun = reference.group(1).lower() if reference else ""
                    if noun in self.lex.reference_place | self.lex.reference_org:
                        known = state.place if noun in self.lex.reference_place else state.org
                        # no place (company) owns a figure yet: the last name ending in the noun ("... Zone" for "the zone")
                        named = (
                            None
                            if known.name
                            else next((n for n in reversed(self._names(text, max(0, possessive.start() - REACH), possessive.start(), names, state)) if n.name.lower().split()[-1] == noun), None)
                        )
                        return self._refer(state, noun, "possessive-reference", named, text, possessive.start(), names)
                    return self._refer(state, "", "possessive-reference", earlier, text, possessive.start(), names)
                owner = possessive.group(2)
                if possessive.group(1) and owner.lower().split()[-1] in self.lex.reference_place | self.lex.reference_org:
                    return self._refer(state, owner.lower().split()[-1], "possessive-reference", earlier, text, possessive.start(), names)
                named = self._name_ending(text, possessive.start(2), possessive.end(2), names, state)
                if named:
                    return self._keep(state, named, "possessive")
            # "the added value of the primary industry", "GDP of Liangjiang New Area"; with the indicator in an earlier
            # clause, the owner after "that of" in this one ("...; that of the secondary industry reached ...")
            after_end = back.end(1) if back else indicator[1] if indicator[0] >= clause.start else -1
            industry = self.lex.industry_after.match(text[after_end : min(clause.sentence_end, after_end + 80)]) if after_end >= 0 else None
            umbrella = bool(industry) and self._umbrella(industry.group(1)) if industry else False
            if industry and not umbrella:
                start = after_end + industry.start(1)
                return self._keep(state, Owner(squash(industry.group(1)), start, start + len(industry.group(1)), "industry"), "industry-of")
            lead = self.lex.owner_lead.match(text[after_end : min(clause.sentence_end, after_end + 12)]) if after_end >= 0 else None
            cluster = next((m for m in names.starting_at(after_end + lead.end()) if m.label is Label.CLUSTER), None) if lead else None
            if cluster is not None and not self._umbrella(cluster.text):
                return self._keep(state, Owner(squash(cluster.text), cluster.start, cluster.end, "industry"), "industry-of")
            if lead:
                named = self._name_at(text, after_end + lead.end(), clause.sentence_end, names, state)
                if named:
                    return self._keep(state, named, "of-name")
                # "the general public budget revenue of the city": a reference noun, resolved by its level
                noun = WORD.match(text, after_end + lead.end())
                if noun and noun.group().lower() in self.lex.reference_place | self.lex.reference_org and lead.group().rstrip().lower().endswith("the"):
                    return self._refer(state, noun.group().lower(), "of-reference", None, text, noun.start(), names)
        elif (back := _THAT_OF.search(text, clause.start, value.start)) is not None:
            # no indicator of its own: "..., while that of the materials industry fell 1.5 percent"
            industry = self.lex.industry_after.match(text[back.end(1) : min(clause.sentence_end, back.end(1) + 80)])
            if industry and not self._umbrella(industry.group(1)):
                start = back.end(1) + industry.start(1)
                return Owner(squash(industry.group(1)), start, start + len(industry.group(1)), "industry"), "industry-of"
        # "a total scale of 3 trillion yuan ($442.2 billion) for the four pillar industrial clusters"
        beneficiary = self._industry_for(text, value, clause)
        group = self._clause_group(text, clause, anchor, state) if beneficiary is None else None
        if group is not None:
            return group, "clause-group"
        opening = self._opening_industry(text, clause, value.start, names, state)
        if opening is not None:
            return self._keep(state, opening, "clause-industry")
        if beneficiary is not None:
            return self._keep(state, beneficiary, "industry-for")
        # a name earlier in the clause, then in the sentence ("In Shunde, ...", "NIO reported ...")
        for start, rule in ((clause.start, "clause-name"), (clause.sentence_start, "sentence-name")):
            named = self._first_name(text, start, value.start, names, state, exclude=indicator)
            if named:
                # "Since the Thousand Enterprises plan began, the city has commissioned ...": a reference noun of the
                # other kind heading the clause after its opening phrase is the subject, not a name inside that phrase
                reference = _OPENING_REFERENCE.match(text, clause.start, value.start) if rule == "clause-name" else None
                noun = reference.group(1).lower() if reference else ""
                if reference and (named.start or 0) < reference.start(1) and self._other_kind(named, noun):
                    return self._refer(state, noun, "clause-reference", None, text, reference.start(1), names)
                return self._keep(state, named, rule)
        # "In 2023, Shunde produced ...": a pinyin name heading the clause, a place no lexicon holds
        pinyin = self._pinyin_place(text, clause, value.start, indicator)
        if pinyin is not None:
            return self._keep(state, pinyin, "clause-pinyin-name")
        # "The province aims to ...": a reference noun heading the clause points back to a place (company) of its kind and level
        reference = _OPENING_REFERENCE.match(text, clause.start, value.start)
        noun = reference.group(1).lower() if reference else ""
        if reference and noun in self.lex.reference_place | self.lex.reference_org:
            return self._refer(state, noun, "clause-reference", None, text, reference.start(1), names)
        if not umbrella and state.sentence_owner is not None and state.sentence_owner[0] == clause.sentence_start and state.sentence_owner[1].name:
            return state.sentence_owner[1], "sentence-carried"  # "Their added value rose 9.4 percent, accounting for 77.4 percent of ...": the same owner, an industry too
        if state.subject.name:
            return state.subject, "carried"
        named = self._main_name(text, names, state)
        if named:
            return self._keep(state, named, "document")
        return Owner(), "none"

    def _main_name(self, text: str, names: Spans, state: DocumentState) -> Owner | None:
        """The document's own subject: the place or organization it names most often (the
        first of those on a tie), the country only when it names nothing else."""
        if state.main is None:
            state.main = self._most_named(text, names, state) or Owner()
        return state.main if state.main.name else None

    def _most_named(self, text: str, names: Spans, state: DocumentState) -> Owner | None:
        counts: dict[str, int] = {}
        first: dict[str, Owner] = {}
        for subject in self._names(text, 0, len(text), names, state):
            if subject.kind == "industry" or subject.name in self.lex.national:
                continue
            key = normalize_phrase(state.acronyms.get(subject.name, subject.name))  # "ETDZ" counts for its full name
            counts[key] = counts.get(key, 0) + 1
            first.setdefault(key, subject)
        if not counts:
            return self._first_name(text, 0, len(text), names, state, exclude=None)
        best = max(counts, key=lambda key: (counts[key], -(first[key].start or 0)))
        return first[best]

    def respective_owners(self, text: str, values: Sequence[Mention], names: Spans, state: DocumentState) -> dict[int, Owner]:
        """Runs of two or more values in one sentence ("3.8 percent, 10.5 percent and 10.3
        percent") paired in order with as many coordinated owners before them: industries
        named by the rules (CLUSTER mentions) or sectors ("the primary, secondary and tertiary
        industries"). Bracketed conversions belong to the value they follow."""
        paired: dict[int, Owner] = {}
        for run in self._value_runs(text, values):
            first = run[0][0]
            reach = max(first.sentence_start, first.start - REACH)
            owners = self._sector_list(text, reach, first.start) or self._cluster_list(text, reach, first.start, names) or self._name_list(text, reach, first.start, names, state)
            sentence = text[reach : min(first.sentence_end, run[-1][-1].end + REACH)].lower()
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

    def _sector_list(self, text: str, start: int, end: int) -> list[Owner]:
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
            owners.append(Owner(f"{word.lower()} {singular}", place, place + len(word), "industry"))
            at = place + len(word)
        return owners

    def _cluster_list(self, text: str, start: int, end: int, names: Spans) -> list[Owner]:
        """The last coordinated run of CLUSTER mentions in text[start:end]."""
        clusters = [m for m in names.within(start, end) if m.label is Label.CLUSTER]
        run: list[Mention] = []
        for cluster in clusters:
            if run and not self.lex.list_gap.match(text[run[-1].end : cluster.start]):
                run = []
            run.append(cluster)
        return [Owner(squash(m.text), m.start, m.end, "industry") for m in run] if len(run) > 1 else []

    def _name_list(self, text: str, start: int, end: int, names: Spans, state: DocumentState) -> list[Owner]:
        """The last coordinated run of places or organizations in text[start:end] ("Shenzhen, Guangzhou and Foshan")."""
        run: list[Owner] = []
        for owner in self._names(text, start, end, names, state):
            if owner.kind == "industry" or owner.name in self.lex.national:
                continue
            if run and not self.lex.list_gap.match(text[run[-1].end or 0 : owner.start or 0]):
                run = []
            run.append(owner)
        return run if len(run) > 1 else []

    def _industry_for(self, text: str, value: Mention, clause: Clause) -> Owner | None:
        """An industry the figure is "for", right after the value and its bracketed conversion."""
        at = value.end
        bracket = self.lex.bracket_after.match(text, at, clause.end)
        if bracket:
            at = bracket.end()
        found = self.lex.industry_for.match(text, at, min(clause.end, at + 100))
        if found is None or self._umbrella(found.group(1)):
            return None
        return Owner(squash(found.group(1)), found.start(1), found.end(1), "industry")

    def _counted_group(self, text: str, sentence_start: int, end: int) -> Owner | None:
        """The last counted group of industries shortly before "their" ("seven pillar
        industries", "the four industrial clusters"): plural owners that "their" points back to."""
        found = list(self.lex.counted_group.finditer(text, max(0, sentence_start - 600), end))
        if not found:
            return None
        last = found[-1]
        return Owner(squash(last.group(1)), last.start(1), last.end(1), "industry")

    def _clause_group(self, text: str, clause: Clause, end: int, state: DocumentState) -> Owner | None:
        """A counted group before the figure in its clause, as its subject ("Machinery, food
        and materials, the six major industrial clusters, achieved output of ..."); not one a
        member is picked from ("Among the four pillar industries, ..."), nor one an earlier
        figure stands between."""
        for group in self.lex.counted_group.finditer(text, clause.start, end):
            if not self.lex.member_lead.search(text, max(clause.start, group.start() - 16), group.start()) and not state.figures.overlaps(group.end(), end):
                return Owner(squash(group.group(1)), group.start(1), group.end(1), "industry")
        return None

    def _umbrella(self, phrase: str) -> bool:
        """An aggregate of the place's economy ("high-tech industries"): no owner of its own."""
        key = f"{normalize_phrase(phrase)} "
        if key.split(" ", 1)[0] in self.lex.national_words:
            return True  # "of the national electric appliance industry": the country's whole, no owner of the figure
        return any(key.startswith(f"{word} ") for word in self.lex.umbrella)

    def _refer(self, state: DocumentState, noun: str, rule: str, earlier: Owner | None, text: str, at: int, names: Spans) -> tuple[Owner, str]:
        """What "its" or "the city's" points back to: the country for "the country's"; a name
        earlier in the sentence ("Hefei aims to raise its GDP"); a place of the noun's level
        ("the province's": the last province named, even after a city owned figures); else the
        last place or organization the document named."""
        if noun in self.lex.country_reference:
            return Owner(self.lex.country_name, None, None, "place"), rule + "-country"
        if earlier is not None and self._of_level(earlier, noun) is not False:
            return self._keep(state, earlier, rule + "-sentence")
        if noun in self.lex.reference_place and state.place.name and self._of_level(state.place, noun) is False:
            leveled = next((n for n in reversed(self._names(text, max(0, at - 3 * REACH), at, names, state)) if self._of_level(n, noun)), None)
            if leveled is not None:
                return self._keep(state, leveled, rule + "-level")
        if earlier is not None:
            return self._keep(state, earlier, rule + "-sentence")
        if noun in self.lex.reference_place and state.place.name:
            return state.place, rule
        if noun in self.lex.reference_org and state.org.name:
            return state.org, rule
        if noun in self.lex.reference_place | self.lex.reference_org:
            # no place (company) has owned a figure yet: the last one named before ("said Chen Yan, mayor of Guiyang. ... the city")
            kind = "place" if noun in self.lex.reference_place else "org"
            named = next(
                (n for n in reversed(self._names(text, max(0, at - 3 * REACH), at, names, state)) if n.kind == kind and self._of_level(n, noun) is not False and n.name not in self.lex.national), None
            )
            if named is not None:
                return self._keep(state, named, rule + "-named")
        if state.subject.name:
            return state.subject, rule
        return Owner(), rule + "-unresolved"

    def _pinyin_place(self, text: str, clause: Clause, value_start: int, indicator: tuple[int, int, str] | None) -> Owner | None:
        """A capitalized word of two or more pinyin syllables heading the clause, a lower-case word after it,
        and no word of the indicator ("Banana sales rose": the indicator's)."""
        lead = self.lex.clause_opening.match(text, clause.start, value_start)
        head = _HEAD_WORD.match(text, lead.end() if lead else clause.start, value_start)
        if head is None or head.group(1) in self.lex.national or self.lex.indicator.fullmatch(head.group(1)):
            return None
        if indicator is not None and indicator[0] <= head.start(1) < indicator[1]:
            return None
        if _syllables(head.group(1).lower().replace("-", "").replace("'", ""), self.lex.pinyin_syllables) < 2:
            return None
        return Owner(head.group(1), head.start(1), head.end(1), "place")

    def _other_kind(self, owner: Owner, noun: str) -> bool:
        """Whether a reference noun names the other kind of owner: "the city" after a company, "the company" after a place."""
        if noun in self.lex.reference_place and noun not in self.lex.reference_org:
            return owner.kind == "org"
        if noun in self.lex.reference_org and noun not in self.lex.reference_place:
            return owner.kind == "place"
        return False

    def _of_level(self, owner: Owner, noun: str) -> bool | None:
        """Whether a place is of the level a reference noun names: a province for "province",
        a city for "city"; None when the noun names no level this can tell."""
        if owner.kind != "place" or noun not in ("province", "city"):  # identifiers: the two levels told apart
            return None
        words = owner.name.split()
        level = words[-1].lower() if len(words) > 1 and words[-1].lower() in self.lex.reference_place else ""  # "Shunde district", "Guangdong Province"
        province = any(" ".join(words[:k]) in self.lex.province_level for k in (1, 2)) and level in ("", "province")
        if noun == "province":
            return province
        return level in ("", "city") and (not province or words[0] in self.lex.municipality)

    def _keep(self, state: DocumentState, subject: Owner, rule: str) -> tuple[Owner, str]:
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

    def _names(self, text: str, start: int, end: int, names: Spans, state: DocumentState) -> list[Owner]:
        """ORG mentions, CLUSTER mentions and places in text[start:end], in text order."""
        found = [Owner(m.canonical or m.text, m.start, m.end, "org" if m.label is Label.ORG else "industry") for m in names.within(start, end)]
        taken = [(s.start or 0, s.end or 0) for s in found]
        for match in self.lex.place.finditer(text, start, end):
            first = match.group().split()[0]
            if first.lower() in self.lex.indicator_stop and len(match.group().split()) == 2:
                continue  # "The district": a reference, not a name
            if not any(s < match.end() and match.start() < e for s, e in taken) and not state.figures.overlaps(match.start(), match.end()):
                owner = _POSSESSOR.search(match.group())  # "China's Guangxi Zhuang Autonomous Region": the region
                at = match.start() + owner.end() if owner else match.start()
                found.append(Owner(squash(text[at : match.end()]), at, match.end(), "place"))
        found.sort(key=lambda s: s.start or 0)
        shorts = [key for key, full in state.acronyms.items() if full.endswith(f"({key})")]
        if shorts:  # a defined acronym names its body each time it is used
            spans = [(s.start or 0, s.end or 0) for s in found]
            starts = [s for s, _ in spans]
            for short in shorts:
                kind = "place" if state.acronyms[short].split(" (")[0].split()[-1] in self.lex.place_names else "org"
                for at in _whole_words(text, short, start, end):
                    before = bisect_right(starts, at)  # the names found don't overlap each other: only the one starting last before can hold it
                    if not (before and spans[before - 1][1] > at) and not (before < len(starts) and starts[before] < at + len(short)):
                        found.append(Owner(short, at, at + len(short), kind))
            found.sort(key=lambda s: s.start or 0)
        return found

    def _first_name(self, text: str, start: int, end: int, names: Spans, state: DocumentState, exclude: tuple[int, int, str] | None) -> Owner | None:
        """The first place or organization named in text[start:end]; the country only when
        nothing more specific is named ("China's first city whose GDP ...": the city)."""
        national: Owner | None = None
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

    def _last_name(self, text: str, start: int, end: int, names: Spans, state: DocumentState) -> Owner | None:
        """The place or organization named last in text[start:end] ("Hong Kong, which said its GDP ...")."""
        found = [s for s in self._names(text, start, end, names, state) if s.kind != "industry" and s.name not in self.lex.national]
        return found[-1] if found else None

    def _opening_industry(self, text: str, clause: Clause, value_start: int, names: Spans, state: DocumentState) -> Owner | None:
        """An industry that opens the clause as its subject ("Among them, the mining industry
        soared 17%", "In 2018, the tropical agriculture saw an added value of ...")."""
        lead = self.lex.clause_opening.match(text, clause.start, value_start)
        if not lead:
            return None
        # the clause's opening (past a place's possessive: "Hefei's new energy vehicle industry generated ..."), and each
        # "and the ..." after a figure (a coordinated clause of its own), nearest the value first
        owned = _OPENING_POSSESSOR.match(text, lead.end(), value_start)
        openings = [owned.end() if owned else lead.end()] + [m.end() for m in self.lex.coordinated_opening.finditer(text, lead.end(), value_start) if state.figures.overlaps(lead.end(), m.start())]
        for at in reversed(openings):
            found = self._industry_at(text, at, value_start, names)
            if found is not None:
                return found
        return None

    def _industry_at(self, text: str, at: int, end: int, names: Spans) -> Owner | None:
        """An industry whose name starts at `at`: a CLUSTER, a known industry before its verb, or "... industry"."""
        cluster = next((m for m in names.starting_at(at) if m.label is Label.CLUSTER), None)
        if cluster is not None and not self._umbrella(cluster.text):
            return Owner(squash(cluster.text), cluster.start, cluster.end, "industry")
        known = self._known_industry_at(text, at, end)
        if known is not None:
            return known
        headed = self.lex.industry_head.match(text, at, end)
        if headed and not self._umbrella(headed.group(1)) and not any(w.lower() in self.lex.indicator_stop or self.lex.indicator.fullmatch(w) for w in headed.group(1).split()[:-1]):
            return Owner(squash(headed.group(1)), headed.start(1), headed.end(1), "industry")
        return None

    def _known_industry_at(self, text: str, at: int, end: int) -> Owner | None:
        """A known industry (clusters.tsv) standing at `at` as a clause's subject, its verb next:
        "the tropical agriculture «saw» an added value of ..."."""
        words = list(WORD.finditer(text, at, min(end, at + 80)))[:5]
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
                return Owner(squash(phrase), words[0].start(), words[size - 1].end(), "industry")
        return None

    def _name_ending(self, text: str, start: int, end: int, names: Spans, state: DocumentState) -> Owner | None:
        """The name that ends where a possessive's owner ends ("Hainan's key parks": Hainan)."""
        candidates = [s for s in self._names(text, max(0, start - 60), end, names, state) if s.end == end]
        if candidates:
            return min(candidates, key=lambda s: s.start or 0)
        run = _CAPITALIZED_RUN.search(text, start, end)
        if run and run.group()[:1].isupper():
            return Owner(squash(run.group()), run.start(), run.end(), "place" if run.group().split()[-1] in self.lex.place_names else "org")
        return None

    def _name_at(self, text: str, start: int, limit: int, names: Spans, state: DocumentState) -> Owner | None:
        for subject in self._names(text, start, min(limit, start + 100), names, state):
            if subject.start == start:
                return subject
            break
        return None


def _syllables(word: str, syllables: frozenset[str]) -> int:
    """How many pinyin syllables `word` splits into (fewest), 0 when it does not split ("shunde" -> 2)."""
    best = [0] + [-1] * len(word)
    for end in range(1, len(word) + 1):
        for size in range(1, 7):
            start = end - size
            if start >= 0 and best[start] >= 0 and word[start:end] in syllables and (best[end] < 0 or best[start] + 1 < best[end]):
                best[end] = best[start] + 1
    return max(best[-1], 0)


def _whole_words(text: str, word: str, start: int, end: int) -> list[int]:
    """Where `word` stands in text[start:end] as a word of its own."""
    found = []
    at = text.find(word, start, end)
    while at >= 0:
        if not (at > 0 and (text[at - 1].isalnum() or text[at - 1] == "-")) and not (at + len(word) < len(text) and (text[at + len(word)].isalnum() or text[at + len(word)] == "-")):
            found.append(at)
        at = text.find(word, at + len(word), end)
    return found


def acronyms(text: str, acronym: re.Pattern[str]) -> dict[str, str]:
    """Names the document defines with an acronym ("Suzhou New District (SND)"): both forms
    map to "Full name (ACRONYM)", the one name FACTS.md asks for."""
    found: dict[str, str] = {}
    for bracket in _BRACKETED_CAPITALS.finditer(text):  # the long pattern runs only before a bracket that can hold an acronym
        match = next((m for m in acronym.finditer(text, max(0, bracket.start() - 200), bracket.end()) if m.end() == bracket.end()), None)
        if match is None:
            continue
        full, short = squash(match.group(1)), match.group(2)
        while full.split() and full.split()[0] in ("The", "the"):
            full = full.split(" ", 1)[1] if " " in full else ""
        initials = "".join(part[0] for word in full.split() for part in word.split("-") if part[:1].isupper())
        letters = short.replace("&", "")
        # the whole name's initials, or those of its last words: "Guangxi-ASEAN «E»conomic and «T»echnological «D»evelopment «Z»one (ETDZ)"
        if full and (_subsequence(letters, initials) or letters[-1:] == initials[-1:] and any(_subsequence(letters, initials[k:]) for k in range(1, len(initials)))):
            found.setdefault(short, f"{full} ({short})")
            found.setdefault(full, f"{full} ({short})")
    return found


def _subsequence(short: str, initials: str) -> bool:
    """Every letter of `short` among `initials`, in order, the first one first."""
    if not short or not initials or short[0] != initials[0]:
        return False
    rest = iter(initials)
    return all(letter in rest for letter in short)
