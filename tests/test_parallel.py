"""fork_map: results in order, errors raised here, workers see the state at the call."""

import pytest

from generator import parallel
from generator.parallel import fork_map

needs_fork = pytest.mark.skipif(not parallel.can_fork(), reason="no fork on this platform")
STATE = {"value": 0}


@pytest.mark.parametrize("jobs", [1, 2, 3, 8])
@pytest.mark.parametrize("n", [0, 1, 2, 5, 17])
def test_results_in_order(jobs, n):
    assert fork_map(lambda x: (x, x * x), range(n), jobs) == [(x, x * x) for x in range(n)]


@needs_fork
def test_work_runs_in_other_processes():
    import os

    pids = fork_map(lambda _x: os.getpid(), range(4), 2)
    assert os.getpid() not in pids


@needs_fork
def test_workers_see_the_state_at_the_call():
    STATE["value"] = 41  # set after the module was imported: a spawned worker would see 0
    assert fork_map(lambda x: STATE["value"] + x, [1, 1], 2) == [42, 42]


def test_an_error_in_a_worker_is_raised_here():
    def fail_on_three(x):
        if x == 3:
            raise ValueError(f"bad item {x}")
        return x

    with pytest.raises(ValueError, match="bad item 3"):
        fork_map(fail_on_three, range(6), 2)
    assert parallel._TASK is None  # nothing left behind for a later call


@needs_fork
def test_a_worker_that_dies_costs_time_not_the_result():
    import os

    parent = os.getpid()

    def die_in_a_worker(x):
        if os.getpid() != parent:
            os._exit(9)  # as if killed for memory
        return x + 1

    assert fork_map(die_in_a_worker, range(5), 2) == [1, 2, 3, 4, 5]
