"""The CAMEO event codebook: codes, names, Goldstein scores and quad classes.

The table is ``data/cameo_codes.csv``, built from the ICEWS CAMEO codebook by
``scripts/build_ontology.py`` (see ``data/SOURCES.md``). It is parsed and validated once,
on first use, and cached for the life of the process.
"""

from __future__ import annotations

import csv
import enum
import functools
import io
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import files
from types import MappingProxyType

from dragoman.errors import OntologyError

__all__ = ["CameoCode", "QuadClass", "cameo", "cameo_codes", "is_cameo_code"]

CODES_FILE = "cameo_codes.csv"
_COLUMNS = ("code", "name", "goldstein", "root_code", "quad_class", "description")
_CODE = re.compile(r"\d{2,4}")


class QuadClass(enum.IntEnum):
    """The four CAMEO quad classes, from cooperation to conflict."""

    VERBAL_COOPERATION = 1
    MATERIAL_COOPERATION = 2
    VERBAL_CONFLICT = 3
    MATERIAL_CONFLICT = 4

    @classmethod
    def for_root(cls, root_code: str) -> QuadClass:
        """Return the quad class of a CAMEO root code.

        Roots 01-05 are verbal cooperation, 06-08 material cooperation, 09-13 verbal
        conflict and 14-20 material conflict (the usual ICEWS/GDELT grouping).

        Args:
            root_code: A 2-digit CAMEO root code, "01" to "20".

        Returns:
            The root's quad class.

        Raises:
            OntologyError: If ``root_code`` is not a root between "01" and "20".
        """
        root = int(root_code) if len(root_code) == 2 and root_code.isdigit() else 0
        if not 1 <= root <= 20:
            raise OntologyError(f"unknown CAMEO root code {root_code!r}; roots are '01' to '20'")
        if root <= 5:
            return cls.VERBAL_COOPERATION
        if root <= 8:
            return cls.MATERIAL_COOPERATION
        if root <= 13:
            return cls.VERBAL_CONFLICT
        return cls.MATERIAL_CONFLICT


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One entry of the CAMEO codebook.

    Attributes:
        code: The code as a string of 2-4 digits, leading zero kept ("0311").
        name: The codebook's short name; root codes are in capitals ("MAKE PUBLIC
            STATEMENT"), others in sentence case ("Criticize or denounce").
        goldstein: The Goldstein conflict-cooperation score, -10 to 10, as given in the
            ICEWS codebook.
        root_code: The 2-digit root the code belongs to ("03" for "0311").
        quad_class: The quad class of the root.
        description: The first sentence of the codebook definition; empty for roots.
    """

    code: str
    name: str
    goldstein: float
    root_code: str
    quad_class: QuadClass
    description: str


def cameo(code: str) -> CameoCode:
    """Look up a CAMEO code.

    Args:
        code: The code as a string, e.g. "111" or "0311" (keep the leading zero).

    Returns:
        The codebook entry.

    Raises:
        OntologyError: If ``code`` is not in the codebook. It is also a ``KeyError``.
    """
    try:
        return cameo_codes()[code]
    except (KeyError, TypeError):  # TypeError: an unhashable argument
        raise OntologyError(_unknown_code_message(code)) from None


def is_cameo_code(code: str) -> bool:
    """Tell whether ``code`` is a code of the CAMEO codebook.

    Args:
        code: The candidate code, e.g. "0311".

    Returns:
        True if the codebook has an entry for ``code``.
    """
    return isinstance(code, str) and code in cameo_codes()


@functools.cache
def cameo_codes() -> Mapping[str, CameoCode]:
    """Return every CAMEO code, keyed by code, in code order.

    The data file is read and validated on the first call; later calls return the same
    read-only mapping.

    Returns:
        A read-only mapping from code ("0311") to its entry.

    Raises:
        OntologyError: If the shipped data file is missing or malformed; the message names
            the file and line.
    """
    return MappingProxyType(_parse_cameo_codes(_read_data_file(CODES_FILE), CODES_FILE))


def _parse_cameo_codes(text: str, source: str) -> dict[str, CameoCode]:
    """Parse and validate the text of a ``cameo_codes.csv`` file.

    Checks that codes are 2-4 digits and unique, that every code's parent (the code
    without its last digit) and root are present, that Goldstein scores are numbers
    between -10 and 10, and that each quad class agrees with its root.

    Args:
        text: The CSV text, header included.
        source: The file name to put in error messages.

    Returns:
        The entries keyed by code, in file order.

    Raises:
        OntologyError: On the first bad row, naming ``source`` and the line.
    """
    codes: dict[str, CameoCode] = {}
    for where, row in _iter_csv_rows(text, source, _COLUMNS):
        code, name, goldstein, root_code, quad_class, description = row
        if not _CODE.fullmatch(code):
            raise OntologyError(f"{where}: bad code {code!r}; codes are 2-4 digits")
        if code in codes:
            raise OntologyError(f"{where}: code {code!r} appears twice")
        if root_code != code[:2]:
            raise OntologyError(f"{where}: root_code {root_code!r} does not match {code!r}")
        if len(code) > 2 and code[:-1] not in codes:
            raise OntologyError(f"{where}: parent {code[:-1]!r} of {code!r} must come first")
        if not name:
            raise OntologyError(f"{where}: code {code!r} has no name")
        try:
            score = float(goldstein)
        except ValueError:
            score = float("nan")
        if not -10.0 <= score <= 10.0:
            raise OntologyError(f"{where}: goldstein {goldstein!r} is not a number in -10..10")
        try:
            quad = QuadClass.for_root(root_code)
        except OntologyError as exc:
            raise OntologyError(f"{where}: {exc}") from None
        if quad_class != str(quad.value):
            raise OntologyError(
                f"{where}: quad_class {quad_class!r} for root {root_code!r} should be {quad.value}"
            )
        codes[code] = CameoCode(code, name, score, root_code, quad, description)
    if not codes:
        raise OntologyError(f"{source}: no CAMEO codes")
    return codes


def _read_data_file(name: str) -> str:
    """Read a file shipped in ``dragoman/ontology/data/``.

    Args:
        name: The file name, e.g. "cameo_codes.csv".

    Returns:
        The file's text.

    Raises:
        OntologyError: If the file is missing from the installed package.
    """
    resource = files("dragoman.ontology").joinpath("data", name)
    try:
        return resource.read_text(encoding="utf-8")
    except OSError as exc:
        raise OntologyError(
            f"{name}: cannot read the ontology data file ({exc}); reinstall dragoman"
        ) from exc


def _iter_csv_rows(
    text: str, source: str, columns: Sequence[str]
) -> Iterator[tuple[str, list[str]]]:
    """Yield the rows of a CSV data file after checking its header.

    Args:
        text: The CSV text, header included.
        source: The file name to put in error messages.
        columns: The header the file must have, in order.

    Yields:
        ``(where, fields)`` pairs, ``where`` being "file line N" for error messages and
        ``fields`` the row's values with surrounding whitespace removed.

    Raises:
        OntologyError: If the header differs from ``columns`` or a row has the wrong
            number of fields.
    """
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header != list(columns):
        raise OntologyError(f"{source} line 1: header {header} should be {list(columns)}")
    for fields in reader:
        where = f"{source} line {reader.line_num}"
        if not fields:
            continue  # a blank line
        if len(fields) != len(columns):
            raise OntologyError(
                f"{where}: {len(fields)} fields, expected {len(columns)} ({','.join(columns)})"
            )
        yield where, [field.strip() for field in fields]


def _unknown_code_message(code: object) -> str:
    if not isinstance(code, str):
        return (
            f"unknown CAMEO code {code!r}; codes are strings of 2-4 digits such as '111' "
            "(a string keeps the leading zero of '0311')"
        )
    if not _CODE.fullmatch(code):
        return f"unknown CAMEO code {code!r}; codes are 2-4 digits such as '111' or '0311'"
    return (
        f"unknown CAMEO code {code!r}; it is not in the CAMEO codebook "
        "(roots run from '01' to '20'; e.g. '111')"
    )
