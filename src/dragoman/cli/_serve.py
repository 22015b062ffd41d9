"""``dragoman serve``: the dashboard and JSON API (a wrapper over :func:`dragoman.server.serve`)."""

from __future__ import annotations

import click

__all__ = ["serve_command"]


@click.command("serve")
@click.option("--db", required=True, metavar="FILE", help="Event database (read-only).")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Interface to bind; 0.0.0.0 shows the data to the whole network.",
)
@click.option(
    "--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="TCP port."
)
@click.option("--model", metavar="NAME", help="spaCy pipeline for POST /api/code.")
@click.option("-q", "--quiet", is_flag=True, help="Log warnings only, not each request.")
def serve_command(db: str, host: str, port: int, model: str | None, quiet: bool) -> None:
    """Open a local dashboard and JSON API over an event database.

    Browse and filter events, read each event's evidence, chart dyads and the actor
    network, list quotations; the API is described at /api and /openapi.json. Stop with
    Ctrl-C.

    \b
    Examples:
      dragoman serve --db events.duckdb                 # then open http://127.0.0.1:8000
      dragoman serve --db events.duckdb --port 8080
    """
    from dragoman.server import serve  # FastAPI and uvicorn load only for this command

    loopback = host in ("127.0.0.1", "localhost", "::1") or host.startswith("127.")
    if not loopback:
        click.echo(
            f"dragoman: warning: serving on {host}: anyone who can reach this machine "
            "can read the database and use POST /api/code",
            err=True,
        )
    shown = f"[{host}]" if ":" in host else host

    def announce() -> None:  # only once the database is open: a locked one is an error
        click.echo(
            f"dragoman: serving {db} read-only at http://{shown}:{port}/ (Ctrl-C stops)", err=True
        )

    serve(
        db,
        host=host,
        port=port,
        model=model,
        log_level="warning" if quiet else "info",
        on_ready=announce,
    )
