"""Where the statistical NER can change an answer: sentences holding a capitalized name the
rules cannot decide alone. Everywhere else its organizations would be dropped or found by
the rules anyway, so the model does not read those sentences.

A run of capitalized words (joined by "of", "and", "&", "the") is decided when every word
is a place, a month or weekday, a generic name word or a known non-organization ("GDP"),
when it ends in an organization's head word or legal suffix (the head rules take it) or in
an event, zone or place word (the model's "organization" there is dropped), when it is a
name of the gazetteer, or when it is one word that opens its sentence. A sentence with any other run goes to the model.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..rules.orgs import OrgLexicons

_RUN = re.compile(r"(?<![\w'-])[A-Z][\w'&.-]*(?:\s+(?:(?:of|and|&|the|for)\s+)*[A-Z][\w'&.-]*)*")
_JOINERS = frozenset({"of", "and", "&", "the", "for"})  # identifiers


class ModelGate:
    def __init__(self, lex: OrgLexicons, calendar_words: frozenset[str]) -> None:
        self.lex = lex
        self.calendar = calendar_words
        self._heads = sorted(map(re.escape, lex.heads), key=len, reverse=True)

    def needs_model(self, sentence: str) -> bool:
        first = True
        for match in _RUN.finditer(sentence):
            opening = first and not sentence[: match.start()].strip(" \t\"'“‘(")
            first = False
            # "854 XPENG stations": the gazetteer rule leaves a name after a count to the model
            counted = match.group() in self.lex.name_kinds and bool(re.search(r"\d\s$", sentence[max(0, match.start() - 2) : match.start()]))
            if counted or not self._decided(match.group(), opening):
                return True
        return False

    def _decided(self, run: str, opening: bool) -> bool:
        if run in self.lex.name_kinds:
            return True
        words = [w.strip(".,;:'\"") for w in run.split() if w not in _JOINERS]
        words = [w for w in words if w]
        if not words:
            return True
        if words[-1] in self.lex.heads or words[-1] in self.lex.suffixes or words[-1] in self.lex.media:
            return True
        if re.search(r"\b(?:" + "|".join(self._heads) + r")\s+(?:of|for)\b", run):
            return True  # "Bureau of Statistics": a head with its complement, the head rules' own
        if words[-1].lower() in self.lex.event_words or any(tuple(words[-len(z) :]) == z for z in self.lex.zones if len(z) <= len(words)):
            return True  # an event, plan, zone, park or place: the model's "organization" there is dropped anyway
        if opening and len(words) == 1:
            return True
        return all(self._plain(word) for word in words)

    def _plain(self, word: str) -> bool:
        """A word no organization the rules miss is made of: a place, a month, a generic or
        opening word, a known non-organization ("GDP", "RMB"), a code with digits ("Q1")."""
        low = word.lower().removesuffix("'s").removesuffix("\u2019s")
        if low in self.lex.places or low.rstrip(".") in self.calendar or low in self.lex.not_orgs:
            return True
        if any(c.isdigit() for c in word) or all(part in self.lex.places for part in low.split("-")):
            return True  # "Q1", "COVID-19"; "Guangdong-Hong" of "Guangdong-Hong Kong-Macao"
        return word in self.lex.generic or word in self.lex.left_stops


def gated_pieces(text: str, sentences: list[tuple[int, int]], gate: ModelGate, size: int) -> Iterator[tuple[int, int]]:
    """The parts of `text` the model reads: runs of consecutive sentences that need it, at
    most `size` characters each (a longer sentence is cut at `size`)."""
    start = end = -1
    previous_needed = False
    for s, e in sentences:
        needed = gate.needs_model(text[s:e])
        if needed and previous_needed and e - start <= size:
            end = e
        elif needed:
            if start >= 0:
                yield start, end
            while e - s > size:
                yield s, s + size
                s += size
            start, end = s, e
        previous_needed = needed
    if start >= 0:
        yield start, end
