"""Load test of ``dragoman serve``: /api/events with filters, 20 clients, 30 seconds.

Builds (or reuses) an event store of synthetic but realistic events written through the
store's own writer (``document_rows`` + ``EventStore.write``): 100,000 mentions by default,
about four per document, between some 60 actors over six years, CAMEO codes drawn with the
skew of real event data (statements and consultations common, force rare), each with an
evidence sentence and character offsets. Then starts ``dragoman serve`` in a second process
on a free loopback port and drives it with concurrent clients (httpx2, asyncio) for a fixed
time, each request a random mix of the filters a user sets: actor at country level, dyads,
CAMEO roots, PLOVER types, quad classes, date windows, words in the sentence, later pages.

Prints requests per second, p50/p95/p99 latency and the error count; the targets are zero
errors and p95 under 200 ms. Exit status 1 when a request failed.

    python bench/bench_api.py                       # build /tmp store, 20 clients, 30 s
    python bench/bench_api.py --db bench/out/api.duckdb --clients 20 --duration 30
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

# Actors: (code, words in the text). Countries with their governments, militaries and
# other sectors, and organizations, as the dictionaries would code them.
COUNTRIES = {
    "USA": "the United States",
    "RUS": "Russia",
    "CHN": "China",
    "UKR": "Ukraine",
    "KAZ": "Kazakhstan",
    "IRN": "Iran",
    "ISR": "Israel",
    "TUR": "Turkey",
    "DEU": "Germany",
    "FRA": "France",
    "GBR": "Britain",
    "IND": "India",
    "PAK": "Pakistan",
    "SYR": "Syria",
    "IRQ": "Iraq",
    "AFG": "Afghanistan",
    "PRK": "North Korea",
    "KOR": "South Korea",
    "JPN": "Japan",
    "SAU": "Saudi Arabia",
    "EGY": "Egypt",
    "FIN": "Finland",
    "POL": "Poland",
    "BLR": "Belarus",
    "UZB": "Uzbekistan",
    "KGZ": "Kyrgyzstan",
    "AZE": "Azerbaijan",
    "ARM": "Armenia",
    "GEO": "Georgia",
    "VEN": "Venezuela",
    "BRA": "Brazil",
    "NGA": "Nigeria",
    "ETH": "Ethiopia",
    "SDN": "Sudan",
    "MEX": "Mexico",
}
SECTORS = {
    "GOV": "government",
    "MIL": "military",
    "OPP": "opposition",
    "BUS": "businesses",
    "MED": "media",
    "CVL": "civilians",
}
ORGANIZATIONS = {
    "IGOUNO": "the United Nations",
    "IGOEUROSC": "the OSCE",
    "IGOWSTNAT": "NATO",
    "IGOEU": "the European Union",
    "NGOHRIAMN": "Amnesty International",
}

# CAMEO codes and the verbs that report them, with weights from the shape of real event
# data: most events are statements, consultations and appeals; force is rare.
ACTIONS = [
    ("010", "made a statement about", 12),
    ("020", "appealed to", 5),
    ("036", "expressed intent to meet", 5),
    ("040", "consulted", 10),
    ("042", "visited", 7),
    ("043", "hosted", 6),
    ("046", "negotiated with", 5),
    ("051", "praised", 6),
    ("057", "signed an agreement with", 3),
    ("061", "cooperated economically with", 3),
    ("071", "sent aid to", 2),
    ("111", "criticized", 7),
    ("112", "accused", 6),
    ("120", "rejected", 3),
    ("130", "threatened", 3),
    ("138", "threatened to attack", 1),
    ("141", "demonstrated against", 2),
    ("163", "imposed an embargo on", 1),
    ("172", "imposed sanctions on", 2),
    ("173", "arrested", 1),
    ("190", "attacked", 2),
    ("193", "fought", 1),
    ("195", "bombed", 1),
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _actors(rng: random.Random) -> list[tuple[str, str, str]]:
    """Return (code, words, weight) for every actor: countries, their sectors, organizations."""
    out = []
    for code, name in COUNTRIES.items():
        out.append((code, name[0].upper() + name[1:], "country"))
        adjective = name.removeprefix("the ")
        for sector, noun in SECTORS.items():
            out.append((code + sector, f"{adjective}'s {noun}", "sector"))
    for code, name in ORGANIZATIONS.items():
        out.append((code, name[0].upper() + name[1:], "org"))
    rng.shuffle(out)
    return out


def build_store(path: Path, events: int, seed: int = 7) -> None:
    """Write a synthetic store of about ``events`` mentions through the store's writer."""
    from dragoman import Actor, CameoRef, Document, Event, Evidence, PloverRef, TextSpan
    from dragoman.ontology import cameo, plover_for
    from dragoman.records import make_event_id
    from dragoman.store import EventStore, RowBatch, document_rows

    rng = random.Random(seed)
    actors = _actors(rng)
    # A few actors dominate real data (power law): weight by rank.
    weights = [1.0 / (rank + 1) ** 0.8 for rank in range(len(actors))]
    info = {code: (cameo(code), plover_for(code)) for code, _, _ in ACTIONS}
    start = dt.date(2020, 1, 1)
    span_days = (dt.date(2025, 12, 31) - start).days
    written = 0
    doc_number = 0
    started = time.perf_counter()
    with EventStore(path) as store:
        while written < events:
            batch = RowBatch()
            for _ in range(2000):
                if written >= events:
                    break
                doc_number += 1
                doc_id = f"syn-{doc_number:07d}"
                date = start + dt.timedelta(days=rng.randrange(span_days))
                title = f"Report {doc_number}"
                parts = [title, ""]
                sentences: list[tuple[int, str, Any]] = []
                offset = len(title) + 2
                for index in range(rng.choice((2, 3, 4, 4, 5, 6))):
                    src, tgt = rng.choices(actors, weights=weights, k=2)
                    while tgt[0][:3] == src[0][:3]:
                        tgt = rng.choices(actors, weights=weights)[0]
                    code, verb, _ = rng.choices(ACTIONS, weights=[a[2] for a in ACTIONS])[0]
                    sentence = f"{src[1]} {verb} {tgt[1]} on {rng.choice(WEEKDAYS)}."
                    sentences.append((offset, sentence, (src, tgt, code, verb, index)))
                    parts.append(sentence)
                    offset += len(sentence) + 1
                text = f"{title}\n\n" + " ".join(parts[2:])
                built = []
                for base, sentence, (src, tgt, code, verb, index) in sentences:
                    src_actor = Actor(
                        src[0],
                        src[1],
                        src[1],
                        base,
                        base + len(src[1]),
                        entry=f"synthetic:{src[0]}",
                        rule="name",
                    )
                    v0 = base + len(src[1]) + 1
                    t0 = v0 + len(verb) + 1
                    tgt_actor = Actor(
                        tgt[0],
                        tgt[1],
                        tgt[1],
                        t0,
                        t0 + len(tgt[1]),
                        entry=f"synthetic:{tgt[0]}",
                        rule="name",
                    )
                    cameo_info, mapping = info[code]
                    built.append(
                        Event(
                            doc_id=doc_id,
                            sentence_index=index,
                            event_id=make_event_id(doc_id, v0, src_actor, tgt_actor, code),
                            date=date.isoformat(),
                            source=src_actor,
                            target=tgt_actor,
                            cameo=CameoRef(code, cameo_info.name),
                            root_code=code[:2],
                            quad_class=int(cameo_info.quad_class),
                            goldstein=cameo_info.goldstein,
                            plover=PloverRef(mapping.type, mapping.mode)
                            if mapping
                            else PloverRef(None, None),
                            negated=rng.random() < 0.02,
                            evidence=Evidence(
                                TextSpan(sentence, base, base + len(sentence)),
                                TextSpan(verb, v0, v0 + len(verb)),
                                f"{verb} -> {code} (synthetic)",
                            ),
                        )
                    )
                written += len(built)
                document = Document(
                    id=doc_id,
                    text=text,
                    date=date.isoformat(),
                    title=title,
                    url=f"https://news.example.org/{doc_id}",
                )
                batch.extend(
                    document_rows(document, built, file="synthetic.jsonl", line=doc_number)
                )
            store.write(batch)
            print(f"\r  {written:,} events in {doc_number:,} documents", end="", flush=True)
    print(f"\n  built in {time.perf_counter() - started:.1f} s")


def queries(rng: random.Random) -> list[dict[str, Any]]:
    """Return the filter mixes the clients cycle through (what a dashboard user sets)."""
    countries = list(COUNTRIES)
    out: list[dict[str, Any]] = []
    for _ in range(400):
        kind = rng.randrange(9)
        year = rng.randrange(2020, 2026)
        q: dict[str, Any]
        if kind == 0:
            q = {"actor": rng.choice(countries)}
        elif kind == 1:
            a, b = rng.sample(countries, 2)
            q = {"source": a, "target": b}
        elif kind == 2:
            q = {"code": rng.choice(["01", "04", "11", "17", "19", "112", "042"])}
        elif kind == 3:
            q = {
                "plover": rng.choice(["ACCUSE", "CONSULT", "SUPPORT", "ASSAULT", "SANCTION"]),
                "since": f"{year}-01-01",
                "until": f"{year}-06-30",
            }
        elif kind == 4:
            q = {"quad": rng.randrange(1, 5), "actor": rng.choice(countries) + "GOV"}
        elif kind == 5:
            q = {
                "text": rng.choice(["sanctions", "praised", "Kazakhstan", "on Friday", "military"])
            }
        elif kind == 6:
            q = {"actor": rng.choice(countries), "since": f"{year}-{rng.randrange(1, 13):02d}"}
        elif kind == 7:
            q = {"source": rng.choice(countries), "offset": rng.choice([50, 100, 500])}
        else:
            q = {"actor": rng.choice(list(ORGANIZATIONS)), "order": "asc"}
        out.append(q)
    return out


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    """Start ``dragoman serve`` in a second process on loopback and wait until it answers."""
    import httpx2

    command = [
        sys.executable,
        "-c",
        "from dragoman.cli import main; main()",
        "serve",
        "--db",
        str(db),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--quiet",
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited with status {process.returncode}")
        try:
            if httpx2.get(f"http://127.0.0.1:{port}/api/events?limit=1", timeout=2).is_success:
                return process
        except httpx2.HTTPError:
            pass
        time.sleep(0.2)
    process.terminate()
    raise SystemExit("the server did not answer within 60 s")


async def drive(
    base: str, mixes: list[dict[str, Any]], clients: int, duration: float, max_requests: int
) -> tuple[list[float], int, list[str], float]:
    """Run ``clients`` loops for ``duration`` seconds (or ``max_requests`` in all)."""
    import httpx2

    latencies: list[float] = []
    errors: list[str] = []
    sent = 0
    limits = httpx2.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx2.AsyncClient(base_url=base, limits=limits, timeout=10) as client:
        start = time.perf_counter()
        stop = start + duration

        async def one(worker: int) -> None:
            nonlocal sent
            index = worker
            while time.perf_counter() < stop and sent < max_requests:
                sent += 1
                params = mixes[index % len(mixes)]
                index += clients
                t0 = time.perf_counter()
                try:
                    response = await client.get("/api/events", params=params)
                    elapsed = time.perf_counter() - t0
                    if response.status_code != 200:
                        errors.append(f"{response.status_code} {params}: {response.text[:120]}")
                    else:
                        latencies.append(elapsed)
                except httpx2.HTTPError as exc:
                    errors.append(f"{type(exc).__name__} {params}")

        await asyncio.gather(*(one(i) for i in range(clients)))
        wall = time.perf_counter() - start
    return latencies, len(errors), errors[:5], wall


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="store to use (built there if missing)")
    parser.add_argument("--events", type=int, default=100_000, help="events to synthesize")
    parser.add_argument("--clients", type=int, default=20, help="concurrent clients")
    parser.add_argument("--duration", type=float, default=30.0, help="seconds of load")
    parser.add_argument("--max-requests", type=int, default=500_000, help="stop after these")
    args = parser.parse_args(argv)

    temp = None
    db = args.db
    if db is None:
        temp = tempfile.TemporaryDirectory(prefix="dragoman-bench-api-")
        db = Path(temp.name) / "events.duckdb"
    try:
        if not db.exists():
            print(f"building {db} ({args.events:,} synthetic events through the store writer)")
            db.parent.mkdir(parents=True, exist_ok=True)
            build_store(db, args.events)
        from dragoman.store import EventStore

        with EventStore(db, read_only=True) as store:
            mentions = store.count("mentions")
        port = _free_port()
        base = f"http://127.0.0.1:{port}"  # loopback only
        print(f"store: {mentions:,} events; server: {base} (second process)")
        server = start_server(db, port)
        try:
            mixes = queries(random.Random(11))
            asyncio.run(drive(base, mixes, args.clients, 2.0, 2_000))  # warm-up, not counted
            latencies, errors, samples, wall = asyncio.run(
                drive(base, mixes, args.clients, args.duration, args.max_requests)
            )
        finally:
            server.terminate()
            server.wait(timeout=20)
    finally:
        if temp is not None:
            temp.cleanup()

    done = len(latencies) + errors
    ms = sorted(x * 1000 for x in latencies)

    def pct(p: float) -> float:
        return ms[min(len(ms) - 1, int(p / 100 * len(ms)))] if ms else float("nan")

    print(
        f"GET /api/events with filters: {args.clients} clients, {wall:.1f} s, "
        f"{done:,} requests, CPUs {os.cpu_count()}"
    )
    print(f"  requests/s   {done / wall:,.1f}")
    print(
        f"  latency ms   p50 {pct(50):.1f}   p95 {pct(95):.1f}   p99 {pct(99):.1f}   "
        f"max {ms[-1] if ms else float('nan'):.1f}   mean "
        f"{statistics.fmean(ms) if ms else float('nan'):.1f}"
    )
    print(f"  errors       {errors}")
    for sample in samples:
        print(f"    {sample}")
    met = errors == 0 and pct(95) < 200
    print(f"  targets (0 errors, p95 < 200 ms): {'met' if met else 'NOT met'}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
