"""Helpers the benchmarks share: run a command as a subprocess, sample the peak memory (RSS)
of its whole process tree while it runs, and count the CPU time of the tree.

Wall-clock time is what a user waits, but on a machine shared with other work it says as
much about the others as about the command. The CPU time (user + system) of the process tree
moves far less with the machine's load: the benchmarks print both.

Every command runs as an installed program does: with compiled bytecode. ``pip install``
compiles a package's modules once; a source checkout run with ``PYTHONDONTWRITEBYTECODE=1``
(as some CI and sandbox environments set) compiles Dragoman's 130 modules again in every
process, a cost no installation has. The variable is removed from the commands'
environment, so the first, unmeasured run of each benchmark writes the bytecode.
"""

from __future__ import annotations

import contextlib
import os
import resource
import subprocess
import threading
import time
from dataclasses import dataclass

import psutil

__all__ = ["Measured", "child_environment", "run_measured", "tree_rss"]


def child_environment() -> dict[str, str]:
    """This process's environment without ``PYTHONDONTWRITEBYTECODE``."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def tree_rss(root: psutil.Process) -> int:
    """Resident memory of a process and all its descendants, in bytes."""
    total = 0
    for proc in [root, *root.children(recursive=True)]:
        try:
            total += proc.memory_info().rss
        except psutil.Error:
            continue
    return total


@dataclass(frozen=True)
class Measured:
    """A finished subprocess: wall-clock seconds, CPU seconds of its process tree (user +
    system, the processes it waited for included), peak tree RSS in bytes, its output."""

    seconds: float
    peak_rss: int
    stdout: str
    cpu_seconds: float = 0.0


def run_measured(
    command: list[str], *, stdin: str | None = None, interval: float = 0.05
) -> Measured:
    """Run ``command``, sampling its tree's RSS every ``interval`` seconds.

    Raises:
        SystemExit: The command failed (its status and standard error are shown).
    """
    peak = 0
    done = threading.Event()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_environment(),
    )
    root = psutil.Process(process.pid)

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            with contextlib.suppress(psutil.Error):
                peak = max(peak, tree_rss(root))
            time.sleep(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, errors = process.communicate(stdin)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(
            f"{' '.join(command[:4])} ... failed with status {process.returncode}:\n{errors}"
        )
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Measured(seconds, peak, output, cpu)
