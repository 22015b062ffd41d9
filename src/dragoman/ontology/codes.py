"""CAMEO codes the coding rules name, each named once (``ROOT_*`` are two-digit roots).

The rules test and produce these codes; the codebook's names and scores stay in
``data/`` (see :func:`dragoman.ontology.cameo`). A test checks that every constant here is a
code of the shipped codebook with the name given in its comment.
"""

from __future__ import annotations

from typing import Final

# --- roots (a code's first two digits)
ROOT_STATEMENT: Final = "01"  # Make statement
ROOT_APPEAL: Final = "02"  # Make an appeal or request
ROOT_INTENT: Final = "03"  # Express intent to cooperate
ROOT_CONSULT: Final = "04"  # Consult
ROOT_DIPLOMATIC_COOPERATION: Final = "05"  # Engage in diplomatic cooperation
ROOT_MATERIAL_COOPERATION: Final = "06"  # Engage in material cooperation
ROOT_AID: Final = "07"  # Provide aid
ROOT_YIELD: Final = "08"  # Yield
ROOT_INVESTIGATE: Final = "09"  # Investigate
ROOT_DEMAND: Final = "10"  # Demand
ROOT_DISAPPROVE: Final = "11"  # Disapprove
ROOT_REJECT: Final = "12"  # Reject
ROOT_THREATEN: Final = "13"  # Threaten
ROOT_PROTEST: Final = "14"  # Engage in political dissent
ROOT_FORCE_POSTURE: Final = "15"  # Demonstrate military or police power
ROOT_REDUCE_RELATIONS: Final = "16"  # Reduce relations
ROOT_COERCE: Final = "17"  # Coerce
ROOT_ASSAULT: Final = "18"  # Use unconventional violence
ROOT_FIGHT: Final = "19"  # Use conventional military force
ROOT_MASS_VIOLENCE: Final = "20"  # Use unconventional mass violence

# --- codes
STATEMENT: Final = "010"  # Make statement
PESSIMISTIC_COMMENT: Final = "012"  # Make pessimistic comment
OPTIMISTIC_COMMENT: Final = "013"  # Make optimistic comment
DENY_RESPONSIBILITY: Final = "016"  # Deny responsibility
APPEAL: Final = "020"  # Make an appeal or request
APPEAL_SUPPORT: Final = "022"  # Appeal for diplomatic cooperation (such as policy support)
APPEAL_POLITICAL_REFORM: Final = "024"  # Appeal for political reform
APPEAL_SETTLE_DISPUTE: Final = "027"  # Appeal to others to settle dispute
INTENT: Final = "030"  # Express intent to cooperate
INTENT_COOPERATE_MILITARILY: Final = "0312"  # Express intent to cooperate militarily
INTENT_POLITICAL_REFORM: Final = "034"  # Express intent to institute political reform
INTENT_EASE_SANCTIONS: Final = "0351"  # Express intent to ease administrative sanctions
INTENT_EASE_DISSENT: Final = "0352"  # Express intent to ease popular dissent
INTENT_SETTLE_DISPUTE: Final = "037"  # Express intent to settle dispute
CONSULT: Final = "040"  # Consult
DISCUSS_BY_TELEPHONE: Final = "041"  # Discuss by telephone
VISIT: Final = "042"  # Make a visit
HOST_VISIT: Final = "043"  # Host a visit
MEET_AT_THIRD_LOCATION: Final = "044"  # Meet at a 'third' location
NEGOTIATE: Final = "046"  # Engage in negotiation
PRAISE_OR_ENDORSE: Final = "051"  # Praise or endorse
DISAPPROVE: Final = "110"  # Disapprove
RALLY_SUPPORT: Final = "053"  # Rally support on behalf of
SIGN_FORMAL_AGREEMENT: Final = "057"  # Sign formal agreement
COOPERATE_MILITARILY: Final = "062"  # Cooperate militarily
PEACEKEEPING: Final = "074"  # Provide military protection or peacekeeping
YIELD: Final = "080"  # Yield
EASE_SANCTIONS: Final = "081"  # Ease administrative sanctions
EASE_DISSENT: Final = "082"  # Ease political dissent
ACCEDE_POLITICAL_REFORM: Final = "083"  # Accede to requests or demands for political reform
ACCEDE_RIGHTS: Final = "0833"  # Accede to demands for rights
RECEIVE_PEACEKEEPERS: Final = "0861"  # Receive deployment of peacekeepers
DE_ESCALATE: Final = "087"  # De-escalate military engagement
INVESTIGATE: Final = "090"  # Investigate
INVESTIGATE_CRIME: Final = "091"  # Investigate crime, corruption
DEMAND: Final = "100"  # Demand
DEMAND_POLITICAL_REFORM: Final = "104"  # Demand political reform
DEMAND_SETTLE_DISPUTE: Final = "107"  # Demand settling of dispute
ACCUSE: Final = "112"  # Accuse
FIND_GUILTY: Final = "116"  # find guilty or liable (legally)
REJECT: Final = "120"  # Reject
REJECT_POLITICAL_REFORM: Final = "123"  # Reject request or demand for political reform
REFUSE_EASE_SANCTIONS: Final = "1241"  # Refuse to ease administrative sanctions
REFUSE_EASE_DISSENT: Final = "1242"  # Refuse to ease popular dissent
REJECT_SETTLEMENT: Final = "127"  # Reject plan, agreement to settle dispute
THREATEN: Final = "130"  # Threaten
THREATEN_SANCTIONS: Final = "132"  # Threaten with administrative sanctions
THREATEN_FORCE: Final = "138"  # Threaten with military force
DEMONSTRATE: Final = "141"  # Demonstrate or rally
HUNGER_STRIKE: Final = "142"  # Conduct hunger strike
STRIKE_OR_BOYCOTT: Final = "143"  # Conduct strike or boycott
OBSTRUCT_PASSAGE: Final = "144"  # Obstruct passage, block
RIOT: Final = "145"  # Protest violently, riot
FORCE_POSTURE: Final = "150"  # Demonstrate military or police power
REDUCE_RELATIONS: Final = "160"  # Reduce relations
HALT_NEGOTIATIONS: Final = "164"  # Halt negotiations
SEIZE_PROPERTY: Final = "171"  # Seize or damage property
IMPOSE_SANCTIONS: Final = "172"  # Impose administrative sanctions
ARREST: Final = "173"  # Arrest, detain, or charge with legal action
EXPEL: Final = "174"  # Expel or deport individuals
VIOLENT_REPRESSION: Final = "175"  # Use tactics of violent repression
ASSAULT: Final = "180"  # Use unconventional violence
SUICIDE_BOMBING: Final = "1831"  # Carry out suicide bombing
FIGHT: Final = "190"  # Use conventional military force
ARTILLERY_AND_TANKS: Final = "194"  # fight with artillery and tanks
AERIAL_WEAPONS: Final = "195"  # Employ aerial weapons
MASS_VIOLENCE: Final = "200"  # Use unconventional mass violence
