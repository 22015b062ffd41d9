"""Build the CAMEO codebook and CAMEO->PLOVER crosswalk shipped in ``dragoman.ontology``.

Reads the ICEWS CAMEO codebook (andybega/icews, MIT) and Philip Schrodt's
CAMEO2PLOVER-2021 conversion table, and writes two small, deterministic CSV files to
``src/dragoman/ontology/data/``. Usage examples and usage notes from the codebook are not
copied; each description is cut to its first sentence.

Run from the repository root::

    python scripts/build_ontology.py \\
        --codebook ../shared/data/reference/cameo_codebook.csv \\
        --crosswalk ../shared/data/reference/CAMEO2PLOVER-2021.txt

Problems in the sources that the script resolves (duplicate codes, codes missing from the
codebook) are reported on stderr; see ``src/dragoman/ontology/data/SOURCES.md``.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Sequence
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
REFERENCE_DIR = REPO_ROOT.parent / "shared" / "data" / "reference"
DEFAULT_CODEBOOK = REFERENCE_DIR / "cameo_codebook.csv"
DEFAULT_CROSSWALK = REFERENCE_DIR / "CAMEO2PLOVER-2021.txt"
DEFAULT_OUT_DIR = REPO_ROOT / "src" / "dragoman" / "ontology" / "data"

CODEBOOK_COLUMNS = ("code", "name", "goldstein", "root_code", "description")
CAMEO_COLUMNS = ("code", "name", "goldstein", "root_code", "quad_class", "description")
PLOVER_COLUMNS = ("cameo", "plover_type", "plover_mode", "plover_context")

# Where the PLOVER 2.0 manual (PLOVER_MANUAL.tex) reads a CAMEO code differently from the
# 2021 conversion table, the manual wins: its "CAMEO to PLOVER translation" table maps each
# cue category as a whole (note 2: "everything at the 3- and 4-digit level should simply be
# reduced to the 2-digit cue category"), and its type definitions name these cases.
# code -> (type, mode, context); see ``src/dragoman/ontology/data/SOURCES.md``.
PLOVER_2_CORRECTIONS: dict[str, tuple[str, str, str]] = {
    # REQUEST: "All requests, demands, and orders"; an appeal is a request.
    "02": ("REQUEST", "", ""),
    # CONCEDE: "easing of administrative or legal restrictions ..., removing curfews".
    "0813": ("CONCEDE", "", "legal"),
    "0814": ("CONCEDE", "", "legal"),
    # SANCTION: "International (political or economic) sanctions are coded as
    # `discontinue'" (CAMEO 163: impose embargo, boycott, or sanctions).
    "163": ("SANCTION", "discontinue", "diplomatic"),
    # CAMEO 17 COERCE: destroying property is coercion short of armed attack.
    "1712": ("COERCE", "seize", "human_security"),
    # CAMEO 19 FIGHT -> ASSAULT: occupying territory is done by armed force.
    "192": ("ASSAULT", "", "military"),
}

_CODE = re.compile(r"\d{2,4}")
# "0311: AGREE,  ,   economic # Express intent ..." -> code, "type, mode, context"
_CROSSWALK_LINE = re.compile(r"(?P<code>\d{2,4}):(?P<body>[^#]*)(?:#.*)?")
# A sentence ends at ". " followed by a capital letter (no abbreviations occur in the
# codebook descriptions, checked when this script was written).
_SENTENCE_END = re.compile(r"(?<=\.)\s+(?=[A-Z])")


class SourceError(Exception):
    """A source file does not have the expected shape."""


def quad_class(root_code: str) -> int:
    """Return the CAMEO quad class of a 2-digit root code.

    Args:
        root_code: A CAMEO root code, "01" to "20".

    Returns:
        1 (verbal cooperation, 01-05), 2 (material cooperation, 06-08),
        3 (verbal conflict, 09-13) or 4 (material conflict, 14-20).

    Raises:
        ValueError: If ``root_code`` is not a root between 01 and 20.
    """
    root = int(root_code)
    if len(root_code) != 2 or not 1 <= root <= 20:
        raise ValueError(f"not a CAMEO root code: {root_code!r}")
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


def first_sentence(text: str) -> str:
    """Return the first sentence of ``text``, whitespace-normalised.

    Args:
        text: A codebook description.

    Returns:
        Everything up to the first sentence break, or all of ``text`` if there is none.
    """
    text = " ".join(text.split())
    return _SENTENCE_END.split(text, maxsplit=1)[0]


def format_goldstein(value: str) -> str:
    """Normalise a Goldstein score so equal values are written the same way.

    Args:
        value: The score as written in a source file, e.g. "-2" or "3.40".

    Returns:
        The shortest decimal form, e.g. "-2" or "3.4".
    """
    return f"{float(value):g}"


def read_codebook(path: Path) -> list[dict[str, str]]:
    """Read the ICEWS CAMEO codebook into rows of the shipped ``cameo_codes.csv``.

    Args:
        path: The codebook CSV (code,name,goldstein,root_code,description,...).

    Returns:
        One row per code, sorted by code, with the columns in ``CAMEO_COLUMNS``.

    Raises:
        SourceError: If a column is missing, a code is malformed or repeated, or a root
            code does not match its code.
    """
    rows: dict[str, dict[str, str]] = {}
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = set(CODEBOOK_COLUMNS) - set(reader.fieldnames or ())
        if missing:
            raise SourceError(f"{path}: missing columns {sorted(missing)}")
        for record in reader:
            where = f"{path} line {reader.line_num}"
            code = record["code"].strip()
            root = record["root_code"].strip()
            if not _CODE.fullmatch(code):
                raise SourceError(f"{where}: bad CAMEO code {code!r}")
            if code in rows:
                raise SourceError(f"{where}: CAMEO code {code!r} repeated")
            if root != code[:2]:
                raise SourceError(f"{where}: root_code {root!r} does not match code {code!r}")
            rows[code] = {
                "code": code,
                "name": " ".join(record["name"].split()),
                "goldstein": format_goldstein(record["goldstein"]),
                "root_code": root,
                "quad_class": str(quad_class(root)),
                "description": first_sentence(record["description"]),
            }
    return [rows[code] for code in sorted(rows)]


def read_crosswalk(path: Path, known_codes: set[str]) -> list[dict[str, str]]:
    """Read CAMEO2PLOVER-2021 into rows of the shipped ``cameo_plover.csv``.

    Section headers such as ``08: RETREAT`` are entries for the root code too. When a
    code appears twice the first entry wins; codes absent from the codebook are dropped.
    Both cases are reported on stderr. The entries of ``PLOVER_2_CORRECTIONS`` then
    replace or add to the table's.

    Args:
        path: The conversion table (``code: type, mode, context # comment`` lines).
        known_codes: The codebook's codes.

    Returns:
        One row per code, sorted by code, with the columns in ``PLOVER_COLUMNS``.

    Raises:
        SourceError: If an entry has more than three comma-separated fields.
    """
    rows: dict[str, dict[str, str]] = {}
    with path.open(encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, start=1):
            match = _CROSSWALK_LINE.fullmatch(line.strip())
            if match is None:
                continue  # blank lines, "#" headers and the closing "~~~~~"
            code = match["code"]
            fields = [field.strip() for field in match["body"].split(",")]
            if len(fields) > 3:
                raise SourceError(f"{path} line {line_no}: more than 3 fields: {line!r}")
            fields += [""] * (3 - len(fields))
            plover_type, mode, context = fields
            row = {
                "cameo": code,
                "plover_type": plover_type,
                "plover_mode": mode,
                "plover_context": context,
            }
            if code not in known_codes:
                _warn(f"{path} line {line_no}: {code} is not in the codebook; dropped")
                continue
            if code in rows:
                if rows[code] != row:
                    _warn(
                        f"{path} line {line_no}: {code} repeated as {fields}; "
                        f"keeping the first entry {_fields(rows[code])}"
                    )
                continue
            rows[code] = row
    for code, (plover_type, mode, context) in PLOVER_2_CORRECTIONS.items():
        rows[code] = {
            "cameo": code,
            "plover_type": plover_type,
            "plover_mode": mode,
            "plover_context": context,
        }
    return [rows[code] for code in sorted(rows)]


def goldstein_differences(path: Path, codebook: list[dict[str, str]]) -> list[str]:
    """List where GDELT's Goldstein scale disagrees with the codebook.

    Args:
        path: GDELT's ``CAMEO.goldsteinscale.txt`` (tab-separated, with a header).
        codebook: Rows returned by :func:`read_codebook`.

    Returns:
        One human-readable line per difference or missing code.
    """
    gdelt: dict[str, str] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) == 2 and _CODE.fullmatch(parts[0]):
                gdelt[parts[0]] = format_goldstein(parts[1])
    notes = []
    for row in codebook:
        code, ours = row["code"], row["goldstein"]
        if code not in gdelt:
            notes.append(f"{code}: codebook {ours}, absent from GDELT")
        elif float(gdelt[code]) != float(ours):
            notes.append(f"{code}: codebook {ours}, GDELT {gdelt[code]}")
    notes.extend(
        f"{code}: GDELT {gdelt[code]}, absent from codebook"
        for code in sorted(set(gdelt) - {row["code"] for row in codebook})
    )
    return notes


def write_csv(path: Path, columns: Sequence[str], rows: list[dict[str, str]]) -> None:
    """Write ``rows`` as UTF-8 CSV with ``\\n`` line endings, so rebuilds diff cleanly.

    Args:
        path: The output file.
        columns: The header, in order.
        rows: The rows, already sorted.
    """
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _fields(row: dict[str, str]) -> list[str]:
    return [row["plover_type"], row["plover_mode"], row["plover_context"]]


def _warn(message: str) -> None:
    print(message, file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the build.

    Args:
        argv: Command-line arguments without the program name; ``None`` uses ``sys.argv``.

    Returns:
        The process exit code.
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--codebook", type=Path, default=DEFAULT_CODEBOOK)
    parser.add_argument("--crosswalk", type=Path, default=DEFAULT_CROSSWALK)
    parser.add_argument(
        "--goldstein",
        type=Path,
        default=None,
        help="GDELT CAMEO.goldsteinscale.txt; if given, print where it differs",
    )
    parser.add_argument("--out-dir", type=Path, default=DEFAULT_OUT_DIR)
    args = parser.parse_args(argv)

    try:
        codebook = read_codebook(args.codebook)
        crosswalk = read_crosswalk(args.crosswalk, {row["code"] for row in codebook})
        notes = goldstein_differences(args.goldstein, codebook) if args.goldstein else []
    except (OSError, SourceError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1

    args.out_dir.mkdir(parents=True, exist_ok=True)
    write_csv(args.out_dir / "cameo_codes.csv", CAMEO_COLUMNS, codebook)
    write_csv(args.out_dir / "cameo_plover.csv", PLOVER_COLUMNS, crosswalk)
    print(f"wrote {len(codebook)} CAMEO codes and {len(crosswalk)} PLOVER mappings")
    for note in notes:
        print(f"goldstein differs: {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
