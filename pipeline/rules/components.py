"""Every spaCy component of the pipeline, defined here and only here, under versioned names
(spaCy allows no dots in factory names, hence press_numeric_v1 and not press.numeric.v1).
spaCy finds them through the `spacy_factories` entry points (pyproject.toml); each declares
what it assigns and requires, so `nlp.analyze_pipes()` checks a pipeline built by hand.

Components find candidate spans and leave them on the Doc; normalization and relations
run after the pipeline (analyse/extractor.py), because they need the document's date.

  press_sentences_v1  rule-based sentence spans          -> doc._.press_sentences
  press_numeric_v1    money / percent / date grammars    -> doc._.press_candidates
  press_orgs_v1       ORG rules + the model's entities   -> doc._.press_candidates
  press_clusters_v1   CLUSTER list and head rules         -> doc._.press_candidates
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..core.candidate import Candidate
from ..core.mention import Label
from ..core.settings import DEFAULT_PATTERNS_DIR
from ..patterns.loader import load_patterns
from ..text.cleanup import tokenizer_view
from ..text.sentences import split_sentences
from ..text.words import split_words
from .clusters import ClusterLexicons, Trigger, scan_clusters
from .numeric import scan_numeric
from .orgs import OrgLexicons, scan_orgs
from .token_matcher import TokenMatcher

Doc.set_extension("press_text", default=None, force=True)  # doc.text, joined once (Doc.text joins tokens on every call)
Doc.set_extension("press_sentences", default=None, force=True)
Doc.set_extension("press_words", default=None, force=True)  # the words of each sentence (words.py)
Doc.set_extension("press_candidates", default=None, force=True)
Doc.set_extension("press_entities", default=None, force=True)  # (start, end, label) of the statistical NER, when it ran apart


def _patterns_dir(configured: str) -> Path:
    """The configured patterns folder, or the one shipped with the package."""
    return Path(configured) if configured else DEFAULT_PATTERNS_DIR


def _candidates(doc: Doc) -> list[Candidate]:
    if doc._.press_candidates is None:
        doc._.press_candidates = []
    found: list[Candidate] = doc._.press_candidates
    return found


@Language.factory("press_sentences_v1", default_config={"patterns_dir": ""}, assigns=["doc._.press_text", "doc._.press_sentences", "doc._.press_words"])
def make_sentences(nlp: Language, name: str, patterns_dir: str) -> SentenceSplitter:
    return SentenceSplitter(_patterns_dir(patterns_dir))


class SentenceSplitter:
    def __init__(self, patterns_dir: Path) -> None:
        patterns = load_patterns(patterns_dir)
        self.abbreviations = patterns.word_set("sentence.abbreviation")
        self.keeps_stop = patterns.word_set("word.keeps_stop")

    def __call__(self, doc: Doc) -> Doc:
        if doc._.press_text is None:
            doc._.press_text = doc.text
        text = doc._.press_text
        doc._.press_sentences = split_sentences(text, self.abbreviations)
        doc._.press_words = [split_words(text, self.keeps_stop, start, end) for start, end in doc._.press_sentences]
        return doc


@Language.factory("press_numeric_v1", default_config={"patterns_dir": ""}, requires=["doc._.press_text"], assigns=["doc._.press_candidates"])
def make_numeric(nlp: Language, name: str, patterns_dir: str) -> NumericRules:
    return NumericRules(_patterns_dir(patterns_dir))


class NumericRules:
    def __init__(self, patterns_dir: Path) -> None:
        self.patterns = load_patterns(patterns_dir)

    def __call__(self, doc: Doc) -> Doc:
        _candidates(doc).extend(scan_numeric(doc._.press_text, self.patterns))
        return doc


@Language.factory(
    "press_orgs_v1", default_config={"patterns_dir": "", "model_name": ""}, requires=["doc._.press_text", "doc._.press_sentences", "doc._.press_words"], assigns=["doc._.press_candidates"]
)
def make_orgs(nlp: Language, name: str, patterns_dir: str, model_name: str) -> OrgRules:
    return OrgRules(_patterns_dir(patterns_dir), model_name)


class OrgRules:
    """`model_name` is empty when no statistical NER runs (then the Doc has no entities to read)."""

    def __init__(self, patterns_dir: Path, model_name: str) -> None:
        self.lexicons = OrgLexicons.from_patterns(load_patterns(patterns_dir))
        self.model_name = model_name

    def __call__(self, doc: Doc) -> Doc:
        if not self.model_name:
            entities = []
        elif doc._.press_entities is not None:
            entities = doc._.press_entities
        else:
            entities = [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]
        sentences = list(zip(doc._.press_sentences, doc._.press_words))
        _candidates(doc).extend(scan_orgs(doc._.press_text, sentences, entities, self.lexicons, self.model_name))
        return doc


@Language.factory(
    "press_clusters_v1", default_config={"patterns_dir": ""}, requires=["doc._.press_text", "doc._.press_sentences", "doc._.press_words", "doc._.press_candidates"], assigns=["doc._.press_candidates"]
)
def make_clusters(nlp: Language, name: str, patterns_dir: str) -> ClusterRules:
    return ClusterRules(nlp, _patterns_dir(patterns_dir))


class ClusterRules:
    def __init__(self, nlp: Language, patterns_dir: Path) -> None:
        patterns = load_patterns(patterns_dir)
        self.lexicons = ClusterLexicons.from_patterns(patterns)
        self.matcher = TokenMatcher(nlp.vocab)
        self.tokenizer = nlp.tokenizer
        self.kinds: dict[str, tuple[str, bool]] = {}
        # a list's count: "one" to "twelve"; a number before an amount word counts nothing ("2 trillion yuan")
        self.count_words = {r["word"]: int(r["value"]) for r in patterns.lexicon("number_words").rows if r["kind"] != "article" and 1 <= int(r["value"]) <= 12}
        self.amount_words = patterns.word_set("count.amount_word")
        common = patterns.word_set("matcher.common_word")
        keywords: set[str] = set()
        for item in patterns.token_patterns:
            self.matcher.add(item.id, item.pattern)
            self.kinds[item.id] = (item.kind, item.fields)
            keywords.update(_telling_words(item.pattern, common))
        # A sentence without a telling word of any pattern cannot match: it is not tokenized.
        # A pattern without one sends every sentence to the matcher.
        self.everywhere = "" in keywords
        self.keywords = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, keywords - {""}), key=len, reverse=True)) + r")\b", re.IGNORECASE)

    def __call__(self, doc: Doc) -> Doc:
        candidates = _candidates(doc)
        blockers = [(c.start, c.end) for c in candidates if c.label in (Label.MONEY, Label.PERCENT, Label.DATE)]
        triggers = self._triggers(doc)
        sentences = list(zip(doc._.press_sentences, doc._.press_words))
        candidates.extend(scan_clusters(doc._.press_text, sentences, triggers, blockers, self.lexicons))
        return doc

    def _triggers(self, doc: Doc) -> list[Trigger]:
        """One trigger per list: of overlapping matches, the one reaching furthest, then the
        longest. The matcher runs only on sentences that hold a telling word; they are
        tokenized here when the document was not (rules-only runs tokenize nothing else)."""
        text = doc._.press_text
        sentences: list[tuple[int, int]] = doc._.press_sentences
        starts = [start for start, _ in sentences]
        chosen: dict[int, None] = {}
        if self.everywhere:
            chosen = dict.fromkeys(range(len(sentences)))
        else:
            for hit in self.keywords.finditer(text):
                index = bisect_right(starts, hit.start()) - 1
                if index >= 0 and hit.end() <= sentences[index][1]:
                    chosen[index] = None
        kept: list[Trigger] = []
        for index in chosen:
            sentence_start, sentence_end = sentences[index]
            span = doc.char_span(sentence_start, sentence_end) if len(doc) else None
            if span is not None:
                kept.extend(self._sentence_triggers(span, 0))
            else:
                kept.extend(self._sentence_triggers(self.tokenizer(tokenizer_view(text[sentence_start:sentence_end])), sentence_start))
        return sorted(kept, key=lambda t: t.start)

    def _sentence_triggers(self, tokens: Doc | Span, offset: int) -> list[Trigger]:
        matches = self.matcher(tokens)
        kept: list[Trigger] = []
        for rule, start, end in sorted(matches, key=lambda m: (-m[2], m[1])):  # stable: ties keep the patterns' order
            first, last = tokens[start], tokens[end - 1]
            trigger_start, trigger_end = first.idx + offset, last.idx + len(last) + offset
            if any(trigger_start < t.end and t.start < trigger_end for t in kept):
                continue
            kind, fields = self.kinds[rule]
            count = _list_count(tokens, start, self.count_words, self.amount_words)
            if kind == "complete" and count is None:
                continue  # "industries of ..." without a count is no list
            kept.append(Trigger(trigger_start, trigger_end, rule, kind, count, fields))
        return kept


def _telling_words(pattern: Sequence[Mapping[str, Any]], common: frozenset[str]) -> set[str]:
    """Words one of which any match of the pattern must hold: those of its required token
    with the fewest common words ('industries', 'clusters' rather than 'of', 'for')."""
    choices: list[set[str]] = []
    for token in pattern:
        if token.get("OP") in ("?", "*") or str(token.get("OP", "")).startswith("{0"):
            continue
        for key in ("LOWER", "TEXT"):
            value = token.get(key)
            if isinstance(value, str) and value.isalpha():
                choices.append({value.lower()})
            elif isinstance(value, Mapping) and "IN" in value:
                words = {str(v).lower() for v in value["IN"]}
                if all(w.isalpha() for w in words):
                    choices.append(words)
    if not choices:
        return {""}  # no telling word: every sentence goes to the matcher
    return min(choices, key=lambda words: (len(words & common), len(words)))


_BREAKS = frozenset({".", ",", ";", ":", "!", "?", "and", "or"})


def _list_count(doc: Doc | Span, head: int, count_words: Mapping[str, int], amount_words: frozenset[str]) -> int | None:
    """The count before a list's head word, at most six tokens back: 'three' in 'the three
    leading industries:', 'two' in 'two 2 trillion yuan industrial clusters for'."""
    for index in range(head - 1, max(head - 7, -1), -1):
        token = doc[index]
        if token.lower_ in _BREAKS:
            return None
        following = doc[index + 1].lower_
        # "2 trillion yuan" is an amount, not a count; "three trillion-yuan industries" counts three tiers
        hyphen_tier = index + 2 < len(doc) and doc[index + 2].text == "-"
        if following == "-" and index + 2 < len(doc) and doc[index + 2].lower_ in amount_words:
            continue  # "five 100-billion industries": "100-billion" is a tier, "five" counts
        if token.like_num and token.lower_ not in amount_words and (following not in amount_words or hyphen_tier):
            if token.text.isdigit():
                return int(token.text)
            return count_words.get(token.lower_)
    return None
