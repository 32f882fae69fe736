"""FC004 attribution-conflict: one person given two different affiliations or titles."""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from factcheck.checks.base import Check, CheckContext
from factcheck.model import Corpus, Document, Finding, Severity, Span
from factcheck.nlp.names import RANKS, PersonName, is_honorific, resolve_mention, role_words, same_person

_AFFILIATION_NOISE = frozenset({"the", "a", "an", "at", "from", "of", "with", "for", "in", "and", "&"})


def normalise_affiliation(text: str | None) -> str:
    """Case, articles and leading prepositions folded: "from the Institute" -> "institute"."""
    if not text:
        return ""
    words = re.findall(r"\w+", text.casefold().replace(".", ""))
    while words and words[0] in _AFFILIATION_NOISE:
        words.pop(0)
    return " ".join(words)


# Words that make an affiliation an organisation rather than a party label or a place.
_ORGANISATION_WORDS = frozenset(
    {
        "institute",
        "institution",
        "university",
        "college",
        "school",
        "center",
        "centre",
        "council",
        "agency",
        "ministry",
        "department",
        "company",
        "corporation",
        "corp",
        "inc",
        "ltd",
        "llc",
        "plc",
        "foundation",
        "association",
        "society",
        "command",
        "office",
        "bank",
        "group",
        "committee",
        "commission",
        "forum",
        "coalition",
        "laboratory",
        "lab",
        "academy",
        "bureau",
        "board",
        "authority",
        "service",
        "organisation",
        "organization",
        "network",
        "trust",
        "fund",
        "union",
        "federation",
        "hospital",
        "court",
        "parliament",
        "congress",
        "senate",
        "newspaper",
        "times",
        "post",
        "journal",
        "press",
        "studies",
        "program",
        "programme",
        "project",
        "initiative",
        "force",
        "army",
        "navy",
        "police",
        "party",
        "club",
        "team",
        "museum",
    }
)
# Framing that makes a role a past one ("former chief", "ex-minister", "then director").
_FORMER = re.compile(r"\b(?:former(?:ly)?|ex|erstwhile|retired|then|late|onetime|one-time|previously|until)\b", re.I)


def organisation_like(raw: str | None) -> bool:
    """Whether an affiliation names an organisation that can be compared.

    A single adjective or label ("Conservative", "Tory") is not compared: two different words
    may name one party. Organisations: an organisation word, several capitalised words, or
    an acronym ("CSIS").
    """
    if not raw:
        return False
    words = [word for word in re.findall(r"[\w.&'-]+", raw) if not is_honorific(word)]
    folded = {word.casefold().strip(".") for word in words}
    if folded & _ORGANISATION_WORDS:
        return True
    capitalised = [word for word in words if word[:1].isupper()]
    if len(capitalised) >= 2 and len(capitalised) == len([w for w in words if w.casefold() not in _AFFILIATION_NOISE]):
        return True
    return len(words) == 1 and words[0].replace(".", "").isupper() and len(words[0].replace(".", "")) >= 2


def _acronym(text: str) -> str:
    words = [word for word in text.split() if word not in _AFFILIATION_NOISE]
    return "".join(word[0] for word in words) if len(words) >= 2 else ""


def affiliations_agree(a: str, b: str) -> bool:
    """Same organisation: equal, one inside the other, or one the acronym of the other."""
    if not a or not b:
        return True
    if a == b or a in b or b in a:
        return True
    a_words, b_words = a.split(), b.split()
    if (len(a_words) == 1 and a_words[0] == _acronym(b)) or (len(b_words) == 1 and b_words[0] == _acronym(a)):
        return True
    # A span that lost its leading words ("Natural Gas Corporation" for "Oil and Natural Gas
    # Corporation") still names the organisation whose acronym ends with its own ("ONGC").
    for short, long_words in ((a_words, b_words), (b_words, a_words)):
        organisation = [word for word in long_words if word not in _AFFILIATION_NOISE]
        while organisation and organisation[-1] not in _ORGANISATION_WORDS:
            organisation.pop()  # trailing role words: "corporation chairman" -> "corporation"
        initials = "".join(word[0] for word in organisation)
        if len(short) == 1 and len(initials) >= 3 and short[0].endswith(initials):
            return True
    return False


def _stem(word: str) -> str:
    from factcheck.nlp.align import stem

    return stem(word)


def title_conflict_kind(a: str | None, b: str | None) -> str | None:
    """How two titles of one person differ: "rank", "modifier", "role", or None when one covers the other.

    Open-class: no list of offices. Honorifics never count; a title that is part of the
    other ("Professor" / "Professor of Law", "Gen." / "Lieutenant General" with the rank
    agreeing) or the other's abbreviation (CEO / chief executive officer) is the same title.
    Otherwise: two different military ranks -> "rank"; the same head noun with different
    modifiers ("chief executive officer" / "chief financial officer", "head coach" /
    "assistant coach": two posts of one kind, which one person does not hold at once) ->
    "modifier"; different head nouns ("actress" / "star", "coach" / "general manager") ->
    "role", which is a conflict only where the context shows it (see the check).
    """
    if not a or not b:
        return None
    left, right = role_words(a), role_words(b)
    if not left or not right:
        return None
    left_stems, right_stems = [_stem(word) for word in left], [_stem(word) for word in right]
    if set(left_stems) <= set(right_stems) or set(right_stems) <= set(left_stems):
        return None
    left_ranks = [word for word in left if word in RANKS]
    right_ranks = [word for word in right if word in RANKS]
    if left_ranks and right_ranks:
        return "rank" if left_ranks != right_ranks else None
    if left_stems[-1] == right_stems[-1]:
        return "modifier"
    return "role"


def titles_conflict(a: str | None, b: str | None) -> bool:
    """Two titles that cannot both be current whatever the context: two ranks, or two posts of one kind."""
    return title_conflict_kind(a, b) in ("rank", "modifier")


def ranks_conflict(a: str | None, b: str | None) -> bool:
    """Two titles that conflict as ranks ("Col." and "Gen.")."""
    return title_conflict_kind(a, b) == "rank"


def clean_role(text: str | None) -> str | None:
    """A title or affiliation, or None when it is only an honorific or runs into one.

    Extraction spans sometimes run on into the next name's honorific ("ONGC's Mr",
    "chief executive. Mr"): such a span is not a role anyone was given.
    """
    if not text:
        return None
    words = re.findall(r"[\w.&'’-]+", text)
    if not words or is_honorific(words[-1]):
        return None
    return text


# Words that make a phrase a description or a clause rather than a title: numbers and ordinals
# ("the third woman", "a 12-year department veteran"), quantifiers and pronouns ("one of
# Orozco's"), auxiliaries and relatives ("will be the host", "whose hosting").
_NOT_IN_TITLE = frozenset(
    """first second third fourth fifth sixth seventh eighth ninth tenth last latest next new
one two three four five six seven eight nine ten year years old whose who which that will would be is was were been has
have had his her their its our my your this these those some many several all both each other another""".split()
)


def plausible_title(title: str | None, name: str) -> str | None:
    """The title, or None when it reads as a description or a clause rather than a role.

    A role is a short noun phrase of words ("coach", "chief financial officer", "Police
    Chief"): no numbers, no clause words, no verb forms in -ing, not the person's own name.
    """
    if not title:
        return None
    words = re.findall(r"[^\W\d_][\w.&'’-]*|\d+", title)
    if not words or len(words) > 5 or any(word[:1].isdigit() for word in words):
        return None
    folded = [word.casefold().strip(".") for word in words]
    if any(word in _NOT_IN_TITLE or word.endswith(("'s", "’s")) for word in folded):
        return None
    if any(word.endswith("ing") and len(word) > 5 for word in folded):
        return None  # "explaining", "hosting": a clause ran into the title
    parsed = PersonName.parse(name)
    name_words = set(parsed.tokens) if parsed is not None else set()
    if name_words & {word.replace(".", "") for word in folded}:
        return None
    return title


@dataclass(frozen=True)
class Mention:
    """One place a text says who a person is."""

    doc: str
    name: str
    name_span: Span
    title: str | None
    affiliation: str | None
    role_span: Span | None
    former: bool
    claim: str = ""  # the id of the claim that holds the mention

    @property
    def evidence(self) -> Span:
        return self.role_span or self.name_span


def _is_full(name: str) -> bool:
    parsed = PersonName.parse(name)
    return parsed is not None and not parsed.is_single


def collect_mentions(corpus: Corpus) -> list[Mention]:
    """Person mentions with a title or affiliation, surnames resolved to earlier full mentions."""
    mentions: list[Mention] = []
    for document in sorted(corpus.documents, key=lambda doc: doc.id):
        raw: list[tuple[int, Mention]] = []
        for claim in corpus.claims_of(document.id):
            for actor in claim.actors:
                if actor.label == "PERSON":
                    raw.append(
                        (
                            actor.span.start,
                            Mention(
                                document.id,
                                actor.name,
                                actor.span,
                                actor.title,
                                actor.affiliation,
                                actor.role_span,
                                actor.former,
                                claim.id,
                            ),
                        )
                    )
            quote = claim.quote
            if quote is not None and quote.speaker and quote.speaker_span is not None:
                raw.append(
                    (
                        quote.speaker_span.start,
                        Mention(
                            document.id,
                            quote.speaker,
                            quote.speaker_span,
                            quote.speaker_title,
                            quote.speaker_affiliation,
                            None,
                            quote.framing == "past",
                            claim.id,
                        ),
                    )
                )
        raw.sort(key=lambda item: (item[0], item[1].name))
        known: list[str] = []
        for _, mention in raw:
            name = mention.name
            if _is_full(name):
                known.append(name)
            else:
                resolved = resolve_mention(name, known)
                if resolved is None:
                    continue
                name = resolved
            title, affiliation = plausible_title(clean_role(mention.title), name), clean_role(mention.affiliation)
            if mention.role_span is not None and clean_role(mention.role_span.text) is None:
                title = affiliation = None  # the role span ran on into the next name's "Mr"
            if title or affiliation:
                mentions.append(
                    Mention(
                        mention.doc,
                        name,
                        mention.name_span,
                        title,
                        affiliation,
                        mention.role_span,
                        mention.former,
                        mention.claim,
                    )
                )
    return mentions


def _describe(mention: Mention) -> str:
    parts = []
    if mention.title:
        parts.append(mention.title)
    if mention.affiliation:
        parts.append(f"at {mention.affiliation}" if mention.title else mention.affiliation)
    text = " ".join(parts)
    if mention.role_span is not None:
        text = mention.role_span.text
    return repr(text)


@dataclass
class _Person:
    """One person: the full name first seen, and every mention of them."""

    name: str
    parsed: PersonName
    mentions: list[Mention]


def group_people(mentions: list[Mention], aliases: dict[str, str] | None) -> list[_Person]:
    """Mentions grouped into people, near-linear: by surname, then by name form within a surname.

    Each mention is compared with the few people already known under its surname, never
    with every other mention.
    """
    by_surname: dict[str, list[_Person]] = defaultdict(list)
    people: list[_Person] = []
    for mention in sorted(mentions, key=lambda m: (m.doc, m.name_span.start)):
        parsed = PersonName.parse(mention.name)
        if parsed is None:
            continue
        known = by_surname[parsed.last]
        match = next(
            (
                person
                for person in known
                if person.name == mention.name or same_person(person.name, mention.name, aliases)
            ),
            None,
        )
        if match is None:
            match = _Person(mention.name, parsed, [])
            known.append(match)
            people.append(match)
        match.mentions.append(mention)
    return people


# Aligned claim pairs (same fact, two documents) -> each claim's content stems.
SameFact = Mapping[frozenset[str], Mapping[str, frozenset[str]]]

# Evidence kept per finding: the first mention of each value in each document, up to this many.
MAX_EVIDENCE = 12
# Two role nouns conflict only in two sentences that state the same fact: how well the rest of
# the two sentences must match (weighted Dice of content stems, factcheck.nlp.align) and how
# many content words they must share. Overridable as thresholds["attribution-conflict.<name>"].
ROLE_STRENGTH = 0.5
ROLE_SHARED = 3


class AttributionConflictCheck(Check):
    """One person given two different affiliations or titles.

    People are matched by name across forms ("Dr. Emily Chen", "Emily Chen", "Chen" after a
    full mention in the same document; "Gen. John W. Raymond" and "General John Raymond";
    "W. Mark Felt" and "Mark Felt"; aliases from the ledger). Titles and affiliations come
    from the parse at extraction (appositions, modifiers before the name, possessives, "X,
    the Y of Z"), so any role word counts, not a list of offices.

    * affiliations are compared with case, articles and prepositions folded, an organisation
      and its acronym agreeing;
    * titles are compared with abbreviations expanded ("CEO" == "chief executive officer"),
      honorifics ("Dr.") ignored and a title that is part of the other agreeing. Two
      different ranks, or two posts of one kind (the same head noun with another modifier:
      "chief financial officer" for "chief executive officer", "assistant coach" for "head
      coach") conflict wherever they are given. Two different role nouns ("actress" /
      "star" / "singer", "spokesman" / "publicist", "IMF head" / "IMF chief") are
      descriptions that co-exist, or one office named two ways, so they conflict only where
      two sources state the same fact about the person and differ in the role noun alone:
      the two sentences align (factcheck.nlp.align) with at least half of their content
      words and three shared ones ("Prosecutor Jane Roe told the jury the gun was never
      found" / "Defense attorney Jane Roe told the jury ..."). Within one document only
      ranks and modifiers count: one text calls a person several things.

    Roles the text marks as former are skipped. One finding per person and kind (title or
    affiliation) lists every value with its sources as evidence; the work grows with the
    number of mentions, not their pairs.

    Severity: warning; info when every conflicting pair comes from documents dated a year or
    more apart (titles and jobs change), with both dates.

    Why it matters: a source introduced as "from Institute A" and later as "a senior fellow
    at B" is either two people or a fabricated or garbled attribution, and the reader
    cannot weigh the quote.

    Suppress with ``ignore = ["attribution-conflict"]``, or resolve a finding by its id;
    add an alias to the ledger when two names are one person.
    """

    code = "FC004"
    slug = "attribution-conflict"
    severity = Severity.WARNING

    def run(self, corpus: Corpus, context: CheckContext) -> Iterable[Finding]:
        aliases = getattr(context.ledger, "aliases", None)
        aliases = dict(aliases) if isinstance(aliases, dict) else None
        mentions = [
            mention
            for mention in collect_mentions(corpus)
            if not mention.former
            and not _FORMER.search(
                " ".join(filter(None, (mention.title, mention.role_span.text if mention.role_span else None)))
            )
        ]
        documents = {document.id: document for document in corpus.documents}
        people = group_people(mentions, aliases)
        same_fact = self._same_fact_claims(corpus, context, people)
        self.candidate_pairs = 0
        findings = []
        for person in people:
            for kind in ("affiliation", "title"):
                finding = self._person_conflict(person, kind, documents, same_fact)
                if finding is not None:
                    findings.append(finding)
        return findings

    @staticmethod
    def _same_fact_claims(corpus: Corpus, context: CheckContext, people: list[_Person]) -> SameFact:
        """Pairs of claims from two documents that state the same fact (aligned), among those naming a
        person with a title; each with the content stems of the two sentences."""
        from factcheck.nlp.align import corpus_alignments

        with_titles = {
            mention.claim for person in people for mention in person.mentions if mention.title and mention.claim
        }
        if len({claim_id.split("#")[0] for claim_id in with_titles}) < 2:
            return {}
        strength = context.settings.threshold("attribution-conflict.role_strength", ROLE_STRENGTH)
        shared = int(context.settings.threshold("attribution-conflict.role_shared", ROLE_SHARED))
        return {
            frozenset((alignment.left.id, alignment.right.id)): {
                alignment.left.id: frozenset(token.key for token in alignment.left_tokens if not token.slot),
                alignment.right.id: frozenset(token.key for token in alignment.right_tokens if not token.slot),
            }
            for alignment in corpus_alignments(corpus).alignments
            if alignment.cross_source
            and alignment.left.id in with_titles
            and alignment.right.id in with_titles
            and alignment.strength >= strength
            and alignment.shared >= shared
        }

    def _values(self, person: _Person, kind: str) -> dict[str, list[Mention]]:
        values: dict[str, list[Mention]] = defaultdict(list)
        for mention in person.mentions:
            if kind == "affiliation":
                value = normalise_affiliation(mention.affiliation)
                if not value or not organisation_like(mention.affiliation):
                    continue
            else:
                value = " ".join(role_words(mention.title or ""))
                if not value:
                    continue
            values[value].append(mention)
        return values

    def _person_conflict(
        self,
        person: _Person,
        kind: str,
        documents: dict[str, Document],
        same_fact: SameFact,
    ) -> Finding | None:
        values = self._values(person, kind)
        distinct = sorted(values)
        conflicts: list[tuple[str, str, Severity, str]] = []
        for i, left in enumerate(distinct):
            for right in distinct[i + 1 :]:
                self.candidate_pairs = (self.candidate_pairs or 0) + 1
                judged = self._judge(kind, left, right, values[left], values[right], documents, same_fact)
                if judged is not None:
                    conflicts.append((left, right, *judged))
        if not conflicts:
            return None
        severity = max((severity for *_, severity, _ in conflicts), key=lambda s: s.rank)
        involved = sorted({value for left, right, *_ in conflicts for value in (left, right)})
        evidence: list[Span] = []
        shown: list[str] = []
        for value in involved:
            first_by_doc: dict[str, Mention] = {}
            for mention in values[value]:
                first_by_doc.setdefault(mention.doc, mention)
            sources = list(first_by_doc.values())
            more = f" and {len(sources) - 3} more" if len(sources) > 3 else ""
            shown.append(f"{_describe(sources[0])} ({', '.join(m.doc for m in sources[:3])}{more})")
            for mention in sources[: MAX_EVIDENCE // 2]:
                for span in (mention.name_span, mention.evidence):
                    if span not in evidence and len(evidence) < MAX_EVIDENCE:
                        evidence.append(span)
        notes = sorted({note for *_, severity_, note in conflicts if note and severity_ == severity})
        docs = sorted({mention.doc for value in involved for mention in values[value]})
        where = "in the same document" if len(docs) == 1 else f"in {len(docs)} documents"
        message = f"{person.name} is given {len(involved)} different {kind}s {where}: {'; '.join(shown)}" + (
            f"; {' '.join(notes)}" if notes else ""
        )
        return self.finding(
            message,
            evidence,
            severity=severity,
            key=f"{kind}:{'|'.join(involved)}",
            data={"person": person.name, "kind": kind, "values": involved, "documents": docs},
        )

    @staticmethod
    def _judge(
        kind: str,
        left: str,
        right: str,
        left_mentions: list[Mention],
        right_mentions: list[Mention],
        documents: dict[str, Document],
        same_fact: SameFact | None = None,
    ) -> tuple[Severity, str] | None:
        """Severity and a note for two values of one person, or None when both can be true."""
        left_docs, right_docs = {m.doc for m in left_mentions}, {m.doc for m in right_mentions}
        cross = len(left_docs | right_docs) > 1
        note = ""
        if kind == "affiliation":
            if affiliations_agree(left, right):
                return None
        else:
            how = title_conflict_kind(left, right)
            if how is None:
                return None
            if how == "role":
                # Descriptions co-exist ("actress", "star"): only the same fact told with another role noun counts,
                # each role noun absent from the other sentence ("county deputy" / "deputy" is one role).
                if not cross or not _told_with_another_role(
                    left, right, left_mentions, right_mentions, same_fact or {}
                ):
                    return None
                note = (
                    "two sources state the same fact and differ in the role noun; the person may hold both, "
                    "or one source may name the office another way"
                )
        if not cross:
            return Severity.WARNING, note
        # Across sources: info only when every pair of documents is a year or more apart.
        left_dates = sorted(filter(None, (documents[doc].published for doc in left_docs)))
        right_dates = sorted(filter(None, (documents[doc].published for doc in right_docs)))
        if len(left_dates) < len(left_docs) or len(right_dates) < len(right_docs):
            return Severity.WARNING, note  # an undated source may be of any date
        closest = min(((abs((a - b).days), a, b) for a, b in _nearest_pairs(left_dates, right_dates)))
        if closest[0] < 365:
            return Severity.WARNING, note
        _, first, second = closest
        return Severity.INFO, (
            f"the documents are dated {first.isoformat()} and {second.isoformat()}, so the {kind} may have changed"
        )


def _head_stem(title: str) -> str:
    words = role_words(title)
    return _stem(words[-1]) if words else ""


def _told_with_another_role(
    left: str,
    right: str,
    left_mentions: list[Mention],
    right_mentions: list[Mention],
    same_fact: SameFact,
) -> bool:
    """Whether two aligned sentences give the person these two role nouns, neither sentence having the other's."""
    left_head, right_head = _head_stem(left), _head_stem(right)
    for a in left_mentions:
        for b in right_mentions:
            words = same_fact.get(frozenset((a.claim, b.claim)))
            if words is None:
                continue
            if left_head not in words[b.claim] and right_head not in words[a.claim]:
                return True
    return False


def _nearest_pairs(left: list[date], right: list[date]) -> Iterable[tuple[date, date]]:
    """For each date on the left, its nearest neighbours among the sorted right dates (n log n, not n x m)."""
    for day in left:
        position = bisect.bisect_left(right, day)
        for index in (position - 1, position):
            if 0 <= index < len(right):
                yield day, right[index]
