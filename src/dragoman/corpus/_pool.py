"""A small pool of worker processes with bounded work in flight and crash isolation.

Why not :mod:`concurrent.futures` or :class:`multiprocessing.Pool`: ``Pool.imap`` reads its
whole input ahead (unbounded memory), and neither pool's workers notice when the parent is
killed with ``kill -9``: they would linger. Here each worker has its own pipes; a thread in
the worker drains the task pipe (so the parent never blocks on a busy worker) and exits the
process when the parent's end closes. A worker that dies (killed, out of memory, a crash in
native code) is replaced, and its tasks are handed back to the caller as ``died``.

Workers are started with ``spawn``: the parent holds a DuckDB connection with threads, which
``fork`` would copy in an unsafe state. With ``share=True`` (Linux) only the first worker is
spawned; once it has built its state (a Coder: seconds of CPU and a few hundred MB) it forks the
others, which start with that state already built and share its memory pages copy-on-write.
Each forked worker has its own pipes to the parent, as a spawned one does, and is watched
through a pidfd (it is the first worker's child, not the parent's). A forked worker that dies is
replaced by a spawned one.
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
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any

__all__ = ["Outcome", "ProcessPool", "can_share"]

_log = logging.getLogger("dragoman")
_READY = "__ready__"
_INIT_ERROR = "__init_error__"


def can_share() -> bool:
    """Whether workers can be forked from a first one here (Linux: ``fork`` and pidfds)."""
    return hasattr(os, "pidfd_open") and "fork" in mp.get_all_start_methods()


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


def _start_drain(conn: Connection) -> queue.SimpleQueue[Any]:
    tasks: queue.SimpleQueue[Any] = queue.SimpleQueue()
    threading.Thread(target=_drain, args=(conn, tasks), daemon=True).start()
    return tasks


def _worker_main(
    task_conn: Connection,
    result_conn: Connection,
    init: Callable[..., Any],
    init_args: tuple[Any, ...],
    handler: Callable[[Any, Any], Any],
    siblings: tuple[tuple[Connection, Connection], ...] = (),
) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    # A worker that forks its siblings starts no thread before forking (a thread does not
    # survive a fork, and what it holds could stay locked in the child).
    tasks = None if siblings else _start_drain(task_conn)
    try:
        state = init(*init_args)
    except BaseException as exc:  # report to the parent, which raises it
        with contextlib.suppress(OSError):
            result_conn.send((_INIT_ERROR, exc))
        return
    forked: list[int] = []
    if siblings:
        forked = _fork_siblings(state, handler, (task_conn, result_conn), siblings)
        tasks = _start_drain(task_conn)
    assert tasks is not None
    result_conn.send((_READY, os.getpid()))
    _serve(state, handler, tasks, result_conn, forked)


def _fork_siblings(
    state: Any,
    handler: Callable[[Any, Any], Any],
    own: tuple[Connection, Connection],
    siblings: tuple[tuple[Connection, Connection], ...],
) -> list[int]:
    """Fork one worker per pair of pipes, each serving with this process's ``state``.

    Returns:
        Their process ids.
    """
    pids = []
    for index, (task_conn, result_conn) in enumerate(siblings):
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        with warnings.catch_warnings():
            # Python 3.12+ warns of any thread at a fork: the only ones here are numpy's
            # OpenBLAS pool, which stops and restarts around a fork by itself.
            warnings.simplefilter("ignore", DeprecationWarning)
            pid = os.fork()
        if pid == 0:
            try:
                # Keep only this worker's own pipes: a copy of another's would hide its EOF.
                for conn in own:
                    conn.close()
                for later in siblings[index + 1 :]:
                    for conn in later:
                        conn.close()
                tasks = _start_drain(task_conn)
                result_conn.send((_READY, os.getpid()))
                _serve(state, handler, tasks, result_conn, [])
            finally:
                os._exit(1)  # never return into the first worker's code
        pids.append(pid)
        task_conn.close()
        result_conn.close()
    return pids


def _serve(
    state: Any,
    handler: Callable[[Any, Any], Any],
    tasks: queue.SimpleQueue[Any],
    result_conn: Connection,
    forked: list[int],
) -> None:
    while True:
        message = tasks.get()
        if message is None:
            # Every result is sent: end now, without the interpreter's teardown of the
            # state (a Coder's half a million objects), which the parent would wait for.
            for stream in (sys.stdout, sys.stderr):
                with contextlib.suppress(Exception):
                    stream.flush()
            # The workers this one forked are told to stop too: wait for them, so that
            # they are reaped (their CPU time counted in this process tree's).
            for pid in forked:
                with contextlib.suppress(ChildProcessError):
                    os.waitpid(pid, 0)
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


class _Forked:
    """A worker forked by the first worker, in the role of its ``Process``: the parent
    learns its pid from its ready message and watches it through a pidfd."""

    def __init__(self) -> None:
        self.pid: int | None = None
        self._pidfd: int | None = None

    def attach(self, pid: int) -> None:
        self.pid = pid
        self._pidfd = os.pidfd_open(pid)

    @property
    def sentinel(self) -> int | None:
        """Readable once the process has ended (None until its pid is known)."""
        return self._pidfd

    def is_alive(self) -> bool:
        if self._pidfd is None:
            return False
        return not wait([self._pidfd], timeout=0)

    def join(self, timeout: float | None = None) -> None:
        if self._pidfd is not None:
            wait([self._pidfd], timeout=timeout)

    def kill(self) -> None:
        if self._pidfd is not None:
            with contextlib.suppress(OSError):
                signal.pidfd_send_signal(self._pidfd, signal.SIGKILL)

    @property
    def exitcode(self) -> int | None:
        """As :attr:`multiprocessing.Process.exitcode` (negative: killed by that signal),
        read from ``/proc`` while the first worker keeps the ended process unreaped; None
        while it runs or when that is no longer known."""
        if self.pid is None or self.is_alive():
            return None
        try:
            with open(f"/proc/{self.pid}/stat", encoding="ascii") as stream:
                fields = stream.read().rsplit(")", 1)[1].split()
            status = int(fields[49])  # field 52 of proc(5): the waitpid() status
        except (OSError, IndexError, ValueError):
            return None
        return -(status & 0x7F) if status & 0x7F else status >> 8

    def close(self) -> None:
        if self._pidfd is not None:
            os.close(self._pidfd)
            self._pidfd = None


@dataclass
class _Worker:
    process: BaseProcess | _Forked
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
        share: Build the state once: the first worker forks the others once it has built
            it (where :func:`can_share`; else every worker is spawned and builds its own).
    """

    def __init__(
        self,
        size: int,
        init: Callable[..., Any],
        init_args: tuple[Any, ...],
        handler: Callable[[Any, Any], Any],
        *,
        depth: int = 2,
        share: bool = False,
    ) -> None:
        self.size = size
        self.depth = depth
        self.share = share and size > 1 and can_share()
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
            if self.share:
                self._workers = self._spawn_sharing(self.size - 1)
            else:
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
        return self._spawn_sharing(0)[0]

    def _spawn_sharing(self, siblings: int) -> list[_Worker]:
        """Spawn a worker that forks ``siblings`` more once it has built its state."""
        pipes = [
            (self._context.Pipe(duplex=False), self._context.Pipe(duplex=False))
            for _ in range(1 + siblings)
        ]
        (task_reader, _), (_, result_writer) = pipes[0]
        child_ends = tuple((task[0], result[1]) for task, result in pipes[1:])
        process = self._context.Process(
            target=_worker_main,
            args=(
                task_reader,
                result_writer,
                self._init,
                self._init_args,
                self._handler,
                child_ends,
            ),
            daemon=True,
            name="dragoman-worker",
        )
        process.start()
        workers = []
        for n, ((task_reader, task_writer), (result_reader, result_writer)) in enumerate(pipes):
            # Close the children's ends here, so EOF reaches each side when the other goes.
            task_reader.close()
            result_writer.close()
            handle = process if n == 0 else _Forked()
            workers.append(_Worker(process=handle, tasks=task_writer, results=result_reader))
        return workers

    def _await_ready(self, worker: _Worker) -> None:
        while not worker.ready:
            # A forked worker's pid (and pidfd) comes with its ready message; until then,
            # its death shows as the end of its result pipe.
            handles = [worker.results, worker.process.sentinel]
            ready = wait([h for h in handles if h is not None], timeout=None)
            if worker.results in ready:
                try:
                    kind, value = worker.results.recv()
                except EOFError:
                    kind, value = _INIT_ERROR, None
                if kind == _READY:
                    self._ready(worker, value)
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

    @staticmethod
    def _ready(worker: _Worker, pid: int) -> None:
        worker.ready = True
        if isinstance(worker.process, _Forked) and worker.process.pid is None:
            worker.process.attach(pid)

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
            if worker.process.sentinel is not None:
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
                    self._ready(worker, message[1])
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
        if isinstance(worker.process, _Forked):
            worker.process.close()
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
            if isinstance(worker.process, _Forked):
                worker.process.close()
        self._workers = []

    def pids(self) -> list[int]:
        """Return the process ids of the workers."""
        return [w.process.pid for w in self._workers if w.process.pid is not None]
