"""press-extract as one spaCy component, for a user's own pipeline:

    nlp = spacy.blank("en")
    nlp.add_pipe("press_extract_v1", config={"doc_date": "2024-03-01"})
    doc = nlp("GDP grew 5.2 percent to 2 trillion yuan last November.")
    for span in doc.spans["press_extract"]:
        span.label_, span._.press_value, span._.press_unit, span._.press_interval

The factory is found through the `spacy_factories` entry point (no import needed once the
package is installed). It runs the rules (not the model) on the Doc's text and writes every
mention to `doc.spans["press_extract"]`, expanded to whole tokens; the exact characters are
in `span._.press_mention` (a Mention, with its offsets, sentence and rule), and a MONEY or
PERCENT span's fact in `span._.press_fact` (a Fact: kind, measure, indicator, subject, period). A known document
date is given in the config or per Doc as `doc._.press_doc_date` (a datetime.date);
otherwise the date the text states is used, as in the batch job.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..core.mention import Mention
from ..core.settings import Settings

SPANS_KEY = "press_extract"

Doc.set_extension("press_doc_date", default=None, force=True)
Span.set_extension("press_mention", default=None, force=True)
Span.set_extension("press_fact", default=None, force=True)  # a Fact (core/fact.py) for MONEY and PERCENT spans


def _field(name: str) -> Any:
    def get(span: Span) -> Any:
        mention: Mention | None = span._.press_mention
        return getattr(mention, name) if mention is not None else None

    return get


def _interval(span: Span) -> tuple[date, date, str] | None:
    mention: Mention | None = span._.press_mention
    if mention is None or mention.date_start is None or mention.date_end is None:
        return None
    return mention.date_start, mention.date_end, mention.granularity


Span.set_extension("press_value", getter=_field("value"), force=True)  # Decimal
Span.set_extension("press_value_high", getter=_field("value_high"), force=True)
Span.set_extension("press_unit", getter=_field("unit"), force=True)  # CNY, USD, percent, percentage_point ...
Span.set_extension("press_canonical", getter=_field("canonical"), force=True)
Span.set_extension("press_qualifier", getter=_field("qualifier"), force=True)
Span.set_extension("press_interval", getter=_interval, force=True)  # (first day, last day, granularity)


@Language.factory(
    "press_extract_v1",
    assigns=["doc.spans"],  # under the key SPANS_KEY
    default_config={"doc_date": "", "patterns_dir": ""},
)
def make_press_extract(nlp: Language, name: str, doc_date: str, patterns_dir: str) -> PressExtract:
    return PressExtract(doc_date, patterns_dir)


class PressExtract:
    def __init__(self, doc_date: str = "", patterns_dir: str = "") -> None:
        from pathlib import Path

        from .extractor import Extractor  # the rules' own tokenizer and patterns, loaded once

        settings = Settings(use_model=False)
        if patterns_dir:
            from dataclasses import replace

            settings = replace(settings, patterns_dir=Path(patterns_dir))
        self.extractor = Extractor(settings)
        self.doc_date = date.fromisoformat(doc_date) if doc_date else None

    def __call__(self, doc: Doc) -> Doc:
        known = doc._.press_doc_date or self.doc_date
        extraction = self.extractor.extract_text(doc.text, doc_date=known)
        facts = {fact.mention_id: fact for fact in extraction.facts}
        spans = []
        for mention in extraction.mentions:
            span = doc.char_span(mention.start, mention.end, label=mention.label.value, alignment_mode="expand")
            if span is None:
                continue  # only white space under it: cannot happen for a mention's trimmed text
            span._.press_mention = mention
            span._.press_fact = facts.get(mention.mention_id)
            spans.append(span)
        doc.spans[SPANS_KEY] = spans
        return doc
