"""FC004 attribution-conflict: one person given two different affiliations or titles."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from factcheck.checks.base import Check, CheckContext
from factcheck.model import Corpus, Document, Finding, Severity, Span
from factcheck.nlp.names import PersonName, fold_title_word, normalise_title, resolve_mention, same_person

# Honorifics say nothing about a role: "Dr." never conflicts with "senior fellow".
_HONORIFICS = frozenset({"doctor", "mister", "missus", "ms", "mx", "miss", "sir", "dame", "madam", "honourable",
                         "honorable", "reverend"})
_RANKS = frozenset({"general", "lieutenant", "colonel", "major", "captain", "brigadier", "brigade", "admiral",
                    "commander", "sergeant", "corporal", "private", "marshal", "commodore", "ensign"})
_OFFICES = frozenset({"president", "prime", "minister", "secretary", "governor", "senator", "representative",
                      "mayor", "chancellor", "premier", "ambassador", "chairman", "chairwoman", "chair",
                      "chairperson", "chief", "director", "ceo", "spokesperson", "spokesman", "spokeswoman"})
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
_ORGANISATION_WORDS = frozenset({
    "institute", "institution", "university", "college", "school", "center", "centre", "council", "agency",
    "ministry", "department", "company", "corporation", "corp", "inc", "ltd", "llc", "plc", "foundation",
    "association", "society", "command", "office", "bank", "group", "committee", "commission", "forum",
    "coalition", "laboratory", "lab", "academy", "bureau", "board", "authority", "service", "organisation",
    "organization", "network", "trust", "fund", "union", "federation", "hospital", "court", "parliament",
    "congress", "senate", "newspaper", "times", "post", "journal", "press", "studies", "program", "programme",
    "project", "initiative", "force", "army", "navy", "police", "party", "club", "team", "museum",
})
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
    words = [word for word in re.findall(r"[\w.&'-]+", raw) if fold_title_word(word) not in _HONORIFICS
             and fold_title_word(word) not in {"mister", "ms", "missus"}]
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


def _role_words(title: str) -> list[str]:
    return [word for word in normalise_title(title).split() if word not in _HONORIFICS]


def titles_conflict(a: str | None, b: str | None) -> bool:
    """Two titles that cannot both be current: different ranks, or different offices.

    Honorifics never conflict; a title that is a prefix, part or abbreviation of the other
    ("Gen." and "General", "Professor" and "Professor of Law") is not a conflict; titles of
    different kinds (a rank and a fellowship) may both be true and are not compared.
    """
    if not a or not b:
        return False
    left, right = _role_words(a), _role_words(b)
    if not left or not right:
        return False
    if set(left) <= set(right) or set(right) <= set(left):
        return False
    for kind in (_RANKS, _OFFICES):
        left_kind = [word for word in left if word in kind]
        right_kind = [word for word in right if word in kind]
        if left_kind and right_kind:
            return left_kind != right_kind
    return False


def ranks_conflict(a: str | None, b: str | None) -> bool:
    """Two titles that conflict as ranks ("Col." and "Gen."), not as offices, which are paraphrased constantly."""
    if not titles_conflict(a, b):
        return False
    left = [word for word in _role_words(a or "") if word in _RANKS]
    right = [word for word in _role_words(b or "") if word in _RANKS]
    return bool(left) and bool(right) and left != right


def clean_role(text: str | None) -> str | None:
    """A title or affiliation, or None when it is only an honorific or runs into one.

    Extraction spans sometimes run on into the next name's honorific ("ONGC's Mr",
    "chief executive. Mr"): such a span is not a role anyone was given.
    """
    if not text:
        return None
    words = re.findall(r"[\w.&'’-]+", text)
    folded = [fold_title_word(word.strip(".")) for word in words]
    if not folded or folded[-1] in _HONORIFICS or words[-1].strip(".").casefold() in {"mr", "mrs", "ms"}:
        return None
    return text


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
                    raw.append((actor.span.start, Mention(document.id, actor.name, actor.span, actor.title,
                                                          actor.affiliation, actor.role_span, actor.former)))
            quote = claim.quote
            if quote is not None and quote.speaker and quote.speaker_span is not None:
                raw.append((quote.speaker_span.start, Mention(
                    document.id, quote.speaker, quote.speaker_span, quote.speaker_title, quote.speaker_affiliation,
                    None, quote.framing == "past")))
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
            title, affiliation = clean_role(mention.title), clean_role(mention.affiliation)
            if mention.role_span is not None and clean_role(mention.role_span.text) is None:
                title = affiliation = None  # the role span ran on into the next name's "Mr"
            if title or affiliation:
                mentions.append(Mention(mention.doc, name, mention.name_span, title, affiliation,
                                        mention.role_span, mention.former))
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


class AttributionConflictCheck(Check):
    """One person given two different affiliations or titles.

    People are matched by name across forms ("Dr. Emily Chen", "Emily Chen", "Chen" after a
    full mention in the same document; "Gen. John W. Raymond" and "General John Raymond";
    aliases from the ledger). Within a document and across sources, their affiliations are
    compared with case, articles and prepositions folded, an organisation and its acronym
    agreeing; titles are compared with ranks expanded ("Col." == "Colonel"), honorifics
    ("Dr.") ignored, and a title that is part of the other not counted as a conflict.
    Roles the text marks as former are skipped.

    Severity: warning; info when the two documents are dated a year or more apart (titles
    and jobs change), with both dates.

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
        mentions = [mention for mention in collect_mentions(corpus) if not mention.former
                    and not _FORMER.search(" ".join(filter(None, (mention.title, mention.role_span and mention.role_span.text))))]
        # Block by surname tokens: only mentions that could be one person are compared.
        blocks: dict[str, list[Mention]] = defaultdict(list)
        for mention in mentions:
            parsed = PersonName.parse(mention.name)
            if parsed is None:
                continue
            for token in sorted({parsed.last, *(parsed.tokens if len(parsed.tokens) == 2 else ())}):
                blocks[token].append(mention)
        documents = {document.id: document for document in corpus.documents}
        seen: set[tuple[str, str, str]] = set()
        self.candidate_pairs = sum(len(members) * (len(members) - 1) // 2 for members in blocks.values())
        for token in sorted(blocks):
            members = sorted(blocks[token], key=lambda m: (m.doc, m.name_span.start))
            for i, left in enumerate(members):
                for right in members[i + 1:]:
                    if left.name_span == right.name_span or not same_person(left.name, right.name, aliases):
                        continue
                    yield from self._compare(left, right, documents, seen)

    def _compare(self, left: Mention, right: Mention, documents: dict[str, Document],
                 seen: set[tuple[str, str, str]]) -> Iterable[Finding]:
        left_aff, right_aff = normalise_affiliation(left.affiliation), normalise_affiliation(right.affiliation)
        kinds = []
        if (left_aff and right_aff and not affiliations_agree(left_aff, right_aff)
                and organisation_like(left.affiliation) and organisation_like(right.affiliation)):
            kinds.append(("affiliation", left_aff, right_aff))
        office_only = False
        if ranks_conflict(left.title, right.title):
            kinds.append(("title", normalise_title(left.title), normalise_title(right.title)))
        elif titles_conflict(left.title, right.title) and left.doc != right.doc:
            # Offices are paraphrased constantly ("finance minister" for "Chancellor"): across
            # sources a difference is worth a look, never a warning; within one text, not a finding.
            office_only = True
            kinds.append(("title", normalise_title(left.title), normalise_title(right.title)))
        for kind, left_value, right_value in kinds:
            marker = (kind, *sorted((f"{left.doc}:{left_value}", f"{right.doc}:{right_value}")))
            if marker in seen:
                continue
            seen.add(marker)  # type: ignore[arg-type]
            severity, when = Severity.WARNING, ""
            left_date, right_date = documents[left.doc].published, documents[right.doc].published
            if left.doc != right.doc and left_date and right_date and abs((left_date - right_date).days) >= 365:
                severity = Severity.INFO
                when = (f"; the documents are dated {left_date.isoformat()} and {right_date.isoformat()}, "
                        f"so the {kind} may have changed")
            if kind == "title" and office_only:
                severity = Severity.INFO
                when = when or "; offices are often paraphrased, so this may be one office named two ways"
            where = "in the same document" if left.doc == right.doc else f"in {left.doc} and {right.doc}"
            message = (f"{left.name} is given two different {kind}s {where}: {_describe(left)} "
                       f"({left.doc}) and {_describe(right)} ({right.doc}){when}")
            evidence = [left.name_span, left.evidence, right.name_span, right.evidence]
            evidence = list(dict.fromkeys(evidence))
            yield self.finding(message, evidence, severity=severity, key=f"{kind}:{left_value}:{right_value}",
                               data={"person": left.name, "kind": kind, "values": [left_value, right_value]})
