"""FC012 quote-provenance: one quote credited to different speakers, or reworded, across sources."""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from factcheck.checks.base import Check, CheckContext, connected_groups
from factcheck.model import Actor, Claim, Corpus, Finding, Severity, normalise_text
from factcheck.nlp.affiliations import normalise_affiliation
from factcheck.nlp.names import (
    PersonName,
    gender_in_text,
    name_key,
    resolve_mention,
    same_person,
)
from factcheck.nlp.negation import negations
from factcheck.nlp.roles import is_post_noun, is_title_word
from factcheck.nlp.sentences import split_sentences
from factcheck.nlp.titles import speaks_for_others

# Defaults, each overridable as thresholds["quote-provenance.<name>"]:
SIMILAR = 85.0  # rapidfuzz fuzz.ratio (0-100) on folded text at or above which two quotes are one quote
CONTAINED = 95.0  # fuzz.partial_ratio for a shorter quote inside a longer one (an excerpt)
MIN_WORDS = 5  # shorter quotes ("historic", "a threat") are too common to trace
# Blocking: two quotes are compared only when they share this many indexing words...
SHARED_WORDS = 3
# ...and words found in more quotes than this are too common to index.
MAX_POSTINGS = 50

_STOPWORDS = frozenset(
    {
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "for",
        "is",
        "are",
        "was",
        "were",
        "be",
        "this",
        "that",
        "it",
        "we",
        "our",
        "with",
        "as",
        "by",
        "at",
        "from",
        "but",
        "not",
        "will",
    }
)


@dataclass(frozen=True)
class _Quote:
    claim: Claim
    text: str  # folded
    words: tuple[str, ...]
    speaker: str | None
    co_speakers: tuple[str, ...] = ()  # "Jane Roe and Sam Ito said": the speaker is Jane Roe, Sam Ito speaks too

    @property
    def credit(self) -> tuple[str, ...]:
        return (self.speaker, *self.co_speakers) if self.speaker else ()


def _index_words(text: str) -> set[str]:
    return {word for word in text.split() if word not in _STOPWORDS and len(word) > 2}


def _changed_words(a: str, b: str) -> tuple[set[str], set[str]]:
    left, right = set(a.split()), set(b.split())
    return left - right, right - left


def _negations_changed(a: _Quote, b: _Quote, *, within_longer: bool = False) -> set[str]:
    """The negating words one wording has more of than the other: a change of them turns the quote's meaning.

    ``within_longer`` compares the shorter wording with the stretch of the longer that it matches best, as an
    excerpt is read, so a "not" the excerpt leaves out elsewhere in the longer quote is no change."""
    assert a.claim.quote is not None and b.claim.quote is not None
    shorter, longer = sorted((a.claim.quote.span.text, b.claim.quote.span.text), key=len)
    if within_longer:
        from rapidfuzz import fuzz

        window = fuzz.partial_ratio_alignment(shorter, longer)
        if window is not None:  # None only below a score_cutoff, which is not asked for
            longer = longer[window.dest_start : window.dest_end]
    left, right = negations(shorter), negations(longer)
    return {word for word in left | right if left[word] != right[word]}


class QuoteProvenanceCheck(Check):
    """The same quote in several sources credited to different speakers, or reworded.

    **What it checks.** Quotes are compared across documents with rapidfuzz on case- and
    punctuation-folded text: ``fuzz.ratio`` >= 85 makes two quotes one quote, and a shorter
    quote whose ``fuzz.partial_ratio`` against a longer one is >= 95 is an excerpt of it.
    Quotes shorter than five words are not traced. Then:

    * credited to *different speakers* (names that are not one person by
      factcheck.nlp.names, titles, initials and a leading initial aside: "W. Mark Felt" is
      "Mark Felt") -> ``warning``. "he said" counts as the person the text last quoted or
      made the subject, "the spokesman said" as the person it called the spokesman
      (resolved at extraction); a role alone ("her rep told People") is no speaker of
      record and is not compared. ``data["alignment"]`` marks both speakers' words.
      ``info`` instead, with the reason in ``data["doubts"]``, when one source's own text
      leaves its credit open: its sentence names the other source's speaker too ("Jane Roe
      said, reading a statement from Sam Ito"), or its speaker was read from "he/she said"
      and the text either calls that person by a word of the other sex ("Ms", "his wife") or names the
      other source's speaker too, whom the pronoun may stand for; or one source credits a spokesman of an
      organisation ("Harbor Airlines spokesman Sam Ito") and the other someone it gives a post at that organisation
      ("Harbor Airlines chief executive Jane Roe"): the organisation's statement, given out by one and signed by the
      other;
    * the same speaker but *materially changed wording* (not just an excerpt) -> ``info``,
      showing the wordings; ``warning`` when the change adds or drops a negation.

    One quote carried by several sources is one quote: each kind of difference is reported once
    per quote (the sources grouped by speaker, every wording shown), not once per pair of sources.

    A quote that only one source carries is no finding: it is counted in the document's
    corroboration summary (``RunResult.corroboration``, one line per document in the
    report, every single-source claim in the JSON), as news routinely quotes someone the
    other outlets do not; the opt-in ``uncorroborated`` check turns that summary into findings.

    Candidates are found through an inverted index of the quotes' content words (a pair is
    compared only when it shares three of them; words in more than 50 quotes are not
    indexed), so a large run is not compared all-pairs.

    **Why it matters.** A quote that moves between speakers or changes its words as it is
    copied is a sign of careless or invented sourcing.

    **Example.** Document A: *"Deterrence keeps the peace," said Jane Roe.* Document B:
    *"Deterrence keeps the peace," said John Doe.* -> warning, both spans cited.

    **Suppress** with ``--ignore quote-provenance`` or a resolution; thresholds are tunable
    as ``quote-provenance.similar``, ``.contained``, ``.min_words``.
    """

    code = "FC012"
    slug = "quote-provenance"
    severity = Severity.WARNING

    def run(self, corpus: Corpus, context: CheckContext) -> Iterable[Finding]:
        from rapidfuzz import fuzz

        settings = context.settings
        similar = settings.threshold("quote-provenance.similar", SIMILAR)
        contained = settings.threshold("quote-provenance.contained", CONTAINED)
        min_words = int(settings.threshold("quote-provenance.min_words", MIN_WORDS))

        quotes = []
        named_in: dict[str, list[str]] = {}
        # A document's text is read back only for a lone surname its tagged names leave open, once per document.
        text_of = functools.cache(lambda doc: corpus.text_of(doc).text)
        for claim in corpus.claims:
            if claim.quote is None:
                continue
            text = normalise_text(_without_insertions(claim.quote.span.text))
            if len(text.split()) >= min_words:
                if claim.doc not in named_in:
                    named_in[claim.doc] = _full_names(corpus, claim.doc)
                document = functools.partial(text_of, claim.doc)
                speaker = _resolved(speaker_of_record(claim.quote.speaker), named_in[claim.doc], document)
                if _quotes_a_named_text(claim):
                    speaker = None  # "Labour's slogan would be '...'": the slogan's words, nobody's utterance
                others = (
                    _resolved(speaker_of_record(name), named_in[claim.doc], document)
                    for name in claim.quote.co_speakers
                )
                co_speakers = tuple(name for name in others if name) if speaker else ()
                quotes.append(_Quote(claim, text, tuple(text.split()), speaker, co_speakers))

        matched: list[tuple[int, int, bool, bool]] = []
        for left, right in self._candidates(quotes):
            a, b = quotes[left], quotes[right]
            if a.claim.doc == b.claim.doc:
                continue
            shorter, longer = sorted((a.text, b.text), key=len)
            inside = longer.find(shorter) >= 0 or fuzz.partial_ratio(shorter, longer) >= contained
            if fuzz.ratio(a.text, b.text) >= similar or inside:
                # A part that drops or adds a "not" is no excerpt: it says the opposite.
                matched.append((left, right, inside and not _negations_changed(a, b, within_longer=True), inside))
        findings: list[Finding] = []
        for pairs in _one_quote_each(matched):
            findings.extend(self._findings_for_quote(quotes, pairs, corpus))
        return findings

    def _candidates(self, quotes: list[_Quote]) -> list[tuple[int, int]]:
        postings: dict[str, list[int]] = defaultdict(list)
        for index, quote in enumerate(quotes):
            for word in _index_words(quote.text):
                postings[word].append(index)
        shared: dict[tuple[int, int], int] = defaultdict(int)
        for members in postings.values():
            if len(members) > MAX_POSTINGS:
                continue
            for position, left in enumerate(members):
                for right in members[position + 1 :]:
                    shared[(left, right)] += 1
        self.candidate_pairs = len(shared)  # pairs sharing at least one indexed word
        sizes = [len(_index_words(quote.text)) for quote in quotes]  # once per quote, not per pair
        pairs = []
        for (left, right), count in shared.items():
            needed = min(SHARED_WORDS, sizes[left], sizes[right])
            if count >= max(needed, 1):
                pairs.append((left, right))
        return sorted(pairs)

    def _findings_for_quote(
        self, quotes: list[_Quote], pairs: list[tuple[int, int, bool, bool]], corpus: Corpus
    ) -> list[Finding]:
        """At most one speaker finding and one wording finding for one quote, however many sources carry it.

        A quote five outlets carry is one quote: its pairs are judged one by one (two speakers of record
        that are not one person; wording changed beyond an excerpt), and each kind of difference is reported
        once, with every source involved as evidence.
        """
        speaker_pairs = []
        doubtful_pairs = []  # two credits, one of which its own text leaves open (see _credit_in_doubt)
        doubts: list[str] = []
        wording_pairs = []
        for left, right, excerpt, inside in pairs:
            a, b = quotes[left], quotes[right]
            if a.speaker and b.speaker and _credits_differ(a.credit, b.credit) and not _relayed(corpus, a, b):
                doubt = _credit_in_doubt(corpus, a, b) or _credit_in_doubt(corpus, b, a)
                if doubt is None:
                    speaker_pairs.append((a, b))
                else:
                    doubtful_pairs.append((a, b))
                    doubts.append(doubt)
            elif a.text != b.text and not excerpt:
                wording_pairs.append((a, b, inside))
        findings = []
        if speaker_pairs:
            findings.append(self._speaker_finding(speaker_pairs))
        elif doubtful_pairs:
            findings.append(self._speaker_finding(doubtful_pairs, doubts=sorted(set(doubts))))
        if wording_pairs:
            findings.append(self._wording_finding(wording_pairs))
        return findings

    def _speaker_finding(self, pairs: list[tuple[_Quote, _Quote]], doubts: list[str] | None = None) -> Finding:
        """A warning; info when every pair has a credit its own text leaves open (``doubts`` says how)."""
        members = _members(pairs)
        credited: list[tuple[tuple[str, ...], list[str]]] = []  # each credit (name forms as one) and its documents
        for quote in members:
            assert quote.speaker is not None
            entry = next((item for item in credited if _same_credit(item[0], quote.credit)), None)
            if entry is None:
                credited.append((quote.credit, [quote.claim.doc]))
            elif quote.claim.doc not in entry[1]:
                entry[1].append(quote.claim.doc)
        evidence = []
        for quote in members:
            assert quote.claim.quote is not None
            for span in (quote.claim.quote.span, quote.claim.quote.credit_span or quote.claim.quote.speaker_span):
                if span is not None and span not in evidence:
                    evidence.append(span)
        first, second = pairs[0]
        assert first.claim.quote is not None and second.claim.quote is not None
        where = "; ".join(f"to {' and '.join(credit)} in {', '.join(docs)}" for credit, docs in credited)
        why = f" ({'; '.join(doubts)})" if doubts else ""
        message = (
            f"The same quote is credited {where}{why}: "
            f'"{first.claim.quote.span.text}" / "{second.claim.quote.span.text}"'
        )
        docs = sorted({quote.claim.doc for quote in members})
        return self.finding(
            message,
            evidence,
            severity=Severity.INFO if doubts else Severity.WARNING,
            key=f"speakers|{'|'.join(docs)}",
            suggestion="find the original source of the quote and who said it",
            data={
                "kind": "different-speakers",
                "speakers": [" and ".join(credit) for credit, _ in credited],
                "documents": docs,
                "slot": "speaker",
                "doubts": doubts or [],
                "alignment": {"left": _side(first.claim), "right": _side(second.claim)},
            },
        )

    def _wording_finding(self, pairs: list[tuple[_Quote, _Quote, bool]]) -> Finding:
        members = _members([(a, b) for a, b, _ in pairs])
        removed: set[str] = set()
        added: set[str] = set()
        polarity: set[str] = set()
        for a, b, inside in pairs:
            gone, new = _changed_words(a.text, b.text)
            removed |= gone
            added |= new
            # The stretch of the longer wording that the shorter matches is read only for a part of it (an excerpt):
            # two whole wordings with as many negations say the same, however they moved one ("I don't think we
            # were" / "I think we weren't"); cut to the stretch, the longer would lose its opening "didn't".
            polarity |= _negations_changed(a, b) or (_negations_changed(a, b, within_longer=True) if inside else set())
        severity = Severity.WARNING if polarity else Severity.INFO
        who = next((quote.speaker for quote in members if quote.speaker), None) or "an unnamed speaker"
        turn = f" (the change touches {', '.join(sorted(polarity))})" if polarity else ""
        docs = sorted({quote.claim.doc for quote in members})
        wordings: list[str] = []
        evidence = []
        for quote in members:
            assert quote.claim.quote is not None
            evidence.append(quote.claim.quote.span)
            if quote.claim.quote.span.text not in wordings:
                wordings.append(quote.claim.quote.span.text)
        message = (
            f"A quote by {who} is worded differently in {', '.join(docs[:-1])} and {docs[-1]}{turn}: "
            + " / ".join(f'"{wording}"' for wording in wordings)
        )
        return self.finding(
            message,
            evidence,
            severity=severity,
            key=f"wording|{'|'.join(docs)}",
            suggestion="quote the original wording",
            data={"kind": "changed-wording", "removed": sorted(removed), "added": sorted(added), "documents": docs},
        )


def _members(pairs: list[tuple[_Quote, _Quote]]) -> list[_Quote]:
    """The quotes of some pairs, each once, in document and text order."""
    seen: dict[str, _Quote] = {}
    for a, b in pairs:
        seen.setdefault(a.claim.id, a)
        seen.setdefault(b.claim.id, b)
    return sorted(seen.values(), key=lambda quote: (quote.claim.doc, quote.claim.span.start, quote.claim.id))


# Words in brackets inside a quote are the editor's ("give him (Leo Marsh) some room", "[the plan] will work"),
# which another outlet leaves out or writes its own way: not the speaker's wording.
_INSERTION = re.compile(r"\s*(?:\[[^\]]*\]|\([^)]*\))")


def _without_insertions(quote: str) -> str:
    return _INSERTION.sub(" ", quote)


def _one_quote_each(matched: list[tuple[int, int, bool, bool]]) -> list[list[tuple[int, int, bool, bool]]]:
    """Matched pairs grouped by the quote they share (connected components), in a stable order."""
    ordered = sorted(matched)
    return [[ordered[position] for position in group] for group in connected_groups([(a, b) for a, b, *_ in ordered])]


def _credits_differ(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether each credit names someone the other does not: "Roe and Ito" / "Roe and Kato" differ, while
    "Roe and Ito" / "Ito" is the same quote credited in part."""
    return _names_someone_else(a, b) and _names_someone_else(b, a)


def _relayed(corpus: Corpus, a: _Quote, b: _Quote) -> bool:
    """Whether one speaker is one who speaks for others (a spokesman, a publicist) and their document names the
    other speaker: the spokesman gave out the principal's words, and a source that credits them to the principal
    ("her spokeswoman, Jane Roe, said" / "Mara Vell said in a statement") says nothing else."""
    return _speaks_for(corpus, a, b) or _speaks_for(corpus, b, a)


_PRONOUN_GENDER = {"he": "male", "she": "female"}


def _credit_in_doubt(corpus: Corpus, quote: _Quote, other: _Quote) -> str | None:
    """How the quote's own text leaves its credit open against the other source's, or None when it does not.

    Two sources that credit one quote to two people contradict each other only when each names its speaker
    plainly. Not so when:

    * the sentence that credits the quote also names, outside the quoted words, the person the other source
      credits: it ties the words to both ("Jane Roe said, speaking on behalf of Sam Ito", "reading a statement
      from Ito", "Ito's lawyer Jane Roe said", "the paper quoted Ito as saying"), and which of them said them is a
      reading of that one sentence;
    * the speaker was read from "he said" / "she said" and the document calls the person it was read as by a word
      of the other sex ("Ms Roe", "his wife Jane Roe", "Jane Roe, a spokeswoman" for "he"; the reader extraction
      resolves pronouns by): the pronoun stands for someone else;
    * the speaker was read from "he said" / "she said" and the document names the other source's speaker too,
      whom the pronoun may as well stand for (a report quotes its subject and her agent in turn, and "she said"
      after the agent's words is the subject).

    The finding is then info, with the reason, not a warning: someone should look, but the texts do not disagree.
    """
    assert quote.claim.quote is not None and quote.speaker is not None
    sentence, words = quote.claim.span, quote.claim.quote.span
    outside = sentence.text[: max(0, words.start - sentence.start)] + " " + sentence.text[words.end - sentence.start :]
    own = {word for name in quote.credit for word in name.split()}  # "John Roe" names a "Roe", not "Jane Roe"
    for name in other.credit:
        surname = name.split()[-1] if name.split() else ""
        if surname and surname not in own and re.search(rf"\b{re.escape(surname)}\b", outside):
            return f"{quote.claim.doc} names {name} in the sentence that credits {quote.speaker}"
    organisation = _speaks_for_the_others_organisation(corpus, quote, other)
    if organisation is not None:
        return (
            f"{quote.claim.doc} credits {quote.speaker}, who speaks for {organisation}, and {other.claim.doc} one of "
            f"its people"
        )
    said = quote.claim.quote.speaker_span.text if quote.claim.quote.speaker_span is not None else ""
    pronoun = said.casefold()
    if pronoun not in _PRONOUN_GENDER:
        return None
    read_as = f'{quote.claim.doc} credits it through "{said}", read as {quote.speaker},'
    claims = corpus.claims_of(quote.claim.doc)
    people = [actor for claim in claims for actor in claim.actors if actor.label == "PERSON"]
    if _gender_in_document(corpus.text_of(quote.claim.doc).text, quote.speaker, people) not in (
        None,
        _PRONOUN_GENDER[pronoun],
    ):
        return f"{read_as} whom it calls by a word of the other sex"
    named = {actor.name for actor in people}
    named |= {claim.quote.speaker for claim in claims if claim.quote is not None and claim.quote.speaker}
    for credited in other.credit:
        if any(_same_speaker(name, credited) for name in named) and _may_stand_for(
            corpus, quote, credited, people, claims
        ):
            return f"{read_as} and names {credited} too"
    return None


def _may_stand_for(corpus: Corpus, quote: _Quote, credited: str, people: list[Actor], claims: Iterable[Claim]) -> bool:
    """Whether the pronoun a quote is credited through may stand for ``credited``, another person its document names:
    unless the person it was read as is named last in the pronoun's sentence or the one right before it and
    ``credited`` is not named from there to the pronoun ("Jane Roe, the chief executive, said the plan was fair. 'We
    keep our promises,' she said": whoever the text named before, "she" is Roe). Named there too ("Roe's agent, Sam
    Ito, said she was upset. 'I am devastated,' she said"), or a sentence between, the pronoun may be either."""
    assert quote.claim.quote is not None and quote.claim.quote.speaker_span is not None and quote.speaker is not None
    pronoun_at = quote.claim.quote.speaker_span.start
    read_as = [actor.span.start for actor in people if _same_speaker(actor.name, quote.speaker)]
    read_as += [
        claim.quote.speaker_span.start
        for claim in claims
        if claim.quote is not None
        and claim.quote.speaker_span is not None
        and claim.quote.speaker
        and claim.quote.speaker_span.text.casefold() not in _PRONOUN_GENDER
        and _same_speaker(claim.quote.speaker, quote.speaker)
    ]
    before = [at for at in read_as if at < pronoun_at]
    if not before:
        return True
    text = corpus.text_of(quote.claim.doc).text
    last = max(before)
    sentences = split_sentences(text)
    named_in = _sentence_at(sentences, last)
    # Where the quote opens, for "she said" after it: the quoted words may run over sentences of their own.
    said_in = _sentence_at(sentences, min(pronoun_at, quote.claim.quote.span.start))
    if named_in is None or said_in is None or said_in - named_in > 1:
        return True  # a sentence between ("Even late in life she avoided cameras"): the pronoun may have moved on
    surname = credited.split()[-1] if credited.split() else credited
    return bool(re.search(rf"\b{re.escape(surname)}\b", text[sentences[named_in][0] : pronoun_at]))


def _sentence_at(sentences: list[tuple[int, int]], at: int) -> int | None:
    """The index of the sentence span holding offset ``at``, or None."""
    return next((index for index, (start, end) in enumerate(sentences) if start <= at < end), None)


def _roles_in_document(corpus: Corpus, quote: _Quote) -> set[tuple[str, str]]:
    """The (title, organisation) pairs the quote's document gives its speaker, as the speaker of a quote or as a
    person named (the organisation "" when none is given)."""
    roles = set()
    for claim in corpus.claims_of(quote.claim.doc):
        given = [(actor.name, actor.title, actor.affiliation) for actor in claim.actors if actor.label == "PERSON"]
        if claim.quote is not None and claim.quote.speaker:
            given.append((claim.quote.speaker, claim.quote.speaker_title, claim.quote.speaker_affiliation))
        for name, title, affiliation in given:
            if title and quote.speaker and _same_speaker(name, quote.speaker):
                roles.add((title, affiliation or ""))
    return roles


def _speaks_for_the_others_organisation(corpus: Corpus, relayer: _Quote, principal: _Quote) -> str | None:
    """The organisation the relayer's document has them speak for ("Harbor Airlines spokesman Sam Ito", "a spokesman
    for the Harbor police") when the principal's document gives its speaker a post at the same organisation, the
    organisation's words written as its own or in the post ("Harbor Airlines chief executive Jane Roe", "Harbor police
    chief Ann Vell"), or its first word where the principal's document names it whole ("Harbor chief executive" beside
    "Harbor Airlines"): the words are the organisation's, given out by its spokesman and signed by its head, and each
    source names one of them. None otherwise."""
    spoken_for = [
        affiliation
        for title, affiliation in _roles_in_document(corpus, relayer)
        if affiliation and speaks_for_others(title)
    ]
    held = [
        {*normalise_affiliation(affiliation).split(), *normalise_affiliation(title).split()}
        for title, affiliation in _roles_in_document(corpus, principal)
        if not speaks_for_others(title)
    ]
    for organisation in spoken_for:
        words = normalise_affiliation(organisation).split()
        if words and any(all(_in_the_post(word, post) for word in words) for post in held):
            return organisation
        if (
            len(words) >= 2
            and any(words[0] in post for post in held)
            # Read back only here: a document's text is let go after extraction and comes back from disk.
            and re.search(rf"\b{re.escape(organisation)}\b", corpus.text_of(principal.claim.doc).text, re.IGNORECASE)
        ):
            # A name of several words written short by its first in the post ("Cardell chief executive Jane Roe"),
            # where the principal's own document names the organisation whole ("Cardell Mining").
            return organisation
    return _an_unnamed_body_of_the_principal(corpus, relayer, principal, held)


def _in_the_post(word: str, post: set[str]) -> bool:
    """Whether a word of a spokesperson's body is a word of the principal's post or organisation, or names the office
    of one ("ministry" / "Foreign Minister", "presidency" / "President": factcheck.nlp.lexicon.names_the_office_of)."""
    from factcheck.nlp import lexicon

    return word in post or any(lexicon.names_the_office_of(word, held) for held in post)


def _an_unnamed_body_of_the_principal(
    corpus: Corpus, relayer: _Quote, principal: _Quote, held: list[set[str]]
) -> str | None:
    """The body a spokesperson speaks for when their document names it by a common noun only, or not at all ("police
    spokesman Sgt. Sam Ito", "company spokeswoman Sam Ito", "a spokeswoman, Sam Ito"), and it is the principal's: the
    noun written first is a word of the principal's post or organisation ("police" / "Harbor Police Chief Jane Roe",
    "fire department" / "Fire Chief"), or the relayer's document names the principal's organisation ("Harbor
    Appliances" beside the principal's "Harbor chief executive"), the one whose spokesperson the story quotes. A
    spokesperson of a body named otherwise ("Carro Airways spokesman") is no spokesperson of this one (the caller
    compared the names)."""
    bodies = _bodies_named_by_a_common_noun(corpus, relayer)
    if bodies is None:
        return None
    for body in bodies:
        if any(_in_the_post(body[0], post) for post in held):
            return " ".join(body)
    text = corpus.text_of(relayer.claim.doc).text
    for _, affiliation in sorted(_roles_in_document(corpus, principal)):
        named = " ".join(word for word in affiliation.split() if word[:1].isupper())
        if named and re.search(rf"\b{re.escape(named)}\b", text, re.IGNORECASE):
            return named
    return None


# What may stand before a spokesperson's post naming no body: an article or a possessive pronoun ("a spokesman",
# "its spokeswoman").
_NO_BODY = frozenset({"a", "an", "the", "its", "their", "his", "her", "our"})


def _bodies_named_by_a_common_noun(corpus: Corpus, relayer: _Quote) -> list[tuple[str, ...]] | None:
    """The common nouns the relayer's document writes right before each of their spokesperson posts ("police" of
    "police spokesman Sgt. Sam Ito", "sheriff office" of "sheriff's office spokesman", "transit authority" of "said
    transit authority spokesperson Sam Ito"), () for a post written with none ("a spokesman"); None when the document
    gives the relayer no spokesperson's post, or names the body of one (a capitalised word: "Carro Airways
    spokesman")."""
    written: list[int] = []  # where the text of each post the relayer is given ends: the post is the last one there
    for claim in corpus.claims_of(relayer.claim.doc):
        given = [
            (actor.title, actor.affiliation, actor.role_span.end if actor.role_span is not None else None)
            for actor in claim.actors
            if actor.label == "PERSON" and relayer.speaker and _same_speaker(actor.name, relayer.speaker)
        ]
        quote = claim.quote
        if quote is not None and quote.speaker and relayer.speaker and _same_speaker(quote.speaker, relayer.speaker):
            # A speaker's post the quote's credit gives before the name ("said transit authority spokesperson Sam
            # Ito"): the text up to the name.
            before_name = quote.speaker_span.start if quote.speaker_span is not None else None
            given.append((quote.speaker_title, quote.speaker_affiliation, before_name))
        for title, affiliation, end in given:
            if not (title and speaks_for_others(title)):
                continue
            if affiliation and any(word[:1].isupper() for word in affiliation.split()):
                return None
            if end is not None and end not in written:
                written.append(end)
    if not written:
        return None
    # Read back only here: a document's text is let go after extraction and comes back from disk.
    text = corpus.text_of(relayer.claim.doc).text
    bodies: list[tuple[str, ...]] = []
    for end in sorted(written):
        body = _body_before_the_post(text[max(0, end - _BODY_REACH) : end])
        if body is None:
            return None
        if body not in bodies:
            bodies.append(body)
    bodies.sort(key=len, reverse=True)
    return bodies


# How far back from the end of a spokesperson's post its body is looked for (characters).
_BODY_REACH = 120


def _body_before_the_post(written: str) -> tuple[str, ...] | None:
    """The lower-case nouns right before the last spokesperson's post of the text ("fire department" of "..., fire
    department spokeswoman Lt."), () for none; None for a body named by a capitalised word, or no such post."""
    from factcheck.nlp import lexicon

    words = re.findall(r"[\w.'\u2019-]+|[^\w\s]", written)
    post = next((index for index in range(len(words) - 1, -1, -1) if speaks_for_others(words[index])), None)
    if post is None:
        return None
    body: list[str] = []
    index = post - 1
    while index >= 0:
        word = re.sub(r"['\u2019]s$", "", words[index])
        if not (word.isalpha() and word.islower()) or word in _NO_BODY or not lexicon.senses(word, "n"):
            break
        body.insert(0, word)
        index -= 1
    if index >= 0 and words[index][:1].isupper() and words[index].rstrip(".").isalpha():
        opens = index == 0 or not words[index - 1][:1].isalnum() or words[index - 1].endswith(".")
        if opens and lexicon.senses(words[index].casefold(), "n") and not _a_name(words[index]):
            # A common noun capitalised as the first word after a quote or a sentence's end ('...," Police
            # spokesman Sam Ito said').
            return (words[index].casefold(), *body)
        # Otherwise the body is named ("Carro Airways spokesman", "Keldon police spokesman"): the names compare it.
        return None
    return tuple(body)


def _a_name(word: str) -> bool:
    """Whether WordNet writes the word capitalised in its first sense as a noun (a place, a people: "Paris")."""
    from factcheck.nlp import lexicon

    senses = lexicon.senses(word.casefold(), "n")
    return bool(senses) and lexicon.written_as_a_name(word.casefold(), senses[0])


def _gender_in_document(text: str, name: str, people: list[Actor]) -> str | None:
    """ "male" or "female" when the document says which of a person (factcheck.nlp.names.gender_in_text, the reader
    extraction resolves "he" and "she" by), with the title it gives the person and how many persons of that surname it
    names."""
    surname = name.split()[-1:]
    title = next((actor.title for actor in people if actor.title and actor.name == name), None)
    namesakes = len({actor.name for actor in people if actor.name.split()[-1:] == surname})
    return gender_in_text(text, name, title=title, namesakes=namesakes)


def _speaks_for(corpus: Corpus, relayer: _Quote, principal: _Quote) -> bool:
    assert relayer.speaker is not None
    people = [
        actor for claim in corpus.claims_of(relayer.claim.doc) for actor in claim.actors if actor.label == "PERSON"
    ]
    if not any(
        actor.title and speaks_for_others(actor.title) and _same_speaker(actor.name, relayer.speaker)
        for actor in people
    ):
        return False
    if any(speaks_for_others(title) for title, _ in _roles_in_document(corpus, principal)):
        # The other source gives its speaker as a spokesman too: two people said to have given out the same words
        # for someone, not a spokesman and the one whose words they were.
        return False
    return any(_same_speaker(actor.name, name) for actor in people for name in principal.credit)


def _same_credit(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return not _names_someone_else(a, b) and not _names_someone_else(b, a)


def _names_someone_else(credit: tuple[str, ...], other: tuple[str, ...]) -> bool:
    return any(not any(_same_speaker(name, named) for named in other) for name in credit)


def _same_speaker(a: str, b: str) -> bool:
    if same_person(a, b) or name_key(a) == name_key(b):
        return True
    # A bare surname agrees with a full name that ends with it ("Raymond", "John Raymond").
    key_a, key_b = name_key(a).split(), name_key(b).split()
    if len(key_a) == 1 or len(key_b) == 1:
        return bool(key_a and key_b and key_a[-1] == key_b[-1])
    return False


# Pronouns are never speakers of record: "it warned" names no one.
_PRONOUNS = frozenset(
    {
        "it",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "this",
        "that",
        "who",
        "its",
        "him",
        "her",
        "them",
        "one",
        "someone",
        "somebody",
    }
)


# A quote told as what a slogan, motto or headline is ("the party's slogan would be: '...'"): the copula before it.
_COPULA_BEFORE = re.compile(r"\b([a-z]+)\s+(?:is|was|will\s+be|would\s+be|reads|read)\s*[:,]?\s*$")
# WordNet's words for a fixed text that names or heads something: a "saying" (motto, slogan, catchphrase) and a
# "heading" (headline, title). What they are quoted as is the text itself, which many people repeat.
_NAMED_TEXTS = ("saying", "heading")


def _quotes_a_named_text(claim: Claim) -> bool:
    """Whether the quote is given as the words of a slogan, motto, headline or title ("Labour's slogan would be
    '...'"), not as what the person the sentence credits said: two sources that credit it to two people (the
    one who unveiled it, one who repeated it) do not contradict each other."""
    assert claim.quote is not None
    before = claim.span.text[: max(0, claim.quote.span.start - claim.span.start)].rstrip().rstrip("\"'\u201c\u2018")
    match = _COPULA_BEFORE.search(before)
    return match is not None and _names_a_text(match.group(1))


@functools.lru_cache(maxsize=1 << 10)
def _names_a_text(noun: str) -> bool:
    from factcheck.nlp import lexicon

    senses = lexicon.senses(noun, "n")
    if not senses:
        return False
    anchors = {lexicon.senses(word, "n")[0] for word in _NAMED_TEXTS}
    return bool(anchors & set(lexicon.kinds_of(senses[0])))


def speaker_of_record(speaker: str | None) -> str | None:
    """The speaker, or None when the extractor took a pronoun or a role ("rep", "the officer") for one."""
    if not speaker or speaker.strip().casefold() in _PRONOUNS or not speaker.strip()[:1].isupper():
        return None
    if name_key(speaker) == "":
        return None
    return speaker


def _full_names(corpus: Corpus, doc: str) -> list[str]:
    """The people a document names in full (two or more name words), as actors or as speakers."""
    names = set()
    for claim in corpus.claims_of(doc):
        candidates = [actor.name for actor in claim.actors if actor.label == "PERSON"]
        if claim.quote is not None and claim.quote.speaker:
            candidates.append(claim.quote.speaker)
        for name in candidates:
            parsed = PersonName.parse(name)
            if parsed is not None and not parsed.is_single:
                names.add(name)
    return sorted(names)


def _resolved(speaker: str | None, full_names: list[str], document: Callable[[], str] | None = None) -> str | None:
    """A one-word speaker as the person its document names in full, else no speaker of record.

    "Steele said" is James Steele where the text named him; "Charlie" the one Charlie it named
    in full. A capitalised word the document never gives as part of a full name ("Authorities
    said", "Police said") is a body or a role, not a person whose quote can be traced. The full
    name may be one the tagger left unmarked: the text's own words (``document``, asked for only
    then) are read for it (``_named_in_full_by_the_text``).
    """
    if speaker is None:
        return None
    parsed = PersonName.parse(speaker)
    if parsed is None or not parsed.is_single:
        return speaker
    resolved = resolve_mention(speaker, full_names)
    if resolved is not None:
        return resolved
    given = {name for name in full_names if (PersonName.parse(name) or parsed).first == parsed.last}
    if len(given) == 1:
        return next(iter(given))
    if given or document is None:
        return None
    return _named_in_full_by_the_text(document(), speaker)


def _named_in_full_by_the_text(document: str, surname: str) -> str | None:
    """The one full name a document writes for a surname, read from its words where the tagger marked no person
    ("Detective Inspector Mara Quell, who leads the inquiry, said": the small model tags nothing there, and a later
    "Quell said" had no speaker of record). A first name is a capitalised word right before the surname that is no
    title ("Sergeant"), no post ("striker"), no English function word and no word WordNet gives as an adjective, an
    adverb or a verb ("Hungarian", "Yesterday"); two such names for one surname (two brothers) leave it open."""
    from factcheck.nlp import lexicon
    from factcheck.nlp.align import STOPWORDS

    full_names = set()
    for found in re.finditer(rf"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+{re.escape(surname)}\b", document):
        first = found.group(1)
        lower = first.casefold()
        if (
            lower in STOPWORDS
            or is_title_word(first)
            or is_post_noun(lower)
            or any(lexicon.senses(lower, pos) for pos in ("a", "r", "v"))
        ):
            continue
        name = f"{first} {surname}"
        parsed = PersonName.parse(name)
        if parsed is not None and not parsed.is_single:
            full_names.add(name)
    return next(iter(full_names)) if len(full_names) == 1 else None


def _side(claim: Claim) -> dict:
    """One side of a speaker conflict for reporters: the claim, with the speaker's words marked."""
    quote = claim.quote
    differs = []
    if quote is not None and quote.speaker_span is not None:
        span = quote.credit_span or quote.speaker_span
        differs.append({"start": span.start, "end": span.end, "text": span.text})
    return {
        "doc": claim.doc,
        "start": claim.span.start,
        "end": claim.span.end,
        "text": claim.span.text,
        "differs": differs,
    }
