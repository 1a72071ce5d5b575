"""The model gate (analyse/model_gate.py): the NER reads only sentences with a capitalized
name the rules cannot decide, and what it finds there is what it finds reading everything."""

from typing import Any

import pytest

from pipeline.analyse.extractor import Extractor
from pipeline.analyse.model_gate import ModelGate, gated_pieces
from pipeline.core.settings import DEFAULT_PATTERNS_DIR, Settings
from pipeline.patterns.loader import load_patterns
from pipeline.rules.orgs import OrgLexicons

from .conftest import run

LEX = OrgLexicons.from_patterns(load_patterns(DEFAULT_PATTERNS_DIR))
GATE = ModelGate(LEX, LEX.calendar_words)

DECIDED = [
    ("places-and-figures", "Chongqing's GDP grew 5.2 percent to 3.1 trillion yuan in 2023."),
    ("gazetteer-name", "Last year Huawei opened a research center in Xi'an."),
    ("headed-name", "The Wuhan Municipal Bureau of Statistics released the data on Monday."),
    ("zone", "The Liangjiang New Area and the Chongqing Pilot Free Trade Zone grew fastest."),
    ("event", "The 2024 Smart China Expo opened in August."),
    ("opening-word", "Exports rose, officials said."),
    ("codes", "In Q1, R&D spending and COVID-19 recovery funds rose."),
    ("place-phrases", "Visitors from Hong Kong and Macao and from Inner Mongolia rose, the survey showed."),
    ("hyphened-places", "The Guangdong-Hong Kong-Macao area grew fast."),
    ("abbreviated-place", "Exports to the U.S. fell, while those to Europe rose."),
    ("person", "The plan was presented by Deputy Director Wang Jun on Monday."),
    ("units-and-codes", "The plant makes 20 GWh of cells a year, paid in RMB."),
    ("known-non-organization-phrase", "The slogan of the New Era was on every wall."),
]
UNDECIDED = [
    ("company-without-head", "Hexin Microelectronics opened a design center in Fuzhou."),
    ("counted-gazetteer-name", "The county has 854 XPENG charging stations."),
    ("unknown-run", "Officials from Sunlord and Goodix attended."),
    ("place-and-unknown-word", "Hong Kong Lianfa opened an office in Macao."),
    ("three-names", "A delegation of Wang Jun Lianfa arrived."),
]


@pytest.mark.parametrize("sentence", [r[1] for r in DECIDED], ids=[r[0] for r in DECIDED])
def test_sentences_the_rules_decide_skip_the_model(sentence: Any) -> None:
    assert not GATE.needs_model(sentence)


@pytest.mark.parametrize("sentence", [r[1] for r in UNDECIDED], ids=[r[0] for r in UNDECIDED])
def test_sentences_with_undecided_names_go_to_the_model(sentence: Any) -> None:
    assert GATE.needs_model(sentence)


def test_pieces_join_neighbouring_sentences_and_respect_the_size() -> None:
    text = "Hexin Tech grew. Lianyun Tech grew. Exports rose. Tiancheng Tech grew."
    sentences = [(0, 16), (17, 35), (36, 49), (50, 70)]
    assert list(gated_pieces(text, sentences, GATE, 100)) == [(0, 35), (50, 70)]
    assert list(gated_pieces(text, sentences, GATE, 20)) == [(0, 16), (17, 35), (50, 70)]


def test_the_model_reads_each_undecided_name_with_its_context_words() -> None:
    text = "Our city signed deals with many partners from all over the world last year, and Sunlord opened a plant here in the old industrial district of the county."
    (piece,) = gated_pieces(text, [(0, len(text))], GATE, 5_000, context=3)
    assert text[slice(*piece)] == "last year, and Sunlord opened a plant"
    whole = list(gated_pieces(text, [(0, len(text))], GATE, 5_000, context=0))
    assert whole == [(0, len(text))]


def test_close_names_share_one_window_and_windows_stay_in_their_sentence() -> None:
    parts = ["Partners such as Sunlord and the firms of Goodix grew.", "Nothing here needs the model at all today.", "Then Wingtech grew."]
    text = " ".join(parts)
    sentences = [(text.index(p), text.index(p) + len(p)) for p in parts]
    pieces = [text[s:e] for s, e in gated_pieces(text, sentences, GATE, 5_000, context=2)]
    assert pieces == ["such as Sunlord and the firms of Goodix grew.", "Then Wingtech grew."]


def test_windows_at_sentence_edges_join_across_the_break() -> None:
    text = "It was built by Sunlord. Then Goodix grew it."
    sentences = [(0, 24), (25, 45)]
    assert [text[s:e] for s, e in gated_pieces(text, sentences, GATE, 5_000, context=2)] == ["built by Sunlord. Then Goodix grew it."]


@pytest.mark.model
def test_a_surname_alone_is_no_organization_when_the_rules_know_the_person(model: Extractor) -> None:
    text = "Vice Mayor Fan Lixin spoke at the forum in Wuhan on Monday. Fan said the city would open more."
    assert [m.text for m in run(model, text) if m.label.value == "ORG" and m.text == "Fan"] == []


@pytest.mark.model
def test_the_gated_model_finds_what_the_whole_text_gives(model: Extractor) -> None:
    text = (
        "CHENGDU, March 3, 2024 -- Chengdu's GDP grew 6 percent to 2.2 trillion yuan last year. "
        "Suppliers such as Wingtech and Sunlord Electronic opened plants in the Chengdu Hi-tech Zone. "
        "Rockchip Electronics will build a design center there, the Chengdu Municipal Bureau of Commerce said."
    )
    ungated = Extractor(Settings(gate_model=False))
    orgs = [(m.text, m.start) for m in run(model, text) if m.label.value == "ORG"]
    assert orgs == [(m.text, m.start) for m in run(ungated, text) if m.label.value == "ORG"]
    assert ("Rockchip Electronics", text.index("Rockchip")) in orgs
