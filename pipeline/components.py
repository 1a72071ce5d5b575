"""Every spaCy component of the pipeline, registered here and only here, under versioned
names (spaCy allows no dots in factory names, hence press_numeric_v1 and not press.numeric.v1).

Components find candidate spans and leave them on the Doc; normalization and relations
run after the pipeline (extract.py), because they need the document's date.

  press_sentences_v1  rule-based sentence spans          -> doc._.press_sentences
  press_numeric_v1    money / percent / date grammars    -> doc._.press_candidates
  press_orgs_v1       ORG rules + the model's entities   -> doc._.press_candidates
  press_clusters_v1   CLUSTER list and head rules         -> doc._.press_candidates
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Mapping, Sequence

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from .cluster_rules import ClusterLexicons, Trigger, scan_clusters
from .mention import Label
from .numeric_rules import scan_numeric
from .org_rules import OrgLexicons, scan_orgs
from .patterns import load_patterns
from .sentences import split_sentences
from .words import split_words
from .spans import Candidate

Doc.set_extension("press_text", default=None, force=True)  # doc.text, joined once (Doc.text joins tokens on every call)
Doc.set_extension("press_sentences", default=None, force=True)
Doc.set_extension("press_words", default=None, force=True)  # the words of each sentence (words.py)
Doc.set_extension("press_candidates", default=None, force=True)

_SCALE_WORDS = frozenset({"thousand", "million", "billion", "trillion", "yuan", "percent", "%"})


def _candidates(doc: Doc) -> list[Candidate]:
    if doc._.press_candidates is None:
        doc._.press_candidates = []
    found: list[Candidate] = doc._.press_candidates
    return found


@Language.factory("press_sentences_v1")
def make_sentences(nlp: Language, name: str) -> "SentenceSplitter":
    return SentenceSplitter()


class SentenceSplitter:
    def __call__(self, doc: Doc) -> Doc:
        if doc._.press_text is None:
            doc._.press_text = doc.text
        text = doc._.press_text
        doc._.press_sentences = split_sentences(text)
        doc._.press_words = [split_words(text, start, end) for start, end in doc._.press_sentences]
        return doc


@Language.factory("press_numeric_v1", default_config={"patterns_dir": ""})
def make_numeric(nlp: Language, name: str, patterns_dir: str) -> "NumericRules":
    return NumericRules(Path(patterns_dir))


class NumericRules:
    def __init__(self, patterns_dir: Path) -> None:
        self.patterns = load_patterns(patterns_dir)

    def __call__(self, doc: Doc) -> Doc:
        _candidates(doc).extend(scan_numeric(doc._.press_text, self.patterns))
        return doc


@Language.factory("press_orgs_v1", default_config={"patterns_dir": "", "model_name": ""})
def make_orgs(nlp: Language, name: str, patterns_dir: str, model_name: str) -> "OrgRules":
    return OrgRules(Path(patterns_dir), model_name)


class OrgRules:
    """`model_name` is empty when no statistical NER runs (then the Doc has no entities to read)."""

    def __init__(self, patterns_dir: Path, model_name: str) -> None:
        self.lexicons = OrgLexicons.from_patterns(load_patterns(patterns_dir))
        self.model_name = model_name

    def __call__(self, doc: Doc) -> Doc:
        entities = [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents] if self.model_name else []
        sentences = list(zip(doc._.press_sentences, doc._.press_words))
        _candidates(doc).extend(scan_orgs(doc._.press_text, sentences, entities, self.lexicons, self.model_name))
        return doc


@Language.factory("press_clusters_v1", default_config={"patterns_dir": ""})
def make_clusters(nlp: Language, name: str, patterns_dir: str) -> "ClusterRules":
    return ClusterRules(nlp, Path(patterns_dir))


class ClusterRules:
    def __init__(self, nlp: Language, patterns_dir: Path) -> None:
        patterns = load_patterns(patterns_dir)
        self.lexicons = ClusterLexicons.from_patterns(patterns)
        self.matcher = Matcher(nlp.vocab, validate=True)
        self.kinds: dict[str, tuple[str, bool]] = {}
        # telling word -> how many tokens a match may hold before and after it
        self.reach: dict[str, tuple[int, int]] = {}
        for item in patterns.token_patterns:
            # Copies: the Matcher must never hold (or change) the loaded pattern objects.
            self.matcher.add(item.id, [[dict(token) for token in item.pattern]])
            self.kinds[item.id] = (item.kind, "fields" in item.id)
            words, before, after = _telling_words(item.pattern)
            for word in words:
                known = self.reach.get(word, (0, 0))
                self.reach[word] = (max(known[0], before), max(known[1], after))
        # Text without a telling word of any pattern cannot match: the Matcher skips it. A
        # pattern without one (or of unbounded length) sends the whole document to the Matcher.
        self.everywhere = "" in self.reach or any(UNBOUNDED in r for r in self.reach.values())
        self.keywords = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, self.reach), key=len, reverse=True)) + r")\b", re.IGNORECASE)

    def __call__(self, doc: Doc) -> Doc:
        candidates = _candidates(doc)
        blockers = [(c.start, c.end) for c in candidates if c.label in (Label.MONEY, Label.PERCENT, Label.DATE)]
        triggers = self._triggers(doc)
        sentences = list(zip(doc._.press_sentences, doc._.press_words))
        candidates.extend(scan_clusters(doc._.press_text, sentences, triggers, blockers, self.lexicons))
        return doc

    def _triggers(self, doc: Doc) -> list[Trigger]:
        """One trigger per list: of overlapping matches, the one reaching furthest, then the longest."""
        text = doc._.press_text
        # The Matcher runs only on token windows around telling words, as far on either side
        # as a pattern telling by that word reaches, not over the whole document.
        windows: list[list[int]] = [[0, len(doc)]] if self.everywhere else []
        for hit in () if self.everywhere else self.keywords.finditer(text):
            span = doc.char_span(hit.start(), hit.end(), alignment_mode="expand")
            if span is None:
                continue
            before, after = self.reach[hit.group().lower()]
            start, end = max(0, span.start - before), min(len(doc), span.end + after)
            if windows and start <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], end)
            else:
                windows.append([start, end])
        matches: list[tuple[int, int, int]] = []
        for start, end in windows:
            matches.extend((match_id, start + s, start + e) for match_id, s, e in self.matcher(doc[start:end]))
        kept: list[Trigger] = []
        for match_id, start, end in sorted(matches, key=lambda m: (-m[2], m[1])):
            if any(doc[start].idx < t.end and t.start < doc[end - 1].idx + len(doc[end - 1]) for t in kept):
                continue
            rule = doc.vocab.strings[match_id]
            kind, fields = self.kinds[rule]
            count = None
            if kind == "complete":
                count = _list_count(doc, start)
                if count is None:
                    continue  # "industries of ..." without a count is no list
            kept.append(Trigger(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), rule, kind, count, fields))
        return sorted(kept, key=lambda t: t.start)


_COUNT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "eleven": 11, "twelve": 12}


_COMMON = frozenset("of for in on at by to with and or the a an as such are is were include includes including like new key".split())


UNBOUNDED = 10**9  # the reach of a pattern with "*", "+" or "{n,}"


def _telling_words(pattern: Sequence[Mapping[str, Any]]) -> tuple[set[str], int, int]:
    """Words one of which any match of the pattern must hold: those of its required token
    with the fewest common words ('industries', 'clusters' rather than 'of', 'for'); and
    how many tokens a match may hold before and after that token."""
    choices: list[tuple[set[str], int]] = []
    for index, token in enumerate(pattern):
        if token.get("OP") in ("?", "*") or str(token.get("OP", "")).startswith("{0"):
            continue
        for key in ("LOWER", "TEXT"):
            value = token.get(key)
            if isinstance(value, str) and value.isalpha():
                choices.append(({value.lower()}, index))
            elif isinstance(value, Mapping) and "IN" in value:
                words = {str(v).lower() for v in value["IN"]}
                if all(w.isalpha() for w in words):
                    choices.append((words, index))
    if not choices:
        return {""}, UNBOUNDED, UNBOUNDED  # no telling word: the whole document goes to the Matcher
    words, index = min(choices, key=lambda choice: (len(choice[0] & _COMMON), len(choice[0])))
    lengths = [_most_tokens(token) for token in pattern]
    extra = lengths[index] - 1  # a repeated telling token: the hit may be any of its tokens
    return words, min(UNBOUNDED, sum(lengths[:index]) + extra), min(UNBOUNDED, sum(lengths[index + 1:]) + extra)


def _most_tokens(token: Mapping[str, Any]) -> int:
    """How many tokens one token pattern can match, given its operator."""
    op = str(token.get("OP", ""))
    if op in ("", "?", "!"):
        return 1
    bounds = re.fullmatch(r"\{(\d*)(?:,(\d*))?\}", op)
    if bounds and "," not in op:
        return int(bounds.group(1))  # "{n}"
    if bounds and bounds.group(2):
        return int(bounds.group(2))  # "{n,m}", "{,m}"
    return UNBOUNDED  # "*", "+", "{n,}"


_BREAKS = frozenset({".", ",", ";", ":", "!", "?", "and", "or"})


def _list_count(doc: Doc, head: int) -> int | None:
    """The count before a list's head word, at most six tokens back: 'three' in 'the three
    leading industries:', 'two' in 'two 2 trillion yuan industrial clusters for'."""
    for index in range(head - 1, max(head - 7, -1), -1):
        token = doc[index]
        if token.lower_ in _BREAKS:
            return None
        following = doc[index + 1].lower_
        if token.like_num and following not in _SCALE_WORDS:
            if token.text.isdigit():
                return int(token.text)
            return _COUNT_WORDS.get(token.lower_)
    return None
