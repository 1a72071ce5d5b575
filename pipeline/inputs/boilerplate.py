"""Boilerplate in text dumps: cookie and privacy notices, share and print bars, licence (ICP)
lines, comment forms, link-spam blocks. The rules are data (patterns/boilerplate.jsonl).

Boilerplate is blanked in the analysed text (spaces, same length), so no rule or model sees
it and no mention comes from it, while every offset stays where it was.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from ..patterns.loader import BoilerplateRule

_LINE = re.compile(r"[^\r\n]+")


def find_boilerplate(text: str, rules: Sequence[BoilerplateRule]) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, category) spans, in order."""
    spans: list[tuple[int, int, str]] = []
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text)]
    starts = [start for start, _ in lines]
    lowered = text.lower()
    for rule in rules:
        if rule.requires and not any(required in lowered for required in rule.requires):
            continue  # a quick look for what every match holds
        if rule.scope == "phrase":
            spans.extend((m.start(), m.end(), rule.category) for m in rule.pattern.finditer(text) if m.end() > m.start())
            continue
        # One pass over the text (the rules are compiled MULTILINE), then the lines hit.
        hit_lines = sorted({bisect_right(starts, m.start()) - 1 for m in rule.pattern.finditer(text)} - {-1})
        for index in hit_lines:
            start, end = lines[index]
            line = text[start:end]
            if len(line.strip()) > rule.max_line:
                # A long line is no boilerplate line (a text saved without line breaks):
                # only what matched goes, with its own sentence when that is short.
                for match in rule.pattern.finditer(line):
                    found = _matched_sentence(text, match, start, end, rule.max_line)
                    if found[1] > found[0]:
                        spans.append((*found, rule.category))
                continue
            if line.strip() and rule.pattern.search(line):
                stripped_start = start + len(line) - len(line.lstrip())
                spans.append((stripped_start, start + len(line.rstrip()), rule.category))
    spans.sort()
    merged: list[tuple[int, int, str]] = []
    for start, end, category in spans:
        if merged and start <= merged[-1][1]:
            previous = merged[-1]
            merged[-1] = (previous[0], max(previous[1], end), previous[2])
        else:
            merged.append((start, end, category))
    return merged


_SENTENCE_END = re.compile(r"[.!?\u3002\uff01\uff1f](?=\s)|[\u3002\uff01\uff1f]")


def _matched_sentence(text: str, match: re.Match[str], line_start: int, line_end: int, limit: int) -> tuple[int, int]:
    """The sentence around a match inside a long line, if it is at most `limit` characters;
    else the match alone. Offsets in `text`; `match` is on the line."""
    start, end = line_start + match.start(), line_start + match.end()
    if end - start > limit:
        return start, start  # a match this long is no boilerplate phrase: nothing is blanked
    before = text[max(line_start, start - limit) : start]
    ends = [m.end() for m in _SENTENCE_END.finditer(before)]
    sentence_start = max(line_start, start - limit) + ends[-1] if ends else None
    after = _SENTENCE_END.search(text, end, min(line_end, end + limit))
    sentence_end = after.end() if after else None
    if sentence_start is None or sentence_end is None or sentence_end - sentence_start > limit:
        return start, end
    while sentence_start < start and text[sentence_start].isspace():
        sentence_start += 1
    return sentence_start, sentence_end


_NOT_A_BREAK = re.compile(r"[^\r\n]")


def blank(text: str, spans: Sequence[tuple[int, int, str]]) -> str:
    """The text with each span's characters (but line breaks) turned into spaces."""
    if not spans:
        return text
    pieces: list[str] = []
    position = 0
    for start, end, _ in spans:
        pieces.append(text[position:start])
        pieces.append(_NOT_A_BREAK.sub(" ", text[start:end]))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)
