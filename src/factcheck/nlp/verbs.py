"""Verb classes the stages share: verbs whose object names the event ("carry out an attack")."""

from __future__ import annotations

# A light verb's own meaning is thin: the event is its object's noun ("held talks", "staged a protest").
LIGHT_VERBS = frozenset(
    {"conduct", "carry", "hold", "make", "take", "stage", "perform", "witness", "mark", "undertake", "execute"}
)

# Verbs that arrange an event rather than tell it: "elections planned for December 15", "the vote was postponed
# to May 5", "plans to hold the summit on June 2". A date on them dates the event they arrange.
ARRANGING_VERBS = frozenset(
    {"plan", "schedule", "reschedule", "set", "slate", "call", "organize", "organise", "arrange", "postpone", "delay"}
)

# Verbs that only pass news on: a date on them is when it was told. Not the speech verbs that are acts of their own
# ("will ask the Queen on Monday", "the winner will be announced on 14 March", "denied the charge on June 3").
REPORTING_VERBS = frozenset({"say", "tell", "report", "add", "note", "comment", "explain", "state"})
