"""The command line: the only place that parses arguments, prints, sets exit codes and
configures logging.

Exit codes: 0 every document ok or skipped; 1 at least one document failed; 2 the run
could not start (bad arguments, pattern files, gold files).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from . import __version__
from .errors import GoldError, PatternError

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
    extract.add_argument("--quiet", action="store_true", help="print nothing but errors")
    extract.add_argument("--verbose", action="store_true", help="log each document's problems")

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
    from .batch import run_batch
    from .extract import Extractor

    logging.basicConfig(level=logging.WARNING if not args.verbose else logging.INFO, format="%(levelname)s %(message)s")
    if args.quiet:
        logging.getLogger().setLevel(logging.ERROR)
    try:
        args.out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"press-extract: error: cannot create output folder {args.out}: {exc.strerror}", file=sys.stderr)
        return EXIT_ERROR
    summary = run_batch(args.paths, args.out, Extractor(_settings(args)))
    if not args.quiet:
        docs = summary.documents
        labels = ", ".join(f"{label} {count}" for label, count in sorted(summary.mentions.items())) or "none"
        print(
            f"{sum(docs.values())} documents: {docs['ok']} ok, {docs['skipped']} skipped, {docs['failed']} failed; "
            f"mentions: {labels}; {summary.seconds:.1f} s -> {args.out}"
        )
    return EXIT_DOCUMENT_FAILED if summary.failed else EXIT_OK


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
