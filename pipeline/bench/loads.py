"""Load throughput: an output folder of 10,000 documents (the seeds' results, copied under
new doc_ids) loaded into SQLite, DuckDB and a throwaway PostgreSQL server, next to the floor:
psql's own `\\copy` of the same mentions.csv and documents.csv into tables of the same types.

    python -m pipeline.bench.loads [--documents N] [--out FILE.json]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..core.settings import Settings
from ..job.analyse import JobOptions
from ..job.run import run_batch
from ..outputs.db import load_folder
from ..outputs.db.schema import INDEXES
from .pgserver import ServerMissing, postgres_server

SEEDS = Path(__file__).parents[2] / "seeds"
REPEATS = 3  # PostgreSQL load and floor, interleaved; medians reported

_FLOOR_TYPES = {
    "start": "integer",
    "end": "integer",
    "sentence_start": "integer",
    "sentence_end": "integer",
    "source_start": "integer",
    "source_end": "integer",
    "value": "numeric",
    "value_high": "numeric",
    "each": "boolean",
    "inferred": "boolean",
    "date_start": "date",
    "date_end": "date",
    "chars": "integer",
    "mentions": "integer",
    "boilerplate_chars": "integer",
    "doc_date": "date",
}  # identifiers


def build_folder(documents: int, root: Path) -> Path:
    """The seeds' output folder grown to `documents` documents with distinct doc_ids and bytes."""
    seeds_out = root / "seeds-out"
    run_batch([SEEDS], seeds_out, JobOptions(Settings(use_model=False)))
    out = root / "big"
    (out / "texts").mkdir(parents=True)
    with open(seeds_out / "documents.csv", encoding="utf-8", newline="") as handle:
        seed_docs = list(csv.DictReader(handle))
    with open(seeds_out / "mentions.csv", encoding="utf-8", newline="") as handle:
        seed_mentions = list(csv.DictReader(handle))
    for row in seed_docs:  # one text file per seed, shared by its copies
        name = f"texts/{row['doc_id']}.txt"
        shutil.copy(Path(row["path"]), out / name)
        row["text_path"] = name
    with open(out / "documents.csv", "w", encoding="utf-8", newline="") as docs, open(out / "mentions.csv", "w", encoding="utf-8", newline="") as ments:
        doc_writer = csv.DictWriter(docs, fieldnames=list(seed_docs[0]), lineterminator="\n")
        mention_writer = csv.DictWriter(ments, fieldnames=list(seed_mentions[0]), lineterminator="\n")
        doc_writer.writeheader()
        mention_writer.writeheader()
        for number in range(documents):
            seed = seed_docs[number % len(seed_docs)]
            doc_id = f"{number:06d}-{seed['doc_id']}"
            doc_writer.writerow(dict(seed, doc_id=doc_id, sha256=hashlib.sha256(f"{doc_id}|{seed['sha256']}".encode()).hexdigest()))
            for mention in seed_mentions:
                if mention["doc_id"] == seed["doc_id"]:
                    mention_writer.writerow(dict(mention, doc_id=doc_id))
    manifest = json.loads((seeds_out / "manifest.json").read_text(encoding="utf-8"))
    (out / "manifest.json").write_text(json.dumps(dict(manifest, inputs=[], bench_documents=documents), indent=2, sort_keys=True), encoding="utf-8")
    return out


def _rows(path: Path) -> int:
    with open(path, encoding="utf-8", newline="") as handle:
        return sum(1 for _ in csv.reader(handle)) - 1


def _timed_load(folder: Path, url: str) -> float:
    started = time.perf_counter()
    load_folder(folder, url)
    return time.perf_counter() - started


def _psql_floor(folder: Path, url: str) -> float:
    """psql \\copy of documents.csv, mentions.csv and the analysed texts into tables of the same
    types, keys and indexes as the schema's (what a user needs for the same queries): the
    server's own bulk path for the same data a load writes."""
    keys = {"documents": '"doc_id"', "mentions": '"doc_id", "mention_id"'}
    statements = []
    for table in ("documents", "mentions"):  # identifiers
        with open(folder / f"{table}.csv", encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle))
        cols = ", ".join(f'"{name}" {_FLOOR_TYPES.get(name, "text")}' for name in header)
        statements.append(f"DROP TABLE IF EXISTS floor_{table}; CREATE TABLE floor_{table} ({cols}, PRIMARY KEY ({keys[table]}));")
    for name, table, columns in INDEXES:
        cols = ", ".join(f'"{c}"' for c in columns if c != "sha256" or table == "documents")
        if table in keys:
            statements.append(f"CREATE INDEX floor_{name} ON floor_{table} ({cols});")
    subprocess.run(["psql", url, "-q", "-v", "ON_ERROR_STOP=1", "-c", " ".join(statements)], check=True, capture_output=True)
    # the texts a load also writes, as a CSV of their own (prepared before the clock starts)
    with open(folder / "documents.csv", encoding="utf-8", newline="") as handle, open(folder / "floor_texts.csv", "w", encoding="utf-8", newline="") as texts:
        writer = csv.writer(texts, lineterminator="\n")
        writer.writerow(["doc_id", "sha256", "text"])
        for row in csv.DictReader(handle):
            writer.writerow([row["doc_id"], row["sha256"], (folder / row["text_path"]).read_text(encoding="utf-8")])
    statements.append('DROP TABLE IF EXISTS floor_texts; CREATE TABLE floor_texts ("doc_id" text, "sha256" text, "text" text, PRIMARY KEY ("doc_id"));')
    subprocess.run(["psql", url, "-q", "-v", "ON_ERROR_STOP=1", "-c", " ".join(statements[-1:])], check=True, capture_output=True)
    started = time.perf_counter()
    for table in ("documents", "mentions", "floor_texts"):  # identifiers
        source = folder / (table + ".csv")
        target = table if table.startswith("floor_") else f"floor_{table}"
        copy = f"\\copy {target} FROM '{source}' WITH (FORMAT csv, HEADER true)"
        subprocess.run(["psql", url, "-q", "-v", "ON_ERROR_STOP=1", "-c", copy], check=True, capture_output=True)
    return time.perf_counter() - started


def run(documents: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="press-extract-load-bench-") as scratch:
        root = Path(scratch)
        folder = build_folder(documents, root)
        mentions = _rows(folder / "mentions.csv")
        results: dict[str, Any] = {"documents": documents, "mentions": mentions, "engines": {}}
        for engine, url in (("sqlite", f"sqlite:///{root / 'bench.db'}"), ("duckdb", f"duckdb:///{root / 'bench.duckdb'}")):
            seconds = _timed_load(folder, url)
            again = _timed_load(folder, url)
            results["engines"][engine] = {"seconds": round(seconds, 3), "documents_per_s": round(documents / seconds), "mentions_per_s": round(mentions / seconds), "reload_seconds": round(again, 3)}
        try:
            with postgres_server() as url:
                floors, loads, ratios = [], [], []
                for _ in range(REPEATS):  # interleaved, each on empty tables: the machine's drift hits both alike
                    subprocess.run(["psql", url, "-q", "-c", "DROP TABLE IF EXISTS documents, mentions, texts, runs, schema_info"], check=True, capture_output=True)
                    floors.append(_psql_floor(folder, url))
                    loads.append(_timed_load(folder, url))
                    ratios.append(floors[-1] / loads[-1])
                again = _timed_load(folder, url)
                seconds, floor = statistics.median(loads), statistics.median(floors)
                results["engines"]["postgresql"] = {
                    "seconds": round(seconds, 3),
                    "documents_per_s": round(documents / seconds),
                    "mentions_per_s": round(mentions / seconds),
                    "reload_seconds": round(again, 3),
                    "runs": [round(x, 3) for x in loads],
                }
                results["postgresql_copy_floor"] = {"seconds": round(floor, 3), "mentions_per_s": round(mentions / floor), "runs": [round(x, 3) for x in floors]}
                results["postgresql_vs_floor"] = round(statistics.median(ratios), 3)
                results["postgresql_vs_floor_range"] = [round(min(ratios), 3), round(max(ratios), 3)]
        except ServerMissing as exc:
            results["postgresql"] = f"not measured: {exc}"
        return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.bench.loads", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    results = run(args.documents)
    print(f"load throughput, {results['documents']:,} documents, {results['mentions']:,} mention rows (first load; reload of the same folder):")
    for engine, figures in results["engines"].items():
        print(f"  {engine:<11} {figures['seconds']:7.2f} s  {figures['documents_per_s']:>7,} documents/s  {figures['mentions_per_s']:>9,} mentions/s  (reload {figures['reload_seconds']:.2f} s)")
    if "postgresql_copy_floor" in results:
        floor = results["postgresql_copy_floor"]
        low, high = results["postgresql_vs_floor_range"]
        print(f"  psql \\copy  {floor['seconds']:7.2f} s  (the floor)   {floor['mentions_per_s']:>9,} mentions/s")
        print(f"  PostgreSQL load / floor = {results['postgresql_vs_floor']:.2f}x (median of {REPEATS}, range {low:.2f}-{high:.2f}; PostgreSQL and floor seconds are medians)")
    else:
        print(f"  postgresql: {results.get('postgresql')}")
    if args.out:
        args.out.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
