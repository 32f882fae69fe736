"""nlp/roles.py: titles the NER read as part of a name, and title words."""

from __future__ import annotations

import pytest

from factcheck.nlp.roles import find_role, is_title_word, role_of, split_title
from factcheck.nlp.titles import framed_as_former


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Dr. Jane Roe", ("Dr.", "Jane Roe")),
        ("Prime Minister Jane Roe", ("Prime Minister", "Jane Roe")),
        # A title inside a capitalised run, before a two-word name: the words before it are its organisation.
        ("Harbor County Sheriff Jane Roe", ("Harbor County Sheriff", "Jane Roe")),
        ("Delta Detective Jane Roe", ("Delta Detective", "Jane Roe")),
        # Names that hold no title, or a title word that leaves no full name after it, stay whole.
        ("Martin Luther King Jr.", (None, "Martin Luther King Jr.")),
        ("Stephen King", (None, "Stephen King")),
        ("Bank of America", (None, "Bank of America")),
        ("National Security Jane Roe", (None, "National Security Jane Roe")),
    ],
)
def test_split_title(name, expected):
    assert split_title(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # Posts the closed list of title words lacks: WordNet knows each, in its first sense as a noun, as a person's.
        ("Treasurer Ada Brune", ("Treasurer", "Ada Brune")),
        ("Coordinator Ada Brune", ("Coordinator", "Ada Brune")),
        # A post's word that is also a given name before a two-word name or an initial stays a name.
        ("Hunter Biden", (None, "Hunter Biden")),
        ("Hunter S. Thompson", (None, "Hunter S. Thompson")),
        ("Taylor Swift", (None, "Taylor Swift")),
        # A word made from a name (a party, a people) says which side, not which post.
        ("Democrat Ada Brune", (None, "Democrat Ada Brune")),
    ],
)
def test_a_post_wordnet_knows_opens_a_name_as_a_title(name, expected):
    assert split_title(name) == expected


def test_a_capitalised_post_before_the_name_is_its_title():
    from factcheck.nlp.roles import title_before

    def title(text: str) -> str | None:
        return title_before(text, text.index("Ada Brune")).title

    assert title("The wall will cost more, said Coach Ada Brune.") == "Coach"
    assert title("The wall will cost more, said Head Coach Ada Brune.") == "Head Coach"
    assert title("The wall will cost more, said Chief Executive Ada Brune.") == "Chief Executive"
    assert title("Prosecutor Ada Brune said the wall will cost more.") == "Prosecutor"
    # Capitalised words that name no person's post stay out ("Monday", a place).
    assert title("On Monday Ada Brune said the wall will cost more.") is None
    assert title("The wall will cost more, said Democrat Ada Brune.") is None


def test_a_capitalised_modifier_of_a_post_is_in_the_title_not_its_organisation():
    from factcheck.nlp.roles import title_before

    def role(text: str) -> tuple[str | None, str | None]:
        found = title_before(text, text.index("Ada Brune"))
        return found.title, found.affiliation

    # A participle or an adjective that names no person, group or place modifies the post.
    assert role("The plan failed, said Offensive Coordinator Ada Brune.") == ("Offensive Coordinator", None)
    assert role("The plan failed, said Managing Editor Ada Brune.") == ("Managing Editor", None)
    # A body of people, a place, a word made from a name: where, not which post.
    assert role("The plan failed, said Police Commissioner Ada Brune.") == ("Commissioner", "Police")
    assert role("The plan failed, said Harbor County Sheriff Ada Brune.") == ("Sheriff", "Harbor County")
    assert role("The plan failed, said American Ambassador Ada Brune.") == ("Ambassador", "American")


def test_a_body_named_with_words_of_posts_is_the_organisation_of_the_title_after_it():
    from factcheck.nlp.roles import title_before

    def role(text: str) -> tuple[str | None, str | None]:
        found = title_before(text, text.index("Ada Brune"))
        return found.title, found.affiliation

    # "Foreign", "Native", "Justice" read alone as a title word or a person noun; inside a name ending in a body
    # ("Committee", "Department") they are the body's name.
    assert role("It failed, said Senate Foreign Relations Committee Chairman Ada Brune.") == (
        "Chairman",
        "Senate Foreign Relations Committee",
    )
    assert role("It failed, said Assembly Native Affairs Committee Chairwoman Ada Brune.") == (
        "Chairwoman",
        "Assembly Native Affairs Committee",
    )
    assert role("It failed, said Justice Department Inspector General Ada Brune.") == (
        "Inspector General",
        "Justice Department",
    )
    # A name of no body still stops at a post word: a capitalised run before it is a headline's.
    assert role("It failed, said Harbor Bank Chief Executive Ada Brune.") == ("Chief Executive", "Harbor Bank")


def test_a_seconds_post_is_a_title_word():
    assert is_title_word("Undersheriff") and is_title_word("vice-chair") and is_title_word("Sheriff")
    assert not is_title_word("Underwood") and not is_title_word("Vicente")


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        # Nouns run into the name are often all its compounds: the one before the name heads the title.
        ("Harbor Detective Sam Ito received critical injuries.", "Sam Ito", "Detective"),
        ("Harbor Police Chief Sam Ito received critical injuries.", "Sam Ito", "Chief"),
        # A title word the NER put inside the name continues the title before it.
        ("Sheriff Deputy Ito, 35, was killed in June.", "Ito", "Sheriff Deputy"),
        ("He murdered Deputy Sheriff Sam Ito in June.", "Sam Ito", "Deputy Sheriff"),
    ],
)
def test_title_from_the_parse_before_the_name(nlp, text, name, title):
    from factcheck.nlp.roles import role_of

    doc = nlp(text)
    entity = next(entity for entity in doc.ents if entity.text.endswith(name))
    role = role_of(text, entity.end_char - len(name), entity.end_char, entity)
    assert role.title is not None and role.title.endswith(title)


def test_a_coordinated_modifier_is_in_the_title_not_its_organisation(nlp):
    # "Economic and Fiscal Policy Minister" is one office: cut at "and", the title would be "Fiscal Policy
    # Minister" and another source's "economy minister" a second post.
    from factcheck.nlp.roles import role_of
    from factcheck.nlp.titles import title_conflict_kind

    text = '"Growth will pick up," said Economic and Fiscal Policy Minister Sam Ito on Monday.'
    doc = nlp(text)
    entity = next(entity for entity in doc.ents if entity.text == "Sam Ito")
    role = role_of(text, entity.start_char, entity.end_char, entity)
    assert role.title == "Economic and Fiscal Policy Minister" and role.affiliation is None
    assert title_conflict_kind(role.title, "economy minister") is None
    assert title_conflict_kind(role.title, "defence minister") == "modifier"
    # Another person, or a second role, coordinated before the post is no word of it.
    for text, name, title in (
        ("Former double world champion Kelli Roe and Olympic relay star Sam Ito were both banned.", "Sam Ito", "star"),
        ("The statement came from tycoon and lifelong fan Sam Ito.", "Sam Ito", "fan"),
    ):
        doc = nlp(text)
        entity = next(entity for entity in doc.ents if entity.text == name)
        found = role_of(text, entity.start_char, entity.end_char, entity).title
        assert found is not None and found.endswith(title) and " and " not in found


def test_an_appositive_with_a_name_of_its_own_describes_that_person(nlp):
    # "her husband Sam" is Sam's description; the title before Jane Roe's name is hers.
    from factcheck.nlp.roles import role_of

    text = "Harbor Gov. Jane Roe, her husband Sam and hundreds of neighbours attended the service."
    doc = nlp(text)
    entity = next(entity for entity in doc.ents if entity.text == "Jane Roe")
    assert role_of(text, entity.start_char, entity.end_char, entity).title.endswith("Gov.")
    text = "Jane Roe, a spokeswoman for the county, said the road was closed."
    doc = nlp(text)
    entity = next(entity for entity in doc.ents if entity.text == "Jane Roe")
    assert role_of(text, entity.start_char, entity.end_char, entity).title == "spokeswoman"


def test_a_title_before_the_name_wins_over_the_noun_the_name_stands_in_apposition_to(nlp):
    # "successor" describes how Jane Roe came to the post; "Vice President" is the post.
    from factcheck.nlp.roles import role_of

    text = "The governor's successor, Vice President Jane Roe, lifted the curfew on Friday."
    doc = nlp(text)
    entity = next(entity for entity in doc.ents if entity.text == "Jane Roe")
    assert role_of(text, entity.start_char, entity.end_char, entity).title == "Vice President"
    # Without a title of its own, the name takes the noun it stands in apposition to.
    text = "The governor's spokesman, Sam Ito, said the curfew would end."
    doc = nlp(text)
    entity = next(entity for entity in doc.ents if entity.text == "Sam Ito")
    assert role_of(text, entity.start_char, entity.end_char, entity).title == "spokesman"


def test_a_plural_before_the_name_is_no_title(nlp):
    # One person's title is a singular noun: "fellow Democrats Sam Ito" names a group he belongs to.
    from factcheck.nlp.roles import role_of

    text = "Officials told fellow Democrats Sam Ito about it."
    doc = nlp(text)
    entity = next(entity for entity in doc.ents if entity.text == "Sam Ito")
    assert role_of(text, entity.start_char, entity.end_char, entity).title is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Outgoing chairman Jane Roe opened the plant.", "Jane Roe"),
        ("The departing chairman Jane Roe thanked the staff.", "Jane Roe"),
        ("Jane Roe, the previous host, joined a rival station.", "Jane Roe"),
        ("Retired Gen. Jane Roe spoke on Friday.", "Jane Roe"),
    ],
)
def test_a_post_told_as_left_or_being_left_is_framed_as_former(text, name):
    # The words the attribution check reads as past framing are the extraction's: one list (FORMER_WORDS).
    start = text.index(name)
    role = find_role(text, start, start + len(name))
    assert role.title and role.former
    assert framed_as_former(text[role.start : role.end])


def test_a_post_held_now_is_not_framed_as_former():
    text = "Chairman Jane Roe opened the plant."
    role = find_role(text, text.index("Jane"), text.index(" opened"))
    assert role.title == "Chairman" and not role.former


def test_a_lower_case_word_of_a_post_wordnet_knows_is_in_the_title():
    # "operating" is no title word; the walk back from the name stopped at it and read the post as "officer".
    text = '"Sales rose," chairman and chief operating officer Jane Roe said.'
    role = find_role(text, text.index("Jane Roe"), text.index("Jane Roe") + len("Jane Roe"))
    assert role.title == "chief operating officer"


def test_two_posts_joined_by_and_before_the_name_are_one_joint_title():
    from factcheck.nlp.roles import Role, merge_roles

    text = '"Sales rose," said chairman and chief financial officer Jane Roe.'
    first, second = text.index("chairman"), text.index("chief financial officer")
    parsed = Role(title="chairman", start=first, end=first + 8, prefix_start=first)
    textual = Role(title="chief financial officer", start=second, end=second + 23, prefix_start=second)
    assert merge_roles(parsed, textual, text).title == "chairman and chief financial officer"
    # A title the parse read alone stays alone when no "and" joins it to the one before the name.
    apart = '"Sales rose," the chairman said. Chief financial officer Jane Roe agreed.'
    start = apart.index("Chief")
    textual = Role(title="Chief financial officer", start=start, end=start + 23, prefix_start=start)
    parsed = Role(title="chairman", start=17, end=25, prefix_start=17)
    assert merge_roles(parsed, textual, apart).title == "chairman"


def test_a_post_the_tagger_read_as_an_adjective_before_the_name_is_the_title(nlp):
    # The small model sometimes tags "executive" in "said Harbor chief executive Jane Roe" an adjective hung on the
    # name (amod); the word is still the post. An adjective that is no post ("happy") stays out.
    from spacy.tokens import Doc

    from factcheck.nlp.roles import role_from_parse

    def parsed(words, pos, deps, heads):
        doc = Doc(
            nlp.vocab,
            words=words,
            pos=pos,
            deps=deps,
            heads=heads,
            ents=["O"] * (len(words) - 2) + ["B-PERSON", "I-PERSON"],
        )
        return doc.ents[0]

    words = ["said", "Harbor", "chief", "executive", "Jane", "Roe"]
    heads = [0, 3, 3, 5, 5, 0]
    entity = parsed(
        words,
        ["VERB", "PROPN", "NOUN", "ADJ", "PROPN", "PROPN"],
        ["ROOT", "compound", "compound", "amod", "compound", "nsubj"],
        heads,
    )
    assert role_from_parse(entity).title == "Harbor chief executive"
    words = ["said", "the", "very", "happy", "Jane", "Roe"]
    entity = parsed(
        words,
        ["VERB", "DET", "ADV", "ADJ", "PROPN", "PROPN"],
        ["ROOT", "det", "advmod", "amod", "compound", "nsubj"],
        [0, 5, 3, 5, 5, 0],
    )
    assert role_from_parse(entity).title is None


def test_a_post_written_before_a_courtesy_and_the_name_is_the_title():
    # "London mayor Mr Roe": news style that writes a surname after "Mr" writes the post before both; the courtesy is
    # no part of the post. A courtesy after a sentence's end ("chief executive. Mr Roe") is no post's.
    text = "Harbor mayor Mr Sam Roe said the bridge would open."
    role = role_of(text, text.index("Sam"), text.index(" said"))
    assert (role.title, role.affiliation) == ("mayor", "Harbor")
    assert text[role.start : role.end] == "Harbor mayor"
    alone = "The firm thanked Mr Sam Roe."
    assert role_of(alone, alone.index("Sam"), alone.index(".", 20)).title is None
    # A sentence's first word before the courtesy is no post: "Even Mr Roe agreed".
    first = "Even Mr Sam Roe agreed with the plan."
    assert role_of(first, first.index("Sam"), first.index(" agreed")).title != "Even"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # A post that modifies another ("chief", "executive") is a post too when it ends the title.
        ("Colby Fire Chief Roan Tully", ("Colby Fire Chief", "Roan Tully")),
        ("Skylane Chief Executive Mira Foss", ("Skylane Chief Executive", "Mira Foss")),
    ],
)
def test_a_title_ending_in_a_post_that_also_modifies_posts_splits_off(name, expected):
    assert split_title(name) == expected


@pytest.mark.parametrize(
    ("text", "title", "affiliation"),
    [
        # The parser hangs "Executive" on the name: the post is not "Chief" (which "Chief Financial Officer" covers).
        (
            "Norvane Chief Executive Lena Dorsey said on Tuesday the chemicals maker would cut 800 jobs.",
            "Chief Executive",
            "Norvane",
        ),
        # The NER runs the post into the organisation ("Halmark Chief Executive", "Oskin Foods Chief").
        (
            "Halmark Chief Executive Officer Dirk Vayne said on Tuesday the retailer would cut its forecast.",
            "Chief Executive Officer",
            "Halmark",
        ),
        (
            "Oskin Foods Chief Operating Officer Hanna Lowe said on Monday the company would close it.",
            "Chief Operating Officer",
            "Oskin Foods",
        ),
    ],
)
def test_a_post_in_title_case_after_an_organisation_is_read_whole(nlp, text, title, affiliation):
    from factcheck.nlp.roles import role_of

    doc = nlp(text)
    entity = next(entity for entity in doc.ents if entity.label_ == "PERSON")
    role = role_of(text, entity.start_char, entity.end_char, entity)
    assert (role.title, role.affiliation) == (title, affiliation)


@pytest.mark.parametrize(
    ("text", "title", "former"),
    [
        ("Ilse Roe, who has been chief executive since 2023, thanked the board.", "chief executive", False),
        ("Ilse Roe, who is the director of the agency, spoke first.", "director", False),
        ("Ilse Roe, who serves as treasurer of the club, spoke first.", "treasurer", False),
        ("Ilse Roe, who was finance director until May, left the firm.", "finance director", True),
        # A clause that names no post gives no title.
        ("Ilse Roe, who is expected to run for the seat, said nothing.", None, False),
        ("Ilse Roe, who is accused of fraud, denied it.", None, False),
        ("Ilse Roe, who has been in prison since 2019, wrote a letter.", None, False),
    ],
)
def test_a_relative_clause_that_says_what_the_person_is_gives_the_title(text, title, former):
    start = text.index("Ilse Roe")
    role = find_role(text, start, start + len("Ilse Roe"))
    assert (role.title, role.former) == (title, former)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # The small parser reads "prosecuting" as a verb of its own; the participle says which side's counsel.
        (
            "Over nine years the scheme netted her $3.7 million, prosecuting counsel Jane Roe said.",
            "prosecuting counsel",
        ),
        ("The presiding judge Jane Roe said it.", "presiding judge"),
        # A participle after a preposition is the sentence's verb, not the post's.
        ("After meeting chief executive Jane Roe, she left.", "chief executive"),
        # A participle doing a preposition's work (BBC 1000-1600: "including leader" warned against "party leader").
        ("Senior Tories, including leader Jane Roe, have spoken out.", "leader"),
    ],
)
def test_a_participle_opening_the_title_is_part_of_it(nlp, text, title):
    from factcheck.nlp.roles import role_of

    doc = nlp(text)
    entity = next(entity for entity in doc.ents if entity.text == "Jane Roe")
    assert role_of(text, entity.start_char, entity.end_char, entity).title == title


@pytest.mark.parametrize(
    ("text", "name", "titles"),
    [
        # A second post coordinated in an appositive.
        (
            "Jane Roe, who is chairman and chief executive, said the results were strong.",
            "Jane Roe",
            {"chairman", "chief executive"},
        ),
        (
            "Jane Roe, the company's chairman and chief executive officer, said sales rose.",
            "Jane Roe",
            {"chairman", "chief executive officer"},
        ),
        # A conjunct read as a title of its own: its nationality is no word of the post, nor "now a".
        (
            "The e-mail came the day after Jon Dale, former Labour minister and now a European Commissioner, warned"
            " the BBC.",
            "Jon Dale",
            {"minister", "Commissioner"},
        ),
        # A rank before the name beside the command the appositive gives.
        (
            '"We did not stop," said Vice Admiral Jane Roe, commander of the coastguard.',
            "Jane Roe",
            {"commander", "Vice Admiral"},
        ),
        # A post before the name beside an appositive that says what the person once was, or is to someone.
        (
            "Harbor assistant coach Ivo Lund, a former Vellmar midfielder, spoke to him in July.",
            "Ivo Lund",
            {"midfielder", "assistant coach"},
        ),
        (
            "Tom Dale set up the dairy in 1958; his grandson, Harbor chief financial officer Mark Dale, has run it since"
            " 2014.",
            "Mark Dale",
            {"grandson", "chief financial officer"},
        ),
    ],
)
def test_a_mention_keeps_every_title_the_text_gives_it(nlp, text, name, titles):
    # One is the title, the others its further titles (where each is written), so another source changing any of
    # them can be told.
    doc = nlp(text)
    entity = next(entity for entity in doc.ents if entity.text.endswith(name))
    role = role_of(text, entity.end_char - len(name), entity.end_char, entity)
    assert {role.title, *(text[start:end] for start, end in role.further)} == titles


def _role_of_jane_roe(nlp, text: str):
    """The role the parse and the text patterns give the one "Jane Roe" the text names."""
    doc = nlp(text)
    entity = next(entity for entity in doc.ents if entity.text == "Jane Roe")
    return role_of(text, entity.start_char, entity.end_char, entity)


@pytest.mark.parametrize(
    "text",
    [
        # After the name and before it, with the parse's appositive or the text patterns'.
        '"It is fragmented," said Jane Roe, personal technology and broadband analyst at Harbor Research.',
        "Jane Roe, broadband and personal technology analyst at Harbor Research, agreed that it could sell.",
    ],
)
def test_modifiers_joined_by_and_share_one_post(nlp, text):
    # "personal technology" names no post of its own: read as one, another source writing the modifiers the other way
    # round gives two titles of one head with other modifiers, a false conflict.
    role = _role_of_jane_roe(nlp, text)
    assert role.title is not None and role.title.endswith("analyst") and " and " in role.title
    assert role.further == ()
    assert role.affiliation == "Harbor Research"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # A relative clause in the present tense says what post the person holds "as", on the verb or its object.
        (
            "Jane Roe, who oversees the city's network as chief information officer, said 3,400 machines were hit.",
            "chief information officer",
        ),
        ("Jane Roe, who works as a nurse at the clinic, said it.", "nurse"),
        # A post left ("who joined ... as"), or "as" telling what the object is: no title.
        ("Jane Roe, who joined the firm as a trainee in 1990, said it.", None),
        ("Jane Roe, who sees herself as a leader, said it.", None),
        # A participle or an adjective opening a sentence modifies the post, whatever the tagger made of it.
        ("Sporting director Jane Roe will lead the search for a successor.", "Sporting director"),
    ],
)
def test_a_post_held_as_or_opened_by_a_modifier(nlp, text, title):
    role = _role_of_jane_roe(nlp, text)
    assert role.title == title
    if title:
        assert text[role.start : role.end].endswith(title.split()[-1])
        assert role.affiliation is None


def test_an_honorific_between_the_post_and_the_name_is_no_title(nlp):
    # The parse hangs "Dr." on the name and the name on the post: the post is the title, the courtesy no further one.
    text = "Cases rose. Deputy director of public health Dr. Jane Roe said tests had matched the samples."
    role = _role_of_jane_roe(nlp, text)
    assert role.title == "Deputy director"
    text = "Dr. Jane Roe, the regional director of public health, said the tower had been shut."
    role = _role_of_jane_roe(nlp, text)
    assert role.title == "regional director" and role.further == ()


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # A reflexive pronoun sets off a description: the noun after it is the title, given once.
        ('"Rest a month," said Jane Roe, herself a marathon runner.', "marathon runner"),
        # "fellow" before another noun tells what the person is beside someone, not a post.
        ("Her best friend and fellow distance runner Jane Roe said it.", "best friend"),
        ("Jane Roe, a fellow runner, said it.", None),
        ("Jane Roe, a research fellow at Harbor, said it.", "research fellow"),
    ],
)
def test_a_description_is_read_once_and_fellow_names_no_post(nlp, text, title):
    role = _role_of_jane_roe(nlp, text)
    assert role.title == title
    assert role.further == ()


@pytest.mark.parametrize(
    "text",
    [
        # A past post after "and", a verb after it, or a second post framed as past: no further title.
        "Jane Roe, who was chairman and chief executive, said the results were strong.",
        "Jane Roe, the chairman and has led the firm since 2014, said sales rose.",
        "Jane Roe, chairman and former chief executive, said sales rose.",
        "Federation president Jane Roe, herself a former world finalist, presented the trophy.",
    ],
)
def test_a_past_or_no_post_is_no_further_title(nlp, text):
    doc = nlp(text)
    entity = next(entity for entity in doc.ents if entity.text.endswith("Jane Roe"))
    role = role_of(text, entity.end_char - len("Jane Roe"), entity.end_char, entity)
    assert all("chief" not in text[start:end] and "finalist" not in text[start:end] for start, end in role.further), [
        text[start:end] for start, end in role.further
    ]


@pytest.mark.parametrize(
    ("text", "title", "affiliation", "former"),
    [
        (
            "The agency's director-general, Dr. Jane Roe, said the risk was very low.",
            "director-general",
            "agency",
            False,
        ),
        (
            "The minister suspended the prison's governor, Jane Roe, on the day of the breakout.",
            "governor",
            "prison",
            False,
        ),
        ("Its chief, Jane Roe, said the firm would grow.", "chief", None, False),
        ("The former director, Jane Roe, said the agency had failed.", "director", None, True),
        # No post: the name is the subject after an opening phrase, or the phrase ends in no post.
        ("After meeting her lawyer, Jane Roe said she would appeal.", None, None, False),
        ("Despite the heavy rain, Jane Roe, 45, finished the race.", None, None, False),
        ("In the city's east, Jane Roe, a teacher, saw the flood.", "teacher", None, False),
    ],
)
def test_a_post_set_off_before_the_name_is_its_title(text, title, affiliation, former):
    start = text.index("Jane Roe")
    role = find_role(text, start, start + len("Jane Roe"))
    assert (role.title, role.affiliation, role.former) == (title, affiliation, former)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # The parser splits a hyphenated verb and may hang its second part on the post: no title opens inside a word.
        ("Delegates re-elected party chairman Jane Roe on Monday.", "party chairman"),
        ("The firm then re-hired finance director Jane Roe.", "finance director"),
        # A hyphenated word the title holds whole stays whole.
        ("The label signed hip-hop mogul Jane Roe.", "hip-hop mogul"),
        ("The board named vice-chairman Jane Roe.", "vice-chairman"),
    ],
)
def test_a_title_never_opens_inside_a_hyphenated_word(nlp, text, title):
    assert _role_of_jane_roe(nlp, text).title == title
