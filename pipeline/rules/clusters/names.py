"""Rules 3 and 4: an abbreviation in brackets after an industry ("(NEVs)"); later mentions of an industry the document
already set up, and lexicon industries that are names wherever they stand ("industrial Internet")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ...core.candidate import Candidate, IntervalSet
from ...core.mention import Label
from ...text.words import Word
from .lexicon import DIGIT, ClusterLexicons, Sentence, cluster_key


# -- rule 3: bracketed abbreviations --------------------------------------------------------------
def bracketed_abbreviations(text: str, found: list[Candidate], lex: ClusterLexicons) -> list[Candidate]:
    result = []
    for candidate in found:
        match = re.match(r"\s*\(([A-Z][A-Za-z]{0,5}[A-Z]s?|[A-Z]{2,6}s?)\)", text[candidate.end : candidate.end + 12])
        if not match:
            continue
        start = candidate.end + match.start(1)
        abbreviation = match.group(1)
        canonical = lex.terms[cluster_key(abbreviation)][0] if cluster_key(abbreviation) in lex.terms else candidate.get("canonical", "")
        result.append(Candidate(Label.CLUSTER, start, start + len(abbreviation), "cluster.abbreviation", info=(("canonical", canonical),)))
    return result


# -- rule 4: repeated targets and lexicon names ------------------------------------------------------
def repeats_and_names(sentences: Sequence[Sentence], found: list[Candidate], blockers: Sequence[tuple[int, int]], lex: ClusterLexicons) -> list[Candidate]:
    established: dict[str, int] = {}
    for candidate in sorted(found, key=lambda c: c.start):
        established.setdefault(candidate.get("canonical", ""), candidate.start)
    taken = IntervalSet([(c.start, c.end) for c in found] + list(blockers))
    result = []
    for words, _, starts in sentences:
        after = 0  # the first word not yet inside a match
        for i in starts:
            if i < after:
                continue
            match = _longest_term(words, i, lex)
            if match is None:
                continue
            j, key = match
            after = j + 1
            start, end = words[i].start, words[j].end
            if taken.overlaps(start, end):
                continue
            canonical, mode = lex.terms[key]
            first_seen = established.get(canonical)
            repeat = first_seen is not None and first_seen < start
            if (mode == "anywhere" or repeat) and _stands_alone(words, i, j, lex):
                rule = "cluster.repeat" if repeat else "cluster.lexicon"
                result.append(Candidate(Label.CLUSTER, start, end, rule, info=(("canonical", canonical),)))
                taken.add(start, end)
    return result


@lru_cache(maxsize=4096)
def first_key(text: str) -> str:
    key = cluster_key(text)
    return key.split(" ", 1)[0] if key else ""


def _longest_term(words: list[Word], i: int, lex: ClusterLexicons) -> tuple[int, str] | None:
    if first_key(words[i].text) not in lex.first_words:
        return None
    for j in range(min(len(words), i + 7) - 1, i - 1, -1):
        if any(w.ends_clause() for w in words[i:j]) or any(w.lead for w in words[i + 1 : j + 1]):
            continue
        key = cluster_key(" ".join(w.text for w in words[i : j + 1]))
        if key in lex.terms:
            return j, key
    return None


def _stands_alone(words: list[Word], i: int, j: int, lex: ClusterLexicons) -> bool:
    """Not a count of products ('500,000 new energy vehicles') nor a modifier ('NEV projects')."""
    if i > 0:
        previous = words[i - 1].lower
        if DIGIT.search(previous) or previous in lex.count_words or previous in lex.scale_words:
            return False  # "500,000 new energy vehicles": a count of products
        if previous == "of" and i > 1 and (words[i - 2].lower in lex.classifiers or DIGIT.search(words[i - 2].text)):
            return False  # "the output of NEVs"
    if j + 1 < len(words) and not words[j].ends_clause():
        following = words[j + 1]
        low = following.lower
        if low == "of":
            return False  # "the trade of goods": an activity, not the industry
        if low in lex.classifiers:
            return False
        if following.text[:1].isupper() and not following.lead:
            return False  # part of a longer name
        if re.fullmatch(r"[a-z][a-z-]*", following.text) and low not in lex.phrase_stop and low not in lex.list_stop and low not in lex.head_words and not low.endswith("ly"):
            return False  # a modifier of the next noun ("new energy vehicles" from "new energy")
    return True
