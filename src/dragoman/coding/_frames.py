"""CAMEO's parallel families: appeals, intents, demands, refusals and threats about an action.

CAMEO codes a statement about an action with the family of the statement and the subject of
the action: "urged X to release prisoners" is 0253 (appeal for release), "promised to
release" 0353 (intent), "demanded the release" 1053 (demand), "refused to release" 1243
(refusal); "threatened to impose sanctions" 1312. The tables below give, for an action code
(or its nearest listed ancestor), the code of each family (CAMEO codebook, roots 02, 03, 10,
12 and 13). Future and hypothetical actions ("will provide aid", "could impose sanctions")
are coded as intents or threats (CAMEO codebook, 03 and 13: "express intent" and "threaten"
cover announced future actions).
"""

from __future__ import annotations

import enum

from dragoman.ontology import is_cameo_code
from dragoman.ontology.codes import (
    APPEAL,
    DEMAND,
    INTENT,
    REJECT,
    ROOT_APPEAL,
    ROOT_DEMAND,
    ROOT_INTENT,
    ROOT_REJECT,
    ROOT_THREATEN,
    THREATEN,
)

__all__ = ["Frame", "family_of", "frame_code", "frame_of"]


class Frame(enum.StrEnum):
    """The family a statement about an action belongs to."""

    APPEAL = ROOT_APPEAL
    INTENT = ROOT_INTENT
    DEMAND = ROOT_DEMAND
    REJECT = ROOT_REJECT
    THREAT = ROOT_THREATEN


# action code prefix -> (appeal, intent, demand, reject, threat); "" = no such code. A table
# of the codebook's parallel codes: data, so its codes stay written out.
_TABLE: dict[str, tuple[str, str, str, str, str]] = {
    "04": ("026", "036", "106", "125", ""),
    "045": ("028", "039", "108", "126", ""),
    "05": ("022", "032", "102", "120", ""),
    "06": ("021", "031", "101", "121", ""),
    "061": ("0211", "0311", "1011", "1211", ""),
    "062": ("0212", "0312", "1012", "1212", ""),
    "063": ("0213", "0313", "1013", "1213", ""),
    "064": ("0214", "0314", "1014", "121", ""),
    "07": ("023", "033", "103", "122", ""),
    "071": ("0231", "0331", "1031", "1221", ""),
    "072": ("0232", "0332", "1032", "1222", ""),
    "073": ("0233", "0333", "1033", "1223", ""),
    "074": ("0234", "0334", "1034", "1224", ""),
    "08": ("025", "035", "105", "124", ""),
    "081": ("0251", "0351", "1051", "1241", ""),
    "082": ("0252", "0352", "1052", "1242", ""),
    "083": ("024", "034", "104", "123", ""),
    "0831": ("0241", "0341", "1041", "1231", ""),
    "0832": ("0242", "0342", "1042", "1232", ""),
    "0833": ("0243", "0343", "1043", "1233", ""),
    "0834": ("0244", "0344", "1044", "1234", ""),
    "084": ("0253", "0353", "1053", "1243", ""),
    "085": ("0254", "0354", "1054", "1244", ""),
    "086": ("0255", "0355", "1055", "1245", ""),
    "087": ("0256", "0356", "1056", "1246", ""),
    "14": ("", "", "", "", "133"),
    "15": ("", "", "", "", "138"),
    "16": ("", "", "", "", "131"),
    "161": ("", "", "", "", "1313"),
    "162": ("", "", "", "", "1311"),
    "163": ("", "", "", "", "1312"),
    "164": ("", "", "", "", "134"),
    "165": ("", "", "", "", "135"),
    "166": ("", "", "", "", "136"),
    "17": ("", "", "", "", "137"),
    "172": ("", "", "", "", "132"),
    "1721": ("", "", "", "", "1321"),
    "1722": ("", "", "", "", "1322"),
    "1723": ("", "", "", "", "1323"),
    "1724": ("", "", "", "", "1324"),
    "18": ("", "", "", "", "138"),
    "19": ("", "", "", "", "1384"),
    "191": ("", "", "", "", "1381"),
    "192": ("", "", "", "", "1382"),
    "20": ("", "", "", "", "1383"),
    "204": ("", "", "", "", "1385"),
}
_POSITION = {Frame.APPEAL: 0, Frame.INTENT: 1, Frame.DEMAND: 2, Frame.REJECT: 3, Frame.THREAT: 4}
# The generic code of each family: only these are refined by the complement's action.
_GENERIC = {
    APPEAL: Frame.APPEAL,
    INTENT: Frame.INTENT,
    DEMAND: Frame.DEMAND,
    REJECT: Frame.REJECT,
    THREATEN: Frame.THREAT,
}
_BY_ROOT = {frame.value: frame for frame in Frame}


def frame_of(code: str) -> Frame | None:
    """Return the family of a generic statement code (``020``, ``030``, ``100``, ``120``,
    ``130``), or None for any other code."""
    return _GENERIC.get(code)


def family_of(code: str) -> Frame | None:
    """Return the family any code of roots 02, 03, 10, 12 and 13 belongs to ("0253" is an
    appeal, "1312" a threat), or None for other roots."""
    return _BY_ROOT.get(code[:2])


def frame_code(frame: Frame, action: str) -> str | None:
    """Return the code for a statement of ``frame`` about ``action``.

    Args:
        frame: The family (appeal, intent, demand, refusal, threat).
        action: The CAMEO code of the action talked about ("0841" release prisoners).

    Returns:
        The family's code for that action (``1053`` for a demand to release), or None when
        CAMEO has no such code (an intent to attack is not an intent code).
    """
    position = _POSITION[frame]
    for length in range(len(action), 1, -1):
        row = _TABLE.get(action[:length])
        if row is not None:
            code = row[position]
            return code if code and is_cameo_code(code) else None
    return None
