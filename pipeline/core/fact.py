"""The facts contract (FACTS.md): one frozen Fact per row of facts.csv, hung on one MONEY or
PERCENT mention. The dataclass field order is the CSV header: FACTS.md's columns first, then
the ones it allows to follow."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

KINDS = ("actual", "target", "other")  # identifiers
MEASURES = ("amount", "change", "share", "rate")  # identifiers
FACT_FIELDS = ("kind", "measure", "period", "indicator", "subject")  # identifiers: the fields the scorer checks


@dataclass(frozen=True, slots=True)
class Fact:
    doc_id: str
    fact_id: str
    value_start: int
    value_end: int
    value_label: str  # MONEY or PERCENT
    kind: str  # KINDS
    measure: str  # MEASURES
    indicator_start: int | None
    indicator_end: int | None
    indicator: str
    subject: str
    period_start: date | None
    period_end: date | None
    rule: str  # how each field was decided: "kind=cue:aims to; measure=cue:up; ..."
    # Beyond FACTS.md's columns: the join key to mentions.csv, and where subject and period were read.
    mention_id: str = ""
    value_text: str = ""
    subject_start: int | None = None  # the subject as written here (a reference such as "its" points back to it)
    subject_end: int | None = None
    period_mention_start: int | None = None  # the DATE mention the period comes from
    period_mention_end: int | None = None


FACT_COLUMNS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Fact))


def fact_to_row(fact: Fact) -> list[str]:
    """The CSV cells of a fact: empty for absent fields, dates in ISO form."""
    cells: list[str] = []
    for name in FACT_COLUMNS:
        item = getattr(fact, name)
        if item is None:
            cells.append("")
        elif isinstance(item, date):
            cells.append(item.isoformat())
        else:
            cells.append(str(item))
    return cells
