"""The benchmark's machinery on a tiny corpus: a corpus that varies the seeds, every figure
in bench.json. No timing is asserted (speed is measured by `make bench`, not by tests)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.bench.__main__ import RATIOS, TOOLS, main
from pipeline.bench.corpus import build_corpus

from .conftest import SEEDS


def test_corpus_is_varied_deterministic_and_grows_without_rewriting(tmp_path: Path) -> None:
    first = build_corpus(SEEDS, tmp_path / "a", 12)
    again = build_corpus(SEEDS, tmp_path / "b", 12)
    assert [f.read_bytes() for f in first] == [f.read_bytes() for f in again]
    texts = [f.read_text(encoding="utf-8") for f in first]
    assert len(set(texts)) == len(texts) == 12
    seeds = {p.read_text(encoding="utf-8") for p in SEEDS.iterdir()}
    assert sum(text in seeds for text in texts) == len(seeds)  # the seeds themselves, then synthetic releases
    more = build_corpus(SEEDS, tmp_path / "a", 20)
    assert more[:12] == first and [f.read_bytes() for f in more[:12]] == [f.read_bytes() for f in again]


@pytest.mark.slow
def test_bench_writes_every_figure(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "bench.json"
    assert main(["--documents", "10", "--slices", "2", "--memory-documents", "6", "12", "--startup-samples", "2", "--work", str(tmp_path / "work"), "--out", str(out)]) == 0
    report = json.loads(out.read_text())
    assert set(report["tools"]) == set(TOOLS)
    for tool in report["tools"].values():
        assert tool["words_per_s"] > 0 and tool["peak_rss_mb"] > 0 and len(tool["slice_words_per_s"]) == 2
    assert report["tools"]["pipeline (1 worker)"]["failed_documents"] == 0
    assert report["tools"]["pipeline (1 worker)"]["mentions"] == report["tools"]["pipeline (2 workers)"]["mentions"] > 0
    # the floor writes what the rules-only run writes, with the extraction replayed
    assert report["tools"]["outputs floor (no-model)"]["mentions"] == report["tools"]["pipeline --no-model"]["mentions"] > 0
    assert set(report["ratios"]) == {name for name, *_ in RATIOS}
    assert all(ratio["median"] > 0 for ratio in report["ratios"].values())
    assert set(report["memory"]) == {"rules only", "full"}
    assert all(set(memory["peak_rss_mb"]) == {"6 documents", "12 documents"} for memory in report["memory"].values())
    for reading in report["machine"]["capacity"].values():  # the machine's capacity, before and after
        assert reading["loop_s"] > 0 and 0 < reading["free_capacity"] <= 2.5 and len(reading["load_average"]) == 3
    ratio = report["ratios"]["pipeline / spaCy sm"]
    assert ratio["range"][0] <= ratio["median"] <= ratio["range"][1] and ratio["stdev"] >= 0
    startup = report["startup"]
    assert len(startup["seconds"]) == 2 and len(startup["after_heavy_phases_s"]) == 3 and startup["median_s"] > 0
    assert report["corpus"]["documents"] == 10
    assert "pipeline / spaCy sm" in capsys.readouterr().out


def test_the_load_benchmark_measures_every_engine_and_the_floor() -> None:
    """A small run of `make bench`'s load table: every engine timed, and PostgreSQL next to
    psql's own \\copy when the server binaries are there (no timing is asserted)."""
    from pipeline.bench.loads import run
    from pipeline.bench.pgserver import server_binaries

    results = run(documents=12)
    assert results["documents"] == 12 and results["mentions"] > 12
    assert set(results["engines"]) >= {"sqlite", "duckdb"}
    if server_binaries() is not None:
        assert results["engines"]["postgresql"]["seconds"] > 0 and results["postgresql_vs_floor"] > 0
