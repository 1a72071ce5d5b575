"""The label registry: for each label, where its candidates come from, which normalizer reads
them, how it ranks in an overlap, which Mention fields it fills and how the scorer checks its
values. Adding a label starts here (README, "Where a change goes")."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from .mention import Label


@dataclass(frozen=True)
class LabelSpec:
    label: Label
    recognizers: tuple[str, ...]  # pattern files and pipeline components that propose its spans
    normalizer: str  # the reading in normalize/ (Normalizers): "money", "percent", "date", "name", "quantity"
    overlap_rank: int  # at equal length and source, the lower rank keeps its span
    fields: tuple[str, ...]  # the Mention fields it fills beyond its span, sentence and rule
    value_check: str  # how the scorer checks a matched value: "amount", "interval" or "" (none)
    scored: bool = True


_SPECS = (
    LabelSpec(Label.MONEY, ("money.jsonl", "press_numeric_v1"), "money", 0, ("value", "value_high", "unit", "qualifier", "each", "inferred"), "amount"),
    LabelSpec(Label.PERCENT, ("percent.jsonl", "press_numeric_v1"), "percent", 1, ("value", "value_high", "unit", "qualifier", "each"), "amount"),
    LabelSpec(Label.DATE, ("dates.jsonl", "press_numeric_v1"), "date", 2, ("qualifier", "date_start", "date_end", "granularity"), "interval"),
    LabelSpec(Label.ORG, ("lexicons/org_names.tsv", "press_orgs_v1", "ner"), "name", 3, ("canonical",), ""),
    LabelSpec(Label.CLUSTER, ("lexicons/clusters.tsv", "cluster_patterns.jsonl", "press_clusters_v1"), "name", 4, ("canonical",), ""),
    LabelSpec(Label.QUANTITY, ("quantulum3",), "quantity", 5, ("value", "value_high", "unit"), "", scored=False),
)

LABELS: Mapping[Label, LabelSpec] = MappingProxyType({spec.label: spec for spec in _SPECS})
SCORED_LABELS: tuple[Label, ...] = tuple(spec.label for spec in _SPECS if spec.scored)


def spec(label: Label) -> LabelSpec:
    return LABELS[label]
