"""`make hostile`: the hostile-input set, run as a user would run it, with the model.

    python -m pipeline.bench.hostile [--out outputs/hostile.json] [--size 500000] [--big]

Each case is a folder of inputs given to `press-extract extract` in a process of its own;
the report gives per case the exit code, each document's status and reason, the wall time
and the process's peak RSS, and whether the case met its expectation (a good document
yields mentions, a problem is a row with a reason or a refusal, no traceback, no hang).
`--big` adds the 9 MB and 50 MB texts (several minutes each with the model).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Texts that have made tools quadratic, hang or blow up: each repeated to --size characters.
ADVERSARIAL = {
    "equals": "=",
    "less-than": "<",
    "full-stops": ".",
    "question-marks": "?!",
    "hyphens": "-",
    "digits": "7",
    "dashed-digits": "1-",
    "comma-digits": "1,",
    "spaces": " ",
    "spaced-punctuation": "= ",
    "spaced-dashes": "1 - ",
    "single-letters": "a ",
    "words": "industry ",
    "committee-of-the": "Committee of the ",
    "bank-and-university": "Bank of China and Tsinghua University and ",
    "government-and": "Chongqing Municipal People's Government and the ",
    "capitalized-run": "Chongqing Liangjiang New Area Management ",
    "and-chain": "big data and ",
    "list-items": "new energy vehicles, ",
    "industries-colon": "industries: big data, ",
    "acronyms": "(ABC) ",
    "legal-suffixes": "Co., Ltd. ",
    "possessives": "Exchange's ",
    "percents": "5% ",
    "percent-ranges": "5%-6%-",
    "money": "100 billion yuan ",
    "percentage-points": "up 3.1 percentage points, ",
    "date-ranges": "January 2024 to ",
    "year-ranges": "2021-2022-",
    "chinese": "重庆市两江新区",
    "quotes": "\"'",
    "parentheses": "((",
    "mixed-punctuation": "=<>|/\\",
}
BOILERPLATE_ONE_LINE = {
    "licence": "渝ICP备20009753号-2",
    "cookies": "By continuing to browse our site you agree to our use of cookies.",
    "share": "Share to: WeChat | Weibo",
    "comments": "Go to Forum >>0 Comment(s)",
    "links": "http://a.cn http://b.cn http://c.cn www.d.cn https://e.cn",
}
RELEASE = "CHENGDU, May 8, 2024 -- Sichuan's GDP reached 6 trillion yuan in 2023, up 6 percent, the Sichuan Provincial Bureau of Statistics said.\n"


@dataclass
class Case:
    name: str
    build: Callable[[Path], list[str]]  # makes the inputs under a folder, returns the CLI arguments
    expect: str  # "ok": every document ok with mentions; "rows": problems are failed rows; "refused": exit 2


def _cases(size: int, big: bool, seeds: Path) -> list[Case]:
    cases: list[Case] = []
    for name, unit in ADVERSARIAL.items():
        cases.append(Case(f"adversarial/{name}", _file(f"{name}.txt", (unit * (size // len(unit) + 1))[:size] + "\n" + RELEASE), "ok"))
    for name, phrase in BOILERPLATE_ONE_LINE.items():
        body = RELEASE.strip() + " "
        line = body * (size // len(body) // 2) + phrase + " " + body * (size // len(body) // 2)
        cases.append(Case(f"one-line/{name}", _file(f"{name}.txt", line), "ok"))
    cases += [
        Case("special/fifo-and-links", _specials, "rows"),
        Case("special/non-utf8-name", _non_utf8_name, "ok"),
        Case("special/duplicate-names", _duplicates, "refused"),
        Case("special/output-inside-input", _output_inside, "ok"),
        Case("special/missing-path", lambda folder: [str(folder / "missing")], "refused"),
    ]
    if big:
        unit = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))) + "\n\n"
        for megabytes in (9, 50):
            chars = megabytes * 1_000_000
            cases.append(Case(f"big/{megabytes}MB", _file(f"dump-{megabytes}MB.txt", (unit * (chars // len(unit) + 1))[:chars]), "ok"))
    return cases


def _file(name: str, text: str) -> Callable[[Path], list[str]]:
    def build(folder: Path) -> list[str]:
        (folder / name).write_text(text, encoding="utf-8")
        return [str(folder)]

    return build


def _specials(folder: Path) -> list[str]:
    (folder / "release.txt").write_text(RELEASE, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    (folder / "to-pipe.txt").symlink_to(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "passwd.html").symlink_to("/etc/passwd")
    with open(folder / "sparse.txt", "wb") as handle:
        handle.truncate(1 << 36)
    return [str(folder)]


def _non_utf8_name(folder: Path) -> list[str]:
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as handle:
        handle.write(RELEASE.encode())
    return [str(folder)]


def _duplicates(folder: Path) -> list[str]:
    for part in ("a", "b"):
        (folder / part).mkdir()
        (folder / part / "release.txt").write_text(RELEASE.replace("6 trillion", f"{ord(part)} trillion"), encoding="utf-8")
    return [str(folder / "a"), str(folder / "b")]


def _output_inside(folder: Path) -> list[str]:
    (folder / "release.txt").write_text(RELEASE, encoding="utf-8")
    return [str(folder)]


def run_case(case: Case, root: Path, model: bool) -> dict[str, Any]:
    folder = root / case.name.replace("/", "-")
    folder.mkdir(parents=True)
    arguments = case.build(folder)
    out = folder if case.name == "special/output-inside-input" else root / (folder.name + "-out")
    command = [sys.executable, "-m", "pipeline", "extract", *arguments, "-o", str(out), "-q"] + ([] if model else ["--no-model"])
    started = time.perf_counter()
    runs = 2 if case.name == "special/output-inside-input" else 1  # the second run must not read the first one's outputs
    peak_kb = 0
    for _ in range(runs):
        with tempfile.TemporaryFile("w+", encoding="utf-8") as errors:
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
            _, status, usage = os.wait4(process.pid, 0)  # this process's own peak, not the largest child's so far
            returncode = os.waitstatus_to_exitcode(status)
            peak_kb = max(peak_kb, usage.ru_maxrss)
            errors.seek(0)
            stderr = errors.read()
    seconds = time.perf_counter() - started
    documents = []
    if (out / "documents.csv").exists():
        with open(out / "documents.csv", encoding="utf-8", newline="") as handle:
            documents = [{k: row[k] for k in ("doc_id", "status", "reason", "mentions", "warnings")} for row in csv.DictReader(handle)]  # identifiers
    traceback = "Traceback" in stderr
    if case.expect == "refused":
        met = returncode == 2 and not traceback and bool(stderr.strip())
    elif case.expect == "rows":
        met = returncode == 1 and not traceback and all(d["reason"] for d in documents if d["status"] != "ok") and any(d["status"] == "ok" and d["mentions"] != "0" for d in documents)
    else:
        met = returncode == 0 and not traceback and bool(documents) and all(d["status"] == "ok" and d["mentions"] != "0" for d in documents)
        if case.name == "special/output-inside-input":
            met = met and [d["doc_id"] for d in documents] == ["release.txt"]
    return {"case": case.name, "exit": returncode, "seconds": round(seconds / runs, 2), "peak_rss_mb": round(peak_kb / 1024), "documents": documents, "stderr": stderr.strip()[-300:], "met": met}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.bench.hostile", description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("outputs/hostile.json"))
    parser.add_argument("--size", type=int, default=500_000, help="characters of each adversarial text")
    parser.add_argument("--big", action="store_true", help="also the 9 MB and 50 MB texts")
    parser.add_argument("--no-model", action="store_true")
    args = parser.parse_args(argv)
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    results = []
    with tempfile.TemporaryDirectory(prefix="press-extract-hostile-") as scratch:
        for case in _cases(args.size, args.big, seeds):
            result = run_case(case, Path(scratch), model=not args.no_model)
            results.append(result)
            print(f"{case.name:40} exit {result['exit']}  {result['seconds']:8.2f} s  peak {result['peak_rss_mb']:6} MB  {'met' if result['met'] else 'NOT MET'}", flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"model": not args.no_model, "size": args.size, "cases": results}, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    failed = [r["case"] for r in results if not r["met"]]
    print(f"{len(results) - len(failed)} of {len(results)} cases met" + (f"; not met: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
