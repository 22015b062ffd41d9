"""What statements say: the speaker's own announced possibilities, obligations, verbal acts."""

from __future__ import annotations

import pytest

from dragoman import Coder


def _coded(coder: Coder, text: str) -> list[tuple[str, str, str, str]]:
    return [
        (e.source.code, e.target.code if e.target else "", e.cameo.code, e.modality)
        for e in coder.code(text, date="2024-05-01")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what the speaker says it could do itself is a threat or an intent made
        (
            "Beijing hinted that it could impose tariffs on German cars.",
            ("CHNGOV", "DEU", "1312", "future"),
        ),
        ("China said it could impose sanctions on Germany.", ("CHN", "DEU", "1312", "future")),
        (
            "Turkey said on Monday that it might send troops to Libya.",
            ("TUR", "LBY", "0334", "future"),
        ),
    ],
)
def test_a_speakers_own_possibility_is_announced(
    default_coder: Coder, text: str, expected: tuple[str, str, str, str]
) -> None:
    assert expected in _coded(default_coder, text)


@pytest.mark.parametrize(
    "text",
    [
        # another's "could": a conjecture, no event
        "Analysts said China could impose sanctions on Germany.",
        "Germany said China could impose sanctions on it.",
        # the report itself is negated or only possible
        "China did not say it could impose sanctions on Germany.",
        "China would never say it could impose sanctions on Germany.",
    ],
)
def test_anothers_possibility_stays_a_conjecture(default_coder: Coder, text: str) -> None:
    assert not any(code.startswith("13") for _, _, code, _ in _coded(default_coder, text))


def test_the_possibility_is_read_only_in_a_reported_clause(coder: Coder) -> None:
    """A bare "could" of the speaker is still hypothetical (the policy rule drops it)."""
    coded = _coded(coder, "China could impose sanctions on Germany.")
    assert ("CHN", "DEU", "1312", "hypothetical") in coded


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the speaker's own talks must go on: its intent to negotiate (036)
        ("Chancellor Scholz said talks with China must continue.", ("DEUGOV", "CHN", "036")),
        ("Germany said negotiations with China should resume.", ("DEU", "CHN", "036")),
        # another's talks, or another who must act: a demand
        ("Germany said China must continue talks with Russia.", ("DEU", "CHN", "106")),
        ("The UN envoy said talks between Israel and Hamas must resume.", ("IGOUNO", "ISR", "100")),
    ],
)
def test_own_talks_that_must_go_on_are_an_intent(
    default_coder: Coder, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in [(s, t, c) for s, t, c, _ in _coded(default_coder, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fate announced for another: a threat to that other
        (
            "Iran's foreign ministry said Israel would bear full responsibility for the "
            "consequences.",
            ("IRNGOV", "ISR", "130"),
        ),
        (
            "Biden said Russia will face severe consequences if it invades.",
            ("USAGOV", "RUS", "130"),
        ),
        ("Iran said Israel would pay a heavy price.", ("IRN", "ISR", "130")),
        # the speaker's own retaliation: a threat of force
        ("Pakistan said it would retaliate against India.", ("PAK", "IND", "138")),
        ("Iran said it would respond to any attack by Israel.", ("IRN", "ISR", "138")),
        # a punishment announced for another: a threat to them
        (
            "Pakistan's army spokesman said the militants will not be spared.",
            ("PAKMIL", "PAKREB", "130"),
        ),
        (
            "The Pakistani army warned that the militants will not be spared.",
            ("PAKMIL", "PAKREB", "130"),
        ),
    ],
)
def test_a_statement_that_announces_harm_is_a_threat(
    default_coder: Coder, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in [(s, t, c) for s, t, c, _ in _coded(default_coder, text)]


@pytest.mark.parametrize(
    "text",
    [
        # a fate that happened, a price of goods, a duty: no threat
        "Iran said Israel faced consequences after the strike.",
        "China said American consumers would pay a higher price for cars.",
        "Germany said the United States would bear responsibility for the reconstruction.",
        # a response to something other than force
        "Iran said it would respond to the European proposal.",
        # another's retaliation, and a commentator's fate for a state
        "Pakistan said India would retaliate.",
        "Analysts said Russia would pay a heavy price.",
        # a punishment by another, one that happened, and being spared
        "Amnesty said the protesters will be targeted by the police.",
        "Pakistan's army spokesman said the militants were punished.",
        "Pakistan's army spokesman said the militants will be spared.",
    ],
)
def test_other_statements_of_the_future_are_no_threat(default_coder: Coder, text: str) -> None:
    assert not any(code.startswith("13") for _, _, code, _ in _coded(default_coder, text))
