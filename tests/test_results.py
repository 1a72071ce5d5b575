"""Typed results to the edge: the cache's JSON form gives back the same typed mentions, an
entry of another format is not served, and run_batch writes through any ResultWriter."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pipeline.core.mention import Label, Mention
from pipeline.core.results import JSON_FORMAT, DocumentResult, DocumentRow, mention_from_json, mention_to_json, row_from_json, row_to_json
from pipeline.core.settings import Settings
from pipeline.job.analyse import JobOptions
from pipeline.job.run import run_batch

MONEY = Mention(
    doc_id="a.txt",
    mention_id="m1",
    label=Label.MONEY,
    text="1.1 trillion yuan",
    start=3,
    end=20,
    sentence_start=0,
    sentence_end=40,
    value=Decimal("1.1E+12"),
    value_high=None,
    unit="CNY",
    qualifier="approx",
    each=False,
    inferred=False,
    rule="money.amount",
    source_start=5,
    source_end=22,
)
DATE = Mention(
    doc_id="a.txt",
    mention_id="m2",
    label=Label.DATE,
    text="last November",
    start=30,
    end=43,
    sentence_start=0,
    sentence_end=40,
    date_start=date(2020, 11, 1),
    date_end=date(2020, 11, 30),
    granularity="month",
    rule="date.relative_month",
)


@pytest.mark.parametrize("mention", [MONEY, DATE], ids=["money", "date"])
def test_a_mention_survives_the_json_form_exactly(mention: Mention) -> None:
    cells = json.loads(json.dumps(mention_to_json(mention)))
    back = mention_from_json("renamed.txt", cells)
    assert back == Mention(**{**{f: getattr(mention, f) for f in mention.__slots__}, "doc_id": "renamed.txt"})
    assert isinstance(back.value, Decimal) if mention.value is not None else back.value is None
    assert back.date_start == mention.date_start and (back.date_start is None or isinstance(back.date_start, date))


@pytest.mark.parametrize(
    "change",
    [
        lambda cells: cells[:-1],  # a field missing
        lambda cells: [*cells[:3], "3", *cells[4:]],  # start as text
        lambda cells: [*cells[:1], "WEALTH", *cells[2:]],  # no such label
        lambda cells: [*cells[:7], "1,1", *cells[8:]],  # not a decimal
    ],
)
def test_a_malformed_mention_is_refused(change: Any) -> None:
    with pytest.raises((ValueError, TypeError, ArithmeticError)):
        mention_from_json("a.txt", change(mention_to_json(MONEY)))


def test_a_document_row_survives_the_json_form() -> None:
    row = DocumentRow(doc_id="a.txt", path="in/a.txt", sha256="ab", chars=12, doc_date=date(2024, 7, 15), doc_date_source="dateline", status="ok", reason="", mentions=2)
    assert row_from_json(json.loads(json.dumps(row_to_json(row)))) == row
    with pytest.raises(TypeError):
        row_from_json(dict(row_to_json(row), chars="12"))


def _analyse(folder: Path, out: Path, **kwargs: Any) -> Any:
    return run_batch([folder], out, JobOptions(Settings(use_model=False)), **kwargs)


def test_a_cache_entry_of_another_format_is_analysed_again(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Exports rose 5.5 percent to 1.2 billion yuan in 2023.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert _analyse(folder, out).analysed == 1
    first = (out / "mentions.csv").read_bytes()
    for entry in (out / ".cache").glob("*/*.json"):
        body, _, seal = entry.read_text(encoding="utf-8").rpartition("\n")
        assert json.loads(body)["format"] == JSON_FORMAT
        # an entry as an older version wrote it, sealed correctly: its format alone refuses it
        from pipeline.job.cache import _checksum

        older = json.dumps(dict(json.loads(body), format=JSON_FORMAT - 1), ensure_ascii=False, sort_keys=True)
        fingerprint = json.loads(seal)["fingerprint"]
        entry.write_text(older + "\n" + json.dumps({"fingerprint": fingerprint, "checksum": _checksum(fingerprint, older)}), encoding="utf-8")
    again = _analyse(folder, out)
    assert (again.analysed, again.reused) == (1, 0) and (out / "mentions.csv").read_bytes() == first
    assert _analyse(folder, out).reused == 1


class RecordingWriter:
    """A ResultWriter that keeps what it is given."""

    def __init__(self, out_dir: Path) -> None:
        self.results: list[DocumentResult] = []
        self.manifest: dict[str, Any] | None = None
        self.aborted = False

    def write_document(self, result: DocumentResult) -> None:
        self.results.append(result)

    def commit(self, manifest: dict[str, Any]) -> None:
        self.manifest = manifest

    def abort(self) -> None:
        self.aborted = self.manifest is None


def test_run_batch_writes_typed_results_through_the_writer_it_is_given(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "b.txt").write_text("Date: 2024-07-15\nThe district's output reached 300 billion yuan last year.\n", encoding="utf-8")
    (folder / "a.txt").write_bytes(b"\xff\xfe\x00")
    writers: list[RecordingWriter] = []

    def make(out_dir: Path) -> RecordingWriter:
        writers.append(RecordingWriter(out_dir))
        return writers[-1]

    _analyse(folder, tmp_path / "out", make_writer=make)
    (writer,) = writers
    assert [r.row.doc_id for r in writer.results] == ["a.txt", "b.txt"]
    assert writer.results[0].row.status == "failed"
    ok = writer.results[1]
    assert ok.row.doc_date == date(2024, 7, 15)
    money = [m for m in ok.mentions if m.label is Label.MONEY]
    year = [m for m in ok.mentions if m.label is Label.DATE and m.text == "last year"]
    assert [m.value for m in money] == [Decimal(300000000000)]
    assert [(m.date_start, m.date_end) for m in year] == [(date(2023, 1, 1), date(2023, 12, 31))]
    assert writer.manifest is not None and writer.manifest["counts"]["documents"] == {"failed": 1, "ok": 1}
    assert not writer.aborted
    assert not (tmp_path / "out" / "mentions.csv").exists()  # the folder's CSV writer was not used


def test_a_run_that_fails_aborts_its_writer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Output rose 3 percent.\n", encoding="utf-8")
    writers: list[RecordingWriter] = []

    def make(out_dir: Path) -> RecordingWriter:
        writers.append(RecordingWriter(out_dir))
        return writers[-1]

    def broken(self: RecordingWriter, result: DocumentResult) -> None:
        raise RuntimeError("the database went away")

    monkeypatch.setattr(RecordingWriter, "write_document", broken)
    with pytest.raises(RuntimeError):
        _analyse(folder, tmp_path / "out", make_writer=make)
    assert writers[0].aborted and writers[0].manifest is None
    assert not list((tmp_path / "out").glob(".staging-*"))
