"""HTML pages, WARC archives, directories, streaming limits and where documents come from."""

from __future__ import annotations

import gzip
import io
import json
import tracemalloc
from pathlib import Path

from dragoman import Document
from dragoman.ingest import (
    InputProblem,
    SourcedDocument,
    detect_format,
    expand_paths,
    scan_inputs,
)

ARTICLE = """<!DOCTYPE html>
<html><head>
<title>Talks resume | Example News</title>
<meta property="og:title" content="Talks resume in Astana">
<meta property="article:published_time" content="2025-06-02T08:00:00Z">
<link rel="canonical" href="https://news.example.org/world/talks-resume">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Talks resume in Astana</h1>
<p>Kazakhstan hosted a new round of talks between Armenia and Azerbaijan on Monday, the
foreign ministry in Astana said in a statement published after the meeting ended.</p>
<p>The delegations agreed to meet again next month to discuss the border commission, and
both sides praised the hosts for their patience during the long sessions.</p>
</article>
<footer>Copyright Example News. All rights reserved.</footer>
</body></html>
"""


def split(
    items: list[SourcedDocument | InputProblem],
) -> tuple[list[SourcedDocument], list[InputProblem]]:
    docs = [i for i in items if isinstance(i, SourcedDocument)]
    problems = [i for i in items if isinstance(i, InputProblem)]
    return docs, problems


def test_html_page_gives_main_text_title_date_and_url(tmp_path: Path) -> None:
    page = tmp_path / "talks.html"
    page.write_text(ARTICLE, encoding="utf-8")
    docs, problems = split(list(scan_inputs([page])))
    assert problems == []
    document = docs[0].document
    assert document.id == str(page) and docs[0].line is None
    assert document.text.startswith("Kazakhstan hosted a new round of talks")
    assert "Home" not in document.text and "Copyright" not in document.text
    assert document.title == "Talks resume in Astana"
    assert document.date == "2025-06-02"
    assert document.url == "https://news.example.org/world/talks-resume"


def test_broken_and_empty_html_are_problems(tmp_path: Path) -> None:
    broken = tmp_path / "broken.html"
    broken.write_bytes(b"<html><body><div><p>\xff\xfe<<<<")
    menu_only = tmp_path / "menu.html"
    menu_only.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", "utf-8")
    binary = tmp_path / "image.htm"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    docs, problems = split(list(scan_inputs([broken, menu_only, binary])))
    assert docs == []
    messages = {p.source: p.message for p in problems}
    assert "no article text" in messages[str(broken)]
    assert "no article text" in messages[str(menu_only)]
    assert "binary" in messages[str(binary)]


def _record(kind: str, url: str, block: bytes, number: int) -> bytes:
    content_type = "application/http; msgtype=" + kind if kind in ("request", "response") else ""
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {url}\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{number:012d}>\r\n"
        f"WARC-Date: 2025-06-02T10:00:00Z\r\nContent-Type: {content_type}\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    )
    return head.encode() + block + b"\r\n\r\n"


def _http(body: bytes, status: str = "200 OK", kind: str = "text/html") -> bytes:
    return f"HTTP/1.1 {status}\r\nContent-Type: {kind}\r\n\r\n".encode() + body


def _warc(path: Path, *, gz: bool) -> None:
    records = [
        _record("request", "https://news.example.org/a", b"GET /a HTTP/1.1\r\n\r\n", 1),
        _record("response", "https://news.example.org/a", _http(ARTICLE.encode()), 2),
        _record("response", "https://news.example.org/gone", _http(b"gone", "404 Not Found"), 3),
        _record(
            "response", "https://news.example.org/logo.png", _http(b"PNG", kind="image/png"), 4
        ),
        _record(
            "response", "https://news.example.org/empty", _http(b"<html><body></body></html>"), 5
        ),
    ]
    path.write_bytes(b"".join(gzip.compress(r) for r in records) if gz else b"".join(records))


def test_warc_records_become_documents(tmp_path: Path) -> None:
    for gz in (False, True):
        path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
        _warc(path, gz=gz)
        docs, problems = split(list(scan_inputs([path])))
        assert [d.document.id for d in docs] == ["https://news.example.org/a"]
        assert docs[0].document.title == "Talks resume in Astana"
        assert docs[0].line == 2  # the second record (after the request)
        assert len(problems) == 1 and problems[0].line == 5
        assert "no article text" in problems[0].message


def test_truncated_and_foreign_warc(tmp_path: Path) -> None:
    good = tmp_path / "crawl.warc.gz"
    _warc(good, gz=True)
    cut = tmp_path / "cut.warc.gz"
    data = good.read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    _docs, problems = split(list(scan_inputs([cut])))
    assert problems and problems[-1].source == str(cut)
    assert any("damaged or truncated" in p.message or "WARC" in p.message for p in problems)
    foreign = tmp_path / "notes.warc"
    foreign.write_text("just some notes\n", encoding="utf-8")
    docs, problems = split(list(scan_inputs([foreign])))
    assert docs == [] and "not a readable WARC" in problems[0].message


def test_directories_are_walked_in_order_skipping_hidden_and_unknown(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    (tmp_path / "a" / "deep" / "one.txt").write_text("Russia criticized NATO.", "utf-8")
    (tmp_path / "a" / "two.html").write_text(ARTICLE, "utf-8")
    (tmp_path / "b" / "three.jsonl").write_text(
        json.dumps({"id": "j1", "text": "France praised Germany."}) + "\n", "utf-8"
    )
    (tmp_path / "b" / "four.jsonl.gz").write_bytes(
        gzip.compress(json.dumps({"id": "j2", "text": "Japan met Korea."}).encode())
    )
    (tmp_path / "b" / "picture.png").write_bytes(b"\x89PNG")
    (tmp_path / ".git" / "config.txt").write_text("hidden", "utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden", "utf-8")
    files = [f.path for f in expand_paths([tmp_path])]
    names = [Path(f).relative_to(tmp_path).as_posix() for f in files]
    assert names == ["a/two.html", "a/deep/one.txt", "b/four.jsonl.gz", "b/three.jsonl"]
    docs, problems = split(list(scan_inputs([tmp_path])))
    assert problems == []
    assert [d.document.id for d in docs][2:] == ["j2", "j1"]
    assert [(Path(d.source).name, d.line) for d in docs][2:] == [
        ("four.jsonl.gz", 1),
        ("three.jsonl", 1),
    ]


def test_200_mb_article_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    huge_text = tmp_path / "huge.txt"
    with huge_text.open("wb") as stream:
        stream.truncate(200 * 1024 * 1024)  # sparse: 200 MB of NUL bytes
    line = b'{"id": "big", "text": "' + b"word " * (40 * 1024 * 1024) + b'"}\n'
    huge_line = tmp_path / "huge.jsonl.gz"
    huge_line.write_bytes(
        gzip.compress(line + json.dumps({"id": "ok", "text": "Fine."}).encode() + b"\n", 1)
    )
    del line
    tracemalloc.start()
    try:
        docs, problems = split(list(scan_inputs([huge_text, huge_line])))
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [d.document.id for d in docs] == ["ok"]
    assert "more than" in problems[0].message and problems[0].source == str(huge_text)
    assert problems[1].line == 1 and "split it" in problems[1].message
    assert peak < 40 * 1024 * 1024, f"peak {peak / 1e6:.0f} MB"


def test_corrupt_gzip_in_the_middle_keeps_the_lines_before(tmp_path: Path) -> None:
    body = b"".join(
        json.dumps({"id": str(i), "text": f"Story number {i} " * 50}).encode() + b"\n"
        for i in range(2000)
    )
    packed = bytearray(gzip.compress(body))
    middle = len(packed) // 2
    packed[middle : middle + 64] = b"\x00" * 64
    path = tmp_path / "bad.jsonl.gz"
    path.write_bytes(bytes(packed))
    docs, problems = split(list(scan_inputs([path])))
    assert 0 < len(docs) < 2000
    assert len(problems) == 1 and "gzip" in problems[0].message
    assert problems[0].line == len(docs) + 1


def test_stdin_html_and_detect_format() -> None:
    docs, _ = split(list(scan_inputs(["-"], stdin=io.BytesIO(ARTICLE.encode()))))
    assert docs[0].document.title == "Talks resume in Astana" and docs[0].source == "-"
    assert detect_format("page.HTM") == "html"
    assert detect_format("crawl.warc.gz") == "warc"
    assert detect_format("noext", b"WARC/1.0\r\n") == "warc"
    assert detect_format("noext", b"  <!DOCTYPE html><html>") == "html"
    assert detect_format("story.txt", b"<html>") == "text"


def test_missing_fields_and_duplicate_keys_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "stories.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps({"id": "a", "title": "no text"}),
                json.dumps({"id": True, "text": "x"}),
                json.dumps({"id": "b", "text": "ok", "date": "2025-13-45"}),
                '{"id": "c", "text": "cut',
            ]
        ),
        encoding="utf-8",
    )
    docs, problems = split(list(scan_inputs([path])))
    assert docs == []
    assert [p.line for p in problems] == [1, 2, 3, 4]
    assert problems[0].doc_id == "a" and '"text" is missing' in problems[0].message
    assert '"id" must be' in problems[1].message
    assert "calendar date" in problems[2].message and problems[2].doc_id == "b"
    assert "not valid JSON" in problems[3].message


def test_documents_keep_their_fields(tmp_path: Path) -> None:
    path = tmp_path / "one.jsonl"
    path.write_text(
        json.dumps({"id": 5, "text": "T.", "date": "2025-01-02", "url": "u", "title": "t"}),
        encoding="utf-8",
    )
    docs, _ = split(list(scan_inputs([path])))
    assert docs[0] == SourcedDocument(Document("5", "T.", "2025-01-02", "t", "u"), str(path), 1)
