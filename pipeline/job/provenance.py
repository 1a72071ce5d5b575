"""Provenance: what decides a document's result besides its bytes (the cache key's
fingerprint), and what a run's manifest.json records about the code, models, settings and
pattern files behind it."""

from __future__ import annotations

import hashlib
import json
import platform
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

from spacy import about as spacy_about

from .. import __version__
from ..core.settings import Settings
from ..patterns.loader import load_patterns
from ..rules.nlp import component_names
from .analyse import JobOptions


def model_version(settings: Settings) -> str | None:
    if not settings.use_model:
        return None
    try:
        return version(settings.model_name.replace("_", "-"))
    except Exception:  # noqa: BLE001 - a model installed some other way still runs
        return "unknown"


@lru_cache(maxsize=4)
def code_digest(package: Path = Path(__file__).parents[1]) -> str:
    """The package's own source: an edited checkout (an editable install) must not reuse
    results that older code computed under the same version number."""
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def fingerprint(options: JobOptions) -> str:
    """Everything besides a file's bytes that decides its result."""
    settings = options.settings
    patterns = load_patterns(settings.patterns_dir)
    identity = {
        "pipeline": __version__,
        "code": code_digest(),
        "patterns": sorted(patterns.file_hashes.items()),
        "settings": settings.describe(),
        "model": model_version(settings),
        "max_chars": options.max_chars,
    }
    return hashlib.sha256(json.dumps(identity, sort_keys=True, default=str).encode()).hexdigest()


def manifest(options: JobOptions, run: dict[str, Any], counts: dict[str, Any]) -> dict[str, Any]:
    """manifest.json but its inputs list (which the writer streams in): the versions, settings
    and pattern files behind a run, with its counts."""
    settings = options.settings
    patterns = load_patterns(settings.patterns_dir)
    return {
        "pipeline": {"name": "press-extract", "version": __version__},
        "python": platform.python_version(),
        "spacy": spacy_about.__version__,
        "dateparser": version("dateparser"),
        "quantulum3": version("quantulum3") if settings.quantities else None,
        "model": {"name": settings.model_name, "version": model_version(settings)} if settings.use_model else None,
        "components": component_names(settings),
        "settings": dict(settings.describe(), max_chars=options.max_chars),
        "patterns": dict(sorted(patterns.file_hashes.items())),
        "run": dict(run, full=options.full),
        "counts": counts,
    }
