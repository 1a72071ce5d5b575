"""The scorer of ANNOTATION.md ("Scoring"): strict and lenient P/R/F1 per label and
micro-averaged over the five labels, and value accuracy over lenient matches.

- strict: same label, same start and end;
- lenient: same label, overlapping spans, matched one to one (a maximum matching that
  takes exact matches first, then larger overlaps);
- value: MONEY and PERCENT need the same unit and a value within 0.1 %; DATE needs the
  same date_start and date_end.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ..core.errors import GoldError
from ..core.labels import LABELS as REGISTRY
from ..core.labels import SCORED_LABELS
from ..core.mention import CSV_COLUMNS, Label
from ..outputs.cells import unguard_cell

LABELS = tuple(label.value for label in SCORED_LABELS)
VALUE_LABELS = tuple(label.value for label in SCORED_LABELS if REGISTRY[label].value_check)
TOLERANCE = Decimal("0.001")


@dataclass(frozen=True)
class Span:
    label: str
    start: int
    end: int
    value: Decimal | None = None
    unit: str = ""
    date_start: str = ""
    date_end: str = ""
    text: str = ""  # as written (for the errors view; not compared)


def load_gold(path: Path) -> dict[str, list[Span]]:
    documents: dict[str, list[Span]] = {}
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GoldError(f"cannot read gold file {path}: {exc.strerror}") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            spans = [
                Span(m["label"], int(m["start"]), int(m["end"]), _decimal(m.get("value")), m.get("unit", "") or "", m.get("date_start", "") or "", m.get("date_end", "") or "", m.get("text", "") or "")
                for m in record["mentions"]
            ]
            documents[record["doc_id"]] = spans
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise GoldError(f"{path}:{number}: not a gold record ({exc})") from None
    return documents


def load_predictions(path: Path) -> dict[str, list[Span]]:
    """A mentions.csv (the csv module: the scorer starts without pandas)."""
    documents: dict[str, list[Span]] = {}
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in CSV_COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise GoldError(f"{path}: missing columns {missing}")
            for number, row in enumerate(reader, start=2):
                try:
                    span = Span(row["label"], int(row["start"]), int(row["end"]), _decimal(row["value"]), row["unit"], row["date_start"], row["date_end"], unguard_cell(row["text"]))
                except (TypeError, ValueError) as exc:
                    raise GoldError(f"{path}:{number}: not a mentions.csv row ({exc})") from None
                documents.setdefault(unguard_cell(row["doc_id"]), []).append(span)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise GoldError(f"cannot read predictions {path}: {exc}") from None
    return documents


def _decimal(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def match_lenient(gold: Sequence[Span], pred: Sequence[Span]) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of overlapping spans (same label), exact matches first."""
    pairs: list[tuple[int, int]] = []
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi not in used_pred and gi not in used_gold and (g.label, g.start, g.end) == (p.label, p.start, p.end):
                pairs.append((gi, pi))
                used_gold.add(gi)
                used_pred.add(pi)
    edges: dict[int, list[int]] = {}
    for gi, g in enumerate(gold):
        if gi in used_gold:
            continue
        options = [pi for pi, p in enumerate(pred) if pi not in used_pred and p.label == g.label and p.start < g.end and g.start < p.end]
        options.sort(key=lambda pi: -(min(g.end, pred[pi].end) - max(g.start, pred[pi].start)))
        edges[gi] = options
    owner: dict[int, int] = {}

    def augment(gi: int, seen: set[int]) -> bool:
        for pi in edges.get(gi, []):
            if pi in seen:
                continue
            seen.add(pi)
            if pi not in owner or augment(owner[pi], seen):
                owner[pi] = gi
                return True
        return False

    for gi in sorted(edges):
        augment(gi, set())
    pairs.extend((gi, pi) for pi, gi in owner.items())
    return sorted(pairs)


def value_correct(gold: Span, pred: Span) -> bool:
    check = REGISTRY[Label(gold.label)].value_check
    if check == "amount":
        if gold.unit != pred.unit or gold.value is None or pred.value is None:
            return False
        if gold.value == 0:
            return pred.value == 0
        return abs(pred.value - gold.value) <= TOLERANCE * abs(gold.value)
    if check == "interval":
        return bool(gold.date_start) and (gold.date_start, gold.date_end) == (pred.date_start, pred.date_end)
    return True


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float | int]:
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def evaluate(gold: Mapping[str, Sequence[Span]], pred: Mapping[str, Sequence[Span]]) -> dict[str, Any]:
    """Scores of the predictions for the documents in `gold` (other documents are ignored)."""
    counts = {label: {"gold": 0, "pred": 0, "strict": 0, "lenient": 0, "matched": 0, "correct": 0} for label in LABELS}
    for doc_id, gold_spans in gold.items():
        predicted = [p for p in pred.get(doc_id, []) if p.label in LABELS]
        gold_scored = [g for g in gold_spans if g.label in LABELS]
        for label in LABELS:
            g = [s for s in gold_scored if s.label == label]
            p = [s for s in predicted if s.label == label]
            counts[label]["gold"] += len(g)
            counts[label]["pred"] += len(p)
            exact = {(s.start, s.end) for s in g}
            counts[label]["strict"] += sum(1 for s in {(s.start, s.end) for s in p} if s in exact)
            pairs = match_lenient(g, p)
            counts[label]["lenient"] += len(pairs)
            if label in VALUE_LABELS:
                counts[label]["matched"] += len(pairs)
                counts[label]["correct"] += sum(value_correct(g[gi], p[pi]) for gi, pi in pairs)
    report: dict[str, Any] = {"documents": len(gold), "labels": {}}
    totals = {"gold": 0, "pred": 0, "strict": 0, "lenient": 0, "matched": 0, "correct": 0}
    for label, c in counts.items():
        entry: dict[str, Any] = {
            "gold": c["gold"],
            "pred": c["pred"],
            "strict": _prf(c["strict"], c["pred"], c["gold"]),
            "lenient": _prf(c["lenient"], c["pred"], c["gold"]),
        }
        if label in VALUE_LABELS:
            entry["value_accuracy"] = round(c["correct"] / c["matched"], 4) if c["matched"] else None
            entry["value_matched"] = c["matched"]
            entry["value_correct"] = c["correct"]
        report["labels"][label] = entry
        for key in totals:
            totals[key] += c[key]
    report["micro"] = {
        "gold": totals["gold"],
        "pred": totals["pred"],
        "strict": _prf(totals["strict"], totals["pred"], totals["gold"]),
        "lenient": _prf(totals["lenient"], totals["pred"], totals["gold"]),
    }
    report["value_accuracy"] = {
        "matched": totals["matched"],
        "correct": totals["correct"],
        "accuracy": round(totals["correct"] / totals["matched"], 4) if totals["matched"] else None,
    }
    return report


def format_report(report: Mapping[str, Any]) -> str:
    """The report as a table, one row per label and a micro-average row: columns right-aligned,
    two spaces apart, figures to three decimals."""
    rows = []
    for label, entry in list(report["labels"].items()) + [("micro", report["micro"])]:
        rows.append(
            {
                "label": label,
                "gold": entry["gold"],
                "pred": entry["pred"],
                "strict_P": entry["strict"]["precision"],
                "strict_R": entry["strict"]["recall"],
                "strict_F1": entry["strict"]["f1"],
                "lenient_P": entry["lenient"]["precision"],
                "lenient_R": entry["lenient"]["recall"],
                "lenient_F1": entry["lenient"]["f1"],
                "value_acc": "" if entry.get("value_accuracy") is None else entry["value_accuracy"],
            }
        )
    cells = [list(rows[0])] + [[f"{v:.3f}" if isinstance(v, float) else str(v) for v in row.values()] for row in rows]
    widths = [max(len(line[i]) for line in cells) for i in range(len(cells[0]))]
    table = "\n".join("  ".join(cell.rjust(width) for cell, width in zip(line, widths)) for line in cells)
    value = report["value_accuracy"]
    return f"{table}\nvalue accuracy (MONEY, PERCENT, DATE): {value['accuracy']} ({value['correct']}/{value['matched']})"


def select_documents(gold: Mapping[str, Sequence[Span]], prefixes: Sequence[str]) -> dict[str, Sequence[Span]]:
    """The gold documents whose doc_id starts with one of `prefixes` (all when none)."""
    return {doc_id: spans for doc_id, spans in gold.items() if not prefixes or doc_id.startswith(tuple(prefixes))}


@dataclass(frozen=True)
class ScoringError:
    """One thing a reader of the scores should look at: a gold mention missed, a predicted one
    with no gold mention under it, a match with other boundaries, or a match with a wrong value."""

    doc_id: str
    kind: str  # missed, false, boundary, value
    label: str
    gold: Span | None
    pred: Span | None


ERROR_KINDS = ("missed", "false", "boundary", "value")  # identifiers


def scoring_errors(gold: Mapping[str, Sequence[Span]], pred: Mapping[str, Sequence[Span]], labels: Sequence[str] = LABELS) -> list[ScoringError]:
    """Every error of the predictions for the documents in `gold`, by document, then label, then offset."""
    found: list[ScoringError] = []
    for doc_id in sorted(gold):
        for label in labels:
            g = sorted((s for s in gold[doc_id] if s.label == label), key=lambda s: (s.start, s.end))
            p = sorted((s for s in pred.get(doc_id, []) if s.label == label), key=lambda s: (s.start, s.end))
            pairs = match_lenient(g, p)
            matched_gold, matched_pred = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
            here = [ScoringError(doc_id, "missed", label, g[i], None) for i in range(len(g)) if i not in matched_gold]
            here += [ScoringError(doc_id, "false", label, None, p[i]) for i in range(len(p)) if i not in matched_pred]
            for gi, pi in pairs:
                if (g[gi].start, g[gi].end) != (p[pi].start, p[pi].end):
                    here.append(ScoringError(doc_id, "boundary", label, g[gi], p[pi]))
                elif label in VALUE_LABELS and not value_correct(g[gi], p[pi]):
                    here.append(ScoringError(doc_id, "value", label, g[gi], p[pi]))
            found.extend(sorted(here, key=_error_order))
    return found


def _error_order(error: ScoringError) -> tuple[int, int]:
    span = error.gold or error.pred
    return (span.start if span else 0, ERROR_KINDS.index(error.kind))


def format_errors(errors: Sequence[ScoringError]) -> str:
    """One line per error, grouped under its document: kind, label, offsets, gold and predicted text."""

    def show(span: Span | None) -> str:
        if span is None:
            return "-"
        value = f" = {span.value} {span.unit}".rstrip() if span.value is not None else ""
        dates = f" = {span.date_start}..{span.date_end}" if span.date_start else ""
        return f"[{span.start},{span.end}] {span.text!r}{value}{dates}"

    lines: list[str] = []
    current = None
    for error in errors:
        if error.doc_id != current:
            current = error.doc_id
            lines.append(f"{current}")
        lines.append(f"  {error.kind:8} {error.label:8} gold {show(error.gold)}  pred {show(error.pred)}")
    counts = {kind: sum(e.kind == kind for e in errors) for kind in ERROR_KINDS}
    lines.append("errors: " + ", ".join(f"{n} {kind}" for kind, n in counts.items()))
    return "\n".join(lines)


def by_document(gold: Mapping[str, Sequence[Span]], pred: Mapping[str, Sequence[Span]]) -> str:
    """Lenient micro F1 of each document, worst first: where to look."""
    rows = []
    for doc_id in gold:
        micro = evaluate({doc_id: gold[doc_id]}, pred)["micro"]
        rows.append((micro["lenient"]["f1"], doc_id, micro["gold"], micro["pred"]))
    rows.sort()
    width = max((len(doc_id) for _, doc_id, _, _ in rows), default=6)
    lines = [f"{'doc_id':<{width}}  gold  pred  lenient_F1"]
    lines += [f"{doc_id:<{width}}  {g:>4}  {p:>4}  {f1:>10.3f}" for f1, doc_id, g, p in rows]
    return "\n".join(lines)
