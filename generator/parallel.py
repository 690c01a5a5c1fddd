"""Work on the corpus in forked worker processes.

Rendering reads the whole corpus (millions of small objects). Sending it to spawned workers
would cost more than the work, so workers are forked: they see the parent's memory as it is
at the call (copy-on-write) and send back only their results. Fork is used on Linux only
(macOS frameworks such as Accelerate are not safe in a forked child, Windows has no fork);
elsewhere, or when one process is asked for, the work runs here, in order.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar, cast

T = TypeVar("T")
R = TypeVar("R")

_TASK: Callable[[int], object] | None = None  # set for the forked workers to find


def _run(k: int) -> Any:
    assert _TASK is not None, "set by fork_map before the workers fork"
    return _TASK(k)


def can_fork() -> bool:
    """Whether worker processes can be forked here (Linux), sharing this one's memory."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def fork_map(fn: Callable[[T], R], items: Sequence[T], jobs: int | None = None) -> list[R]:
    """``[fn(x) for x in items]`` in up to ``jobs`` forked processes (default: CPU count),
    each taking the next item when it is free: put the longest first. Results come back in
    order; an exception in a worker is raised here. Should a worker die (killed for memory),
    the work is done again here, in this process.

    This process only waits: after a fork, every page either side writes to (reference
    counts included) is copied, and a waiting parent writes none."""
    global _TASK
    items = list(items)
    n = min(jobs or os.cpu_count() or 1, len(items))
    if n <= 1 or not can_fork():
        return [fn(x) for x in items]
    _TASK = lambda k: fn(items[k])  # noqa: E731 - read by the forked workers
    try:
        # Workers fork when the first task is submitted: they see _TASK and all fn reads.
        with ProcessPoolExecutor(max_workers=n, mp_context=multiprocessing.get_context("fork")) as pool:
            return cast("list[R]", list(pool.map(_run, range(len(items)))))
    except BrokenProcessPool:
        print("briefing: a worker process died; its work is done again in the main process", file=sys.stderr)
        return [fn(x) for x in items]
    finally:
        _TASK = None
