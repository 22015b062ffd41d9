"""Optional parts of Dragoman and the pip extras that install them.

The core install (``pip install dragoman``) codes text, ingests into the event store, exports
and evaluates. Charts and tables of relations (``dragoman.analysis``), the dashboard
(``dragoman serve``) and the Dask engine need more libraries; each such entry point calls
:func:`require` first, so a missing library is one clear :class:`~dragoman.errors.ExtraError`
naming the extra to install, not a ``ModuleNotFoundError`` from deep inside.
"""

from __future__ import annotations

import importlib.util

from dragoman.errors import ExtraError

__all__ = ["EXTRAS", "missing_modules", "require"]

#: The modules each extra provides (import names), as in pyproject.toml.
EXTRAS: dict[str, tuple[str, ...]] = {
    "plots": ("pandas", "matplotlib", "networkx"),
    "server": ("fastapi", "starlette", "uvicorn", "jinja2", "pandas", "matplotlib", "networkx"),
    "dask": ("dask", "distributed"),
}


def missing_modules(extra: str) -> list[str]:
    """Return the modules of an extra that cannot be imported (without importing them)."""
    missing = []
    for name in EXTRAS[extra]:
        try:
            found = importlib.util.find_spec(name) is not None
        except (ImportError, ValueError):  # a broken or half-removed package
            found = False
        if not found:
            missing.append(name)
    return missing


def require(extra: str, what: str) -> None:
    """Check that the libraries of an extra are installed.

    Args:
        extra: ``plots``, ``server`` or ``dask``.
        what: What needs them, for the message (``dragoman serve``).

    Raises:
        ExtraError: Some are missing; the message names them and the pip command.
    """
    missing = missing_modules(extra)
    if missing:
        raise ExtraError(
            f"{what} needs {', '.join(missing)}, which {'is' if len(missing) == 1 else 'are'} "
            f"not installed; install the {extra!r} extra: pip install 'dragoman[{extra}]'"
        )
