"""press-extract: normalized, traceable mentions from English press releases on China's
regional economies.

Data flow (one module per stage):
    reader -> text -> dateline -> nlp/components (numeric_rules, org_rules, cluster_rules)
    -> normalize/ -> spans (overlaps) -> relations -> mention -> writer / batch
"""

from __future__ import annotations

__version__ = "0.1.0"

from .mention import Label, Mention  # noqa: E402

__all__ = ["Label", "Mention", "__version__", "extract_text"]


def extract_text(text: str, doc_id: str = "", use_model: bool = True) -> list[Mention]:
    """Mentions of one text (loads the pipeline on first use; keep an Extractor for many)."""
    from .extract import Extractor
    from .settings import Settings

    return list(Extractor(Settings(use_model=use_model)).extract_text(text, doc_id).mentions)
