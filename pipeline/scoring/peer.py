"""Scores on the peer suites (Recognizers-Text and Duckling cases in neutral JSONL).

Each case is one text with a reference date; each suite annotates one label. Matching is
lenient (overlap, one to one) because the suites keep their own span conventions; values
must agree: MONEY within 0.1 % and the same currency (unless the suite gives none),
PERCENT within 0.1 %, DATE the same first and last day.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..analyse.extractor import Extractor
from .evaluate import TOLERANCE, Span, match_lenient


@dataclass(frozen=True)
class PeerCase:
    id: str
    text: str
    reference_date: date | None
    expected: tuple[dict[str, Any], ...]


def suite_label(path: Path) -> str:
    name = path.name.lower()
    if "percent" in name:
        return "PERCENT"
    if "date" in name:
        return "DATE"
    return "MONEY"


def load_cases(path: Path) -> list[PeerCase]:
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            reference = record.get("reference_date")
            cases.append(PeerCase(record["id"], record["text"], date.fromisoformat(reference) if reference else None, tuple(record["expected"])))
    return cases


def _value_ok(label: str, gold: dict[str, Any], pred: Span) -> bool:
    if label == "DATE":
        return (gold.get("date_start"), gold.get("date_end")) == (pred.date_start, pred.date_end)
    if pred.value is None or gold.get("value") is None:
        return False
    expected = Decimal(str(gold["value"]))
    if label == "MONEY" and gold.get("currency") and gold["currency"] != pred.unit:
        return False
    return abs(pred.value - expected) <= TOLERANCE * abs(expected) if expected else pred.value == 0


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def score_suite(extractor: Extractor, path: Path) -> dict[str, Any]:
    label = suite_label(path)
    totals = {"cases": 0, "negatives": 0, "negatives_with_predictions": 0, "gold": 0, "pred": 0, "matched": 0, "value_correct": 0}
    misses: list[dict[str, Any]] = []
    for case in load_cases(path):
        extraction = extractor.extract_text(case.text, doc_id=case.id, doc_date=case.reference_date)
        predicted = [Span(m.label.value, m.start, m.end, m.value, m.unit, _iso(m.date_start), _iso(m.date_end)) for m in extraction.mentions if m.label.value == label]
        gold = [Span(label, e["start"], e["end"]) for e in case.expected]
        pairs = match_lenient(gold, predicted)
        correct = [gi for gi, pi in pairs if _value_ok(label, case.expected[gi], predicted[pi])]
        totals["cases"] += 1
        totals["gold"] += len(gold)
        totals["pred"] += len(predicted)
        totals["matched"] += len(pairs)
        totals["value_correct"] += len(correct)
        if not case.expected:
            totals["negatives"] += 1
            totals["negatives_with_predictions"] += bool(predicted)
        if len(pairs) < len(gold) or len(correct) < len(pairs) or (not gold and predicted):
            misses.append(
                {
                    "id": case.id,
                    "text": case.text,
                    "expected": [(e["text"], e.get("value"), e.get("currency"), e.get("date_start"), e.get("date_end")) for e in case.expected],
                    "predicted": [(case.text[p.start : p.end], str(p.value) if p.value is not None else None, p.unit, p.date_start, p.date_end) for p in predicted],
                }
            )
    precision = totals["matched"] / totals["pred"] if totals["pred"] else 0.0
    recall = totals["matched"] / totals["gold"] if totals["gold"] else 0.0
    return {
        "file": path.name,
        "label": label,
        **totals,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
        "value_accuracy": round(totals["value_correct"] / totals["matched"], 4) if totals["matched"] else None,
        "misses": misses,
    }


def suite_files(directory: Path) -> list[Path]:
    return sorted(p for p in Path(directory).glob("*.jsonl") if p.is_file())
