"""The JSON API, in process: searches, one event, relations, coding, and bad requests that
get 4xx JSON errors while the server keeps serving."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from starlette.testclient import TestClient

from dragoman import Coder
from dragoman.server import Limits, create_app


@pytest.fixture(scope="module")
def app(event_db: Path, coder: Coder) -> Iterator[FastAPI]:
    application = create_app(event_db, coder=coder, limits=Limits(page_size=100))
    yield application
    application.state.dragoman.store.close()


@pytest.fixture(scope="module")
def client(app: FastAPI) -> TestClient:
    return TestClient(app, raise_server_exceptions=False)


def _ok(client: TestClient) -> None:
    """The server still answers after a bad request."""
    assert client.get("/api/events", params={"limit": 1}).status_code == 200


def test_events_newest_first_with_paging(client: TestClient) -> None:
    page = client.get("/api/events", params={"limit": 4}).json()
    assert page["total"] == 9  # the negated mention is left out
    assert [e["doc_id"] for e in page["events"]] == ["d10", "d09", "d08", "d07"]
    assert page["next_offset"] == 4
    assert page["events"][0]["title"] == "Story d10"
    last = client.get("/api/events", params={"limit": 4, "offset": 8}).json()
    assert [e["doc_id"] for e in last["events"]] == ["d01"] and last["next_offset"] is None
    oldest = client.get("/api/events", params={"limit": 1, "order": "asc"}).json()
    assert oldest["events"][0]["doc_id"] == "d01"


@pytest.mark.parametrize(
    ("params", "docs"),
    [
        ({"actor": "KAZ"}, {"d01", "d02", "d03", "d04", "d06", "d07", "d08", "d10"}),
        ({"actor": "KAZ", "exact": "true"}, {"d04", "d06", "d08"}),
        ({"source": "RUS", "target": "KAZ"}, {"d02", "d06"}),
        ({"source": "rusmil"}, {"d06", "d09"}),
        ({"code": "11"}, {"d04", "d07"}),
        ({"plover": "consult"}, {"d01", "d03"}),
        ({"quad": 4}, {"d09"}),
        ({"since": "2025-03", "until": "2025-04"}, {"d04", "d06"}),
        ({"text": "GRAIN embargo"}, {"d04"}),
        ({"doc": "d08"}, {"d08"}),
        ({"source": "KAZ", "target": "RUS", "negated": "true"}, {"d01", "d03", "d04", "d05"}),
        ({"text": "' OR 1=1 --"}, set()),
    ],
)
def test_event_filters(client: TestClient, params: dict[str, object], docs: set[str]) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    assert {e["doc_id"] for e in response.json()["events"]} == docs


def test_one_event_with_evidence_quote_and_document(client: TestClient) -> None:
    listed = client.get("/api/events", params={"doc": "d07"}).json()["events"][0]
    data = client.get(f"/api/events/{listed['event_id']}").json()
    assert data["event"]["cameo"]["code"] == "112"
    marked = {s["role"]: s["text"] for s in data["segments"] if s["role"]}
    assert marked == {"source": "Tokayev", "action": "accused", "target": "the OSCE"}
    assert (
        "".join(s["text"] for s in data["segments"])
        == data["event"]["evidence"]["sentence"]["text"]
    )
    assert data["quote"]["content"]["text"] == "The election report is biased"
    assert data["document"]["link"] == "https://news.example.org/d07"
    assert "text" not in data["document"]
    assert data["reports"] == {"mentions": 1, "articles": 1, "sources": 1}


def test_document_with_highlighted_text(client: TestClient) -> None:
    data = client.get("/api/documents", params={"id": "d04"}).json()
    assert data["document"]["title"] == "Story d04"
    assert [e["cameo"]["code"] for e in data["events"]] == ["111"]
    assert [s["text"] for s in data["segments"] if s["role"]] == [
        "Kazakhstan",
        "criticized",
        "Russia",
    ]


def test_relations(client: TestClient) -> None:
    dyad = client.get(
        "/api/dyads", params={"source": "KAZ", "target": "RUS", "both_directions": "true"}
    ).json()
    assert dyad["freq"] == "month"
    assert sum(r["events"] for r in dyad["rows"] if r["source"] == "KAZ") == 3
    assert sum(r["events"] for r in dyad["rows"] if r["source"] == "RUS") == 2
    net = client.get("/api/network", params={"min_events": 2}).json()
    assert [(e["source"], e["target"], e["events"]) for e in net["edges"]] == [
        ("KAZGOV", "RUSGOV", 2)
    ]
    countries = client.get("/api/network", params={"level": "country", "actor": ["UKR"]}).json()
    assert [(e["source"], e["target"]) for e in countries["edges"]] == [("RUS", "UKR")]
    best = client.get("/api/top", params={"limit": 1}).json()
    assert best["actors"][0]["code"] == "KAZGOV"
    quotes = client.get("/api/quotes", params={"speaker": "KAZ"}).json()
    assert [q["content"]["text"] for q in quotes["quotes"]] == ["The election report is biased"]
    assert client.get("/api/quotes", params={"speaker": "RUS"}).json()["total"] == 0


def test_openapi_lists_the_endpoints(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/events",
        "/api/events/{event_id}",
        "/api/dyads",
        "/api/network",
        "/api/code",
    ):
        assert path in paths
    assert "post" in paths["/api/code"]
    assert client.get("/docs").status_code == 404  # FastAPI's CDN-based docs are off


@pytest.mark.slow
def test_code_endpoint(client: TestClient) -> None:
    response = client.post(
        "/api/code",
        json={
            "text": "Russian troops attacked Ukrainian positions near Kharkiv.",
            "date": "2025-06-01",
            "doc_id": "t1",
        },
    )
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["doc_id"] == "t1" and data["date"] == "2025-06-01"
    assert [(e["source"]["code"][:3], e["cameo"]["code"][:2]) for e in data["events"]] == [
        ("RUS", "19")
    ]


@pytest.mark.parametrize(
    ("method", "url", "kwargs", "status", "message"),
    [
        ("get", "/api/events", {"params": {"actor": "XYZ"}}, 400, "unknown actor 'XYZ'"),
        (
            "get",
            "/api/events",
            {"params": {"actor": "KAZ' OR 1=1 --"}},
            422,
            "actor: String should match pattern",
        ),
        (
            "get",
            "/api/events",
            {"params": {"source": "KAZ'; DROP TABLE mentions; --"}},
            422,
            "source: String should",
        ),
        ("get", "/api/events", {"params": {"since": "2025-02-30"}}, 422, "since: String"),
        (
            "get",
            "/api/events",
            {"params": {"since": "2025-02-29"}},
            400,
            "not a valid calendar date",
        ),
        ("get", "/api/events", {"params": {"until": "tomorrow"}}, 422, "until: String should"),
        (
            "get",
            "/api/events",
            {"params": {"since": "2025-06", "until": "2025-01"}},
            400,
            "is after until",
        ),
        ("get", "/api/events", {"params": {"limit": 10**9}}, 422, "less than or equal to 500"),
        ("get", "/api/events", {"params": {"limit": 200}}, 400, "more than 100"),
        ("get", "/api/events", {"params": {"limit": 0}}, 422, "limit"),
        ("get", "/api/events", {"params": {"limit": "many"}}, 422, "limit"),
        ("get", "/api/events", {"params": {"offset": 10**12}}, 400, "offset"),
        ("get", "/api/events", {"params": {"code": "1; --"}}, 422, "code: String should"),
        ("get", "/api/events", {"params": {"plover": "HUG"}}, 400, "not a PLOVER type"),
        ("get", "/api/events", {"params": {"quad": 7}}, 422, "quad"),
        ("get", "/api/events", {"params": {"text": "x" * 500}}, 422, "text"),
        ("get", "/api/events/nope", {}, 404, "no event with id 'nope'"),
        ("get", "/api/events/x' OR '1'='1", {}, 422, "event_id: String should"),
        ("get", "/api/documents", {"params": {"id": "missing"}}, 404, "no document"),
        ("get", "/api/dyads", {"params": {"source": "KAZ"}}, 422, "target"),
        (
            "get",
            "/api/dyads",
            {"params": {"source": "KAZ", "target": "ZZZ"}},
            400,
            "unknown target",
        ),
        (
            "get",
            "/api/dyads",
            {"params": {"source": "KAZ", "target": "RUS", "freq": "hour"}},
            422,
            "freq",
        ),
        ("get", "/api/network", {"params": {"limit": 10**6}}, 400, "more than"),
        ("get", "/api/nothing", {}, 404, "no page or endpoint"),
        ("delete", "/api/events", {}, 405, "DELETE is not allowed"),
        (
            "post",
            "/api/code",
            {"content": b"{not json", "headers": {"content-type": "application/json"}},
            400,
            "not valid JSON",
        ),
        ("post", "/api/code", {"json": {"txt": "hello"}}, 422, "text"),
        ("post", "/api/code", {"json": {"text": ""}}, 422, "text"),
        (
            "post",
            "/api/code",
            {"json": {"text": "Hello.", "date": "June"}},
            422,
            "date: String should match pattern",
        ),
        (
            "post",
            "/api/code",
            {"json": {"text": "Hello.", "date": "2025-02-29"}},
            400,
            "not a valid calendar date",
        ),
        ("post", "/api/code", {"json": {"text": "x" * 200_000}}, 422, "text: String should"),
        ("post", "/api/code", {"json": {"text": "x" * 1_300_000}}, 413, "over 1,250,000 bytes"),
    ],
)
def test_bad_requests_get_json_errors(
    client: TestClient,
    method: str,
    url: str,
    kwargs: dict[str, object],
    status: int,
    message: str,
) -> None:
    response = getattr(client, method)(url, **kwargs)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["status"] == status
    assert message in body["message"]
    _ok(client)


def test_streamed_body_over_the_limit_is_refused(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(130):
            yield b"x" * 10_000

    response = client.post(
        "/api/code", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    _ok(client)


def test_security_headers_and_read_only_store(client: TestClient, app: FastAPI) -> None:
    headers = client.get("/api/events").headers
    assert headers["x-content-type-options"] == "nosniff"
    assert "default-src 'self'" in headers["content-security-policy"]
    assert app.state.dragoman.store.read_only


def test_allowed_hosts(event_db: Path) -> None:
    app = create_app(event_db, allowed_hosts=["127.0.0.1", "localhost"])
    try:
        local = TestClient(app, base_url="http://127.0.0.1:8000")
        assert local.get("/api/events").status_code == 200
        rebound = TestClient(app, base_url="http://evil.example.com")
        assert rebound.get("/api/events").status_code == 400
    finally:
        app.state.dragoman.store.close()
