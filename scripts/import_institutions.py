"""Write ``institutions.jsonl``: national institutions and agencies (parliaments, armed
forces, intelligence and security services, ministries, courts).

Reads the national institutions of PETRARCH2's ``Phoenix.Countries.actors.txt`` (from the
openeventdata/petrarch2 project, MIT License, Copyright (c) 2014 Open Event Data Alliance),
keeps the ones that are safe to match exactly, maps their codes to Dragoman's (state +
one sector: ``KNESSET [ISRGOVLEG]`` becomes ``ISRLEG``), and adds a curated list of current
institutions Phoenix lacks (ours, written from public facts). One entry per line, in the
format of ``docs/dictionaries.md``::

    {"code": "ISRLEG", "name": "Knesset", "note": "Phoenix.Countries line 23378"}

Run from the repository root (the project never needs this at run time)::

    python scripts/import_institutions.py \\
        ../shared/data/petrarch2/Phoenix.Countries.actors.txt \\
        -o src/dragoman/actors/data/institutions.jsonl

What is kept (see ``src/dragoman/actors/data/SOURCES.md``):

- Records whose undated code is a state of ``states.yaml`` followed by sector codes
  (``USASPY``, ``DEUGOVLEG``); territories (``USAGUM``), people (dated codes, or listed in
  ``DROP_RECORDS``), titles ("US Secretary of State": the coder builds those from an
  adjective and a role noun), think tanks and universities are left out.
- Phrases that are not in ``DROP_PHRASES`` (ambiguous across countries or with common
  words: "Senate", "Joint Chiefs of Staff", "EPA") and that our states, IGO and group
  dictionaries do not already name (their names win).
- Curated entries (``CURATED``) win over Phoenix's for the same name.

The output is sorted by code, then name, and is the same on every run.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from build_phoenix_groups import (
    DATA_DIR,
    Report,
    capital_aliases,
    case_word,
    codes_of,
    dictionary_forms,
    normalize,
    read_records,
)


def _codes(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Sector codes an institution's code may carry after its state (Phoenix's and ours).
SECTORS = _codes("GOV MIL COP JUD LEG SPY OPP BUS ENV DEV HLH AGR EDU LAB MED ELI REL")
#: Sectors that name the institution better than ``GOV`` before them (``GOVLEG`` -> ``LEG``).
SPECIFIC = ("LEG", "JUD", "SPY", "COP", "MIL")
#: Our state codes for Phoenix's.
STATE_FIXES = {"KSV": "XKX"}

#: Phoenix records left out, by their first phrase (upper case, as in Phoenix).
DROP_RECORDS: dict[str, str] = {
    # people, or groups that are not national institutions
    "DENG XIAOPING": "a person (people files)",
    "SIDDARAMAIAH": "a person",
    "HOSSEIN SHARIATMADARI": "a person",
    "MOHAMMED ALI ALLAHDADI": "a person",
    "SAMIR GEAGEA": "a person",
    "ALBIN KURTI": "a person",
    "EKMELEDDIN IHSANOGLU": "a person",
    "SELAHATTIN DEMIRTAS": "a person",
    "FETHULLAH GULEN": "a person",
    "EDWARD SNOWDEN": "a person",
    "AHMAD AWAD BIN MUBARAK": "a person",
    "BASHAR AL-ASSAD": "a person (people files)",
    "ERGENEKON": "an alleged network, not an institution",
    "PUSSY RIOT": "a protest group, not an institution",
    "DAMASCUS DECLARATION": "a movement (and people)",
    "ASSAD FORCES": "Syria's former government forces, named after a person",
    # titles: an adjective and a role noun already give them ("US Secretary of State")
    "KOSOVAR PRIME MINISTER": "a title",
    "PRESIDENT OF THE UNITED STATES": "a title",
    "AMERICAN VICE-PRESIDENT": "a title",
    "US SECRETARY OF STATE": "a title",
    "US SECRETARY OF DEFENSE": "a title",
    "US ATTORNEY GENERAL": "a title",
    "UNITED STATES SECRETARY OF HOMELAND SECURITY": "a title",
    "US AMBASSADOR TO THE UNITED NATIONS": "a title",
    "US TRADE REPRESENTATIVE": "a title",
    "DIRECTOR OF CENTRAL INTELLIGENCE": "a title",
    "GENERAL SECRETARY OF THE SOCIALIST UNITY PARTY": "a title (East Germany)",
    # out of scope
    "WASHINGTON-BASED THINK TANK": "think tanks comment on events (agents.yaml)",
    "GEORGETOWN UNIVERSITY": "a university",
    "PROVINCIAL RECONSTRUCTION TEAM": "units of the Afghan war, gone",
    "MINISTRY FOR STATE SECURITY": "East Germany's Stasi: a former state",
    "KURDISTAN REGIONAL GOVERNMENT": "curated (Iraqi Kurdistan's government, code IRQGOV)",
    "ABU MOHAMMAD AL JAWLANI": "a person (people files)",
    "ABU ABDUL 'AZIZ AL-QATARI": "a person",
    "FREE SYRIAN ARMY": "a rebel group (groups.jsonl)",
    "HAZM MOVEMENT": "a rebel group (groups.jsonl)",
    "SYRIAN REVOLUTIONARY FRONT": "a rebel group (groups.jsonl)",
    "JABHAT AL NUSRA": "a rebel group (groups.jsonl)",
    "MOVEMENT FOR JUSTICE AND DEVELOPMENT IN SYRIA": "an opposition group",
    "SYRIAN ISLAMIC FRONT": "a rebel group (groups.jsonl)",
    "AHRAR AL SHAM": "a rebel group (groups.jsonl)",
    "SUQOUR AL SHAM BRIGADE": "a rebel group (groups.jsonl)",
    "GHURABA AL-SHAM": "a rebel group (groups.jsonl)",
}

#: Phoenix phrases left out (upper case), and why.
DROP_PHRASES: dict[str, str] = {
    **dict.fromkeys(
        [
            "SENATE",
            "INTELLIGENCE COMMUNITY",
            "FEDERAL LAW ENFORCEMENT",
            "SUPREME COURT JUSTICES",
            "JOINT CHIEFS OF STAFF",
            "NATIONAL SECURITY COUNCIL",
            "NATIONAL SECURITY COUNCIL STAFF",
            "NATIONAL SECURITY STAFF",
            "NSC",
            "CENTRAL COMMAND",
            "PACIFIC COMMAND",
            "FEDERAL RESERVE",
            "GUARDIAN COUNCIL",
            "COUNCIL OF GUARDIANS",
            "COUNCIL OF EXPERTS",
            "ASSEMBLY OF EXPERTS",
            "SUPREME COUNCIL OF IRAN",
            "STATE COUNCIL OF THE PEOPLES REPUBLIC OF CHINA",
            "FEDERAL CHANCELLOR OF GERMANY",
            "GERMAN CHANCELLOR",
            "CHINESE CENTRAL COMMITTEE",
            "GENERAL SECRETARY OF THE CENTRAL COMMITTEE OF CHINA",
            "CHAIRMAN OF THE FEDERATION COUNCIL",
            "WHITE HOUSE OFFICIAL",
            "WHITE HOUSE SPOKESMAN",
            "WHITE HOUSE SPOKESWOMAN",
            "WHITE HOUSE SPOKESPERSON",
            "WHITE HOUSE PRESS SECRETARY",
            "WHITE HOUSE PRESS SECRETARY JAY CARNEY",
            "STATE DEPARTMENT OFFICIAL",
            "ISRAELI INTELLIGENCE COMMUNITY",
            "US INTELLIGENCE COMMUNITY",
            "FEDERAL SERVICE FOR MILITARY-TECHNICAL COOPERATION",
        ],
        "generic, a title or used for other countries",
    ),
    **dict.fromkeys(
        ["EPA", "DOJ", "OMB", "FTC", "OPIC", "OFDA", "PLA", "SECDEF", "RAW", "DIA"],
        "acronym that means other things in the news",
    ),
    **dict.fromkeys(
        ["REICHSTAG", "BUNDESREGIERUNG", "BUNDESKANZLER", "BUNDESRAT", "STAATSSICHERHEIT"],
        "German word or a building; Austria has a Bundesrat too",
    ),
    **dict.fromkeys(
        [
            "WEST WING",
            "WEST POINT",
            "MALACANANG PALACE",
            "WESTMINSTER PALACE",
            "RUSSIAN WHITE HOUSE",
        ],
        "a building or a school",
    ),
    **dict.fromkeys(
        [
            "HER MAJESTYS ARMED FORCES",
            "GOVERNMENT COMMUNICATIONA HEADQUARTERS",
            "DRUG ENFORCEMENT AGENCY",
            "PEOPLES LIBERATION ARMY",
            "PEOPLES LIBERATION ARMY NAVY",
            "NATIONAL PEOPLES CONGRESS",
            "STANDING COMMITTEE OF THE NATIONAL PEOPLES CONGRESS",
            "CHINESE PEOPLES POLITICAL CONSULTATIVE CONGRESS",
            "GOVERNMENT COMMUNICATIONS HEADQUARTERS",
            "U.S.-VICE PRESIDENT",
            "CHINESE PEOPLE'S POLITICAL CONSULTATIVE CONGRESS",
        ],
        "misspelled or outdated (the curated list has the right form)",
    ),
    "JOHN KIRBY": "a person (people files)",
    "MASOUD BARZANI": "a person (people files)",
}

#: Upper-case words of Phoenix phrases that stay in capitals.
ACRONYMS = _codes(
    "CIA NSA FBI DEA USAID OFDA ODNI DARPA CENTCOM PACOM EUCOM AFRICOM NORTHCOM SOUTHCOM "
    "SOCOM STRATCOM TRANSCOM DOD SCOTUS FEMA USDA NASA IDF FSB ANSF CPPCC NPC GCHQ DGSE DCRI "
    "KRG ISI MI5 MI6 EXIM US U.S. PLA NSC"
)

#: Curated entries (ours): code, name, aliases. Their names win over Phoenix's.
CURATED: list[tuple[str, str, list[str]]] = [
    # United States
    (
        "USAGOV",
        "State Department",
        [
            "U.S. State Department",
            "US State Department",
            "Department of State",
            "U.S. Department of State",
        ],
    ),
    (
        "USAGOV",
        "Treasury Department",
        ["U.S. Treasury", "US Treasury", "U.S. Treasury Department", "Department of the Treasury"],
    ),
    (
        "USAGOV",
        "Justice Department",
        [
            "U.S. Justice Department",
            "US Justice Department",
            "Department of Justice",
            "U.S. Department of Justice",
        ],
    ),
    ("USAGOV", "Commerce Department", ["U.S. Commerce Department", "Department of Commerce"]),
    ("USAGOV", "Department of Homeland Security", ["Homeland Security Department", "DHS"]),
    ("USAGOV", "U.S. National Security Council", ["US National Security Council"]),
    ("USAGOV", "Department of Government Efficiency", ["DOGE"]),
    # "White House Press Secretary" is a title, but "Press" would read as the media
    ("USAGOV", "White House Press Secretary", ["White House press secretary"]),
    ("USAGOV", "U.S. Federal Reserve", ["US Federal Reserve"]),
    (
        "USAMIL",
        "Pentagon",
        [
            "Department of Defense",
            "Defense Department",
            "U.S. Department of Defense",
            "Department of War",
            "War Department",
            "U.S. Army",
            "US Army",
            "U.S. Navy",
            "US Navy",
            "U.S. Air Force",
            "US Air Force",
            "U.S. Marine Corps",
            "U.S. Marines",
            "U.S. Space Force",
            "U.S. Coast Guard",
            "US Coast Guard",
            "U.S. Central Command",
            "US Central Command",
            "U.S. Africa Command",
            "U.S. European Command",
            "U.S. Southern Command",
            "U.S. Indo-Pacific Command",
            "INDOPACOM",
            "U.S. Joint Chiefs of Staff",
            "DoD",
        ],
    ),
    (
        "USASPY",
        "CIA",
        [
            "Central Intelligence Agency",
            "Office of the Director of National Intelligence",
            "National Security Agency",
            "Defense Intelligence Agency",
        ],
    ),
    (
        "USACOP",
        "FBI",
        [
            "Federal Bureau of Investigation",
            "Drug Enforcement Administration",
            "DEA",
            "Immigration and Customs Enforcement",
            "U.S. Immigration and Customs Enforcement",
            "ICE",
            "Customs and Border Protection",
            "U.S. Customs and Border Protection",
            "CBP",
            "U.S. Border Patrol",
            "Border Patrol",
            "U.S. Secret Service",
            "US Secret Service",
        ],
    ),
    (
        "USALEG",
        "U.S. Congress",
        [
            "US Congress",
            "United States Congress",
            "U.S. Senate",
            "US Senate",
            "U.S. House of Representatives",
            "US House of Representatives",
            "U.S. House",
            "Senate Foreign Relations Committee",
            "House Foreign Affairs Committee",
            "Senate Armed Services Committee",
            "House Armed Services Committee",
            "Senate Intelligence Committee",
            "House Intelligence Committee",
        ],
    ),
    (
        "USAJUD",
        "U.S. Supreme Court",
        ["US Supreme Court", "Supreme Court of the United States", "SCOTUS"],
    ),
    # Russia
    ("RUSLEG", "State Duma", ["Duma", "Russian Duma", "Federation Council"]),
    ("RUSSPY", "FSB", ["Federal Security Service", "SVR", "GRU"]),
    ("RUSMIL", "Africa Corps", ["Rosgvardia", "Russian National Guard"]),
    ("RUSGOV", "Roskomnadzor", []),
    # Ukraine
    ("UKRLEG", "Verkhovna Rada", ["Rada"]),
    (
        "UKRSPY",
        "SBU",
        ["Security Service of Ukraine", "HUR", "GUR", "Ukraine's Main Intelligence Directorate"],
    ),
    ("UKRCOP", "National Anti-Corruption Bureau of Ukraine", ["NABU"]),
    # Israel
    ("ISRLEG", "Knesset", []),
    (
        "ISRMIL",
        "IDF",
        [
            "Israel Defense Forces",
            "Israel Defence Forces",
            "Israeli Defense Forces",
            "Israeli Defence Forces",
            "COGAT",
        ],
    ),
    ("ISRSPY", "Mossad", ["Shin Bet", "Shabak", "Israel Security Agency"]),
    ("ISRCOP", "Israel Police", []),
    # Iran
    (
        "IRNMIL",
        "IRGC",
        [
            "Islamic Revolutionary Guard Corps",
            "Iranian Revolutionary Guard Corps",
            "Revolutionary Guard Corps",
            "Revolutionary Guard",
            "Revolutionary Guards",
            "Quds Force",
            "Basij",
        ],
    ),
    ("IRNLEG", "Islamic Consultative Assembly", ["Guardian Council", "Assembly of Experts"]),
    # United Kingdom
    (
        "GBRSPY",
        "MI6",
        ["MI5", "GCHQ", "Secret Intelligence Service", "Government Communications Headquarters"],
    ),
    ("GBRMIL", "British Army", ["Royal Navy", "Royal Air Force", "RAF", "Royal Marines"]),
    ("GBRGOV", "Foreign, Commonwealth and Development Office", ["FCDO"]),
    ("GBRLEG", "House of Lords", []),
    # Germany, France, Poland
    ("DEULEG", "Bundestag", []),
    ("DEUMIL", "Bundeswehr", []),
    ("DEUSPY", "BND", ["BfV", "Federal Office for the Protection of the Constitution"]),
    ("DEUJUD", "Federal Constitutional Court", []),
    ("FRASPY", "DGSE", ["DGSI"]),
    ("POLLEG", "Sejm", []),
    # China, Koreas, Japan, Taiwan, Hong Kong
    (
        "CHNMIL",
        "People's Liberation Army",
        [
            "PLA",
            "PLA Navy",
            "PLA Air Force",
            "PLA Rocket Force",
            "China Coast Guard",
            "Chinese Coast Guard",
            "Eastern Theater Command",
        ],
    ),
    (
        "CHNLEG",
        "National People's Congress",
        [
            "NPC",
            "Standing Committee of the National People's Congress",
            "Chinese People's Political Consultative Conference",
            "CPPCC",
        ],
    ),
    (
        "CHNGOV",
        "Chinese Communist Party",
        ["Communist Party of China", "CCP", "CPC", "Taiwan Affairs Office"],
    ),
    ("PRKMIL", "Korean People's Army", ["KPA"]),
    (
        "JPNMIL",
        "Japan Self-Defense Forces",
        ["Japanese Self-Defense Forces", "Self-Defense Forces"],
    ),
    ("JPNLEG", "National Diet", []),
    ("TWNLEG", "Legislative Yuan", []),
    ("HKGLEG", "LegCo", []),
    # South and Central Asia
    ("INDLEG", "Lok Sabha", ["Rajya Sabha"]),
    ("INDSPY", "Research and Analysis Wing", ["R&AW"]),
    (
        "INDCOP",
        "National Investigation Agency",
        ["Central Bureau of Investigation", "Enforcement Directorate"],
    ),
    ("JPNMIL", "JSDF", []),
    ("INDMIL", "Border Security Force", ["BSF"]),
    ("PAKSPY", "ISI", ["Inter-Services Intelligence"]),
    ("PAKMIL", "Inter-Services Public Relations", ["ISPR"]),
    ("KAZLEG", "Mazhilis", ["Majilis"]),
    ("KAZSPY", "National Security Committee of Kazakhstan", ["KNB"]),
    # Middle East, Africa, Americas, others
    (
        "TURLEG",
        "Grand National Assembly of Turkey",
        ["Turkish Grand National Assembly", "Grand National Assembly"],
    ),
    ("TURSPY", "National Intelligence Organization", []),
    ("IRQGOV", "Kurdistan Regional Government", ["KRG"]),
    ("IRQMIL", "Popular Mobilization Forces", ["Popular Mobilisation Forces", "Hashd al-Shaabi"]),
    ("MMRMIL", "Tatmadaw", []),
    ("SDNGOV", "Sovereignty Council", ["Sovereign Council"]),
    ("ZAFMIL", "South African National Defence Force", ["SANDF"]),
    ("NGASPY", "Department of State Services", []),
    ("NGACOP", "Economic and Financial Crimes Commission", ["EFCC"]),
    ("CANCOP", "Royal Canadian Mounted Police", ["RCMP"]),
    ("BRAGOV", "Itamaraty", []),
]

#: Acronyms that name an actor only in a story that names one of the states (ours):
#: code, acronym, states. "RSF" is also Reporters Without Borders, "SDF" Japan's forces,
#: "ADF" Australia's, "SAF" Singapore's, "MIT" a university, "CBI" a British lobby.
IN_CONTEXT: list[tuple[str, str, list[str]]] = [
    ("SDNREBRSF", "RSF", ["SDN"]),
    ("SDNMIL", "SAF", ["SDN"]),
    ("SYRREBSDF", "SDF", ["SYR"]),
    ("CODREBADF", "ADF", ["COD", "UGA"]),
    ("IRQMIL", "PMF", ["IRQ"]),
    ("LBNMIL", "LAF", ["LBN"]),
    ("TURSPY", "MIT", ["TUR"]),
    ("IRNLEG", "Majlis", ["IRN"]),
    ("INDCOP", "NIA", ["IND"]),
    ("INDCOP", "CBI", ["IND"]),
    ("KORSPY", "NIS", ["KOR"]),
    # Kenya has a National Intelligence Service, North Korea a Ministry of State Security
    ("KORSPY", "National Intelligence Service", ["KOR"]),
    ("CHNSPY", "Ministry of State Security", ["CHN"]),
]

_STATE_THEN_SECTORS = re.compile(r"^([A-Z]{3})((?:[A-Z]{3})+)$")


def map_code(code: str, states: set[str]) -> str | None:
    """Return our code for a Phoenix institution code, or None if it is no institution's.

    ``ISRGOVLEG`` -> ``ISRLEG``; ``USAGOVENV`` -> ``USAGOV``; ``USAMILSPY`` -> ``USASPY``;
    ``USAGUM`` (a territory) -> None.
    """
    match = _STATE_THEN_SECTORS.match(code)
    if match is None:
        return None
    state = STATE_FIXES.get(match.group(1), match.group(1))
    sectors = [match.group(2)[i : i + 3] for i in range(0, len(match.group(2)), 3)]
    if state not in states or not all(s in SECTORS for s in sectors):
        return None
    specific = [s for s in sectors if s in SPECIFIC and s != "GOV"]
    sector = specific[-1] if specific and sectors[0] in ("GOV", "MIL") else sectors[0]
    if sector not in (*SPECIFIC, "GOV"):
        sector = "GOV"
    return state + sector


def fold(text: str) -> str:
    """Fold a name for comparison, "U.S." and "US" alike."""
    return re.sub(r"\bu s\b", "us", normalize(text))


def case_phrase(phrase: str, acronyms: set[str]) -> str:
    """Return a Phoenix phrase in the case news text writes it ("MI6", "Shin Bet")."""
    words = phrase.split()
    return " ".join(case_word(w, i == 0, acronyms) for i, w in enumerate(words))


def build(
    sources: Sequence[Path], states: Path, others: Sequence[Path], report: Report
) -> list[dict[str, object]]:
    """Return the entries (Phoenix's kept institutions and the curated ones), sorted."""
    state_codes = codes_of(states)
    named = ("name", "aliases", "adjectives", "demonyms", "capitals")
    taken = {fold(f) for f in dictionary_forms([states, *others], named)}
    acronyms = set(ACRONYMS) | capital_aliases([states])
    curated_forms = {fold(n) for _, name, aliases in CURATED for n in (name, *aliases)}
    curated_exact = {normalize(n) for _, name, aliases in CURATED for n in (name, *aliases)}
    # Phoenix's spellings of curated names ("US State Department" beside our "U.S. State
    # Department") are matched as written, so they join the curated entry.
    variants: dict[str, list[str]] = {}
    seen: set[str] = set()  # exact forms written (both "U.S. X" and "US X" are)
    entries: list[dict[str, object]] = []
    for path in sources:
        for record in read_records(path, report):
            code = map_code(record.code, state_codes)
            if code is None:
                report.add("record skipped: not a state + sector code", f"{record.code}")
                continue
            first = record.phrases[0]
            if first in DROP_RECORDS:
                report.add(f"record skipped: {DROP_RECORDS[first]}", first)
                continue
            names = []
            for phrase in record.phrases:
                if phrase in DROP_PHRASES:
                    report.add(f"phrase skipped: {DROP_PHRASES[phrase]}", phrase)
                    continue
                form = case_phrase(phrase, acronyms)
                key = fold(form)
                if key in taken:
                    report.add("phrase skipped: our states/IGO/group dictionaries name it", form)
                elif key in curated_forms:
                    if normalize(form) in curated_exact:
                        report.add("phrase skipped: in the curated list", form)
                    else:
                        variants.setdefault(key, []).append(form)
                        report.add("phrase moved: a spelling of a curated name", form)
                elif normalize(form) not in seen:
                    names.append(form)
                    seen.add(normalize(form))
            if not names:
                report.add("record skipped: no name left", first)
                continue
            note = f"{path.name.removesuffix('.actors.txt')} line {record.line}"
            entries.append({"code": code, "name": names[0], "aliases": names[1:], "note": note})
            report.counts["Phoenix records kept"] += 1
    for code, name, aliases in CURATED:
        spellings = [v for n in (name, *aliases) for v in variants.pop(fold(n), [])]
        kept = []
        for n in (name, *aliases):
            if fold(n) in taken or normalize(n) in seen:
                report.add("curated name skipped: named elsewhere or twice", n)
            else:
                kept.append(n)
        kept += [v for v in spellings if v not in kept]
        seen.update(normalize(n) for n in kept)
        if kept:
            entries.append(
                {"code": code, "name": kept[0], "aliases": kept[1:], "note": "ours (curated)"}
            )
            report.counts["curated entries"] += 1
    for code, acronym, states_named in IN_CONTEXT:
        if fold(acronym) in taken or normalize(acronym) in seen:
            report.add("name in context skipped: named elsewhere", acronym)
            continue
        entries.append(
            {"code": code, "name": acronym, "context": states_named, "note": "ours (curated)"}
        )
        report.counts["names valid in context"] += 1
    entries.sort(key=lambda e: (str(e["code"]), str(e["name"])))
    return entries


def to_json(entry: dict[str, object]) -> str:
    data = {k: v for k, v in entry.items() if v != []}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sources", nargs="+", type=Path, help="Phoenix.Countries.actors.txt")
    parser.add_argument("-o", "--output", type=Path, required=True, help="output JSONL file")
    parser.add_argument(
        "--states", type=Path, default=DATA_DIR / "states.yaml", help="states dictionary"
    )
    parser.add_argument(
        "--names-win",
        type=Path,
        action="append",
        help="dictionaries whose names win (default: the shipped igos.yaml, groups.jsonl)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="list every skip")
    args = parser.parse_args(argv)
    others = args.names_win or [DATA_DIR / "igos.yaml", DATA_DIR / "groups.jsonl"]
    report = Report()
    entries = build(args.sources, args.states, others, report)
    args.output.write_text("".join(to_json(e) + "\n" for e in entries), encoding="utf-8")
    counts: Counter[str] = report.counts
    for reason, count in sorted(counts.items()):
        print(f"{count:7d}  {reason}", file=sys.stderr)
        items = report.items.get(reason, [])
        for item in items if args.verbose else items[:3]:
            print(f"           {item}", file=sys.stderr)
    names = sum(1 + len(e.get("aliases", [])) for e in entries)  # type: ignore[arg-type]
    print(f"{len(entries):7d}  entries written to {args.output} ({names} names)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
