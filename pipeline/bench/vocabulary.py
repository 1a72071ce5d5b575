"""How a corpus's vocabulary grows: distinct whitespace chunks per chunk read, and the share of
chunks a tokenizer cache that keeps everything it has seen would serve (one pass).

Real releases (the seeds and the dev excerpts) keep meeting new chunks: about 0.27 distinct
per chunk after 15,000, a one-pass hit rate of about 0.73. A corpus that recombines a few
texts meets almost none, so a tokenizer's cache serves nearly every chunk and any speed
ratio against the tokenizer measures the cache, not the work.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

CURVE_POINTS = (1_000, 5_000, 15_000, 50_000)
CHECK_AT = 15_000  # chunks: where the corpus is compared with the real texts
MAX_HIT_RATE = 0.85  # above this at CHECK_AT chunks the corpus is too repetitive to time against


@dataclass(frozen=True)
class Curve:
    chunks: int  # chunks read in all
    distinct_per_chunk: dict[int, float]  # at each point of CURVE_POINTS the texts reach

    @property
    def hit_rate(self) -> float | None:
        """One-pass cache hit rate at CHECK_AT chunks (None when the texts are shorter)."""
        share = self.distinct_per_chunk.get(CHECK_AT)
        return None if share is None else round(1 - share, 3)


def vocabulary_curve(texts: Iterable[str], points: Sequence[int] = CURVE_POINTS) -> Curve:
    seen: set[str] = set()
    count = 0
    curve: dict[int, float] = {}
    wanted = sorted(points)
    for text in texts:
        for chunk in text.split():
            count += 1
            seen.add(chunk)
            if wanted and count == wanted[0]:
                curve[wanted.pop(0)] = round(len(seen) / count, 3)
    return Curve(count, curve)
