"""The output contract: column order, cell formats."""

from decimal import Decimal
from typing import Any

import pytest

from pipeline.core.mention import CSV_COLUMNS, Label, Mention, format_decimal, to_row

CONTRACT = [
    "doc_id",
    "mention_id",
    "label",
    "text",
    "start",
    "end",
    "sentence_start",
    "sentence_end",
    "value",
    "value_high",
    "unit",
    "qualifier",
    "each",
    "inferred",
    "date_start",
    "date_end",
    "granularity",
    "canonical",
    "rule",
]


def test_columns_are_the_contract() -> None:
    assert list(CSV_COLUMNS[: len(CONTRACT)]) == CONTRACT


@pytest.mark.parametrize(
    "value,text",
    [
        (Decimal("1.1E+12"), "1100000000000"),
        (Decimal("1100000000000.0"), "1100000000000"),
        (Decimal("77150000000.00"), "77150000000"),
        (Decimal("0.012"), "0.012"),
        (Decimal("5.40"), "5.4"),
        (Decimal("-0.3"), "-0.3"),
        (Decimal("1E-7"), "0.0000001"),
    ],
)
def test_decimals_are_plain(value: Any, text: Any) -> None:
    assert format_decimal(value) == text


def test_row_cells() -> None:
    mention = Mention("d.txt", "id", Label.MONEY, "1.1 trillion yuan", 3, 20, 0, 30, value=Decimal("1.1E+12"), unit="CNY", each=False, inferred=True, rule="r")
    row = dict(zip(CSV_COLUMNS, to_row(mention)))
    assert row["value"] == "1100000000000" and row["value_high"] == "" and row["each"] == "false" and row["inferred"] == "true"
    assert row["date_start"] == "" and row["label"] == "MONEY"
