"""Hostile inputs and hostile runs: nothing a user gave is lost or misreported, every problem
is a row with a reason or a clear refusal, the exit code says what happened, and no input
hangs a run or makes it quadratic. The command line runs without the model here unless a
test says otherwise (the batch machinery is the same)."""

from __future__ import annotations

import csv
import errno
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from pipeline.analyse.extractor import Extractor
from pipeline.core.settings import DEFAULT_PATTERNS_DIR
from pipeline.inputs.boilerplate import find_boilerplate
from pipeline.outputs.cells import safe_cell, unguard_cell
from pipeline.patterns.loader import load_patterns

RELEASE = "CHENGDU, May 8, 2024 -- Sichuan's GDP reached 6 trillion yuan in 2023, up 6 percent, the Sichuan Provincial Bureau of Statistics said.\n"


def cli(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, check=False, timeout=timeout)


def extract(*args: str) -> subprocess.CompletedProcess[str]:
    return cli("extract", "--no-model", *args)


def rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def documents(out: Path) -> dict[str, dict[str, str]]:
    return {row["doc_id"]: row for row in rows(out / "documents.csv")}


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- boilerplate never blanks more than it matched ----------------------------------------------
def _one_line(example: str, repeat: int = 3000) -> str:
    """A text saved without line breaks (~600 KB) with a boilerplate phrase inside."""
    body = RELEASE.strip() + " "
    return body * (repeat // 2) + example + " " + body * (repeat // 2)


@pytest.mark.parametrize("rule", load_patterns(DEFAULT_PATTERNS_DIR).boilerplate, ids=lambda rule: rule.id)
def test_no_boilerplate_rule_blanks_a_one_line_document(rule: Any, rules: Extractor) -> None:
    examples = rule.examples or (
        "Print E-mail",
        "http://a.cn http://b.cn http://c.cn www.d.cn https://e.cn",
        "主站蜘蛛池模板: 欧美成视频在线观看| 超薄肉色丝袜一区二区| 无限看片在线版免费视频大全 | 伊人久久青草青青综合|",
    )
    for example in examples:
        text = _one_line(example)
        blanked = sum(end - start for start, end, _ in find_boilerplate(text, rules.patterns.boilerplate))
        assert blanked <= max(rule.max_line, len(example) + 2 * len(RELEASE)), (rule.id, example, blanked)
        extraction = rules.extract_text(text, doc_id="one-line.txt")
        money = [m for m in extraction.mentions if m.label.value == "MONEY"]
        assert len(money) >= 2990, (rule.id, example, len(money))


def test_a_short_boilerplate_line_is_still_blanked_whole(rules: Extractor) -> None:
    text = RELEASE + "渝ICP备20009753号-2 Chongqing Daily 2024 all rights reserved, 5 billion yuan\n" + RELEASE
    extraction = rules.extract_text(text, doc_id="licence.txt")
    licence = text.index("渝ICP")
    assert not [m for m in extraction.mentions if licence <= m.start < text.index("\n", licence)]
    assert len([m for m in extraction.mentions if m.label.value == "MONEY"]) == 2


def test_a_mostly_boilerplate_document_gets_a_warning(tmp_path: Path) -> None:
    cookie = "By continuing to browse our site you agree to our use of cookies, revised Privacy Policy and Terms of Use.\n"
    write(tmp_path / "in" / "cookies.txt", cookie * 20 + RELEASE)
    write(tmp_path / "in" / "release.txt", RELEASE)
    result = extract(str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    found = documents(tmp_path / "out")
    assert found["cookies.txt"]["warnings"].startswith("mostly boilerplate: 9")
    assert found["cookies.txt"]["mentions"] != "0" and found["release.txt"]["warnings"] == ""
    assert "1 with warnings" in result.stdout


# -- big inputs are analysed ----------------------------------------------------------------------
def test_a_six_megabyte_text_is_analysed_not_refused(tmp_path: Path) -> None:
    """Past the old 5,000,000-character default: analysed in chunks, every release counted."""
    release = RELEASE + "Exports rose 4.5 percent in the first quarter. " * 40 + "\n"
    count = 6_000_000 // len(release) + 1
    write(tmp_path / "in" / "dump.txt", release * count)
    result = extract(str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert documents(tmp_path / "out")["dump.txt"]["status"] == "ok"
    money = [row for row in rows(tmp_path / "out" / "mentions.csv") if row["label"] == "MONEY"]
    assert len(money) == count and {row["value"] for row in money} == {"6000000000000"}


# -- the command line keeps its word ------------------------------------------------------------
def test_a_missing_input_path_is_refused_and_the_outputs_are_untouched(tmp_path: Path) -> None:
    write(tmp_path / "in" / "release.txt", RELEASE)
    assert extract(str(tmp_path / "in"), "-o", str(tmp_path / "out")).returncode == 0
    before = {name: (tmp_path / "out" / name).read_bytes() for name in ("mentions.csv", "documents.csv", "manifest.json")}
    cache = sorted(p.name for p in (tmp_path / "out" / ".cache").rglob("*"))
    for arguments in ([str(tmp_path / "nonexistent")], [str(tmp_path / "in"), str(tmp_path / "gone.txt")]):
        result = extract(*arguments, "-o", str(tmp_path / "out"))
        assert result.returncode == 2 and "no such file or folder" in result.stderr and "Traceback" not in result.stderr
    (tmp_path / "empty").mkdir()
    result = extract(str(tmp_path / "empty"), "-o", str(tmp_path / "out"))
    assert result.returncode == 2 and "nothing to analyse" in result.stderr
    assert {name: (tmp_path / "out" / name).read_bytes() for name in before} == before
    assert sorted(p.name for p in (tmp_path / "out" / ".cache").rglob("*")) == cache


def test_two_files_with_one_name_in_two_folders(tmp_path: Path) -> None:
    write(tmp_path / "dup" / "a" / "release.txt", RELEASE)
    write(tmp_path / "dup" / "b" / "release.txt", RELEASE.replace("6 trillion", "7 trillion"))
    result = extract(str(tmp_path / "dup" / "a"), str(tmp_path / "dup" / "b"), "-o", str(tmp_path / "out"))
    assert result.returncode == 2 and "same doc_id: 'release.txt'" in result.stderr and "common parent" in result.stderr
    assert not (tmp_path / "out" / "mentions.csv").exists()
    result = extract(str(tmp_path / "dup"), "-o", str(tmp_path / "out"))
    assert result.returncode == 0
    assert sorted(documents(tmp_path / "out")) == ["a/release.txt", "b/release.txt"]


def test_the_output_folder_is_never_read_as_input(tmp_path: Path) -> None:
    folder = tmp_path / "rel2"
    write(folder / "release.txt", RELEASE)
    write(folder / "page.html", f"<html><body><p>{RELEASE}</p></body></html>")
    for _ in range(2):
        result = extract(str(folder), "-o", str(folder))
        assert result.returncode == 0, result.stderr
        assert sorted(documents(folder)) == ["page.html", "release.txt"]
    assert len([row for row in rows(folder / "mentions.csv") if row["label"] == "MONEY"]) == 2
    result = extract(str(folder / "mentions.csv"), str(folder / "release.txt"), "-o", str(folder))
    assert documents(folder)["mentions.csv"]["reason"] == "an output of this run (in --out), not an input"
    nested = tmp_path / "crawl"
    write(nested / "release.txt", RELEASE)
    for _ in range(2):
        assert extract(str(nested), "-o", str(nested / "out")).returncode == 0
    assert sorted(documents(nested / "out")) == ["release.txt"]


@pytest.mark.parametrize(
    "flags,message",
    [
        (["--timeout", "0"], "positive, finite"),
        (["--timeout", "-1"], "positive, finite"),
        (["--timeout", "inf"], "positive, finite"),
        (["--timeout", "nan"], "positive, finite"),
        (["--timeout", "soon"], "not a number"),
        (["--workers", "0"], "not at least 1"),
        (["--max-chars", "-5"], "not at least 1"),
        (["--quiet", "--verbose"], "not allowed with"),
        (["-q", "-v"], "not allowed with"),
        (["--scheduler", "tcp://127.0.0.1:1"], "needs --engine dask"),
    ],
)
def test_invalid_options_are_refused(tmp_path: Path, flags: Any, message: Any) -> None:
    write(tmp_path / "in" / "release.txt", RELEASE)
    result = extract(str(tmp_path / "in"), "-o", str(tmp_path / "out"), *flags)
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out" / "mentions.csv").exists()


def test_short_flags_and_help(tmp_path: Path) -> None:
    write(tmp_path / "in" / "release.txt", RELEASE)
    result = extract(str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-w", "2", "-q")
    assert result.returncode == 0 and result.stdout == ""
    assert documents(tmp_path / "out")["release.txt"]["status"] == "ok"
    help_text = cli("extract", "--help").stdout
    for promise in (".html", "mentions.csv", "documents.csv", "exit codes:", "example:", "-o DIR, --out DIR"):
        assert promise in help_text
    assert "eval" in cli("--help").stdout and "--gold" in cli("eval", "--help").stdout


@pytest.mark.model
def test_the_time_limit_counts_analysis_only(tmp_path: Path) -> None:
    """Loading the model and patterns is not charged to the first documents."""
    for i in range(3):
        write(tmp_path / "in" / f"r{i}.txt", RELEASE)
    result = cli("extract", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--timeout", "0.5")
    assert result.returncode == 0, result.stdout + result.stderr
    assert {row["status"] for row in documents(tmp_path / "out").values()} == {"ok"}


# -- reading: regular files only, inside the tree ---------------------------------------------
def test_pipes_devices_and_links_are_rows_with_reasons(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write(folder / "release.txt", RELEASE)
    outside = write(tmp_path / "secret.txt", "not to be read")
    os.mkfifo(folder / "pipe.txt")
    (folder / "to-pipe.txt").symlink_to(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "outside.html").symlink_to(outside)
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    (folder / "inside.txt").symlink_to(folder / "release.txt")
    started = time.monotonic()
    result = extract(str(folder), "-o", str(tmp_path / "out"))
    assert time.monotonic() - started < 60 and result.returncode == 1 and "Traceback" not in result.stderr
    found = documents(tmp_path / "out")
    assert found["release.txt"]["status"] == found["inside.txt"]["status"] == "ok"
    assert found["pipe.txt"]["reason"] == "not a regular file (a named pipe); not read"
    assert found["to-pipe.txt"]["reason"] == "not a regular file (a named pipe); not read"
    assert found["zero.txt"]["reason"].startswith("symbolic link to /dev/zero, outside the input folder")
    assert "outside the input folder; not followed" in found["outside.html"]["reason"]
    assert found["dangling.txt"]["reason"].startswith("broken symbolic link")
    assert all(found[name]["status"] == "failed" for name in ("pipe.txt", "to-pipe.txt", "zero.txt", "outside.html", "dangling.txt"))
    assert not list((tmp_path / "out" / "texts").iterdir())  # nothing from outside was copied
    # a device given directly is refused by its kind, before anything is read
    result = extract("/dev/zero", str(folder / "release.txt"), "-o", str(tmp_path / "out2"))
    assert documents(tmp_path / "out2")["zero"]["reason"] == "unsupported file type '(none)'; expected .txt, .md, .html or .htm"
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    result = extract(str(tmp_path / "zero.txt"), "-o", str(tmp_path / "out3"))
    assert result.returncode == 1 and documents(tmp_path / "out3")["zero.txt"]["reason"] == "not a regular file (a character device); not read"


def test_a_huge_sparse_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "in" / "sparse.txt"
    path.parent.mkdir()
    with open(path, "wb") as handle:
        handle.truncate(64 * 1024**3)  # 64 GiB of nothing
    result = extract(str(path.parent), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert documents(tmp_path / "out")["sparse.txt"]["reason"].startswith("too large: 68,719,476,736 bytes")


def test_every_file_name_gets_a_row(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "release.txt").write_text(RELEASE, encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), b"caf\xe9-report.txt"), "wb") as handle:
        handle.write(RELEASE.encode())
    result = extract(str(folder), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    found = documents(tmp_path / "out")
    assert found["caf\\xe9-report.txt"]["status"] == "ok" and found["caf\\xe9-report.txt"]["mentions"] == found["release.txt"]["mentions"]
    assert {row["doc_id"] for row in rows(tmp_path / "out" / "mentions.csv")} == {"caf\\xe9-report.txt", "release.txt"}


def test_utf16_without_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    for name, encoding in (("le.txt", "utf-16-le"), ("be.txt", "utf-16-be")):
        (tmp_path / name).write_bytes(RELEASE.encode(encoding))
    result = extract(str(tmp_path / "le.txt"), str(tmp_path / "be.txt"), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    found = documents(tmp_path / "out")
    assert (found["le.txt"]["encoding"], found["be.txt"]["encoding"]) == ("utf-16-le", "utf-16-be")
    assert found["le.txt"]["mentions"] == found["be.txt"]["mentions"] != "0"


# -- safe runs ------------------------------------------------------------------------------------
def test_a_second_run_into_a_folder_in_use_is_refused(tmp_path: Path) -> None:
    from pipeline.outputs.folder import OutputLock

    write(tmp_path / "in" / "release.txt", RELEASE)
    out = tmp_path / "out"
    assert extract(str(tmp_path / "in"), "-o", str(out)).returncode == 0
    before = (out / "documents.csv").read_bytes()
    staging = out / ".staging-of-the-running-run"
    lock = OutputLock(out)
    lock.acquire()  # as a run in progress holds it
    try:
        staging.mkdir()
        result = extract(str(tmp_path / "in"), "-o", str(out), "--full")
        assert result.returncode == 2 and "Traceback" not in result.stderr
        assert f"another press-extract run (process {os.getpid()}) is writing to {out}" in result.stderr
        assert staging.exists() and (out / "documents.csv").read_bytes() == before  # the running run's work is left alone
    finally:
        lock.release()
    assert extract(str(tmp_path / "in"), "-o", str(out)).returncode == 0 and not staging.exists()


def test_sigterm_leaves_the_previous_outputs_and_no_staging(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write(folder / "first.txt", RELEASE)
    out = tmp_path / "out"
    assert extract(str(folder), "-o", str(out)).returncode == 0
    before = (out / "documents.csv").read_bytes()
    for i in range(400):
        write(folder / f"r{i:03}.txt", RELEASE * 30 + str(i))
    run = subprocess.Popen([sys.executable, "-m", "pipeline", "extract", "--no-model", str(folder), "-o", str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not any(out.glob(".staging-*/documents.csv")) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)
    run.send_signal(signal.SIGTERM)
    _, errors = run.communicate(timeout=60)
    assert run.returncode == 143 and "terminated; previous outputs are left as they were" in errors and "Traceback" not in errors
    assert (out / "documents.csv").read_bytes() == before and not list(out.glob(".staging-*"))
    assert extract(str(folder), "-o", str(out)).returncode == 0  # the lock was released
    assert len(documents(out)) == 401


def test_a_full_disk_is_named_and_leaves_no_staging(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.core.errors import OutputError
    from pipeline.core.settings import Settings
    from pipeline.job.analyse import JobOptions
    from pipeline.job.run import run_batch
    from pipeline.outputs.folder import OutputWriter

    write(tmp_path / "in" / "release.txt", RELEASE)
    out = tmp_path / "out"
    options = JobOptions(Settings(use_model=False))
    run_batch([tmp_path / "in"], out, options)
    before = (out / "mentions.csv").read_bytes()

    def full(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(OutputWriter, "write_document", full)
    with pytest.raises(OutputError, match="the disk is full; nothing was published"):
        run_batch([tmp_path / "in"], out, replace(options, full=True))
    assert (out / "mentions.csv").read_bytes() == before and not list(out.glob(".staging-*"))


def test_a_really_full_disk(tmp_path: Path) -> None:
    """On a small tmpfs (root only): the run exits 2 naming the cause, with staging removed;
    then the same file system read-only: named as such, the outputs left as they were."""
    mount = tmp_path / "small"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)], capture_output=True, check=False).returncode:
        pytest.skip("needs root to mount a small tmpfs")
    try:
        for i in range(40):
            write(tmp_path / "in" / f"r{i:02}.txt", RELEASE * 40 + str(i))
        result = extract(str(tmp_path / "in"), "-o", str(mount / "out"))
        assert result.returncode == 2, result.stdout + result.stderr
        assert "the disk is full" in result.stderr and "Traceback" not in result.stderr
        assert not list((mount / "out").glob(".staging-*"))
        shutil.rmtree(mount / "out")
        assert extract(str(tmp_path / "in" / "r00.txt"), "-o", str(mount / "out")).returncode == 0
        before = (mount / "out" / "mentions.csv").read_bytes()
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        result = extract(str(tmp_path / "in" / "r00.txt"), "-o", str(mount / "out"), "--full")
        assert result.returncode == 2 and "the file system is read-only" in result.stderr and "Traceback" not in result.stderr
        assert (mount / "out" / "mentions.csv").read_bytes() == before
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_cache_entries_of_the_wrong_shape_or_edited_are_not_served(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write(folder / "release.txt", RELEASE)
    write(folder / "other.txt", RELEASE.replace("6 trillion", "8 trillion"))
    out = tmp_path / "out"
    assert extract(str(folder), "-o", str(out)).returncode == 0
    expected = (out / "mentions.csv").read_bytes()
    entries = sorted((out / ".cache").glob("*/*.json"))
    assert len(entries) == 2
    body, seal = entries[0].read_text(encoding="utf-8").rsplit("\n", 1)
    wrong = json.loads(body)
    wrong["rows"] = "not a list"  # of the wrong shape, and sealed again as if this version wrote it
    body = json.dumps(wrong, ensure_ascii=False, sort_keys=True)
    fingerprint = json.loads(seal)["fingerprint"]
    checksum = hashlib.sha256(f"{fingerprint}|{body}".encode()).hexdigest()
    entries[0].write_text(body + "\n" + json.dumps({"fingerprint": fingerprint, "checksum": checksum}), encoding="utf-8")
    edited = entries[1].read_text(encoding="utf-8")
    assert "8 trillion yuan" in edited or "6 trillion yuan" in edited
    edited = edited.replace("8 trillion yuan", "999 trillion yuan").replace("6 trillion yuan", "999 trillion yuan")
    entries[1].write_text(edited, encoding="utf-8")  # the checksum no longer matches
    result = extract(str(folder), "-o", str(out))
    assert result.returncode == 0 and "(2 analysed, 0 reused)" in result.stdout
    assert (out / "mentions.csv").read_bytes() == expected
    entries[0].write_text("[1, 2, 3]", encoding="utf-8")
    assert extract(str(folder), "-o", str(out)).returncode == 0 and (out / "mentions.csv").read_bytes() == expected


# -- safe cells -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "cell,safe",
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("+86 23 6715", "'+86 23 6715"),
        ("-2+3", "'-2+3"),
        ("\tx", "'\tx"),
        ("-3.5", "-3.5"),
        ("+12", "+12"),
        ("6000000000000", "6000000000000"),
        ("Chongqing Daily", "Chongqing Daily"),
        ("", ""),
        ("'quoted", "'quoted"),
    ],
)
def test_cells_that_start_like_a_formula_are_guarded(cell: Any, safe: Any) -> None:
    assert safe_cell(cell) == safe and unguard_cell(safe) == cell


def test_page_metadata_cannot_run_in_a_spreadsheet(tmp_path: Path) -> None:
    page = f'<html><head><title>=HYPERLINK("http://evil.example","Click")</title><meta name="author" content="@SUM(1+1)*cmd|\' /C calc\'!A0"></head><body><p>{RELEASE}</p></body></html>'
    write(tmp_path / "in" / "=cmd.html", page)
    result = extract(str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    (row,) = rows(tmp_path / "out" / "documents.csv")
    assert row["title"] == '\'=HYPERLINK("http://evil.example","Click")' and row["doc_id"] == "'=cmd.html"
    assert all(not cell.startswith(("=", "+", "@")) for cell in row.values())
    mentions = rows(tmp_path / "out" / "mentions.csv")
    assert mentions and {m["doc_id"] for m in mentions} == {"'=cmd.html"}
    assert next(m["value"] for m in mentions if m["label"] == "MONEY") == "6000000000000"


# -- no input makes analysis super-linear ------------------------------------------------------
ADVERSARIAL = {
    "full-stops": "." * 200_000,
    "stops-and-capitals": ". A" * 60_000,
    "committee-of-the": "Committee of the " * 12_000,
    "bank-and-university": "Bank of China and Tsinghua University and " * 5_000,
    "government-and": "Chongqing Municipal People's Government and the " * 4_000,
    "equals": "=" * 200_000,
    "less-than": "<" * 200_000,
    "dashed-digits": "1-" * 100_000,
    "question-marks": "?!" * 100_000,
}


@pytest.mark.parametrize("name", ADVERSARIAL)
def test_rules_finish_adversarial_text(rules: Extractor, name: Any) -> None:
    """A hang guard, not a speed test: each takes well under a second when the rules are
    linear, and minutes when one is quadratic (200,000 full stops took ~8 minutes)."""
    text = ADVERSARIAL[name]
    started = time.perf_counter()
    extraction = rules.extract_text(text, doc_id="adversarial.txt")
    assert time.perf_counter() - started < 20, name
    assert all(text[m.start : m.end] == m.text for m in extraction.mentions)


@pytest.mark.model
def test_the_model_view_breaks_runs_the_tokenizer_is_slow_on(model: Extractor) -> None:
    text = "=" * 50_000 + " The Shanghai Stock Exchange said on Tuesday. " + "<" * 50_000
    started = time.perf_counter()
    mentions = model.extract_text(text, doc_id="runs.txt").mentions
    assert time.perf_counter() - started < 30  # was ~60 s per 20,000 characters of '=' in spaCy's tokenizer
    assert [m.text for m in mentions if m.label.value == "ORG"] == ["Shanghai Stock Exchange"]
    assert all(text[m.start : m.end] == m.text for m in mentions)


@pytest.mark.model
def test_the_model_reads_bounded_pieces_whatever_the_text(model: Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    """Token-dense text (~17 KB of model memory a token) reaches the model in calls of a
    bounded number of tokens, so a worker's memory does not grow with a document's length."""
    from pipeline.core import settings

    calls: list[int] = []
    tag = model._tag

    def counting(batch: Any) -> Any:
        calls.append(sum(len(doc) for _, _, doc in batch))
        return tag(batch)

    monkeypatch.setattr(model, "_tag", counting)
    text = "Hexin Tech 1 - 2 = 3 ; " * 20_000 + "\nThe Shanghai Stock Exchange said on Tuesday.\n"  # a name the gate sends to the model
    mentions = model.extract_text(text, doc_id="dense.txt").mentions
    assert len(calls) > 10 and max(calls) <= settings.MODEL_BATCH_TOKENS + settings.MODEL_PIECE_CHARS
    assert [m.text for m in mentions if m.label.value == "ORG"] == ["Shanghai Stock Exchange"]
