"""Engines change where documents are analysed, never what comes out: the Dask engine on a
local cluster of two workers, and a local pool kept across runs, give byte-identical outputs."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pipeline.analyse.extractor import Extractor
from pipeline.core.settings import Settings
from pipeline.job.analyse import JobOptions, _deadline, _Timeout
from pipeline.job.engines import DaskEngine, LocalEngine, _Spool
from pipeline.job.run import run_batch

from .test_batch import extract, inputs, rows, same_outputs  # noqa: F401 - `inputs` is a fixture

NO_MODEL = JobOptions(Settings(use_model=False))


def same_run(a: Path, b: Path) -> None:
    same_outputs(a, b)
    assert (a / "manifest.json").read_bytes() == (b / "manifest.json").read_bytes()


@pytest.fixture(scope="module")
def dask_engine() -> Iterator[DaskEngine]:
    """Two single-threaded worker processes; partitions of two documents, so that several
    partitions are out at once and finish in any order."""
    engine = DaskEngine(workers=2, partition_size=2)
    engine.client()
    yield engine
    engine.close()


@pytest.mark.slow
def test_dask_engine_output_is_byte_identical_to_the_local_engine(inputs: Path, tmp_path: Path, dask_engine: Any) -> None:  # noqa: F811
    (inputs / "empty.txt").write_text("   \n", encoding="utf-8")
    (inputs / "binary.txt").write_bytes(b"\x00\x01\x02\x03 not text")
    local, dask = tmp_path / "local", tmp_path / "dask"
    assert extract(inputs, local).returncode == 1  # the binary file fails, the run goes on
    summary = run_batch([inputs], dask, NO_MODEL, engine=dask_engine)
    assert summary.documents["ok"] == 7 and summary.failed == 1
    same_run(local, dask)
    statuses = {d["doc_id"]: d["status"] for d in rows(dask / "documents.csv")}
    assert statuses["binary.txt"] == "failed" and statuses["notes.pdf"] == "skipped" and statuses["empty.txt"] == "skipped"
    assert not list((dask).glob(".staging-*"))
    loads = dask_engine.client().run(_loads)
    assert len(loads) == 2 and set(loads.values()) <= {0, 1} and sum(loads.values()) >= 1  # the model, once per worker


def _loads() -> int:
    from pipeline.job.engines import _Worker

    return _Worker.loads


@pytest.mark.slow
def test_dask_engine_reruns_incrementally(inputs: Path, tmp_path: Path, dask_engine: Any) -> None:  # noqa: F811
    out, full = tmp_path / "out", tmp_path / "full"
    run_batch([inputs], out, NO_MODEL, engine=dask_engine)
    (inputs / "added.txt").write_text("date 2024-05-01\n\nHunan's GDP grew 4.6 percent in the first quarter.", encoding="utf-8")
    summary = run_batch([inputs], out, NO_MODEL, engine=dask_engine)
    assert (summary.analysed, summary.reused) == (1, 7)
    run_batch([inputs], full, NO_MODEL, workers=1)
    same_outputs(out, full)


@pytest.mark.slow
def test_back_to_back_runs_on_one_engine_keep_their_patterns(tmp_path: Path, dask_engine: Any) -> None:
    """Runs in quick succession share one copy of the patterns on the cluster; re-sending it
    per run once let a run's tasks lose it to the previous run's release (CI, "lost
    dependencies")."""
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(4):
        (folder / f"{number}.txt").write_text(f"Anhui's output grew {number + 3}.5 percent in 2023.", encoding="utf-8")
    options = JobOptions(Settings(use_model=False), full=True)
    for run in range(5):
        summary = run_batch([folder], tmp_path / f"out{run}", options, engine=dask_engine)
        assert summary.documents == {"ok": 4}, summary.documents
        values = sorted(row["value"] for row in rows(tmp_path / f"out{run}" / "mentions.csv") if row["label"] == "PERCENT")
        assert values == ["3.5", "4.5", "5.5", "6.5"]
    assert len(dask_engine._patterns) == 1


@pytest.mark.slow
def test_dask_engine_through_the_command_line(inputs: Path, tmp_path: Path) -> None:  # noqa: F811
    local, dask = tmp_path / "local", tmp_path / "dask"
    assert extract(inputs, local).returncode == 0
    result = extract(inputs, dask, "--engine", "dask", "--workers", "2")
    assert result.returncode == 0, result.stderr
    # the local cluster's log chatter stays quiet (a loaded machine may still get a warning
    # such as "event loop was unresponsive": that is no failure)
    assert " - INFO - " not in result.stderr and "Traceback" not in result.stderr, result.stderr
    same_run(local, dask)


def test_scheduler_needs_the_dask_engine(tmp_path: Path) -> None:
    from .test_batch import cli

    result = cli("extract", str(tmp_path), "--out", str(tmp_path / "o"), "--scheduler", "tcp://127.0.0.1:1")
    assert result.returncode == 2 and "--engine dask" in result.stderr


def test_a_local_pool_serves_several_runs(inputs: Path, tmp_path: Path) -> None:  # noqa: F811
    first, second, fresh = tmp_path / "first", tmp_path / "second", tmp_path / "fresh"
    options = JobOptions(Settings(use_model=False), full=True)
    with LocalEngine(2) as engine:
        run_batch([inputs], first, options, engine=engine)
        (inputs / "added.txt").write_text("GDP grew 5 percent in 2023.", encoding="utf-8")
        run_batch([inputs], second, options, engine=engine)
    run_batch([inputs], fresh, options, workers=1)
    same_run(second, fresh)
    assert len(rows(second / "documents.csv")) == len(rows(first / "documents.csv")) + 1


def test_spool_gives_partitions_back_in_any_order_they_were_written(tmp_path: Path) -> None:
    from pipeline.core.results import DocumentResult, DocumentRow

    def result(doc_id: str) -> DocumentResult:
        return DocumentResult(DocumentRow(doc_id=doc_id, path=doc_id, sha256="", chars=None, doc_date=None, doc_date_source="", status="ok", reason="", mentions=0))

    spool = _Spool(tmp_path / "parts")
    spool.put(1, [result("c")])
    spool.put(0, [result("a"), result("b")])
    assert spool.has(0) and spool.has(1) and not spool.has(2)
    assert [r.row.doc_id for r in spool.take(0) + spool.take(1)] == ["a", "b", "c"]
    assert not list((tmp_path / "parts").iterdir())


def test_time_limit_holds_off_the_main_thread() -> None:
    """Dask runs tasks on worker threads, where no timer signal arrives: a watchdog stops the work."""
    outcome: list[str] = []

    def work() -> None:
        try:
            with _deadline(0.2):
                end = time.monotonic() + 10
                while time.monotonic() < end:
                    pass
            outcome.append("finished")
        except _Timeout:
            outcome.append("timed out")

    started = time.monotonic()
    thread = threading.Thread(target=work)
    thread.start()
    thread.join(15)
    assert outcome == ["timed out"] and time.monotonic() - started < 5


def test_work_within_the_limit_is_not_disturbed_off_the_main_thread() -> None:
    outcome: list[int] = []

    def work() -> None:
        for _ in range(50):
            with _deadline(5):
                sum(range(1000))
        time.sleep(0.1)  # a late watchdog would strike here
        outcome.append(1)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(10)
    assert outcome == [1]


@pytest.mark.model
def test_documents_analysed_together_come_out_as_analysed_alone(model: Extractor) -> None:
    """Engines batch documents for the model (tag_entities on several at once); the model's
    answer for a document must not depend on its batch, or --workers would change outputs."""
    from pipeline.inputs.decode import Document
    from pipeline.inputs.discover import discover

    from .conftest import SEEDS, read_document
    from .test_composed_releases import SENTENCES

    documents = [read_document(source) for source in discover([SEEDS])]
    documents += [Document(f"s{i}", Path(f"s{i}"), str(i), sentence) for i, (_, sentence, _) in enumerate(SENTENCES)]

    def entities(item: Any) -> list[tuple[int, int, str]]:
        return list(item.entities)

    alone = []
    for document in documents:
        item = model.prepare(document)
        model.tag_entities([item])
        alone.append((entities(item), model.finish(item).mentions))
    prepared = [model.prepare(document) for document in documents + documents[:2]]  # repeats in one batch too
    model.tag_entities(prepared)
    together = [(entities(item), model.finish(item).mentions) for item in prepared]
    assert together == alone + alone[:2]
    assert sum(len(found) for found, _ in together) > 100  # the model did find entities
