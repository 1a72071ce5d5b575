"""The orchestrator: one call per stage, from a document's text to its mentions.

document -> analysis text -> boilerplate blanked -> document date -> spaCy (candidates, by
chunks) -> normalize -> date ranges -> settle overlaps -> relations -> Mention rows -> facts
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import cast

from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc

from ..core.candidate import Candidate, Resolved
from ..core.errors import require_extra
from ..core.fact import Fact
from ..core.labels import spec
from ..core.mention import Label, Mention
from ..core.settings import CHUNK_CHARS, MODEL_BATCH_TOKENS, MODEL_CONTEXT_WORDS, MODEL_PIECE_CHARS, SEGMENT_CHARS, Settings
from ..facts.cues import FactLexicons
from ..facts.finder import FactFinder
from ..inputs.boilerplate import blank, find_boilerplate
from ..inputs.dateline import DocDate, DocDateFinder, is_transcript
from ..inputs.decode import Document
from ..inputs.html import PageChrome
from ..inputs.metadata import Metadata, MetadataReader
from ..normalize import Normalizers
from ..normalize.context import CONTEXT_CHARS
from ..normalize.intervals import DateContext, Interval
from ..patterns.loader import load_patterns
from ..resolve.overlaps import resolve_overlaps
from ..resolve.relations import AmountFacts, Qualifiers, is_report_period, org_canonicals, same_period
from ..rules.nlp import build_nlp, model_id
from ..rules.orgs import OrgLexicons
from ..rules.quantities import find_quantities, quantulum_version
from ..text.cleanup import analysis_text, tokenizer_view
from ..text.sentences import SentenceIndex, split_sentences
from .model_gate import ModelGate, gated_pieces


@dataclass(frozen=True)
class Prepared:
    """A document ready for the spaCy components: its text (boilerplate blanked), and the
    model's entities once tag_entities() has run."""

    document: Document
    text: str
    boilerplate: list[tuple[int, int, str]]
    found: DocDate | None  # the document's own date
    entities: list[tuple[int, int, str]]  # (start, end, label) in text, from the statistical NER
    metadata: Metadata = field(default_factory=Metadata)  # read here, before a long document's mentions take up memory


@dataclass(frozen=True)
class Extraction:
    doc_id: str
    doc_date: DocDate | None
    mentions: tuple[Mention, ...]
    metadata: Metadata = field(default_factory=Metadata)
    boilerplate_chars: int = 0
    facts: tuple[Fact, ...] = ()


class Extractor:
    """Loads patterns and the spaCy pipeline once; extracts any number of documents."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.patterns = load_patterns(self.settings.patterns_dir)
        self.nlp = build_nlp(self.settings)
        self.nlp.max_length = CHUNK_CHARS + 1
        self.model = model_id(self.nlp) if self.settings.use_model else None
        self.ner = cast(EntityRecognizer, self.nlp.get_pipe("ner")) if self.model else None
        self.rule_components = [component for name, component in self.nlp.pipeline if name != "ner"]  # in order; the NER runs in tag_entities
        self.normalizers = Normalizers(self.patterns)
        self.qualifiers = Qualifiers.from_patterns(self.patterns)
        self.amount_facts = AmountFacts.from_patterns(self.patterns)
        self.fact_finder = FactFinder(FactLexicons.from_patterns(self.patterns))
        org_lexicons = OrgLexicons.from_patterns(self.patterns)
        names = org_lexicons.name_kinds
        self.initials_skip = org_lexicons.initials_skip
        self.model_gate = ModelGate(org_lexicons, org_lexicons.calendar_words) if self.model and self.settings.gate_model else None
        self.abbreviations = self.patterns.word_set("sentence.abbreviation")
        self.long_forms = {name: kind[1] for name, kind in names.items() if kind[1]}
        media = sorted((n for n, (k, _) in names.items() if k in ("media", "newswire")), key=len, reverse=True)
        self.media_names = re.compile("|".join(re.escape(n) for n in media))
        self.doc_dates = DocDateFinder(self.patterns)
        self.page_chrome = PageChrome.from_patterns(self.patterns)
        self.metadata = MetadataReader(self.patterns)
        self.meta_date_names = self.patterns.words("html.meta_date")
        if self.settings.quantities:
            require_extra("quantulum3", "QUANTITY mentions (quantities=True)", "quantities")
        self.quantity_rule = f"quantulum3-{quantulum_version()}" if self.settings.quantities else ""
        self._warm = False

    # Lazy imports and first-use tables (dateparser, lexicon caches) cost the first document
    # a few tenths of a second: paid here, before any document's time limit starts.
    _WARM_UP_TEXT = (
        "WUHAN, March 5, 2024 -- GDP of the Wuhan Municipal Government grew 5.2 percent to 2 trillion yuan "
        "last November, up 1.5 percentage points, with the new energy vehicle industry leading, it said on Tuesday."
    )

    def warm_up(self) -> None:
        if not self._warm:
            self._warm = True
            self.extract_text(self._WARM_UP_TEXT, doc_id="warm-up.txt")

    def extract_text(self, text: str, doc_id: str = "", doc_date: date | None = None) -> Extraction:
        """Mentions of one text. `doc_date` overrides the date found in the text (peer suites)."""
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return self.extract(Document(doc_id, Path(doc_id), sha, text), doc_date)

    def extract(self, document: Document, doc_date: date | None = None) -> Extraction:
        prepared = self.prepare(document, doc_date)
        self.tag_entities([prepared])
        return self.finish(prepared)

    # extract() in three steps, so that the model can see several documents at once:
    # prepare() each, tag_entities() on all of them, finish() each.

    def prepare(self, document: Document, doc_date: date | None = None) -> Prepared:
        cleaned = analysis_text(document.text)
        boilerplate = find_boilerplate(cleaned, self.patterns.boilerplate)
        text = blank(cleaned, boilerplate)
        found = DocDate(doc_date, "given", -1, -1) if doc_date else self.doc_dates.find(text) or _meta_date(document, self.meta_date_names)
        metadata = self.metadata.read(blank(document.text, boilerplate), self.media_names, document.title_hint, document.html_meta)
        return Prepared(document, text, boilerplate, found, [], metadata)

    def tag_entities(self, prepared: Sequence[Prepared]) -> None:
        """The statistical NER on the texts of several documents at once (the model's
        arithmetic is faster on a batch than on one text at a time, ~30% here), in pieces
        tokenized only when their batch is due: memory is bounded by MODEL_BATCH_TOKENS
        whatever the documents' length or content. Only the entities are kept."""
        if self.ner is None:
            return
        batch: list[tuple[Prepared, int, Doc]] = []
        tokens = 0
        for item in prepared:
            view = tokenizer_view(item.text)
            if self.model_gate is not None:  # only around the names where the model can change an answer
                pieces = list(gated_pieces(item.text, split_sentences(item.text, self.abbreviations), self.model_gate, MODEL_PIECE_CHARS, MODEL_CONTEXT_WORDS))
            else:
                pieces = _chunks(view, MODEL_PIECE_CHARS)
            for start, end in pieces:
                doc = self.nlp.make_doc(view[start:end])
                batch.append((item, start, doc))
                tokens += len(doc)
                if tokens >= MODEL_BATCH_TOKENS:
                    self._tag(batch)
                    batch, tokens = [], 0
        self._tag(batch)

    def _tag(self, batch: list[tuple[Prepared, int, Doc]]) -> None:
        if not batch or self.ner is None:
            return
        for (item, offset, _), doc in zip(batch, self.ner.pipe([doc for _, _, doc in batch], batch_size=len(batch))):
            item.entities.extend((ent.start_char + offset, ent.end_char + offset, ent.label_) for ent in doc.ents)

    def finish(self, prepared: Prepared) -> Extraction:
        document, text = prepared.document, prepared.text
        found = prepared.found
        dates = DateContext(found.date if found else None, transcript=is_transcript(text))
        mentions: list[Mention] = []
        periods: list[Mention] = []  # parts of a year an undated document names without a year: periods for facts, no mentions
        # A long text (a dump of many releases) is finished segment by segment, cut at line
        # breaks: what is held at once is one segment's candidates, not the whole text's.
        for segment_start, segment_end in _chunks(text, SEGMENT_CHARS):
            sentences, candidates = self._parse(prepared, segment_start, segment_end)
            index = SentenceIndex(sentences)
            resolved = [r for c in candidates if (r := self.normalizers.normalize(c, text, index, dates)) is not None]
            resolved += self.normalizers.date_ranges(candidates, text, index, dates)
            kept = resolve_overlaps(resolved)
            self._relations(kept, text, index)
            kept = [item for item in kept if item.label is not Label.DATE or item.fields["interval"] is not None]
            anchored = self.normalizers.anchored_dates(candidates, kept, text, index, dates)
            for item in anchored:
                item.fields["qualifier"] = self.qualifiers.date(text[max(index.around(item.start, item.end)[0], item.start - CONTEXT_CHARS) : item.start])
            periods.extend(self._mention(item, document, index) for item in anchored)
            del candidates
            if self.settings.quantities:
                kept = sorted(kept + find_quantities(text, sentences, [(k.start, k.end) for k in kept], self.quantity_rule), key=lambda r: (r.start, r.end))
            mentions.extend(self._mention(item, document, index) for item in kept)
        boilerplate = prepared.boilerplate
        facts = self.fact_finder.find(text, mentions, found.date if found else None, periods)
        return Extraction(document.doc_id, found, tuple(mentions), prepared.metadata, sum(e - s for s, e, _ in boilerplate), tuple(facts))

    def _parse(self, prepared: Prepared, start: int, end: int) -> tuple[list[tuple[int, int]], list[Candidate]]:
        """Sentences and candidates of text[start:end] from the rule components, chunk by
        chunk (the NER ran in tag_entities), at offsets into the whole text."""
        sentences: list[tuple[int, int]] = []
        candidates: list[Candidate] = []
        entities = prepared.entities  # in text order
        entity_starts = [s for s, _, _ in entities]
        for offset, chunk_end in _chunks(prepared.text, CHUNK_CHARS, start, end):
            doc = Doc(self.nlp.vocab)  # the components read the text here, and tokenize only the sentences they need
            doc._.press_text = prepared.text[offset:chunk_end]
            inside = entities[bisect_left(entity_starts, offset) : bisect_left(entity_starts, chunk_end)]
            doc._.press_entities = [(s - offset, e - offset, label) for s, e, label in inside if e <= chunk_end]
            for component in self.rule_components:
                doc = component(doc)
            sentences.extend((s + offset, e + offset) for s, e in doc._.press_sentences)
            candidates.extend(replace(c, start=c.start + offset, end=c.end + offset) if offset else c for c in doc._.press_candidates)
        return sentences, candidates

    def _relations(self, kept: list[Resolved], text: str, sentences: SentenceIndex) -> None:
        dates: list[Resolved] = []  # the DATE mentions so far that state a report period ("the same period last year" takes the latest)
        for item in kept:
            start, end = sentences.around(item.start, item.end)
            before = text[max(start, item.start - CONTEXT_CHARS) : item.start]
            after = text[item.end : min(end, item.end + CONTEXT_CHARS)]
            if item.label in (Label.MONEY, Label.PERCENT):
                self.amount_facts.attach(item, before, after, self.qualifiers)
            elif item.label is Label.DATE:
                item.fields["qualifier"] = self.qualifiers.date(before)
                if item.candidate.interp == "same_period":
                    same_period(item, dates[-1:], text[item.start : item.end])
                elif is_report_period(item):
                    dates.append(item)
        org_canonicals(kept, text, self.long_forms, self.initials_skip)

    def _mention(self, item: Resolved, document: Document, sentences: SentenceIndex) -> Mention:
        start, end = item.start, item.end
        sentence_start, sentence_end = sentences.around(start, end)
        source_start, source_end = document.offsets.to_source(start, end) if document.offsets else (start, end)
        fields = item.fields
        label = item.label
        filled = spec(label).fields
        interval: Interval | None = fields["interval"] if "date_start" in filled else None
        return Mention(
            doc_id=document.doc_id,
            mention_id=hashlib.blake2b(f"{document.sha256}|{label.value}|{start}|{end}".encode(), digest_size=8).hexdigest(),
            label=label,
            text=document.text[start:end],
            start=start,
            end=end,
            sentence_start=sentence_start,
            sentence_end=sentence_end,
            value=fields["value"] if "value" in filled else None,
            value_high=fields.get("value_high") if "value_high" in filled else None,
            unit=fields["unit"] if "unit" in filled else "",
            qualifier=fields["qualifier"] if "qualifier" in filled else "",
            each=fields["each"] if "each" in filled else None,
            inferred=fields["inferred"] if "inferred" in filled else None,
            date_start=interval.start if interval else None,
            date_end=interval.end if interval else None,
            granularity=interval.granularity if interval else "",
            canonical=fields.get("canonical", "") if "canonical" in filled else "",
            rule=item.candidate.rule,
            source_start=source_start,
            source_end=source_end,
        )


def _chunks(text: str, size: int, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Pieces of text[start:end] of at most `size` characters, cut at a line break, else at
    white space, else anywhere."""
    end = len(text) if end is None else end
    pieces: list[tuple[int, int]] = []
    while end - start > size:
        window = text[start : start + size]
        cut = max(window.rfind("\n"), 0) or max(window.rfind(" "), 0) or size
        pieces.append((start, start + cut))
        start += cut
    pieces.append((start, end))
    return pieces


def _meta_date(document: Document, names: Sequence[str]) -> DocDate | None:
    """An HTML page's publication date from the first of its <meta> tags `names` (word set
    html.meta_date) that holds one, when the text states none."""
    for key in names:
        value = document.html_meta.get(key, "")
        match = re.match(r"((?:19|20)\d{2})-(\d{2})-(\d{2})", value)
        if match:
            try:
                return DocDate(date(int(match.group(1)), int(match.group(2)), int(match.group(3))), f"html-meta:{key}", -1, -1)
            except ValueError:
                continue
    return None
