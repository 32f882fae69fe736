"""Per-document person memory: "he" and "she" stand only for a person the text does not give the other sex."""

from __future__ import annotations

from test_extract import claims_of

from factcheck.nlp.roles import Role
from factcheck.stages.extract.people import _People


def _people(text: str, *named: tuple[int, str, bool]) -> _People:
    people = _People(text=text)
    for unit, name, subject in named:
        people.add(name, None, unit, subject=subject)
    return people


def test_honorific_before_the_surname_says_the_sex() -> None:
    people = _people(
        "Mr Sam Ito met Ms Jane Roe. Later Mrs Ada Poe spoke.", (0, "Sam Ito", True), (0, "Jane Roe", False)
    )
    assert people.gender_of("Sam Ito") == "male"
    assert people.gender_of("Jane Roe") == "female"


def test_no_sign_in_the_text_leaves_the_sex_unknown() -> None:
    # A given name is no sign: the text never says whether Jane Roe is a man or a woman.
    people = _people("Jane Roe met Sam Ito on Monday.", (0, "Jane Roe", True), (0, "Sam Ito", False))
    assert people.gender_of("Jane Roe") is None
    assert people.gender_of("Sam Ito") is None


def test_a_gendered_noun_right_before_the_name_says_the_sex() -> None:
    people = _people("Spokeswoman Jo Roe and her husband Sam Ito left.", (0, "Jo Roe", True), (0, "Sam Ito", False))
    assert people.gender_of("Jo Roe") == "female"
    assert people.gender_of("Sam Ito") == "male"


def test_a_word_cut_off_by_a_comma_is_not_tied_to_the_name() -> None:
    people = _people("Asked about his wife, Sam Ito said nothing.", (0, "Sam Ito", True))
    assert people.gender_of("Sam Ito") is None


def test_an_honorific_of_another_namesake_says_nothing() -> None:
    # "Mrs Roe" may be either Roe; "Ms Ann Roe" is not Sam Roe.
    text = "Sam Roe and Ann Roe arrived. Mrs Roe spoke. Ms Ann Roe left."
    people = _people(text, (0, "Sam Roe", True), (0, "Ann Roe", False))
    assert people.gender_of("Sam Roe") is None
    assert people.gender_of("Ann Roe") == "female"


def test_both_signs_leave_the_sex_unknown() -> None:
    people = _people("Mr Kim Lee spoke. Ms Kim Lee left.", (0, "Kim Lee", True))
    assert people.gender_of("Kim Lee") is None


def test_she_passes_over_a_subject_the_text_calls_mister() -> None:
    text = "Mr Sam Ito spoke first. Mr Ito's view was echoed by Jane Roe. She said it was fine."
    people = _people(text, (0, "Sam Ito", True), (1, "Jane Roe", False))
    people.spoke("Sam Ito", 0)
    assert people.resolve_pronoun(2, "she") == "Jane Roe"
    assert people.resolve_pronoun(2, "he") == "Sam Ito"
    assert people.resolve_pronoun(2) == "Sam Ito"  # no pronoun given: as before


def test_a_person_of_unknown_sex_fits_either_pronoun() -> None:
    text = "Jane Roe spoke first. Sam Ito listened. She said it was fine."
    people = _people(text, (0, "Jane Roe", True), (1, "Sam Ito", False))
    assert people.resolve_pronoun(2, "he") == "Jane Roe"
    assert people.resolve_pronoun(2, "she") == "Jane Roe"


def test_two_subjects_one_of_the_pronouns_sex() -> None:
    text = "Mr Sam Ito and Ms Jane Roe spoke. She said it was fine."
    people = _people(text, (0, "Sam Ito", True), (0, "Jane Roe", True))
    assert people.resolve_pronoun(1, "she") == "Jane Roe"
    assert people.resolve_pronoun(1, "he") == "Sam Ito"
    assert people.resolve_pronoun(1) is None


def test_no_one_of_the_pronouns_sex_named_near() -> None:
    text = "Mr Sam Ito spoke first. She said it was fine."
    people = _people(text, (0, "Sam Ito", True))
    assert people.resolve_pronoun(1, "she") is None


def test_she_said_after_a_man_whose_words_she_echoed(nlp) -> None:
    text = (
        '"We have turned a page," Mr Sam Ito said. "It is business as usual," he continued.\n\n'
        "Mr Ito's sentiments were echoed by Jane Roe, director of the sister market. "
        '"We have been careful," she said.'
    )
    speakers = [claim.quote.speaker for claim in claims_of(nlp, text) if claim.quote]
    assert speakers == ["Sam Ito", "Sam Ito", "Jane Roe"]


def test_he_said_passes_over_a_subject_the_text_calls_ms(nlp) -> None:
    speakers = [
        claim.quote.speaker
        for claim in claims_of(nlp, 'Ms Jane Roe met Sam Ito on Monday. "We have been careful," he said.')
        if claim.quote
    ]
    assert speakers == ["Sam Ito"]


def test_a_kin_word_inside_a_name_or_on_the_line_above_says_nothing() -> None:
    # "Big Brother" names a show, and a headline's last word is not tied to the byline's name.
    text = "Roe quits Big Brother\n\nJane Roe left. He met Big Brother Sam Ito."
    people = _people(text, (0, "Jane Roe", True), (0, "Sam Ito", False))
    assert people.gender_of("Jane Roe") is None
    assert people.gender_of("Sam Ito") is None
    assert _people("Spokeswoman Jo Roe said so.", (0, "Jo Roe", True)).gender_of("Jo Roe") == "female"


def test_a_lower_case_honorific_and_a_word_about_someone_else_say_nothing() -> None:
    assert _people("Fans will miss Sam Ito.", (0, "Sam Ito", True)).gender_of("Sam Ito") is None
    people = _People(text="Sam Ito spoke.")
    people.add("Sam Ito", Role(title="Kim Lee's son's lawyer"), 0)
    assert people.gender_of("Sam Ito") is None
    people = _People(text="Jo Roe spoke.")
    people.add("Jo Roe", Role(title="widow of the late mayor"), 0)
    assert people.gender_of("Jo Roe") == "female"


def test_a_description_fits_only_a_person_whose_whole_post_agrees() -> None:
    # "the prime minister" is not the Deputy Prime Minister, whoever else the text leaves untitled; "the minister"
    # may be the Foreign Minister, not a former one.
    people = _People(text="")
    people.add("Sam Ito", Role(title="Deputy Prime Minister"), 0)
    assert people.resolve_role("prime minister") is None
    assert people.resolve_role("deputy prime minister") == "Sam Ito"
    people.add("Jane Roe", Role(title="Prime Minister"), 1)
    assert people.resolve_role("prime minister") == "Jane Roe"
    people = _People(text="")
    people.add("Kim Lee", Role(title="Foreign Minister"), 0)
    assert people.resolve_role("minister") == "Kim Lee"
    assert people.resolve_role("former minister") is None
    assert people.resolve_role("finance minister") is None
    people.add("Ada Poe", Role(title="minister", former=True), 1)
    assert people.resolve_role("former minister") == "Ada Poe"


def test_the_prime_minister_said_is_not_the_deputy_named_before(nlp) -> None:
    text = (
        "Jane Roe met Mr Ode at a dinner hosted by Deputy Prime Minister Sam Ito. "
        'According to the book the prime minister said: "Help me to get through the year."'
    )
    assert [claim.quote.speaker for claim in claims_of(nlp, text) if claim.quote] == [None]


def test_he_said_further_on_is_the_one_man_named_since() -> None:
    text = "Mr Sam Ito spoke first. The firm has 300 staff. It was founded in 1990. Its budget grew. He said so."
    people = _people(text, (0, "Sam Ito", True))
    assert people.resolve_pronoun(4, "he") == "Sam Ito"
    assert people.resolve_pronoun(4, "she") is None  # the text says he is a man
    people.someone_unnamed(2)  # "a spokesman said" since: "he" may be the spokesman
    assert people.resolve_pronoun(4, "he") is None


def test_he_said_further_on_needs_no_other_candidate_since() -> None:
    # Jane Roe, of no sex the text tells, was the subject after Sam Ito; Mr Lee, named after him, may be "he" too.
    text = "Mr Sam Ito spoke first. Jane Roe joined the firm. It has 300 staff. It was founded in 1990. He said so."
    assert _people(text, (0, "Sam Ito", True), (1, "Jane Roe", True)).resolve_pronoun(4, "he") is None
    text = "Mr Sam Ito spoke first. The firm has 300 staff. It hired Mr Kim Lee. It was founded in 1990. He said so."
    assert _people(text, (0, "Sam Ito", True), (2, "Kim Lee", False)).resolve_pronoun(4, "he") is None


def test_he_said_after_a_spokesman_is_not_the_man_named_before(nlp) -> None:
    text = (
        "Chief executive Mr Sam Ito said the firm had found gas. The find is in the north. It was approved in May. "
        'A spokesman said the firm believed there was a lot of gas. But he added: "It is too early to say how much."'
    )
    assert [claim.quote.speaker for claim in claims_of(nlp, text) if claim.quote] == [None]


def test_a_first_name_the_ner_left_out_of_a_person_after_a_post_is_part_of_the_name(nlp) -> None:
    # The NER reads "Demirel" alone, as an organisation: the person was never named, and "she" fell to the last
    # speaker, a man named two sentences before.
    text = (
        '"Everything is green," Mission director Tobias Renn said.\n\n'
        "Chief executive Ayla Demirel, who started the company in a rented hangar in 2015, was visibly emotional. "
        '"Today we proved it," she said.'
    )
    claims = claims_of(nlp, text)
    actors = [(actor.name, actor.label, actor.title) for claim in claims for actor in claim.actors]
    assert ("Ayla Demirel", "PERSON", "Chief executive") in actors
    assert [claim.quote.speaker for claim in claims if claim.quote][-1] != "Tobias Renn"


def test_she_said_right_after_a_sentence_is_its_subject_whoever_was_named_before() -> None:
    # Two subjects in the last sentences, neither of a sex the text gives: "she" continues the clause right before.
    text = "Sam Ito said the talks had failed. Jane Roe said the plan was fair. She said it would hold."
    people = _people(text, (0, "Sam Ito", True), (1, "Jane Roe", True))
    assert people.resolve_pronoun(2, "she") == "Jane Roe"


def test_she_said_stays_open_when_the_clause_before_has_two_subjects_or_her_own_has_one() -> None:
    text = "Sam Ito and Jane Roe spoke. Reporters waited. She said it would hold."
    two = _people(text, (0, "Sam Ito", True), (0, "Jane Roe", True))
    assert two.resolve_pronoun(2, "she") is None
    own = _people(text, (0, "Sam Ito", True), (1, "Jane Roe", True), (2, "Ann Poe", True))
    assert own.resolve_pronoun(2, "she") is None


def test_he_said_after_an_untyped_name_as_subject_is_left_open() -> None:
    # The small model tags no type for "DeVane": the pronoun may be him, not the man last a subject before.
    text = "Sam Ito won the race. DeVane, who lost to Ito, will face him again. He said it was hard."
    people = _people(text, (0, "Sam Ito", True), (1, "Sam Ito", False))
    people.untyped_subjects.append((1, "DeVane"))
    assert people.resolve_pronoun(2, "he") is None


def test_he_said_after_an_untyped_surname_of_a_person_named_in_full_is_that_person() -> None:
    text = "Tom DeVane came second. Sam Ito won the race. Mr DeVane, who lost to Ito, was upset. He said it was hard."
    people = _people(text, (0, "Tom DeVane", True), (1, "Sam Ito", True))
    people.untyped_subjects.append((2, "Mr DeVane"))
    assert people.resolve_pronoun(3, "he") == "Tom DeVane"


def test_an_untyped_name_of_the_person_or_before_the_person_leaves_the_pronoun_alone() -> None:
    text = "Boro won. Sam Ito scored twice. Ito, 23, was happy. He said it was easy."
    people = _people(text, (1, "Sam Ito", True))
    people.untyped_subjects += [(0, "Boro"), (2, "Ito")]
    assert people.resolve_pronoun(3, "he") == "Sam Ito"


def test_he_said_after_a_sentence_whose_subject_the_tagger_left_untyped_is_not_the_man_named_in_it(nlp) -> None:
    # The small model tags "Fitzgerald" as nothing here: "he" was read as Foxley, named in the relative clause.
    text = (
        'Jamal Foxley won the best actor prize. "I am honoured to win the prize in my first year," Foxley said.\n\n'
        "Fitzgerald, who lost out on the best actor prize to Foxley, will face him again at the Globes in two weeks. "
        '"It is the first time I have been nominated," he told reporters.'
    )
    assert [claim.quote.speaker for claim in claims_of(nlp, text) if claim.quote] == ["Jamal Foxley", None]
