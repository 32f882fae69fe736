"""The first pass of spun-wording detection (nlp/triage.py): what the model reads, and in which order."""

from __future__ import annotations

from factcheck.nlp.spin import Flag
from factcheck.nlp.triage import TriagePolicy, screen, suspicion

PLAIN = "The council said the new road would open next month after a long delay."


def strong(flag: Flag) -> bool:
    return flag.score >= 5.0


def flag_in(sentence: str) -> Flag:
    return Flag(start=0, end=3, text=sentence[:3], suggestion="the", score=8.0)


def run(sentences, spun=(), offers=None, policy=None):
    """Screen with a stand-in model that finds a strong flag in the sentences numbered in ``spun``."""
    read: list[int] = []

    def model(number: int) -> list[Flag]:
        read.append(number)
        return [flag_in(sentences[number])] if number in spun else []

    offers = offers or [{} for _ in sentences]
    result = screen(model, sentences, [() for _ in sentences], offers, strong, policy or TriagePolicy())
    assert result.read == read
    return result


def test_a_clean_document_costs_the_model_a_couple_of_sentences():
    sentences = [PLAIN] * 30
    result = run(sentences)
    assert len(result.read) == 2 and not result.read_whole
    assert all(flags == [] for flags in result.flags)


def test_a_spun_document_is_read_whole():
    sentences = [PLAIN] * 30
    result = run(sentences, spun=set(range(30)))
    assert result.read_whole and sorted(result.read) == list(range(30))
    assert all(len(flags) == 1 for flags in result.flags)


def test_one_odd_sentence_does_not_make_a_document_spun():
    sentences = [PLAIN] * 30
    result = run(sentences, spun={0})
    assert not result.read_whole and len(result.read) < 10


def test_sentences_another_source_paraphrases_are_always_read():
    sentences = [PLAIN] * 10
    offers = [{} for _ in sentences]
    offers[7] = {4: [("city", "source")]}
    offers[9] = {4: [("city", "source")]}
    result = run(sentences, offers=offers)
    assert result.read[:2] == [7, 9]


def test_the_most_suspicious_sentences_are_read_first():
    everyday = "The team said the new plan would start next week after a short wait."
    odd = "The team said the nascent stratagem would commence after a brief hiatus."
    in_document = {everyday.index("plan"): [("scheme", "document")]}
    assert suspicion(odd, (), {}, 4.5) > suspicion(everyday, (), {}, 4.5)
    assert suspicion(everyday, (), in_document, 4.5) > suspicion(everyday, (), {}, 4.5)
    result = run([everyday, everyday, odd, everyday])
    assert result.read[0] == 2


def test_read_all_reads_every_sentence():
    result = run([PLAIN] * 12, policy=TriagePolicy(read_all=True))
    assert sorted(result.read) == list(range(12)) and result.read_whole
