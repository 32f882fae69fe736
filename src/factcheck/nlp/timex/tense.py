"""The tense of the clause around a time expression, which decides how an underspecified date is read."""

from __future__ import annotations

import re

from factcheck.nlp.timex.lexicon import MONTH, WEEKDAY

# Verb groups that tell the clause's time. A future group wins over a participle inside it ("will be
# completed"); the group nearest the expression decides.
_FUTURE_GROUP = re.compile(
    r"\b(?:will|won't|shall|should|could|(?-i:may)|might|would|going\s+to|plans?\s+to|planned\s+to|planning\s+to"
    r"|intends?\s+to|aims?\s+to|hopes?\s+to|expects?\s+to|(?:is|are|was|were)\s+(?:expected|scheduled|set|due|slated|likely\s+to|to)"
    r"|scheduled|upcoming|until|till)\b(?:\s+(?:not|also|still|then|soon|likely|now|be|have|been)\b)*(?:\s+[a-z]+\b)?",
    re.IGNORECASE,
)
_PAST_GROUP = re.compile(
    r"\b(?:was|were|had|did|said|told|rose|fell|made|took|began|came|went|saw|won|lost|sold|bought|paid|held"
    r"|left|met|ran|grew|gave|got|kept|led|spent|struck|wrote|became|brought|thought|found|fought|shut|hit\s+(?:a|an|the|its)"
    r"|ago|earlier|previously|last"
    r"|(?<![A-Z])(?!(?:need|seed|speed|feed|breed|exceed|proceed|succeed|red|bed|shed|wed|indeed|naked|wicked|sacred"
    r"|hundred|kindred|based|related|limited|united|expected|scheduled|planned|slated|interested)\b)[a-z]{2,}ed"
    r"|taken|given|written|spoken|chosen|broken|fallen|risen|driven|beaten|forgotten|hidden|stolen|frozen|shaken"
    r"|proven|seen|been|grown|shown|known|thrown|drawn|sworn|worn|torn)\b",
)
# A day an act is put to: "set sentencing for Sept. 12", "scheduled the vote for Monday". Whatever the verb's tense,
# what is set is still to come when it is set, so the date reads forward. Only a named month or weekday: "set a
# record for the third quarter" names a period the record is of, not a day the act is put to.
_SET_FOR = re.compile(
    r"\b(?:set|sets|setting|scheduled?|schedules|scheduling|rescheduled?|reschedules|slated|postponed?"
    r"|postpones|adjourned?|adjourns|pushed\s+back|put\s+off)\b(?:\s+[\w'\u2019-]+){0,5}?\s+for\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# A clause opened by "when" with no verb group that tells its time speaks of what is still to come: "faces ten
# years in prison when the judge sentences him in September". Not "once", which as often means "formerly".
_NAMES_A_DAY = re.compile(rf"(?:{MONTH}|{WEEKDAY})")
_WHEN = re.compile(r"\b(?:when|as\s+soon\s+as)\b", re.IGNORECASE)
_INFINITIVE = re.compile(r"\bto\s+$", re.IGNORECASE)
# Who says it, after a comma ("will resume sailings on Wednesday, the operator said", ", said Mayor Jane Roe"): the
# telling's tense, not the clause's. Nearest the date, it read a coming Wednesday as the one before the dateline.
_TOLD_AFTER = re.compile(
    r",\s+(?:[^\s,]+\s+){0,6}?(?:said|says|told|tells|added|adds|reported|reports|confirmed|confirms|announced"
    r"|announces|stated|states|wrote|writes)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(
    r"[.!?;:]\s|\n|,\s+(?:which|while|but|although|though|and\s+(?:will|is|are))\b|\s(?:--|\u2013|\u2014)\s"
)


def clause_tense(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """The tense of the clause around ``text[start:end]`` and the words that tell it.

    ("past", "announced"), ("future", "will be completed"), or (None, None) when the clause has no
    verb group that says. The group nearest the expression decides, so "announced in January, in
    which jobs should be cut" is past.
    """
    before = text[max(0, start - 160) : start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    set_for = _SET_FOR.search(before)
    if set_for and _NAMES_A_DAY.match(text, start, end):
        return "future", " ".join(set_for.group().split())
    after = text[end : end + 160]
    stop = _CLAUSE_BREAK.search(after)
    if stop:
        after = after[: stop.start()]
    told = _TOLD_AFTER.search(after)
    if told:
        after = after[: told.start()]
    cues: list[tuple[int, str, str]] = []  # (distance, tense, words)
    for part, distance_of in ((before, lambda found: len(before) - found.end()), (after, lambda found: found.start())):
        future_spans = [found.span() for found in _FUTURE_GROUP.finditer(part)]
        for found in _FUTURE_GROUP.finditer(part):
            cues.append((distance_of(found), "future", found.group()))
        for found in _PAST_GROUP.finditer(part):
            # A participle inside a future group ("will be completed") belongs to that group, and a verb after "to"
            # is an infinitive whatever its form ("is set to shut", "due to hit").
            if not any(low <= found.start() < high for low, high in future_spans) and not _INFINITIVE.search(
                part, 0, found.start()
            ):
                cues.append((distance_of(found), "past", found.group()))
    if not cues:  # no verb group says: a "when" clause tells what is to come
        cues.extend((len(before) - found.end(), "future", found.group()) for found in _WHEN.finditer(before))
    if not cues:
        return None, None
    distance, tense, words = min(cues, key=lambda cue: (cue[0], cue[1] != "future"))
    return tense, " ".join(words.split())


def reading_direction(text: str, start: int, end: int) -> tuple[bool, str]:
    """Whether to read an underspecified date forwards, and the reason in words."""
    tense, words = clause_tense(text, start, end)
    if tense == "future":
        return True, f"the clause speaks of the future ('{words}')"
    if tense == "past":
        return False, f"the clause is in the past ('{words}')"
    return False, "no tense in the clause; news reports mostly what has happened"


_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n\s*\n")
