"""The scorer reproduces hand-computed numbers on a tiny gold."""

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pipeline.core.mention import CSV_COLUMNS
from pipeline.scoring.evaluate import Span, evaluate, load_gold, load_predictions, match_lenient

GOLD = [
    {
        "doc_id": "a.txt",
        "mentions": [
            {"label": "MONEY", "start": 0, "end": 10, "text": "x", "value": 1000, "unit": "CNY"},
            {"label": "DATE", "start": 20, "end": 24, "text": "x", "date_start": "2024-01-01", "date_end": "2024-12-31"},
            {"label": "ORG", "start": 30, "end": 40, "text": "x"},
            {"label": "CLUSTER", "start": 50, "end": 60, "text": "x"},
        ],
    },
    {
        "doc_id": "b.txt",
        "mentions": [
            {"label": "PERCENT", "start": 0, "end": 3, "text": "x", "value": 28, "unit": "percent"},
        ],
    },
]
# a.txt: MONEY exact, value 0.05 % off (right); DATE overlapping only, wrong end (lenient, value wrong);
# ORG missed; CLUSTER overlapping; one extra ORG. b.txt: PERCENT exact, wrong unit.
PRED = [
    ("a.txt", "MONEY", 0, 10, "1000.5", "CNY", "", ""),
    ("a.txt", "DATE", 19, 24, "", "", "2024-01-01", "2024-06-30"),
    ("a.txt", "CLUSTER", 52, 58, "", "", "", ""),
    ("a.txt", "ORG", 70, 80, "", "", "", ""),
    ("b.txt", "PERCENT", 0, 3, "28", "percentage_point", "", ""),
    ("c.txt", "ORG", 0, 3, "", "", "", ""),  # not in the gold: ignored
]


@pytest.fixture
def report(tmp_path: Path) -> dict[str, Any]:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(d) for d in GOLD) + "\n")
    pred = tmp_path / "mentions.csv"
    lines = [",".join(CSV_COLUMNS)]
    for doc, label, start, end, value, unit, ds, de in PRED:
        row = dict.fromkeys(CSV_COLUMNS, "")
        row.update(doc_id=doc, mention_id="m", label=label, text="x", start=str(start), end=str(end), value=value, unit=unit, date_start=ds, date_end=de)
        lines.append(",".join(row[c] for c in CSV_COLUMNS))
    pred.write_text("\n".join(lines) + "\n")
    return evaluate(load_gold(gold), load_predictions(pred))


def test_micro_scores(report: Any) -> None:
    micro = report["micro"]
    assert (micro["gold"], micro["pred"]) == (5, 5)
    assert micro["strict"] == {"tp": 2, "precision": 0.4, "recall": 0.4, "f1": 0.4}
    assert micro["lenient"] == {"tp": 4, "precision": 0.8, "recall": 0.8, "f1": 0.8}


def test_per_label(report: Any) -> None:
    labels = report["labels"]
    assert labels["ORG"]["lenient"] == {"tp": 0, "precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert labels["CLUSTER"]["strict"]["tp"] == 0 and labels["CLUSTER"]["lenient"]["tp"] == 1
    assert labels["MONEY"]["value_accuracy"] == 1.0
    assert labels["DATE"]["value_accuracy"] == 0.0
    assert labels["PERCENT"]["value_accuracy"] == 0.0


def test_value_accuracy(report: Any) -> None:
    assert report["value_accuracy"] == {"matched": 3, "correct": 1, "accuracy": 0.3333}


def test_lenient_matching_is_one_to_one() -> None:
    gold = [Span("ORG", 0, 10), Span("ORG", 12, 20)]
    pred = [Span("ORG", 5, 15)]  # overlaps both, may match only one
    assert len(match_lenient(gold, pred)) == 1
    # a maximum matching: the second prediction must not be starved by a greedy first choice
    pred = [Span("ORG", 5, 15), Span("ORG", 0, 3)]
    assert len(match_lenient(gold, pred)) == 2


def test_the_report_table_lines_up(report: Any) -> None:
    from pipeline.scoring.evaluate import format_report

    lines = format_report(report).splitlines()
    assert lines[0].split() == ["label", "gold", "pred", "strict_P", "strict_R", "strict_F1", "lenient_P", "lenient_R", "lenient_F1", "value_acc"]
    assert lines[1].split()[:3] == ["MONEY", "1", "1"] and lines[1].split()[-1] == "1.000"
    assert len({len(line) for line in lines[:7]}) == 1  # every column right-aligned to one width
    assert lines[-1] == "value accuracy (MONEY, PERCENT, DATE): 0.3333 (1/3)"


def test_a_malformed_predictions_file_is_a_clear_error(tmp_path: Path) -> None:
    from pipeline.core.errors import GoldError

    bad = tmp_path / "mentions.csv"
    bad.write_text("doc_id,label\na.txt,MONEY\n")
    with pytest.raises(GoldError, match="missing columns"):
        load_predictions(bad)
    bad.write_text(",".join(CSV_COLUMNS) + "\n" + "a.txt,id,MONEY,x,zero,3" + "," * (len(CSV_COLUMNS) - 6) + "\n")
    with pytest.raises(GoldError, match="mentions.csv:2: not a mentions.csv row"):
        load_predictions(bad)
    with pytest.raises(GoldError, match="cannot read predictions"):
        load_predictions(tmp_path / "absent.csv")


def test_the_errors_view_names_each_kind_of_error() -> None:
    from pipeline.scoring.evaluate import Span, format_errors, scoring_errors

    gold = {
        "a.txt": [
            Span("MONEY", 0, 10, value=Decimal(5), unit="CNY", text="5 yuan now"),
            Span("ORG", 20, 30, text="Hefei Bank"),
            Span("CLUSTER", 40, 50, text="biomedical"),
            Span("DATE", 60, 64, date_start="2024-01-01", date_end="2024-12-31", text="2024"),
        ]
    }
    pred = {
        "a.txt": [
            Span("MONEY", 0, 10, value=Decimal(6), unit="CNY", text="5 yuan now"),  # wrong value
            Span("ORG", 20, 25, text="Hefei"),  # boundary
            Span("CLUSTER", 70, 75, text="Home"),  # false hit; the gold CLUSTER is missed
            Span("DATE", 60, 64, date_start="2024-01-01", date_end="2024-12-31", text="2024"),  # right
        ]
    }
    errors = scoring_errors(gold, pred)
    assert [(e.kind, e.label) for e in errors] == [("value", "MONEY"), ("boundary", "ORG"), ("missed", "CLUSTER"), ("false", "CLUSTER")]
    shown = format_errors(errors)
    assert "'Home'" in shown and shown.endswith("errors: 1 missed, 1 false, 1 boundary, 1 value")
