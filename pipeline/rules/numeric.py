"""The regex grammars of patterns/ (money, percent, dates) run over a document's text."""

from __future__ import annotations

import re

from ..core.candidate import Candidate, IntervalSet
from ..core.mention import Label
from ..patterns.loader import PatternSet

# URLs, e-mail addresses and telephone numbers ("+86-23-67158993", "023-67158993") hold no mentions.
_URL_OR_EMAIL = re.compile(r"(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\+\d{1,4}(?:[-\s]\d{1,4}){0,3}[-\s]?\d{5,}|(?<!\d)0\d{2,3}-\d{7,8}(?!\d)")
_CAPTURED = ("shared_unit",)


MARGIN = 60  # how far from its anchor a rule's match (with its context) may reach
_SPACE = re.compile(r"\s")
_LETTERS = re.compile(r"[A-Za-z]+")


def scan_numeric(text: str, patterns: PatternSet, everywhere: bool = False) -> list[Candidate]:
    """Every match of every MONEY, PERCENT and DATE rule; overlaps are settled later.

    A rule runs only in windows around its anchors (a currency word, '%', a digit, a month
    name): far cheaper than running some fifty expressions over every character, and the
    same matches, since every match holds an anchor within MARGIN characters of its ends.
    Anchor words are found in one pass over the text's words. `everywhere` runs every rule
    over the whole text (tests compare the two).
    """
    blocked = IntervalSet(m.span() for m in _URL_OR_EMAIL.finditer(text))
    word_positions = {} if everywhere else _anchor_word_positions(text, patterns.anchor_vocabulary)
    windows: dict[tuple[str, frozenset[str]], list[tuple[int, int]]] = {}
    candidates: list[Candidate] = []
    for label_name, rules in patterns.rules.items():
        label = Label(label_name)
        for rule in rules:
            key = (rule.anchor.pattern if rule.anchor else "", rule.anchor_words)
            spans = windows.get(key)
            if spans is None:
                spans = windows[key] = [(0, len(text))] if everywhere else _windows(text, rule.anchor, rule.anchor_words, word_positions)
            for window_start, window_end in spans:
                for match in rule.pattern.finditer(text, window_start, window_end):
                    start, end = match.span("span")
                    if start == end or blocked.overlaps(start, end):
                        continue
                    groups = tuple((name, match.group(name)) for name in _CAPTURED if name in rule.pattern.groupindex and match.group(name))
                    candidates.append(Candidate(label, start, end, rule.id, interp=rule.interp, groups=groups, info=(("level", True),) if rule.level else ()))
    return candidates


def _anchor_word_positions(text: str, vocabulary: frozenset[str]) -> dict[str, list[tuple[int, int]]]:
    """Spans of every run of ASCII letters that is an anchor word, case-insensitively."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a character that lowers to two ("İ") would shift offsets
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    positions: dict[str, list[tuple[int, int]]] = {}
    for match in _LETTERS.finditer(lowered):
        word = match.group()
        if word in vocabulary:
            positions.setdefault(word, []).append(match.span())
    return positions


def _windows(text: str, anchor: re.Pattern[str] | None, words: frozenset[str], word_positions: dict[str, list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """Merged spans reaching MARGIN characters either side of each anchor (a match of
    `anchor`, or one of the `words`), ending at white space: a rule's look-ahead must not
    mistake a window's end for the end of the text mid-word."""
    spans = [m.span() for m in anchor.finditer(text)] if anchor is not None else []
    for word in words:
        spans.extend(word_positions.get(word, ()))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for anchor_start, anchor_end in spans:
        start = max(0, anchor_start - MARGIN)
        end = min(len(text), anchor_end + MARGIN)
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    result = []
    for start, end in merged:
        space = _SPACE.search(text, end)
        result.append((start, space.start() if space else len(text)))
    return result
