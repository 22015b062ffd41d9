"""Ingesting corpora: every input type, bad input, idempotence, parallel workers, kill -9."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import psutil
import pytest

from dragoman import Coder, Document
from dragoman.corpus import CoderOptions, ProcessPool, ingest
from dragoman.store import COLUMNS, EventStore

SENTENCES = [
    "Russia accused Ukraine of shelling a power plant.",
    "France criticized Iran over its nuclear program.",
    "Germany praised Poland for hosting refugees.",
    "Japan and South Korea signed a trade agreement.",
    "Turkey threatened to impose sanctions on Greece.",
    "Egypt hosted talks between Israel and Hamas.",
    "Brazil did not criticize Argentina.",
]

HTML = """<!DOCTYPE html><html><head><title>Border talks</title>
<meta property="article:published_time" content="2025-05-20">
<link rel="canonical" href="https://paper.example.com/border-talks"></head>
<body><nav>Home | World</nav><article><h1>Border talks</h1>
<p>Germany praised Poland for hosting refugees. The two governments said they would keep
working together on the border and on the reception of people fleeing the war.</p>
</article></body></html>"""


def story(i: int) -> str:
    first = SENTENCES[i % len(SENTENCES)]
    second = SENTENCES[(i * 3 + 1) % len(SENTENCES)]
    return f"{first} Officials met again on day {i}. {second}"


def write_jsonl(path: Path, count: int, *, start: int = 0) -> None:
    with path.open("w", encoding="utf-8") as stream:
        for i in range(start, start + count):
            record = {"id": f"s{i}", "text": story(i), "date": f"2025-06-{1 + i % 5:02d}"}
            stream.write(json.dumps(record) + "\n")


def snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, without the commit timestamps."""
    stamps = {"ingested_at", "recorded_at"}
    with EventStore(db, read_only=True) as store:
        out = {}
        for table, columns in COLUMNS.items():
            names = ", ".join(c for c, _ in columns if c not in stamps)
            out[table] = sorted(store.sql(f"SELECT {names} FROM {table}"), key=repr)
        out["events"] = sorted(store.sql("SELECT * EXCLUDE (date_added) FROM events"), key=repr)
    return out


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    """A directory with every input type, good and bad."""
    root = tmp_path / "inbox"
    (root / "text").mkdir(parents=True)
    (root / "web").mkdir()
    (root / "feeds").mkdir()
    (root / "text" / "one.txt").write_text(story(0), encoding="utf-8")
    (root / "text" / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00")
    (root / "text" / "latin1.txt").write_bytes("Caf\xe9 owners protested.".encode("latin-1"))
    with (root / "text" / "huge.txt").open("wb") as stream:
        stream.truncate(200 * 1024 * 1024)
    (root / "web" / "talks.html").write_text(HTML, encoding="utf-8")
    (root / "web" / "broken.html").write_bytes(b"<html><body><div><p>\xff\xfe<<<")
    write_jsonl(root / "feeds" / "a.jsonl", 5)
    with (root / "feeds" / "a.jsonl").open("a", encoding="utf-8") as stream:
        stream.write('{"id": "s99", "text": "unterminated\n')  # line 6: malformed
        stream.write(json.dumps({"id": "s98", "title": "no text"}) + "\n")  # line 7
        stream.write(json.dumps({"id": "s1", "text": story(1)}) + "\n")  # line 8: same again
        stream.write(json.dumps({"id": "s2", "text": "Another text."}) + "\n")  # line 9: dup id
    body = "".join(
        json.dumps({"id": f"g{i}", "text": story(i + 10)}) + "\n" for i in range(40)
    ).encode()
    (root / "feeds" / "b.jsonl.gz").write_bytes(gzip.compress(body)[:-300])  # truncated
    return root


def test_every_input_type_and_bad_input(messy: Path, tmp_path: Path, coder: Coder) -> None:
    db = tmp_path / "events.duckdb"
    report = ingest([messy], db, coder=coder, commit_every=3)
    with EventStore(db, read_only=True) as store:
        ids = {r[0] for r in store.sql("SELECT doc_id FROM documents")}
        failures = store.sql("SELECT stage, file, line, doc_id, reason FROM failures")
        html = store.sql(
            "SELECT title, url, story_date::VARCHAR FROM documents WHERE doc_id LIKE '%talks.html'"
        )
        assert store.count("mentions") > 0
    gz_docs = {i for i in ids if i.startswith("g")}
    assert {f"s{i}" for i in range(5)} <= ids and str(messy / "text" / "one.txt") in ids
    assert 0 < len(gz_docs) < 40
    assert html == [("Border talks", "https://paper.example.com/border-talks", "2025-05-20")]
    by_file = {
        (Path(f).name, line): (stage, doc, reason) for stage, f, line, doc, reason in failures
    }
    assert by_file[("binary.txt", None)][0] == "read"
    assert "binary" in by_file[("binary.txt", None)][2]
    assert "UTF-8" in by_file[("latin1.txt", 1)][2]
    assert "more than" in by_file[("huge.txt", None)][2]
    assert "no article text" in by_file[("broken.html", None)][2]
    assert "not valid JSON" in by_file[("a.jsonl", 6)][2]
    assert by_file[("a.jsonl", 7)][:2] == ("read", "s98")
    assert by_file[("a.jsonl", 9)][:2] == ("duplicate", "s2")
    assert ("a.jsonl", 8) not in by_file  # the same document again: silently skipped
    truncated = [k for k in by_file if k[0] == "b.jsonl.gz"]
    assert len(truncated) == 1 and "truncated" in by_file[truncated[0]][2]
    assert report.failures == len(failures) == 8
    assert report.failures_by_stage == {"read": 7, "duplicate": 1}
    assert report.documents_stored == len(ids) and report.documents_skipped == 1
    assert any("a.jsonl line 6" in m for m in report.failure_messages)


def test_reingesting_adds_nothing(messy: Path, tmp_path: Path, coder: Coder) -> None:
    db = tmp_path / "events.duckdb"
    ingest([messy], db, coder=coder)
    before = snapshot(db)
    again = ingest([messy, messy / "feeds" / "a.jsonl"], db, coder=coder)
    assert again.documents_stored == 0 and again.events == 0
    duplicates = again.failures_by_stage["duplicate"]
    assert duplicates == 2  # s2 with another text, in the directory and given again
    assert again.documents_skipped + duplicates == again.documents_read
    assert snapshot(db) == before


def test_each_run_is_recorded_with_how_it_coded(messy: Path, tmp_path: Path, coder: Coder) -> None:
    db = tmp_path / "events.duckdb"
    first = ingest([messy], db, coder=coder)
    ingest([messy], db, coder=coder)
    with EventStore(db, read_only=True) as store:
        runs = store.sql(
            "SELECT engine, workers, model, ner, documents, events, interrupted, "
            "finished_at >= started_at FROM runs ORDER BY started_at"
        )
    assert len(runs) == 2
    engine, workers, model, ner, documents, events, interrupted, ordered = runs[0]
    assert (engine, workers, interrupted, ordered) == ("local", 1, False, True)
    assert model == coder.nlp.meta["name"] and ner is False and coder.ner is False
    assert (documents, events) == (first.documents_stored, first.events)
    assert runs[1][4:6] == (0, 0)  # the second run stored nothing new


def test_two_worker_processes_give_the_same_rows(tmp_path: Path, default_coder: Coder) -> None:
    corpus = tmp_path / "corpus.jsonl"
    write_jsonl(corpus, 24)
    here, there = tmp_path / "here.duckdb", tmp_path / "there.duckdb"
    ingest([corpus], here, coder=default_coder)
    report = ingest([corpus], there, workers=2, chunk_size=2, commit_every=5)
    # several commits (how the writer groups finished chunks depends on timing)
    assert report.documents_stored == 24 and report.batches >= 2
    assert snapshot(there) == snapshot(here)
    with EventStore(there, read_only=True) as store:
        repeated = store.sql("SELECT max(num_articles) FROM events")[0][0]
    assert repeated > 1  # the same sentence on the same day in several stories: one event


def _run_cli(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", "from dragoman.cli import main; main()", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def _kill_after(process: subprocess.Popen[str], batches: int) -> list[int]:
    """Read the log until ``batches`` batches are committed, then kill -9 the ingest."""
    assert process.stderr is not None
    seen = 0
    for line in process.stderr:
        if "committed batch" in line:
            seen += 1
            if seen == batches:
                break
    children = [c.pid for c in psutil.Process(process.pid).children(recursive=True)]
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    process.stderr.close()
    return children


def _all_exit(pids: list[int]) -> bool:
    """Wait (up to a minute) until none of these processes runs; zombies count as gone."""
    procs = []
    for pid in pids:
        try:
            procs.append(psutil.Process(pid))
        except psutil.NoSuchProcess:
            continue
    for _ in range(120):
        alive = []
        for proc in procs:
            try:
                if proc.status() != psutil.STATUS_ZOMBIE:
                    alive.append(proc)
            except psutil.NoSuchProcess:
                pass
        if not alive:
            return True
        psutil.wait_procs(alive, timeout=0.5)
    return False


def test_kill_9_then_resume_equals_a_clean_run(tmp_path: Path, default_coder: Coder) -> None:
    corpus = tmp_path / "corpus.jsonl"
    write_jsonl(corpus, 150)
    with corpus.open("a", encoding="utf-8") as stream:
        stream.write("not json\n")
        stream.write(json.dumps({"id": "s3", "text": "A different text."}) + "\n")
    clean = tmp_path / "clean.duckdb"
    ingest([corpus], clean, coder=default_coder)

    db = tmp_path / "killed.duckdb"
    args = ["ingest", str(corpus), "--db", str(db), "--quiet", "--verbose", "--chunk-size", "1"]
    workers = _kill_after(_run_cli(*args, "--commit-every", "2"), batches=3)
    assert workers, "the ingest had started its worker process"
    assert _all_exit(workers)  # the workers notice that their parent is gone and exit
    with EventStore(db, read_only=True) as store:
        partial = store.count("documents")
    assert 0 < partial < 150

    # Killed again, later, with another batch size, then finished.
    _kill_after(_run_cli(*args, "--commit-every", "7"), batches=2)
    finish = _run_cli(*args)
    assert finish.wait() == 0
    assert finish.stderr is not None
    finish.stderr.close()
    assert snapshot(db) == snapshot(clean)


def _fake_coder(options: CoderOptions) -> Any:
    return options


def _serve(state: Any, payload: str) -> str:
    if payload == "die":
        os.kill(os.getpid(), signal.SIGKILL)
    if payload == "fail":
        raise ValueError("bad payload")
    return payload.upper()


def test_pool_survives_a_dying_worker_and_reports_its_task() -> None:
    pool = ProcessPool(1, _fake_coder, (CoderOptions(),), _serve, depth=3)
    pool.start()
    try:
        ids = {pool.submit(p): p for p in ("a", "die", "b")}
        outcomes = []
        while len(outcomes) < 3:
            outcomes.extend(pool.poll(timeout=5))
        status = {ids[o.task_id]: (o.status, o.value) for o in outcomes}
        assert status["a"] == ("ok", "A")
        assert status["die"] == ("died", -signal.SIGKILL)
        assert status["b"] == ("lost", -signal.SIGKILL)  # queued behind it, never started
        assert pool.restarts == 1
        retry = pool.submit("b")
        failing = pool.submit("fail")
        more: list[Any] = []
        while len(more) < 2:
            more.extend(pool.poll(timeout=5))
        results = {o.task_id: (o.status, o.value) for o in more}
        assert results[retry] == ("ok", "B")
        assert results[failing] == ("error", "ValueError: bad payload")
    finally:
        pool.close()
    assert pool.pids() == []


def test_pool_launched_early_serves_after_start_and_workers_exit_when_closed() -> None:
    pool = ProcessPool(2, _fake_coder, (CoderOptions(),), _serve)
    pool.launch()  # the workers load while the caller prepares
    try:
        assert pool.launched_at is not None and len(pool.pids()) == 2
        launched = pool.launched_at
        pool.launch()  # started already: nothing more
        pool.start()  # waits for them, starts no others
        assert pool.launched_at == launched and len(pool.pids()) == 2
        processes = list(pool._workers)
        task = pool.submit("x")
        outcomes: list[Any] = []
        while not outcomes:
            outcomes.extend(pool.poll(timeout=5))
        assert (outcomes[0].task_id, outcomes[0].value) == (task, "X")
        pool.close()
        assert [w.process.exitcode for w in processes] == [0, 0]  # ended, not killed
    finally:
        pool.terminate()


class PoisonCoder:
    """Codes nothing, and kills its process on a document that says POISON."""

    def code_documents(self, documents: list[Document], batch_size: int = 16) -> Any:
        for document in documents:
            if "POISON" in document.text:
                os.kill(os.getpid(), signal.SIGKILL)
            yield document, []

    def code_document(self, document: Document) -> list[Any]:
        return next(iter(self.code_documents([document])))[1]


class PoisonOptions(CoderOptions):
    def build(self) -> Any:
        return PoisonCoder()


def test_a_document_that_kills_workers_is_isolated(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    texts = ["Fine one.", "Fine two.", "POISON here.", "Fine three.", "Fine four."]
    corpus.write_text(
        "".join(json.dumps({"id": f"d{i}", "text": t}) + "\n" for i, t in enumerate(texts)),
        encoding="utf-8",
    )
    db = tmp_path / "e.duckdb"
    report = ingest([corpus], db, workers=1, coder_options=PoisonOptions(), chunk_size=5)
    assert report.documents_stored == 4
    assert report.failures_by_stage == {"worker": 1}
    with EventStore(db, read_only=True) as store:
        failure = store.sql("SELECT stage, doc_id, line, reason FROM failures")
    assert failure[0][:3] == ("worker", "d2", 3)
    assert "died" in failure[0][3] and "-9" in failure[0][3]


class QuotingCoder:
    """A coder that reports one quotation per document, as ``Coder.analyze_documents`` does."""

    def analyze_documents(self, documents: list[Document], batch_size: int = 16) -> Any:
        from types import SimpleNamespace

        for document in documents:
            quote = {
                "index": 0,
                "speaker": {"code": "KAZGOV", "name": "Kazakhstan government", "text": "Tokayev"},
                "speaker_text": "he",
                "cue": {"text": "said", "start": 20, "end": 24},
                "content": {"text": document.text[:10], "start": 0, "end": 10},
                "kind": "direct",
            }
            yield SimpleNamespace(document=document, events=[], quotes=[quote])


def test_quotes_reported_by_the_coder_are_stored(tmp_path: Path) -> None:
    corpus = tmp_path / "quotes.jsonl"
    write_jsonl(corpus, 3)
    db = tmp_path / "e.duckdb"
    ingest([corpus], db, coder=QuotingCoder())  # type: ignore[arg-type]
    ingest([corpus], db, coder=QuotingCoder())  # type: ignore[arg-type]
    with EventStore(db, read_only=True) as store:
        rows = store.sql(
            "SELECT doc_id, speaker_code, speaker_text, cue_text, content_start, kind "
            "FROM quotes ORDER BY doc_id"
        )
    assert rows == [(f"s{i}", "KAZGOV", "he", "said", 0, "direct") for i in range(3)]


def _hostile_corpus(path: Path) -> None:
    """Good stories with, between them, lines no reader or coder can take."""
    lines = [json.dumps({"id": "h0", "text": story(0), "date": "2025-06-01"})]
    lines.append('{"id": "s", "text": "Germany \\ud800 praised Poland."}')  # line 2
    lines.append("[" * 1000 + "]" * 1000)  # line 3: nested 1,000 levels deep
    lines.append(json.dumps({"id": "n", "text": "Germany praised\u0000 Poland."}))  # line 4
    lines.append(json.dumps({"id": "e", "text": story(1), "date": "0001-03-01"}))  # line 5
    lines.append(json.dumps({"id": "l", "text": story(2), "date": "9999-12-31"}))  # line 6
    lines.extend(
        json.dumps({"id": f"h{i}", "text": story(i), "date": "2025-06-02"}) for i in range(1, 4)
    )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_hostile_lines_are_failures_and_the_rest_is_stored(tmp_path: Path, coder: Coder) -> None:
    corpus = tmp_path / "hostile.jsonl"
    _hostile_corpus(corpus)
    db = tmp_path / "e.duckdb"
    report = ingest([corpus], db, coder=coder, commit_every=2)
    with EventStore(db, read_only=True) as store:
        ids = sorted(r[0] for r in store.sql("SELECT doc_id FROM documents"))
        failures = dict(store.sql("SELECT line, reason FROM failures WHERE stage = 'read'"))
    assert ids == ["h0", "h1", "h2", "h3"]
    assert sorted(failures) == [2, 3, 4, 5, 6]
    assert "surrogate" in failures[2] and "nested" in failures[3] and "NUL" in failures[4]
    assert report.documents_stored == 4 and report.failures == 5
    again = ingest([corpus], db, coder=coder)  # a re-run goes past the bad lines again
    assert again.documents_stored == 0 and again.documents_skipped == 4


class _FailingCoder:
    """Raises what the coding stage raised on hostile input, for one document."""

    def __init__(self, real: Coder, exc: BaseException) -> None:
        self.real, self.exc = real, exc

    def analyze_documents(self, documents: list[Document], batch_size: int = 16) -> Any:
        for document in documents:
            if document.id == "h1":
                raise self.exc
        return self.real.analyze_documents(documents, batch_size=batch_size)


@pytest.mark.parametrize(
    "exc",
    [
        RecursionError("maximum recursion depth exceeded"),
        OverflowError("date value out of range"),
        UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed"),
    ],
)
def test_a_document_the_coder_chokes_on_is_a_failure_row(
    tmp_path: Path, coder: Coder, exc: BaseException
) -> None:
    corpus = tmp_path / "c.jsonl"
    write = [json.dumps({"id": f"h{i}", "text": story(i), "date": "2025-06-01"}) for i in range(4)]
    corpus.write_text("\n".join(write) + "\n", encoding="utf-8")
    db = tmp_path / "e.duckdb"
    report = ingest([corpus], db, coder=_FailingCoder(coder, exc))  # type: ignore[arg-type]
    with EventStore(db, read_only=True) as store:
        ids = sorted(r[0] for r in store.sql("SELECT doc_id FROM documents"))
        failures = store.sql("SELECT stage, doc_id, line, reason FROM failures")
    assert ids == ["h0", "h2", "h3"]
    assert [f[:3] for f in failures] == [("code", "h1", 2)]
    assert type(exc).__name__ in failures[0][3]
    assert report.documents_stored == 3


def test_preparing_the_writer_imports_what_the_first_commit_needs_and_writes_nothing(
    tmp_path: Path,
) -> None:
    from dragoman.corpus._writer import BatchWriter, IngestReport

    db = tmp_path / "prepared.duckdb"
    report = IngestReport(db=str(db))
    with EventStore(db) as store:
        writer = BatchWriter(store, None, report, commit_every=10, commit_seconds=10)
        writer.prepare()
        assert "pyarrow.compute" in sys.modules
        assert store.count("documents") == 0 and report.batches == 0
