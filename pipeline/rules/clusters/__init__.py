"""CLUSTER candidates: industries the text presents as development targets or categories.

Four rules, from most to least explicit:
1. lists after a trigger ("industrial clusters of A, B and C", "industries such as ...",
   "three leading industries: ..."); a counted, complete list has exactly that many items;
2. "X industry" / "X sector" / "X industrial cluster" / "X ecosystem";
3. an abbreviation in brackets right after an industry ("(NEVs)");
4. later mentions of an industry the document already set up, and lexicon industries that
   are names wherever they stand ("industrial Internet").
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from ...core.candidate import Candidate, IntervalSet
from ...text.words import Word
from .heads import cut_head, headed_clusters
from .lexicon import ClusterLexicons, Sentence, Trigger, cluster_canonical, cluster_key
from .lists import known_item_lists, line_lists, trigger_list_items
from .names import bracketed_abbreviations, first_key, repeats_and_names

__all__ = ["ClusterLexicons", "Trigger", "cluster_canonical", "cluster_key", "scan_clusters"]  # identifiers


def scan_clusters(
    text: str,
    sentences: Sequence[tuple[tuple[int, int], list[Word]]],
    triggers: Sequence[Trigger],
    blockers: Sequence[tuple[int, int]],
    lex: ClusterLexicons,
) -> list[Candidate]:
    """CLUSTER candidates of one document: `sentences` pairs each sentence's span with its
    words; `blockers` are money, percent and date spans."""
    found: list[Candidate] = []
    numeric = IntervalSet(blockers)
    triggers = sorted(triggers, key=lambda t: t.end)
    trigger_ends = [t.end for t in triggers]
    parsed: list[Sentence] = []
    for (sentence_start, sentence_end), words in sentences:
        if numeric.overlaps(sentence_start, sentence_end):
            blocked = [numeric.overlaps(w.start, w.end) for w in words]
        else:
            blocked = [False] * len(words)
        # where a known industry name may start: the only places rules 1b and 4 look at
        starts = [i for i, w in enumerate(words) if first_key(w.text) in lex.first_words]
        parsed.append(Sentence(words, blocked, starts))
        first = bisect_left(trigger_ends, sentence_start)
        items: list[Candidate] = []
        for trigger in triggers[first : bisect_right(trigger_ends, sentence_end)]:
            items.extend(trigger_list_items(text, words, blocked, trigger, lex))
        found.extend(items)
        if any(w.lower in lex.sentence_heads for w in words) or words and cut_head(text, words[-1], lex):
            # a phrase before a head word that spans two items of a list is the list's last items
            # run together ("modern pharmaceutical and modern light industry"): the list has them
            found.extend(c for c in headed_clusters(text, words, blocked, lex) if sum(c.start <= i.start and i.end <= c.end for i in items) < 2)
    found.extend(line_lists(text, sentences, parsed, lex))
    taken = IntervalSet((c.start, c.end) for c in found)
    for sentence in parsed:
        # cheap test first: a list of known industries needs two separators and two known words
        if len(sentence.starts) >= 2 and sum(1 for w in sentence.words if "," in w.trail or w.lower in ("and", "or")) >= 2:
            found.extend(known_item_lists(text, sentence.words, sentence.blocked, lex, taken))
    found = [c for c in found if lex.may_be_industry(text[c.start : c.end])]  # the hard floor, before later rules learn from them
    found.extend(bracketed_abbreviations(text, found, lex))
    found.extend(c for c in repeats_and_names(parsed, found, blockers, lex) if lex.may_be_industry(text[c.start : c.end]))
    return found
