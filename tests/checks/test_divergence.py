"""divergence (FC021): a paraphrase that flips a word against its source, decided by the LM's contrast."""

from __future__ import annotations

import pytest
from _spinfakes import BigramLM

from factcheck.checks.base import CheckContext
from factcheck.checks.divergence import DivergenceCheck
from factcheck.config import Settings
from factcheck.model import Corpus, Document
from factcheck.nlp import spin

OPPOSITES = {("export", "import"), ("civil", "military")}


def run(texts: dict[str, str], opposites=OPPOSITES):
    check = DivergenceCheck.using(BigramLM({}, opposites=opposites))()
    corpus = Corpus(
        documents=tuple(
            Document(id=doc_id, path=f"{doc_id}.txt", text=text, clean=text) for doc_id, text in sorted(texts.items())
        )
    )
    return list(check.run(corpus, CheckContext(settings=Settings(use_cache=False))))


def test_flipped_word_in_a_paraphrase_is_reported_with_both_places():
    source = "Japan's defense organizations and industry faced barriers from data sharing policies and export controls."
    rewrite = (
        "Japan's defense organizations and industry faced barriers from data sharing policies and import controls."
    )
    [finding] = run({"a": source, "b": rewrite})
    assert finding.code == "FC021"
    assert [(e.doc, e.text) for e in finding.evidence] == [("a", "export"), ("b", "import")]
    assert source[finding.evidence[0].start : finding.evidence[0].end] == "export"
    assert rewrite[finding.evidence[1].start : finding.evidence[1].end] == "import"
    assert finding.data["contrast"] > 1.0 and "export controls" in finding.message


def test_synonym_swaps_and_unrelated_sentences_are_not_divergence():
    source = "Japan's space ecosystem has previously focused on civil missions for science and exploration."
    synonym = "Japan's area ecosystem has previously focused on civil missions for science and exploration."
    other = "The weather in Tokyo was mild on Monday and commuters were not delayed on their way home."
    assert run({"a": source, "b": synonym, "c": other}) == []


def test_two_word_flip_pairs_each_word():
    source = "The ministry has previously focused on civil missions for science and exploration in orbit."
    rewrite = "The ministry has previously focused on military missions for science and exploration in orbit."
    [finding] = run({"a": source, "b": rewrite})
    assert finding.data["words"] == ["civil", "military"]


def test_wordnet_antonyms_are_a_flip_whatever_the_model_says():
    source = "Officials said exports of grain rose sharply in the first quarter of the year."
    rewrite = "Officials said imports of grain rose sharply in the first quarter of the year."
    [finding] = run({"a": source, "b": rewrite}, opposites=set())  # the model reads no opposites
    assert finding.data["words"] == ["exports", "imports"] and "wordnet-antonyms" in finding.data["signals"]


def test_words_wordnet_gives_for_one_act_are_never_a_flip():
    source = "Police said the gunman killed the guard outside the bank on Tuesday morning."
    rewrite = "Police said the gunman murdered the guard outside the bank on Tuesday morning."
    # the model would call them opposites; WordNet says murder is a kind of kill
    assert run({"a": source, "b": rewrite}, opposites={("killed", "murdered")}) == []


@pytest.mark.slow
def test_gemma_reads_opposites_and_synonyms_apart():
    from factcheck.nlp.lm import load_lm

    lm = load_lm()
    assert spin.contrast(lm, "export", "import") > spin.contrast(lm, "alliance", "empire")
    assert spin.contrast(lm, "civil", "military") > spin.contrast(lm, "procedures", "operations")


def test_amounts_and_times_are_values_not_opposites():
    # The model may read "two" / "four" or "week" / "month" as opposites; they differ in value, which the numeric
    # and date checks weigh, not in meaning.
    opposites = {("two", "four"), ("week", "month")}
    banned = run(
        {
            "a": "The coach Sam Ito was also banned for two years by the federation on Friday.",
            "b": "The coach Sam Ito was also banned for four years by the federation on Friday.",
        },
        opposites,
    )
    cleared = run(
        {
            "a": "The pair were cleared of missing three tests by the athletics federation last week.",
            "b": "The pair were cleared of missing three tests by the athletics federation last month.",
        },
        opposites,
    )
    assert banned == [] and cleared == []


def test_sentences_that_give_other_figures_tell_two_facts_not_a_flip():
    # One mould, two athletes' results: the figures differ, so the word that differs is no flip of one fact.
    opposites = {("threw", "clocked")}
    source = "The 28-year-old cleared 1.76m to win the high jump and threw 13.86m in the shot put."
    other = "The 28-year-old cleared 1.80m to win the high jump and clocked 13.86m in the shot put."
    assert run({"a": source, "b": other}, opposites) == []
    same = "The 28-year-old cleared 1.76m to win the high jump and clocked 13.86m in the shot put."
    [finding] = run({"a": source, "b": same}, opposites)
    assert finding.data["words"] == ["threw", "clocked"]
