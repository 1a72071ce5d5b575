"""Where the statistical NER can change an answer: around a capitalized name the rules
cannot decide alone. Everywhere else its organizations would be dropped or found by the
rules anyway, so the model reads only those names, each with a few words either side.

A run of capitalized words (joined by "of", "and", "&", "the") is decided when every word
is a place, a month or weekday, a generic name word or a known non-organization ("GDP"),
when the run names places only ("Hong Kong and Macao"), a person ("Li Jie") or a known
non-organization ("New Era"), when it ends in an organization's head word or legal suffix
(the head rules take it) or in an event, zone or place word (the model's "organization"
there is dropped), when it is a name of the gazetteer, or when it is one word that opens
its sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from ..rules.orgs import JOINING_WORDS, OrgLexicons

_RUN = re.compile(r"(?<![\w'-])[A-Z][\w'&.-]*(?:\s+(?:(?:" + "|".join(map(re.escape, sorted(JOINING_WORDS))) + r")\s+)*[A-Z][\w'&.-]*)*")


class ModelGate:
    def __init__(self, lex: OrgLexicons, calendar_words: frozenset[str]) -> None:
        self.lex = lex
        self.calendar = calendar_words
        self._heads = sorted(map(re.escape, lex.heads), key=len, reverse=True)

    def needs_model(self, sentence: str) -> bool:
        return next(self.undecided(sentence), None) is not None

    def undecided(self, sentence: str) -> Iterator[tuple[int, int]]:
        """The spans of `sentence`'s capitalized runs the rules cannot decide alone."""
        first = True
        for match in _RUN.finditer(sentence):
            opening = first and not sentence[: match.start()].strip(" \t\"'“‘(")
            first = False
            # "854 XPENG stations": the gazetteer rule leaves a name after a count to the model
            counted = match.group() in self.lex.name_kinds and bool(re.search(r"\d\s$", sentence[max(0, match.start() - 2) : match.start()]))
            if counted or not self._decided(match.group(), opening):
                yield match.start(), match.end()

    def _decided(self, run: str, opening: bool) -> bool:
        if run in self.lex.name_kinds:
            return True
        words = [w.strip(".,;:'\"") for w in run.split() if w not in JOINING_WORDS]
        words = [w for w in words if w]
        while len(words) > 2 and words[0] in self.lex.titles:
            words = words[1:]  # "Deputy Director Wang Jun"
        if not words:
            return True
        if self.lex.only_places(words) or self.lex.is_person(words) or " ".join(words).lower() in self.lex.not_orgs:
            return True  # "Hong Kong and Macao", "Li Jie", "New Era": the model's "organization" here is dropped
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


def gated_pieces(text: str, sentences: list[tuple[int, int]], gate: ModelGate, size: int, context: int = 0) -> Iterator[tuple[int, int]]:
    """The parts of `text` the model reads, at most `size` characters each (a longer part is
    cut at `size`): with `context` 0, runs of consecutive sentences that need it; otherwise
    each undecided name with `context` words either side of it, within its sentence."""
    start = end = -1
    previous_end = -1  # where the sentence before ends
    for s, e in sentences:
        for piece_start, piece_end in _windows(text, s, e, gate, context):
            # overlapping or touching windows, or windows across a sentence break
            joins = piece_start <= end or not text[end:piece_start].strip() or end == previous_end and piece_start == s
            if start >= 0 and joins and piece_end - start <= size:
                end = piece_end
                continue
            if start >= 0:
                yield start, end
            while piece_end - piece_start > size:
                yield piece_start, piece_start + size
                piece_start += size
            start, end = piece_start, piece_end
        previous_end = e
    if start >= 0:
        yield start, end


_WORD_GAP = re.compile(r"\s+")


def _windows(text: str, s: int, e: int, gate: ModelGate, context: int) -> Iterator[tuple[int, int]]:
    sentence = text[s:e]
    runs = list(gate.undecided(sentence))
    if not runs:
        return
    if not context:
        yield s, e
        return
    gaps = [m.start() for m in _WORD_GAP.finditer(sentence)]  # in order: found by bisection, so a long sentence costs each run log(words)
    for run_start, run_end in runs:
        before = bisect_left(gaps, run_start)  # gaps[:before] lie before the run
        after = bisect_left(gaps, run_end)  # gaps[after:] lie after it
        window_start = gaps[before - context - 1] + 1 if before > context else 0
        window_end = gaps[after + context] if len(gaps) - after > context else len(sentence)
        yield s + window_start, s + window_end
