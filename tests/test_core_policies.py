"""Unit tests of the policies every document goes through: interval sets, the overlap
policy, offset maps, the sentence index, acronym initials, qualifiers, and the filters on the
model's entities (on a blank pipeline with hand-made entities, no model needed)."""

from __future__ import annotations

import pytest
import spacy

from pipeline.core.candidate import Candidate, IntervalSet, Resolved
from pipeline.core.mention import Label
from pipeline.patterns.loader import PatternSet
from pipeline.resolve.overlaps import resolve_overlaps
from pipeline.resolve.relations import Qualifiers
from pipeline.rules.orgs import OrgLexicons, initials_fit
from pipeline.text.offsets import OffsetMap
from pipeline.text.sentences import SentenceIndex, split_sentences


def test_an_interval_set_answers_overlaps_and_merges_what_it_is_given() -> None:
    spans = IntervalSet([(10, 20), (30, 40)])
    assert spans.overlaps(15, 16) and spans.overlaps(5, 11) and spans.overlaps(39, 50)
    assert not spans.overlaps(20, 30) and not spans.overlaps(0, 10) and not spans.overlaps(40, 41)  # touching is not overlapping
    spans.add(18, 32)  # bridges both
    assert (spans.starts, spans.ends) == ([10], [40])


def _resolved(label: Label, start: int, end: int, source: str = "rule", rule: str = "r") -> Resolved:
    return Resolved(Candidate(label, start, end, rule, source=source))


def test_the_overlap_policy_keeps_rules_before_the_model_then_the_longest_then_the_label_rank() -> None:
    model_longer = _resolved(Label.ORG, 0, 30, source="model")
    rule_inside = _resolved(Label.CLUSTER, 5, 15)
    assert [r.candidate for r in resolve_overlaps([model_longer, rule_inside])] == [rule_inside.candidate]
    short, long = _resolved(Label.DATE, 0, 4), _resolved(Label.MONEY, 0, 15)
    assert [r.label for r in resolve_overlaps([short, long])] == [Label.MONEY]
    tie = [_resolved(Label.CLUSTER, 0, 10), _resolved(Label.ORG, 0, 10)]
    assert [r.label for r in resolve_overlaps(tie)] == [Label.ORG]  # rank 3 before 4
    apart = [_resolved(Label.DATE, 20, 24), _resolved(Label.PERCENT, 0, 3)]
    assert [r.start for r in resolve_overlaps(apart)] == [0, 20]  # document order


def test_an_offset_map_maps_copied_text_per_character_and_replaced_text_as_a_whole() -> None:
    mapping = OffsetMap()
    mapping.add(0, 4, 10, 14)  # "GDP " copied
    mapping.add(4, 5, 14, 19)  # "&amp;" -> "&"
    mapping.add(5, 6, 19, 19)  # a line break added for a block: no source characters
    mapping.add(6, 10, 19, 23)
    assert mapping.to_source(0, 3) == (10, 13)
    assert mapping.to_source(4, 5) == (14, 19)
    assert mapping.to_source(2, 8) == (12, 21)
    assert len(mapping.out) == 4  # only side-by-side copies merge


def test_the_sentence_index_finds_the_sentence_around_a_span(patterns: PatternSet) -> None:
    text = "Output rose 5 percent. Prof. Li Wei of Shaanxi Univ. said so.\nNext line"
    spans = split_sentences(text, patterns.word_set("sentence.abbreviation"))
    assert [text[s:e] for s, e in spans] == ["Output rose 5 percent.", "Prof. Li Wei of Shaanxi Univ. said so.", "Next line"]
    index = SentenceIndex(spans)
    start = text.index("Li Wei")
    assert index.around(start, start + 6) == spans[1]
    across = text.index("percent")
    assert index.around(across, start) == (0, spans[1][1])  # a span across a boundary gets both


@pytest.mark.parametrize(
    ("acronym", "name", "fits"),
    [
        ("CAICT", "China Academy of Information and Communications Technology", True),
        ("CATL", "Contemporary Amperex Technology Co., Limited", True),
        ("NDRC", "National Development and Reform Commission", True),
        ("NEVs", "New Energy Vehicles", True),  # a plural acronym
        ("CATL", "China Academy of Technology", False),
        ("CQ", "Chongqing", False),
        ("ABC", "Agricultural Bank of China", True),
    ],
)
def test_acronym_initials(acronym: str, name: str, fits: bool, patterns: PatternSet) -> None:
    assert initials_fit(acronym, name, OrgLexicons.from_patterns(patterns).initials_skip) is fits


@pytest.mark.parametrize(
    ("before", "after", "qualifier"),
    [("output of about ", "", "approx"), ("exceeded ", "", "over"), ("revenue of ", " or more", "at_least"), ("reached ", "", "")],
)
def test_amount_qualifiers_come_from_the_words_around(before: str, after: str, qualifier: str, patterns: PatternSet) -> None:
    assert Qualifiers.from_patterns(patterns).amount(before, after) == qualifier


@pytest.mark.parametrize(("before", "qualifier"), [("to be completed by ", "by"), ("no later than the ", "by"), ("in ", "")])
def test_date_qualifiers_come_from_the_words_before(before: str, qualifier: str, patterns: PatternSet) -> None:
    assert Qualifiers.from_patterns(patterns).date(before) == qualifier


@pytest.fixture(scope="module")
def hand_made() -> spacy.language.Language:
    """The rule components on a blank pipeline, the ORG rules told a model ran."""
    nlp = spacy.blank("en")
    nlp.add_pipe("press_sentences_v1")
    nlp.add_pipe("press_numeric_v1")
    nlp.add_pipe("press_orgs_v1", config={"model_name": "hand-made"})
    return nlp


def _model_orgs(nlp: spacy.language.Language, text: str, entities: list[tuple[str, str]]) -> list[str]:
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name == "press_orgs_v1":
            doc._.press_entities = [(text.index(span), text.index(span) + len(span), label) for span, label in entities]
        doc = component(doc)
    return [text[c.start : c.end] for c in doc._.press_candidates if c.source == "model"]


@pytest.mark.parametrize(
    ("text", "entities", "kept"),
    [
        ("Li Wei, the CTO of SERES Group, said sales rose.", [("the CTO of SERES Group", "ORG")], ["SERES Group"]),  # title trimmed
        ("Huawei's new plant opened in Chongqing.", [("Huawei's", "ORG")], ["Huawei"]),  # possessive trimmed
        ("Media contact:\nBright Star Holdings Investor Relations\n", [("Media contact", "ORG")], []),  # a line label
        (
            "Chongqing Boosts Smart Car Industry With New Fund\nThe fund was set up by Anhui Jianghuai Automobile.",
            [("Chongqing Boosts Smart Car Industry", "ORG"), ("Anhui Jianghuai Automobile", "ORG")],
            ["Anhui Jianghuai Automobile"],  # a headline's capitals carry no signal
        ),
        ("Fan explained that Li Fan had joined Bytedance.", [("Fan", "ORG"), ("Li Fan", "PERSON"), ("Bytedance", "ORG")], ["Bytedance"]),  # a person's name
        ("Provincial SMEs in the sector received tax cuts from Ping An Bank.", [("SMEs", "ORG"), ("Ping An Bank", "ORG")], ["Ping An Bank"]),  # a class of firms
        ("The News said the Reform would help exporters.", [("News", "ORG"), ("Reform", "ORG")], []),  # lone generic words
    ],
)
def test_the_models_organizations_pass_the_domain_filters(hand_made: spacy.language.Language, text: str, entities: list[tuple[str, str]], kept: list[str]) -> None:
    assert _model_orgs(hand_made, text, entities) == kept
