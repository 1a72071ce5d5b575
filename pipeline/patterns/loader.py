"""Load and validate the pattern files in patterns/ (formats: patterns/README.md).

- lexicons/*.tsv: tab-separated tables with a header row; '#' starts a comment line.
- fragments.jsonl: named pieces of regular expression, written out or built from a lexicon.
- money.jsonl, percent.jsonl, dates.jsonl: regex rules, `{fragment}` references expanded.
- *_patterns.jsonl: spaCy Matcher token patterns (SpanRuler format plus an `id`).

Everything is checked on load; a bad file raises PatternError naming the file and line.
Loaded rules are immutable (tuples, frozen dataclasses, read-only mappings).
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..core.errors import PatternError
from ..core.settings import DEFAULT_MAX_LINE
from .schema import (
    BOILERPLATE_FILE,
    BOILERPLATE_KEYS,
    ENUMS,
    FRAGMENT_KEYS,
    LEXICON_COLUMNS,
    RULE_FILES,
    RULE_KEYS,
    SURFACE_LEXICONS,
    TOKEN_PATTERN_FILES,
    TOKEN_PATTERN_KEYS,
)

_REFERENCE = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


@dataclass(frozen=True)
class Lexicon:
    name: str
    rows: tuple[Mapping[str, str], ...]

    def column(self, name: str) -> tuple[str, ...]:
        return tuple(row[name] for row in self.rows)

    def values(self, column: str, **conditions: str | tuple[str, ...]) -> frozenset[str]:
        """The distinct values of `column` in the rows that meet `conditions` (as `where`)."""
        return frozenset(row[column] for row in self.where(**conditions))

    def where(self, **conditions: str | tuple[str, ...]) -> tuple[Mapping[str, str], ...]:
        def keep(row: Mapping[str, str]) -> bool:
            for key, wanted in conditions.items():
                allowed = (wanted,) if isinstance(wanted, str) else wanted
                if row[key] not in allowed:
                    return False
            return True

        return tuple(row for row in self.rows if keep(row))


@dataclass(frozen=True)
class RegexRule:
    id: str
    label: str
    interp: str
    pattern: re.Pattern[str]
    # Every match holds a match of `anchor` or one of `anchor_words` (lower case): the rule
    # runs only near them.
    anchor: re.Pattern[str] | None
    anchor_words: frozenset[str]
    examples: tuple[str, ...]
    source: str
    level: bool = False  # MONEY: the span names its own scale tier ("ten-billion-level"): qualifier "level" whatever follows


@dataclass(frozen=True)
class TokenPattern:
    id: str
    label: str
    kind: str
    pattern: tuple[Mapping[str, Any], ...]
    source: str
    fields: bool = False  # the list it opens names fields ("new fields, such as"): research fields are dropped from it


@dataclass(frozen=True)
class BoilerplateRule:
    id: str
    category: str
    scope: str  # "line": the whole line is boilerplate; "phrase": only the match
    pattern: re.Pattern[str]
    max_line: int  # a longer line is not blanked whole: only the match's own sentence (or the match)
    examples: tuple[str, ...]
    # Lower-case strings one of which every match holds: a text holding none is not searched.
    requires: tuple[str, ...] = ()


@dataclass(frozen=True)
class PatternSet:
    directory: Path
    lexicons: Mapping[str, Lexicon]
    fragments: Mapping[str, str]
    rules: Mapping[str, tuple[RegexRule, ...]]
    token_patterns: tuple[TokenPattern, ...]
    boilerplate: tuple[BoilerplateRule, ...]
    file_hashes: Mapping[str, str]

    def lexicon(self, name: str) -> Lexicon:
        return self.lexicons[name]

    def words(self, name: str) -> tuple[str, ...]:
        """The words of one set of lexicons/word_sets.tsv, in the file's order."""
        words = self.word_table.get(name)
        if words is None:
            raise PatternError(str(self.directory / "lexicons" / "word_sets.tsv"), None, f"no word set {name!r}")
        return words

    def word_set(self, name: str) -> frozenset[str]:
        return frozenset(self.words(name))

    def alternation(self, name: str, space: str | None = None) -> str:
        """The set's words as regex alternatives, in the file's order (an earlier word wins a
        tie); with `space`, a space inside a phrase matches that regex ("as of" -> as\\s+of)."""
        escaped = (re.escape(word) for word in self.words(name))
        return "|".join(e.replace("\\ ", space) if space else e for e in escaped)

    @cached_property
    def word_table(self) -> Mapping[str, tuple[str, ...]]:
        table: dict[str, list[str]] = {}
        for row in self.lexicons["word_sets"].rows:
            table.setdefault(row["set"], []).append(row["word"])
        return MappingProxyType({name: tuple(words) for name, words in table.items()})

    @cached_property
    def anchor_vocabulary(self) -> frozenset[str]:
        """Every anchor word of every regex rule."""
        return frozenset(word for rules in self.rules.values() for rule in rules for word in rule.anchor_words)


@lru_cache(maxsize=4)
def load_patterns(directory: Path) -> PatternSet:
    """Load, validate and compile every pattern file under `directory` (cached per process)."""
    directory = Path(directory)
    if not directory.is_dir():
        raise PatternError(str(directory), None, "patterns folder not found")
    hashes: dict[str, str] = {}
    for path in sorted(p for p in directory.rglob("*") if p.is_file()):
        hashes[path.relative_to(directory).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()

    lexicons = {name: _read_lexicon(directory / "lexicons" / f"{name}.tsv", name) for name in LEXICON_COLUMNS}
    fragments = _read_fragments(directory / "fragments.jsonl", lexicons)
    word_sets = _word_sets(lexicons)
    rules = {label: _read_rules(directory / filename, label, fragments, word_sets) for label, filename in RULE_FILES.items()}
    token_patterns = tuple(tp for filename in TOKEN_PATTERN_FILES for tp in _read_token_patterns(directory / filename))
    boilerplate = _read_boilerplate(directory / BOILERPLATE_FILE)
    return PatternSet(
        directory=directory,
        lexicons=MappingProxyType(lexicons),
        fragments=MappingProxyType(fragments),
        rules=MappingProxyType(rules),
        token_patterns=token_patterns,
        boilerplate=boilerplate,
        file_hashes=MappingProxyType(hashes),
    )


def _read_lexicon(path: Path, name: str) -> Lexicon:
    if not path.is_file():
        raise PatternError(str(path), None, "lexicon file missing")
    expected = LEXICON_COLUMNS[name]
    header: tuple[str, ...] | None = None
    rows: list[Mapping[str, str]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = tuple(cell.strip() for cell in line.split("\t"))
        if header is None:
            header = cells
            if header != expected:
                raise PatternError(str(path), number, f"header must be {' | '.join(expected)}, found {' | '.join(header)}")
            continue
        if len(cells) != len(header):
            raise PatternError(str(path), number, f"expected {len(header)} tab-separated columns, found {len(cells)}")
        row = dict(zip(header, cells))
        if not row[header[0]]:
            raise PatternError(str(path), number, f"empty {header[0]}")
        for column, value in row.items():
            allowed = ENUMS.get((name, column))
            if allowed is not None and value not in allowed:
                raise PatternError(str(path), number, f"{column} must be one of {sorted(allowed)}, found {value!r}")
        rows.append(MappingProxyType(row))
    if header is None:
        raise PatternError(str(path), None, "lexicon has no header row")
    return Lexicon(name=name, rows=tuple(rows))


def _alternation(surfaces: list[tuple[str, bool]]) -> str:
    """A regex matching any of the literal surfaces (longest first); `True` marks the
    case-insensitive ones. Built as a trie ("dollar(?:s)?|dong" is "do(?:llar(?:s)?|ng)"):
    Python's engine tries alternatives one by one, so shared prefixes make it many times faster."""
    insensitive = sorted({s.lower() for s, ignore in surfaces if ignore})
    sensitive = sorted({s for s, ignore in surfaces if not ignore})
    parts = []
    if insensitive:
        parts.append("(?i:" + _trie(insensitive) + ")")
    if sensitive:
        parts.append(_trie(sensitive))
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def _trie(words: list[str]) -> str:
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [_literal(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a word ends here, a longer one goes on: try the longer first (greedy)
            return "(?:" + body + ")?"
        return body

    return emit(root)


def _literal(char: str) -> str:
    return r"[^\S\r\n]+" if char == " " else re.escape(char)


def _read_jsonl(path: Path) -> list[tuple[int, dict[str, Any]]]:
    if not path.is_file():
        raise PatternError(str(path), None, "pattern file missing")
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise PatternError(str(path), number, f"invalid JSON: {exc.msg}") from None
        if not isinstance(item, dict):
            raise PatternError(str(path), number, "each line must be a JSON object")
        items.append((number, item))
    return items


def _regex_text(value: Any, path: Path, number: int) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(part, str) for part in value):
        return "".join(value)
    raise PatternError(str(path), number, "regex must be a string or a list of strings")


def _read_fragments(path: Path, lexicons: Mapping[str, Lexicon]) -> dict[str, str]:
    raw: dict[str, str] = {}
    for number, item in _read_jsonl(path):
        name = item.get("name")
        if not isinstance(name, str) or not _REFERENCE.fullmatch("{" + name + "}"):
            raise PatternError(str(path), number, "fragment needs a `name` made of letters, digits and _")
        if name in raw:
            raise PatternError(str(path), number, f"fragment {name!r} defined twice")
        unknown = set(item) - FRAGMENT_KEYS
        if unknown:
            raise PatternError(str(path), number, f"unknown keys {sorted(unknown)}")
        if "regex" in item:
            raw[name] = _regex_text(item["regex"], path, number)
        elif "lexicon" in item:
            raw[name] = _lexicon_fragment(item, lexicons, path, number)
        else:
            raise PatternError(str(path), number, "fragment needs `regex` or `lexicon`")
    expanded: dict[str, str] = {}

    def expand(name: str, trail: tuple[str, ...]) -> str:
        if name in expanded:
            return expanded[name]
        if name in trail:
            raise PatternError(str(path), None, f"fragment cycle: {' -> '.join(trail + (name,))}")
        if name not in raw:
            raise PatternError(str(path), None, f"unknown fragment {{{name}}} used by {trail[-1] if trail else '?'}")
        text = _REFERENCE.sub(lambda m: "(?:" + expand(m.group(1), trail + (name,)) + ")", raw[name])
        expanded[name] = text
        return text

    for name in raw:
        try:
            re.compile(expand(name, ()))
        except re.error as exc:
            raise PatternError(str(path), None, f"fragment {name!r} does not compile: {exc}") from None
    return expanded


def _lexicon_fragment(item: Mapping[str, Any], lexicons: Mapping[str, Lexicon], path: Path, number: int) -> str:
    lexicon = lexicons.get(item["lexicon"])
    if lexicon is None:
        raise PatternError(str(path), number, f"unknown lexicon {item['lexicon']!r}")
    column = item.get("column")
    if not isinstance(column, str) or not lexicon.rows or column not in lexicon.rows[0]:
        raise PatternError(str(path), number, f"lexicon {lexicon.name!r} has no column {column!r}")
    where = item.get("where", {})
    if not isinstance(where, dict):
        raise PatternError(str(path), number, "`where` must map column names to allowed values")
    rows = lexicon.where(**{key: tuple(value) if isinstance(value, list) else value for key, value in where.items()})
    case = item.get("case", "i")
    surfaces = []
    for row in rows:
        ignore_case = row.get("case", "i") == "i" if case == "column" else case == "i"
        surfaces.append((row[column], ignore_case))
    return _alternation(surfaces)


def _word_sets(lexicons: Mapping[str, Lexicon]) -> dict[str, frozenset[str]]:
    sets: dict[str, set[str]] = {}
    for row in lexicons["anchor_words"].rows:
        sets.setdefault(row["set"], set()).add(row["word"].lower())
    for name in SURFACE_LEXICONS:
        # The last run of letters of each surface ("U.S. dollars" -> dollars, "Rs." -> rs),
        # if it is longer than a letter: "A$", "US$", "5m" hold a sign or follow one.
        sets[f"lexicon:{name}"] = {runs[-1].lower() for row in lexicons[name].rows if (runs := re.findall(r"[A-Za-z]+", row["surface"])) and len(runs[-1]) > 1 and "$" not in row["surface"]}
    return {name: frozenset(words) for name, words in sets.items()}


def _read_rules(path: Path, label: str, fragments: Mapping[str, str], word_sets: Mapping[str, frozenset[str]]) -> tuple[RegexRule, ...]:
    rules: list[RegexRule] = []
    seen: set[str] = set()
    for number, item in _read_jsonl(path):
        rule_id = _checked_id(item, seen, RULE_KEYS, path, number)
        if item.get("label") != label:
            raise PatternError(str(path), number, f"label must be {label!r} in this file")
        interp = item.get("interp")
        if not isinstance(interp, str) or not interp:
            raise PatternError(str(path), number, "rule needs an `interp` (the normalizer that reads its spans)")
        source = _regex_text(item.get("regex"), path, number)
        anchor_source = item.get("anchor")
        set_names = item.get("anchor_words", [])
        if not isinstance(set_names, list) or any(name not in word_sets for name in set_names):
            raise PatternError(str(path), number, f"anchor_words must name sets of lexicons/anchor_words.tsv or lexicon:months/weekdays, found {set_names!r}")
        if not (isinstance(anchor_source, str) and anchor_source) and not set_names:
            raise PatternError(str(path), number, "rule needs an `anchor` (a regex) or `anchor_words`: what every match contains")
        anchor_words = frozenset(word for name in set_names for word in word_sets[name])
        odd = sorted(word for word in anchor_words if not re.fullmatch(r"[a-z]+", word))
        if odd:
            raise PatternError(str(path), number, f"anchor words must be runs of ASCII letters (they are looked up as such), found {odd[:5]!r}")

        def substitute(match: re.Match[str], number: int = number) -> str:
            name = match.group(1)
            if name not in fragments:
                raise PatternError(str(path), number, f"unknown fragment {{{name}}}")
            return "(?:" + fragments[name] + ")"

        try:
            compiled = re.compile(_REFERENCE.sub(substitute, source))
            anchor = re.compile(_REFERENCE.sub(substitute, anchor_source)) if anchor_source else None
        except re.error as exc:
            raise PatternError(str(path), number, f"regex does not compile: {exc}") from None
        if "span" not in compiled.groupindex:
            raise PatternError(str(path), number, "regex needs a (?P<span>...) group: the mention's extent")
        examples = item.get("examples", [])
        if not isinstance(examples, list) or not all(isinstance(e, str) for e in examples):
            raise PatternError(str(path), number, "`examples` must be a list of strings")
        level = item.get("level", False)
        if not isinstance(level, bool):
            raise PatternError(str(path), number, "`level` must be true or false")
        rules.append(RegexRule(rule_id, label, interp, compiled, anchor, anchor_words, tuple(examples), f"{path.name}:{number}", level))
    return tuple(rules)


def _checked_id(item: Mapping[str, Any], seen: set[str], allowed: frozenset[str], path: Path, number: int) -> str:
    """The line's `id`, after refusing unknown keys and missing or repeated ids."""
    unknown = set(item) - allowed
    if unknown:
        raise PatternError(str(path), number, f"unknown keys {sorted(unknown)}")
    item_id = item.get("id")
    if not isinstance(item_id, str) or not item_id:
        raise PatternError(str(path), number, "needs an `id`")
    if item_id in seen:
        raise PatternError(str(path), number, f"duplicate id {item_id!r}")
    seen.add(item_id)
    return item_id


def _read_boilerplate(path: Path) -> tuple[BoilerplateRule, ...]:
    rules: list[BoilerplateRule] = []
    seen: set[str] = set()
    for number, item in _read_jsonl(path):
        rule_id = _checked_id(item, seen, BOILERPLATE_KEYS, path, number)
        scope = item.get("scope")
        if scope not in ("line", "phrase"):
            raise PatternError(str(path), number, "scope must be 'line' or 'phrase'")
        category = item.get("category")
        if not isinstance(category, str) or not category:
            raise PatternError(str(path), number, "needs a `category`")
        try:
            compiled = re.compile(_regex_text(item.get("regex"), path, number), re.MULTILINE)
        except re.error as exc:
            raise PatternError(str(path), number, f"regex does not compile: {exc}") from None
        max_line = item.get("max_line", DEFAULT_MAX_LINE)
        if not isinstance(max_line, int) or isinstance(max_line, bool) or max_line < 1:
            raise PatternError(str(path), number, "max_line must be a whole number of at least 1")
        requires = item.get("requires", [])
        if not isinstance(requires, list) or not all(isinstance(r, str) and r and r == r.lower() for r in requires):
            raise PatternError(str(path), number, "`requires` must list lower-case strings")
        examples = tuple(item.get("examples", []))
        for example in examples:
            if requires and not any(r in example.lower() for r in requires):
                raise PatternError(str(path), number, f"example {example!r} holds none of `requires`")
        rules.append(BoilerplateRule(rule_id, category, scope, compiled, max_line, examples, tuple(requires)))
    return tuple(rules)


def _read_token_patterns(path: Path) -> list[TokenPattern]:
    patterns: list[TokenPattern] = []
    seen: set[str] = set()
    for number, item in _read_jsonl(path):
        pattern_id = _checked_id(item, seen, TOKEN_PATTERN_KEYS, path, number)
        label, kind, pattern = item.get("label"), item.get("kind", ""), item.get("pattern")
        if not isinstance(label, str) or not label:
            raise PatternError(str(path), number, "pattern needs a `label`")
        if not isinstance(pattern, list) or not pattern or not all(isinstance(t, dict) for t in pattern):
            raise PatternError(str(path), number, "`pattern` must be a non-empty list of token objects")
        fields = item.get("fields", False)
        if not isinstance(fields, bool):
            raise PatternError(str(path), number, "`fields` must be true or false")
        patterns.append(TokenPattern(pattern_id, label, str(kind), tuple(MappingProxyType(t) for t in pattern), f"{path.name}:{number}", fields))
    return patterns


@dataclass(frozen=True)
class PatternBundle:
    """A patterns folder as bytes, for machines that do not have the folder (Dask workers)."""

    digest: str  # of every file's path and bytes
    files: tuple[tuple[str, bytes], ...]  # (path relative to the folder, bytes)

    @classmethod
    def of(cls, directory: Path) -> PatternBundle:
        directory = Path(directory)
        files = tuple((p.relative_to(directory).as_posix(), p.read_bytes()) for p in sorted(directory.rglob("*")) if p.is_file())
        digest = hashlib.sha256()
        for name, data in files:
            digest.update(f"{name}\0{hashlib.sha256(data).hexdigest()}\0".encode())
        return cls(digest.hexdigest(), files)

    def unpack(self, root: Path) -> Path:
        """The files under root/<digest>, written once per machine (to a temporary folder
        first, then renamed, so that concurrent workers never see half a folder)."""
        target = Path(root) / self.digest[:32]
        if target.is_dir():
            return target
        Path(root).mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".unpacking-", dir=root))
        for name, data in self.files:
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            (staging / name).write_bytes(data)
        try:
            staging.rename(target)
        except OSError:  # another worker got there first
            shutil.rmtree(staging, ignore_errors=True)
        return target
