"""Helpers the benchmarks share: run a command as a subprocess and sample the peak memory
(RSS) of its whole process tree while it runs."""

from __future__ import annotations

import contextlib
import subprocess
import threading
import time
from dataclasses import dataclass

import psutil

__all__ = ["Measured", "run_measured", "tree_rss"]


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
    """A finished subprocess: wall-clock seconds, peak tree RSS in bytes, its output."""

    seconds: float
    peak_rss: int
    stdout: str


def run_measured(
    command: list[str], *, stdin: str | None = None, interval: float = 0.05
) -> Measured:
    """Run ``command``, sampling its tree's RSS every ``interval`` seconds.

    Raises:
        SystemExit: The command failed (its status and standard error are shown).
    """
    peak = 0
    done = threading.Event()
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
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
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(
            f"{' '.join(command[:4])} ... failed with status {process.returncode}:\n{errors}"
        )
    return Measured(seconds, peak, output)
