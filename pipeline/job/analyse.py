"""The work on documents: each input file to its documents.csv row and mention rows.

- A file that cannot be read, or a document whose analysis fails or runs past its time
  limit, gets its status and reason; nothing here raises for one bad document.
- Results are kept per document in the cache (cache.py) and reused by their bytes.
- Engines (engines.py) call these functions wherever the documents are analysed; the run
  itself (batch.py) sits above both.
"""

from __future__ import annotations

import ctypes
import hashlib
import logging
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from ..analyse.extractor import Extraction, Extractor, Prepared
from ..core.errors import DocumentError
from ..core.results import JSON_FORMAT, DocumentResult, DocumentRow, fact_from_json, fact_to_json, mention_from_json, mention_to_json, row_from_json, row_to_json
from ..core.settings import DEFAULT_MAX_CHARS, DEFAULT_TIMEOUT, MOSTLY_BOILERPLATE, TIMEOUT_CHARS, Settings
from ..inputs.decode import Document, decode_document
from ..inputs.discover import Source, display_name, read_bytes
from ..inputs.html import PageChrome
from ..outputs.folder import text_name
from .cache import ResultCache

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LoadedSource:
    """A file read and hashed, waiting for analysis."""

    source: Source
    data: bytes
    base: DocumentRow  # its documents.csv row so far (status "skipped" until analysed)


@dataclass(frozen=True)
class JobOptions:
    settings: Settings
    max_chars: int = DEFAULT_MAX_CHARS
    timeout: float = DEFAULT_TIMEOUT
    full: bool = False


@dataclass(frozen=True)
class Job:
    """What an engine needs to analyse the documents of one run."""

    options: JobOptions
    out_dir: Path
    fingerprint: str
    spool_dir: Path  # scratch space inside the run's staging folder

    def cache(self) -> ResultCache:
        return ResultCache(self.out_dir, self.fingerprint, enabled=not self.options.full)


# -- the work on documents ----------------------------------------------------------------------


def analyse_sources(sources: Sequence[Source], extractor: Callable[[], Extractor], cache: ResultCache | None, options: JobOptions) -> list[DocumentResult]:
    """Input files to their results, in order: each read (and answered from the cache where
    it can be), the rest analysed together and kept for the next run. Never raises."""
    loaded = [load_source(source, cache, options.max_chars) for source in sources]
    analysed = iter(analyse_many([item for item in loaded if isinstance(item, LoadedSource)], extractor, options))
    results: list[DocumentResult] = []
    for item in loaded:
        if isinstance(item, LoadedSource):
            result = next(analysed)
            if result.cacheable:
                _store(cache, item.base.sha256, result)
            item = result
        results.append(item)
    return results


def load_source(source: Source, cache: ResultCache | None, max_chars: int = DEFAULT_MAX_CHARS) -> DocumentResult | LoadedSource:
    """Read and hash a file: its final result if it is skipped, unreadable or in the cache,
    else the bytes to analyse."""
    base = DocumentRow(
        doc_id=source.doc_id,
        path=display_name(source.path.as_posix()),
        sha256="",
        chars=None,
        doc_date=None,
        doc_date_source="",
        status="skipped",
        reason=source.skip_reason,
        mentions=0,
        format=source.format,
    )
    if source.skip_reason:
        return DocumentResult(replace(base, status="failed") if source.failed else base)
    try:
        data = read_bytes(source, max_chars)
    except DocumentError as error:
        return DocumentResult(replace(base, status=error.status, reason=error.reason))
    sha = hashlib.sha256(data).hexdigest()
    base = replace(base, sha256=sha)
    entry = cache.get(sha) if cache else None
    reused = _from_entry(entry, base) if entry is not None else None
    return reused if reused is not None else LoadedSource(source, data, base)


def analyse_many(loaded: Sequence[LoadedSource], extractor: Callable[[], Extractor], options: JobOptions) -> list[DocumentResult]:
    """Decode and analyse several files' bytes, the model seeing them together. Never raises.

    Each document has its time budget (`time_budget`) for decoding and the rules; the model's
    pass over the batch has as long as its largest, and if it fails or runs out, each document
    gets a pass of its own (so one bad document cannot fail the others). Loading the model and
    patterns happens before any clock starts: the budget is analysis time only."""
    if not loaded:
        return []
    ready = extractor()
    try:
        ready.warm_up()
    except Exception:
        log.debug("warm-up failed", exc_info=True)
    # Strings the analysis adds to spaCy's vocabulary (every new word a tokenizer meets) are
    # dropped when the batch is done: memory stays flat however many new words the texts bring.
    with ready.nlp.memory_zone():
        return _analyse_batch(ready, loaded, options)


def _analyse_batch(ready: Extractor, loaded: Sequence[LoadedSource], options: JobOptions) -> list[DocumentResult]:
    results: list[DocumentResult | None] = [None] * len(loaded)
    staged: list[tuple[int, Prepared, float]] = []  # (index, prepared document, seconds used)
    for index, item in enumerate(loaded):
        started = time.perf_counter()
        outcome = _guarded(item, options, time_budget(options, item), partial(_prepare, ready, item, options))
        if isinstance(outcome, DocumentResult):
            results[index] = outcome
        else:
            staged.append((index, outcome, time.perf_counter() - started))
    together = None
    if len(staged) > 1:
        longest = max(staged, key=lambda entry: time_budget(options, loaded[entry[0]]))
        together = _guarded(loaded[longest[0]], options, time_budget(options, loaded[longest[0]]), lambda: ready.tag_entities([p for _, p, _ in staged]))
    for index, prepared, used in staged:
        item = loaded[index]
        budget = time_budget(options, item)
        if len(staged) == 1 or isinstance(together, DocumentResult):
            prepared.entities.clear()  # a batch pass that failed half-way may have left some
            started = time.perf_counter()
            alone = _guarded(item, options, budget - used, partial(ready.tag_entities, [prepared]))
            if isinstance(alone, DocumentResult):
                results[index] = alone
                continue
            used += time.perf_counter() - started
        finished = _guarded(item, options, budget - used, partial(ready.finish, prepared))
        results[index] = finished if isinstance(finished, DocumentResult) else _analysed(item, prepared.document, finished)
    return [result for result in results if result is not None]


def time_budget(options: JobOptions, loaded: LoadedSource) -> float:
    """Seconds of analysis a document may take: --timeout for each started million
    characters (bytes, as read), so that a large dump is analysed rather than timed out."""
    return options.timeout * max(1, -(-len(loaded.data) // TIMEOUT_CHARS))


T = TypeVar("T")


def _prepare(ready: Extractor, loaded: LoadedSource, options: JobOptions) -> Prepared:
    return ready.prepare(_decode(loaded, options, ready.page_chrome))


def _decode(loaded: LoadedSource, options: JobOptions, chrome: PageChrome) -> Document:
    source = loaded.source
    return decode_document(source.doc_id, source.path, loaded.data, chrome, source.format or "text", options.max_chars)


def _guarded(loaded: LoadedSource, options: JobOptions, seconds: float, work: Callable[[], T]) -> T | DocumentResult:
    """work() within `seconds`, or the document's failed (or skipped) result if it raises or overruns."""
    base = loaded.base
    if seconds <= 0:
        seconds = 1e-3  # the budget is spent: the next step gets no more than a moment
    budget = time_budget(options, loaded)
    try:
        with _deadline(seconds):
            return work()
    except DocumentError as error:
        return DocumentResult(replace(base, status=error.status, reason=error.reason), cacheable=True)
    except _Timeout:
        return DocumentResult(replace(base, status="failed", reason=f"analysis took longer than {budget:g} s (see --timeout)"))
    except Exception as exc:
        log.debug("analysis of %s failed", loaded.source.doc_id, exc_info=True)
        return DocumentResult(replace(base, status="failed", reason=f"analysis failed: {type(exc).__name__}: {exc}"))


def _analysed(loaded: LoadedSource, document: Document, extraction: Extraction) -> DocumentResult:
    source, base = loaded.source, loaded.base
    found = extraction.doc_date
    meta = extraction.metadata
    text = document.text if document.text_differs else None
    row = replace(
        base,
        chars=len(document.text),
        doc_date=found.date if found else None,
        doc_date_source=found.source if found else "",
        status="ok",
        reason="",
        mentions=len(extraction.mentions),
        format=document.format,
        encoding=document.encoding,
        text_path=text_name(source.doc_id, document.text) if text is not None else "",
        title=meta.title,
        publisher=meta.publisher,
        dateline_place=meta.dateline_place,
        byline=meta.byline,
        language=meta.language,
        boilerplate_chars=extraction.boilerplate_chars,
        warnings=_warnings(document, extraction),
    )
    labels = Counter(m.label.value for m in extraction.mentions)
    return DocumentResult(row, tuple(extraction.mentions), text, labels=dict(labels), cacheable=True, facts=tuple(extraction.facts))


def _warnings(document: Document, extraction: Extraction) -> str:
    warnings = []
    if extraction.boilerplate_chars > MOSTLY_BOILERPLATE * len(document.text):
        share = round(100 * extraction.boilerplate_chars / len(document.text))
        warnings.append(f"mostly boilerplate: {share}% of the text was blanked and yields no mentions")
    return "; ".join(warnings)


def store_result(cache: ResultCache | None, result: DocumentResult) -> None:
    """Keep an analysed result for the next run (engines that analyse away from the cache)."""
    if result.cacheable:
        _store(cache, result.row.sha256, result)


_NOT_CACHED = ("doc_id", "path", "text_path")  # this run's names for the bytes, not properties of them


def _store(cache: ResultCache | None, sha: str, result: DocumentResult) -> None:
    if cache is None:
        return
    row = row_to_json(result.row)
    for name in _NOT_CACHED:
        row.pop(name)
    # typed mentions without their doc_id: a renamed file reuses them under its new one
    entry = {"format": JSON_FORMAT, "row": row, "text": result.text, "labels": result.labels, "facts": [fact_to_json(f) for f in result.facts]}
    cache.put(sha, entry, (mention_to_json(m) for m in result.mentions))


def _from_entry(entry: dict[str, Any], base: DocumentRow) -> DocumentResult | None:
    """A cached result under this run's doc_id and path (a renamed file reuses its result),
    or None when the entry is not of the format and shape this version writes."""
    text, row, mentions, labels, facts = entry.get("text"), entry.get("row"), entry.get("rows"), entry.get("labels"), entry.get("facts")
    if entry.get("format") != JSON_FORMAT or not (
        isinstance(row, dict)
        and isinstance(facts, list)
        and (text is None or isinstance(text, str))
        and isinstance(mentions, list)
        and isinstance(labels, dict)
        and all(isinstance(k, str) and isinstance(v, int) for k, v in labels.items())
    ):
        return None
    try:
        names = {name: getattr(base, name) for name in _NOT_CACHED}
        names["text_path"] = text_name(base.doc_id, text) if text is not None else ""
        document = row_from_json(dict(row, **names))
        found = tuple(mention_from_json(base.doc_id, cells) for cells in mentions)
        kept = tuple(fact_from_json(base.doc_id, cells) for cells in facts)
    except (ValueError, TypeError, KeyError):
        return None
    return DocumentResult(document, found, text, reused=True, labels=dict(labels), facts=kept)


class _Timeout(Exception):
    pass


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Give up on a document after `seconds`. On the main thread a timer signal interrupts
    the work; on other threads (Dask workers run tasks on threads) a watchdog raises the
    exception in the working thread. Either way it lands between two Python steps, so the
    patterns themselves must stay linear (see the worst-case tests)."""
    if seconds <= 0:
        yield
        return
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGALRM"):
        with _watchdog(seconds):
            yield
        return

    def expire(signum: int, frame: object) -> None:
        raise _Timeout()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _watchdog(seconds: float) -> Iterator[None]:
    thread_id = threading.get_ident()
    lock = threading.Lock()
    state = {"running": True, "fired": False}

    def expire() -> None:
        with lock:
            if state["running"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(_Timeout))

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["running"] = False
            timer.cancel()
            if state["fired"]:
                # the exception may not have been raised yet: take it back
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), None)
