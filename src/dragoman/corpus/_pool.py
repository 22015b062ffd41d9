"""A small pool of worker processes with bounded work in flight and crash isolation.

Why not :mod:`concurrent.futures` or :class:`multiprocessing.Pool`: ``Pool.imap`` reads its
whole input ahead (unbounded memory), and neither pool's workers notice when the parent is
killed with ``kill -9``: they would linger. Here each worker has its own pipes; a thread in
the worker drains the task pipe (so the parent never blocks on a busy worker) and exits the
process when the parent's end closes. A worker that dies (killed, out of memory, a crash in
native code) is replaced, and its tasks are handed back to the caller as ``died``.

Workers are started with ``spawn``: the parent holds a DuckDB connection with threads, which
``fork`` would copy in an unsafe state.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import multiprocessing as mp
import os
import queue
import signal
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any

__all__ = ["Outcome", "ProcessPool"]

_log = logging.getLogger("dragoman")
_READY = "__ready__"
_INIT_ERROR = "__init_error__"


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of a task.

    Attributes:
        task_id: The id :meth:`ProcessPool.submit` returned.
        payload: The task's payload, as submitted.
        status: ``ok``, ``error`` (the handler raised; ``value`` is the message), ``died``
            (the worker process ended while running it; ``value`` is its exit code) or
            ``lost`` (queued on a worker that died before starting it: submit it again).
        value: The handler's result, the error message or the exit code.
    """

    task_id: int
    payload: Any
    status: str
    value: Any


def _drain(conn: Connection, tasks: queue.SimpleQueue[Any]) -> None:
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            # The parent is gone (killed): nobody will read what we compute.
            os._exit(0)
        tasks.put(message)
        if message is None:
            return


def _worker_main(
    task_conn: Connection,
    result_conn: Connection,
    init: Callable[..., Any],
    init_args: tuple[Any, ...],
    handler: Callable[[Any, Any], Any],
) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    tasks: queue.SimpleQueue[Any] = queue.SimpleQueue()
    threading.Thread(target=_drain, args=(task_conn, tasks), daemon=True).start()
    try:
        state = init(*init_args)
    except BaseException as exc:  # report to the parent, which raises it
        with contextlib.suppress(OSError):
            result_conn.send((_INIT_ERROR, exc))
        return
    result_conn.send((_READY, None))
    while True:
        message = tasks.get()
        if message is None:
            # Every result is sent: end now, without the interpreter's teardown of the
            # state (a Coder's half a million objects), which the parent would wait for.
            for stream in (sys.stdout, sys.stderr):
                with contextlib.suppress(Exception):
                    stream.flush()
            os._exit(0)
        task_id, payload = message
        try:
            reply = (task_id, "ok", handler(state, payload))
        except Exception as exc:  # the handler's own error: report it, keep serving
            reply = (task_id, "error", f"{type(exc).__name__}: {exc}")
        try:
            result_conn.send(reply)
        except OSError:
            os._exit(0)


@dataclass
class _Worker:
    process: BaseProcess
    tasks: Connection
    results: Connection
    ready: bool = False
    outstanding: dict[int, Any] = field(default_factory=dict)


class ProcessPool:
    """Worker processes that each build their state once and then serve tasks.

    Args:
        size: Number of worker processes.
        init: Builds a worker's state (e.g. loads the Coder); must be importable by name.
        init_args: Arguments of ``init`` (picklable).
        handler: ``handler(state, payload) -> result``; importable by name.
        depth: Tasks in flight per worker (2 keeps a worker busy while its result travels).
    """

    def __init__(
        self,
        size: int,
        init: Callable[..., Any],
        init_args: tuple[Any, ...],
        handler: Callable[[Any, Any], Any],
        *,
        depth: int = 2,
    ) -> None:
        self.size = size
        self.depth = depth
        self._init = init
        self._init_args = init_args
        self._handler = handler
        self._context = mp.get_context("spawn")
        self._workers: list[_Worker] = []
        self._ids = itertools.count(1)
        self.restarts = 0
        #: When the workers were started (``time.monotonic()``), or None.
        self.launched_at: float | None = None

    def launch(self) -> None:
        """Start the worker processes without waiting for them (they build their state
        while the caller prepares its own work); :meth:`start` then waits. Does nothing
        when they are started already."""
        if not self._workers:
            self.launched_at = time.monotonic()
            self._workers = [self._spawn() for _ in range(self.size)]

    def start(self) -> None:
        """Start the workers (unless :meth:`launch` did) and wait until each has built its
        state.

        Raises:
            Exception: What a worker's ``init`` raised (e.g. ModelError).
        """
        self.launch()
        for worker in self._workers:
            self._await_ready(worker)

    def _spawn(self) -> _Worker:
        task_reader, task_writer = self._context.Pipe(duplex=False)
        result_reader, result_writer = self._context.Pipe(duplex=False)
        process = self._context.Process(
            target=_worker_main,
            args=(task_reader, result_writer, self._init, self._init_args, self._handler),
            daemon=True,
            name="dragoman-worker",
        )
        process.start()
        # Close the child's ends here, so EOF reaches each side when the other goes away.
        task_reader.close()
        result_writer.close()
        return _Worker(process=process, tasks=task_writer, results=result_reader)

    def _await_ready(self, worker: _Worker) -> None:
        while not worker.ready:
            ready = wait([worker.results, worker.process.sentinel], timeout=None)
            if worker.results in ready:
                try:
                    kind, value = worker.results.recv()
                except EOFError:
                    kind, value = _INIT_ERROR, None
                if kind == _READY:
                    worker.ready = True
                    return
                self.terminate()
                if isinstance(value, BaseException):
                    raise value
                raise RuntimeError(
                    f"a worker process could not start (exit code {worker.process.exitcode}); "
                    "a script that starts workers must do so under "
                    "'if __name__ == \"__main__\":' (see the multiprocessing docs)"
                )
            if worker.process.sentinel in ready and not worker.results.poll():
                self.terminate()
                raise RuntimeError(
                    f"a worker process died while starting (exit code {worker.process.exitcode})"
                )

    @property
    def outstanding(self) -> int:
        """Tasks submitted and not yet returned by :meth:`poll`."""
        return sum(len(w.outstanding) for w in self._workers)

    def free_slots(self) -> int:
        """How many more tasks can be submitted now."""
        return sum(self.depth - len(w.outstanding) for w in self._workers)

    def submit(self, payload: Any) -> int:
        """Send a task to the least busy worker.

        Returns:
            The task id.
        """
        worker = min(self._workers, key=lambda w: len(w.outstanding))
        task_id = next(self._ids)
        worker.outstanding[task_id] = payload
        try:
            worker.tasks.send((task_id, payload))
        except OSError:
            # The worker died; poll() notices through its sentinel and reports the task.
            _log.debug("sending to a dead worker", exc_info=True)
        return task_id

    def poll(self, timeout: float) -> list[Outcome]:
        """Wait up to ``timeout`` seconds for results.

        Returns:
            The outcomes that arrived (possibly none); a dead worker's tasks come back as
            ``died`` and the worker is replaced.
        """
        handles: list[Any] = []
        for worker in self._workers:
            handles.append(worker.results)
            handles.append(worker.process.sentinel)
        outcomes: list[Outcome] = []
        for handle in wait(handles, timeout=timeout):
            for index, worker in enumerate(self._workers):
                if handle is worker.results:
                    outcomes.extend(self._read(worker))
                elif handle == worker.process.sentinel:
                    outcomes.extend(self._read(worker))
                    if not worker.process.is_alive():
                        outcomes.extend(self._replace(index))
        return outcomes

    def _read(self, worker: _Worker) -> list[Outcome]:
        outcomes = []
        with contextlib.suppress(EOFError, OSError):
            while worker.results.poll():
                message = worker.results.recv()
                if message[0] == _READY:
                    worker.ready = True
                    continue
                if message[0] == _INIT_ERROR:
                    self.terminate()
                    raise message[1]
                task_id, status, value = message
                payload = worker.outstanding.pop(task_id, None)
                outcomes.append(Outcome(task_id, payload, status, value))
        return outcomes

    def _replace(self, index: int) -> list[Outcome]:
        worker = self._workers[index]
        worker.process.join(timeout=1)
        code = worker.process.exitcode
        # A worker serves its tasks in order: the first outstanding one was running when it
        # died; the others never started and are handed back as "lost", to submit again.
        outcomes = [
            Outcome(task_id, payload, "died" if n == 0 else "lost", code)
            for n, (task_id, payload) in enumerate(worker.outstanding.items())
        ]
        worker.outstanding.clear()
        for conn in (worker.tasks, worker.results):
            conn.close()
        _log.warning("a worker process died (exit code %s); starting another", code)
        self.restarts += 1
        self._workers[index] = self._spawn()
        return outcomes

    def close(self, timeout: float = 10.0) -> None:
        """Ask the workers to stop after their current task, then end the stragglers."""
        for worker in self._workers:
            with contextlib.suppress(OSError):
                worker.tasks.send(None)
        deadline = time.monotonic() + timeout
        for worker in self._workers:
            worker.process.join(timeout=max(0.0, deadline - time.monotonic()))
        self.terminate()

    def terminate(self) -> None:
        """End every worker now."""
        for worker in self._workers:
            if worker.process.is_alive():
                worker.process.kill()
            worker.process.join(timeout=5)
            for conn in (worker.tasks, worker.results):
                conn.close()
        self._workers = []

    def pids(self) -> list[int]:
        """Return the process ids of the workers."""
        return [w.process.pid for w in self._workers if w.process.pid is not None]
