"""Reading news articles from HTML pages: main text, headline, date and URL via trafilatura.

Boilerplate (menus, comments, related links) is dropped by trafilatura's extractor; the
headline, publication date (htmldate) and canonical URL come from the page's metadata. Nothing
is fetched from the network.
"""

from __future__ import annotations

import logging
from typing import Any

from dragoman.errors import InputError
from dragoman.records import MAX_CHARS, Document, normalize_date

__all__ = ["MAX_HTML_BYTES", "document_from_html"]

#: Largest HTML page accepted, in bytes (markup included).
MAX_HTML_BYTES = 50 * MAX_CHARS

#: Fewest words of an extracted text taken as an article (menus and error pages have fewer).
_MIN_WORDS = 5

_log = logging.getLogger("dragoman")


def _extract(html: str, url: str | None) -> Any:
    # Imported here: trafilatura and its lxml stack cost ~0.3 s to import, and most inputs
    # are not HTML.
    import trafilatura

    return trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )


def document_from_html(
    data: bytes, *, doc_id: str, default_date: str | None, url: str | None = None
) -> Document:
    """Extract the article of an HTML page as a :class:`Document`.

    Args:
        data: The page's bytes (any encoding trafilatura can detect; UTF-8 preferred).
        doc_id: Identifier of the document.
        default_date: Story date when the page carries none (``YYYY-MM-DD``).
        url: Where the page came from, if known (a canonical URL in the page wins).

    Returns:
        The document: main text, title, date, URL.

    Raises:
        InputError: The page is binary, too large, or has no article text.
    """
    if len(data) > MAX_HTML_BYTES:
        raise InputError(
            f"HTML page of {len(data):,} bytes, more than {MAX_HTML_BYTES:,}; "
            "is this really one article?"
        )
    if b"\x00" in data[:8192]:
        raise InputError("looks like a binary file (NUL bytes), not HTML")
    try:
        html = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Pages often declare another charset; let trafilatura's own detection decide.
        html = _decode_fallback(data)
    try:
        result = _extract(html, url)
    except Exception as exc:  # trafilatura raises assorted lxml errors on broken markup
        raise InputError(f"cannot parse the HTML ({type(exc).__name__}: {exc})") from exc
    text = (getattr(result, "text", None) or "").strip() if result is not None else ""
    title = getattr(result, "title", None)
    if isinstance(title, str) and title and text.startswith(title + "\n"):
        text = text[len(title) + 1 :].lstrip()  # the headline is kept in ``title``
    if not _looks_like_prose(text):
        raise InputError("no article text found in the HTML (empty, broken or not an article)")
    if len(text) > MAX_CHARS:
        raise InputError(f"article text has {len(text):,} characters, more than {MAX_CHARS:,}")
    raw_date = getattr(result, "date", None)
    try:
        date = normalize_date(raw_date) if raw_date else default_date
    except InputError:
        _log.debug("%s: ignoring unreadable page date %r", doc_id, raw_date)
        date = default_date
    page_url = getattr(result, "url", None) or url
    return Document(
        id=doc_id,
        text=text,
        date=date,
        title=title if isinstance(title, str) and title else None,
        url=page_url if isinstance(page_url, str) and page_url else None,
    )


def _looks_like_prose(text: str) -> bool:
    """Return whether extracted text is worth coding: a few words, mostly letters."""
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    letters = sum(c.isalpha() for c in text)
    return len(words) >= _MIN_WORDS and letters >= 0.5 * len(text.replace(" ", ""))


def _decode_fallback(data: bytes) -> str:
    from trafilatura.utils import decode_file

    decoded = decode_file(data)
    return decoded if isinstance(decoded, str) else data.decode("utf-8", errors="replace")
