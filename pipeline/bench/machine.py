"""How much of the machine a benchmark had: a fixed pure-Python loop as the yardstick.

Ratios between tools hold when the machine's speed moves, as long as every tool meets the
same machine; 2-worker figures do not, since they need a second free core. So `make bench`
records, before and after its timings:

- `loop_s`: seconds for one copy of the loop (the calibration: a slower machine, or one
  slowed down between the two readings, shows here);
- `free_capacity`: the work two copies of the loop get done at once, over one copy's
  (2.0 on two idle cores, about 1.0 when one core is taken by something else);
- the load average the kernel reports.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from typing import Any

LOOP_ROUNDS = 6_000_000  # about half a second here


def _loop(rounds: int = LOOP_ROUNDS) -> float:
    """Seconds for a fixed amount of interpreter work (integer arithmetic, no allocation)."""
    started = time.perf_counter()
    total = 0
    for k in range(rounds):
        total = (total + k * k) % 1_000_003
    return time.perf_counter() - started


def _timed_copy(start: Any, results: Any) -> None:
    start.wait()  # both copies up before either starts
    results.put(_loop())


def measure(repeats: int = 3) -> dict[str, Any]:
    """The loop alone (best of `repeats`) and two copies at once in two processes (each
    process times its own copy; the pair takes as long as the slower one)."""
    single = min(_loop() for _ in range(repeats))
    context = multiprocessing.get_context("spawn")  # fresh interpreters, as the bench's tools are
    pairs = []
    for _ in range(repeats):
        start, results = context.Barrier(2), context.Queue()
        copies = [context.Process(target=_timed_copy, args=(start, results)) for _ in range(2)]
        for copy in copies:
            copy.start()
        pairs.append(max(results.get(), results.get()))
        for copy in copies:
            copy.join()
    pair = min(pairs)
    one, five, fifteen = os.getloadavg()
    return {
        "loop_s": round(single, 3),
        "pair_s": round(pair, 3),
        "free_capacity": round(2 * single / pair, 2),
        "load_average": [round(one, 2), round(five, 2), round(fifteen, 2)],
    }
