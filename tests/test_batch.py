"""Batch runs: every input accounted for, texts/ and source offsets, atomic outputs that
survive a killed run, incremental reruns equal to full runs, and workers that change nothing.

These run the command line without the model (--no-model): the batch machinery is the same.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from pipeline.analyse.extractor import Extractor
from pipeline.core.settings import Settings
from pipeline.inputs.discover import discover
from pipeline.job.analyse import JobOptions, analyse_sources

from .conftest import SEEDS

OUTPUTS = ("mentions.csv", "documents.csv")


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, check=False)


def extract(inputs: Path, out: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    return cli("extract", str(inputs), "--out", str(out), "--no-model", *flags)


def rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def same_outputs(a: Path, b: Path) -> None:
    for name in OUTPUTS:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    assert sorted(p.name for p in (a / "texts").iterdir()) == sorted(p.name for p in (b / "texts").iterdir())


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    (folder / "guangdong.gb.txt").write_bytes("GUANGZHOU, China, March 8, 2024 /PRNewswire/ -- 广东省 Guangdong's GDP reached 13.57 trillion yuan in 2023, up 4.8 percent.".encode("gb18030"))
    (folder / "page.html").write_text(
        "<html><head><title>Hubei GDP</title></head><body><nav>Home | News</nav><p>WUHAN, July 22, 2024 (Xinhua) -- "
        "Hubei&#39;s GDP reached 2.71&nbsp;trillion yuan, the Hubei Provincial Bureau of Statistics said.</p></body></html>",
        encoding="utf-8",
    )
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    return folder


def test_texts_and_source_offsets(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert extract(inputs, out).returncode == 0
    documents = {d["doc_id"]: d for d in rows(out / "documents.csv")}
    assert documents["guangdong.gb.txt"]["encoding"] == "gb18030" and documents["page.html"]["format"] == "html"
    assert documents["000_08681309357402b5.txt"]["text_path"] == "" and documents["000_08681309357402b5.txt"]["encoding"] == "utf-8"
    assert documents["notes.pdf"]["status"] == "skipped"
    for row in rows(out / "mentions.csv"):
        document = documents[row["doc_id"]]
        if document["text_path"]:
            text = (out / document["text_path"]).read_text(encoding="utf-8")
        else:
            text = (inputs / row["doc_id"]).read_bytes().decode("utf-8").removeprefix("\ufeff")
        assert text[int(row["start"]) : int(row["end"])] == row["text"]
        if document["format"] == "html":
            page = (inputs / row["doc_id"]).read_text(encoding="utf-8")
            source = page[int(row["source_start"]) : int(row["source_end"])]
            assert all(word in source for word in row["text"].replace("'", " ").split()), (row["text"], source)
        else:
            assert (row["source_start"], row["source_end"]) == (row["start"], row["end"])


def test_metadata_columns(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert extract(SEEDS, out).returncode == 0
    documents = {d["doc_id"][:3]: d for d in rows(out / "documents.csv")}
    assert documents["000"]["dateline_place"] == "CHONGQING" and documents["000"]["doc_date_source"] == "metadata"
    assert documents["001"]["byline"] == "YAN DENG" and documents["001"]["publisher"] == "iChongqing"
    assert documents["001"]["title"].startswith("Chongqing to Create Economic Growth Pole")
    assert documents["003"]["publisher"] == "China.org.cn" and int(documents["003"]["boilerplate_chars"]) > 500
    assert documents["004"]["publisher"] == "Chongqing Liangjiang New Area Management Committee"
    assert {d["language"] for d in documents.values()} == {"en"}


def test_incremental_rerun_equals_full_run(inputs: Path, tmp_path: Path) -> None:
    out, full = tmp_path / "out", tmp_path / "full"
    assert extract(inputs, out).returncode == 0
    (inputs / "added.txt").write_text("date 2024-05-01 Xinhua\n\nHunan's GDP grew 4.6 percent in the first quarter.", encoding="utf-8")
    changed = inputs / "004_112140e34e49bee0.txt"
    changed.write_bytes(changed.read_bytes().replace(b"500 billion yuan", b"600 billion yuan"))
    (inputs / "002_fba4d7e3b56181e7.txt").unlink()
    result = extract(inputs, out)
    assert result.returncode == 0 and "(2 analysed, 5 reused)" in result.stdout, result.stdout
    assert extract(inputs, full, "--full").returncode == 0
    same_outputs(out, full)
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["run"] == {"analysed": 2, "reused": 5, "full": False}
    assert {i["doc_id"] for i in manifest["inputs"] if i["reused"]} >= {"000_08681309357402b5.txt", "page.html"}
    assert "002_fba4d7e3b56181e7.txt" not in {r["doc_id"] for r in rows(out / "mentions.csv")}


def test_workers_do_not_change_the_output(inputs: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    assert extract(inputs, one, "--workers", "1").returncode == 0
    assert extract(inputs, two, "--workers", "2").returncode == 0
    same_outputs(one, two)
    assert (one / "manifest.json").read_bytes() == (two / "manifest.json").read_bytes()


def test_killed_run_keeps_previous_outputs_and_the_next_run_completes(inputs: Path, tmp_path: Path) -> None:
    out, clean = tmp_path / "out", tmp_path / "clean"
    assert extract(inputs, out).returncode == 0
    before = {name: (out / name).read_bytes() for name in (*OUTPUTS, "manifest.json")}
    many = tmp_path / "many"
    for copy in range(15):
        shutil.copytree(inputs, many / f"batch{copy:02d}")
        for path in (many / f"batch{copy:02d}").glob("0*.txt"):  # distinct bytes: nothing is reused by accident
            path.write_bytes(path.read_bytes() + f"\n\nCopy {copy} of the release.".encode())
    process = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "extract", str(many), "--out", str(out), "--no-model", "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    cache = out / ".cache"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list(cache.glob("*/*.json"))) < 20 and process.poll() is None:
        time.sleep(0.05)
    assert process.poll() is None, "the run ended before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert {name: (out / name).read_bytes() for name in before} == before  # the killed run published nothing
    result = extract(many, out)
    assert result.returncode == 0 and "reused" in result.stdout
    assert extract(many, clean, "--full").returncode == 0
    same_outputs(out, clean)
    assert not list(out.glob(".staging-*"))


def test_exit_codes(tmp_path: Path) -> None:
    good = tmp_path / "good"
    good.mkdir()
    (good / "a.txt").write_text("GDP grew 5 percent in 2023.", encoding="utf-8")
    assert extract(good, tmp_path / "o1").returncode == 0
    (good / "b.txt").write_bytes(b"\x00\x01\x02binary")
    assert extract(good, tmp_path / "o2").returncode == 1
    assert cli("extract", str(good), "--out", str(tmp_path / "o3"), "--workers", "0").returncode == 2


def test_a_failing_analysis_is_recorded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rules: Extractor) -> None:
    """An unexpected error inside the analysis of one document becomes its documents.csv reason."""
    (tmp_path / "x.txt").write_text("GDP grew 5 percent.", encoding="utf-8")
    (source,) = discover([tmp_path / "x.txt"])

    def broken(prepared: Any) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr(rules, "finish", broken)
    result = analyse_sources([source], lambda: rules, None, JobOptions(Settings(use_model=False)))[0]
    assert result.row.status == "failed" and result.row.reason == "analysis failed: RuntimeError: boom"


@pytest.mark.parametrize("slow_steps", [("prepare",), ("prepare", "finish")])
def test_a_slow_analysis_is_given_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rules: Extractor, slow_steps: Any) -> None:
    """One time budget per document, whatever step spends it."""
    (tmp_path / "x.txt").write_text("GDP grew 5 percent.", encoding="utf-8")
    (source,) = discover([tmp_path / "x.txt"])
    pause = 5 if len(slow_steps) == 1 else 0.15
    for step in slow_steps:
        real = getattr(rules, step)

        def slow(*args: Any, _real: Any = real) -> Any:
            time.sleep(pause)
            return _real(*args)

        monkeypatch.setattr(rules, step, slow)
    result = analyse_sources([source], lambda: rules, None, JobOptions(Settings(use_model=False), timeout=0.2))[0]
    assert result.row.status == "failed" and "longer than 0.2 s" in result.row.reason


def test_a_batch_the_model_fails_on_is_retried_document_by_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rules: Extractor) -> None:
    texts = {"a.txt": "GDP grew 5 percent in 2023.", "b.txt": "BAD input, 3 percent.", "c.txt": "Exports rose 7.5 percent."}
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    sources = discover([tmp_path])
    options = JobOptions(Settings(use_model=False))
    alone = [analyse_sources([source], lambda: rules, None, options)[0] for source in sources]
    calls = []

    def tag_entities(prepared: Any) -> None:
        calls.append(len(prepared))
        if len(prepared) > 1 or prepared[0].text.startswith("BAD"):
            raise MemoryError("model out of memory")

    monkeypatch.setattr(rules, "tag_entities", tag_entities)
    results = analyse_sources(sources, lambda: rules, None, options)
    assert calls == [3, 1, 1, 1]
    assert [r.row.status for r in results] == ["ok", "failed", "ok"]
    assert results[1].row.reason == "analysis failed: MemoryError: model out of memory"
    assert [results[0].mentions, results[2].mentions] == [alone[0].mentions, alone[2].mentions]


def test_file_over_the_size_limit_fails_fast_with_a_reason(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "huge.txt").write_bytes(b"Chongqing GDP grew 5 percent in 2023 " * 290_000)  # about 10.7 MB, one line
    (folder / "small.txt").write_text("GDP grew 5 percent in 2023.", encoding="utf-8")
    result = extract(folder, tmp_path / "out", "--max-chars", "1000000")
    assert result.returncode == 1
    documents = {d["doc_id"]: d for d in rows(tmp_path / "out" / "documents.csv")}
    assert documents["huge.txt"]["status"] == "failed" and "too large" in documents["huge.txt"]["reason"]
    assert documents["small.txt"]["status"] == "ok"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    locked = folder / "locked.txt"
    locked.write_text("GDP grew 5 percent.", encoding="utf-8")
    locked.chmod(0)
    result = extract(folder, tmp_path / "out")
    locked.chmod(0o644)
    (document,) = rows(tmp_path / "out" / "documents.csv")
    assert result.returncode == 1 and document["status"] == "failed" and "Permission denied" in document["reason"]


def test_cache_prune_keeps_every_entry_of_its_fingerprint(tmp_path: Path) -> None:
    """A run on today's folder keeps yesterday's documents; only entries that can never be
    served again go: other fingerprints' folders, the old flat layout, killed runs' temporary files."""
    from pipeline.job.cache import ResultCache

    earlier = ResultCache(tmp_path, "f")
    for sha in ("read", "unused"):
        earlier.put(sha, {"row": sha})
    (earlier.directory / ".tmp-killed").write_text("half")
    ResultCache(tmp_path, "other-settings").put("x", {"row": "x"})
    (earlier.root / "0123.json").write_text("{}")  # the flat layout of older versions
    cache = ResultCache(tmp_path, "f")
    cache.begin_run()
    assert cache.get("read") == {"row": "read", "rows": []}
    assert cache.get("absent") is None
    cache.put("written", {"row": "written"})
    cache.prune()
    assert {p.name for p in cache.directory.iterdir()} == {f"{cache.key(sha)}.json" for sha in ("read", "unused", "written")}
    assert [p.name for p in cache.root.iterdir()] == ["f"]
    assert ResultCache(tmp_path, "f").get("unused") == {"row": "unused", "rows": []}


def test_cache_prune_needs_the_run_start(tmp_path: Path) -> None:
    from pipeline.job.cache import ResultCache

    with pytest.raises(RuntimeError):
        ResultCache(tmp_path, "f").prune()


@pytest.mark.parametrize("items", [[], [{"doc_id": "a"}], [{"doc_id": "b", "sha256": "x\ny", "reused": True}, {"doc_id": "ü", "z": [1, {"k": None}]}]])
def test_streamed_manifest_equals_json_dump(items: Any) -> None:
    import io

    from pipeline.outputs.folder import write_json_with_list

    manifest = {"pipeline": {"name": "press-extract"}, "run": {"full": False}, "zeta": [], "counts": {"documents": {"ok": 1}}}
    streamed = io.StringIO()
    write_json_with_list(streamed, manifest, "inputs", iter(items))
    assert streamed.getvalue() == json.dumps(dict(manifest, inputs=items), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def test_texts_of_removed_documents_are_removed_and_others_kept(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert extract(inputs, out).returncode == 0
    before = sorted(p.name for p in (out / "texts").iterdir())
    assert len(before) == 2  # the HTML page and the GB18030 file
    assert extract(inputs, out).returncode == 0  # unchanged: both reused, both kept
    assert sorted(p.name for p in (out / "texts").iterdir()) == before
    (inputs / "page.html").unlink()
    assert extract(inputs, out).returncode == 0
    assert [p.name for p in (out / "texts").iterdir()] == [n for n in before if not n.startswith("page")]


def test_results_are_not_reused_across_code_changes(tmp_path: Path) -> None:
    """A cached result belongs to the code that computed it: editing any module of the
    package (same version number) gives another fingerprint."""
    from pipeline.job.provenance import code_digest

    package = tmp_path / "pipeline"
    shutil.copytree(Path(__file__).parents[1] / "pipeline", package, ignore=shutil.ignore_patterns("__pycache__"))
    before = code_digest(package)
    assert before == code_digest(Path(__file__).parents[1] / "pipeline")
    with open(package / "normalize" / "money.py", "a", encoding="utf-8") as handle:
        handle.write("\n# edited\n")
    assert code_digest.__wrapped__(package) != before  # past the per-process cache
