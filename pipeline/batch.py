"""The batch job: every input file to one row of documents.csv and its rows of mentions.csv.

A file that cannot be read, or a document whose analysis fails, is recorded with its
status and reason; the run goes on. Library code: it reports through the returned summary
and `logging`, never by printing.
"""

from __future__ import annotations

import logging
import platform
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import dateparser
from spacy import about as spacy_about

from . import __version__
from .errors import DocumentError
from .extract import Extraction, Extractor
from .reader import Document, Source, discover, read_document
from .writer import DocumentRow, OutputWriter

log = logging.getLogger(__name__)


@dataclass
class BatchSummary:
    documents: Counter[str] = field(default_factory=Counter)
    mentions: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    out_dir: Path | None = None

    @property
    def failed(self) -> int:
        return self.documents["failed"]


def run_batch(inputs: Sequence[str | Path], out_dir: Path, extractor: Extractor) -> BatchSummary:
    started = time.perf_counter()
    summary = BatchSummary(out_dir=Path(out_dir))
    sources = discover(inputs)
    inputs_manifest: list[dict[str, Any]] = []
    with OutputWriter(Path(out_dir)) as writer:
        for source, document, extraction, error in _analyse(sources, extractor):
            row = _document_row(source, document, extraction, error)
            mentions = extraction.mentions if extraction else ()
            writer.write_document(row, mentions)
            summary.documents[row.status] += 1
            summary.mentions.update(m.label.value for m in mentions)
            inputs_manifest.append({"doc_id": row.doc_id, "sha256": row.sha256, "status": row.status})
            if error is not None:
                log.warning("%s: %s (%s)", row.doc_id, row.reason, row.status)
        summary.seconds = time.perf_counter() - started
        writer.commit(_manifest(extractor, inputs_manifest, summary))
    return summary


def _analyse(sources: Iterable[Source], extractor: Extractor) -> Iterator[tuple[Source, Document | None, Extraction | None, DocumentError | None]]:
    """Read and extract in batches; a batch that fails is redone one document at a time."""
    pending: list[tuple[Source, Document]] = []
    for source in sources:
        if source.skip_reason:
            yield source, None, None, DocumentError(source.doc_id, source.skip_reason, status="skipped")
            continue
        try:
            pending.append((source, read_document(source)))
        except DocumentError as error:
            yield source, None, None, error
            continue
        if len(pending) >= extractor.settings.batch_size:
            yield from _extract_batch(pending, extractor)
            pending = []
    yield from _extract_batch(pending, extractor)


def _extract_batch(batch: list[tuple[Source, Document]], extractor: Extractor) -> Iterator[tuple[Source, Document | None, Extraction | None, DocumentError | None]]:
    if not batch:
        return
    try:
        results = list(extractor.extract_documents(document for _, document in batch))
    except Exception:  # noqa: BLE001 - isolate the document that breaks, keep the others
        log.debug("batch failed; retrying one document at a time", exc_info=True)
        for source, document in batch:
            try:
                yield source, document, next(iter(extractor.extract_documents([document]))), None
            except Exception as exc:  # noqa: BLE001
                yield source, document, None, DocumentError(document.doc_id, f"analysis failed: {type(exc).__name__}: {exc}")
        return
    for (source, document), extraction in zip(batch, results):
        yield source, document, extraction, None


def _document_row(source: Source, document: Document | None, extraction: Extraction | None, error: DocumentError | None) -> DocumentRow:
    doc_date = extraction.doc_date if extraction else None
    return DocumentRow(
        doc_id=source.doc_id,
        path=source.path.as_posix(),
        sha256=document.sha256 if document else "",
        chars=len(document.text) if document else None,
        doc_date=doc_date.date.isoformat() if doc_date else "",
        doc_date_source=doc_date.source if doc_date else "",
        status=error.status if error else "ok",
        reason=error.reason if error else "",
        mentions=len(extraction.mentions) if extraction else 0,
    )


def _manifest(extractor: Extractor, inputs: list[dict[str, Any]], summary: BatchSummary) -> dict[str, Any]:
    nlp = extractor.nlp
    return {
        "pipeline": {"name": "press-extract", "version": __version__},
        "python": platform.python_version(),
        "spacy": spacy_about.__version__,
        "dateparser": dateparser.__version__,
        "model": {"name": extractor.settings.model_name, "version": nlp.meta.get("version")} if extractor.settings.use_model else None,
        "components": list(nlp.pipe_names),
        "settings": extractor.settings.describe(),
        "patterns": dict(sorted(extractor.patterns.file_hashes.items())),
        "inputs": inputs,
        "counts": {"documents": dict(sorted(summary.documents.items())), "mentions": dict(sorted(summary.mentions.items()))},
    }
