"""Optional QUANTITY mentions (physical quantities: "100 square kilometers", "1.32 billion
tonnes") from quantulum3, run only on sentences with a number no other mention took.

quantulum3 misreads money (DESIGN.md), so it never sees amounts the money grammar found and
its currency or dimensionless readings are dropped. Two of its habits are corrected here:
it configures the root logger inside parse(), and its offsets are trusted only when they
slice back to the surface it reports.
"""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from ..core.candidate import Candidate, Resolved, overlaps
from ..core.mention import Label

_SKIPPED_ENTITIES = frozenset({"dimensionless", "currency", "unknown", "time"})  # identifiers
_DIGIT = re.compile(r"\d")
_CODE = re.compile(r"\d+[A-Z]")  # "5G", "4K", "3D": names, not 5 gauss


@lru_cache(maxsize=1)
def _parser() -> Any:
    with warnings.catch_warnings():
        # It warns that its optional scikit-learn classifier is absent; its rules suffice here.
        warnings.simplefilter("ignore")
        from quantulum3 import parser

    return parser


def quantulum_version() -> str:
    from importlib.metadata import version

    return version("quantulum3")


def _parse_quietly(text: str) -> list[Any]:
    """quantulum3's parse() calls logging.basicConfig(); a library must not configure logging."""
    root = logging.getLogger()
    placeholder = None
    if not root.handlers:
        placeholder = logging.NullHandler()
        root.addHandler(placeholder)  # makes basicConfig a no-op for this call
    try:
        return list(_parser().parse(text))
    finally:
        if placeholder is not None:
            root.removeHandler(placeholder)


def find_quantities(text: str, sentences: Sequence[tuple[int, int]], taken: Sequence[tuple[int, int]], rule: str) -> list[Resolved]:
    found: list[Resolved] = []
    for start, end in sentences:
        sentence = text[start:end]
        if not _DIGIT.search(sentence):
            continue
        for quantity in _parse_quietly(sentence):
            if quantity.unit.entity.name in _SKIPPED_ENTITIES or _CODE.fullmatch(quantity.surface):
                continue
            q_start, q_end = start + quantity.span[0], start + quantity.span[1]
            if text[q_start:q_end] != quantity.surface or any(overlaps(q_start, q_end, s, e) for s, e in taken):
                continue
            try:
                value = Decimal(str(quantity.value))
            except InvalidOperation:
                continue
            candidate = Candidate(Label.QUANTITY, q_start, q_end, rule, source="model")
            found.append(Resolved(candidate, {"value": value, "unit": quantity.unit.name}))
    return found
