"""The dashboard's pages, in process: search, event evidence, document, dyads, network,
quotes, API docs, and error pages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from dragoman.server import create_app
from factories import make_event

HTML = {"accept": "text/html"}


@pytest.fixture(scope="module")
def client(event_db: Path) -> Iterator[TestClient]:
    app = create_app(event_db)
    yield TestClient(app, raise_server_exceptions=False)
    app.state.dragoman.store.close()


def _event_links(html: str) -> list[str]:
    return re.findall(r'href="/events/([0-9a-f]+)"', html)


def test_search_page_filters_by_actor(client: TestClient) -> None:
    page = client.get("/", headers=HTML)
    assert page.status_code == 200
    assert "9 events" in page.text and "10 documents" in page.text
    only = client.get("/", params={"actor": "IGOEUROSC"}, headers=HTML)
    assert "1 event (1 mention in articles)" in only.text
    assert len(_event_links(only.text)) == 1
    assert 'value="IGOEUROSC"' in only.text  # the form keeps the filter


def test_event_page_highlights_the_evidence(client: TestClient) -> None:
    html = client.get("/", params={"source": "FINGOV"}, headers=HTML).text
    (event_id,) = _event_links(html)
    page = client.get(f"/events/{event_id}", headers=HTML).text
    evidence = re.search(
        r'<blockquote class="evidence" id="evidence">(.*?)</blockquote>', page, re.S
    )
    assert evidence is not None
    assert evidence.group(1) == (
        '<mark class="source" data-role="source">Finnish Foreign Minister Valtonen</mark> '
        '<mark class="action" data-role="action">praised</mark> '
        '<mark class="target" data-role="target">Kazakhstan</mark>.'
    )
    assert "test:FINGOV" in page and "praised -&gt; 051" in page  # entry and pattern
    assert 'href="/document?id=d08"' in page
    assert 'href="https://news.example.org/d08"' in page


def test_event_page_shows_the_quote(client: TestClient) -> None:
    (event_id,) = _event_links(client.get("/", params={"code": "112"}, headers=HTML).text)
    page = client.get(f"/events/{event_id}", headers=HTML).text
    assert "The election report is biased" in page


def test_document_page(client: TestClient) -> None:
    page = client.get("/document", params={"id": "d06"}, headers=HTML).text
    assert '<mark class="source" data-role="source">Russian troops</mark>' in page
    assert "Story d06" in page


def test_dyads_network_quotes_and_api_pages(client: TestClient) -> None:
    dyad = client.get(
        "/dyads", params={"source": "KAZ", "target": "RUS", "both": "true"}, headers=HTML
    ).text
    assert "<svg" in dyad and "KAZ → RUS" in dyad and "RUS → KAZ" in dyad
    assert "5 events" in dyad
    net = client.get("/network", headers=HTML).text
    assert "<svg" in net and "8 nodes, 7 edges" in net
    assert "KAZGOV" in net
    quotes = client.get("/quotes", params={"speaker": "KAZGOV"}, headers=HTML).text
    assert "The election report is biased" in quotes
    api = client.get("/api", headers=HTML).text
    assert "/api/events/{event_id}" in api and "POST" in api
    css = client.get("/static/style.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")


def test_no_external_resources(client: TestClient) -> None:
    for url in ("/", "/dyads?source=KAZ&target=RUS", "/network", "/quotes", "/api"):
        html = client.get(url, headers=HTML).text
        assert not re.search(
            r'(src|href)="(https?:)?//', html.replace('href="https://news.example.org/', "")
        ), url


@pytest.mark.parametrize(
    ("url", "status", "message"),
    [
        ("/?actor=ZZZ", 400, "unknown actor"),
        ("/?since=2025-02-30", 400, "not a valid calendar date"),
        ("/?quad=nine", 400, "not a whole number"),
        ("/dyads?source=KAZ&target=RUS&freq=hour", 400, "freq"),
        ("/network?min_events=-1", 400, "out of range"),
        ("/network?sort=colour", 400, "sort"),
        ("/download/events.xml", 404, "no download"),
        ("/download/events.csv?actor=ZZZ", 400, "unknown actor"),
        ("/events/0000000000000000", 404, "no event"),
        ("/events/%3Cscript%3E", 400, "is not an id"),
        ("/document?id=nothing", 404, "no document"),
        ("/static/..%2Fpyproject.toml", 404, "no "),
        ("/nothing/here", 404, "no page"),
    ],
)
def test_error_pages(client: TestClient, url: str, status: int, message: str) -> None:
    response = client.get(url, headers=HTML)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert message in response.text
    assert "<script" not in response.text


def test_text_from_the_request_is_escaped(client: TestClient) -> None:
    response = client.get("/", params={"text": "<script>alert(1)</script>"}, headers=HTML)
    assert response.status_code == 200
    assert "<script>alert" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text


def test_events_page_has_timeline_map_and_downloads(client: TestClient) -> None:
    html = client.get("/", params={"actor": "RUS"}, headers=HTML).text
    # RUS: Jan (d01), Feb (d02, d03), Mar (d04), Apr (d06), Jun (d09); d05 is negated
    assert "6 events (6 mentions in articles)" in html
    timeline = re.search(r'<svg[^>]*class="timeline".*?</svg>', html, re.S)
    assert timeline is not None and timeline.group(0).count('class="bar"') == 6
    assert "Feb 2025: 2 events" in timeline.group(0)
    places = re.search(r'<svg[^>]*class="map".*?</svg>', html, re.S)
    assert places is not None and places.group(0).count('class="place"') == 2
    assert "Moscow, RUS: 1 event" in places.group(0) and "Kharkiv" in places.group(0)
    assert "4 events with no place" in html
    assert 'href="/download/events.csv?actor=RUS"' in html
    assert 'href="/?actor=RUSGOV&amp;exact=true"' in html  # actor codes link to their events


def test_download_the_filtered_events(client: TestClient) -> None:
    import io

    import pandas as pd
    import pyarrow.parquet as pq

    csv = client.get("/download/events.csv", params={"actor": "RUS", "since": "2025-03"})
    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
    assert "attachment" in csv.headers["content-disposition"]
    frame = pd.read_csv(io.StringIO(csv.text), dtype={"cameo_code": str})
    assert sorted(frame["cameo_code"]) == ["111", "138", "190"]
    assert set(frame["place_name"].dropna()) == {"Kharkiv"}
    parquet = client.get("/download/events.parquet", params={"negated": "true"})
    table = pq.read_table(io.BytesIO(parquet.content))
    assert table.num_rows == 10 and sum(table.column("negated").to_pylist()) == 1


def test_network_edges_are_paged_and_sorted(client: TestClient) -> None:
    html = client.get("/network", params={"sort": "source", "dir": "asc"}, headers=HTML).text
    table = re.search(r'<table class="numbers" id="edges">.*?</table>', html, re.S)
    assert table is not None
    sources = re.findall(r'<tr><td><a href="/\?actor=[^"]+">([^<]+)</a>', table.group(0))
    assert sources == sorted(sources) and len(sources) == 7
    assert "by source ascending" in html
    assert "sort=source&amp;dir=desc" in html  # the sorted column's header reverses it


def test_network_edges_next_page(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    import dragoman.server._pages as pages

    monkeypatch.setattr(pages, "_EDGE_PAGE", 3)
    first = client.get("/network", headers=HTML).text
    assert "7 edges; 1–3 shown, by events descending" in first
    link = re.search(r'<a href="(/network\?[^"]+)" id="edges-next">', first)
    assert link is not None and "offset=3" in link.group(1)
    second = client.get(link.group(1).replace("&amp;", "&"), headers=HTML).text
    assert "7 edges; 4–6 shown" in second and "← previous" in second


# A store the size of a few hundred real stories: 400 documents of 4 events over three years,
# some reported by two documents, some dated only to the year, half of them placed.
_PLACES = [
    ("Kharkiv", "UKR", "city", 49.98, 36.25),
    ("Astana", "KAZ", "capital", 51.17, 71.45),
    ("Ukraine", "UKR", "country", 49.0, 32.0),
    ("Texas", "USA", "region", 31.25, -99.25),
]
_DYADS = [
    ("RUSMIL", "UKRMIL", "190"),
    ("KAZGOV", "RUSGOV", "040"),
    ("USAGOV", "UKR", "070"),
    ("UKRGOV", "RUS", "111"),
    ("FINGOV", "KAZ", "051"),
]


def _busy_store(path: Path) -> Path:
    import datetime as dt

    from dragoman import Document, Location
    from dragoman.store import EventStore, RowBatch, document_rows

    batch = RowBatch()
    for n in range(400):
        day = dt.date(2022, 1, 1) + dt.timedelta(days=(n // 2) * 5)  # two documents a day
        doc = Document(
            f"doc{n:03d}",
            "Text.",
            day.isoformat(),
            f"Story {n}",
            f"https://news{n % 3}.example/{n}",
        )
        events = []
        for k in range(4):
            source, target, code = _DYADS[(n // 2 + k) % len(_DYADS)]
            place = _PLACES[(n + k) % len(_PLACES)] if k % 2 == 0 else None
            events.append(
                make_event(
                    source,
                    target,
                    code,
                    doc_id=doc.id,
                    start=10 * k,
                    date=day.isoformat() if k < 3 else f"{day.year}-01-01",
                    precision="day" if k < 3 else "year",
                    negated=n % 50 == 0 and k == 1,
                    location=Location(*place, place[0], 0, 1) if place else None,
                )
            )
        batch.extend(document_rows(doc, events, file="busy.jsonl", line=n + 1))
    with EventStore(path) as store:
        store.write(batch)
    return path


def test_the_events_page_on_a_busy_store(tmp_path: Path) -> None:
    from dragoman.store import EventStore

    db = _busy_store(tmp_path / "busy.duckdb")
    with EventStore(db, read_only=True) as store:
        ((events, mentions, located),) = store.sql(
            "SELECT count(DISTINCT global_event_id), count(*), "
            "count(DISTINCT global_event_id) FILTER (WHERE latitude IS NOT NULL) "
            "FROM mentions WHERE NOT negated"
        )
        months = store.sql(
            "SELECT count(DISTINCT date_trunc('month', event_date)) "
            "FROM mentions WHERE date_precision = 'day'"
        )[0][0]
        (coarse,) = store.sql(
            "SELECT count(DISTINCT (date_trunc('month', event_date), "
            "global_event_id)) FROM mentions "
            "WHERE date_precision = 'year' AND NOT negated"
        )[0]
    app = create_app(db)
    try:
        client = TestClient(app, raise_server_exceptions=False)
        html = client.get("/", headers=HTML).text
        assert f"{events:,} events ({mentions:,} mentions in articles)" in html
        assert mentions == 1600 - 8 and events < mentions  # events reported twice count once
        timeline = re.search(r'<svg[^>]*class="timeline".*?</svg>', html, re.S)
        assert timeline is not None and "Events per month" in html
        assert timeline.group(0).count('class="bar"') == months == 33  # Jan 2022-Sep 2024
        assert f"({coarse:,} dated only to the year not shown)" in html
        places = re.search(r'<svg[^>]*class="map".*?</svg>', html, re.S)
        assert places is not None and places.group(0).count('class="place"') == 4
        assert f"({events - located:,} events with no place)" in html
        for query in (
            {"actor": "UKR"},
            {"code": "19", "since": "2023"},
            {"text": "own"},
            {"source": "FINGOV", "exact": "true"},
            {"plover": "AID"},
        ):
            page = client.get("/", params=query, headers=HTML)
            assert page.status_code == 200, query
            assert 'class="timeline"' in page.text and 'class="map"' in page.text, query
        download = client.get("/download/events.csv", params={"actor": "KAZ"})
        assert download.status_code == 200 and download.text.count("\n") > 500
    finally:
        app.state.dragoman.close()
        app.state.dragoman.store.close()
