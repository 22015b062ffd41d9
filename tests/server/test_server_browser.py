"""End to end in a real browser: Debian's Chromium, driven by Playwright, against uvicorn on
a free loopback port. Loads the dashboard, filters by an actor, opens an event and checks the
highlighted evidence, and saves a screenshot."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("DRAGOMAN_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]

pytestmark = pytest.mark.skipif(
    not os.path.exists(CHROMIUM),
    reason="Chromium is not installed (apt-get install chromium; .ci/run installs it)",
)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(event_db: Path) -> Iterator[str]:
    import uvicorn

    from dragoman.server import LOOPBACK_HOSTS, create_app

    app = create_app(event_db, allowed_hosts=list(LOOPBACK_HOSTS))
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    app.state.dragoman.store.close()


def test_filter_open_event_and_see_evidence(base_url: str, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            failed: list[str] = []
            page.on("requestfailed", lambda request: failed.append(request.url))
            page.goto(base_url + "/")
            # one meaning of "events": deduplicated, with mentions as the second number
            assert page.locator("#count").inner_text().startswith("9 events (9 mentions")
            assert "9 events (9 mentions)" in page.locator("header .db").inner_text()
            page.fill("input[name=actor]", "IGOEUROSC")
            page.click("#filters button[type=submit]")
            page.wait_for_url("**/?actor=IGOEUROSC*")
            assert page.locator("#count").inner_text().startswith("1 event")
            rows = page.locator("#events tbody tr")
            assert rows.count() == 1
            rows.first.locator("a.event-link").click()
            page.wait_for_url("**/events/*")
            evidence = page.locator("#evidence")
            assert evidence.inner_text() == (
                "Tokayev accused the OSCE of bias in its election report."
            )
            assert page.locator("#evidence mark.source").inner_text() == "Tokayev"
            assert page.locator("#evidence mark.action").inner_text() == "accused"
            assert page.locator("#evidence mark.target").inner_text() == "the OSCE"
            # Highlighting is visible: the marks have our stylesheet's background colours.
            colour = page.locator("#evidence mark.action").evaluate(
                "e => getComputedStyle(e).backgroundColor"
            )
            assert colour not in ("", "rgba(0, 0, 0, 0)", "transparent")
            assert "The election report is biased" in page.locator("#quote").inner_text()
            shot = tmp_path / "event.png"
            page.screenshot(path=str(shot), full_page=True)
            assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 10_000
            page.click("#document-link")
            page.wait_for_url("**/document?id=d07")
            assert page.locator("#text mark.target").first.inner_text() == "the OSCE"
            assert not failed, failed  # nothing was fetched from anywhere else
        finally:
            browser.close()


def test_overview_downloads_actor_links_and_network_paging(base_url: str, tmp_path: Path) -> None:
    import io

    import pyarrow.parquet as pq
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
            failed: list[str] = []
            # a download ends its navigation, which Chromium reports as an aborted request
            page.on(
                "requestfailed",
                lambda request: None if "/download/" in request.url else failed.append(request.url),
            )
            page.goto(base_url + "/?actor=KAZ")
            # events over time for the filter, and where they happened (Moscow only)
            assert page.locator("#timeline svg rect.bar").count() >= 5
            assert "per month" in page.locator("#timeline figcaption").inner_text()
            assert page.locator("#map svg circle.place").count() == 1
            assert "Moscow" in page.locator("#map svg").inner_html()
            # the filtered events as CSV and Parquet
            with page.expect_download() as info:
                page.click("#download-csv")
            csv_path = tmp_path / "events.csv"
            info.value.save_as(csv_path)
            lines = csv_path.read_text(encoding="utf-8").splitlines()
            assert lines[0].startswith('"event_id","global_event_id"') and len(lines) == 1 + 8
            href = page.locator("#download-parquet").get_attribute("href")
            body = page.request.get(base_url + str(href)).body()
            table = pq.read_table(io.BytesIO(body))
            assert table.num_rows == 8 and "date_precision" in table.column_names
            # an actor code links to its events
            page.locator("#events a.actor-link", has_text="IGOEUROSC").first.click()
            page.wait_for_url("**/?actor=IGOEUROSC&exact=true")
            assert page.locator("#count").inner_text().startswith("1 event")
            # network edges: sortable by a column header
            page.goto(base_url + "/network")
            first = page.locator("#edges tbody tr").first.inner_text()
            page.click("#edges thead a:has-text('Goldstein')")
            page.wait_for_url("**sort=goldstein_mean**")
            values = [
                float(t.split()[-1]) for t in page.locator("#edges tbody tr").all_inner_texts()
            ]
            assert values == sorted(values, reverse=True) and first
            page.click("#edges thead a:has-text('Goldstein')")
            page.wait_for_url("**dir=asc**")
            values = [
                float(t.split()[-1]) for t in page.locator("#edges tbody tr").all_inner_texts()
            ]
            assert values == sorted(values)
            assert not failed, failed
        finally:
            browser.close()
