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

from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from .cluster_rules import ClusterLexicons, Trigger, scan_clusters
from .mention import Label
from .numeric_rules import scan_numeric
from .org_rules import OrgLexicons, scan_orgs
from .patterns import load_patterns
from .sentences import split_sentences
from .spans import Candidate

Doc.set_extension("press_sentences", default=None, force=True)
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
        doc._.press_sentences = split_sentences(doc.text)
        return doc


@Language.factory("press_numeric_v1", default_config={"patterns_dir": ""})
def make_numeric(nlp: Language, name: str, patterns_dir: str) -> "NumericRules":
    return NumericRules(Path(patterns_dir))


class NumericRules:
    def __init__(self, patterns_dir: Path) -> None:
        self.patterns = load_patterns(patterns_dir)

    def __call__(self, doc: Doc) -> Doc:
        _candidates(doc).extend(scan_numeric(doc.text, self.patterns))
        return doc


@Language.factory("press_orgs_v1", default_config={"patterns_dir": "", "model_name": ""})
def make_orgs(nlp: Language, name: str, patterns_dir: str, model_name: str) -> "OrgRules":
    return OrgRules(Path(patterns_dir), model_name)


class OrgRules:
    def __init__(self, patterns_dir: Path, model_name: str) -> None:
        self.lexicons = OrgLexicons.from_patterns(load_patterns(patterns_dir))
        self.model_name = model_name

    def __call__(self, doc: Doc) -> Doc:
        entities = [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]
        _candidates(doc).extend(scan_orgs(doc.text, doc._.press_sentences or [], entities, self.lexicons, self.model_name))
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
        for item in patterns.token_patterns:
            # Copies: the Matcher must never hold (or change) the loaded pattern objects.
            self.matcher.add(item.id, [[dict(token) for token in item.pattern]])
            self.kinds[item.id] = (item.kind, "fields" in item.id)

    def __call__(self, doc: Doc) -> Doc:
        candidates = _candidates(doc)
        blockers = [(c.start, c.end) for c in candidates if c.label in (Label.MONEY, Label.PERCENT, Label.DATE)]
        triggers = self._triggers(doc)
        candidates.extend(scan_clusters(doc.text, doc._.press_sentences or [], triggers, blockers, self.lexicons))
        return doc

    def _triggers(self, doc: Doc) -> list[Trigger]:
        """One trigger per list: of overlapping matches, the one reaching furthest, then the longest."""
        kept: list[Trigger] = []
        for match_id, start, end in sorted(self.matcher(doc), key=lambda m: (-m[2], m[1])):
            if any(doc[start].idx < t.end and t.start < doc[end - 1].idx + len(doc[end - 1]) for t in kept):
                continue
            rule = doc.vocab.strings[match_id]
            kind, fields = self.kinds[rule]
            count = None
            if kind == "complete":
                count = _list_count(doc[start:end])
                if count is None:
                    continue  # "industries of ..." without a count is no list
            kept.append(Trigger(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), rule, kind, count, fields))
        return sorted(kept, key=lambda t: t.start)


_COUNT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "eleven": 11, "twelve": 12}


def _list_count(tokens: Span) -> int | None:
    """The count that opens a counted list: 'two' in 'two 2 trillion yuan industrial clusters for'."""
    for token in tokens:
        following = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
        if token.like_num and following not in _SCALE_WORDS:
            if token.text.isdigit():
                return int(token.text)
            return _COUNT_WORDS.get(token.lower_)
    return None
