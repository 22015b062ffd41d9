"""``dragoman code`` from the command line: formats, stdin, bad input, exit status."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from dragoman import Coder
from dragoman.cli import cli
from dragoman.formatting import TSV_COLUMNS

STORY = "Poland condemned Russia.\n\nChina praised Brazil on Monday."


@pytest.fixture()
def runner(coder: Coder, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """A runner whose `dragoman code` reuses the session's loaded Coder (unless it is given
    dictionary files, which need a fresh one)."""
    real = Coder

    def make(**kwargs: Any) -> Coder:
        kwargs.pop("model", None)
        if (
            kwargs.get("verbs")
            or kwargs.get("actors")
            or not all(kwargs.get(k, True) for k in ("dates", "places", "quotes"))
        ):
            return real(nlp=coder.nlp, **kwargs)
        return coder

    monkeypatch.setattr("dragoman.cli._code.Coder", make)
    return CliRunner()


def test_text_file_table(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    result = runner.invoke(cli, ["code", str(path), "--date", "2025-06-01"])
    assert result.exit_code == 0, result.output
    assert "POL" in result.stdout and "111" in result.stdout and "2 event(s)" in result.stdout
    assert "1 document(s) coded, 2 event(s), 0 quotation(s), 0 skipped" in result.stderr


def test_jsonl_to_jsonl_with_dates(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "stories.jsonl"
    path.write_text(
        json.dumps({"id": "a", "text": "Poland condemned Russia.", "date": "2024-01-02"})
        + "\n"
        + json.dumps({"id": "b", "text": "China praised Brazil."})
        + "\n",
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["code", str(path), "--format", "jsonl", "--date", "2025-06-01"])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(e["doc_id"], e["date"], e["cameo"]["code"]) for e in events] == [
        ("a", "2024-01-02", "111"),
        ("b", "2025-06-01", "051"),
    ]


def test_stdin_tsv(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["code", "-", "--format", "tsv"], input=STORY)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split("\t") == list(TSV_COLUMNS)
    row = dict(zip(TSV_COLUMNS, lines[1].split("\t"), strict=True))
    assert row["doc_id"] == "stdin" and row["source_code"] == "POL" and row["target_code"] == "RUS"
    assert len(lines) == 3


def test_json_array_to_output_file(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "events.json"
    result = runner.invoke(cli, ["code", "-", "--format", "json", "-o", str(out)], input=STORY)
    assert result.exit_code == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 2


def test_bad_documents_are_skipped_with_file_and_line(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        '{"id": "ok", "text": "Poland condemned Russia."}\n{broken\n{"id": "x"}\n',
        encoding="utf-8",
    )
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(cli, ["code", str(path), str(empty), "--format", "jsonl"])
    assert result.exit_code == 0
    assert f"{path} line 2: not valid JSON" in result.stderr
    assert f'{path} line 3: "text" is missing' in result.stderr
    assert f"{empty}: empty" in result.stderr
    assert "1 document(s) coded, 1 event(s), 0 quotation(s), 3 skipped" in result.stderr
    assert len(result.stdout.splitlines()) == 1


def test_nothing_coded_exits_1(runner: CliRunner, tmp_path: Path) -> None:
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02")
    result = runner.invoke(cli, ["code", str(binary)])
    assert result.exit_code == 1
    assert "binary" in result.stderr


def test_strict_stops_at_first_problem(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text('{broken\n{"id": "ok", "text": "Poland condemned Russia."}\n')
    result = runner.invoke(cli, ["code", str(path), "--strict", "--format", "jsonl"])
    assert result.exit_code == 1
    assert result.stderr.startswith("dragoman: error: ")
    assert "line 1: not valid JSON" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["code", "-", "--date", "June 1"], "is not an ISO date"),
        (["code"], "give at least one input file"),
    ],
)
def test_usage_errors_are_one_line(runner: CliRunner, args: list[str], message: str) -> None:
    result = runner.invoke(cli, args, input="Poland condemned Russia.")
    assert result.exit_code == 1
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_user_dictionaries(runner: CliRunner, tmp_path: Path) -> None:
    verbs = tmp_path / "verbs.yaml"
    verbs.write_text('- {verb: snub, code: "1246"}\n', encoding="utf-8")
    actors = tmp_path / "actors.yaml"
    actors.write_text('- {code: "IGOASAEAS", name: "East Asia Summit", aliases: ["EAS"]}\n')
    result = runner.invoke(
        cli,
        ["code", "-", "--format", "jsonl", "--verbs", str(verbs), "--actors", str(actors)],
        input="Vietnam snubbed the EAS.",
    )
    assert result.exit_code == 0, result.output
    event = json.loads(result.stdout)
    assert (event["source"]["code"], event["cameo"]["code"], event["target"]["code"]) == (
        "VNM",
        "1246",
        "IGOASAEAS",
    )


def test_malformed_user_dictionary(runner: CliRunner, tmp_path: Path) -> None:
    verbs = tmp_path / "verbs.yaml"
    verbs.write_text('- {verb: snub, code: "1246"}\n- {verb: x, code: "999"}\n')
    result = runner.invoke(cli, ["code", "-", "--verbs", str(verbs)], input="x")
    assert result.exit_code == 1
    assert f"dragoman: error: {verbs} line 2: unknown CAMEO code '999'" in result.stderr


def test_version_and_help() -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["--version"]).output.startswith("dragoman, version")
    result = runner.invoke(cli, ["code", "--help"])
    assert result.exit_code == 0 and "--format" in result.output


QUOTED = (
    "Polish Foreign Minister Anna Nowak arrived in Vilnius on Tuesday.\n\n"
    '"Russia is irresponsible, and we will not accept its threats," she said.'
)


def test_quotes_listing_and_quote_events(runner: CliRunner) -> None:
    result = runner.invoke(
        cli, ["code", "-", "--quotes", "--format", "jsonl", "--date", "2025-06-01"], input=QUOTED
    )
    assert result.exit_code == 0, result.output
    (quote,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert quote["speaker"]["code"] == "POLGOV" and quote["speaker_text"] == "she"
    assert quote["cue"]["text"] == "said" and quote["kind"] == "direct"
    assert quote["content"]["text"].startswith("Russia is irresponsible")
    result = runner.invoke(
        cli, ["code", "-", "--format", "jsonl", "--date", "2025-06-01"], input=QUOTED
    )
    events = [json.loads(line) for line in result.stdout.splitlines()]
    said = [e for e in events if e["quote"] == 0]
    # "Russia is irresponsible" criticizes; "we will not accept its threats" refuses
    assert [(e["source"]["code"], e["cameo"]["code"], e["target"]["code"]) for e in said] == [
        ("POLGOV", "111", "RUS"),
        ("POLGOV", "120", "RUS"),
    ]
    visit = [e for e in events if e["cameo"]["code"] == "042"]
    assert visit and visit[0]["date"] == "2025-05-27" and visit[0]["location"]["country"] == "LTU"


def test_context_layers_can_be_switched_off(runner: CliRunner) -> None:
    result = runner.invoke(
        cli,
        ["code", "-", "--format", "jsonl", "--date", "2025-06-01", "--no-dates", "--no-places"],
        input=QUOTED,
    )
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert all(
        e["date"] == "2025-06-01" and e["date_source"] == {"source": "story"} for e in events
    )
    assert all(e["location"] is None for e in events)
    result = runner.invoke(cli, ["code", "-", "--quotes", "--no-quotes"], input=QUOTED)
    assert result.exit_code == 1 and "cannot be combined" in result.stderr


def test_hostile_lines_are_warnings_and_the_rest_is_coded(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "hostile.jsonl"
    lines = [
        '{"id": "a", "text": "Poland condemned Russia.", "date": "2025-06-01"}',
        '{"id": "s", "text": "Germany \\ud800 praised Poland."}',
        "[" * 1000 + "]" * 1000,
        '{"id": "e", "text": "Germany praised Poland last year.", "date": "0001-03-01"}',
        '{"id": "l", "text": "Germany will meet Poland next week.", "date": "9999-12-31"}',
        '{"id": "b", "text": "China praised Brazil.", "date": "2025-06-01"}',
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(cli, ["code", str(path), "--format", "jsonl", "--batch-size", "16"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert {json.loads(line)["doc_id"] for line in result.stdout.splitlines()} == {"a", "b"}
    warnings = [w for w in result.stderr.splitlines() if "warning" in w]
    assert [w.split(" line ")[1].split(":")[0] for w in warnings] == ["2", "3", "4", "5"]
    assert "2 document(s) coded" in result.stderr and "4 skipped" in result.stderr


class _Choking:
    """A coder that fails on one document as the coding stage did on hostile input."""

    def __init__(self, real: Coder) -> None:
        self.real = real

    def _check(self, documents: list[Any]) -> None:
        if any(d.id == "bad" for d in documents):
            raise OverflowError("date value out of range")

    def analyze_documents(self, documents: Any, batch_size: int = 16) -> Any:
        documents = list(documents)
        self._check(documents)
        return self.real.analyze_documents(documents, batch_size=batch_size)

    def analyze_document(self, document: Any) -> Any:
        self._check([document])
        return self.real.analyze_document(document)


def test_one_failing_document_costs_only_itself(
    coder: Coder, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("dragoman.cli._code.Coder", lambda **_: _Choking(coder))
    path = tmp_path / "batch.jsonl"
    lines = [
        '{"id": "a", "text": "Poland condemned Russia."}',
        '{"id": "bad", "text": "Germany praised Poland."}',
        '{"id": "b", "text": "China praised Brazil."}',
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["code", str(path), "--format", "jsonl"])
    assert result.exit_code == 0
    assert {json.loads(line)["doc_id"] for line in result.stdout.splitlines()} == {"a", "b"}
    assert f"{path} line 2: coding failed (OverflowError: date value out of range)" in (
        result.stderr
    )
    strict = CliRunner().invoke(cli, ["code", str(path), "--format", "jsonl", "--strict"])
    assert strict.exit_code == 1 and "coding failed" in strict.stderr


def test_the_judge_options_the_flags_ask_for() -> None:
    from dragoman import JudgeOptions
    from dragoman.cli._options import judge_from
    from dragoman.errors import InputError

    assert judge_from(None, False, False) == JudgeOptions()
    assert not JudgeOptions().bare_statements  # bare statements are left out by default
    assert judge_from(None, False, False, statements=True).bare_statements
    # --all-events with a threshold still keeps every kind the policy rules leave out
    both = judge_from(0.5, True, False)
    assert both == replace(JudgeOptions.everything(), min_confidence=0.5)
    assert judge_from(None, False, True).min_confidence is None
    with pytest.raises(InputError, match="not both"):
        judge_from(0.5, False, True)


def test_code_help_names_the_statements_flag() -> None:
    result = CliRunner().invoke(cli, ["code", "--help"])
    assert result.exit_code == 0
    assert "--statements" in result.output
