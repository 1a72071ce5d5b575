"""The output contract: one frozen Mention per row of mentions.csv.

The dataclass field order *is* the CSV header (ANNOTATION.md, "mentions.csv").
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum


class Label(str, Enum):
    MONEY = "MONEY"
    PERCENT = "PERCENT"
    DATE = "DATE"
    ORG = "ORG"
    CLUSTER = "CLUSTER"
    # Optional physical quantities (quantulum3); the scorer ignores this label.
    QUANTITY = "QUANTITY"


@dataclass(frozen=True, slots=True)
class Mention:
    doc_id: str
    mention_id: str
    label: Label
    text: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    value: Decimal | None = None
    value_high: Decimal | None = None
    unit: str = ""
    qualifier: str = ""
    each: bool | None = None
    inferred: bool | None = None
    date_start: date | None = None
    date_end: date | None = None
    granularity: str = ""
    canonical: str = ""
    rule: str = ""
    # Beyond the contract: where the span stands in the original file (HTML sources differ).
    source_start: int | None = None
    source_end: int | None = None


CSV_COLUMNS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Mention))


def format_decimal(value: Decimal) -> str:
    """Plain positional notation, never exponents, no trailing zeros: 1.1E+12 -> '1100000000000'."""
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def to_row(mention: Mention) -> list[str]:
    """The CSV cells of a mention: empty for fields that do not apply, booleans as true/false."""
    cells: list[str] = []
    for name in CSV_COLUMNS:
        item = getattr(mention, name)
        if item is None:
            cells.append("")
        elif isinstance(item, bool):
            cells.append("true" if item else "false")
        elif isinstance(item, Decimal):
            cells.append(format_decimal(item))
        elif isinstance(item, Label):
            cells.append(item.value)
        elif isinstance(item, date):
            cells.append(item.isoformat())
        else:
            cells.append(str(item))
    return cells
