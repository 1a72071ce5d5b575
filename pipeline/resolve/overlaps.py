"""The one policy that settles overlaps between candidate spans from rules and the model."""

from __future__ import annotations

from collections.abc import Iterable

from ..core.candidate import IntervalSet, Resolved
from ..core.labels import LABELS

# Rank of a label when two spans of equal length and source overlap (the label registry's).
LABEL_PRIORITY = {label: entry.overlap_rank for label, entry in LABELS.items()}


def resolve_overlaps(items: Iterable[Resolved]) -> list[Resolved]:
    """Keep a set of non-overlapping spans, in document order.

    Policy "rules first, then longest": a rule's span beats the model's; among spans from
    the same kind of source the longer wins; at equal length, the label order above, then
    the earlier start, then the rule's own order (stable sort) decide.
    """
    ranked = sorted(
        enumerate(items),
        key=lambda pair: (
            pair[1].candidate.source != "rule",
            -(pair[1].end - pair[1].start),
            LABEL_PRIORITY[pair[1].label],
            pair[1].start,
            pair[0],
        ),
    )
    kept: list[Resolved] = []
    taken = IntervalSet()
    for _, item in ranked:
        if taken.overlaps(item.start, item.end):
            continue
        kept.append(item)
        taken.add(item.start, item.end)
    kept.sort(key=lambda r: (r.start, r.end, LABEL_PRIORITY[r.label]))
    return kept
