"""press-extract: normalized, traceable mentions from English press releases on China's
regional economies.

Data flow (one module per stage):
    reader -> text -> dateline -> nlp/components (numeric_rules, org_rules, cluster_rules)
    -> normalize/ -> spans (overlaps) -> relations -> mention -> writer / batch
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING, Any

from .core.mention import Label, Mention

if TYPE_CHECKING:
    from datetime import date

    from .analyse.extractor import Extractor
    from .core.settings import Settings

__all__ = ["Extractor", "Label", "Mention", "Settings", "__version__", "extract_text"]  # identifiers


def __getattr__(name: str) -> Any:
    """`from pipeline import Extractor, Settings`, loaded on first use: importing the package
    (the command line's --help) does not load spaCy."""
    if name == "Extractor":
        from .analyse.extractor import Extractor

        return Extractor
    if name == "Settings":
        from .core.settings import Settings

        return Settings
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")


def extract_text(text: str, doc_id: str = "", use_model: bool = True, doc_date: date | None = None) -> list[Mention]:
    """Mentions of one text (loads the pipeline on each call; keep an Extractor for many).
    `doc_date`, when known, resolves relative and year-less dates instead of the date the
    text states."""
    from .analyse.extractor import Extractor
    from .core.settings import Settings

    return list(Extractor(Settings(use_model=use_model)).extract_text(text, doc_id, doc_date).mentions)
