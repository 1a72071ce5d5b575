"""What a value measures (FACTS.md "indicator"): the indicator term nearest the value in its
clause, extended over its modifiers, or the part and the whole of a share."""

from __future__ import annotations

import re

from ..core.mention import Label, Mention
from .context import WORD, Clause, Spans
from .cues import FactLexicons, normalize_phrase

_APPOSITIVE_OPENING = re.compile(r",\s+(?:(?:the|an?)\s+)?$")
_OF_COMPLEMENT = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+)?((?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)")  # "growth rate «of its high-tech manufacturing»"


class IndicatorReader:
    def __init__(self, lexicons: FactLexicons) -> None:
        self.lex = lexicons

    def indicator(self, text: str, value: Mention, clause: Clause, measure: str, near_cue_start: int | None, names: Spans) -> tuple[int, int, str] | None:
        """(start, end, rule) of the indicator phrase."""
        if measure == "share" and near_cue_start is not None:  # "the digital economy will account for 36%": the part, before the cue
            part = self._phrase_before(text, clause.start, clause.start + near_cue_start)
            appositive = (
                part is not None and bool(_APPOSITIVE_OPENING.search(text, max(0, part[0] - 8), part[0])) and text[part[1] : part[1] + 1] == ","
            )  # "Haikou, the provincial capital, accounted for"
            if (
                part
                and not appositive
                and (
                    self._terms(text, part[0], part[1], clause)
                    or self._plain_noun_phrase(text[part[0] : part[1]])
                    or any(m.label is Label.CLUSTER and m.end > part[0] for m in names.within(part[0] - 200, part[1] + 200) if m.start < part[1])
                )
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
            quantity = [m for m in found[:-1] if not self.lex.change_word.fullmatch(m.group())]
            complement = _OF_COMPLEMENT.match(text, found[-1].end(), value.start)
            if not quantity and complement:
                # "..., but the growth rate of its high-tech manufacturing reached 7 percent": what grew is named in the complement
                words = list(WORD.finditer(text, complement.start(1), complement.end(1)))
                kept = next((k for k, w in enumerate(words) if w.group().lower() in self.lex.indicator_stop), len(words))
                if kept:
                    return (self._extend(text, found[-1].start(), found[-1].end(), clause)[0], words[kept - 1].end(), "growth-of")
            quantity = quantity or [m for m in self._terms(text, clause.sentence_start, clause.start, clause) if not self.lex.change_word.fullmatch(m.group())]
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

    def _terms(self, text: str, start: int, end: int, clause: Clause) -> list[re.Match[str]]:
        """Indicator terms in text[start:end] that are no word of a capitalized name and no
        term the lexicon rules out ("exchange rate")."""
        return [m for m in self.lex.indicator.finditer(text, start, end) if self._usable(text, m.start(), clause) and not self._ruled_out(text, m)]

    def _ruled_out(self, text: str, term: re.Match[str]) -> bool:
        ending = f" {normalize_phrase(text[max(0, term.start() - 30) : term.end()])}"
        return any(ending.endswith(f" {phrase}") for phrase in self.lex.not_indicator)

    def _usable(self, text: str, start: int, clause: Clause) -> bool:
        """Not a word of a capitalized name ("Free Trade Port"): lower case, an acronym, or the
        first word of its sentence or line ("• Total Revenues were ...")."""
        word = WORD.match(text, start)
        token = word.group() if word else ""
        if not token[:1].isupper() or token.isupper():
            return True
        return text[clause.sentence_start : start].strip() in ("", "•", "-", "*", "·") or text[start - 2 : start] in (": ", '" ', "\n")

    def _extend(self, text: str, start: int, end: int, clause: Clause) -> tuple[int, int]:
        """Modifiers on the left ("total industrial «output value»"), up to a stop word or a
        name's possessive; "growth" on the right ("GDP growth")."""
        words = list(WORD.finditer(text, clause.sentence_start, start))
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
        words = list(WORD.finditer(span))
        kept: list[re.Match[str]] = []
        for k in range(len(words) - 1, -1, -1):
            word = words[k]
            token = word.group()
            if kept and span[word.end() : kept[-1].start()].strip():
                break  # punctuation between two words ("1.96 trillion yuan, digital economy") ends the phrase
            if token.lower() in self.lex.part_stop or any(c.isdigit() for c in token) or token.endswith(("'s", "’s")) or not re.fullmatch(r"[\w&-]+", token):
                if token.lower() == "of" and kept:  # "the added value «of» the core industries"
                    kept.append(word)
                    continue
                if token.lower() in self.lex.complement_determiner and kept and k > 0 and words[k - 1].group().lower() == "of":
                    kept.append(word)  # "the added value of «the» strategic emerging industries"
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
        # "overseas sales of the company": a reference to the owner is the subject's, not part of the indicator
        if len(kept) > 3 and kept[0].group().lower() in self.lex.reference_place | self.lex.reference_org and [w.group().lower() for w in kept[1:3]] == ["the", "of"]:
            kept = kept[3:]
        # "the digital economy of Wuxi": the owner's name is the subject, not part of the indicator
        for k, word in enumerate(kept):
            if word.group().lower() in ("of", "in") and k > 0 and kept[k - 1].group()[:1].isupper():
                kept = kept[k + 1 :]
                break
        if not kept:
            return None
        return clause_start + kept[-1].start(), clause_start + kept[0].end()
