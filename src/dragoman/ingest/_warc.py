"""Reading news articles from WARC (and ARC) web archives, gzip-compressed or not, with warcio.

Each HTML ``response`` (HTTP 200) or ``resource`` record is one document: its main text,
headline and date are extracted as for HTML files, and its id is the record's target URI, so a
page archived twice with the same text is stored once. Other records (requests, metadata,
images, redirects) are skipped silently. Records are numbered from 1 in file order; problems
give that number as their "line".
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from dragoman.errors import InputError
from dragoman.ingest._html import MAX_HTML_BYTES, document_from_html
from dragoman.ingest._lines import ByteStream, GunzipStream
from dragoman.records import MAX_CHARS, Document

__all__ = ["WARC_SUFFIXES", "read_warc"]

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(
    stream: ByteStream, *, source: str, default_date: str | None, gzipped: bool = False
) -> Iterator[tuple[int, Document | str]]:
    """Yield the documents of a WARC file, with record numbers.

    Args:
        stream: The raw file.
        source: The file name, for ids of records without a target URI.
        default_date: Story date for pages that carry none.
        gzipped: The file is gzip-compressed (``.warc.gz``); it is decompressed here, so that
            a truncated archive is reported (warcio alone stops silently).

    Yields:
        ``(record number, document)``, or ``(record number, message)`` for a record that
        could not be read; a damaged archive ends with a message.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    try:
        records = ArchiveIterator(GunzipStream(stream) if gzipped else stream, arc2warc=True)
        for record in records:
            number += 1
            item = _document(record, number, source, default_date)
            # Drain the record to see whether it is complete (warcio does not say).
            while record.raw_stream.read(1 << 16):
                pass
            if getattr(record.raw_stream, "limit", 0):
                yield number, "the record is cut short: the archive is truncated here"
                return
            if item is not None:
                yield number, item
    except ArchiveLoadFailed as exc:
        yield number + 1, f"not a readable WARC/ARC record ({_first_line(exc)})"
    except (OSError, EOFError, ValueError) as exc:
        yield number + 1, f"the archive is damaged or truncated here ({_first_line(exc)})"


def _document(
    record: Any, number: int, source: str, default_date: str | None
) -> Document | str | None:
    kind = record.rec_type
    if kind == "response":
        http = record.http_headers
        if http is None:
            return None
        status = http.get_statuscode()
        content_type = (http.get_header("Content-Type") or "").lower()
        if status != "200":
            return None
    elif kind == "resource":
        content_type = (record.rec_headers.get_header("Content-Type") or "").lower()
    else:
        return None
    is_html = content_type.startswith(_HTML_TYPES)
    if not (is_html or content_type.startswith("text/plain")):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI") or f"{source}#record{number}"
    data = record.content_stream().read(MAX_HTML_BYTES + 1)
    try:
        if is_html:
            return document_from_html(data, doc_id=url, default_date=default_date, url=url)
        return _plain(data, url, default_date)
    except InputError as exc:
        return f"record {url}: {exc}"


def _plain(data: bytes, url: str, default_date: str | None) -> Document:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x})") from exc
    if not text.strip():
        raise InputError("empty document")
    if len(text) > MAX_CHARS:
        raise InputError(f"{len(text):,} characters, more than {MAX_CHARS:,}")
    return Document(id=url, text=text, date=default_date, url=url)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
