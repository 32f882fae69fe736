"""FC004 attribution-conflict: one person given two different affiliations or titles."""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from factcheck.checks.base import CheckContext, PairwiseCheck
from factcheck.model import Corpus, DocumentHeader, Finding, Severity, Span
from factcheck.nlp.affiliations import affiliations_agree, normalise_affiliation, organisation_like
from factcheck.nlp.align import Alignment
from factcheck.nlp.lexicon import base_forms
from factcheck.nlp.mentions import Mention, Person, collect_mentions, group_people, with_the_organisations_word
from factcheck.nlp.names import RANKS, role_words
from factcheck.nlp.roles import is_title_word
from factcheck.nlp.sentences import split_sentences
from factcheck.nlp.titles import (
    a_head_and_a_post_under_it,
    a_seat_beside_a_post,
    exclusive_offices,
    framed_as_former,
    framed_in_transition,
    held_together,
    leads_something,
    names_an_outcome,
    names_any_office,
    names_in_title,
    office_of_the_profession,
    one_role,
    posts_of_one_field,
    profession_and_office,
    seeks_a_post,
    stem,
    title_conflict_kind,
    two_kinds_of_entertainer,
)


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


# Aligned claim pairs (same fact, two documents) -> each claim's content stems with where each stands in the text.
ClaimWords = tuple[tuple[str, int], ...]
SameFact = Mapping[frozenset[str], Mapping[str, ClaimWords]]
# The words of a claim (ClaimWords) that tell about one mention's person: its sentence's, less other people's.
WordsAbout = Callable[[Mention, ClaimWords], set[str]]
# Whether the sentence giving a mention's role tells of another value (kind "title" or "affiliation") too (``_tells_of``).
TellsOf = Callable[[Mention, str, str], bool]

# Evidence kept per finding: the first mention of each value in each document, up to this many.
MAX_EVIDENCE = 12
# Two role nouns conflict only in two sentences that state the same fact: how well the rest of
# the two sentences must match (weighted Dice of content stems, factcheck.nlp.align) and how
# many content words they must share. Overridable as thresholds["attribution-conflict.<name>"].
ROLE_STRENGTH = 0.5
ROLE_SHARED = 3
# How far up WordNet's leader may stand for two posts to count as two heads one person may hold together: any depth
# a post reaches (a cabinet post named by its own word, "chancellor", stands six steps below it).
_ANY_DEPTH = 8


@dataclass(frozen=True)
class _Inputs:
    """What judging one alignment reads: the claims that name a person with a title, the thresholds."""

    with_titles: frozenset[str]
    strength: float
    shared: int


@dataclass(frozen=True)
class _People:
    """Who one run's corpus names with a role, read once, as ``pairwise_inputs`` finds the claims to judge; the merge
    reads it, the workers never (what they read for ``judge`` is ``_Inputs``, a few claim ids and thresholds)."""

    # Every mention with a role, the former ones too: their roles are no other post's words.
    mentions: tuple[Mention, ...]
    people: tuple[Person, ...]  # the mentions of current roles grouped into people
    # Everyone the text names as a person, by full name and surname: a post given for one of them is relative to a party.
    parties: frozenset[str]

    @classmethod
    def of(cls, corpus: Corpus, context: CheckContext) -> _People:
        aliases = getattr(context.ledger, "aliases", None)
        aliases = dict(aliases) if isinstance(aliases, dict) else None
        every_mention = collect_mentions(corpus)
        current = [
            mention
            for mention in every_mention
            if not mention.former
            and not framed_as_former(mention.title, mention.role_span.text if mention.role_span else None)
        ]
        parties = frozenset(
            name.casefold()
            for claim in corpus.claims
            for actor in claim.actors
            if actor.label == "PERSON"
            for name in (actor.name, actor.name.split()[-1] if actor.name.split() else "")
            if name
        )
        return cls(tuple(every_mention), tuple(group_people(current, aliases)), parties)


@dataclass(frozen=True)
class _Reading:
    """What comparing one person's values reads besides the person, the same for every person of the run: built once
    by ``merge_judged`` and handed down."""

    documents: Mapping[str, DocumentHeader]
    same_fact: SameFact  # the aligned claim pairs that state one fact (``judge``), with their words
    words_about: WordsAbout
    tells_of: TellsOf
    apart: Callable[[str, str], bool]  # whether two documents are of two stories (``Corpus.two_stories``)
    parties: frozenset[str]
    text_of: Callable[[str], str]  # a document's text


class AttributionConflictCheck(PairwiseCheck):
    """One person given two different affiliations or titles.

    People are matched by name across forms ("Dr. Emily Chen", "Emily Chen", "Chen" after a
    full mention in the same document; "Gen. John W. Raymond" and "General John Raymond";
    "W. Mark Felt" and "Mark Felt"; aliases from the ledger). Titles and affiliations come
    from the parse at extraction (appositions, modifiers before the name, possessives, "X,
    the Y of Z"), so any role word counts, not a list of offices.

    * affiliations are compared with case, articles and prepositions folded, an organisation
      and its acronym agreeing, and only when given for one post (the titles agree, or one
      side has none): "City Councilman" and "a frequent NYPD critic" are two relations;
    * titles are compared with abbreviations expanded ("CEO" == "chief executive officer"),
      honorifics ("Dr.") ignored and a title that is part of the other agreeing. Two
      different ranks, or two posts of one kind (the same head noun with another modifier:
      "chief financial officer" for "chief executive officer", "assistant coach" for "head
      coach"; a post and its second: "president" / "vice president", "sheriff" /
      "undersheriff") conflict wherever they are given. Two different role nouns ("actress" /
      "star" / "singer", "spokesman" / "publicist"; "IMF head" / "IMF chief" name one post) are
      descriptions that co-exist, or one office named two ways, so they conflict only as two
      formal titles (capitalised before the name inside a sentence, or abbreviated: "Gov. Jane
      Roe" / "Sen. Jane Roe", "said Police Chief Jane Roe" / "said Detective Jane Roe"; news
      style capitalises a title there only when it is an office) or where
      two sources state the same fact about the person and differ in the role noun alone:
      the two sentences align (factcheck.nlp.align) with at least half of their content
      words and three shared ones ("Prosecutor Jane Roe told the jury the gun was never
      found" / "Defense attorney Jane Roe told the jury ..."), when the two name two posts:
      two of one field, a profession and an office, a bare profession and an office WordNet
      gives as a kind of it ("attorney" / "prosecutor"; "U.S. Attorney" is the office's own
      name), or after one organisation's name (given before the name, possessive, or left by
      the parse inside a lower-case title: "Harbor head coach") a post that heads something
      (a kind of WordNet's leader) and one that does not ("Harbor coach" / "Harbor offensive
      coordinator"; two heads, "chairman" / "chief executive", are often held together), never
      two descriptions ("Harbor economist" / "Harbor analyst"), nor an assistant's post ("Harbor
      assistant coach" / "Harbor defensive coordinator"). Each role noun must be absent
      from the other mention's sentence, other people's names and roles there aside. Titles
      are compared as written: a place inside a lower-case title ("Harbor assistant coach")
      says where, so it is the assistant's post against "coach". Two role nouns WordNet gives
      as one role (a shared sense, or one a kind of the other: "spokesman" / "spokesperson",
      "president" / "chief executive") never conflict; two it gives as two public offices
      (kinds of one politician or official a step or two up: "mayor" / "governor",
      "congressman" / "senator", "judge" / "prosecutor") conflict when one source writes
      its title formally ("Harbor mayor Jane Roe" / "said Harbor Governor Jane Roe"), either
      gives the office at a place ("Kansas governor Jane Roe" / "Jane Roe, the senator"), or both
      write the same place or organisation before it ("Harbor attorney Jane Roe" / "Harbor
      judge Jane Roe": one label with its post changed); so do a profession and a public
      office ("attorney" / "judge", "teacher" / "mayor"). Within one document only ranks and
      modifiers count: one text calls a person several things.

    Two formal titles that both head something ("Chairman" / "Chief Executive", "Team President" / "General
    Manager") co-exist unless WordNet gives them as two public offices or two posts of one field; a post over one
    function ("the agency's director of communications") is no head of the organisation against its spokeswoman; and
    the words for one who speaks for someone ("publicist", "representative") are no two posts. A source whose
    sentence about the person names the other value too tells of both, most often a post changing hands in the story
    ("Assistant coach Jane Roe was named head coach", "Lt. Jane Roe, promoted to captain"), or the person standing in
    for the other post ("Deputy Chief Jane Roe, who is acting chief"): no pair then.

    A post and its informal name ("the city's top cop" / "Police chief": WordNet marks "cop" a colloquialism for a
    policeman) are one role, and WordNet's own word for whoever holds an office ("an FBI official", "a city
    official") is true of any post there, the head's too: no second post. An organisation agrees with one WordNet
    gives holding it as part or member ("FBI" / "Justice Department", "Marine Corps" / "U.S. Navy"): outlets name one
    agent's employer at two levels.

    A seat in a body of peers (WordNet gives the post as a member of a group: "cardinal", the Sacred College;
    "professor", a faculty; "senator") is held beside a post of its field that is no seat ("Cardinal" / "Archbishop",
    "Professor" / "Dean"), unless the two are public offices or a profession and a public office ("Sen." / "Gov.").
    A word whose senses WordNet never ranked by frequency is read in each of them related to the other title or naming
    one sent for others: "envoy" is a diplomat below an ambassador first and an emissary second, so "Ambassador" /
    "envoy" may be one person's. A rank word that is an
    adjective too, before a noun for a person, modifies that noun ("major champion", "private investigator"): no rank.

    Two posts of one organisation, one heading it and the other a post under its head, are compared wherever two
    sources of one story each name the person by one of them, whatever else their sentences tell (a note only when the
    sources are a year or more apart: the person may have moved from one post to the other): "president of the
    Harbor Skating Federation" / "the federation's treasurer", "the brigade's commander" / "chief of staff of the
    Harbor Brigade", "Harbor Foods' president" / "Harbor Foods' finance director". A head is a kind of WordNet's
    leader or a post WordNet defines as in command or in charge of something; a post under it a kind of its employee,
    skilled worker, official or administrator, or a head of one function, read from the title's words ("finance
    director", "medical director", "head of operations": a field of work before the head noun or after "of"). The
    organisation is one when both name it alike, one inside the other, by a common noun WordNet gives its name as a
    kind of ("the force" / "Westmoor Police"), or by a common noun whose own article names it. Never compared so:
    two heads ("chairman" / "chief executive"), a relation that is no post ("founder", "owner", "member",
    "volunteer"), a grade ("captain"), a public office ("judge"), an assistant's post, a seat in a body of peers,
    and a source giving both posts (a joint title, a post handed over). A noun for what a formal title is over is
    part of it ("Trade Minister" is not the "Finance Minister" another source gives; "Fire Chief" names the body
    led), and "defence lawyer", which WordNet has no lemma for, is read from its words: a lawyer for the side
    opposite the prosecution, against "prosecutor".

    A rank word written in lower case that WordNet gives as the officer in command of something, not as a grade
    ("the base commander", "coalition commander"), names a command, which an officer of any rank holds: no second rank
    beside "Col." or "Rear Adm." ("Commander Jane Roe" before the name is the naval rank). So is a grade's word the
    role writes with what it is over ("Commander Jane Roe, captain of the frigate Gull"), and a rank beside a post
    WordNet defines as in command of something ("Cmdr. Jane Roe, the Gull's commanding officer"): one command.

    Two posts of one head, one naming whose post it is (a body of people: "the government envoy") and the other which
    kind ("special envoy"), are one post. A capitalised word before a bare surname that is no title word and no post
    is a given name the parse took for a title ("a film by Ana Roe"): someone else of that surname.

    A mention keeps every current title the text gives it ("Jane Roe, chairman and chief executive"; "Rear Admiral
    Jane Roe, commander of the coastguard"; "Harbor assistant coach Jane Roe, a former midfielder"): the others than
    its first are compared only with posts of their own kind, another rank ("Vice Admiral" / "a rear admiral": two
    grades WordNet names whole) or the same head noun with another modifier ("chief executive" / "Chief Financial
    Officer"), never as a second description; titles one mention gives together co-exist.

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

    # The people of the run, from ``pairwise_inputs`` to ``merge_judged`` (the two run on this one instance).
    _run_people: _People | None = None

    def pairwise_inputs(self, corpus: Corpus, context: CheckContext) -> _Inputs | None:
        self._run_people = _People.of(corpus, context)
        return self._same_fact_inputs(context, self._run_people.people)

    def judge(self, alignment: Alignment, inputs: _Inputs) -> list[tuple[frozenset[str], dict[str, ClaimWords]]]:
        """A pair of claims from two documents, both naming a person with a title, that states one fact: with
        each claim's content stems and their offsets."""
        if not (
            alignment.cross_source
            and alignment.left.id in inputs.with_titles
            and alignment.right.id in inputs.with_titles
            and alignment.strength >= inputs.strength
            and alignment.shared >= inputs.shared
        ):
            return []
        stems = {
            alignment.left.id: tuple((token.key, token.start) for token in alignment.left_tokens if not token.slot),
            alignment.right.id: tuple((token.key, token.start) for token in alignment.right_tokens if not token.slot),
        }
        return [(frozenset((alignment.left.id, alignment.right.id)), stems)]

    def merge_judged(
        self,
        corpus: Corpus,
        context: CheckContext,
        judged: list[tuple[frozenset[str], dict[str, ClaimWords]]],
        candidates: int,
    ) -> list[Finding]:
        # Taken, not kept: the instance holds the run's people only from one call to the other.
        run, self._run_people = self._run_people, None
        if run is None:  # merged without pairwise_inputs
            run = _People.of(corpus, context)
        reading = _Reading(
            documents={document.id: document for document in corpus.documents},
            same_fact=dict(judged),
            words_about=_words_about(corpus, run.people),
            tells_of=_tells_of(corpus, run.mentions),
            apart=corpus.two_stories,
            parties=run.parties,
            text_of=lambda doc: corpus.text_of(doc).text,
        )
        compared = 0
        findings = []
        for person in run.people:
            for kind in ("affiliation", "title"):
                finding, pairs = self._person_conflict(person, kind, reading)
                compared += pairs
                if finding is not None:
                    findings.append(finding)
        self.candidate_pairs = compared
        return findings

    @staticmethod
    def _same_fact_inputs(context: CheckContext, people: Sequence[Person]) -> _Inputs | None:
        """What picks the aligned pairs that state one fact among claims naming a person with a title;
        None when such claims come from fewer than two documents."""
        with_titles = frozenset(
            mention.claim for person in people for mention in person.mentions if mention.title and mention.claim
        )
        if len({claim_id.split("#")[0] for claim_id in with_titles}) < 2:
            return None
        return _Inputs(
            with_titles=with_titles,
            strength=context.settings.threshold("attribution-conflict.role_strength", ROLE_STRENGTH),
            shared=int(context.settings.threshold("attribution-conflict.role_shared", ROLE_SHARED)),
        )

    def _values(self, person: Person, kind: str) -> dict[str, list[Mention]]:
        values: dict[str, list[Mention]] = defaultdict(list)
        titles = {mention.title.casefold() for mention in person.mentions if mention.title}
        for mention in person.mentions:
            if kind == "title":
                mention = with_the_organisations_word(mention, titles)
            if kind == "affiliation":
                value = _without_own_name(normalise_affiliation(mention.affiliation), person)
                if not value or not organisation_like(mention.affiliation, _after_preposition(mention)):
                    continue
                if not mention.title and _where_not_whose(mention):
                    continue
            else:
                value = " ".join(role_words(mention.title or ""))
                if not value or framed_in_transition(
                    mention.title, mention.role_span.text if mention.role_span else None
                ):
                    # A post being taken up, held for the time being or about to change ("President-elect",
                    # "acting chief", "the current deputy"): the person's other post is no second title for now.
                    continue
            values[value].append(mention)
        return values

    def _person_conflict(self, person: Person, kind: str, reading: _Reading) -> tuple[Finding | None, int]:
        """The person's finding of this kind (None when the values can all be true), and the pairs of values compared."""
        values = self._values(person, kind)
        distinct = sorted(values)
        parties = reading.parties - {person.name.casefold(), person.parsed.last.casefold()}
        compared = 0
        conflicts: list[tuple[str, str, Severity, str]] = []
        together = _given_together(values) if kind == "title" else []
        for i, left in enumerate(distinct):
            for right in distinct[i + 1 :]:
                compared += 1
                if kind == "title" and (
                    any(held_together(left, right, joint) for joint in distinct)
                    or any(left in given and right in given for given in together)
                ):
                    continue  # another mention gives the person both posts at once: they co-exist
                if any(reading.tells_of(m, right, kind) for m in values[left]) or any(
                    reading.tells_of(m, left, kind) for m in values[right]
                ):
                    # A source whose sentence about the person names the other value too tells of both: a post
                    # changing hands ("Assistant coach Jane Roe was named head coach", "Lt. Jane Roe, promoted to
                    # captain", "Jane Roe of Harbor Holdings, which owns Harbor Motors"), not another post.
                    continue
                judged = self._judge(kind, left, right, values[left], values[right], reading, parties)
                if judged is not None:
                    conflicts.append((left, right, *judged))
        if not conflicts:
            return None, compared
        severity = max((severity for *_, severity, _ in conflicts), key=lambda s: s.rank)
        involved = sorted({value for left, right, *_ in conflicts for value in (left, right)})
        evidence: list[Span] = []
        shown: list[str] = []
        sources_of: list[list[Mention]] = []
        for value in involved:
            first_by_doc: dict[str, Mention] = {}
            for mention in values[value]:
                first_by_doc.setdefault(mention.doc, mention)
            sources = list(first_by_doc.values())
            sources_of.append(sources)
            more = f" and {len(sources) - 3} more" if len(sources) > 3 else ""
            shown.append(f"{_describe(sources[0])} ({', '.join(m.doc for m in sources[:3])}{more})")
        # Round by round, one source of every value each, so a value twenty sources give cannot crowd out
        # the one source that says otherwise.
        for round_ in range(MAX_EVIDENCE // 2):
            for sources in sources_of:
                if round_ < len(sources):
                    for span in (sources[round_].name_span, sources[round_].evidence):
                        if span not in evidence and len(evidence) < MAX_EVIDENCE:
                            evidence.append(span)
        notes = sorted({note for *_, severity_, note in conflicts if note and severity_ == severity})
        docs = sorted({mention.doc for value in involved for mention in values[value]})
        where = "in the same document" if len(docs) == 1 else f"in {len(docs)} documents"
        message = f"{person.name} is given {len(involved)} different {kind}s {where}: {'; '.join(shown)}" + (
            f"; {' '.join(notes)}" if notes else ""
        )
        finding = self.finding(
            message,
            evidence,
            severity=severity,
            key=f"{kind}:{'|'.join(involved)}",
            data={"person": person.name, "kind": kind, "values": involved, "documents": docs},
        )
        return finding, compared

    @staticmethod
    def _judge(
        kind: str,
        left: str,
        right: str,
        left_mentions: list[Mention],
        right_mentions: list[Mention],
        reading: _Reading,
        parties: frozenset[str],
    ) -> tuple[Severity, str] | None:
        """Severity and a note for two values of one person, or None when both can be true (``parties``: the people
        the corpus names besides this one)."""
        left_docs, right_docs = {m.doc for m in left_mentions}, {m.doc for m in right_mentions}
        cross = len(left_docs | right_docs) > 1
        note = ""
        if kind == "affiliation":
            if (
                affiliations_agree(left, right)
                or not _one_post(left_mentions, right_mentions)
                or _a_body_described_beside_its_name(left_mentions, right_mentions)
            ):
                return None
        else:
            # The values are folded to lower case; the titles as written say more ("Tory co-chairman", "Harbor
            # assistant coach": a name inside a lower-case title says where, not which post), so the titles are
            # compared as written: any two that agree agree, and otherwise the strongest way two differ counts
            # (folded, "harbor assistant coach" would hold "coach" whole and agree with it).
            left_titles = {_title_as_written(m) for m in left_mentions}
            right_titles = {_title_as_written(m) for m in right_mentions}
            kinds = {_beside_a_command(a, b) for a in left_titles for b in right_titles}
            if None in kinds:
                return None
            how = next(kind for kind in ("rank", "modifier", "role") if kind in kinds)
            if how == "role" and (all(m.further for m in left_mentions) or all(m.further for m in right_mentions)):
                # A further title (the second of "chairman and chief executive", a post beside an appositive) is
                # compared with posts of its own kind only: another rank, or its head noun with another modifier.
                # Against another role noun it would be one more description to weigh ("grandson" / "chief
                # executive"), which the main title's rules read.
                return None
            if any(_a_command_beside_a_rank(a, b) for a in left_titles for b in right_titles):
                # A command beside a post written with its holder's rank: the two posts are compared, not the rank.
                left, right = _post_of(left), _post_of(right)
            if how == "role":
                # Descriptions co-exist ("actress", "star"): only two formal titles (two offices), or the same fact
                # told with another role noun, count; each role noun absent from the other sentence ("county
                # deputy" / "deputy" is one role).
                left_roles = {(m.title, m.affiliation) for m in left_mentions}  # distinct: a person named 1,000 times
                right_roles = {(m.title, m.affiliation) for m in right_mentions}
                # "attorney" / "prosecutor": one role to WordNet, two posts as a source names them.
                office_of_a_profession = _office_of_a_profession(left_mentions, right_mentions, parties)
                # "president" / "treasurer", "chief executive" / "head of operations" (one role to WordNet: a head).
                head_and_post = a_head_and_a_post_under_it(_post_of(left), _post_of(right))
                if (
                    not cross
                    or any(_office_within(a, b) or _office_within(b, a) for a in left_roles for b in right_roles)
                    # "Rep." / "House Speaker": a member of a body of peers and the post of whoever leads it.
                    or any(
                        _member_of_its_body(a, b) or _member_of_its_body(b, a) for a in left_roles for b in right_roles
                    )
                    # "Rep." / "Ethics Committee Chairman": a legislator chairs a committee of peers beside her seat.
                    or any(
                        _a_member_chairing_peers(a, b) or _a_member_chairing_peers(b, a)
                        for a in left_roles
                        for b in right_roles
                    )
                    or (one_role(left, right) and not office_of_a_profession and not head_and_post)
                    # "an FBI official" / "FBI Director": WordNet's word for any office holder covers the head too.
                    or names_any_office(left)
                    or names_any_office(right)
                    # "Cardinal" / "Archbishop", "Professor" / "Dean": a seat in a body of peers beside a post.
                    or a_seat_beside_a_post(left, right)
                    or names_an_outcome(left) != names_an_outcome(right)  # "novelist" / "prize winner": both true
                    or seeks_a_post(left) != seeks_a_post(right)  # "mayor" / "candidate" for governor: both true
                ):
                    return None
                if _two_formal_titles(left_mentions, right_mentions) and not _two_heads_held_together(left, right):
                    note = "two sources give the person two different formal titles"
                elif (two_posts := _two_posts(left, right)) and (
                    any(m.formal for m in (*left_mentions, *right_mentions))
                    or _one_qualifier(left_mentions, right_mentions)
                    or (
                        two_posts == "two public offices"
                        and any(m.affiliation for m in (*left_mentions, *right_mentions))
                    )
                ):
                    # WordNet gives the two as posts one person does not hold at once (a mayor, a governor; an
                    # attorney, a judge), and one source writes its title as the person's office ("Qeshm mayor" /
                    # "Qeshm Governor"), or both write the same place or organisation before it ("Harbor attorney
                    # Jane Roe" / "Harbor judge Jane Roe"): the other noun is then no description beside it but
                    # the same label with another post. Two public offices conflict too where either source gives
                    # the office at a place or organisation ("Kansas governor Jane Roe" / "Jane Roe, the senator"):
                    # an office somewhere is the person's post, not a word for what she once was.
                    note = f"two sources give the person {two_posts} that one person does not hold at once"
                elif (
                    two_posts
                    or office_of_a_profession
                    or posts_of_one_field(left, right)
                    or (
                        _one_qualifier(left_mentions, right_mentions)
                        # One post that heads something and one that does not: two that both head ("Harbor
                        # chairman" / "Harbor chief executive", "coach" / "general manager") are often held together.
                        and leads_something(left) != leads_something(right)
                        # An assistant's post ("assistant coach", "deputy director") is the head's helper: neither the
                        # head nor a post under it that another source could not also call its holder's.
                        and not (_assists(left) or _assists(right))
                        and not two_kinds_of_entertainer(left, right)
                        # A head of one function ("director of communications") is staff of the organisation the
                        # other post names, as its spokeswoman is: no head of it against one who is not.
                        and not any(_heads_a_function(m) for m in (*left_mentions, *right_mentions))
                    )
                ) and _told_with_another_role(
                    left, right, left_mentions, right_mentions, reading.same_fact, reading.words_about
                ):
                    # Only role nouns that name two posts: two of one field (lawyers, policemen), a profession and
                    # an office, or after one organisation's name a post that heads something and another that does
                    # not ("Harbor coach" / "Harbor offensive coordinator"). Two descriptions ("actress" / "star", "Harbor
                    # economist" / "Harbor analyst") co-exist however alike the two sentences are.
                    note = (
                        "two sources state the same fact and differ in the role noun; the person may hold both, "
                        "or one source may name the office another way"
                    )
                elif (
                    not (left_docs & right_docs)
                    and any(not reading.apart(a, b) for a in left_docs for b in right_docs)
                    and head_and_post
                    # A grade ("soldier", "sergeant", "captain") is a rank whoever holds any post, the head too.
                    and not any(_a_grade(value.split()[-1]) for value in (left, right))
                    and (organisation := _one_organisation(left_mentions, right_mentions, parties, reading.text_of))
                ):
                    # Each source gives the person one post of one organisation, and one of the two heads it while
                    # the other is a post under its head ("president of the Harbor Federation" / "the federation's
                    # treasurer", "the brigade's commander" / "chief of staff of the Harbor Brigade", "Harbor's
                    # president" / "Harbor's finance director"): whatever else the two sentences tell, one person
                    # does not head an organisation and hold a post under its head. A source giving both (a joint
                    # title, a post handed over, a post held before) was read above, and sources a year or more
                    # apart give a note below (the person may have moved from one post to the other); sources of
                    # one story at one time that disagree on who the person is warn, as two posts of one field do.
                    note = (
                        f"two sources of one story give the person two posts at {organisation}, one of them its "
                        "head, which one person does not hold at once"
                    )
                elif (
                    not (left_docs & right_docs)
                    and any(not reading.apart(a, b) for a in left_docs for b in right_docs)
                    and (
                        two_posts == "a profession and a public office"
                        or (
                            posts_of_one_field(left, right)
                            and not (leads_something(left, _ANY_DEPTH) and leads_something(right, _ANY_DEPTH))
                        )
                        or office_of_a_profession
                    )
                ):
                    # Each source names the person by one post only, and the two are posts one person does not
                    # hold in one matter ("prosecutor" / "defense attorney", "police chief" / "detective", "attorney"
                    # / "judge"): two outlets disagree on who the person is, in whatever words they tell the rest.
                    # Two heads of one field ("coach" / "general manager") are often one person's two posts, and two
                    # public offices in lower case may be one outlet's word for a post the person held before ("the
                    # mayor" in a story about a senator's past); one source giving both posts says nothing of the other.
                    # A bare profession against an office WordNet gives as a kind of it ("attorney" / "prosecutor",
                    # "Mark Vell's lawyer" / "prosecutor") counts as on the same-fact path: a source that means the
                    # office names it. Only sources of one story (the cluster stage's groups): a person named in two
                    # unrelated articles may have moved between them.
                    note = "two sources name the person by two posts that one person does not hold at once"
                else:
                    return None
        if not cross:
            return Severity.WARNING, note
        # Across sources: info only when every pair of documents is a year or more apart.
        left_dates = sorted(filter(None, (reading.documents[doc].published for doc in left_docs)))
        right_dates = sorted(filter(None, (reading.documents[doc].published for doc in right_docs)))
        if len(left_dates) < len(left_docs) or len(right_dates) < len(right_docs):
            return Severity.WARNING, note  # an undated source may be of any date
        closest = min(((abs((a - b).days), a, b) for a, b in _nearest_pairs(left_dates, right_dates)))
        if closest[0] < 365:
            return Severity.WARNING, note
        _, first, second = closest
        return Severity.INFO, (
            f"the documents are dated {first.isoformat()} and {second.isoformat()}, so the {kind} may have changed"
        )


def _given_together(values: Mapping[str, list[Mention]]) -> list[set[str]]:
    """The values each mention with further titles gives at once (its main title and the further ones: "chairman",
    "chief executive" of "Jane Roe, chairman and chief executive"), which the text gives as held together."""
    at: dict[tuple[str, int], set[str]] = defaultdict(set)
    for value, mentions in values.items():
        for mention in mentions:
            at[(mention.doc, mention.name_span.start)].add(value)
    with_further = {
        (mention.doc, mention.name_span.start)
        for mentions in values.values()
        for mention in mentions
        if mention.further
    }
    return [given for key, given in at.items() if key in with_further and len(given) > 1]


def _without_own_name(affiliation: str, person: Person) -> str:
    """An organisation named with its founder's possessive, the person's own surname ("Roe's Harbor Group"), is the
    organisation ("harbor group"): the possessive says whose it is, which another source may leave out."""
    owner = f"{person.parsed.last.casefold()} s "
    return affiliation[len(owner) :] if affiliation.startswith(owner) and len(affiliation) > len(owner) else affiliation


# Words before a common noun that say which body is meant without naming it: "the company", "its agency".
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "that"})


def _a_body_described(affiliation: str | None) -> bool:
    """Whether the affiliation is a common noun phrase ("the company", "the regional roads agency"), not a name."""
    words = [word for word in re.findall(r"[\w'’&.-]+", affiliation or "") if word.casefold() not in _DETERMINERS]
    return bool(words) and all(word.islower() for word in words)


def _a_body_described_beside_its_name(left_mentions: list[Mention], right_mentions: list[Mention]) -> bool:
    """Whether one source tells the body by a common noun only ("the company's chief executive") and the other by a
    name only ("Harbor Corp chief executive"): the noun says what kind of body, which the name does not contradict.
    Two common nouns ("the ministry" / "the agency") or two names still differ."""
    left = {_a_body_described(mention.affiliation) for mention in left_mentions}
    right = {_a_body_described(mention.affiliation) for mention in right_mentions}
    return len(left) == len(right) == 1 and left != right


def _after_preposition(mention: Mention) -> bool:
    """Whether the text introduces the affiliation with a preposition ("a fellow at X", "X of Y"), not as a
    modifier before the title ("New York City Councilman")."""
    if mention.role_span is None or not mention.affiliation:
        return False
    return bool(
        re.search(rf"\b(?:at|of|from|for|with)\s+(?:the\s+)?{re.escape(mention.affiliation)}", mention.role_span.text)
    )


def _where_not_whose(mention: Mention) -> bool:
    """Whether a place is given without a role and with "at" ("Jane Roe at Harbor School"): where the person was,
    not an organisation they belong to ("Jane Roe of Harbor School", "a teacher at Harbor School")."""
    return mention.role_span is not None and mention.role_span.text.lstrip().casefold().startswith("at ")


# WordNet's grades of officer and soldier: a rank word whose most frequent sense is a kind of one of them is a rank
# ("general", "captain", "sergeant", "commodore"); one whose is not names what the person does ("commander": the
# officer in command of something; "marshal").
_GRADES = ("commissioned officer", "noncommissioned officer", "enlisted person")
# Steps up from a rank word to its grade ("general" -> general officer -> commissioned military officer ->
# commissioned officer).
_GRADE_STEPS = 4


@functools.cache
def _a_grade(rank_word: str) -> bool:
    from factcheck.nlp import lexicon

    grades = {key for word in _GRADES for key in lexicon.senses(word, "n")}
    person_senses = [
        key for key in lexicon.senses(rank_word, "n") if lexicon.synset(key).lexicographer_file == lexicon.PERSON_FIELD
    ]
    return bool(person_senses) and not grades.isdisjoint(lexicon.kinds_of(person_senses[0], _GRADE_STEPS))


def _names_a_command(title: str) -> bool:
    """Whether a title's rank words are all written in lower case and name a command, not a grade ("coalition
    commander", "the commander of the fleet", "Navy commander"): the post of whoever commands it, which an officer of
    any rank holds. Capitalised or abbreviated before the name ("Commander Jane Roe", "Cmdr.") it is the rank. A
    grade's word in lower case with what it is over ("captain of the frigate", "the ship's captain") is that command
    too: the post, which English writes with "of" or a possessive, not the grade."""
    ranks = [word for word in role_words(title) if word in RANKS]
    return bool(ranks) and all(
        re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", title)
        and (
            not _a_grade(word) or re.search(rf"(?:\b{re.escape(word)}\s+of\s|['\u2019]s?\s+{re.escape(word)}\b)", title)
        )
        for word in ranks
    )


@functools.cache
def _in_command(post: str) -> bool:
    """Whether WordNet defines a post, in the most frequent person sense of its longest run of last words it knows, as
    in command of something ("commanding officer", "commandant": an officer in command of a military unit): the
    command itself, which an officer of any rank holds, as a grade's word in lower case with what it is over ("captain
    of the frigate") names it too."""
    from factcheck.nlp import lexicon

    words = role_words(post)
    for start in range(len(words)):
        senses = [
            key
            for key in lexicon.senses(" ".join(words[start:]), "n")
            if lexicon.synset(key).lexicographer_file == lexicon.PERSON_FIELD
        ]
        if senses:
            told = lexicon.definition_words(senses[0])
            return any(told[at : at + 3] == ["in", "command", "of"] for at in range(len(told)))
    return False


def _title_as_written(mention: Mention) -> str | None:
    """A mention's title, or its role's words where they write the title's grade as a command the title alone does
    not: "Commander Jane Roe, captain of the frigate Vigil", parsed as the title "captain" with the frigate as its
    organisation, gives the command of the frigate (``_names_a_command``), which an officer of any rank holds."""
    title = mention.title
    if not title or mention.role_span is None or _names_a_command(title):
        return title
    written = mention.role_span.text
    ranks = {word for word in role_words(title) if word in RANKS}
    if ranks and ranks == {word for word in role_words(written) if word in RANKS} and _names_a_command(written):
        return written
    return title


def _a_command_beside_a_rank(left: str | None, right: str | None) -> bool:
    """Whether one title names a command ("coalition commander", ``_names_a_command``) and the other a rank ("Gen.",
    "Rear Admiral"): the officer of that rank in command of it, no second rank ("the commander of coalition forces,
    Gen. Jane Roe", parsed as two titles)."""
    return any(
        command is not None and _names_a_command(command) and any(word in RANKS for word in role_words(rank))
        for command, rank in ((left, right), (right, left))
    )


def _beside_a_command(left: str | None, right: str | None) -> str | None:
    """How two titles differ (``title_conflict_kind``), a command beside a rank read as the post the rank's title gives
    besides the rank: none for a rank alone ("coalition commander" / "Gen."), the post's way of differing for a post
    written with its holder's rank ("the brigade's commander" / "chief of staff Col.")."""
    for command, ranked in ((left, right), (right, left)):
        if (
            command is not None
            and ranked is not None
            and _names_a_command(command)
            and any(word in RANKS for word in role_words(ranked))
        ):
            # The rank words wherever the title writes them ("chief of staff Col.", "Cmdr. ..., the ship's commanding
            # officer"): the command is held at any rank, so only the post beside the rank is compared.
            post = " ".join(word for word in role_words(ranked) if word not in RANKS)
            if not post or _in_command(post):
                # A rank alone, or a rank beside the command named another way ("Cmdr. Jane Roe, the ship's
                # commanding officer"): one post, the command.
                return None
            return title_conflict_kind(command, post)
    kind = title_conflict_kind(left, right)
    if kind == "modifier" and left is not None and right is not None and _whose_beside_which(left, right):
        return None
    return kind


def _whose_beside_which(left: str, right: str) -> bool:
    """Whether two posts of one head differ only by whose post one names and what kind of it the other names: the
    words of one that the other lacks are all nouns for a body of people (WordNet's first sense a group: "the
    government envoy", "team coach"), the other's all adjectives ("special envoy", "head coach"), and without its body
    the first is part of the second. Both are true at once ("the government's special envoy"): no second post. Two
    bodies ("army chief" / "navy chief") or two kinds ("chief executive" / "chief financial officer") still differ."""
    from factcheck.nlp import lexicon

    def body(word: str) -> bool:
        return lexicon.first_noun_field(word) == lexicon.GROUP_FIELD

    for whose, which in ((left, right), (right, left)):
        whose_words, which_words = role_words(whose), role_words(which)
        extra = [word for word in whose_words[:-1] if word not in which_words]
        other = [word for word in which_words[:-1] if word not in whose_words]
        if (
            extra
            and other
            and all(body(word) for word in extra)
            and all(lexicon.senses(word, "a") and not body(word) for word in other)
            and title_conflict_kind(" ".join(word for word in whose_words if word not in extra), which) is None
        ):
            return True
    return False


def _post_of(value: str) -> str:
    """A title's words without the rank written after its post ("chief of staff colonel": the post, then the rank the
    text gives before the name); a title of ranks only stays whole."""
    words = value.split()
    while len(words) > 1 and words[-1] in RANKS and words[-2] not in RANKS:
        words.pop()
    return " ".join(words)


def _one_organisation(
    left_mentions: list[Mention],
    right_mentions: list[Mention],
    parties: frozenset[str],
    text_of: Callable[[str], str] = lambda doc: "",
) -> str | None:
    """The organisation two documents both give the person's post at, as the first of them writes it ("Harbor Skating
    Federation" / "the federation's"; one name inside the other agreeing), or None. An organisation only: a person's
    possessive ("the mayor's chief of staff", "Mark Vell's lawyer") gives whom the post serves. A body named again by
    a common noun ("the airline's head of safety") is the one the other source names when its own document names
    that one too (``text_of``: a document's text)."""

    def organisations(mentions: list[Mention]) -> list[tuple[str, str, str]]:
        found = []
        for mention in mentions:
            written = mention.affiliation or names_in_title(mention.title or "")
            value = normalise_affiliation(written)
            if not value or _for_a_party(mention, parties) or _names_a_person(value.split()[-1]):
                continue
            found.append((mention.doc, value, written))
        return found

    def named_again(common: str, doc: str, named: str) -> bool:
        # "airline" for "Skyway Regional", which the common noun's own document names.
        return " " not in common.strip() and common[:1].islower() and " " in named and named in text_of(doc)

    for a_doc, a, written in organisations(left_mentions):
        for b_doc, b, b_written in organisations(right_mentions):
            if a_doc != b_doc and (
                affiliations_agree(a, b)
                or _describes(a, b)
                or _describes(b, a)
                or named_again(written, a_doc, b_written)
                or named_again(b_written, b_doc, written)
            ):
                return written
    return None


def _describes(common: str, named: str) -> bool:
    """Whether one organisation is written as a common noun that WordNet gives the other's last word as a kind of
    ("the force" for "Westmoor Police": a police force is a force), as a story names a body again ("the force", "the
    club")."""
    from factcheck.nlp import lexicon

    words = named.split()
    if " " in common or len(words) < 2 or not lexicon.senses(common, "n"):
        return False
    kinds = {
        key for key in lexicon.senses(common, "n") if lexicon.synset(key).lexicographer_file == lexicon.GROUP_FIELD
    }
    return any(
        not kinds.isdisjoint(lexicon.kinds_of(key, lexicon.HYPERNYM_STEPS))
        for key in lexicon.senses(words[-1], "n")[:1]
    )


def _names_a_person(word: str) -> bool:
    """Whether WordNet's most frequent sense of a word as a noun is a person ("mayor", "president"; not "force")."""
    from factcheck.nlp import lexicon

    return lexicon.first_noun_field(word) == lexicon.PERSON_FIELD


def _two_formal_titles(left_mentions: list[Mention], right_mentions: list[Mention]) -> bool:
    """Whether two documents each write their title as a formal title before the name ("Gov." / "Sen.")."""
    left_docs = {mention.doc for mention in left_mentions if mention.formal}
    right_docs = {mention.doc for mention in right_mentions if mention.formal}
    return bool(left_docs and right_docs and len(left_docs | right_docs) > 1)


def _two_heads_held_together(left: str, right: str) -> bool:
    """Whether two formal titles both head something (kinds of WordNet's leader at any depth: "Chairman" / "Chief
    Executive", "Team President" / "General Manager", "Health Minister" / "Health Secretary") without being two
    public offices or two posts of one field: one person often holds both, or one office has both names."""
    return (
        leads_something(left, _ANY_DEPTH)
        and leads_something(right, _ANY_DEPTH)
        and not exclusive_offices(left, right)
        and not posts_of_one_field(left, right)
    )


# A post followed by "of" and a bare lower-case noun phrase, no article: the function it heads ("director of
# communications", "head of security"), not an organisation ("director of the agency", "director of Harbor Trust").
_OF_A_FUNCTION = r"\s+of\s+(?!the\b|a\b|an\b|its\b|their\b|his\b|her\b)[a-z][\w-]*"


def _heads_a_function(mention: Mention) -> bool:
    """Whether the mention's role is a post over one function of its organisation ("the agency's director of
    communications"): the parse keeps "director", which alone would read as the head of the agency."""
    if mention.role_span is None or not mention.title:
        return False
    head = role_words(mention.title)
    if not head:
        return False
    # The post's word in any case ("Director of communications"), the function in lower case (a name is no function).
    return bool(re.search(rf"\b(?i:{re.escape(head[-1])}){_OF_A_FUNCTION}", mention.role_span.text))


@functools.cache
def _assists(title: str) -> bool:
    """Whether a word before the title's head names, in one of its person senses, WordNet's assistant or a kind of it
    a step or two down ("assistant coach", "deputy director", "associate dean", "lieutenant governor"): the head's
    helper, who heads nothing, whatever the head noun does, and whom another source may name by the function they
    hold under the head ("Harbor assistant coach" / "Harbor defensive coordinator", "assistant manager" /
    "first-team coach")."""
    from factcheck.nlp import lexicon

    assistant = set(lexicon.senses("assistant", "n")[:1])
    return any(
        assistant & set(lexicon.kinds_of(key, lexicon.HYPERNYM_STEPS))
        for word in role_words(title)[:-1]
        for key in lexicon.senses(word, "n")
        if lexicon.synset(key).lexicographer_file == lexicon.PERSON_FIELD
    )


def _two_posts(left: str, right: str) -> str | None:
    """What two role nouns are, when WordNet gives them as two posts one person does not hold at once."""
    if exclusive_offices(left, right):
        return "two public offices"
    if profession_and_office(left, right):
        return "a profession and a public office"
    return None


def _office_of_a_profession(
    left_mentions: list[Mention], right_mentions: list[Mention], parties: frozenset[str] = frozenset()
) -> bool:
    """Whether one side names the person by a bare profession and the other by an office of it ("attorney" /
    "prosecutor", factcheck.nlp.titles.office_of_the_profession). A profession with a place or organisation before it
    ("U.S. Attorney", "Harbor's attorney" parsed as "Attorney" at "U.S.") may be the office's own name; one for a
    client ("a lawyer for the family") is the profession, and so is one for a person named in the corpus ("Mark Vell's
    lawyer", ``parties``)."""

    def titles(mentions: list[Mention]) -> set[tuple[str, bool]]:  # distinct: a person named 1,000 times
        return {
            (
                mention.title,
                not mention.affiliation or _after_preposition(mention) or _for_a_party(mention, parties),
            )
            for mention in mentions
            if mention.title
        }

    left, right = titles(left_mentions), titles(right_mentions)
    return any(
        (a_bare and office_of_the_profession(a, b)) or (b_bare and office_of_the_profession(b, a))
        for a, a_bare in left
        for b, b_bare in right
    )


# A post given for someone after the noun: "a lawyer for Mark Vell", "counsel representing Vell".
_FOR_SOMEONE = re.compile(r"\b(?:for|of|representing)\s+((?:[A-Z][\w'’-]+\s*){1,3})")


def _for_a_party(mention: Mention, parties: frozenset[str]) -> bool:
    """Whether the mention gives the person's post for another person named in the corpus ("Mark Vell's lawyer", "a
    lawyer for Mark Vell"): a post relative to a party."""
    written = [mention.affiliation or ""]
    if mention.role_span is not None:
        written += [match.group(1) for match in _FOR_SOMEONE.finditer(mention.role_span.text)]
    for text in written:
        words = text.replace("’s", "").replace("'s", "").split()
        # The party named in full or by surname ("Mark Vell", "Vell").
        if any(" ".join(words[index:]).casefold() in parties for index in range(len(words))):
            return True
    return False


def _one_qualifier(left_mentions: list[Mention], right_mentions: list[Mention]) -> bool:
    """Whether two documents write the title with the same organisation or place before it ("Harbor attorney Jane
    Roe" / "Harbor judge Jane Roe", "Jane Roe, Harbor's coach"; the place the parse left inside a lower-case title,
    "Harbor head coach", counts too): one label, its role noun changed. An organisation after a preposition ("a
    lawyer for Harbor") is whom the person works for, not the label."""

    def labels(mentions: list[Mention]) -> set[tuple[str, str]]:
        before_the_name = (
            (mention.doc, normalise_affiliation(mention.affiliation or names_in_title(mention.title or "")))
            for mention in mentions
            if (mention.affiliation or mention.title)
            and mention.role_span is not None
            and (mention.role_span.end <= mention.name_span.start or not _after_preposition(mention))
        )
        return {(doc, label) for doc, label in before_the_name if label}

    left, right = labels(left_mentions), labels(right_mentions)
    return any(a_doc != b_doc and a == b for a_doc, a in left for b_doc, b in right)


Role = tuple[str | None, str | None]  # (title, affiliation) as one mention gives them


def _office_within(first: Role, second: Role) -> bool:
    """Whether the first title's word is built on a word of the second's organisation: "Councilman" on "City Council".

    Built on, not equal to: a place the parse left inside a title ("Eastport Congressman" at "Eastport") is no office
    of that place's council, and "Eastport Governor" against it is two offices.
    """
    words = [word.casefold() for word in (second[1] or "").split() if len(word) >= 4]
    return any(
        len(title_word) > len(word) and title_word.casefold().startswith(word)
        for title_word in (first[0] or "").split()
        for word in words
    )


def _member_of_its_body(first: Role, second: Role) -> bool:
    """Whether the first title names a member of a body of peers (WordNet: "senator", a member of a senate;
    factcheck.nlp.lexicon.member_of) that the second role gives as where its post is held ("Senate Majority Leader",
    "House Speaker"): whoever leads such a body is one of its members, so the two are held together."""
    from factcheck.nlp import lexicon

    members = {word for title_word in role_words(first[0] or "") for word in lexicon.member_of(title_word)}
    if not members:
        return False
    body = set(normalise_affiliation(second[1] or "").split()) | set(role_words(second[0] or "")[:-1])
    return not members.isdisjoint(body)


def _a_member_chairing_peers(first: Role, second: Role) -> bool:
    """Whether the first title names a member of a body of peers (WordNet: a representative is a member of the House
    of Representatives, a senator of a senate; ``lexicon.member_of``) and the second heads a body of peers (a committee,
    a commission: ``lexicon.deliberative``), as its title or organisation names it: such a body's members choose who
    chairs it from among themselves, and a legislator chairing one keeps her seat, so the two are held together."""
    from factcheck.nlp import lexicon

    if not any(lexicon.member_of(word) for word in role_words(first[0] or "")):
        return False
    title_words = role_words(second[0] or "")
    body = normalise_affiliation(second[1] or "").split() + title_words[:-1]
    return bool(title_words) and leads_something(second[0] or "") and lexicon.deliberative(body)


def _one_post(left_mentions: list[Mention], right_mentions: list[Mention]) -> bool:
    """Whether two affiliations are given for one post: with titles that agree, or without a title on one side.

    Organisations given with two different roles ("City Councilman" / "a frequent NYPD critic",
    "professor at A" / "adviser to B") describe two relations, not one post at two places.
    """
    left_titles = {mention.title for mention in left_mentions}
    right_titles = {mention.title for mention in right_mentions}
    return any(title_conflict_kind(a, b) is None for a in left_titles for b in right_titles)


def _head_stem(title: str) -> str:
    words = role_words(title)
    return stem(words[-1]) if words else ""


def _told_with_another_role(
    left: str,
    right: str,
    left_mentions: list[Mention],
    right_mentions: list[Mention],
    same_fact: SameFact,
    words_about: WordsAbout,
) -> bool:
    """Whether two aligned claims give the person these two role nouns, neither mention's sentence having the other's.

    The sentence, not the whole claim, and not another person's name or role in it: a claim may be a paragraph one
    quote runs over, and another sentence of it may name someone else by the other noun ("The men have met their
    lawyers. ... Jane Roe, judge for Mr Doe, said ..."), as may the same sentence ("Defense attorney Jane Roe told
    Judge Sam Ito ...")."""
    left_head, right_head = _head_stem(left), _head_stem(right)
    for a in left_mentions:
        for b in right_mentions:
            words = same_fact.get(frozenset((a.claim, b.claim)))
            if words is None:
                continue
            if left_head not in words_about(b, words[b.claim]) and right_head not in words_about(a, words[a.claim]):
                return True
    return False


def _every_word(mention: Mention, words: ClaimWords) -> set[str]:
    return {key for key, _ in words}


def _words_about(corpus: Corpus, people: Sequence[Person]) -> WordsAbout:
    """The words of the sentence of its claim that holds a mention's name (and its role, when the parse put the role
    in the next sentence), less other people's names and roles there; each claim's sentences read once."""
    others_in: dict[str, list[tuple[str, Span]]] = defaultdict(list)  # claim -> (person, a span naming them)
    for person in people:
        for mention in person.mentions:
            for span in (mention.name_span, mention.role_span):
                if mention.claim and span is not None:
                    others_in[mention.claim].append((person.name, span))
    person_of = {id(mention): person.name for person in people for mention in person.mentions}

    @functools.cache
    def claim_sentences(claim_id: str) -> tuple[tuple[int, int], ...]:
        claim = corpus.claim(claim_id)
        return tuple(split_sentences(corpus.text_of(claim.doc).text, claim.span.start, claim.span.end))

    def words_about(mention: Mention, words: ClaimWords) -> set[str]:
        if not mention.claim:
            return _every_word(mention, words)
        spans = [mention.name_span, *([mention.role_span] if mention.role_span else [])]
        holding = [
            (start, end)
            for start, end in claim_sentences(mention.claim)
            if any(start <= span.start < end for span in spans)
        ]
        start = min((start for start, _ in holding), default=0)
        end = max((end for _, end in holding), default=1 << 62)
        own = person_of.get(id(mention))
        elsewhere = [span for name, span in others_in[mention.claim] if name != own]
        return {
            key
            for key, offset in words
            if start <= offset < end and not any(span.start <= offset < span.end for span in elsewhere)
        }

    return words_about


def _value_words(value: str, kind: str) -> list[str]:
    """The words of a title (its role words) or an affiliation, as the dictionary writes them."""
    words = role_words(value) if kind == "title" else normalise_affiliation(value).split()
    return [_word_form(word) for word in words]


@functools.cache
def _word_form(word: str) -> str:
    """A word as the dictionary writes it ("coaches" -> "coach"); not its stem, which joins "senator" to "senate" and
    "officer" to "office"."""
    forms = base_forms(word, "n")
    return forms[0] if forms else word


# Words that hand a person a post ("was named head coach", "promoted to captain", "took over as mayor"): a sentence
# that gives the other post after one of them tells of a post changing hands. Without one, the other post's words are
# someone else's ("said prosecutors had rushed the case", "after the team fired its coach").
_TAKES_A_POST = frozenset(
    {
        *("named", "appointed", "promoted", "elected", "hired", "nominated", "tapped", "chosen", "selected"),
        *("sworn", "installed", "elevated", "became", "become", "becomes", "becoming", "as"),
        *("succeeded", "succeeds", "succeeding", "replaced", "replaces", "replacing"),
    }
)
POST_CUE_REACH = 3  # words before the post in which the word that hands it over stands


def _post_taken(told: Sequence[str], words: Sequence[str]) -> bool:
    """Whether a sentence's words give someone a post: its words in a row, the last one singular (a post one person
    holds: not "prosecutors"), within ``POST_CUE_REACH`` words after a word that hands a post over or gives it for the
    time being ("named head coach", "the interim chief executive")."""
    size = len(words)
    for at in range(len(told) - size + 1):
        run = told[at : at + size]
        # The reach counts from where the post's words begin: title words before the run are the same post's ("as the
        # club's next head coach" gives "coach" too).
        begins = at
        while begins > 0 and is_title_word(told[begins - 1]):
            begins -= 1
        if (
            [_word_form(word) for word in run] == list(words)
            and _word_form(run[-1]) == run[-1]
            and any(
                word in _TAKES_A_POST or word in _HELD_FOR_NOW
                for word in told[max(0, begins - POST_CUE_REACH) : begins]
            )
        ):
            return True
    return False


# Words that give a post held for the time being ("who is acting chief", "the interim coach"): a sentence that gives
# the other post's head noun right after one of them has the person stand in for that post, beside their own.
_HELD_FOR_NOW = frozenset({"acting", "interim", "caretaker"})


def _post_held_for_now(told: Sequence[str], words: Sequence[str]) -> bool:
    """Whether a sentence's words give the post whose words these are (its head noun, singular) right after a word for
    a post held for the time being ("Deputy Chief Jane Roe, who is acting chief"): the person stands in for it, and
    another source's "Chief Jane Roe" is that post's acting form, no second post."""
    head = words[-1]
    return any(told[at] == head and told[at - 1] in _HELD_FOR_NOW for at in range(1, len(told)))


def _tells_of(corpus: Corpus, mentions: Sequence[Mention]) -> TellsOf:
    """Whether the sentence holding a mention's name and role, less every person's name and role the mentions give
    (the person's own and other people's, former ones too), tells of a value too: an affiliation's words anywhere
    ("Jane Roe of Harbor Holdings, which owns Harbor Motors"), a title's words handed to someone (``_post_taken``;
    a final "officer" of a written-out title may be left out, as "chief executive" is written for "chief executive
    officer"); each document's sentences read once."""
    named_in: dict[str, list[Span]] = defaultdict(list)  # doc -> the spans naming people and their roles
    for mention in mentions:
        named_in[mention.doc] += [span for span in (mention.name_span, mention.role_span) if span is not None]

    @functools.cache
    def sentences(doc: str) -> tuple[tuple[int, int], ...]:
        return tuple(split_sentences(corpus.text_of(doc).text))

    @functools.cache
    def words_besides_roles(doc: str, at: int) -> tuple[str, ...]:
        text = corpus.text_of(doc).text
        start, end = next(((a, b) for a, b in sentences(doc) if a <= at < b), (at, at))
        cut = sorted(
            (max(span.start, start), min(span.end, end))
            for span in named_in[doc]
            if span.start < end and start < span.end
        )
        kept, position = [], start
        for a, b in cut:
            if a > position:
                kept.append(text[position:a])
            position = max(position, b)
        kept.append(text[position:end])
        return tuple(role_words(" ".join(kept)))

    @functools.cache
    def word_forms_besides_roles(doc: str, at: int) -> Counter[str]:
        return Counter(_word_form(word) for word in words_besides_roles(doc, at))

    def tells_of(mention: Mention, value: str, kind: str) -> bool:
        words = _value_words(value, kind)
        if not words or mention.role_span is None:
            # Only the sentence that gives the role tells of it: a quoted speaker's title may come from elsewhere.
            return False
        if kind != "title":
            found = word_forms_besides_roles(mention.doc, mention.name_span.start)
            return all(found[word] for word in words)
        told = words_besides_roles(mention.doc, mention.name_span.start)
        return (
            _post_taken(told, words)
            or (len(words) > 2 and words[-1] == "officer" and _post_taken(told, words[:-1]))
            or _post_held_for_now(told, words)
        )

    return tells_of


def _nearest_pairs(left: list[date], right: list[date]) -> Iterable[tuple[date, date]]:
    """For each date on the left, its nearest neighbours among the sorted right dates (n log n, not n x m)."""
    for day in left:
        position = bisect.bisect_left(right, day)
        for index in (position - 1, position):
            if 0 <= index < len(right):
                yield day, right[index]
