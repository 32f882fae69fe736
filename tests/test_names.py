"""Person-name parsing and matching across title, initial, order and alias variants."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.nlp.names import (
    PersonName,
    gender_in_text,
    gender_of_word,
    name_key,
    normalise_title,
    resolve_mention,
    same_person,
)
from factcheck.nlp.titles import title_conflict_kind


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Dr. Emily Chen", "emily chen"),
        ("Emily Chen", "emily chen"),
        ("Gen. John W. Raymond", "john raymond"),
        ("General John Raymond", "john raymond"),
        ("Lt. Gen. Maria Ortiz-Silva", "maria ortiz-silva"),
        ("Brig. Gen. Ada Okafor", "ada okafor"),
        ("USSF Col. Pat Quinn", "pat quinn"),
        ("U.S. Army Maj. Lee Park", "lee park"),
        ("Prime Minister Kwame Mensah", "kwame mensah"),
        ("spokesperson Dana Whit", "dana whit"),
        ("Professor Ines Almeida", "ines almeida"),
        ("Charles de Vries Jr.", "charles de vries"),
        ("Gen Nakamura", "gen nakamura"),
        ("Okafor", "okafor"),
    ],
)
def test_name_key_strips_titles(text, key):
    assert name_key(text) == key


def test_title_only_is_not_a_name():
    assert PersonName.parse("the spokesperson") is None
    assert name_key("President") == ""


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Dr. Emily Chen", "Emily Chen"),
        ("Gen. John W. Raymond", "General John Raymond"),
        ("J. Raymond", "John Raymond"),
        ("Tanaka Hiroko", "Hiroko Tanaka"),
        ("Émile Durand", "Emile Durand"),
        ("Karolos Papadakis", "Carolos Papadakis"),  # one given name transliterated two ways
        ("Kristina Lund", "Kristine Lund"),
        ("Bill Ito", "William Ito"),  # a short form and the given name it stands for
        ("Liz M. Ito", "Elizabeth Ito"),
        ("Heidar Lund", "Heydar Lund"),  # a letter transliterations swap
        ("Erica Lund", "Erika Lund"),
        # a long given name transliterated two ways: a swap and one other letter, or two swaps
        ("Gulnazira Tashkentova", "Kulnazyra Tashkentova"),
        ("Abdulkarim Lund", "Abdulcarym Lund"),
        # tokenised sources space the joins inside a name off
        ("Marie Roe - Ito", "Marie Roe-Ito"),
        ("Kenan O ’ Dell", "Kenan O'Dell"),
        ("Jean - Marc Lund", "Jean-Marc Lund"),
    ],
)
def test_same_person(a, b):
    assert same_person(a, b)
    assert same_person(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Emily Chen", "Michael Chen"),
        ("John W. Raymond", "John K. Raymond"),
        ("Chen", "Emily Chen"),
        ("Emily Chen", "Emily Chang"),
        ("Andrea Lund", "Andrew Lund"),  # short given names one letter apart may be two people
        ("Kristina Lund", "Kristoffer Lund"),
        ("Bill Ito", "Robert Ito"),  # a short form of another name
        ("Lucy Lund", "Lucky Lund"),
        ("Jana Lund", "Jane Lund"),
        ("Margarita Lund", "Margarete Lund"),  # two letters apart, neither a transliteration swap
        ("Nadia Lund", "Nadya Lunt"),
        ("Carly Lund", "Karla Lund"),  # a swap and another letter apart, but short: two names
    ],
)
def test_different_people(a, b):
    assert not same_person(a, b)


def test_aliases_link_nicknames():
    aliases = {"Jay Raymond": "John Raymond"}
    assert same_person("Gen. Jay Raymond", "General John W. Raymond", aliases)
    assert not same_person("Gen. Jay Raymond", "General John W. Raymond")


def test_resolve_mention_surname_after_full_mention():
    known = ["Dr. Emily Chen", "Hiroshi Tanaka"]
    assert resolve_mention("Chen", known) == "Dr. Emily Chen"
    assert resolve_mention("Dr. Chen", known) == "Dr. Emily Chen"
    assert resolve_mention("Emily Chen", known) == "Dr. Emily Chen"
    assert resolve_mention("Okafor", known) is None


def test_resolve_mention_ambiguous_surname():
    assert resolve_mention("Chen", ["Emily Chen", "Michael Chen"]) is None


def test_normalise_title_expands_ranks():
    assert normalise_title("Col.") == normalise_title("Colonel") == "colonel"
    assert normalise_title("Lt. Gen.") == "lieutenant general"
    assert normalise_title("the Senior Fellow") == "senior fellow"


def test_a_spaced_hyphen_in_a_title_joins_one_word():
    # Tokenised sources write "Vice - President" where others write "vice-president": one title, and the deputy's.
    assert normalise_title("Vice - President") == normalise_title("vice-president") == "vice-president"
    assert normalise_title("vice- chair") == normalise_title("vice -chair") == "vice-chair"
    assert title_conflict_kind("Vice - President", "President") == title_conflict_kind("vice-president", "president")
    assert title_conflict_kind("Vice - President", "President") == "modifier"


def test_a_capitalised_modifier_opening_a_title_names_which_post():
    # A participle or an adjective naming no one is part of the post at a sentence's start; a name is where.
    assert title_conflict_kind("Sporting director", "Finance director") == "modifier"
    assert title_conflict_kind("Sporting director", "director") is None
    assert title_conflict_kind("Harbor director", "Finance director") is None


@given(st.text(max_size=40))
def test_parsing_never_crashes(text):
    name_key(text)
    same_person(text, text)
    resolve_mention(text, [text])


def test_a_spaced_joint_is_part_of_the_name_but_a_possessive_is_not():
    assert name_key("Marie Roe - Ito") == name_key("Marie Roe-Ito") == "marie roe-ito"
    assert name_key("Jane Roe \u2019 s lawyer") == "jane roe"
    assert name_key("Jane Roe - the mayor") == "jane roe"


@pytest.mark.parametrize(
    ("word", "gender"),
    [("Mr.", "male"), ("Mrs", "female"), ("Lady", "female"), ("Lord", "male"), ("widow", "female")]
    + [("spokeswoman", "female"), ("chairman", None), ("Dr.", None), ("Rev.", None), ("mayor", None)],
)
def test_a_word_says_a_sex_only_when_it_is_an_honorific_or_kin_word(word, gender):
    # "-man" posts are written of women too; "Dr." and "Rev." say neither.
    assert gender_of_word(word) == gender


def test_gender_in_text_reads_honorifics_kin_nouns_and_the_title_the_text_gives():
    # One reader for extraction ("he said") and quote-provenance: an honorific, a kin noun before the name, or the
    # person's title; a bare "Mrs Roe" says nothing when the text names two Roes.
    assert gender_in_text("Later Mr Sam Ito spoke.", "Sam Ito") == "male"
    assert gender_in_text("She and her husband Sam Ito left.", "Sam Ito") == "male"
    assert gender_in_text("Jane Roe said so.", "Jane Roe", title="spokeswoman") == "female"
    assert gender_in_text("Jane Roe said so.", "Jane Roe") is None
    assert gender_in_text("Sam Roe and Ann Roe came. Mrs Roe spoke.", "Sam Roe", namesakes=2) is None


@pytest.mark.parametrize(
    ("left", "right", "kind"),
    [
        # A relative, a friend, an entertainer is no post: the words before it describe the person.
        ("longtime friend", "close friend", None),
        ("half-brother", "elder brother", None),
        ("award-winning actress", "veteran actress", None),
        # Unless they are opposites (two brothers), and a post's modifiers still say which post.
        ("elder brother", "younger brother", "modifier"),
        ("head coach", "assistant coach", "modifier"),
        ("defense minister", "finance minister", "modifier"),
    ],
)
def test_words_describing_a_person_who_holds_no_post_are_no_second_title(left, right, kind):
    assert title_conflict_kind(left, right) == kind
    assert title_conflict_kind(right, left) == kind


@pytest.mark.parametrize(
    ("left", "right", "kind"),
    [
        # A post held with others beside a noun naming what it is of: the co-founder of the company.
        ("co-founder", "company founder", None),
        ("part-owner", "club owner", None),
        ("joint owner", "team owner", None),
        # Against an adjective, or a prefix read as no word of its own, the two still say which post.
        ("co-owner", "sole owner", "modifier"),
        ("coach", "assistant coach", "modifier"),
        ("cooperative founder", "company founder", "modifier"),
    ],
)
def test_a_post_held_with_others_is_no_second_title_beside_what_it_is_of(left, right, kind):
    assert title_conflict_kind(left, right) == kind
    assert title_conflict_kind(right, left) == kind


@pytest.mark.parametrize(
    ("left", "right", "kind"),
    [
        # Words that describe the person fit any post of the head.
        ("acclaimed conductor", "veteran conductor", None),
        ("longtime minister", "finance minister", None),
        ("renowned surgeon", "chief surgeon", None),
        # Words that say which post still part two posts: a noun, a word relating to one, an opposite, an act.
        ("chief operating officer", "chief executive officer", "modifier"),
        ("managing director", "executive director", "modifier"),
        ("foreign minister", "finance minister", "modifier"),
        ("attacking midfielder", "defensive midfielder", "modifier"),
        ("senior vice president", "executive vice president", "modifier"),
    ],
)
def test_words_describing_the_holder_name_no_second_post(left, right, kind):
    assert title_conflict_kind(left, right) == kind
    assert title_conflict_kind(right, left) == kind


@pytest.mark.parametrize(
    ("left", "right", "kind"),
    [
        # Two roles joined by a hyphen are held at once: either agreeing with the other title, the two agree.
        ("composer-conductor", "veteran conductor", None),
        ("singer-songwriter", "country singer", None),
        ("player-manager", "assistant manager", "modifier"),
        # A rank after an office, a word of another holder: one post, not two roles.
        ("vice-chairman", "chairman", "modifier"),
    ],
)
def test_two_roles_joined_by_a_hyphen_are_each_compared(left, right, kind):
    assert title_conflict_kind(left, right) == kind
    assert title_conflict_kind(right, left) == kind


def test_two_adjectives_of_opposite_clusters_are_opposed():
    from factcheck.nlp import lexicon

    assert lexicon.adjectives_opposed("elder", "younger")  # satellites of "old" and "young"
    assert lexicon.adjectives_opposed("senior", "junior")  # antonyms themselves
    assert not lexicon.adjectives_opposed("close", "longtime")


@pytest.mark.parametrize(
    ("left", "right", "one_field"),
    [
        # Labels for a wrong done or a misfortune suffered are no posts: several hold at once.
        ("kidnapper", "absconder", False),
        ("murderer", "drug trafficker", False),
        ("thief", "gunman", False),
        # Two posts of one field still are.
        ("prosecutor", "defense attorney", True),
        ("police chief", "detective", True),
    ],
)
def test_labels_for_deeds_or_misfortunes_make_no_field_of_posts(left, right, one_field):
    from factcheck.nlp.titles import posts_of_one_field

    assert posts_of_one_field(left, right) is one_field
    assert posts_of_one_field(right, left) is one_field
