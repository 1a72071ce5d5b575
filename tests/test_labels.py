"""The label registry is the one place a label's behaviour is declared: every label has an
entry, the overlap ranks are distinct, and each declared field is one the Mention has."""

from __future__ import annotations

import dataclasses

from pipeline.analyse.extractor import Extractor
from pipeline.core.labels import LABELS, SCORED_LABELS
from pipeline.core.mention import Label, Mention
from pipeline.scoring.evaluate import VALUE_LABELS


def test_every_label_has_one_entry() -> None:
    assert set(LABELS) == set(Label)
    assert len({spec.overlap_rank for spec in LABELS.values()}) == len(LABELS)


def test_declared_fields_exist_and_scored_labels_follow_the_contract() -> None:
    names = {f.name for f in dataclasses.fields(Mention)}
    assert all(set(spec.fields) <= names for spec in LABELS.values())
    assert [label.value for label in SCORED_LABELS] == ["MONEY", "PERCENT", "DATE", "ORG", "CLUSTER"]
    assert VALUE_LABELS == ("MONEY", "PERCENT", "DATE")


def test_a_mention_fills_exactly_its_labels_fields(rules: Extractor) -> None:
    text = "Date: 2024-07-15\nIts output rose 5.5 percent to 1.2 billion yuan in 2023, the Hefei Municipal Bureau of Statistics said."
    found = list(rules.extract_text(text, doc_id="t.txt").mentions)
    optional = {"value", "value_high", "unit", "qualifier", "each", "inferred", "date_start", "date_end", "granularity", "canonical"}
    empty = {None, ""}
    assert {m.label for m in found} >= {Label.MONEY, Label.PERCENT, Label.DATE, Label.ORG}
    for mention in found:
        declared = set(LABELS[mention.label].fields)
        assert all(getattr(mention, name) in empty for name in optional - declared), mention
