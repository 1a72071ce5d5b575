"""Token patterns (spaCy Matcher syntax, patterns/cluster_patterns.jsonl) matched in plain
Python over a sentence's token hashes.

spaCy's Matcher tests every pattern's predicates on every token, and its IN / NOT_IN
predicates are Python callbacks: on the list sentences it cost as much as all the other
cluster rules together. Here each pattern is tried only where its first token can match
(one dictionary lookup per token), and a match is extended by backtracking. The results
are the Matcher's: every (pattern, start, end) that matches, non-greedy, duplicates once
(tests/test_token_matcher.py compares the two on every sentence of the seeds and the
composed releases).

Supported: the token keys TEXT / ORTH / LOWER with a string, {"IN": [...]} or
{"NOT_IN": [...]}, and OP absent, "?", "*", "+", "{n}", "{n,m}", "{n,}", "{,m}". A pattern
using anything else is run by spaCy's Matcher, so that any valid pattern still works.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.attrs import LOWER, ORTH  # type: ignore[import-not-found]  # Cython, no stub
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

_UNBOUNDED = 1 << 30
_OP_RANGE = re.compile(r"\{(\d*)(,?)(\d*)\}")
_ATTRIBUTES = {"TEXT": 1, "ORTH": 1, "LOWER": 0}  # column of the token array


@dataclass(frozen=True)
class _Step:
    column: int  # 0: the token's LOWER hash, 1: its ORTH hash
    values: frozenset[int]
    negated: bool  # NOT_IN: the token must hold none of the values
    fewest: int
    most: int


@dataclass(frozen=True)
class _Pattern:
    key: str
    order: int  # the pattern's place among all patterns: ties are settled by it
    steps: tuple[_Step, ...]


class TokenMatcher:
    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.fallback = Matcher(vocab, validate=True)  # validates every pattern; runs those we cannot
        self.fallback_keys: set[str] = set()
        self.order: dict[str, int] = {}
        self.keys: list[str] = []  # by order
        # A pattern's anchor: a required word at a fixed distance from its start. Patterns
        # are tried only where their anchor is: (column, hash) -> [(pattern, distance)].
        self.by_anchor: tuple[dict[int, list[tuple[_Pattern, int]]], dict[int, list[tuple[_Pattern, int]]]] = ({}, {})
        self.anywhere: list[_Pattern] = []  # no anchor: tried at every token

    def add(self, key: str, pattern: Sequence[Mapping[str, Any]]) -> None:
        self.fallback.add(key, [[dict(token) for token in pattern]])  # raises on an invalid pattern
        if key not in self.order:
            self.order[key] = len(self.keys)
            self.keys.append(key)
        steps = self._compile(pattern)
        if steps is None:
            self.fallback_keys.add(key)
            return
        self.fallback.remove(key)
        compiled = _Pattern(key, self.order[key], steps)
        distance = 0
        for step in steps:
            if step.fewest >= 1 and not step.negated:
                for value in step.values:
                    self.by_anchor[step.column].setdefault(value, []).append((compiled, distance))
                return
            if step.fewest != step.most:
                break  # what follows is at no fixed distance from the start
            distance += step.fewest
        self.anywhere.append(compiled)

    def _compile(self, pattern: Sequence[Mapping[str, Any]]) -> tuple[_Step, ...] | None:
        steps = []
        for token in pattern:
            keys = set(token) - {"OP"}
            if len(keys) != 1 or next(iter(keys)) not in _ATTRIBUTES:
                return None
            name = next(iter(keys))
            value, bounds = token[name], _bounds(token.get("OP"))
            if bounds is None:
                return None
            if isinstance(value, str):
                words, negated = [value], False
            elif isinstance(value, Mapping) and len(value) == 1 and ("IN" in value or "NOT_IN" in value):
                negated = "NOT_IN" in value
                words = list(value["NOT_IN" if negated else "IN"])
                if not all(isinstance(word, str) for word in words):
                    return None
            else:
                return None
            hashes = frozenset(self.vocab.strings.add(word) for word in words)
            steps.append(_Step(_ATTRIBUTES[name], hashes, negated, *bounds))
        return tuple(steps) if steps else None

    def __call__(self, tokens: Doc | Span) -> list[tuple[str, int, int]]:
        """(pattern key, start token, end token) of every match in `tokens`, ordered by
        start, then the patterns' order, then end."""
        if not len(tokens):
            return []
        table = tokens.to_array([LOWER, ORTH])  # type: ignore[union-attr]  # Span has it too (no stub says so)
        columns = (table[:, 0].tolist(), table[:, 1].tolist())
        tries: set[tuple[int, _Pattern]] = set()  # (start, pattern)
        for by_hash, column in zip(self.by_anchor, columns):
            if by_hash.keys().isdisjoint(column):
                continue  # the usual case: no anchor word in the sentence
            for position, value in enumerate(column):
                for compiled, distance in by_hash.get(value, ()):
                    if position >= distance:
                        tries.add((position - distance, compiled))
        for compiled in self.anywhere:
            tries.update((start, compiled) for start in range(len(columns[0])))
        found: set[tuple[int, int, int]] = set()  # (start, order, end)
        for start, compiled in tries:
            for end in _ends(compiled.steps, 0, columns, start):
                if end > start:
                    found.add((start, compiled.order, end))
        keys = self.keys
        matches = [(keys[order], start, end) for start, order, end in sorted(found)]
        if self.fallback_keys:
            strings = self.vocab.strings
            extra = [(strings[match_id], start, end) for match_id, start, end in self.fallback(tokens)]
            matches = sorted(set(matches) | set(extra), key=lambda m: (m[1], self.order[m[0]], m[2]))
        return matches


def _bounds(op: Any) -> tuple[int, int] | None:
    if op is None:
        return 1, 1
    fixed = {"?": (0, 1), "*": (0, _UNBOUNDED), "+": (1, _UNBOUNDED)}
    if op in fixed:
        return fixed[op]
    found = _OP_RANGE.fullmatch(str(op))
    if not found:
        return None  # "!" and anything new
    low, comma, high = found.groups()
    if not comma:
        return (int(low), int(low)) if low else None
    return int(low or 0), int(high) if high else _UNBOUNDED


def _ends(steps: tuple[_Step, ...], index: int, columns: tuple[list[int], list[int]], position: int) -> list[int]:
    """Every token position where steps[index:] can end, starting at `position`."""
    if index == len(steps):
        return [position]
    step = steps[index]
    column = columns[step.column]
    ends: list[int] = []
    taken = 0
    while True:
        if taken >= step.fewest:
            ends.extend(_ends(steps, index + 1, columns, position + taken))
        at = position + taken
        if taken == step.most or at >= len(column) or (column[at] in step.values) == step.negated:
            return ends
        taken += 1
