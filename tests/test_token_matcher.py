"""The token matcher gives spaCy's Matcher's matches, faster: compared on every sentence of
the seeds and the composed releases, and on patterns written to probe each operator."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.errors import MatchPatternError
from spacy.language import Language
from spacy.matcher import Matcher

from pipeline.core.settings import DEFAULT_PATTERNS_DIR
from pipeline.patterns.loader import PatternSet, load_patterns
from pipeline.rules.token_matcher import TokenMatcher
from pipeline.text.sentences import split_sentences

from .conftest import SEEDS
from .test_composed_releases import KNOWN_GAPS, SENTENCES

ABBREVIATIONS = load_patterns(DEFAULT_PATTERNS_DIR).word_set("sentence.abbreviation")

# Patterns that use every operator and predicate the token matcher runs itself, plus one
# (a lexical attribute) that it hands to spaCy's Matcher.
PROBES: dict[str, list[dict[str, Any]]] = {
    "optional_comma": [{"LOWER": {"IN": ["industries", "sectors"]}}, {"TEXT": ",", "OP": "?"}, {"LOWER": "such"}, {"LOWER": "as"}],
    "bounded_gap": [{"LOWER": "industries"}, {"TEXT": {"NOT_IN": [".", ";"]}, "OP": "{1,3}"}, {"TEXT": ","}],
    "open_gap": [{"LOWER": "fields"}, {"TEXT": {"NOT_IN": ["."]}, "OP": "*"}, {"LOWER": "as"}],
    "one_or_more": [{"LOWER": "new", "OP": "+"}, {"LOWER": "energy"}],
    "at_least": [{"TEXT": {"NOT_IN": [","]}, "OP": "{2,}"}, {"LOWER": "clusters"}],
    "at_most": [{"LOWER": "the", "OP": "{,1}"}, {"LOWER": {"IN": ["four", "five"]}}, {"LOWER": "pillar"}],
    "exactly": [{"ORTH": {"NOT_IN": ["the"]}, "OP": "{2}"}, {"LOWER": "advantages"}],
    "not_first": [{"LOWER": {"NOT_IN": ["policy", "cost"]}}, {"LOWER": {"IN": ["advantage", "advantages"]}}, {"LOWER": "in"}],
    "trailing_optional": [{"LOWER": "fields"}, {"LOWER": {"IN": ["such", "like"]}}, {"LOWER": "as", "OP": "?"}],
    "digits": [{"IS_DIGIT": True}, {"LOWER": {"IN": ["industries", "clusters"]}}],
}

EXTRA = [
    "The city has four pillar industries, such as cars, chips and new materials.",
    "Its industries with strong local roots, such as ceramics and tea, grew fastest.",
    "New new energy fields like hydrogen and fields such as storage were named.",
    "Hefei built 12 industries and 3 clusters for such fields as AI; the five pillar sectors including steel.",
    "The zone has cost advantages in land and talent advantages in research, and strong advantages in logistics.",
    "",
    "industries",
]


def _sentences() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    texts += [sentence for _, sentence, _ in SENTENCES + KNOWN_GAPS] + EXTRA
    return [text[start:end] for text in texts for start, end in split_sentences(text, ABBREVIATIONS)] + EXTRA


@pytest.fixture(scope="module")
def matchers(patterns: PatternSet) -> tuple[Language, TokenMatcher, Matcher]:
    nlp = spacy.blank("en")
    ours, theirs = TokenMatcher(nlp.vocab), Matcher(nlp.vocab)
    for key, pattern in [(item.id, item.pattern) for item in patterns.token_patterns] + list(PROBES.items()):
        ours.add(key, pattern)
        theirs.add(key, [[dict(token) for token in pattern]])
    return nlp, ours, theirs


def test_the_same_matches_as_spacys_matcher(matchers: Any) -> None:
    nlp, ours, theirs = matchers
    sentences = _sentences()
    assert len(sentences) > 150
    hits = 0
    for sentence in sentences:
        tokens = nlp.tokenizer(sentence)
        expected = {(nlp.vocab.strings[match_id], start, end) for match_id, start, end in theirs(tokens)}
        found = ours(tokens)
        assert set(found) == expected, sentence
        assert len(found) == len(expected)  # each match once
        hits += len(found)
    assert hits > 50


def test_matches_are_ordered_by_start_then_pattern_then_end(matchers: Any) -> None:
    nlp, ours, _ = matchers
    found = ours(nlp.tokenizer("Its industries, such as ceramics, and new new energy fields like tea."))
    assert found == sorted(found, key=lambda m: (m[1], ours.order[m[0]], m[2]))
    assert ("optional_comma", 1, 5) in found and ("one_or_more", 8, 11) in found and ("one_or_more", 9, 11) in found


def test_a_span_of_a_longer_doc_gives_offsets_within_the_span(matchers: Any) -> None:
    """With the model, the matcher sees a sentence as a Span of the tokenized document."""
    nlp, ours, theirs = matchers
    doc = nlp.tokenizer("GDP grew. The city has four pillar industries, such as cars and chips.")
    span = doc[3:]
    assert ours(span) == ours(nlp.tokenizer(span.text))
    assert set(ours(span)) == {(nlp.vocab.strings[m], s, e) for m, s, e in theirs(span)} != set()


def test_only_what_it_cannot_run_goes_to_spacys_matcher(matchers: Any) -> None:
    _, ours, _ = matchers
    assert ours.fallback_keys == {"digits"}


def test_an_invalid_pattern_is_refused() -> None:
    ours = TokenMatcher(spacy.blank("en").vocab)
    with pytest.raises(MatchPatternError):
        ours.add("bad", [{"LOWER": "a", "OP": "sometimes"}])
