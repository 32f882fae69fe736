"""Person mentions with a title or affiliation, collected from a corpus's claims and grouped into people.

Surnames resolve to an earlier full mention in the same document; people are grouped by
surname first, then by name form (factcheck.nlp.names), so the work grows with the mentions.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace

from factcheck.model import Corpus, Span
from factcheck.nlp.names import RANKS, PersonName, resolve_mention, role_words, same_person
from factcheck.nlp.roles import is_post_noun, is_title_word, names_its_own_post, title_before
from factcheck.nlp.titles import (
    clean_role,
    framed_as_former,
    holds_a_post_in,
    leads_something,
    names_a_brief,
    names_no_person,
    names_whoever_leads,
    plausible_title,
    rank_before,
)


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
    formal: bool = (
        False  # the title stands before the name as a formal title ("Gov. Jane Roe", "said Police Chief Jane Roe")
    )
    # The title is one of the further titles the mention gives (``Actor.further_titles``: "chief executive" of "Jane
    # Roe, chairman and chief executive"), read as a mention of its own; the mention's main title is another.
    further: bool = False

    @property
    def evidence(self) -> Span:
        return self.role_span or self.name_span


_SENTENCE_END = ".!?:;\n"
_QUOTE_MARKS = "\"'“”‘’«»"


def formal_title(text: str, title: str | None, name_span: Span) -> bool:
    """Whether ``title`` is written as a formal title right before the name: capitalised inside a sentence
    ("the blast, said Police Chief Jane Roe", "Alaska Gov. Jane Roe"), or an abbreviated title anywhere ("Sen.").

    News style capitalises a title before a name only when it is the person's office; an occupation
    or a description stays lower case ("actress Jane Roe", "Playboy founder Jane Roe"). A capital at
    the start of a sentence or headline says nothing, so there it counts only in its abbreviated form or
    on a later word of the title ("Police Chief", outside the first line).
    """
    if not title or not title[:1].isupper():
        return False
    words = title.split()
    if not all(word[:1].isupper() for word in words):
        return False
    if name_span.text.startswith(title + " "):
        before = text[: name_span.start]
    else:
        low = max(0, name_span.start - len(title) - 4)
        prefix = text[low : name_span.start].rstrip()
        if not prefix.endswith(title):
            return False
        before = text[:low] + prefix[: len(prefix) - len(title)]
    abbreviated = words[-1].endswith(".") and len(words[-1]) <= 5
    context = before.rstrip().rstrip(_QUOTE_MARKS).rstrip()
    # A line's start is a sentence's, also after a headline that ends without a stop.
    line_start = before.rstrip(" \t").rstrip(_QUOTE_MARKS).endswith("\n")
    if abbreviated or (context and context[-1] not in _SENTENCE_END and not line_start):
        return True
    # At a sentence's start the first capital says nothing, but a later word's does ("Police Chief Jane Roe, 46,
    # was hurt"), except in the first line, a headline that may capitalise every word.
    # An acronym ("MP", "CEO") is capitalised wherever it stands, so it is no such sign ("Sacked MP Jane Roe").
    later = [word for word in words[1:] if not word.replace(".", "").isupper()]
    return bool(later) and "\n" in before.lstrip()


def _is_full(name: str) -> bool:
    parsed = PersonName.parse(name)
    return parsed is not None and not parsed.is_single


def collect_mentions(corpus: Corpus) -> list[Mention]:
    """Person mentions with a title or affiliation, surnames resolved to earlier full mentions."""
    mentions: list[Mention] = []
    for document in sorted(corpus.documents, key=lambda doc: doc.id):
        raw: list[tuple[int, Mention, tuple[Span, ...]]] = []
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
                            actor.further_titles,
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
                        quote.speaker_further_titles,
                    )
                )
        raw.sort(key=lambda item: (item[0], item[1].name))
        known: list[str] = []
        text = corpus.text_of(document.id).text
        for _, mention, further_titles in raw:
            name = mention.name
            given = _given_name_read_as_title(text, mention)
            if given is not None:
                # "by Ana Roe, who is not related to the winner", parsed as the title "Ana" before "Roe": the text
                # names someone else in full, whom a later bare "Roe" may mean as well as the winner.
                known.append(f"{given} {mention.name_span.text}")
                continue
            if _is_full(name):
                known.append(name)
            else:
                resolved = resolve_mention(name, known)
                if resolved is None:
                    continue
                name = resolved
            given_title = clean_role(mention.title)  # an honorific alone ("Dr.") is no title, and no phrase either
            title, affiliation = plausible_title(given_title, name), clean_role(mention.affiliation)
            if given_title and title is None:
                # The affiliation came with a phrase that is no title ("an eight-year contract at the Winter
                # Meetings", "one of the founders of X"): it says where something happened, not where she works.
                affiliation = None
            if title and affiliation and title.casefold() == affiliation.casefold():
                title = None  # "City Councilman" read as the title "City" at "City"
            title = _without_affiliation(title, affiliation)
            if mention.role_span is not None and clean_role(mention.role_span.text) is None:
                title = affiliation = None  # the role span ran on into the next name's "Mr"
            role_span = mention.role_span
            if title and names_no_person(title):
                # "senator Jane Roe of Tennessee, Page's home state": the appositive says what the place is, so the
                # person's title is the one written before the name, if any (read at check time, so cached
                # extractions stay valid).
                title, affiliation, role_span = _title_before_name(corpus.text_of(document.id).text, mention)
            title = _whole_hyphenated_word(title, role_span)
            if title or affiliation:
                formal = formal_title(text, title, mention.name_span)
                title, role_span = _with_rank(text, title, mention.name_span, role_span)
                mentions.append(
                    Mention(
                        mention.doc,
                        name,
                        mention.name_span,
                        title,
                        affiliation,
                        role_span,
                        mention.former,
                        mention.claim,
                        formal,
                    )
                )
            titles_given: list[str] = [title] if title else []
            for span in further_titles:
                further = _further_title(span, name, titles_given)
                if further is not None:
                    titles_given.append(further)
                    mentions.append(
                        Mention(
                            mention.doc,
                            name,
                            mention.name_span,
                            further,
                            None,
                            span,
                            False,
                            mention.claim,
                            formal_title(text, further, mention.name_span),
                            further=True,
                        )
                    )
    return mentions


def _further_title(span: Span, name: str, given: list[str]) -> str | None:
    """A further title of a mention as a title of its own (``Mention.further``), or None: none when it is no post
    (an honorific, a phrase that names no person), framed as past, or one post with a title the mention gives already
    (the rank the main title holds, "Federation president" beside "president")."""
    title = plausible_title(clean_role(span.text), name)
    if not title or names_no_person(title) or framed_as_former(title):
        return None
    title = _whole_hyphenated_word(title, span) or title
    words = set(role_words(title))
    if not words or any(words <= set(role_words(other)) or set(role_words(other)) <= words for other in given):
        return None
    return title if _names_a_post(title) else None


def _names_a_post(title: str) -> bool:
    """Whether a title names a post, not a description of the person ("Actress and champion swimmer Jane Roe": the
    swimmer is what she does, which another outlet calls a "record-setting swimmer"): a rank or title word heads it, or
    WordNet gives it as heading something or as a post held in an organisation (factcheck.nlp.titles)."""
    words = role_words(title)
    return bool(words) and (
        words[-1] in RANKS or is_title_word(words[-1]) or leads_something(title) or holds_a_post_in(title)
    )


def _given_name_read_as_title(text: str, mention: Mention) -> str | None:
    """The given name the parse took for a title before a bare surname, or None: one capitalised word right before the
    name that is no title word, no post WordNet knows and no acronym ("Ana" in "a documentary by Ana Roe" read as the
    title "Ana" of "Roe", whom extraction then resolved to the story's Mira Roe)."""
    title = mention.title
    if (
        not title
        or _is_full(mention.name_span.text)
        or not title.isalpha()
        or not title[:1].isupper()
        or title.isupper()
    ):
        return None
    if is_title_word(title) or is_post_noun(title):
        return None
    before = text[: mention.name_span.start]
    return title if re.search(rf"(?<![\w.-]){re.escape(title)}\s+$", before) else None


def _whole_hyphenated_word(title: str | None, role_span: Span | None) -> str | None:
    """The title run on to the end of the written word its last part begins: the parse may split "co-founder" into
    "co" "-" "founder" and take the first part for the post, which no other source's title would match."""
    if not title or role_span is None:
        return title
    match = re.search(rf"(?<![\w-]){re.escape(title)}(-[^\W\d_]+)+(?![\w-])", role_span.text)
    return title + match.group(1) if match else title


def _title_before_name(text: str, mention: Mention) -> tuple[str | None, str | None, Span | None]:
    """The title, affiliation and role span written right before the mention's name, or nothing."""
    before = title_before(text, mention.name_span.start)
    if before.title is None or before.former or before.start is None:
        return None, None, None
    start, end = before.start, mention.name_span.end
    return (
        plausible_title(before.title, mention.name),
        clean_role(before.affiliation),
        Span(doc=mention.name_span.doc, start=start, end=end, text=text[start:end]),
    )


def _without_affiliation(title: str | None, affiliation: str | None) -> str | None:
    """The title without its organisation or place when the parse left them in front of it.

    "Eastport Congressman" at "Eastport" is the post "Congressman"; kept whole, the place's name would make
    a second post of any other title ("Governor" at "Eastport"), and one title of its own organisation.
    """
    if not title or not affiliation or not title.casefold().startswith(affiliation.casefold() + " "):
        return title
    return title[len(affiliation) + 1 :].strip() or title


def with_the_organisations_word(mention: Mention, other_titles: set[str]) -> Mention:
    """The mention with the last word of its organisation back in its title, when another title of the person holds
    the two as one post and WordNet knows them as a post of their own.

    The parse and the text patterns read a capitalised common noun before a post as its organisation ("Police" of
    "Police Chief Jane Roe"), which leaves the post "Chief": no longer the police chief another source's "Deputy
    Police Chief" is the deputy of. Only where another title shows the word as part of the post: "Home" of "Home
    Secretary" stays the department when every source writes it so, and a minister moved from one department to
    another between two articles is no second title. Only a word written right before the title ("attorney for the
    District" is no district attorney), and only one that names another post than the title alone ("Police
    Constable" is the constable "spokesman Constable" is too). A common noun for what a post is over ("Trade",
    "Transport", "Health": factcheck.nlp.titles.names_a_brief) is the post's brief wherever it is written, as it is
    in lower case ("trade minister"): "Trade Minister" is not the "Finance Minister" another source gives. Before a
    word for whoever leads ("Fire Chief", "Rescue Chief") it names the body, which outlets name in several ways.
    """
    if not mention.title or not mention.affiliation:
        return mention
    words = mention.affiliation.split()
    joined = f"{words[-1]} {mention.title}"
    pattern = re.compile(rf"(?<![\w-]){re.escape(joined.casefold())}(?![\w-])")
    if mention.role_span is not None and not pattern.search(mention.role_span.text.casefold()):
        return mention
    # A common noun for what a post is over ("Trade" of "Trade Minister", "Transport" of "Transport Secretary") is
    # the post's brief, as it is written in lower case ("trade minister"), whatever other sources write: the post
    # is "Trade Minister", which another source's "Finance Minister" is not.
    # A word for whoever leads ("Fire Chief", "Rescue Chief") has the body before it, not a brief.
    of_a_field = (
        mention.title[:1].isupper()
        and words[-1][:1].isupper()
        and names_a_brief(words[-1])
        and not names_whoever_leads(mention.title)
    )
    if not of_a_field and (
        not any(pattern.search(title) for title in other_titles) or not names_its_own_post(words[-1], mention.title)
    ):
        return mention
    return replace(mention, title=joined, affiliation=" ".join(words[:-1]) or None)


def _with_rank(text: str, title: str | None, name_span: Span, role_span: Span | None) -> tuple[str | None, Span | None]:
    """The title with the rank written before the name when the title read is another office.

    "Capt. Jane Roe, a spokeswoman for the county": the parse gives the appositive office, and the
    rank is a fact of its own that another source may give differently ("Lt. Jane Roe"). The role
    span then reaches back over the rank, so the evidence shows it.
    """
    if not title or any(word in RANKS for word in role_words(title)):
        return title, role_span
    rank = rank_before(text, name_span.start)
    if rank is None:
        return title, role_span
    start, words = rank
    end = max(name_span.end, role_span.end if role_span is not None else name_span.end)
    # The rank goes after the office, so "Lt." beside "gang unit" is not read as "lieutenant" of a post.
    return f"{title} {words}", Span(doc=name_span.doc, start=start, end=end, text=text[start:end])


@dataclass
class Person:
    """One person: the full name first seen, and every mention of them."""

    name: str
    parsed: PersonName
    mentions: list[Mention]


def group_people(mentions: list[Mention], aliases: dict[str, str] | None) -> list[Person]:
    """Mentions grouped into people, near-linear: by surname, then by name form within a surname.

    Each mention is compared with the few people already known under its surname, never
    with every other mention.
    """
    by_surname: dict[str, list[Person]] = defaultdict(list)
    people: list[Person] = []
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
            match = Person(mention.name, parsed, [])
            known.append(match)
            people.append(match)
        match.mentions.append(mention)
    return people
