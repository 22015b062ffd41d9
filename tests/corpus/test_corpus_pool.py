"""The worker pool sharing one built state: the first worker forks the others (Linux)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from typing import Any

import psutil
import pytest

from dragoman.corpus import ProcessPool, can_share

pytestmark = pytest.mark.skipif(not can_share(), reason="needs fork and pidfds (Linux)")


def _build(tag: str) -> dict[str, Any]:
    return {"tag": tag, "built_by": os.getpid()}


def _serve(state: dict[str, Any], payload: str) -> tuple[str, int, int]:
    if payload == "die":
        os.kill(os.getpid(), signal.SIGKILL)
    if payload == "slow":
        time.sleep(0.3)
    return f"{state['tag']}:{payload}", state["built_by"], os.getpid()


def _refuse(tag: str) -> None:
    raise ValueError(f"cannot build {tag}")


def _collect(pool: ProcessPool, count: int) -> list[Any]:
    outcomes: list[Any] = []
    deadline = time.monotonic() + 30
    while len(outcomes) < count and time.monotonic() < deadline:
        outcomes.extend(pool.poll(timeout=1))
    return outcomes


def _gone(pids: list[int]) -> bool:
    """Whether none of these processes runs (zombies count as gone), waiting up to 30 s."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        running = []
        for pid in pids:
            try:
                if psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
                    running.append(pid)
            except psutil.NoSuchProcess:
                pass
        if not running:
            return True
        time.sleep(0.1)
    return False


def test_the_state_is_built_once_and_every_worker_serves_with_it() -> None:
    pool = ProcessPool(3, _build, ("coder",), _serve, share=True)
    assert pool.share
    pool.start()
    try:
        pids = pool.pids()
        assert len(set(pids)) == 3
        first = pids[0]
        # The others are the first worker's children, forked after it built the state.
        assert {psutil.Process(pid).ppid() for pid in pids[1:]} == {first}
        ids = {pool.submit(p): p for p in ("slow", "slow", "slow", "a", "b", "c")}
        outcomes = _collect(pool, 6)
        assert sorted(o.status for o in outcomes) == ["ok"] * 6
        values = {ids[o.task_id]: o.value for o in outcomes}
        assert values["a"][0] == "coder:a"
        assert {v[1] for v in values.values()} == {first}  # one build, in the first worker
        assert {v[2] for v in values.values()} == set(pids)  # all three served
    finally:
        pool.close()
    assert _gone(pids)
    assert pool.pids() == []


def test_a_forked_worker_that_dies_is_replaced_and_its_task_reported() -> None:
    pool = ProcessPool(2, _build, ("coder",), _serve, share=True, depth=1)
    pool.start()
    try:
        first, forked = pool.pids()
        # depth 1: one task per worker, the second goes to the forked worker
        pool.submit("slow")
        dying = pool.submit("die")
        outcomes = _collect(pool, 2)
        status = {o.task_id: (o.status, o.value) for o in outcomes}
        assert status[dying] == ("died", -signal.SIGKILL)
        assert pool.restarts == 1
        assert forked not in pool.pids() and first in pool.pids()
        again = pool.submit("b")
        other = pool.submit("c")
        more = {o.task_id: o for o in _collect(pool, 2)}
        assert more[again].status == more[other].status == "ok"
        assert {more[again].value[0], more[other].value[0]} == {"coder:b", "coder:c"}
    finally:
        pool.close()


def test_a_state_that_cannot_be_built_is_raised_in_the_parent() -> None:
    pool = ProcessPool(2, _refuse, ("coder",), _serve, share=True)
    with pytest.raises(ValueError, match="cannot build coder"):
        pool.start()
    assert pool.pids() == []


def test_one_worker_or_no_share_spawns_as_before() -> None:
    assert not ProcessPool(1, _build, ("x",), _serve, share=True).share
    pool = ProcessPool(2, _build, ("x",), _serve)
    pool.start()
    try:
        assert not pool.share
        parents = {psutil.Process(pid).ppid() for pid in pool.pids()}
        assert parents == {os.getpid()}
    finally:
        pool.close()


def test_forked_workers_exit_when_the_parent_is_killed() -> None:
    script = textwrap.dedent(
        """
        import sys, time
        sys.path.insert(0, sys.argv[1])
        from test_corpus_pool import _build, _serve
        from dragoman.corpus import ProcessPool

        if __name__ == "__main__":
            pool = ProcessPool(2, _build, ("x",), _serve, share=True)
            pool.start()
            print(*pool.pids(), flush=True)
            time.sleep(60)
        """
    )
    here = os.path.dirname(__file__)
    parent = subprocess.Popen(
        [sys.executable, "-c", script, here], stdout=subprocess.PIPE, text=True
    )
    assert parent.stdout is not None
    pids = [int(p) for p in parent.stdout.readline().split()]
    assert len(pids) == 2
    parent.kill()
    parent.wait()
    parent.stdout.close()
    assert _gone(pids)
