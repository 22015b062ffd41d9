"""The API against its own OpenAPI description: schemathesis with all checks, 0 failures
(issue 16, item 10: no 500s, 405 with Allow, 415 documented, schema-valid input accepted)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from dragoman import Coder
from dragoman.server import create_app

CONFIG = Path(__file__).with_name("schemathesis.toml")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server(event_db: Path, coder: Coder) -> Iterator[str]:
    import uvicorn

    app = create_app(event_db, coder=coder)
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    for _ in range(200):
        if running.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=30)
    app.state.dragoman.close()
    app.state.dragoman.store.close()


def _st() -> str:
    found = Path(sys.executable).with_name("st")
    return str(found) if found.exists() else (shutil.which("st") or "st")


def test_schemathesis_all_checks_find_nothing(server: str, tmp_path: Path) -> None:
    result = subprocess.run(  # in tmp_path: its example database stays out of the checkout
        [
            _st(),
            "--config-file",
            str(CONFIG),
            "run",
            f"{server}/openapi.json",
            "--checks",
            "all",
            "--max-examples",
            "25",
            "--seed",
            "1616",
            "--workers",
            "1",
            "--no-color",
        ],
        capture_output=True,
        text=True,
        timeout=900,
        cwd=tmp_path,
    )
    summary = result.stdout[-3000:]
    assert result.returncode == 0, summary
    assert "No issues found" in result.stdout or " passed" in result.stdout, summary
