"""The event of a claim: its action (light verbs and reporting verbs looked through), subject and object."""

from __future__ import annotations

from typing import Any

from factcheck.model import Actor, Event, Quote
from factcheck.nlp.quotes import SPEECH_VERBS, QuoteMatch
from factcheck.nlp.verbs import LIGHT_VERBS
from factcheck.stages.extract.attribution import _PRONOUNS, _entity_of
from factcheck.stages.extract.people import _People
from factcheck.stages.extract.sentences import _SUBJECT_DEPS, _inside

# spaCy's entity label -> Actor.label (typed Any: mypy cannot see the values are Actor's literals)
_ACTOR_LABELS: dict[str, Any] = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "NORP": "NORP",
    "FAC": "FAC",
    "LOC": "OTHER",
    "PRODUCT": "OTHER",
    "EVENT": "OTHER",
    "WORK_OF_ART": "OTHER",
    "LAW": "OTHER",
}


def _phrase(token: Any, *, head: bool = True) -> str | None:
    """A normalised noun phrase: entity text, or head noun with its compounds; lower-case,
    articles and possessive markers dropped."""
    if token is None:
        return None
    if token.pos_ == "PRON":
        return None
    ent = _entity_of(token)
    if ent is not None:
        words = [
            t for t in ent if t.dep_ not in {"det", "case"} and t.pos_ not in {"DET"} and t.text not in {"'s", "’s"}
        ]
    else:
        chain = [token]
        for child in token.lefts:
            if child.dep_ in {"compound", "flat"} or (child.dep_ == "nmod" and child.pos_ == "PROPN"):
                chain.extend(t for t in child.subtree if t.pos_ not in {"DET", "PUNCT"} or t.text == "-")
        words = sorted({t.i: t for t in chain}.values(), key=lambda t: t.i)
        if not head:
            words = [t for t in words if t.i != token.i]
    if not words:
        return None
    out = ""
    for position, word in enumerate(words):
        adjacent = position + 1 < len(words) and words[position + 1].i == word.i + 1
        out += word.text + (word.whitespace_ if adjacent else " ")
    out = " ".join(out.split()).lower()
    return out or None


def _tense_past(predicate: Any) -> bool:
    auxiliaries = [c for c in predicate.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.lower_ in {"will", "shall", "'ll", "’ll"} or a.tag_ == "MD" and a.lower_ != "could" for a in auxiliaries):
        return False
    if predicate.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxiliaries):
        return True
    if predicate.tag_ == "VBN" and not auxiliaries and predicate.dep_ == "ROOT":
        return True  # '"…," noted Jane Roe': the parser tags the inverted verb as a participle
    return predicate.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxiliaries)


def _event(tokens: Any, quotes: list[QuoteMatch], quote: Quote | None, people: _People, unit: int) -> Event | None:
    """Who did what: actor, action and object of the claim's main predicate."""
    root = tokens.root
    if root.pos_ not in {"VERB", "AUX"}:
        verbs = [t for t in tokens if t.pos_ == "VERB" and not _inside(quotes, t.idx)]
        if not verbs:
            return None
        root = verbs[0]
    predicate = root
    if root.lemma_.lower() in SPEECH_VERBS:
        complements = [c for c in root.children if c.dep_ == "ccomp" and not _inside(quotes, c.idx)]
        if complements and complements[0].pos_ in {"VERB", "AUX"}:
            predicate = complements[0]
        elif quote is not None:
            actor = quote.speaker.lower() if quote.speaker else _subject_phrase(root, people, unit)
            return Event(actor=actor, action=root.lemma_.lower(), object=None, past=_tense_past(root))
    children = list(predicate.children)
    subject = next((c for c in children if c.dep_ in {"nsubj", "csubj"}), None)
    passive_subject = next((c for c in children if c.dep_ in {"nsubjpass", "csubjpass"}), None)
    agent = next((c for c in children if c.dep_ == "agent"), None)
    direct_object = next((c for c in children if c.dep_ in {"dobj", "obj"}), None)
    if passive_subject is not None:
        agent_object = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        actor = _subject_phrase(agent_object, people, unit) if agent_object is not None else None
        theme = passive_subject
    else:
        actor = _subject_phrase(subject, people, unit)
        theme = direct_object
    lemma = predicate.lemma_.lower()
    particle = next((c for c in children if c.dep_ == "prt"), None)
    if lemma in LIGHT_VERBS and theme is not None and theme.pos_ == "NOUN":
        # "conducted an ASAT test": the event is the test; what was tested is its modifier.
        of_object = next(
            (
                g
                for c in theme.children
                if c.dep_ == "prep" and c.lower_ in {"of", "on"}
                for g in c.children
                if g.dep_ == "pobj"
            ),
            None,
        )
        return Event(
            actor=actor,
            action=theme.lemma_.lower(),
            object=_phrase(of_object) if of_object is not None else _phrase(theme, head=False),
            past=_tense_past(predicate),
        )
    if lemma == "be":
        attribute = next((c for c in children if c.dep_ in {"attr", "acomp"}), None)
        return Event(
            actor=actor,
            action="be",
            object=_phrase(attribute) if attribute is not None else None,
            past=_tense_past(predicate),
        )
    action = f"{lemma} {particle.lower_}" if particle is not None else lemma
    return Event(actor=actor, action=action, object=_phrase(theme), past=_tense_past(predicate))


def _subject_phrase(token: Any, people: _People, unit: int) -> str | None:
    if token is None:
        return None
    if token.pos_ == "PRON":
        if token.lower_ in _PRONOUNS:
            name = people.resolve_pronoun(unit, token.lower_)
            return name.lower() if name else None
        return None
    phrase = _phrase(token)
    if phrase and token.pos_ == "PROPN" and len(phrase.split()) == 1:
        resolved = people.resolve_surname(token.text)
        if resolved:
            return resolved.lower()
    return phrase


def _actor_acts(tokens: Any, actors: list[Actor], quote: Quote | None) -> bool:
    """A named actor is the subject (or agent) of a verb, or the speaker of a quote."""
    if quote is not None and quote.speaker:
        return True
    if not actors:
        return False
    for ent in tokens.ents:
        if ent.label_ not in _ACTOR_LABELS:
            continue
        for token in ent:
            current = token
            for _ in range(6):
                if current.dep_ in _SUBJECT_DEPS:
                    return True
                if current.dep_ == "pobj" and current.head.dep_ == "agent":
                    return True
                if current.head.i == current.i or current.pos_ in {"VERB", "AUX"}:
                    break
                current = current.head
    return False


# Subjects that stand for nothing checkable ("It was unclear", "There were reports", "This shows ...").
_EMPTY_SUBJECTS = frozenset({"it", "there", "this", "that", "what", "which", "who"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def states_an_event(tokens: Any, quotes: list[QuoteMatch]) -> bool:
    """Whether the unit states that something happened or is happening: a finite main verb (past or present, not
    a modal or future: "can cause", "will compete" state no fact) other than "be", with a subject; a reporting verb
    ("police said that ...") is looked through to what it reports. "The tremor damaged two hospitals" and "Police
    followed the march" are facts a second source can confirm or contradict, though they name no one, no date and
    no number."""
    predicate = tokens.root
    if predicate.pos_ not in {"VERB", "AUX"} or _inside(quotes, predicate.idx):
        return False
    if predicate.lemma_.lower() in SPEECH_VERBS:
        reported = [c for c in predicate.children if c.dep_ == "ccomp" and c.pos_ in {"VERB", "AUX"}]
        if reported and not _inside(quotes, reported[0].idx):
            predicate = reported[0]
    if predicate.lemma_.lower() == "be":
        return False
    auxiliaries = [c for c in predicate.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.tag_ == "MD" for a in auxiliaries):
        return False
    if predicate.tag_ not in _FINITE_TAGS and not any(a.tag_ in _FINITE_TAGS for a in auxiliaries):
        return False
    subject = next((c for c in predicate.children if c.dep_ in _SUBJECT_DEPS), None)
    return subject is not None and subject.lower_ not in _EMPTY_SUBJECTS
