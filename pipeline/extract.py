"""The orchestrator: one call per stage, from a document's text to its mentions.

read -> analysis text -> document date -> spaCy doc (candidates) -> normalize
     -> date ranges -> settle overlaps -> relations -> Mention rows
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import date
from typing import Iterable, Iterator

from .dateline import DocDate, find_doc_date, is_transcript
from .mention import Label, Mention
from .nlp import build_nlp, model_id
from .normalize import Normalizers
from .normalize.dates import DateContext, Interval
from .org_rules import OrgLexicons
from .patterns import load_patterns
from .quantities import find_quantities, quantulum_version
from .relations import Qualifiers, attach_amount_facts, org_canonicals, same_period
from .reader import Document
from .sentences import SentenceIndex
from .settings import Settings
from .spans import Resolved, resolve_overlaps
from .text import analysis_text


@dataclass(frozen=True)
class Extraction:
    doc_id: str
    doc_date: DocDate | None
    mentions: tuple[Mention, ...]


class Extractor:
    """Loads patterns and the spaCy pipeline once; extracts any number of documents."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.patterns = load_patterns(self.settings.patterns_dir)
        self.nlp = build_nlp(self.settings)
        self.model = model_id(self.nlp) if self.settings.use_model else None
        self.normalizers = Normalizers(self.patterns)
        self.qualifiers = Qualifiers.from_patterns(self.patterns)
        self.long_forms = {name: kind[1] for name, kind in OrgLexicons.from_patterns(self.patterns).name_kinds.items() if kind[1]}
        self.quantity_rule = f"quantulum3-{quantulum_version()}" if self.settings.quantities else ""

    def extract_text(self, text: str, doc_id: str = "", doc_date: date | None = None) -> Extraction:
        """Mentions of one text. `doc_date` overrides the date found in the text (peer suites)."""
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return next(self._run([(doc_id, sha, text, doc_date)]))

    def extract_documents(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        """Mentions of many documents, batched through spaCy, in the order given."""
        return self._run((d.doc_id, d.sha256, d.text, None) for d in documents)

    def _run(self, items: Iterable[tuple[str, str, str, date | None]]) -> Iterator[Extraction]:
        def analysed() -> Iterator[tuple[str, tuple[str, str, str, date | None]]]:
            for item in items:
                yield analysis_text(item[2]), item

        for doc, (doc_id, sha, original, given_date) in self.nlp.pipe(analysed(), as_tuples=True, batch_size=self.settings.batch_size):
            found = DocDate(given_date, "given", -1, -1) if given_date else find_doc_date(doc.text)
            yield Extraction(doc_id, found, tuple(self._mentions(doc, doc_id, sha, original, found)))

    def _mentions(self, doc, doc_id: str, sha: str, original: str, doc_date: DocDate | None) -> list[Mention]:  # type: ignore[no-untyped-def]
        text = doc.text
        sentences = SentenceIndex(doc._.press_sentences)
        dates = DateContext(doc_date.date if doc_date else None, transcript=is_transcript(text))
        candidates = doc._.press_candidates
        resolved = [r for c in candidates if (r := self.normalizers.normalize(c, text, sentences, dates)) is not None]
        resolved += self.normalizers.date_ranges(candidates, text, sentences, dates)
        kept = resolve_overlaps(resolved)
        self._relations(kept, text, sentences)
        kept = [item for item in kept if item.label is not Label.DATE or item.fields["interval"] is not None]
        if self.settings.quantities:
            taken = [(k.start, k.end) for k in kept]
            kept = sorted(kept + find_quantities(text, doc._.press_sentences, taken, self.quantity_rule), key=lambda r: (r.start, r.end))
        return [self._mention(item, doc_id, sha, original, sentences) for item in kept]

    def _relations(self, kept: list[Resolved], text: str, sentences: SentenceIndex) -> None:
        for index, item in enumerate(kept):
            start, end = sentences.around(item.start, item.end)
            before, after = text[start:item.start], text[item.end:end]
            if item.label in (Label.MONEY, Label.PERCENT):
                attach_amount_facts(item, before, after, self.qualifiers)
            elif item.label is Label.DATE:
                item.fields["qualifier"] = self.qualifiers.date(before)
                if item.candidate.interp == "same_period":
                    same_period(item, [k for k in kept[:index] if k.label is Label.DATE], text[item.start:item.end])
        org_canonicals(kept, text, self.long_forms)

    def _mention(self, item: Resolved, doc_id: str, sha: str, original: str, sentences: SentenceIndex) -> Mention:
        start, end = item.start, item.end
        sentence_start, sentence_end = sentences.around(start, end)
        fields = item.fields
        label = item.label
        mention = Mention(
            doc_id=doc_id,
            mention_id=hashlib.blake2b(f"{sha}|{label.value}|{start}|{end}".encode(), digest_size=8).hexdigest(),
            label=label,
            text=original[start:end],
            start=start,
            end=end,
            sentence_start=sentence_start,
            sentence_end=sentence_end,
            rule=item.candidate.rule,
        )
        if label in (Label.MONEY, Label.PERCENT, Label.QUANTITY):
            mention = replace(mention, value=fields["value"], value_high=fields.get("value_high"), unit=fields["unit"])
        if label in (Label.MONEY, Label.PERCENT):
            mention = replace(mention, qualifier=fields["qualifier"], each=fields["each"])
        if label is Label.MONEY:
            mention = replace(mention, inferred=fields["inferred"])
        if label is Label.DATE:
            interval: Interval = fields["interval"]
            mention = replace(
                mention, date_start=interval.start.isoformat(), date_end=interval.end.isoformat(), granularity=interval.granularity, qualifier=fields["qualifier"]
            )
        if label in (Label.ORG, Label.CLUSTER):
            mention = replace(mention, canonical=fields.get("canonical", ""))
        return mention
