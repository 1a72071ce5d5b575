"""The command line: the only place that parses arguments, prints, sets exit codes and
configures logging.

Exit codes: 0 every document ok or skipped; 1 at least one document failed; 2 the run
could not start (bad arguments, pattern files, gold files).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, Sequence

from . import __version__
from .batch import DEFAULT_TIMEOUT
from .errors import GoldError, PatternError
from .reader import DEFAULT_MAX_CHARS

if TYPE_CHECKING:
    from .settings import Settings

EXIT_OK, EXIT_DOCUMENT_FAILED, EXIT_ERROR = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="press-extract", description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--version", action="version", version=f"press-extract {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser("extract", help="extract mentions from .txt/.md files and folders")
    extract.add_argument("paths", nargs="+", type=Path, help="files and folders (walked recursively, sorted)")
    extract.add_argument("--out", type=Path, required=True, help="output folder for mentions.csv, documents.csv, manifest.json")
    extract.add_argument("--no-model", action="store_true", help="rules only: skip the statistical NER (faster; fewer ORGs)")
    extract.add_argument("--quantities", action="store_true", help="also emit QUANTITY mentions (physical quantities, quantulum3)")
    extract.add_argument("--patterns", type=Path, help="patterns folder (default: the repository's patterns/)")
    extract.add_argument("--workers", type=int, metavar="N", help="analyse in N processes (the output does not change); default 1, "
                         "or one per core for a local Dask cluster")
    extract.add_argument("--engine", choices=("local", "dask"), default="local", help="where to analyse: this machine (default) or a Dask cluster")
    extract.add_argument("--scheduler", metavar="ADDRESS", help="with --engine dask: the scheduler to use (tcp://host:8786); "
                         "default: start a local cluster")
    extract.add_argument("--full", action="store_true", help="analyse every document again, ignoring results kept from earlier runs")
    extract.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS, metavar="N", help=f"fail documents longer than N characters (default {DEFAULT_MAX_CHARS:,})")
    extract.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS", help=f"fail a document whose analysis takes longer (default {DEFAULT_TIMEOUT:g})")
    extract.add_argument("--quiet", action="store_true", help="print nothing but errors")
    extract.add_argument("--verbose", action="store_true", help="also log each skipped or failed document")

    evaluate = commands.add_parser("eval", help="score predictions against gold (ANNOTATION.md)")
    evaluate.add_argument("--gold", type=Path, required=True, help="gold JSONL")
    evaluate.add_argument("--pred", type=Path, required=True, help="predicted mentions.csv")
    evaluate.add_argument("--json", action="store_true", help="print the report as JSON")

    peer = commands.add_parser("peer", help="score on the peer suites (Recognizers-Text, Duckling)")
    peer.add_argument("--suites", type=Path, default=Path("../shared/peer-suites"), help="folder of *.jsonl suites")
    peer.add_argument("--no-model", action="store_true", help="rules only")
    peer.add_argument("--json", action="store_true", help="print the scores as JSON")
    peer.add_argument("--misses", action="store_true", help="list the cases that were missed or misread")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "extract":
            return _extract(args)
        if args.command == "eval":
            return _eval(args)
        return _peer(args)
    except (PatternError, GoldError) as exc:
        print(f"press-extract: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("press-extract: interrupted; previous outputs are left as they were", file=sys.stderr)
        return 130


def _settings(args: argparse.Namespace) -> "Settings":
    from .settings import Settings

    settings = Settings(use_model=not args.no_model, quantities=getattr(args, "quantities", False))
    if getattr(args, "patterns", None):
        settings = replace(settings, patterns_dir=args.patterns)
    return settings


def _extract(args: argparse.Namespace) -> int:
    from .batch import JobOptions, run_batch
    from .engines import make_engine

    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(message)s")
    if args.quiet:
        logging.getLogger().setLevel(logging.ERROR)
    elif not args.verbose:
        logging.getLogger("pipeline.batch").setLevel(logging.ERROR)  # the summary line counts them
    if args.engine == "dask" and not args.verbose:
        import distributed  # noqa: F401 - it sets up its loggers on import; quiet them after that

        logging.getLogger("distributed").setLevel(logging.ERROR)  # a cluster's start-up chatter
    if args.workers is not None and args.workers < 1 or args.max_chars < 1:
        print("press-extract: error: --workers and --max-chars must be at least 1", file=sys.stderr)
        return EXIT_ERROR
    if args.scheduler and args.engine != "dask":
        print("press-extract: error: --scheduler needs --engine dask", file=sys.stderr)
        return EXIT_ERROR
    try:
        args.out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"press-extract: error: cannot create output folder {args.out}: {exc.strerror}", file=sys.stderr)
        return EXIT_ERROR
    options = JobOptions(_settings(args), max_chars=args.max_chars, timeout=args.timeout, full=args.full)
    workers = args.workers or (os.cpu_count() or 1 if args.engine == "dask" else 1)
    try:
        engine = make_engine(args.engine, workers, args.scheduler)
        with engine, _progress_bar(enabled=not args.quiet and sys.stderr.isatty()) as progress:
            summary = run_batch(args.paths, args.out, options, progress=progress, engine=engine)
    except OSError as exc:  # the cluster could not be reached or started
        print(f"press-extract: error: {args.engine} engine: {exc}", file=sys.stderr)
        return EXIT_ERROR
    if not args.quiet:
        docs = summary.documents
        labels = ", ".join(f"{label} {count}" for label, count in sorted(summary.mentions.items())) or "none"
        print(
            f"{sum(docs.values())} documents: {docs['ok']} ok, {docs['skipped']} skipped, {docs['failed']} failed "
            f"({summary.analysed} analysed, {summary.reused} reused); mentions: {labels}; {summary.seconds:.1f} s -> {args.out}"
        )
    return EXIT_DOCUMENT_FAILED if summary.failed else EXIT_OK


@contextmanager
def _progress_bar(enabled: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on a terminal; nothing when output goes to a file or a pipe."""
    if not enabled:
        yield None
        return
    from tqdm import tqdm

    bar = tqdm(unit="doc", file=sys.stderr, leave=False)

    def update(done: int, total: int) -> None:
        bar.total = total
        bar.n = done
        bar.refresh()

    try:
        yield update
    finally:
        bar.close()


def _eval(args: argparse.Namespace) -> int:
    from .evaluate import evaluate, format_report, load_gold, load_predictions

    report = evaluate(load_gold(args.gold), load_predictions(args.pred))
    print(json.dumps(report, indent=2) if args.json else format_report(report))
    return EXIT_OK


def _peer(args: argparse.Namespace) -> int:
    from .extract import Extractor
    from .peer import score_suite, suite_files

    files = suite_files(args.suites)
    if not files:
        print(f"press-extract: error: no peer suites (*.jsonl) in {args.suites}", file=sys.stderr)
        return EXIT_ERROR
    extractor = Extractor(_settings(args))
    results = [score_suite(extractor, path) for path in files]
    if args.json:
        if not args.misses:
            results = [{k: v for k, v in r.items() if k != "misses"} for r in results]
        print(json.dumps(results, indent=2, ensure_ascii=False))
        return EXIT_OK
    print(f"{'suite':42} {'label':8} {'cases':>5} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} {'value':>6} {'neg FP':>6}")
    for r in results:
        value = "" if r["value_accuracy"] is None else f"{r['value_accuracy']:.3f}"
        negatives = f"{r['negatives_with_predictions']}/{r['negatives']}" if r["negatives"] else ""
        print(f"{r['file']:42} {r['label']:8} {r['cases']:>5} {r['gold']:>5} {r['pred']:>5} {r['precision']:>6.3f} {r['recall']:>6.3f} {r['f1']:>6.3f} {value:>6} {negatives:>6}")
        if args.misses:
            for miss in r["misses"]:
                print(f"    {miss['id']}: {miss['text'][:100]!r}\n        expected {miss['expected']}\n        got      {miss['predicted']}")
    return EXIT_OK
