"""The batch job: every input file to one row of documents.csv and its rows of mentions.csv.

- A file that cannot be read, or a document whose analysis fails or runs past its time
  limit, is recorded with its status and reason; the run goes on.
- Results are cached per document (cache.py): reruns analyse only new and changed files,
  and a killed run's finished documents are not analysed again. `full=True` ignores it.
- Where the analysis runs is the engine's business (engines.py: this process, a pool of
  processes, a Dask cluster); what is done to each document is job.py's. Results are
  written in input order, so the outputs do not depend on the engine or the number of
  workers.

Library code: it reports through the returned summary, a progress callback and logging,
never by printing.
"""

from __future__ import annotations

import errno
import logging
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..core.errors import InputError, OutputError
from ..inputs.discover import discover
from ..outputs.base import ResultWriter
from ..outputs.folder import OutputLock, OutputWriter, describe_os_error, output_paths
from .analyse import Job, JobOptions
from .cache import ResultCache
from .engines import Engine, LocalEngine
from .provenance import fingerprint, manifest

log = logging.getLogger(__name__)


@dataclass
class BatchSummary:
    documents: Counter[str] = field(default_factory=Counter)
    mentions: Counter[str] = field(default_factory=Counter)
    warned: int = 0  # documents with a warning
    reused: int = 0
    analysed: int = 0
    seconds: float = 0.0
    out_dir: Path | None = None

    @property
    def failed(self) -> int:
        return self.documents["failed"]


def run_batch(
    inputs: Sequence[str | Path],
    out_dir: Path,
    options: JobOptions,
    workers: int = 1,
    progress: Callable[[int, int], None] | None = None,
    engine: Engine | None = None,
    make_writer: Callable[[Path], ResultWriter] = OutputWriter,
) -> BatchSummary:
    """Analyse every input and publish the outputs through the writer `make_writer` opens on
    the output folder (the folder's CSV files by default; outputs/base.py). Without `engine`,
    a local one with `workers` processes is started for this run and stopped after it."""
    if engine is None:
        with LocalEngine(workers) as local:
            return run_batch(inputs, out_dir, options, progress=progress, engine=local, make_writer=make_writer)
    started = time.perf_counter()
    out_dir = Path(out_dir)
    summary = BatchSummary(out_dir=out_dir)
    sources = discover(inputs, exclude=output_paths(out_dir))  # raises InputError: nothing is touched yet
    if not sources:
        raise InputError(f"nothing to analyse: no files in {', '.join(map(str, inputs))}; the previous outputs in {out_dir} are left as they were")
    key = fingerprint(options)
    lock = OutputLock(out_dir)
    try:
        lock.acquire()
        writer = make_writer(out_dir)  # with the lock held: it may clear what a killed run left
        scratch = Path(tempfile.mkdtemp(prefix=".staging-scratch-", dir=out_dir))
        try:
            cache = ResultCache(out_dir, key, enabled=not options.full)
            cache.begin_run()
            job = Job(options, out_dir, key, scratch / "partitions")
            for done, result in enumerate(engine.results(sources, job), start=1):
                writer.write_document(result)
                summary.documents[result.row.status] += 1
                summary.mentions.update(result.labels)
                summary.warned += bool(result.row.warnings)
                if result.row.sha256:
                    summary.reused += result.reused
                    summary.analysed += not result.reused
                if result.row.status != "ok":
                    log.warning("%s: %s (%s)", result.row.doc_id, result.row.reason, result.row.status)
                elif result.row.warnings:
                    log.warning("%s: %s", result.row.doc_id, result.row.warnings)
                if progress is not None:
                    progress(done, len(sources))
            summary.seconds = time.perf_counter() - started
            counts = {"documents": dict(sorted(summary.documents.items())), "mentions": dict(sorted(summary.mentions.items()))}
            writer.commit(dict(manifest(options, {"analysed": summary.analysed, "reused": summary.reused}, counts), fingerprint=key))
            cache.prune()
        finally:
            writer.abort()  # nothing once committed
            shutil.rmtree(scratch, ignore_errors=True)
    except OSError as exc:
        if exc.errno in _OUTPUT_ERRNOS:
            raise OutputError(describe_os_error(exc, out_dir)) from None
        raise
    finally:
        lock.release()
    return summary


_OUTPUT_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM}
