"""`make bench`: this pipeline against the tools a user would run instead, in one run.

    python -m pipeline.bench [--documents 2000] [--slices 5] [--out outputs/bench.json]

1. Corpus: the seeds plus synthetic releases made from them (corpus.py), cut into slices.
2. Every tool runs in a process of its own (runner.py), loaded once and warmed up. Then,
   slice by slice, each tool processes the slice, in an order that rotates every slice, so
   that a change in the machine's load falls on all tools alike. A ratio is the median of
   the per-slice ratios; throughputs are total words over total seconds.
3. Memory: the pipeline, rules only and in full mode, on 1,000 and on 10,000 documents, each
   run in a fresh process.
4. Start-up: a fresh process loading the model and patterns, three times.
5. The real texts (seeds and ../shared/dev/raw), cold: each tool fresh, each text once.

Before the timings and after them, machine.py records how much of the machine there was
(a fixed loop's seconds, the free capacity of two cores, the load average).

Results go to a JSON file and a table on stdout. Targets are reported, not asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import machine
from .corpus import build_corpus
from .vocabulary import MAX_HIT_RATE, vocabulary_curve

# name -> runner arguments
TOOLS: dict[str, list[str]] = {
    "pipeline (1 worker)": ["pipeline", "--workers", "1"],
    "pipeline (2 workers)": ["pipeline", "--workers", "2"],
    "pipeline --no-model": ["pipeline-no-model", "--workers", "1"],
    "--no-model (2 workers)": ["pipeline-no-model", "--workers", "2"],
    "outputs floor (no-model)": ["outputs-floor", "--workers", "1"],
    "spaCy en_core_web_sm": ["spacy-sm"],
    "spaCy blank tokenizer": ["blank"],
    "blank tokenizer, no cache": ["blank-no-cache"],
    "quantulum3": ["quantulum3"],
}

# (name, faster tool, slower tool, target): the faster one's words/s over the slower one's
RATIOS = [
    ("pipeline / spaCy sm", "pipeline (1 worker)", "spaCy en_core_web_sm", 3.0),
    ("no-model / blank tokenizer", "pipeline --no-model", "spaCy blank tokenizer", 0.4),
    ("2 workers / 1 worker", "pipeline (2 workers)", "pipeline (1 worker)", 1.8),
    ("2 workers / 1, rules only", "--no-model (2 workers)", "pipeline --no-model", 1.8),
    ("no-model / blank, no cache", "pipeline --no-model", "blank tokenizer, no cache", None),
    ("outputs floor / blank tokenizer", "outputs floor (no-model)", "spaCy blank tokenizer", None),
    ("pipeline / quantulum3", "pipeline (1 worker)", "quantulum3", None),
]
MEMORY_MODES = {"rules only": "pipeline-no-model", "full": "pipeline"}  # mode -> runner tool
STARTUP_TARGET_S = 1.5  # the targets are issue 13's
MEMORY_GROWTH_TARGET = 0.10


@dataclass
class Runner:
    """A tool's process, talked to in JSON lines."""

    name: str
    arguments: list[str]
    process: subprocess.Popen[str] | None = None
    ready_s: float = 0.0  # loading, inside the process
    start_wall_s: float = 0.0  # from launch to ready, interpreter start included
    runs: list[dict[str, Any]] = field(default_factory=list)
    memory: dict[str, float] = field(default_factory=dict)

    def start(self) -> None:
        launched = time.perf_counter()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "pipeline.bench.runner", *self.arguments],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        self.ready_s = self._reply()["ready"]
        self.start_wall_s = time.perf_counter() - launched

    def run(self, folder: Path) -> dict[str, Any]:
        self._send({"run": str(folder)})
        return self._reply()

    def stop(self) -> None:
        self._send({"exit": True})
        self.memory = self._reply()
        self.close()

    def close(self) -> None:
        """End the process (if it still runs) and release its pipes."""
        if self.process is None:
            return
        if self.process.poll() is None and self.memory:
            self.process.wait(timeout=120)
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        for pipe in (self.process.stdin, self.process.stdout):
            if pipe is not None:
                pipe.close()

    def _send(self, command: dict[str, Any]) -> None:
        assert self.process is not None and self.process.stdin is not None
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()

    def _reply(self) -> dict[str, Any]:
        assert self.process is not None and self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"benchmark runner {self.name!r} ended unexpectedly (exit status {self.process.wait()})")
        reply: dict[str, Any] = json.loads(line)
        return reply


def _link_into(files: Sequence[Path], folder: Path) -> Path:
    """A folder holding exactly `files` (hard links where the file system allows)."""
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {f.name for f in files}
    for stale in folder.iterdir():
        if stale.name not in wanted:
            stale.unlink()
    for file in files:
        target = folder / file.name
        if not target.exists():
            try:
                os.link(file, target)
            except OSError:
                target.write_bytes(file.read_bytes())
    return folder


def _startups(count: int) -> list[float]:
    """Seconds to ready of `count` fresh pipeline processes (imports, model, patterns), one after another."""
    seconds = []
    for _ in range(count):
        runner = Runner("start-up", ["pipeline", "--workers", "1"])
        try:
            runner.start()
            runner.stop()
        finally:
            runner.close()
        seconds.append(runner.ready_s)
    return seconds


def _words(files: Sequence[Path]) -> int:
    return sum(len(f.read_text(encoding="utf-8").split()) for f in files)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.bench", description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--documents", type=int, default=2000, help="corpus size for the throughput comparison")
    parser.add_argument("--slices", type=int, default=5, help="interleaved rounds (each tool sees every slice once)")
    parser.add_argument("--memory-documents", type=int, nargs=2, default=(1000, 10000), metavar=("SMALL", "LARGE"))
    parser.add_argument("--seeds", type=Path, default=Path("seeds"))
    parser.add_argument("--work", type=Path, default=Path("outputs/bench"), help="where corpora are written (kept between runs)")
    parser.add_argument("--startup-samples", type=int, default=5, help="fresh start-ups timed before the throughput phase")
    parser.add_argument("--out", type=Path, default=Path("outputs/bench.json"))
    parser.add_argument("--dev", type=Path, default=Path("../shared/dev/raw"), help="real texts to compare the corpus's vocabulary with, when present")
    args = parser.parse_args(argv)
    began = time.perf_counter()

    # 1. corpus and slices
    files = build_corpus(args.seeds, args.work / "corpus", max(args.documents, *args.memory_documents))
    corpus = files[: args.documents]
    slices = [_link_into(corpus[k :: args.slices], args.work / f"slice-{k}") for k in range(args.slices)]
    slice_words = [_words(corpus[k :: args.slices]) for k in range(args.slices)]
    warmup = _link_into(files[-8:], args.work / "warmup")
    print(f"corpus: {len(corpus)} documents, {sum(slice_words):,} words, {args.slices} slices", flush=True)
    curves = _vocabulary_check(corpus, args.seeds, args.dev)
    if curves is None:
        return 1
    capacity = {"before": machine.measure()}
    print(f"machine before: {_capacity_line(capacity['before'])}", flush=True)
    # start-up in the machine state the throughput is timed in: fresh processes, one at a time
    startups = _startups(args.startup_samples)

    # 2. throughput, interleaved
    runners = [Runner(name, arguments) for name, arguments in TOOLS.items()]
    try:
        for runner in runners:
            runner.start()
            runner.run(warmup)
        for k, folder in enumerate(slices):
            for runner in runners[k % len(runners) :] + runners[: k % len(runners)]:
                runner.runs.append(runner.run(folder))
            print(f"slice {k + 1}/{args.slices} done ({time.perf_counter() - began:.0f} s)", flush=True)
        for runner in runners:
            runner.stop()
    finally:
        for runner in runners:
            runner.close()

    # 3. memory with corpus size, rules only and in full mode, each run in a fresh process
    memory: dict[str, dict[str, float]] = {}
    for mode, tool in MEMORY_MODES.items():
        memory[mode] = {}
        for size in args.memory_documents:
            runner = Runner(f"memory {mode} {size}", [tool, "--workers", "1"])
            try:
                runner.start()
                result = runner.run(_link_into(files[:size], args.work / f"memory-{size}"))
                runner.stop()
            finally:
                runner.close()
            memory[mode][str(size)] = runner.memory["peak_rss_mb"]
            print(f"memory, {mode}, {size} documents: {result['seconds']:.0f} s, peak RSS {memory[mode][str(size)]} MB", flush=True)

    # 4. start-up again, after the heavy phases: context only (the VM is often slower then)
    later_startups = [next(r for r in runners if r.name == "pipeline (1 worker)").ready_s, *_startups(2)]

    # 5. the real texts, cold: each tool in a fresh process, warmed up on other text, each text once
    real = sorted(args.seeds.glob("*.txt")) + (sorted(args.dev.glob("*.txt")) if args.dev.is_dir() else [])
    real_folder = _link_into(real, args.work / "real")
    real_seconds: dict[str, float] = {}
    for name, arguments in TOOLS.items():
        runner = Runner(name, arguments)
        try:
            runner.start()
            runner.run(warmup)
            real_seconds[name] = runner.run(real_folder)["seconds"]
            runner.stop()
        finally:
            runner.close()
    print(f"real texts, cold: {len(real)} texts, {_words(real):,} words", flush=True)

    capacity["after"] = machine.measure()
    report = _report(args, runners, slice_words, memory, startups, time.perf_counter() - began)
    report["startup"]["after_heavy_phases_s"] = [round(t, 2) for t in later_startups]
    report["vocabulary"] = curves
    report["machine"]["capacity"] = capacity
    real_words = _words(real)
    report["real_texts_cold"] = {
        "texts": len(real),
        "words": real_words,
        "words_per_s": {name: round(real_words / seconds) for name, seconds in real_seconds.items()},
        "ratios": {name: round(real_seconds[slow] / real_seconds[fast], 3) for name, fast, slow, _ in RATIOS},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    _print_table(report)
    print(f"-> {args.out}")
    return 0


def _vocabulary_check(corpus: Sequence[Path], seeds: Path, dev: Path) -> dict[str, Any] | None:
    """The corpus's vocabulary curve next to the real texts'; None (and a loud message) when the
    corpus repeats itself too much to time a tokenizer against."""
    real = sorted(seeds.glob("*.txt")) + (sorted(dev.glob("*.txt")) if dev.is_dir() else [])
    curves = {"corpus": vocabulary_curve(p.read_text(encoding="utf-8") for p in corpus), "real texts": vocabulary_curve(p.read_text(encoding="utf-8") for p in real)}
    print("vocabulary (distinct chunks per chunk read; one-pass cache hit rate at 15,000 chunks):")
    for name, curve in curves.items():
        points = ", ".join(f"{n:,}: {v:.3f}" for n, v in curve.distinct_per_chunk.items())
        print(f"  {name:<11} {points}; hit rate {curve.hit_rate if curve.hit_rate is not None else 'n/a'}")
    hit = curves["corpus"].hit_rate
    if hit is not None and hit > MAX_HIT_RATE:
        print(f"bench: the corpus is far from real text: cache hit rate {hit} > {MAX_HIT_RATE} at 15,000 chunks; fix pipeline/bench/corpus.py", file=sys.stderr)
        return None
    return {name: {"distinct_per_chunk": c.distinct_per_chunk, "hit_rate": c.hit_rate, "chunks": c.chunks} for name, c in curves.items()}


def _report(args: argparse.Namespace, runners: list[Runner], slice_words: list[int], memory: dict[str, dict[str, float]], startups: list[float], seconds: float) -> dict[str, Any]:
    words = sum(slice_words)
    tools: dict[str, Any] = {}
    for runner in runners:
        total = sum(run["seconds"] for run in runner.runs)
        documents = sum(run["documents"] for run in runner.runs)
        tools[runner.name] = {
            "seconds": round(total, 2),
            "documents_per_s": round(documents / total, 1),
            "words_per_s": round(words / total),
            "slice_words_per_s": [round(w / run["seconds"]) for w, run in zip(slice_words, runner.runs)],
            "peak_rss_mb": runner.memory.get("peak_rss_mb"),
            "worker_peak_rss_mb": runner.memory.get("children_peak_rss_mb") if "2 workers" in runner.name else None,  # both 2-worker tools
            "load_s": round(runner.ready_s, 2),
        }
        if "mentions" in runner.runs[0]:
            tools[runner.name]["mentions"] = sum(run["mentions"] for run in runner.runs)
            tools[runner.name]["failed_documents"] = sum(run["failed"] for run in runner.runs)
    by_name = {r.name: r for r in runners}
    ratios: dict[str, Any] = {}
    for name, fast, slow, target in RATIOS:
        per_slice = [s["seconds"] / f["seconds"] for f, s in zip(by_name[fast].runs, by_name[slow].runs)]
        median = statistics.median(per_slice)
        ratios[name] = {
            "median": round(median, 3),
            "mean": round(statistics.mean(per_slice), 3),
            "stdev": round(statistics.stdev(per_slice), 3) if len(per_slice) > 1 else 0.0,
            "range": [round(min(per_slice), 3), round(max(per_slice), 3)],
            "per_slice": [round(r, 3) for r in per_slice],
            "overall": round(tools[fast]["words_per_s"] / tools[slow]["words_per_s"], 3),
            "target": target,
            "met": None if target is None else median >= target,
        }
    small, large = (str(n) for n in args.memory_documents)
    growth = {mode: peaks[large] / peaks[small] - 1 for mode, peaks in memory.items()}
    startup = statistics.median(startups)
    return {
        "machine": {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count()},
        "corpus": {"documents": args.documents, "words": words, "slices": args.slices, "mean_words": round(words / args.documents, 1)},
        "tools": tools,
        "ratios": ratios,
        "memory": {
            mode: {
                "what": "1 worker, fresh process, outputs written as in a user's run",
                "peak_rss_mb": {f"{n} documents": memory[mode][str(n)] for n in args.memory_documents},
                "growth": round(growth[mode], 3),
                "target": MEMORY_GROWTH_TARGET,
                "met": growth[mode] <= MEMORY_GROWTH_TARGET,
            }
            for mode in memory
        },
        "startup": {
            "what": "fresh process: imports, spaCy model and patterns loaded; median of samples taken before the throughput phase",
            "seconds": [round(s, 2) for s in startups],
            "median_s": round(startup, 2),
            "target_s": STARTUP_TARGET_S,
            "met": startup < STARTUP_TARGET_S,
        },
        "bench_seconds": round(seconds, 1),
    }


def _print_table(report: dict[str, Any]) -> None:
    print(f"\n{'tool':24} {'docs/s':>8} {'words/s':>9} {'peak RSS MB':>12} {'load s':>7}")
    for name, tool in report["tools"].items():
        rss = f"{tool['peak_rss_mb']}" + (f" +{tool['worker_peak_rss_mb']}/worker" if tool["worker_peak_rss_mb"] else "")
        print(f"{name:24} {tool['documents_per_s']:>8} {tool['words_per_s']:>9,} {rss:>12} {tool['load_s']:>7}")
    print(f"\n{'ratio (median of slices)':32} {'value':>7} {'mean':>7} {'stdev':>6} {'range':>13} {'target':>7}  met")
    for name, ratio in report["ratios"].items():
        target = "" if ratio["target"] is None else f">={ratio['target']}"
        met = "" if ratio["met"] is None else ("yes" if ratio["met"] else "NO")
        spread = f"{ratio['range'][0]}-{ratio['range'][1]}"
        print(f"{name:32} {ratio['median']:>7} {ratio['mean']:>7} {ratio['stdev']:>6} {spread:>13} {target:>7}  {met}")
    capacity = report["machine"].get("capacity", {})
    for when, reading in capacity.items():
        print(f"machine {when}: {_capacity_line(reading)}")
    for mode, memory in report["memory"].items():
        sizes = ", ".join(f"{k}: {v} MB" for k, v in memory["peak_rss_mb"].items())
        print(f"memory, {mode} ({sizes}): growth {memory['growth']:+.1%} (target <= {memory['target']:.0%}) {'yes' if memory['met'] else 'NO'}")
    startup = report["startup"]
    print(f"start-up: {startup['median_s']} s median (target < {startup['target_s']} s) {'yes' if startup['met'] else 'NO'}; after the heavy phases {startup.get('after_heavy_phases_s')}")
    real = report.get("real_texts_cold")
    if real:
        print(f"\nreal texts, cold ({real['texts']} texts, {real['words']:,} words; each tool fresh, each text once):")
        for name, value in real["words_per_s"].items():
            print(f"  {name:24} {value:>9,} words/s")
        for name, value in real["ratios"].items():
            corpus = report["ratios"][name]["median"]
            print(f"  {name:28} {value:>7}  (corpus {corpus}; {value / corpus - 1:+.0%})")
    print(f"benchmark took {report['bench_seconds']} s")


def _capacity_line(reading: dict[str, Any]) -> str:
    return f"loop {reading['loop_s']} s, free capacity {reading['free_capacity']} of 2 cores, load average {reading['load_average']}"


if __name__ == "__main__":
    sys.exit(main())
