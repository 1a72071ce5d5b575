"""The command line: the only place that parses arguments, prints, sets exit codes and
configures logging.

Exit codes: 0 every document ok or skipped; 1 at least one document failed (all others are
still written); 2 the run did not start or could not publish (bad arguments, missing or
empty inputs, pattern or gold files, an output folder in use, full or read-only); 130 and
143 interrupted (Ctrl-C, SIGTERM). Only exit codes 0 and 1 replace the previous outputs.
"""

from __future__ import annotations

import argparse
import functools
import json
import logging
import math
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .core.errors import GoldError, InputError, MissingExtraError, OutputError, PatternError, require_extra
from .core.fact import FACT_FIELDS
from .core.labels import SCORED_LABELS
from .core.settings import DEFAULT_MAX_CHARS, DEFAULT_TIMEOUT

if TYPE_CHECKING:
    from .core.settings import Settings

EXIT_OK, EXIT_DOCUMENT_FAILED, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143

_EXIT_CODES = """exit codes:
  0    every document ok or skipped
  1    at least one document failed (its row says why; every other document is written)
  2    nothing was done or published: bad arguments, a missing input path, no files to
       analyse, two files with one doc_id, the output folder in use by another run, full
       or read-only (the previous outputs are left as they were)
  130  interrupted (Ctrl-C); 143 terminated (SIGTERM): previous outputs left as they were"""

_EXTRACT_HELP = f"""Finds MONEY, PERCENT, DATE, ORG and CLUSTER mentions in press releases and writes them,
normalized and with character offsets, to the output folder.

reads: .txt, .md, .html and .htm files, given directly or found in folders (walked
recursively, in sorted order; hidden files skipped). Any encoding among UTF-8/16/32,
GB18030, Big5 and Windows-1252. Other files get a "skipped" row; unreadable ones a
"failed" row with the reason. A doc_id is the path below the folder given (or the file's
name): two different files with one doc_id are refused, so give their common parent.

writes, in --out (published together when the run ends; a run that is stopped leaves the
previous outputs): mentions.csv (one row per mention), documents.csv (one row per input,
with status and reason), manifest.json (versions, settings, inputs), texts/ (the analysed
text of HTML pages and non-UTF-8 files), and .cache/ (for fast reruns).

{_EXIT_CODES}

example:
  press-extract extract releases/ --out results/ -w 2"""


_LOAD_HELP = """Loads an extract run's output folder (manifest.json, documents.csv, mentions.csv, texts/)
into a database, creating or migrating its schema: tables documents, mentions, texts, runs
(README "Databases").

The database accumulates documents across runs. An unchanged document (same bytes, same
pipeline) is not touched; a changed one has its rows replaced in one transaction; documents
the run did not include stay unless --prune is given. Loading the same folder twice changes
nothing. A load that is stopped leaves every document whole or absent; run it again.

URLs: sqlite:///relative.db or sqlite:////absolute.db, duckdb:///path.duckdb,
postgresql://user:password@host:5432/db (or postgresql:///db?service=name, or postgresql://
with PGHOST, PGUSER, ... set). Passwords are never printed.

exit codes:
  0    loaded
  2    nothing was loaded: no such folder or run, a bad URL, the database unreachable or
       refusing (the message says why)

example:
  press-extract load outputs/ --db sqlite:///outputs/press.db"""


def _formats(text: str) -> tuple[str, ...]:
    formats = tuple(dict.fromkeys(part.strip() for part in text.split(",") if part.strip()))
    unknown = [f for f in formats if f not in ("csv", "parquet")]
    if unknown or not formats:
        raise argparse.ArgumentTypeError(f"{text!r}: the formats are csv and parquet (csv is always written)")
    return tuple(dict.fromkeys(("csv", *formats)))


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not at least 1")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive, finite number of seconds")
    return value


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=32)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="press-extract",
        formatter_class=_Formatter,
        description="Normalized, traceable money, percent, date, organization and industrial-cluster mentions from English press releases on China's regional economies.",
        epilog="Run 'press-extract COMMAND --help' for a command's options.\n\nexample:\n  press-extract extract seeds/ --out outputs/",
    )
    parser.add_argument("--version", action="version", version=f"press-extract {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser("extract", help="extract mentions from files and folders into an output folder", description=_EXTRACT_HELP, formatter_class=_Formatter)
    extract.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="files and folders to read")
    extract.add_argument("-o", "--out", type=Path, required=True, metavar="DIR", help="output folder (created if needed)")
    extract.add_argument("-w", "--workers", type=_positive_int, metavar="N", help="analyse in N processes (the output does not change); default 1, or one per core for a local Dask cluster")
    extract.add_argument("--engine", choices=("local", "dask"), default="local", help="where to analyse: this machine (default) or a Dask cluster")
    extract.add_argument("--scheduler", metavar="ADDRESS", help="with --engine dask: the scheduler (tcp://host:8786); default: a local cluster")
    extract.add_argument("--no-model", action="store_true", help="rules only: skip the statistical NER (faster; fewer ORGs)")
    extract.add_argument("--quantities", action="store_true", help="also emit QUANTITY mentions (physical quantities, quantulum3)")
    extract.add_argument("--patterns", type=Path, metavar="DIR", help="patterns folder (default: the project's patterns/)")
    extract.add_argument("--full", action="store_true", help="analyse every document again, ignoring results kept from earlier runs")
    extract.add_argument("--max-chars", type=_positive_int, default=DEFAULT_MAX_CHARS, metavar="N", help=f"fail documents longer than N characters (default {DEFAULT_MAX_CHARS:,})")
    extract.add_argument(
        "--timeout",
        type=_seconds,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"fail a document whose analysis takes longer than this per started million characters (default {DEFAULT_TIMEOUT:g}; loading the model does not count)",
    )
    extract.add_argument("--format", type=_formats, default=("csv",), metavar="LIST", help="csv (always written), or csv,parquet to add mentions.parquet and documents.parquet with real types")
    extract.add_argument("--db", metavar="URL", help="also load the run into a database: sqlite:///path.db, duckdb:///path.duckdb or postgresql://... (see 'load')")
    extract.add_argument("--prune", action="store_true", help="with --db: remove documents this run did not include from the database")
    talk = extract.add_mutually_exclusive_group()
    talk.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    talk.add_argument("-v", "--verbose", action="store_true", help="also log each skipped or failed document")

    load = commands.add_parser("load", help="load an output folder into a database", description=_LOAD_HELP, formatter_class=_Formatter)
    load.add_argument("folder", type=Path, metavar="DIR", help="an extract run's output folder")
    load.add_argument("--db", required=True, metavar="URL", help="sqlite:///path.db, duckdb:///path.duckdb or postgresql://user@host/db")
    load.add_argument("--prune", action="store_true", help="remove documents the run did not include from the database")
    load.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")

    evaluate = commands.add_parser(
        "eval",
        help="score a mentions.csv (and its facts.csv) against gold (ANNOTATION.md, FACTS.md)",
        formatter_class=_Formatter,
        description="Strict and lenient precision, recall and F1 per label and micro-averaged, and value "
        "accuracy, of predicted mentions against a gold JSONL file. With --facts-gold, the facts of the "
        "same run: coverage, each field over found facts, and all five fields right.\n\nexamples:\n"
        "  press-extract eval --gold tests/data/seeds_gold.jsonl --pred outputs/mentions.csv\n"
        "  press-extract eval --facts-gold ../shared/dev/facts.jsonl --pred outputs/dev/mentions.csv --errors",
    )
    evaluate.add_argument("--gold", type=Path, metavar="GOLD.jsonl", help="gold mentions, one document a line")
    evaluate.add_argument("--facts-gold", type=Path, metavar="FACTS.jsonl", help="gold facts (FACTS.md), one document a line: score the run's facts")
    evaluate.add_argument("--facts-pred", type=Path, metavar="facts.csv", help="predicted facts (default: the facts.csv beside --pred)")
    evaluate.add_argument("--pred", type=Path, required=True, metavar="mentions.csv", help="predicted mentions (an extract run's mentions.csv)")
    evaluate.add_argument("--json", action="store_true", help="print the report as JSON")
    evaluate.add_argument("--docs", action="append", default=[], metavar="PREFIX", help="score only documents whose doc_id starts with PREFIX (repeatable): a part of a dev set")
    view = evaluate.add_mutually_exclusive_group()
    view.add_argument("--errors", action="store_true", help="list every miss, false hit, boundary and value error, by document")
    view.add_argument("--by-doc", action="store_true", help="each document's lenient F1, worst first")
    evaluate.add_argument("--label", action="append", default=[], choices=[label.value for label in SCORED_LABELS], help="with --errors: only this label (repeatable)")
    evaluate.add_argument("--field", action="append", default=[], choices=list(FACT_FIELDS), help="with --facts-gold --errors: only this fact field (repeatable)")

    peer = commands.add_parser(
        "peer",
        help="score on the peer suites (Recognizers-Text, Duckling)",
        formatter_class=_Formatter,
        description="Lenient precision, recall and F1 with value checks on the public money, percent and "
        "date test cases of other projects (*.jsonl).\n\nexample:\n  press-extract peer --suites ../shared/peer-suites",
    )
    peer.add_argument("--suites", type=Path, default=Path("../shared/peer-suites"), metavar="DIR", help="folder of *.jsonl suites")
    peer.add_argument("--no-model", action="store_true", help="rules only")
    peer.add_argument("--json", action="store_true", help="print the scores as JSON")
    peer.add_argument("--misses", action="store_true", help="list the cases that were missed or misread")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    previous = signal.signal(signal.SIGTERM, _terminated)
    try:
        if args.command == "extract":
            return _extract(args)
        if args.command == "eval":
            return _eval(args)
        if args.command == "load":
            return _load(args)
        return _peer(args)
    except (PatternError, GoldError, InputError, OutputError, MissingExtraError) as exc:
        print(f"press-extract: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except _Terminated:
        print("press-extract: terminated; previous outputs are left as they were", file=sys.stderr)
        return EXIT_TERMINATED
    except KeyboardInterrupt:
        print("press-extract: interrupted; previous outputs are left as they were", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        signal.signal(signal.SIGTERM, previous)


class _Terminated(BaseException):
    """SIGTERM, unwound like Ctrl-C: staging removed, the lock released, nothing published."""


def _terminated(signum: int, frame: object) -> None:
    raise _Terminated()


def _settings(args: argparse.Namespace) -> Settings:
    from .core.settings import Settings

    settings = Settings(use_model=not args.no_model, quantities=getattr(args, "quantities", False))
    if getattr(args, "patterns", None):
        settings = replace(settings, patterns_dir=args.patterns)
    return settings


def _extract(args: argparse.Namespace) -> int:
    from .job.analyse import JobOptions
    from .job.engines import make_engine
    from .job.run import run_batch
    from .outputs.folder import OutputWriter

    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(message)s")
    if args.quiet:
        logging.getLogger().setLevel(logging.ERROR)
    elif not args.verbose:
        logging.getLogger("pipeline.job.run").setLevel(logging.ERROR)  # the summary line counts them
    if args.engine == "dask":
        require_extra("distributed", "--engine dask", "dask")
    if getattr(args, "quantities", False):
        require_extra("quantulum3", "--quantities", "quantities")
    if "parquet" in args.format:
        require_extra("pyarrow", "--format parquet", "databases")
    if args.engine == "dask" and not args.verbose:
        import distributed  # noqa: F401 - it sets up its loggers on import; quiet them after that

        logging.getLogger("distributed").setLevel(logging.ERROR)  # a cluster's start-up chatter
    if args.scheduler and args.engine != "dask":
        print("press-extract: error: --scheduler needs --engine dask", file=sys.stderr)
        return EXIT_ERROR
    if args.prune and not args.db:
        print("press-extract: error: --prune needs --db", file=sys.stderr)
        return EXIT_ERROR
    if args.db:
        from .outputs.db import parse_target

        parse_target(args.db)  # a bad URL is refused before any work
    missing = [str(path) for path in args.paths if not (path.exists() or path.is_symlink())]
    if missing:
        print(f"press-extract: error: no such file or folder: {', '.join(missing)}; nothing was done", file=sys.stderr)
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
            writer = functools.partial(OutputWriter, formats=args.format)
            summary = run_batch(args.paths, args.out, options, progress=progress, engine=engine, make_writer=writer)
    except OSError as exc:  # the cluster could not be reached or started
        print(f"press-extract: error: {args.engine} engine: {exc}", file=sys.stderr)
        return EXIT_ERROR
    if not args.quiet:
        docs = summary.documents
        labels = ", ".join(f"{label} {count}" for label, count in sorted(summary.mentions.items())) or "none"
        print(
            f"{sum(docs.values())} documents: {docs['ok']} ok, {docs['skipped']} skipped, {docs['failed']} failed"
            f"{f', {summary.warned} with warnings (see documents.csv)' if summary.warned else ''} "
            f"({summary.analysed} analysed, {summary.reused} reused); mentions: {labels}; {summary.seconds:.1f} s -> {args.out}"
        )
    if args.db:
        from .outputs.db import load_folder

        loaded = load_folder(args.out, args.db, prune=args.prune)
        if not args.quiet:
            print(_load_line(loaded))
    return EXIT_DOCUMENT_FAILED if summary.failed else EXIT_OK


def _load(args: argparse.Namespace) -> int:
    from .outputs.db import load_folder

    if not args.folder.is_dir():
        print(f"press-extract: error: no such folder: {args.folder}", file=sys.stderr)
        return EXIT_ERROR
    loaded = load_folder(args.folder, args.db, prune=args.prune)
    if not args.quiet:
        print(_load_line(loaded))
    return EXIT_OK


def _load_line(loaded: Any) -> str:
    missing = f", {loaded.texts_missing} texts not found (their mentions are loaded)" if loaded.texts_missing else ""
    return f"loaded into {loaded.target}: {loaded.loaded} documents new or replaced ({loaded.mentions} mentions), {loaded.unchanged} unchanged, {loaded.pruned} pruned{missing}"


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
    if args.gold is None and args.facts_gold is None:
        print("press-extract: error: eval needs --gold, --facts-gold or both", file=sys.stderr)
        return EXIT_ERROR
    if args.gold is not None:
        status = _eval_mentions(args)
        if status != EXIT_OK or args.facts_gold is None:
            return status
        print()
    return _eval_facts(args)


def _eval_facts(args: argparse.Namespace) -> int:
    from .scoring import facts

    try:
        gold = facts.load_gold(args.facts_gold)
    except ValueError as exc:
        print(f"press-extract: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    gold = {doc: rows for doc, rows in gold.items() if not args.docs or doc.startswith(tuple(args.docs))}
    if not gold:
        print(f"press-extract: error: no gold facts for documents starting with {', '.join(args.docs)}", file=sys.stderr)
        return EXIT_ERROR
    path = args.facts_pred or args.pred.with_name("facts.csv")
    if not path.is_file():
        print(f"press-extract: error: no predicted facts at {path} (give --facts-pred)", file=sys.stderr)
        return EXIT_ERROR
    pred = facts.load_predictions(path)
    if args.errors:
        print(facts.format_errors(gold, pred, args.field or facts.FIELDS))
    else:
        report = facts.evaluate(gold, pred)
        print(json.dumps(report, indent=2) if args.json else facts.format_report(report))
    return EXIT_OK


def _eval_mentions(args: argparse.Namespace) -> int:
    from .scoring.evaluate import LABELS, by_document, evaluate, format_errors, format_report, load_gold, load_predictions, scoring_errors, select_documents

    gold = select_documents(load_gold(args.gold), args.docs)
    if not gold:
        print(f"press-extract: error: no gold documents start with {', '.join(args.docs)}", file=sys.stderr)
        return EXIT_ERROR
    pred = load_predictions(args.pred)
    if args.errors:
        print(format_errors(scoring_errors(gold, pred, args.label or LABELS)))
    elif args.by_doc:
        print(by_document(gold, pred))
    else:
        report = evaluate(gold, pred)
        print(json.dumps(report, indent=2) if args.json else format_report(report))
    return EXIT_OK


def _peer(args: argparse.Namespace) -> int:
    from .analyse.extractor import Extractor
    from .scoring.peer import score_suite, suite_files

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
