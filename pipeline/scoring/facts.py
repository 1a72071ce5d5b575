"""Scoring facts against gold (FACTS.md, "Scoring"): coverage (a gold fact is found when a
predicted fact's value span overlaps it, one to one), then over found facts the share with each
field right, then the share with all five right."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.fact import FACT_FIELDS

FIELDS = FACT_FIELDS


@dataclass(frozen=True)
class FactRow:
    doc_id: str
    value_start: int
    value_end: int
    value_text: str
    kind: str
    measure: str
    indicator_start: int | None
    indicator_end: int | None
    indicator: str
    subject: str
    period_start: str
    period_end: str


def _int(value: Any) -> int | None:
    return None if value in (None, "") else int(value)


def load_gold(path: Path) -> dict[str, list[FactRow]]:
    found: dict[str, list[FactRow]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            found[record["doc_id"]] = [
                FactRow(
                    record["doc_id"],
                    int(f["value_start"]),
                    int(f["value_end"]),
                    f.get("value_text") or "",
                    f.get("kind") or "",
                    f.get("measure") or "",
                    _int(f.get("indicator_start")),
                    _int(f.get("indicator_end")),
                    f.get("indicator") or "",
                    f.get("subject") or "",
                    f.get("period_start") or "",
                    f.get("period_end") or "",
                )
                for f in record["facts"]
            ]
        except (ValueError, KeyError, TypeError) as error:
            raise ValueError(f"{path}:{number}: not a facts gold line ({error})") from None
    return found


def load_predictions(path: Path) -> dict[str, list[FactRow]]:
    found: dict[str, list[FactRow]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            found.setdefault(row["doc_id"], []).append(
                FactRow(
                    row["doc_id"],
                    int(row["value_start"]),
                    int(row["value_end"]),
                    row.get("value_text", ""),
                    row["kind"],
                    row["measure"],
                    _int(row["indicator_start"]),
                    _int(row["indicator_end"]),
                    row["indicator"],
                    row["subject"],
                    row["period_start"],
                    row["period_end"],
                )
            )
    return found


def _overlap(a_start: int | None, a_end: int | None, b_start: int | None, b_end: int | None) -> bool:
    return a_start is not None and b_start is not None and a_end is not None and b_end is not None and a_start < b_end and b_start < a_end


def normalize_subject(name: str) -> str:
    text = re.sub(r"[\s\u00a0]+", " ", name.lower().replace("’", "'")).strip(" .,;:\"'")
    return re.sub(r"^the\s+", "", text)


def field_right(name: str, gold: FactRow, pred: FactRow) -> bool:
    if name in ("kind", "measure"):
        return bool(getattr(gold, name) == getattr(pred, name))
    if name == "period":
        return (gold.period_start, gold.period_end) == (pred.period_start, pred.period_end)
    if name == "indicator":
        if gold.indicator_start is None and pred.indicator_start is None:
            return True
        return _overlap(gold.indicator_start, gold.indicator_end, pred.indicator_start, pred.indicator_end)
    g, p = normalize_subject(gold.subject), normalize_subject(pred.subject)
    if not g or not p:
        return g == p
    return g == p or g in p or p in g


def match(gold: Sequence[FactRow], pred: Sequence[FactRow]) -> list[tuple[FactRow, FactRow]]:
    """One to one by overlapping value spans: an exact span first, then the first overlap."""
    pairs: list[tuple[FactRow, FactRow]] = []
    used: set[int] = set()
    for exact in (True, False):
        for g in gold:
            if any(g is pair[0] for pair in pairs):
                continue
            for k, p in enumerate(pred):
                if k in used:
                    continue
                if (p.value_start, p.value_end) == (g.value_start, g.value_end) if exact else _overlap(g.value_start, g.value_end, p.value_start, p.value_end):
                    pairs.append((g, p))
                    used.add(k)
                    break
    return pairs


def evaluate(gold: Mapping[str, Sequence[FactRow]], pred: Mapping[str, Sequence[FactRow]]) -> dict[str, Any]:
    """Scores over the documents of `gold` (predictions for other documents are ignored)."""
    n_gold = sum(len(v) for v in gold.values())
    n_pred = sum(len(pred.get(doc, ())) for doc in gold)
    pairs = [pair for doc in gold for pair in match(gold[doc], pred.get(doc, ()))]
    found = len(pairs)
    precision = found / n_pred if n_pred else 0.0
    recall = found / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    right = {name: sum(field_right(name, g, p) for g, p in pairs) for name in FIELDS}
    all_five = sum(all(field_right(name, g, p) for name in FIELDS) for g, p in pairs)
    return {
        "coverage": {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3), "gold": n_gold, "predicted": n_pred, "found": found},
        "fields": {name: round(right[name] / found, 3) if found else 0.0 for name in FIELDS},
        "all_five": round(all_five / found, 3) if found else 0.0,
    }


def format_report(report: Mapping[str, Any]) -> str:
    coverage = report["coverage"]
    lines = [
        f"facts: {coverage['gold']} gold, {coverage['predicted']} predicted, {coverage['found']} found",
        f"coverage  P {coverage['precision']:.3f}  R {coverage['recall']:.3f}  F1 {coverage['f1']:.3f}",
    ]
    lines += [f"{name:<10}{report['fields'][name]:.3f}" for name in FIELDS]
    lines.append(f"{'all five':<10}{report['all_five']:.3f}")
    return "\n".join(lines)


def format_errors(gold: Mapping[str, Sequence[FactRow]], pred: Mapping[str, Sequence[FactRow]], fields: Sequence[str] = FIELDS) -> str:
    """One line per wrong field of a found fact, and per missed or spurious fact."""
    lines: list[str] = []
    for doc in sorted(gold):
        predicted = pred.get(doc, ())
        pairs = match(gold[doc], predicted)
        matched_pred = {id(p) for _, p in pairs}
        matched_gold = {id(g) for g, _ in pairs}
        for g in gold[doc]:
            if id(g) not in matched_gold:
                lines.append(f"{doc}\t{g.value_start}-{g.value_end}\tmissed\t{g.value_text!r}")
        for p in predicted:
            if id(p) not in matched_pred:
                lines.append(f"{doc}\t{p.value_start}-{p.value_end}\tspurious\t{p.value_text!r}")
        for g, p in pairs:
            for name in fields:
                if not field_right(name, g, p):
                    lines.append(f"{doc}\t{g.value_start}-{g.value_end}\t{name}\t{g.value_text!r}\tgold={_show(name, g)!r}\tpred={_show(name, p)!r}")
    return "\n".join(lines)


def _show(name: str, row: FactRow) -> str:
    if name == "period":
        return f"{row.period_start}..{row.period_end}" if row.period_start else ""
    return str(getattr(row, name))
