"""Verb classes the stages share: verbs whose object names the event ("carry out an attack")."""

from __future__ import annotations

# A light verb's own meaning is thin: the event is its object's noun ("held talks", "staged a protest").
LIGHT_VERBS = frozenset(
    {"conduct", "carry", "hold", "make", "take", "stage", "perform", "witness", "mark", "undertake", "execute"}
)
