"""The regex grammars of patterns/ (money, percent, dates) run over a document's text."""

from __future__ import annotations

import re

from .mention import Label
from .patterns import PatternSet
from .spans import Candidate, IntervalSet

# URLs, e-mail addresses and telephone numbers ("+86-23-67158993", "023-67158993") hold no mentions.
_URL_OR_EMAIL = re.compile(
    r"(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\+\d{1,4}(?:[-\s]\d{1,4}){0,3}[-\s]?\d{5,}|(?<!\d)0\d{2,3}-\d{7,8}(?!\d)"
)
_CAPTURED = ("shared_unit",)


def scan_numeric(text: str, patterns: PatternSet) -> list[Candidate]:
    """Every match of every MONEY, PERCENT and DATE rule; overlaps are settled later."""
    blocked = IntervalSet(m.span() for m in _URL_OR_EMAIL.finditer(text))
    candidates: list[Candidate] = []
    for label_name, rules in patterns.rules.items():
        label = Label(label_name)
        for rule in rules:
            for match in rule.pattern.finditer(text):
                start, end = match.span("span")
                if start == end or blocked.overlaps(start, end):
                    continue
                groups = tuple((name, match.group(name)) for name in _CAPTURED if name in rule.pattern.groupindex and match.group(name))
                candidates.append(Candidate(label, start, end, rule.id, interp=rule.interp, groups=groups))
    return candidates
