"""Shared fixtures. Rule tests run on a blank English pipeline (fast); tests that need the
statistical model share one session-wide extractor and carry the `model` mark."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from pipeline.analyse.extractor import Extractor
from pipeline.core.mention import CSV_COLUMNS, Mention, to_row
from pipeline.core.settings import DEFAULT_MAX_CHARS, DEFAULT_PATTERNS_DIR, Settings
from pipeline.inputs.decode import Document, decode_document
from pipeline.inputs.discover import Source, read_bytes
from pipeline.inputs.html import PageChrome
from pipeline.patterns.loader import PatternSet, load_patterns

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "data" / "seeds_gold.jsonl"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def patterns() -> PatternSet:
    return load_patterns(DEFAULT_PATTERNS_DIR)


@pytest.fixture(scope="session")
def rules() -> Extractor:
    """Rules only: every label but the model's ORGs."""
    return Extractor(Settings(use_model=False))


@pytest.fixture(scope="session")
def model() -> Extractor:
    return Extractor(Settings(use_model=True))


def cells(mention: Mention) -> dict[str, str]:
    """A mention as its mentions.csv cells: what a database would load."""
    return dict(zip(CSV_COLUMNS, to_row(mention)))


def run(extractor: Extractor, text: str, doc_date: str | None = None) -> list[Mention]:
    given = date.fromisoformat(doc_date) if doc_date else None
    return list(extractor.extract_text(text, doc_id="t.txt", doc_date=given).mentions)


def find(mentions: list[Mention], label: str, text: str) -> dict[str, str]:
    """The CSV cells of the one mention with this label and exact text; fails if absent."""
    hits = [m for m in mentions if m.label.value == label and m.text == text]
    found = [(m.label.value, m.text) for m in mentions]
    assert hits, f"no {label} {text!r}; found {found}"
    return cells(hits[0])


def check(mentions: list[Mention], label: str, text: str, **expected: Any) -> None:
    got = find(mentions, label, text)
    wrong = {k: (got[k], v) for k, v in expected.items() if got[k] != v}
    assert not wrong, f"{label} {text!r}: (got, expected) {wrong}"


CHROME = PageChrome.from_patterns(load_patterns(DEFAULT_PATTERNS_DIR))


def read_document(source: Source, max_chars: int = DEFAULT_MAX_CHARS) -> Document:
    """Read, decode and (for HTML) extract one file as a run does; raises DocumentError."""
    return decode_document(source.doc_id, source.path, read_bytes(source, max_chars), CHROME, source.format or "text", max_chars)
