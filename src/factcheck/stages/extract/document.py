"""One document's claims: blocks parsed by spaCy, sentence units turned into Claims with typed slots."""

from __future__ import annotations

import re
from typing import Any

from factcheck.model import Actor, Claim, Document, Quantity, Quote, Span, TimeExpression
from factcheck.nlp import lexicon
from factcheck.nlp.quantities import unit_family
from factcheck.nlp.quotes import QuoteMatch, find_quotes
from factcheck.nlp.roles import Role, is_post_noun, is_title_word, role_of, split_title
from factcheck.stages.extract.attribution import (
    _NUMERIC_LABELS,
    _attribute,
    _entity_of,
    _framing,
    _is_personal,
    _looks_like_name,
    _only_quote_left,
    _said_at,
    _trim_entity,
    conjoined_names,
    description_of,
)
from factcheck.stages.extract.events import _ACTOR_LABELS, _actor_acts, _event, states_an_event
from factcheck.stages.extract.heads import (
    date_head,
    figure_head,
    figure_holder,
    figure_mood,
    figure_part,
    holder_count,
    partitive_whole,
)
from factcheck.stages.extract.measures import _anaphoric, _as_of, _measure, states_an_age
from factcheck.stages.extract.people import _People
from factcheck.stages.extract.recognisers import _find_quantities, _find_times, _time_expression
from factcheck.stages.extract.segment import HEADING, LONG_PASSAGE, TITLE, Block, _cut_long_runs, segment
from factcheck.stages.extract.sentences import _a_full_sentence, _clauses, _is_prose, _Unit, _units

_NAME_LINE = re.compile(
    r"^[—–-]?\s*(?P<name>(?:[A-Z][\w.’'-]*\s+){0,5}[A-Z][\w’'-]+)\s*(?:,\s*(?P<rest>[^.!?]{0,120}))?\.?$"
)


def extract_document(
    doc: Document, nlp: Any, *, max_sentence_chars: int = 2_000, skipped: list[tuple[int, int]] | None = None
) -> list[Claim]:
    """The claims of one document, ordered by start offset.

    Passages too long to be sentences (see ``LONG_PASSAGE``) hold no claims; their original
    (start, end) offsets are appended to ``skipped`` so the caller can say so.
    """
    blocks = [piece for block in segment(doc) for piece in _cut_long_runs(block, max_sentence_chars)]
    # Headings are parsed too: a headline ("Actress checks into rehab") states a fact; one without
    # a verb or anything checkable ("Background") yields no claim.
    prose = [block for block in blocks if block.skip in (None, HEADING, TITLE)]
    extractor = _DocumentExtractor(doc, max_sentence_chars)
    parsed = nlp.pipe([block.text for block in prose], batch_size=32)
    by_start = {id(block): index for index, block in enumerate(blocks)}
    for block, spacy_doc in zip(prose, parsed):
        index = by_start[id(block)]
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        extractor.block(block, spacy_doc, following)
    if skipped is not None:
        too_long = [(block.start, block.end) for block in blocks if block.skip == LONG_PASSAGE]
        too_long += extractor.too_long
        merged: list[tuple[int, int]] = []
        for start, end in sorted(doc.original_offsets(start, end) for start, end in set(too_long)):
            if merged and start <= merged[-1][1] + 1:  # pieces of one run cut for parsing
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        skipped.extend(merged)
    return sorted(extractor.claims, key=lambda claim: (claim.span.start, claim.span.end))


class _DocumentExtractor:
    def __init__(self, doc: Document, max_sentence_chars: int) -> None:
        self.doc = doc
        self.max_chars = max_sentence_chars
        self.people = _People(text=doc.clean)
        self.claims: list[Claim] = []
        self.too_long: list[tuple[int, int]] = []  # clean offsets of units over max_chars
        self.unit_number = 0
        # The last quote credited to someone: its unit, and the speaker with what the text gave them there (read for a
        # quote that goes on in the next sentence without a credit of its own).
        self.last_credit: tuple[int, Quote] | None = None

    # -- block level --
    def block(self, block: Block, spacy_doc: Any, following: Block | None) -> None:
        text = block.text
        times = _find_times(text, self.doc.published)
        # The dated matches block the same numbers as undated ones would: an anchor changes a value, never a span,
        # but for a time of day joined to its day, which covers the same numbers. One scan of the text, not two.
        quantities = _find_quantities(text, times)
        quotes = find_quotes(text)
        # Names the tagger read as a place, a body or a work here or before: no one "he" may stand for.
        self.people.things.update(
            ent.text for ent in spacy_doc.ents if ent.label_ in _ACTOR_LABELS and ent.label_ != "PERSON"
        )
        units = [clause for unit in _units(spacy_doc, quotes) for clause in _clauses(unit, quotes)]
        for position, unit in enumerate(units):
            self.unit_number += 1
            self.remember_untyped_subject(unit)
            is_last = position == len(units) - 1
            claim = self._claim(block, spacy_doc, unit, times, quantities, quotes, following if is_last else None)
            if claim is not None:
                self.claims.append(claim)
            self.remember_subject(block, unit)

    # -- unit level --
    def _claim(
        self,
        block: Block,
        spacy_doc: Any,
        unit: _Unit,
        times: list[Any],
        quantities: list[Any],
        quotes: list[QuoteMatch],
        following: Block | None,
    ) -> Claim | None:
        text = block.text
        start, end = unit.start, unit.end
        sentence = text[start:end]
        if end - start > self.max_chars:
            self.too_long.append((block.start + start, block.start + end))
            return None
        if not _is_prose(sentence):
            return None
        unit_quotes = [q for q in quotes if start <= q.start < end]
        if sentence.rstrip().rstrip("\"”’').").endswith("?") and not unit_quotes:
            return None  # a question asks; it does not claim
        # The document's title line states the story's main fact, whatever the tagger makes of
        # its title case ("Red Sox Extend Offer To Teixeira" comes out as nouns and proper nouns).
        # It can also stand past the header, under a date line ("Last Updated: Monday, 28 November").
        title_line = bool(self.doc.title) and sentence.split() == (self.doc.title or "").split()
        has_verb = any(t.pos_ == "VERB" for t in unit.tokens)
        # A standfirst or sub-heading under the title states a fact when it has a verb ("Suspect had
        # been fired last week"); one without ("Latest news") names a section.
        header_heading = block.skip == HEADING and block.start < self.doc.body_start and has_verb
        headline = (title_line or block.skip == TITLE or header_heading) and len(sentence.split()) >= 3
        has_predicate = any(t.pos_ in {"VERB", "AUX"} for t in unit.tokens)
        if not headline and not unit_quotes and not has_predicate and not _a_full_sentence(sentence):
            return None
        offset = block.start
        unit_times = [t for t in times if start <= t.start and t.end <= end]
        time_expressions = [
            (t, _time_expression(self.doc, t, offset, head=date_head(unit.tokens, t.start, t.end))) for t in unit_times
        ]
        # A number inside a date is not a quantity; one inside a length ("90 days") is both.
        unit_quantities = [
            q
            for q in quantities
            if start <= q.start
            and q.end <= end
            and not any(t.is_point and t.start < q.end and q.start < t.end for t in unit_times)
        ]
        actors = self._actors(block, unit)
        quote = self._quote(block, unit, unit_quotes, time_expressions, following)
        event = _event(unit.tokens, unit_quotes, quote, self.people, self.unit_number)
        kinds: list[Any] = []  # ClaimKind literals
        if block.skip == HEADING and not headline and not has_verb:
            return None  # a heading without a verb names a section; it states nothing
        # Dated: also by a day left unresolved for want of a dateline ("on Friday").
        if has_predicate and any(
            _dates_the_event(expr) or (expr.value is None and expr.is_point) for _, expr in time_expressions
        ):
            kinds.append("dated-event")
        if any(not _anaphoric(text, q) for q in unit_quantities):
            kinds.append("quantity")
        if quote is not None:
            kinds.append("quote")
        # A named person, organisation or place anywhere in a sentence with a verb is checkable,
        # not only when it is the subject ("a shooting at an office party in Vancouver").
        if _actor_acts(unit.tokens, actors, quote) or (
            has_predicate and any(actor.label in {"PERSON", "ORG", "GPE", "NORP", "FAC"} for actor in actors)
        ):
            kinds.append("actor-statement")
        if headline:
            kinds.append("headline")
        if not kinds and states_an_event(unit.tokens, unit_quotes):
            kinds.append("event-statement")
        if not kinds:
            return None
        quantity_records = [self._quantity(block, unit, q, time_expressions) for q in unit_quantities]
        span = self.doc.span(offset + start, offset + end)
        return Claim(
            id=f"{self.doc.id}#{span.start}-{span.end}",
            doc=self.doc.id,
            span=span,
            text=" ".join(self.doc.clean[offset + start : offset + end].split()),
            kinds=tuple(kinds),
            times=tuple(expr for _, expr in time_expressions),
            quantities=tuple(quantity_records),
            actors=tuple(actors),
            quote=quote,
            event=event,
        )

    # -- actors --
    def _actors(self, block: Block, unit: _Unit) -> list[Actor]:
        text, offset = block.text, block.start
        actors: list[Actor] = []
        for ent in unit.tokens.ents:
            label: Any = _ACTOR_LABELS.get(ent.label_)
            if label is None:
                continue
            start, end = _trim_entity(text, ent.start_char, ent.end_char)
            if end <= start:
                continue
            name = text[start:end]
            title_in_name, bare = split_title(name)
            if title_in_name:
                start = end - len(bare)
                name = bare
                if len(bare.split()) >= 2:
                    label = "PERSON"  # the NER read "Troy Detective Jane Roe" as one organisation
            elif label != "PERSON" and (_a_name_after_a_post(ent) or _a_name_before_its_post(ent)):
                # The NER read the name in "Harbor captain Jane Roe insisted", or in "Jane Roe, the deputy mayor,
                # is expected to", as an organisation.
                label = "PERSON"
            elif label != "PERSON" and _a_name_after_a_post(whole := _with_its_first_names(ent)):
                # The NER left the first name out and read the surname as an organisation ("Chief executive Jane
                # Roe, who ..., was visibly emotional" with "Roe" alone an ORG), so the person was never named.
                ent, label = whole, "PERSON"
                start, end = _trim_entity(text, ent.start_char, ent.end_char)
                name = text[start:end]
            role: Role | None = None
            if label == "PERSON" or (len(name.split()) == 1 and self.people.resolve_surname(name)):
                resolved = self.people.resolve_surname(name) if len(name.split()) == 1 else None
                if resolved:
                    name, label = resolved, "PERSON"
                if label == "PERSON":
                    role = role_of(text, start, end, ent)
                    if title_in_name and not role.title:
                        role = Role(
                            title=title_in_name,
                            affiliation=role.affiliation,
                            start=ent.start_char,
                            end=role.end if role.end is not None else ent.start_char + len(title_in_name),
                            former=role.former,
                        )
                    self.people.add(name, role, self.unit_number, subject=_main_subject(ent))
                    if _cited_as_a_source(ent):
                        # "according to her agent, Rob Tanner": whom a later "he said" may quote.
                        self.people.spoke(name, self.unit_number)
            role_span = None
            if role is not None and role.start is not None and role.end is not None and role.end > role.start:
                role_span = self.doc.span(offset + role.start, offset + role.end)
            actors.append(
                Actor(
                    span=self.doc.span(offset + start, offset + end),
                    name=name,
                    label=label,
                    title=role.title if role else None,
                    affiliation=role.affiliation if role else None,
                    role_span=role_span,
                    former=bool(role and role.former),
                    further_titles=tuple(self.doc.span(offset + a, offset + b) for a, b in role.further)
                    if role
                    else (),
                )
            )
        return actors

    # -- quotes --
    def _quote(
        self,
        block: Block,
        unit: _Unit,
        unit_quotes: list[QuoteMatch],
        time_expressions: list[tuple[Any, TimeExpression]],
        following: Block | None,
    ) -> Quote | None:
        if not unit_quotes:
            return None
        text = block.text
        main = max(unit_quotes, key=lambda q: (q.end - q.start, -q.start))
        speaker = _attribute(unit.tokens, unit_quotes, main, text)
        speaker_start = speaker_end = None
        verb = None
        if speaker is not None:
            speaker_start, speaker_end, verb = speaker
        elif following is not None and following.skip is not None and _only_quote_left(text, unit, main):
            # The speaker's name alone on the next line.
            match = _NAME_LINE.match(following.text.strip())
            if match and _looks_like_name(match.group("name")):
                lead = len(following.text) - len(following.text.lstrip())
                name_start = lead + match.start("name")
                name_end = lead + match.end("name")
                return self._speaker_quote(
                    following.text,
                    following.start,
                    name_start,
                    name_end,
                    main,
                    block.start,
                    None,
                    time_expressions,
                    None,
                )
        if speaker is None and (continued := self._continued_quote(block, unit, main)) is not None:
            return continued
        return self._speaker_quote(
            text, block.start, speaker_start, speaker_end, main, block.start, verb, time_expressions, unit
        )

    def _continued_quote(self, block: Block, unit: _Unit, main: QuoteMatch) -> Quote | None:
        """A sentence that is a quote alone, closed within it, right after a sentence whose quote the text credits
        ("'Prices will fall,' Jane Roe said. 'We expect a hard year.'"): the same speaker goes on, as news writing
        credits a run of quoted sentences once. The credit's words are the earlier sentence's (``speaker_span``)."""
        if (
            self.last_credit is None
            or self.last_credit[0] != self.unit_number - 1
            or main.close_mark >= unit.end
            or not _only_quote_left(block.text, unit, main)
        ):
            return None
        credited = self.last_credit[1]
        quote = credited.model_copy(
            update={"span": self.doc.span(block.start + main.start, block.start + main.end), "said_at": None}
        )
        assert quote.speaker is not None
        self.people.spoke(quote.speaker, self.unit_number)
        self.last_credit = (self.unit_number, quote)
        return quote

    def _speaker_quote(
        self,
        text: str,
        text_offset: int,
        name_start: int | None,
        name_end: int | None,
        main: QuoteMatch,
        quote_offset: int,
        verb: Any,
        time_expressions: list[tuple[Any, TimeExpression]],
        unit: _Unit | None,
    ) -> Quote:
        quote_span = self.doc.span(quote_offset + main.start, quote_offset + main.end)
        speaker = speaker_span = credit_span = title = affiliation = None
        further: tuple[Span, ...] = ()
        co_speakers: list[str] = []
        former = False
        if name_start is not None and name_end is not None:
            raw = text[name_start:name_end]
            title_in_name, bare = split_title(raw)
            if title_in_name:
                name_start = name_end - len(bare)
            speaker = bare
            nominal = not bare[:1].isupper()
            if bare.lower() in {"he", "she"}:
                speaker = self.people.resolve_pronoun(self.unit_number, bare)
            elif nominal:
                # "the spokesman said", "her rep told": the person the text gave that role, if any.
                described = description_of(unit.tokens, name_start, name_end) if unit is not None else bare
                speaker = self.people.resolve_role(described)
                title = bare if speaker is None else None
            elif len(bare.split()) == 1:
                speaker = self.people.resolve_surname(bare) or bare
            if speaker is not None and not nominal and bare[:1].isupper():
                entity = _person_entity(unit, name_start, name_end) if unit is not None else None
                role = role_of(text, name_start, name_end, entity)
                if title_in_name and not role.title:
                    role = Role(title=title_in_name, affiliation=role.affiliation, former=role.former)
                known = self.people.known.get(speaker)
                title = role.title or (known.title if known else None)
                if role.title:
                    further = tuple(self.doc.span(text_offset + a, text_offset + b) for a, b in role.further)
                affiliation = role.affiliation or (known.affiliation if known else None)
                former = role.former or bool(known and known.former and not role.title)
                if _is_personal(speaker):
                    self.people.add(speaker, role, self.unit_number)
            elif speaker is not None:
                known = self.people.known.get(speaker)
                if known:
                    title, affiliation, former = known.title, known.affiliation, known.former
            if speaker is not None:
                self.people.spoke(speaker, self.unit_number)
            else:
                self.people.someone_unnamed(self.unit_number)
            speaker_span = self.doc.span(text_offset + name_start, text_offset + name_end)
            if speaker is not None and not nominal and unit is not None:
                credit_end = name_end
                for start, end in conjoined_names(unit.tokens, name_start, name_end):
                    co_speakers.append(self._named_speaker(text[start:end]))
                    credit_end = max(credit_end, end)
                if co_speakers:
                    credit_span = self.doc.span(text_offset + name_start, text_offset + credit_end)
        said_at = None
        if verb is not None:
            said_at = _said_at(verb, main, time_expressions)
        framing = _framing(said_at, former, self.doc.published)
        quote = Quote(
            span=quote_span,
            speaker=speaker,
            co_speakers=tuple(co_speakers),
            speaker_span=speaker_span,
            credit_span=credit_span,
            speaker_title=title,
            speaker_further_titles=further,
            speaker_affiliation=affiliation,
            framing=framing,
            said_at=said_at,
        )
        if speaker is not None:
            self.last_credit = (self.unit_number, quote)
        return quote

    def _named_speaker(self, raw: str) -> str:
        """A co-speaker's name, its title left off, a surname alone as the person the text named in full."""
        bare = split_title(raw)[1]
        if len(bare.split()) == 1:
            return self.people.resolve_surname(bare) or bare
        return bare

    # -- quantities --
    def _quantity(
        self, block: Block, unit: _Unit, match: Any, time_expressions: list[tuple[Any, TimeExpression]]
    ) -> Quantity:
        low, high = getattr(match, "low", None), getattr(match, "high", None)
        age = states_an_age(unit.tokens, block.text, match)
        holder = figure_holder(unit.tokens, match.start, match.end)
        named = self._name_of(block, holder) if holder is not None else None
        number, kind = holder_count(holder, self._a_person(named)) if holder is not None else (None, None)
        return Quantity(
            span=self.doc.span(block.start + match.start, block.start + match.end),
            value=float(match.value),
            unit="years" if age else str(match.unit),
            comparator=match.comparator,
            low=low,
            high=high,
            low_open=bool(getattr(match, "low_open", False)),
            high_open=bool(getattr(match, "high_open", False)),
            measure="year" if age else _measure(unit.tokens, match),
            as_of=_as_of(block.text, match, time_expressions),
            head=figure_head(unit.tokens, match.start, match.end),
            holder=self._holder(holder, named, match),
            mood=figure_mood(unit.tokens, match.start, match.end),
            part=figure_part(unit.tokens, match.start, match.end),
            whole=partitive_whole(unit.tokens, match.start, match.end),
            holder_number=number,
            holder_kind=kind,
        )

    def _a_person(self, named: tuple[str, bool] | None) -> bool:
        """Whether a name a word gives or stands for (``_name_of``) is a person's: tagged so, or a lone word the text
        gave before as a person's surname (the tagger may give "Roe" another label where the full name was a
        person's)."""
        if named is None:
            return False
        name, person = named
        return person or (len(name.split()) == 1 and self.people.resolve_surname(name) is not None)

    def _holder(self, word: Any | None, named: tuple[str, bool] | None, match: Any) -> str | None:
        """The name of who or what a figure belongs to (``figure_holder``'s word): a name the sentence gives, or
        the one a pronoun or a definite noun ("it", "they", "the band", "the company") stands for in the text so
        far (``named``, the word's ``_name_of``). None when the word names no one the text has named."""
        if word is None:
            return None
        if named is not None:
            return named[0]
        if word.pos_ == "NOUN" and _a_rate_or_sum(str(match.unit)) and _measured_alone(word):
            # "Net profit was up 6%", "The economy grew 2%": a rate or a sum of the firm or the country the
            # text is telling of, named as the subject of its last sentences.
            return self.people.resolve_owner(self.unit_number)
        return None

    def _name_of(self, block: Block, word: Any) -> tuple[str, bool] | None:
        """The name a word gives or stands for, and whether it is a person's: the entity it is part of, a proper
        noun the tagger did not mark, or what a pronoun or a definite description ("the band") resolves to."""
        if word.ent_type_ in _NUMERIC_LABELS:
            return None  # "December's 4% rise": a time, not a holder
        entity = _entity_of(word)
        if entity is not None and entity.label_ in _ACTOR_LABELS:
            start, end = _trim_entity(block.text, entity.start_char, entity.end_char)
            name = block.text[start:end]
            person = entity.label_ == "PERSON"
            if person and len(name.split()) == 1:
                name = self.people.resolve_surname(name) or name
            return (name, person) if name else None
        if word.pos_ == "PROPN":  # a name the tagger did not mark ("Muse, whose members met ..., beat ...")
            name = _proper_name(word)
            return (name, False) if name else None
        lower = word.lower_
        if lower in _PERSONAL_PRONOUNS:
            person = self.people.resolve_pronoun(self.unit_number, lower)
            return (person, True) if person else None
        if lower in _THING_PRONOUNS or (word.pos_ == "NOUN" and _describes_a_named_thing(word)):
            thing = self.people.resolve_thing(self.unit_number, persons_too=lower not in ("it", "its"))
            return (thing, False) if thing else None
        return None

    def remember_untyped_subject(self, unit: _Unit) -> None:
        """Note a clause's main subject when it is a proper name the tagger did not read as a person's, before the
        clause's own "he said" is read: "Roe, from Leeds, described her win as '...,' she said" is Roe, whoever was
        named before. A name tagged as a body or a place, here or before, counts only as the surname of a person the
        text named in full: the small model often reads a surname alone as an organisation's name."""
        subject = _subject_of_root(unit)
        if subject is None or subject.pos_ != "PROPN" or not subject.text[:1].isupper():
            return  # a name is written with a capital ("the Amnesty secretary-general" is a post)
        entity = _entity_of(subject)
        if entity is not None and entity.label_ == "PERSON":
            return
        name = _proper_name(subject)
        tagged_a_thing = entity is not None or name in self.people.things
        if not tagged_a_thing or self.people.resolve_surname(name) is not None:
            self.people.untyped_subjects.append((self.unit_number, name))

    def remember_subject(self, block: Block, unit: _Unit) -> None:
        """Note what a sentence's main subject names, and its possessor's name ("Keane's new album topped ..."),
        for a later "it", "they" or "the band"; a pronoun or a description resolved here keeps its name in mind."""
        subject = _subject_of_root(unit)
        if subject is None:
            return
        named = self._name_of(block, subject)
        possessor = next((child for child in subject.children if child.dep_ == "poss"), None)
        owner = self._name_of(block, possessor) if possessor is not None else None
        if named is not None:
            self.people.note_main_subject(named[0], self.unit_number, named[1])
        else:
            person = subject.pos_ == "NOUN" and lexicon.first_noun_field(subject.lemma_.lower()) == lexicon.PERSON_FIELD
            self.people.note_main_subject(None, self.unit_number, person, owner[0] if owner and not owner[1] else None)
            if person and any(child.dep_ == "det" and child.lower_ in ("a", "an") for child in subject.children):
                # "A spokesman said ...": someone new, whom a later "he" may stand for ("the chancellor" may be the
                # person named before).
                self.people.someone_unnamed(self.unit_number)


def _subject_of_root(unit: _Unit) -> Any:
    """The subject of a clause's root verb, or None."""
    return next((child for child in unit.tokens.root.children if child.dep_ in ("nsubj", "nsubjpass")), None)


def _proper_name(word: Any) -> str:
    """The proper nouns of a word's phrase up to the word itself: "Mr DeVane" for "DeVane"."""
    return " ".join(t.text for t in word.subtree if t.pos_ == "PROPN" and t.i <= word.i)


def _dates_the_event(time: TimeExpression) -> bool:
    """Whether a time expression places the clause's event in time (not a length, a repetition or "recently")."""
    if not time.is_point or time.value in (None, "PRESENT_REF"):
        return False
    return not (time.value == "PAST_REF" and time.recent)


def _person_entity(unit: _Unit, start: int, end: int) -> Any:
    """The PERSON entity of the parse that covers a speaker's name (block offsets), if any."""
    for entity in unit.tokens.ents:
        if entity.label_ == "PERSON" and entity.start_char < end and start < entity.end_char:
            return entity
    return None


def _with_its_first_names(entity: Any) -> Any:
    """An entity with the capitalised proper nouns right before it that the parse makes part of its name (a
    compound of a word inside it) and that no entity holds: the first name the NER left out of a person's name."""
    doc = entity.doc
    start = entity.start
    while start > 0 and entity.start - start < 2:
        word = doc[start - 1]
        if not (
            word.pos_ == "PROPN"
            and word.dep_ == "compound"
            and entity.start <= word.head.i < entity.end
            and not word.ent_type_
            and word.text.isalpha()
            and word.text[:1].isupper()
        ):
            break
        start -= 1
    return doc[start : entity.end]


def _a_name_after_a_post(entity: Any) -> bool:
    """Whether an entity the NER gave another label is a person's name written after their post: two or three
    capitalised words ("Jane Roe", "Jane A. Roe") right after a lower-case noun that names a post ("captain",
    "prosecutor"), the last no English noun, and the words not a modifier of something after them. News writes a
    post before a person's name, seldom before an organisation's or a place's ("the captain of Harbor FC")."""
    doc = entity.doc
    if entity.start == 0 or not _shaped_as_a_name(entity):
        return False
    post = doc[entity.start - 1]
    if not (post.text[:1].islower() and post.pos_ == "NOUN" and (is_title_word(post.text) or is_post_noun(post.text))):
        return False
    after = doc[entity.end] if entity.end < len(doc) else None
    return after is None or not (after.pos_ in ("NOUN", "PROPN") or after.tag_ == "POS")


def _shaped_as_a_name(entity: Any) -> bool:
    """Whether an entity's words are shaped as a person's name: two or three capitalised words ("Jane Roe", "Jane A.
    Roe"), the first no title word and the last no English noun ("chairman General Motors", "Indian Airlines": a
    title, or a common noun ending a body's or a place's name; a surname the small model does not know is seldom an
    English noun)."""
    words = list(entity)
    return (
        2 <= len(words) <= 3
        and all(word.text[:1].isupper() and word.text.replace(".", "").isalpha() for word in words)
        and not is_title_word(words[0].text)
        and not any(lexicon.senses(base, "n") for base in lexicon.base_forms(words[-1].lower_, "n"))
    )


# Words an appositive post after a name may take before its noun: "the", "a", and lower-case modifiers.
_APPOSITIVE_POST_WORDS = 4


def _a_name_before_its_post(entity: Any) -> bool:
    """Whether an entity the NER gave another label is a person's name with their post after it as an appositive:
    shaped as a name (``_shaped_as_a_name``), then a comma, "the" or "a", and lower-case words ending in a noun that
    names a post ("Jane Roe, the deputy mayor, is expected to", "Jane Roe, the vice president of Harbor Pictures,
    said"), closed by a comma, a preposition or the sentence's end. An organisation's appositive names what it is
    ("Harbor Trust, the charity"), whose name ends in an English noun."""
    doc = entity.doc
    if not _shaped_as_a_name(entity) or entity.end + 2 >= len(doc) or doc[entity.end].text != ",":
        return False
    if doc[entity.end + 1].lower_ not in ("the", "a", "an"):
        return False
    index = entity.end + 2
    while index < len(doc) and index - entity.end - 2 < _APPOSITIVE_POST_WORDS and doc[index].text.isalpha():
        if not doc[index].text.islower() or doc[index].pos_ in ("ADP", "VERB", "AUX", "CCONJ", "PRON"):
            break
        index += 1
    if index == entity.end + 2:
        return False
    noun = doc[index - 1]
    closed = index >= len(doc) or doc[index].is_punct or doc[index].pos_ == "ADP"
    return closed and noun.pos_ == "NOUN" and (is_title_word(noun.text) or is_post_noun(noun.text))


_PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "his", "her"})
_THING_PRONOUNS = frozenset({"it", "its", "they", "their", "them"})


def _describes_a_named_thing(noun: Any) -> bool:
    """Whether a noun phrase is a definite description ("the band", "the firm") of an organisation a text names
    before: "the" and no name of its own, the noun's main sense a group (WordNet). Not works ("the book", "the
    film"): the tagger seldom marks a title as a name, so a work would take the nearest other name. Nor a noun in the
    plural ("the companies together employ ..."): it names several, not the one the text named last."""
    if noun.tag_ == "NNS" or not any(child.dep_ == "det" and child.lower_ == "the" for child in noun.children):
        return False
    if any(child.dep_ in ("compound", "poss") or child.pos_ == "PROPN" for child in noun.children):
        return False
    return lexicon.first_noun_field(noun.lemma_.lower()) == lexicon.GROUP_FIELD


def _a_rate_or_sum(unit: str) -> bool:
    """A share or a sum of money ("6%", "$16.6bn"): a figure of a holder that need not be written beside it."""
    return unit_family(unit) == "share" or unit.startswith("money")


def _measured_alone(noun: Any) -> bool:
    """Whether a subject noun names a measure with nobody's name on it: no possessive, no name beside it, no
    determiner but "the" ("Net profit", "the economy"; not "a firm's sales", "Japanese exports", "a quake")."""
    for child in noun.children:
        if child.dep_ == "poss" or child.pos_ == "PROPN" or child.ent_type_:
            return False
        if child.dep_ == "det" and child.lower_ != "the":
            return False
    return lexicon.first_noun_field(noun.lemma_.lower()) != lexicon.PERSON_FIELD


def _cited_as_a_source(entity: Any) -> bool:
    """Whether a person is the one "according to" whom the sentence tells what it tells ("according to her agent,
    Rob Tanner"): a speaker, as one quoted is."""
    node = entity.root
    while node.dep_ == "appos" and node.head is not node:
        node = node.head
    to = node.head
    return node.dep_ == "pobj" and to.lower_ == "to" and to.i > 0 and to.doc[to.i - 1].lower_ == "according"


def _main_subject(entity: Any) -> bool:
    """Whether an entity is the subject of its sentence's main verb (who a later "he" can be)."""
    root = entity.root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.dep_ == "ROOT"
