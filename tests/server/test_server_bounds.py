"""What one request can make the server do is bounded (issue 16, items 2, 4 and 10):
cross-site requests are refused, dyad ranges are clamped to the data and to a number of
periods, an analysis has a time budget and stops when its client leaves, and the server
keeps serving."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anyio
import pytest
from fastapi import FastAPI
from starlette.testclient import TestClient

from dragoman import Coder, StoreError
from dragoman.server import Limits, create_app

SLOW = "SELECT sum(a.range * b.range) FROM range(200000) a, range(1000000) b"


@pytest.fixture(scope="module")
def app(event_db: Path, coder: Coder) -> Iterator[FastAPI]:
    application = create_app(event_db, coder=coder, limits=Limits(periods=400, seconds=1.0))
    yield application
    application.state.dragoman.close()
    application.state.dragoman.store.close()


@pytest.fixture(scope="module")
def client(app: FastAPI) -> TestClient:
    return TestClient(app, raise_server_exceptions=False)


def _ok(client: TestClient) -> None:
    assert client.get("/api/top", params={"limit": 1}).status_code == 200
    assert client.get("/api/events", params={"limit": 1}).status_code == 200


def test_a_huge_dyad_range_is_clamped_to_the_data(client: TestClient) -> None:
    params = {"source": "KAZ", "target": "RUS", "since": "1000", "until": "9999", "freq": "day"}
    response = client.get("/api/dyads", params=params)
    assert response.status_code == 200, response.text
    rows = response.json()["rows"]
    summary = client.app.state.dragoman.summary  # type: ignore[attr-defined]
    assert rows and rows[0]["period"] >= summary["first_date"]
    assert rows[-1]["period"] <= summary["last_date"]
    assert sum(r["events"] for r in rows) == 3
    page = client.get("/dyads", params=params, headers={"accept": "text/html"})
    assert page.status_code == 200 and "<svg" in page.text


def test_year_zero_is_refused_by_the_schema(client: TestClient) -> None:
    params = {"source": "KAZ", "target": "RUS", "since": "0001", "until": "9999", "freq": "day"}
    response = client.get("/api/dyads", params=params)
    assert response.status_code == 422 and "since" in response.json()["message"]


def test_a_range_beside_the_data_is_empty_but_actors_are_checked(client: TestClient) -> None:
    params = {"source": "KAZ", "target": "RUS", "since": "2150", "freq": "day"}
    assert client.get("/api/dyads", params=params).json()["rows"] == []
    unknown = client.get("/api/dyads", params={**params, "target": "ZZZ"})
    assert unknown.status_code == 400 and "unknown target" in unknown.json()["message"]


def test_too_many_periods_are_refused(event_db: Path) -> None:
    app = create_app(event_db, limits=Limits(periods=3))
    try:
        client = TestClient(app)
        response = client.get(
            "/api/dyads", params={"source": "KAZ", "target": "RUS", "freq": "day"}
        )
        assert response.status_code == 400
        assert "periods, more than 3" in response.json()["message"]
        yearly = client.get("/api/dyads", params={"source": "KAZ", "target": "RUS", "freq": "year"})
        assert yearly.status_code == 200
    finally:
        app.state.dragoman.store.close()


@pytest.mark.parametrize("until", ["9999-12", "9999", "9999-12-31"])
def test_the_last_month_of_the_calendar_is_a_valid_bound(client: TestClient, until: str) -> None:
    assert client.get("/api/events", params={"until": until}).status_code == 200
    assert (
        client.get("/", params={"until": until}, headers={"accept": "text/html"}).status_code == 200
    )
    assert client.get("/api/top", params={"until": until}).status_code == 200


@pytest.mark.parametrize(
    "headers",
    [
        {"sec-fetch-site": "cross-site"},
        {"sec-fetch-site": "same-site"},
        {"origin": "http://evil.example.com"},
        {"origin": "null"},
    ],
)
@pytest.mark.parametrize("url", ["/api/events", "/", "/dyads?source=KAZ&target=RUS"])
def test_cross_site_requests_are_refused(
    client: TestClient, headers: dict[str, str], url: str
) -> None:
    response = client.get(url, headers=headers)
    assert response.status_code == 403
    assert "cross-site" in response.json()["message"]
    _ok(client)


def test_cross_site_posts_are_refused(client: TestClient) -> None:
    response = client.post(
        "/api/code",
        json={"text": "Poland condemned Russia."},
        headers={"origin": "http://evil.example.com"},
    )
    assert response.status_code == 403


def test_same_origin_and_direct_requests_are_answered(client: TestClient) -> None:
    for headers in (
        {"sec-fetch-site": "same-origin"},
        {"sec-fetch-site": "none"},
        {"origin": "http://testserver"},
        {},
    ):
        assert client.get("/api/events", headers=headers).status_code == 200


def test_wrong_content_type_is_415(client: TestClient) -> None:
    response = client.post(
        "/api/code",
        content=b'{"text": "Poland condemned Russia."}',
        headers={"content-type": "text/plain"},
    )
    assert response.status_code == 415
    assert response.json()["error"] == "unsupported_media_type"


def test_405_names_the_allowed_methods(client: TestClient) -> None:
    response = client.delete("/api/events")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET"


def _slow_top(calls: list[str]) -> Any:
    def top(store: Any, **_: Any) -> Any:
        try:
            store.sql(SLOW)
        except StoreError:
            calls.append("interrupted")
            raise
        calls.append("finished")
        raise AssertionError("the slow query was not stopped")

    return top


def test_an_analysis_over_its_time_budget_is_stopped(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    monkeypatch.setattr("dragoman.server._api.top", _slow_top(calls))
    response = client.get("/api/top")
    assert response.status_code == 503
    assert "longer than 1 s" in response.json()["message"]
    assert calls == ["interrupted"]
    monkeypatch.undo()
    _ok(client)


def test_the_events_page_and_download_queries_have_the_time_budget(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    slow = _slow_top(calls)
    monkeypatch.setattr("dragoman.server._pages.overview", lambda store, criteria: slow(store))
    monkeypatch.setattr("dragoman.server._pages.download", lambda store, criteria, fmt: slow(store))
    page = client.get("/", headers={"accept": "text/html"})
    assert page.status_code == 503 and "the query took longer than 1 s" in page.text
    download = client.get("/download/events.csv")
    assert download.status_code == 503 and "narrow the filter" in download.text
    assert calls == ["interrupted", "interrupted"]
    monkeypatch.undo()
    assert client.get("/", headers={"accept": "text/html"}).status_code == 200
    _ok(client)


def test_a_client_that_leaves_stops_its_analysis(
    event_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = create_app(event_db, limits=Limits(seconds=3600))
    calls: list[str] = []
    monkeypatch.setattr("dragoman.server._api.top", _slow_top(calls))
    started = threading.Event()
    real_analysis = app.state.dragoman.analysis

    def analysis(request: Any = None) -> Any:
        started.set()
        return real_analysis(request)

    monkeypatch.setattr(app.state.dragoman, "analysis", analysis)
    scope = {
        "type": "http",
        "method": "GET",
        "path": "/api/top",
        "raw_path": b"/api/top",
        "query_string": b"",
        "headers": [(b"host", b"testserver")],
        "scheme": "http",
        "server": ("testserver", 80),
        "client": ("127.0.0.1", 5000),
        "root_path": "",
        "http_version": "1.1",
        "asgi": {"version": "3.0"},
    }
    sent: list[dict[str, Any]] = []

    async def run() -> None:
        first = True

        async def receive() -> dict[str, Any]:
            nonlocal first
            if first:
                first = False
                return {"type": "http.request", "body": b"", "more_body": False}
            while not started.is_set():
                await anyio.sleep(0.05)
            await anyio.sleep(0.3)  # the query is running: leave
            return {"type": "http.disconnect"}

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        await app(scope, receive, send)

    try:
        anyio.run(run)
        assert calls == ["interrupted"]
        assert sent and sent[0]["status"] == 503
        monkeypatch.undo()
        assert TestClient(app).get("/api/top").status_code == 200  # the lock is free again
    finally:
        app.state.dragoman.close()
        app.state.dragoman.store.close()


@pytest.mark.parametrize(
    ("date", "text", "status"),
    [
        ("0001-03-01", "Germany praised Poland last year.", 422),
        ("9999-12-31", "Germany will meet Poland next week.", 422),
        ("1800-01-01", "Germany praised Poland last year.", 200),
        ("2199-12-31", "Germany will meet Poland next week.", 200),
    ],
)
def test_code_at_the_ends_of_the_calendar(
    client: TestClient, date: str, text: str, status: int
) -> None:
    response = client.post("/api/code", json={"text": text, "date": date})
    assert response.status_code == status, response.text
    _ok(client)


def test_code_with_a_lone_surrogate_is_a_client_error(client: TestClient) -> None:
    body = b'{"text": "Germany \\ud800 praised Poland."}'
    response = client.post("/api/code", content=body, headers={"content-type": "application/json"})
    assert response.status_code in (400, 422)  # pydantic or the Coder: never a 500
    assert response.json()["status"] == response.status_code
    _ok(client)
