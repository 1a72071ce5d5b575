"""Where documents are analysed: engines take a run's sources and hand back one result per
source, in input order, so the outputs never depend on the engine.

  LocalEngine  this process, or a pool of N worker processes on this machine
  DaskEngine   the workers of a Dask cluster (dask.distributed); a local cluster by default

Every worker loads the model once and keeps it for all the documents it is given. An engine
can serve several runs (the benchmark keeps one warm); use it as a context manager.
"""

from __future__ import annotations

import logging
import multiprocessing
import pickle
import tempfile
import threading
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from ..analyse.extractor import Extractor
from ..core.errors import require_extra
from ..core.results import DocumentResult
from ..core.settings import DOCUMENT_BATCH, Settings
from ..inputs.discover import Source
from ..patterns.loader import PatternBundle
from .analyse import Job, JobOptions, LoadedSource, analyse_many, analyse_sources, load_source, store_result
from .cache import ResultCache

if TYPE_CHECKING:
    from distributed import Client, Future, LocalCluster

log = logging.getLogger(__name__)


class Engine(ABC):
    name = ""

    @abstractmethod
    def results(self, sources: Sequence[Source], job: Job) -> Iterator[DocumentResult]:
        """One result per source, in the order of `sources`."""

    def close(self) -> None:
        """Stop what the engine started."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.close()


# -- the state of a worker process: the model, loaded once ------------------------------------------
class _Worker:
    """Per process: the extractor for the current settings, and the current run's cache."""

    lock = threading.RLock()  # a Dask worker may run tasks on several threads
    settings: Settings | None = None
    extractor: Extractor | None = None
    job: Job | None = None
    cache: ResultCache | None = None
    loads = 0  # how many times this process built an extractor

    @classmethod
    def get_extractor(cls, settings: Settings) -> Extractor:
        """Built on the first document that needs it: a rerun with nothing new loads no model."""
        with cls.lock:
            if cls.extractor is None or cls.settings != settings:
                cls.extractor = Extractor(settings)
                cls.settings = settings
                cls.loads += 1
            return cls.extractor

    @classmethod
    def get_cache(cls, job: Job) -> ResultCache:
        if cls.cache is None or cls.job != job:
            cls.cache = job.cache()
            cls.job = job
        return cls.cache


def _analyse_in_worker(task: tuple[Job, Sequence[Source]]) -> list[DocumentResult]:
    job, sources = task
    return analyse_sources(sources, lambda: _Worker.get_extractor(job.options.settings), _Worker.get_cache(job), job.options)


def _analyse_partition(options: JobOptions, patterns: PatternBundle, loaded: list[LoadedSource]) -> list[DocumentResult]:
    """A Dask task: the documents of one partition, read by the client, analysed here with
    the client's patterns (unpacked once per machine: workers need not have the folder)."""
    with _Worker.lock:  # one partition at a time per process, whatever the worker's thread count
        settings = replace(options.settings, patterns_dir=patterns.unpack(Path(tempfile.gettempdir()) / "press-extract-patterns"))
        return analyse_many(loaded, lambda: _Worker.get_extractor(settings), options)


# -- this machine -----------------------------------------------------------------------------------
class LocalEngine(Engine):
    """`workers` = 1 analyses in this process; more start a pool of processes ("spawn": each
    starts clean and loads its own model), kept until the engine closes."""

    name = "local"

    def __init__(self, workers: int = 1) -> None:
        self.workers = max(1, workers)
        self._pool: Any = None

    def results(self, sources: Sequence[Source], job: Job) -> Iterator[DocumentResult]:
        batches = _batches(sources, self.workers)
        if self.workers <= 1 or len(sources) <= 1:
            for batch in batches:
                yield from _analyse_in_worker((job, batch))
            return
        if self._pool is None:
            self._pool = multiprocessing.get_context("spawn").Pool(self.workers)
        for results in self._pool.imap(_analyse_in_worker, ((job, batch) for batch in batches), chunksize=1):
            yield from results

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None


def _batches(sources: Sequence[Source], workers: int) -> Iterator[Sequence[Source]]:
    """Consecutive batches of at most DOCUMENT_BATCH sources. For a pool they shrink towards
    the end (a share of what remains), so that the workers finish together: one large batch
    left to a single worker at the end would leave the others idle."""
    start = 0
    while start < len(sources):
        size = DOCUMENT_BATCH if workers <= 1 else max(1, min(DOCUMENT_BATCH, (len(sources) - start) // (2 * workers)))
        yield sources[start : start + size]
        start += size


# -- a Dask cluster ---------------------------------------------------------------------------------
class DaskEngine(Engine):
    """Documents go to the cluster in partitions of consecutive sources. This process reads
    the files (workers need no access to them), answers from the result cache, and sends
    the rest with their bytes; each finished partition is written to the run's spool
    folder, and partitions are merged from there in document order. At most `2 x workers`
    partitions are out at a time, so memory stays flat whatever the corpus size.

    Without `scheduler` a local cluster of `workers` single-threaded processes is started.
    """

    name = "dask"

    def __init__(self, scheduler: str | None = None, workers: int = 2, partition_size: int = 32) -> None:
        self.scheduler = scheduler
        self.workers = max(1, workers)
        self.partition_size = max(1, partition_size)
        self._client: Client | None = None
        self._cluster: LocalCluster | None = None
        self._patterns: dict[str, Future[PatternBundle]] = {}  # bundle digest -> its copy on the cluster

    def client(self) -> Client:
        if self._client is None:
            from distributed import Client, LocalCluster

            if self.scheduler:
                self._client = Client(self.scheduler)
            else:
                self._cluster = LocalCluster(
                    # the scheduler's HTTP endpoint on a free port: 8787 may be taken by another cluster
                    n_workers=self.workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=":0",
                    silence_logs=logging.ERROR,
                )
                self._client = Client(self._cluster)
        return self._client

    def _slots(self) -> int:
        """Partitions to keep out at a time: two per worker thread."""
        threads = sum(self.client().nthreads().values()) or self.workers
        return 2 * threads

    def results(self, sources: Sequence[Source], job: Job) -> Iterator[DocumentResult]:
        from distributed import as_completed

        client = self.client()
        cache = job.cache()
        patterns = self._scattered(PatternBundle.of(job.options.settings.patterns_dir))
        spool = _Spool(job.spool_dir)
        partitions = [list(sources[i : i + self.partition_size]) for i in range(0, len(sources), self.partition_size)]
        waiting: dict[int, list[DocumentResult | LoadedSource]] = {}  # partition -> its documents, read
        out: dict[Any, int] = {}  # future -> partition
        completed = as_completed()
        next_to_send = next_to_merge = 0
        try:
            while next_to_merge < len(partitions):
                while next_to_send < len(partitions) and len(out) < self._slots():
                    items: list[DocumentResult | LoadedSource] = [load_source(source, cache, job.options.max_chars) for source in partitions[next_to_send]]
                    loaded = [item for item in items if isinstance(item, LoadedSource)]
                    if loaded:
                        waiting[next_to_send] = items
                        future = client.submit(_analyse_partition, job.options, patterns, loaded, pure=False)
                        out[future] = next_to_send
                        completed.add(future)
                    else:
                        spool.put(next_to_send, [item for item in items if isinstance(item, DocumentResult)])
                    next_to_send += 1
                if out and not spool.has(next_to_merge):
                    future = next(completed)
                    number = out.pop(future)
                    analysed = iter(self._partition_results(future, waiting[number], job.options))
                    merged = [item if isinstance(item, DocumentResult) else next(analysed) for item in waiting.pop(number)]
                    for result in merged:
                        store_result(cache, result)
                    spool.put(number, merged)
                while spool.has(next_to_merge):
                    yield from spool.take(next_to_merge)
                    next_to_merge += 1
        finally:
            for future in out:
                future.cancel()
            spool.clear()

    def _scattered(self, bundle: PatternBundle) -> Future[PatternBundle]:
        """The bundle on every worker, sent once for the engine's life. Held, not re-sent per
        run: with a content-hashed key, a run's release of the previous run's copy could
        reach the scheduler after the next run re-sent it, and drop it under the new run's
        tasks ("lost dependencies"); hence also a key of its own (hash=False)."""
        if bundle.digest not in self._patterns:
            self._patterns[bundle.digest] = self.client().scatter(bundle, broadcast=True, hash=False)
        return self._patterns[bundle.digest]

    @staticmethod
    def _partition_results(future: Future[list[DocumentResult]], items: list[DocumentResult | LoadedSource], options: JobOptions) -> list[DocumentResult]:
        """The partition's results; if its task failed as a whole (a worker died), every
        document of it is recorded as failed, with the reason."""
        try:
            results: list[DocumentResult] = future.result()
            return results
        except Exception as exc:
            log.debug("a partition failed", exc_info=True)
            reason = f"cluster task failed: {type(exc).__name__}: {exc}"
            return [DocumentResult(replace(item.base, status="failed", reason=reason)) for item in items if isinstance(item, LoadedSource)]

    def close(self) -> None:
        self._patterns.clear()
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None


class _Spool:
    """Finished partitions on disk until their turn to be merged comes."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.ready: set[int] = set()

    def _path(self, number: int) -> Path:
        return self.directory / f"part-{number:07d}.pickle"

    def put(self, number: int, results: list[DocumentResult]) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        with open(self._path(number), "wb") as handle:
            pickle.dump(results, handle, protocol=pickle.HIGHEST_PROTOCOL)
        self.ready.add(number)

    def has(self, number: int) -> bool:
        return number in self.ready

    def take(self, number: int) -> list[DocumentResult]:
        path = self._path(number)
        with open(path, "rb") as handle:
            results: list[DocumentResult] = pickle.load(handle)
        path.unlink()
        self.ready.discard(number)
        return results

    def clear(self) -> None:
        for number in list(self.ready):
            self._path(number).unlink(missing_ok=True)
        self.ready.clear()


def make_engine(name: str, workers: int = 1, scheduler: str | None = None) -> Engine:
    if name == "dask":
        require_extra("distributed", "the Dask engine", "dask")
        return DaskEngine(scheduler, workers=workers)
    return LocalEngine(workers)
