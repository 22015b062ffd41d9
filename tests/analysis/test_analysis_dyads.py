"""Dyad time series over a small store built in the test session (tests/conftest.py)."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from dragoman.analysis import DYAD_COLUMNS, dyads, frame_records
from dragoman.errors import QueryError
from dragoman.ontology import cameo
from dragoman.store import EventStore


def _rows(frame: pd.DataFrame, source: str, target: str) -> pd.DataFrame:
    return frame[(frame["source"] == source) & (frame["target"] == target)]


def test_both_directions_per_month_with_empty_periods_filled(event_db: Path) -> None:
    frame = dyads(event_db, "KAZ", "RUS", both_directions=True)
    assert list(frame.columns[: len(DYAD_COLUMNS)]) == list(DYAD_COLUMNS)
    forward = _rows(frame, "KAZ", "RUS")
    backward = _rows(frame, "RUS", "KAZ")
    months = ["2025-01-01", "2025-02-01", "2025-03-01", "2025-04-01"]
    assert [p.strftime("%Y-%m-%d") for p in forward["period"]] == months
    assert [p.strftime("%Y-%m-%d") for p in backward["period"]] == months
    # KAZGOV met and consulted RUSGOV (040) in January and February; KAZ criticized RUS
    # (111) in March; the negated "did not criticize" is not counted.
    assert list(forward["events"]) == [1, 1, 1, 0]
    assert list(forward["verbal_cooperation"]) == [1, 1, 0, 0]
    assert list(forward["verbal_conflict"]) == [0, 0, 1, 0]
    assert list(forward["CONSULT"]) == [1, 1, 0, 0]
    assert list(forward["ACCUSE"]) == [0, 0, 1, 0]
    assert forward["goldstein_sum"].iloc[2] == pytest.approx(cameo("111").goldstein)
    assert math.isnan(forward["goldstein_mean"].iloc[3])
    # RUSGOV praised KAZGOV in February; RUSMIL threatened KAZ in April.
    assert list(backward["events"]) == [0, 1, 0, 1]
    assert backward["goldstein_mean"].iloc[3] == pytest.approx(cameo("138").goldstein)
    assert int(frame["material_conflict"].sum()) == 0


def test_one_direction_only(event_db: Path) -> None:
    frame = dyads(event_db, "KAZ", "RUS")
    assert set(zip(frame["source"], frame["target"], strict=True)) == {("KAZ", "RUS")}
    assert int(frame["events"].sum()) == 3


def test_exact_codes_leave_out_codes_below(event_db: Path) -> None:
    frame = dyads(event_db, "KAZ", "RUS", exact=True)
    assert int(frame["events"].sum()) == 1
    assert frame.loc[frame["events"] > 0, "period"].iloc[0] == pd.Timestamp("2025-03-01")
    gov = dyads(event_db, "kazgov", "rusgov", exact=True)
    assert int(gov["events"].sum()) == 2


def test_frequencies_and_date_bounds(event_db: Path) -> None:
    weekly = dyads(event_db, "KAZ", "RUS", freq="week", until="2025-01-31")
    # 2025-01-14 is a Tuesday: its week starts on Monday the 13th.
    assert weekly.loc[weekly["events"] > 0, "period"].tolist() == [pd.Timestamp("2025-01-13")]
    quarterly = dyads(event_db, "KAZ", "RUS", freq="quarter")
    assert quarterly[["period", "events"]].values.tolist() == [[pd.Timestamp("2025-01-01"), 3]]
    window = dyads(event_db, "KAZ", "RUS", since="2025-02", until="2025-03")
    assert window["events"].tolist() == [1, 1]
    year = dyads(event_db, "KAZ", "RUS", since="2025", until="2025")
    assert len(year) == 12 and int(year["events"].sum()) == 3


def test_no_events_in_range_gives_zero_rows_per_period(event_db: Path) -> None:
    frame = dyads(event_db, "KAZ", "RUS", since="2024-01", until="2024-03")
    assert frame["events"].tolist() == [0, 0, 0]
    empty = dyads(event_db, "FIN", "RUS")
    assert empty.empty and list(empty.columns) == list(DYAD_COLUMNS)


def test_mentions_level_and_an_open_store(event_db: Path) -> None:
    with EventStore(event_db, read_only=True) as store:
        frame = dyads(store, "KAZ", "RUS", level="mentions")
    assert int(frame["events"].sum()) == 3


def test_records_are_json_ready(event_db: Path) -> None:
    records = frame_records(dyads(event_db, "RUS", "KAZ"))
    assert records[0]["period"] == "2025-02-01"
    assert records[1]["goldstein_mean"] is None
    assert isinstance(records[0]["events"], int)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"source": "XYZ"}, "unknown source 'XYZ'"),
        ({"source": "KAZX"}, "did you mean KAZ"),
        ({"target": "KAZ' OR 1=1 --"}, "is not an actor code"),
        ({"exact": True, "source": "FINGOVX"}, "unknown source"),
        ({"since": "2025-13-01"}, "not a valid calendar date"),
        ({"until": "yesterday"}, "is not a date"),
        ({"since": "2025-06", "until": "2025-01"}, "is after until"),
        ({"freq": "hour"}, "freq 'hour'"),
        ({"level": "articles"}, "level 'articles'"),
    ],
)
def test_bad_queries_raise_query_error(
    event_db: Path, kwargs: dict[str, object], message: str
) -> None:
    args: dict[str, object] = {"source": "KAZ", "target": "RUS", **kwargs}
    with pytest.raises(QueryError, match=message.replace("(", r"\(")):
        dyads(event_db, **args)  # type: ignore[arg-type]


def _precision_store(path: Path) -> Path:
    """KAZ consults RUS: on 2025-03-10 (day), in March 2025 (month), in 2025 (year)."""
    from dragoman import Actor, CameoRef, Document, Event, Evidence, PloverRef, TextSpan
    from dragoman.records import make_event_id
    from dragoman.store import document_rows

    rows = []
    for n, (date, precision) in enumerate(
        (("2025-03-10", "day"), ("2025-03-01", "month"), ("2025-01-01", "year"))
    ):
        doc_id = f"p{n}"
        kaz, rus = (
            Actor("KAZ", "Kazakhstan", "Kazakhstan", 0, 10),
            Actor("RUS", "Russia", "Russia", 20, 26),
        )
        info = cameo("040")
        event = Event(
            doc_id,
            0,
            make_event_id(doc_id, 11, kaz, rus, "040"),
            date,
            kaz,
            rus,
            CameoRef("040", info.name),
            "04",
            1,
            info.goldstein,
            PloverRef("CONSULT", None),
            False,
            Evidence(TextSpan("Kazakhstan met Russia.", 0, 22), TextSpan("met", 11, 14)),
            date_precision=precision,
        )
        rows.append(
            document_rows(
                Document(doc_id, "Kazakhstan met Russia.", "2025-06-01"),
                [event],
                file="p.jsonl",
                line=n + 1,
            )
        )
    with EventStore(path) as store:
        for batch in rows:
            store.write(batch)
    return path


def test_events_coarser_than_the_period_are_left_out_and_counted(tmp_path: Path) -> None:
    db = _precision_store(tmp_path / "p.duckdb")
    monthly = dyads(db, "KAZ", "RUS", freq="month")
    assert list(monthly["events"]) == [2] and monthly["period"].iloc[0] == pd.Timestamp(
        "2025-03-01"
    )  # the year-only event is not counted in January
    assert monthly.attrs["left_out"] == 1
    assert dyads(db, "KAZ", "RUS", freq="month", since="2025-02").attrs["left_out"] == 1
    weekly = dyads(db, "KAZ", "RUS", freq="week")
    assert weekly["events"].sum() == 1 and weekly.attrs["left_out"] == 2
    yearly = dyads(db, "KAZ", "RUS", freq="year")
    assert list(yearly["events"]) == [3] and yearly.attrs["left_out"] == 0


def test_spread_shares_coarse_events_over_their_month_or_year(tmp_path: Path) -> None:
    db = _precision_store(tmp_path / "p.duckdb")
    monthly = dyads(db, "KAZ", "RUS", freq="month", imprecise="spread")
    assert monthly.attrs["left_out"] == 0
    assert len(monthly) == 12  # the year-only event reaches every month of 2025
    march = monthly[monthly["period"] == pd.Timestamp("2025-03-01")]["events"].iloc[0]
    assert march == pytest.approx(2 + 31 / 365, abs=1e-6)
    assert monthly["events"].sum() == pytest.approx(3, abs=1e-4)
    assert monthly["goldstein_sum"].sum() == pytest.approx(3 * cameo("040").goldstein, abs=1e-4)
    bounded = dyads(
        db, "KAZ", "RUS", freq="week", imprecise="spread", since="2025-03", until="2025-03"
    )
    # inside March: the day event, all of the month event, March's share of the year event
    assert bounded["events"].sum() == pytest.approx(2 + 31 / 365, abs=1e-4)
    with pytest.raises(QueryError, match="imprecise"):
        dyads(db, "KAZ", "RUS", imprecise="smear")
