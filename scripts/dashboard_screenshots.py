"""Screenshots of every dashboard page, for docs/: `dragoman serve` on a database, driven by
Debian's Chromium through Playwright (no browser download).

    python scripts/dashboard_screenshots.py events.duckdb docs/ [--actor KAZ] [--dyad KAZ FIN]

Writes dashboard_events.png, dashboard_event.png, dashboard_dyads.png, dashboard_network.png
and dashboard_quotes.png into the folder.
"""

from __future__ import annotations

import argparse
import socket
import threading
import time
from pathlib import Path

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("db")
    parser.add_argument("out", type=Path)
    parser.add_argument("--actor", default="USA")
    parser.add_argument("--dyad", nargs=2, default=["USA", "CHN"])
    parser.add_argument("--min-events", type=int, default=1, help="for the network page")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()

    import uvicorn
    from playwright.sync_api import sync_playwright

    from dragoman.server import LOOPBACK_HOSTS, create_app

    app = create_app(args.db, allowed_hosts=list(LOOPBACK_HOSTS))
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    args.out.mkdir(parents=True, exist_ok=True)
    source, target = args.dyad
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=args.chromium, args=FLAGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            shots = [
                ("events", f"/?actor={args.actor}"),
                ("dyads", f"/dyads?source={source}&target={target}&both=true"),
                ("network", f"/network?min_events={args.min_events}"),
                ("quotes", f"/quotes?speaker={args.actor}"),
            ]
            for name, url in shots:
                page.goto(base + url)
                page.screenshot(path=str(args.out / f"dashboard_{name}.png"), full_page=False)
                if name == "events":
                    page.locator("#events a.event-link").first.click()
                    page.wait_for_url("**/events/*")
                    page.screenshot(path=str(args.out / "dashboard_event.png"))
            browser.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    print(f"screenshots written to {args.out}")


if __name__ == "__main__":
    main()
