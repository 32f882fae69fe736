"""The extract stage: which sentences are claims, and the slots each claim carries."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from factcheck.config import Settings
from factcheck.model import Claim, Corpus, Document
from factcheck.stages.extract import ExtractStage, all_time_expressions, extract_document, segment

SEEDS_DIR = __import__("pathlib").Path(__file__).resolve().parent.parent / "seeds"
DATELINE = date(2025, 3, 14)


def make_doc(text: str, *, published: date | None = DATELINE, body_start: int = 0, doc_id: str = "d") -> Document:
    return Document(
        id=doc_id,
        path=f"{doc_id}.txt",
        text=text,
        clean=text,
        clean_to_original=tuple(range(len(text) + 1)),
        published=published,
        body_start=body_start,
    )


def claims_of(nlp, text: str, **kwargs) -> list[Claim]:
    doc = make_doc(text, **kwargs)
    claims = extract_document(doc, nlp)
    for claim in claims:
        assert_spans_index(doc, claim)
    return claims


def assert_spans_index(doc: Document, claim: Claim) -> None:
    spans = [claim.span]
    spans += [t.span for t in claim.times]
    spans += [q.span for q in claim.quantities] + [q.as_of.span for q in claim.quantities if q.as_of]
    spans += [a.span for a in claim.actors] + [a.role_span for a in claim.actors if a.role_span]
    spans += [title for actor in claim.actors for title in actor.further_titles]
    if claim.quote:
        spans += [claim.quote.span] + ([claim.quote.speaker_span] if claim.quote.speaker_span else [])
        spans += list(claim.quote.speaker_further_titles)
    for span in spans:
        assert span.doc == doc.id
        assert 0 <= span.start <= span.end <= len(doc.text)
        assert span.text == doc.text[span.start : span.end]
    assert claim.id == f"{doc.id}#{claim.span.start}-{claim.span.end}"


def only(claims: list[Claim], containing: str) -> Claim:
    found = [claim for claim in claims if containing in claim.text]
    assert len(found) == 1, [claim.text for claim in claims]
    return found[0]


# --- dated events -----------------------------------------------------------------------


def test_dated_event_with_normalised_times(nlp):
    claims = claims_of(
        nlp,
        "The agency launched its third weather satellite on March 3, 2021. Officials said the rover landed last month.",
    )
    launch = only(claims, "weather satellite")
    assert "dated-event" in launch.kinds
    assert [t.value for t in launch.times] == ["2021-03-03"]
    assert launch.event is not None
    assert (launch.event.actor, launch.event.action, launch.event.past) == ("agency", "launch", True)
    assert launch.event.object == "weather satellite"
    landing = only(claims, "rover landed")
    assert landing.times[0].value == "2025-02" and landing.times[0].relative
    # The reporting verb is not the event: what was reported is.
    assert landing.event.action == "land" and landing.event.actor == "rover"


def test_light_verb_takes_the_event_noun(nlp):
    claim = only(claims_of(nlp, "Westland conducted a missile test in 2019."), "missile test")
    assert claim.event.action == "test"
    assert claim.event.object == "missile"
    assert claim.event.actor == "westland"


def test_passive_agent_is_the_actor(nlp):
    claim = only(claims_of(nlp, "The treaty was signed by Norway in 1996."), "treaty")
    assert claim.event.actor == "norway"
    assert claim.event.action == "sign"
    assert claim.event.object == "treaty"
    assert claim.event.past


def test_coordinated_statements_become_atomic_claims(nlp):
    text = (
        "Japan launched its first navigation satellite in 2010 after years of delay, "
        "and China followed with a larger constellation of its own in 2012."
    )
    claims = claims_of(nlp, text)
    assert [(c.event.actor, c.event.action, [t.value for t in c.times]) for c in claims] == [
        ("japan", "launch", ["2010", "PXY"]),
        ("china", "follow", ["2012"]),
    ]  # "years" of delay: a length
    assert claims[0].span.text == "Japan launched its first navigation satellite in 2010 after years of delay"


def test_fronted_time_keeps_the_sentence_whole(nlp):
    text = (
        "In 2014, the cabinet changed the rules for the agency in several ways, "
        "and the parliament approved the changes after a long debate."
    )
    assert len(claims_of(nlp, text)) == 1


def test_all_time_expressions_cover_the_whole_document(nlp):
    doc = make_doc("Filed in May 2020.\n\nThe bridge opened in 1998 and closed last year.", body_start=20)
    values = [t.value for t in all_time_expressions(doc)]
    assert values == ["2020-05", "1998", "2024"]


# --- quantities -------------------------------------------------------------------------


def test_quantity_measure_and_as_of(nlp):
    claims = claims_of(
        nlp,
        "At the end of 2022, the operator ran more than two-thirds of the country's active "
        "wind turbines. The city approved a $2 billion budget in 2020.",
    )
    turbines = only(claims, "turbines")
    assert "quantity" in turbines.kinds
    share = turbines.quantities[0]
    assert share.measure == "turbine"
    assert share.unit == "fraction" and share.comparator == "gt"
    assert share.low == pytest.approx(2 / 3, abs=0.01)
    assert share.as_of is not None and share.as_of.value == "2022"
    budget = only(claims, "budget").quantities[0]
    assert budget.measure == "budget"
    assert budget.as_of.value == "2020"


def test_quantity_as_of_phrase_and_subject_measure(nlp):
    claim = only(claims_of(nlp, "As of 2023, the fleet numbered 412 aircraft."), "fleet")
    quantity = claim.quantities[0]
    assert quantity.value == 412
    assert quantity.measure == "aircraft"
    assert quantity.as_of.value == "2023"


def test_dates_and_figures_carry_the_word_they_date_or_count_for(nlp):
    # What a value belongs to, from the parse: the cross-source checks compare two values only when it agrees.
    claims = claims_of(
        nlp,
        "Pacquiao will defend his title on Sept. 8 in Las Vegas. The quake struck the island on Sunday, "
        "injuring five people. Hillis added 101 yards for the Chiefs, who had 352 yards rushing.",
    )
    title = only(claims, "defend")
    assert [(t.span.text, t.head) for t in title.times] == [("Sept. 8", "defend")]
    quake = only(claims, "quake")
    assert [(q.span.text, q.head) for q in quake.quantities] == [("five", "injure")]
    yards = only(claims, "Hillis")
    assert [q.head for q in yards.quantities] == ["add", "rush"]  # two counts of yards, of two different things


@pytest.mark.parametrize(
    ("sentence", "head"),
    [
        ("Mayor Ilse Roe said on Thursday she would sign the budget.", "say"),  # the day it was said
        ("Mayor Ilse Roe said Thursday her council had passed the budget.", "say"),
        ("Mayor Ilse Roe said that on Thursday she would sign the budget.", "sign"),  # "that" opens the clause
        ("Mayor Ilse Roe said she would sign the budget on Thursday.", "sign"),
    ],
)
def test_a_date_right_after_a_reporting_verb_dates_the_report(nlp, sentence, head):
    (claim,) = [c for c in claims_of(nlp, sentence) if c.times]
    assert [(t.span.text, t.head) for t in claim.times] == [("Thursday", head)]


@pytest.mark.parametrize(
    ("sentence", "head"),
    [
        ("A jury in Dornvale on Tuesday found mill owner Arvid Kessling guilty of arson.", "find"),
        ("Police on Monday arrested two men in the harbour district.", "arrest"),
        ("The vote on Tuesday was marred by fraud.", "vote"),  # a subject that happens keeps its date
        ("His original advice of 7 March accepted that the strike might be illegal.", "advice"),  # a thing dated
    ],
)
def test_a_date_between_a_subject_and_its_verb_dates_the_verb(nlp, sentence, head):
    # The parser hangs "on Tuesday" on "jury"; a jury is no event, and the date is the finding's.
    (claim,) = [c for c in claims_of(nlp, sentence) if c.times]
    assert [t.head for t in claim.times] == [head]


@pytest.mark.parametrize(
    ("sentence", "head"),
    [
        ("The ferry capsized on the night of March 12 in a storm.", "capsize"),
        ("Three inmates escaped in the early hours of Sunday through a tunnel.", "escape"),
        ("The quake struck the region before dawn on Sunday.", "strike"),
        ("The thieves escaped on the morning of Feb. 19 with the jewels.", "escape"),
        ("The workers spent the night of March 12 in tents.", "night"),  # the night itself is what is told
    ],
)
def test_a_date_of_a_time_of_day_dates_the_act_told_then(nlp, sentence, head):
    # The parser hangs "March 12" on "night": the night is when the ferry capsized, as "on March 12" would say. In an
    # undated article "the night of March 12" is no time expression of its own (no year to give the night's value).
    (claim,) = [c for c in claims_of(nlp, sentence, published=None) if c.times]
    assert [t.head for t in claim.times] == [head]


def test_a_date_in_an_aside_between_commas_is_not_the_main_verbs(nlp):
    (claim,) = claims_of(nlp, "Jane Roe, mayor of Kelby since 2019, was elected party leader on June 6 by 900 votes.")
    assert [t.head for t in claim.times if t.span.text == "June 6"] == ["elect"]
    assert [t.head for t in claim.times if "2019" in t.span.text] != ["elect"]  # the years she has been mayor


def test_an_abbreviated_title_the_parser_splits_at_its_dot_is_read_whole(nlp):
    # The parser reads "Lt" "." "Governor" and keeps ". Governor"; the text before the name has the whole title.
    person = next(a for a in claims_of(nlp, "Lt. Governor Jane Roe visited the town.")[0].actors if a.label == "PERSON")
    assert person.title == "Lt. Governor"
    # A capitalised word of a formal title the parser reads as a preposition, inside a sentence.
    text = "The plan is not needed, said Treasury Under Secretary Jane Roe."
    person = next(a for a in claims_of(nlp, text)[0].actors if a.name == "Jane Roe")
    assert person.title == "Under Secretary"
    # Other words before the parse's title are the parse's to judge: "under" is no part of a post.
    text = "The team played under President Jane Roe last year."
    person = next(a for a in claims_of(nlp, text)[0].actors if a.label == "PERSON")
    assert person.title == "President"


def test_a_hyphenated_word_of_a_title_stays_whole(nlp):
    # The parser reads "hip" "-" "hop" and hangs the hyphen on no title word: the title was "hop star".
    text = "Last year the awards were led by US hip-hop star Jane Roe, who won three."
    person = next(a for a in claims_of(nlp, text)[0].actors if a.name == "Jane Roe")
    assert person.title == "hip-hop star"
    # And when the parse keeps one part alone ("vice" of "vice-chair"), the text's title is the word whole.
    person = next(a for a in claims_of(nlp, "Former vice-chair Jane Roe spoke.")[0].actors if a.name == "Jane Roe")
    assert person.title == "vice-chair"


def test_a_capitalised_plural_before_the_name_is_no_title(nlp):
    # The tagger calls "Families" a singular proper noun here; WordNet reads it only as the plural of "family".
    text = (
        "Minister for Children, Young People and Families Sarah Kell said new rules will ensure grants would be fair."
    )
    person = next(a for a in claims_of(nlp, text)[0].actors if a.name == "Sarah Kell")
    assert person.title != "Families"


def test_a_date_on_a_verb_that_arranges_an_event_dates_the_event(nlp):
    # "planned", "hold" and "postponed" say little of what is dated: one source plans the vote, another holds it.
    # The event they arrange dates (the noun they modify, their object, their passive subject) when WordNet's main
    # sense of it names something that happens; "set a record" keeps its verb, since a record is no event.
    claims = claims_of(
        nlp,
        "Regional elections, planned for 15 March, will use a new law. The commission will hold the vote on "
        "22 March. The referendum was postponed to 9 May. The relay team set a record on 4 June.",
    )
    assert [t.head for t in only(claims, "Regional").times] == ["election"]
    assert [t.head for t in only(claims, "commission").times] == ["vote"]
    assert [t.head for t in only(claims, "referendum").times] == ["referendum"]
    assert [t.head for t in only(claims, "relay").times] == ["set"]


def test_a_phrasal_verb_keeps_its_particle_in_the_head(nlp):
    # "set up a fund", "set off from the camp" and "set a record" are three acts: without the particle (dependency
    # prt) all three dates would date one "set". WordNet has the phrasal verb as a lemma ("set_up": establish).
    claims = claims_of(
        nlp,
        "The charity set up a fund for the victims in 2004. The climbers set off from the base camp in 2006. "
        "The relay team set a world record in 2008. Rescuers picked up 40 survivors from the sea.",
    )
    assert [t.head for t in only(claims, "fund").times] == ["set up"]
    assert [t.head for t in only(claims, "climbers").times] == ["set off"]
    assert [t.head for t in only(claims, "record").times] == ["set"]
    assert [q.head for q in only(claims, "survivors").quantities] == ["pick up"]


def test_a_figure_counts_the_last_noun_of_a_compound(nlp):
    # The parse hangs the number on the compound's first noun ("two" -> "plainclothes", "seven" -> "AK-47", a model
    # name read as a number); what is counted is the last noun, and what it belongs to is that noun's word.
    claims = claims_of(
        nlp,
        "The police said that two plainclothes officers fatally shot the teenager. "
        "The commandos seized seven AK-47 assault rifles and a launcher.",
    )
    officers = only(claims, "plainclothes").quantities
    assert [(q.span.text, q.measure, q.head) for q in officers] == [("two", "officer", "shoot")]
    rifles = only(claims, "commandos").quantities
    assert [q.measure for q in rifles] == ["rifle"]


def test_a_posts_possessive_hands_an_age_or_a_count_on_to_the_person_it_names(nlp):
    # The parse hangs "42-year-old" and "two" on "sheriff", the possessive; "sheriff's" names the deputies' office,
    # so the age is the deputy's and the count counts deputies, as "the 42-year-old deputy" would say.
    claims = claims_of(
        nlp,
        "A 42-year-old sheriff's deputy was wounded in the raid. Two sheriff's deputies guarded the courthouse. "
        "The 42-year-old deputy was wounded in the raid.",
    )
    assert [q.head for q in only(claims, "sheriff's deputy was").quantities] == ["deputy"]
    assert [q.head for q in only(claims, "The 42-year-old deputy").quantities] == ["deputy"]
    assert [(q.measure, q.head) for q in only(claims, "courthouse").quantities] == [("deputy", "guard")]
    # Any other possessive owns what follows: the age is the man's, the count counts men, the workers are counted.
    claims = claims_of(
        nlp,
        "A 42-year-old man's car was found in the river. Three men's lawyers asked for bail. "
        "The company's 5,000 workers went on strike.",
    )
    assert [q.head for q in only(claims, "car").quantities] == ["man"]
    assert [q.measure for q in only(claims, "lawyers").quantities] == ["man"]
    assert [(q.measure, q.head) for q in only(claims, "strike").quantities] == [("worker", "go")]


def test_a_number_set_off_after_a_person_is_the_persons_age(nlp):
    # Read as a bare count it has no counted noun and is compared with nothing; as an age it meets
    # "a 34-year-old" and another source's "Jane Roe, 43,".
    claims = claims_of(
        nlp,
        "Jane Roe, 34, a nurse, was hurt in the blast. The driver (61) was unhurt. "
        "A man aged 40 was arrested on Friday. In 2001, 15 people and Sam Ito, 2,500 in all, marched.",
    )
    assert [(q.value, q.unit, q.measure) for q in only(claims, "nurse").quantities] == [(34, "years", "year")]
    assert [(q.value, q.unit, q.measure) for q in only(claims, "driver").quantities] == [(61, "years", "year")]
    assert [(q.value, q.unit) for q in only(claims, "aged").quantities] == [(40, "years")]
    assert all(q.unit != "years" for q in only(claims, "marched").quantities)


# --- actors and roles -------------------------------------------------------------------


def actor(claim: Claim, name: str):
    matches = [a for a in claim.actors if a.name == name]
    assert matches, [a.name for a in claim.actors]
    return matches[0]


def test_affiliation_via_appositive(nlp):
    claim = only(
        claims_of(
            nlp, "Marta Lindqvist, a senior fellow at the Institute for Coastal Studies, said the dam was unsafe."
        ),
        "Lindqvist",
    )
    person = actor(claim, "Marta Lindqvist")
    assert person.label == "PERSON"
    assert person.title == "senior fellow"
    assert person.affiliation == "Institute for Coastal Studies"
    assert person.role_span.text == "a senior fellow at the Institute for Coastal Studies"


def test_affiliation_via_from_and_prefix_title(nlp):
    claim = only(
        claims_of(nlp, "Professor Tomas Berger from the University of Leeds published the survey in 2019."), "Berger"
    )
    person = actor(claim, "Tomas Berger")
    assert person.title == "Professor"
    assert person.affiliation == "University of Leeds"


def test_rank_with_appositive_role(nlp):
    claim = only(
        claims_of(
            nlp,
            "Col. Dana Whitfield, program director for Orbital Logistics Command, approved the plan on May 5, 2022.",
        ),
        "Whitfield",
    )
    person = actor(claim, "Dana Whitfield")
    assert person.title == "program director"
    assert person.affiliation == "Orbital Logistics Command"


def test_possessive_affiliation_and_former(nlp):
    claims = claims_of(
        nlp,
        "The Harbour Authority's director Ines Moreau signed the lease in 2018. "
        "Former minister Paul Okafor criticised the deal in 2019.",
    )
    moreau = actor(only(claims, "Moreau"), "Ines Moreau")
    assert moreau.title == "director" and moreau.affiliation == "Harbour Authority"
    okafor = actor(only(claims, "Okafor"), "Paul Okafor")
    assert okafor.former and okafor.title == "minister"


# --- quotes -----------------------------------------------------------------------------


def quote_of(nlp, text: str, containing: str):
    claim = only(claims_of(nlp, text), containing)
    assert "quote" in claim.kinds
    return claim.quote


@pytest.mark.parametrize(
    "text",
    [
        '"The bridge will reopen next spring after the repairs," said Mayor Alan Pierce.',
        '"The bridge will reopen next spring after the repairs," Alan Pierce said.',
        'Alan Pierce said: "The bridge will reopen next spring after the repairs."',
        'Alan Pierce said that "the bridge will reopen next spring after the repairs."',
        "“The bridge will reopen next spring after the repairs,” noted Alan Pierce.",
        '"The bridge will reopen next spring after the repairs," warned Alan Pierce.',
        '"The bridge will reopen next spring after the repairs," commented Alan Pierce.',
        '"The bridge will reopen next spring after the repairs" — Alan Pierce',
        '"The bridge will reopen next spring after the repairs.", Mayor Alan Pierce',
        '"The bridge will reopen next spring after the repairs." Mayor Alan Pierce',
    ],
)
def test_quote_attribution_patterns(nlp, text):
    quote = quote_of(nlp, text, "bridge")
    assert quote.speaker == "Alan Pierce"
    assert quote.span.text.rstrip(".").lower() == "the bridge will reopen next spring after the repairs"
    assert quote.speaker_span.text == "Alan Pierce"


def test_quote_according_to(nlp):
    quote = quote_of(nlp, 'The plan is "a reckless gamble with public money", according to Alan Pierce.', "plan")
    assert quote.speaker == "Alan Pierce"


def test_quote_with_name_on_next_line(nlp):
    text = (
        "The council met on Monday to discuss the bridge.\n\n"
        '"We cannot keep the bridge closed for another winter."\nDr. Alan Pierce\n\n'
        "The vote is due in April."
    )
    claims = claims_of(nlp, text)
    quote = only(claims, "another winter").quote
    assert quote.speaker == "Alan Pierce" and quote.speaker_title == "Dr."
    assert not any("Dr. Alan Pierce" == claim.text for claim in claims)


def test_quote_spanning_sentences(nlp):
    claims = claims_of(nlp, '"The repairs are finished. The bridge reopens on Friday," said Alan Pierce.')
    assert len(claims) == 1
    assert claims[0].quote.speaker == "Alan Pierce"
    assert "The repairs are finished. The bridge reopens on Friday" in claims[0].quote.span.text


def test_quote_reopened_inside_a_paragraph_does_not_swallow_the_sentences_after_it(nlp):
    # Two quoted paragraphs printed as one: the second reopens with a mark while the first is open. Paired by
    # position, the reopening mark closed the quote and the closing one opened another, which ran over the
    # report that follows to the next quote and made all of it one claim.
    text = (
        'She added: "We will stand by the families. This is the least we can do. "Those who did this will be '
        'held to account." The strike was called by the unions. Police said 20,000 people marched in the capital. '
        'Jane Roe, a union leader, told reporters: "The cuts go too far."'
    )
    claims = claims_of(nlp, text)
    marched = only(claims, "20,000 people marched")
    assert marched.text == "Police said 20,000 people marched in the capital."
    assert "held to account" in only(claims, "the least we can do").quote.span.text


def test_quote_speaker_resolved_from_earlier_mention(nlp):
    text = (
        "Alan Pierce, the city's chief engineer, inspected the bridge in 2023. "
        '"The cables are sound and the deck is safe," Pierce said. '
        '"We will reopen it after one more test," he added.'
    )
    claims = claims_of(nlp, text)
    first = only(claims, "cables").quote
    assert first.speaker == "Alan Pierce"
    assert first.speaker_title == "chief engineer"
    second = only(claims, "one more test").quote
    assert second.speaker == "Alan Pierce"


def test_two_joined_posts_before_a_name_credit_the_person_named(nlp):
    # The parse makes "chairman" the subject and the name a conjunct: the speaker is the person, not the post.
    joined = quote_of(nlp, '"This is a great day for the club," said chairman and owner Alan Pierce.', "great day")
    assert joined.speaker == "Alan Pierce" and joined.co_speakers == ()
    # A post with its determiner joined to a name is another person speaking too.
    two = quote_of(nlp, '"This is a great day for the club," the chairman and Alan Pierce said.', "great day")
    assert two.speaker != "Alan Pierce"


def test_quote_framing_past_when_said_earlier(nlp):
    quote = quote_of(nlp, '"The bridge is safe for heavy trucks," Alan Pierce said in 2019.', "trucks")
    assert quote.framing == "past"
    assert quote.said_at is not None and quote.said_at.value == "2019"
    current = quote_of(nlp, '"The bridge is safe for heavy trucks," Alan Pierce said.', "trucks")
    assert current.framing == "current" and current.said_at is None


def test_quote_framing_reads_the_said_time_by_its_interval(nlp):
    # A decade or an ISO week is read like any other value (factcheck.dates.interval_of), not by its digits.
    decade = quote_of(nlp, '"The bridge is safe for heavy trucks," Alan Pierce said in the 1990s.', "trucks")
    assert decade.said_at is not None and decade.said_at.value == "199X"
    assert decade.framing == "past"


def test_a_quote_opened_straight_and_closed_curly_ends_at_its_closing_mark(nlp):
    # Read apart, the straight mark pairs with the next straight one, sentences later, and the claims merge.
    text = (
        "Mayor Alan Pierce said \u201c the bridge is safe for heavy trucks \u201d while Jane Roe said "
        '"the cables need another test \u201d before the vote. The council met on Monday. '
        'Residents said the repairs "took far too long and cost far too much," according to Sam Ito.'
    )
    claims = claims_of(nlp, text)
    assert only(claims, "council met").quote is None
    assert "council met" not in only(claims, "cables").text
    assert only(claims, "heavy trucks").quote.speaker == "Alan Pierce"
    assert only(claims, "far too long").quote.speaker == "Sam Ito"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Opposition leader Jane Roe called the plan "a house built on sand and doomed to fall".', "Jane Roe"),
        ('Jane Roe dismissed the report as "a work of fiction from start to finish" on Monday.', "Jane Roe"),
        ('Mayor Sam Ito promised "a new bridge before the end of next year" to the crowd.', "Sam Ito"),
    ],
)
def test_a_verb_of_telling_credits_the_quote_it_takes_to_its_subject(nlp, text, speaker):
    # Not only "said": a verb whose main sense is telling ("call", "dismiss", "promise"), with the quote its own.
    assert quote_of(nlp, text, "a").speaker == speaker


def test_a_verb_that_does_not_tell_credits_no_one(nlp):
    # "built" takes the quote as its object but tells nothing: the builder is not a speaker.
    quote = quote_of(
        nlp, 'Jane Roe built what the brochure sells as "a house for the whole family to grow in".', "house"
    )
    assert quote.speaker is None


def test_speakers_of_a_joint_statement(nlp):
    text = 'Producers Jane Roe and Sam Ito said in a statement: "We are thrilled to bring the festival back."'
    quote = quote_of(nlp, text, "festival")
    assert (quote.speaker, quote.co_speakers) == ("Jane Roe", ("Sam Ito",))
    assert (quote.speaker_span.text, quote.credit_span.text) == ("Jane Roe", "Jane Roe and Sam Ito")
    appositive = 'Jane Roe and her husband, Sam Ito, said: "We are grateful for the help of the whole town."'
    assert quote_of(nlp, appositive, "grateful").co_speakers == ("Sam Ito",)
    body = 'Jane Roe and the city council said: "We are grateful for the help of the whole town."'
    assert quote_of(nlp, body, "grateful").co_speakers == ()


@pytest.mark.parametrize(
    "second_paragraph",
    [
        "You know what they say, the third time \u2019 s the charm, \u201d said Jane Roe.",  # closes what was open
        '"You know what they say, the third time is the charm," said Jane Roe.',  # reopens, by the custom
    ],
)
def test_a_quote_run_over_two_paragraphs_has_the_speaker_named_after_it(nlp, second_paragraph):
    opening = "\u201c" if "\u201d" in second_paragraph else '"'
    text = (
        "The festival was announced on Friday.\n\n"
        f"{opening}I am so excited to be hosting the festival for the second time.\n\n"
        f"{second_paragraph}\n\nTickets go on sale in 2027."
    )
    claims = claims_of(nlp, text)
    quote = only(claims, "second time").quote
    assert quote.speaker == "Jane Roe"
    assert "second time" in quote.span.text and "third time" in quote.span.text
    assert only(claims, "Tickets").quote is None


def test_a_quote_left_open_does_not_swallow_the_next_paragraph(nlp):
    text = (
        '"I am so excited to be hosting the festival for the second time, said Jane Roe in 2026.\n\n'
        "Tickets go on sale in 2027 at the harbour office."
    )
    claims = claims_of(nlp, text)
    assert only(claims, "Tickets").text.startswith("Tickets")


def test_scare_quotes_are_not_quotes(nlp):
    claims = claims_of(nlp, 'The ministry launched its "Green Harbour" programme in 2021.')
    assert only(claims, "programme").quote is None


def test_a_sentence_that_states_an_event_is_a_claim_without_a_name_a_date_or_a_figure(nlp):
    # What other sources report too, though there is no slot to compare: the claim lets the sentence meet its
    # paraphrases. A modal, a future, a plain "be" and a question state no event.
    text = (
        "The tremor destroyed the harbour wall.\n\n"
        "Witnesses said that police\u00a0 followed the march.\n\n"
        "A strong quake can cause severe damage.\n\n"
        "Both parties will compete for seats.\n\n"
        "The damage was extensive.\n\n"
        "Did the tremor damage the port?\n"
    )
    claims = claims_of(nlp, text)
    assert [claim.text for claim in claims] == [
        "The tremor destroyed the harbour wall.",
        "Witnesses said that police followed the march.",
    ]
    assert all(claim.kinds == ("event-statement",) for claim in claims)


def test_an_event_statement_keeps_its_span_in_the_original_text(nlp):
    # The cleaner closed up a doubled space and a soft hyphen: the claim's span still covers the original words.
    original = "Rioters hurl\u00aded  stones at the police."
    clean = "Rioters hurled stones at the police."
    doc = _cleaned_document(original, clean)
    (claim,) = extract_document(doc, nlp)
    assert claim.kinds == ("event-statement",)
    assert claim.span.text == original and claim.text == clean


# --- what is not a claim ----------------------------------------------------------------


def test_header_and_furniture_are_not_claims(nlp):
    text = (
        "Harbour Plan Approved After Long Fight\n"
        "The council voted for the plan on Tuesday after months of debate.\n\n"
        "by Jane Doe\nMar 14, 2025\n4 min read\nImage credit: City Archive\n\n"
        "The council approved the harbour plan on March 11, 2025.\n\n"
        "Funding and Timeline\n\n"
        "Figure 2: Harbour traffic grew by 12 percent in 2024.\n\n"
        "Related stories\n\n"
        "Read more: Bridge repairs finished in 2023\n\n"
        "© 2025 City Times. All rights reserved.\n\n"
        "https://example.org/harbour https://example.org/plan\n"
    )
    body_start = text.index("by Jane")
    claims = claims_of(nlp, text, body_start=body_start)
    # The headline states a fact (a verb: the plan was approved), and the standfirst above the byline is a
    # sentence stating a dated fact: claims like the body's. The furniture below states nothing.
    assert [claim.text for claim in claims] == [
        "Harbour Plan Approved After Long Fight",
        "The council voted for the plan on Tuesday after months of debate.",
        "The council approved the harbour plan on March 11, 2025.",
    ]


def test_a_standfirst_between_title_and_dateline_is_a_claim_the_dateline_is_not(nlp, tmp_path):
    from factcheck.stages.load.document import load_document

    path = tmp_path / "quake.txt"
    path.write_text(
        "Earthquake Levels Villages on Island\n\nTen people are killed and about 50 hurt.\n\n"
        "November 28, 2005\n\nThe quake struck the island on Sunday, officials said.\n",
        encoding="utf-8",
    )
    doc = load_document(path, Settings())
    assert doc.body_start == doc.text.index("The quake")  # the standfirst is header
    texts = [claim.text for claim in extract_document(doc, nlp)]
    assert "Ten people are killed and about 50 hurt." in texts
    assert not any("November 28" in text for text in texts)


def test_a_standfirst_without_a_full_stop_is_a_claim_header_furniture_is_not(nlp, tmp_path):
    from factcheck.stages.load.document import load_document

    path = tmp_path / "storm.txt"
    path.write_text(
        "Storm Floods Coastal Towns\n\nThree people died when the river burst its banks on Monday\n\n"
        "Live updates\n\nRelated stories: Storm season\n\nPhoto credit: Harbour Agency\n\n"
        "By Jane Doe\nUpdated: Tuesday, November 29, 2005, 9:36 AM\nNovember 28, 2005\n\n"
        "The storm reached the coast on Sunday, officials said.\n",
        encoding="utf-8",
    )
    doc = load_document(path, Settings())
    assert doc.body_start == doc.text.index("The storm")  # the standfirst line is header
    claims = extract_document(doc, nlp)
    # A sub-heading that states a fact (a verb, a number, a day) is a claim, though printed without a
    # full stop; a verbless heading, navigation, a credit, the byline and the datelines are not.
    assert [claim.text for claim in claims] == [
        "Storm Floods Coastal Towns",
        "Three people died when the river burst its banks on Monday",
        "The storm reached the coast on Sunday, officials said.",
    ]
    standfirst = claims[1]
    assert "headline" in standfirst.kinds
    assert [quantity.value for quantity in standfirst.quantities] == [3]


def test_reference_entries_are_not_claims(nlp):
    text = (
        "The port handled 4 million containers in 2021 (Smith, 2022).\n\n"
        "References\n\n"
        "Smith, J. (2020). Harbour economics revisited. Journal of Ports 3(2): 45–67.\n\n"
        "Lee, K. and Park, S. (2019) Shipping and cities. doi:10.1234/ports.2019.17\n\n"
        "- Brown, Alice. “The Long Quay.” Port Review. April 11, 2021.\n"
    )
    claims = claims_of(nlp, text)
    assert [claim.text for claim in claims] == ["The port handled 4 million containers in 2021 (Smith, 2022)."]


def test_reference_entry_without_heading_is_skipped(nlp):
    text = (
        "Smith, J. (2020). Harbour economics revisited. Journal of Ports 3(2): 45–67.\n\n"
        "The port handled 4 million containers in 2021."
    )
    assert [claim.text for claim in claims_of(nlp, text)] == ["The port handled 4 million containers in 2021."]


def test_hard_wrapped_lines_are_joined(nlp):
    lines = [
        "The regional authority approved a new ferry route between the two islands in",
        "2019, after a long consultation with residents and the shipping companies that",
        "serve the coast. The first crossing took place in June 2020 with a small vessel.",
        "Passenger numbers have grown since then, and the operator reported more than",
        "30,000 trips in the first full year of service, according to its annual report.",
        "Critics argued that the subsidy was too generous for a route that served only",
        "two villages, and the council reviewed the contract in the spring of 2022 before",
        "renewing it for another five years with a smaller payment from the region.",
    ]
    claims = claims_of(nlp, "\n".join(lines))
    route = only(claims, "ferry route")
    assert [t.value for t in route.times] == ["2019"]
    assert "\n" in route.span.text and "\n" not in route.text


def test_long_sentences_are_skipped(nlp):
    table = "Row " + " | ".join(f"cell {n} value {n * 7}" for n in range(400)) + "."
    claims = extract_document(
        make_doc(table + "\n\nThe agency launched the probe in 2011."), nlp, max_sentence_chars=500
    )
    assert [claim.text for claim in claims] == ["The agency launched the probe in 2011."]


# --- the stage --------------------------------------------------------------------------


def test_stage_orders_claims_and_round_trips(nlp):
    first = make_doc("The agency launched the probe in 2011. It reached orbit in 2012.", doc_id="b")
    second = make_doc("Norway signed the treaty in 1996.", doc_id="a")
    stage = ExtractStage(Settings(), nlp=nlp)
    corpus = stage(Corpus(documents=(first, second)))
    assert [(c.doc, c.span.start) for c in corpus.claims] == sorted((c.doc, c.span.start) for c in corpus.claims)
    assert {c.doc for c in corpus.claims} == {"a", "b"}
    for claim in corpus.claims:
        assert Claim.model_validate_json(claim.model_dump_json()) == claim
    assert stage.name == "extract" and stage.requires == ("documents",) and stage.assigns == ("claims", "documents")


def _cleaned_document(original: str, clean: str) -> Document:
    """A document whose clean text drops characters of the original (a soft hyphen, a doubled space): each clean
    character maps to its place in the original."""
    mapping = []
    o = 0
    for ch in clean:
        while original[o] != ch:
            o += 1
        mapping.append(o)
        o += 1
    mapping.append(len(original))
    return Document(id="m", path="m.txt", text=original, clean=clean, clean_to_original=tuple(mapping))


def test_stage_maps_clean_spans_to_the_original(nlp):
    # The original has a soft hyphen and a doubled space the cleaner removed.
    original = "The agency laun\u00adched the  probe in 2011."
    clean = "The agency launched the probe in 2011."
    doc = _cleaned_document(original, clean)
    claims = extract_document(doc, nlp)
    assert len(claims) == 1
    assert claims[0].span.text == original
    assert claims[0].text == clean
    assert claims[0].times[0].span.text == "2011"


def test_a_further_title_indexes_the_original(nlp):
    # Soft hyphens the cleaner removed stand before and inside the second post: its span still quotes the original.
    original = "Jane Roe, chair\u00adman and chief exec\u00adutive of Harbor Bank, said the bank grew in 2011."
    clean = original.replace("\u00ad", "")
    doc = _cleaned_document(original, clean)
    (claim,) = [claim for claim in extract_document(doc, nlp) if claim.actors]
    (actor,) = [actor for actor in claim.actors if actor.name == "Jane Roe"]
    assert [title.text for title in actor.further_titles] == ["chief exec\u00adutive"]
    assert_spans_index(doc, claim)


_SUBJECTS = ["The agency", "Norway", "The city council", "Alan Pierce", "The operator"]
_VERBS = ["launched", "approved", "closed", "signed", "reported"]
_OBJECTS = ["the probe", "a $3 million budget", "62 percent of the vessels", "the treaty", "the new route"]
_WHEN = ["in 2011", "on March 3, 2021", "last year", "at the end of 2019", ""]


@hypothesis_settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_SUBJECTS),
            st.sampled_from(_VERBS),
            st.sampled_from(_OBJECTS),
            st.sampled_from(_WHEN),
            st.sampled_from([" ", "\n", "\n\n", "  \n "]),
        ),
        min_size=1,
        max_size=6,
    ),
    st.text(alphabet=" \n\t", max_size=3),
)
def test_generated_spans_index_the_original(nlp, sentences, lead):
    text = lead + "".join(f"{s} {v} {o}{(' ' + w) if w else ''}.{sep}" for s, v, o, w, sep in sentences)
    doc = make_doc(text)
    for claim in extract_document(doc, nlp):
        assert_spans_index(doc, claim)


def test_seed_documents_yield_claims_with_valid_spans(nlp):
    from factcheck.stages.load import LoadStage

    settings = Settings(paths=(SEEDS_DIR,), use_cache=False, ledger_dir=None, resolutions=None)
    corpus = ExtractStage(settings, nlp=nlp)(LoadStage(settings)(Corpus()))
    assert corpus.documents
    assert not [f for f in corpus.failures if f.stage == "extract"]
    by_doc = {doc.id: corpus.text_of(doc.id) for doc in corpus.documents}
    for doc in corpus.documents:
        assert corpus.claims_of(doc.id), doc.id
    for claim in corpus.claims:
        assert_spans_index(by_doc[claim.doc], claim)
        assert claim.kinds


def test_segment_marks_reasons(nlp):
    doc = make_doc("Funding and Timeline\n\n4 min read\n\nThe plan costs $4 million.")
    reasons = [(block.text.strip(), block.skip) for block in segment(doc)]
    assert reasons == [
        ("Funding and Timeline", "heading"),
        ("4 min read", "reading time"),
        ("The plan costs $4 million.", None),
    ]


def test_load_spacy_names_the_missing_package(monkeypatch):
    import spacy

    from factcheck.errors import ModelError
    from factcheck.stages import extract

    def missing(name, *args, **kwargs):
        raise OSError(f"[E050] Can't find model '{name}'")

    monkeypatch.setattr(spacy, "load", missing)
    with pytest.raises(ModelError, match=extract.MODEL_PACKAGE):
        extract.load_spacy()


@pytest.mark.parametrize(
    "text, former",
    [
        ("The then-Secretary Ruth Adler announced the merger in 2016.", True),
        ("The late Oskar Brandt founded the company in 1971.", True),
        # A post being left is framed like a past one: the holder is between posts.
        ("Outgoing coach Ruth Adler announced the merger in 2016.", True),
        ("Ruth Adler, the previous host, announced the merger in 2016.", True),
        ("Secretary Ruth Adler announced the merger in 2016.", False),
    ],
)
def test_past_framing_of_roles(nlp, text, former):
    claim = claims_of(nlp, text)[0]
    person = next(a for a in claim.actors if a.label == "PERSON")
    assert person.former is former


def _titled(title: str, body: str) -> Document:
    text = f"{title}\n\n{body}"
    return Document(
        id="t",
        path="t.txt",
        text=text,
        clean=text,
        clean_to_original=tuple(range(len(text) + 1)),
        published=DATELINE,
        title=title,
        body_start=len(title) + 2,
    )


@pytest.mark.parametrize(
    "title",
    ["Harbour Board Backs Ferry Plan For Dunmore", "Mayor Okafor Quits Over Budget Row", "Dunmore Ferry Deal Sealed"],
)
def test_a_title_case_headline_is_a_claim_whatever_the_tagger_makes_of_it(nlp, title):
    doc = _titled(title, "The board met on Tuesday.\n\nBackground\n\nThe plan was first drafted in 2019.")
    claims = extract_document(doc, nlp)
    headline = [claim for claim in claims if claim.span.start == 0]
    assert [claim.text for claim in headline] == [title]
    assert "headline" in headline[0].kinds
    assert not any(claim.text == "Background" for claim in claims)  # a section heading in the body is no claim


def test_a_title_under_a_date_line_is_a_headline_claim(nlp, tmp_path):
    # The header reader ends the header at the date line, so the title lies in the body, as a heading.
    from factcheck.stages.load.document import load_document

    path = tmp_path / "quake.txt"
    path.write_text(
        "Last Updated: Monday, 28 November 2005, 02:24 GMT\n\nTen dead in southern island quake\n\n"
        "A powerful earthquake hit the island on Sunday, officials said.\n",
        encoding="utf-8",
    )
    doc = load_document(path, Settings())
    assert doc.title == "Ten dead in southern island quake" and doc.body_start <= doc.text.index("Ten dead")
    claims = extract_document(doc, nlp)
    title = [claim for claim in claims if claim.text == "Ten dead in southern island quake"]
    assert title and "headline" in title[0].kinds


def test_a_one_or_two_word_title_states_no_fact(nlp):
    claims = extract_document(_titled("Annual Report", "The board met on Tuesday."), nlp)
    assert all(claim.span.start > 0 for claim in claims)


def test_a_clause_that_arranges_an_event_hung_on_a_name_dates_the_event_it_belongs_to(nlp):
    # The parse hangs "which is scheduled for ..." on the nearest noun, a name at the end of an "of" chain; the
    # clause arranges the event further up ("the election of deputies of the Assembly"). A chain with no event
    # noun keeps the verb.
    claims = claims_of(
        nlp,
        "Regarding the election of deputies of the Norland Assembly (Parliament), which is scheduled for 23 May, a "
        "decision was taken on new districts. The roof of the Norland stadium, which is scheduled for 2 June, was "
        "damaged.",
    )
    assert [t.head for t in only(claims, "deputies").times] == ["election"]
    assert [t.head for t in only(claims, "roof").times] == ["schedule"]


def test_a_figure_holder_is_the_name_a_pronoun_or_a_description_stands_for(nlp):
    # Whose figure it is: the subject of the verb the counted noun belongs to, or a possessor, named by the
    # sentence or resolved to the organisation the text had as the subject of its last sentences.
    claims = claims_of(
        nlp,
        "Kestrel won the award on Monday. The band has sold about two million records worldwide. "
        "Acme Corporation reported a loss. Its shares fell 4% on Tuesday. Net profit was down 6% at $16.6bn. "
        "Norcastle's revenue rose 5% to $2bn. Ten people were killed in the crash.",
    )
    assert [q.holder for q in only(claims, "records").quantities] == ["Kestrel"]
    assert [q.holder for q in only(claims, "shares fell").quantities] == ["Acme Corporation"]
    # A measure named alone ("Net profit") is the firm's the text was telling of.
    assert {q.holder for q in only(claims, "Net profit").quantities} == {"Acme Corporation"}
    assert {q.holder for q in only(claims, "revenue").quantities} == {"Norcastle"}
    # A figure that counts its own subject has no holder.
    assert [q.holder for q in only(claims, "killed").quantities] == [None]


def test_a_figure_holder_word_tells_one_or_several_and_what(nlp):
    # From the parse: "they" and "the companies" name several, "Roe" and "Norland" one; a surname the text gave
    # in full before is a person's; "Roe and Ito" are several. A plural description stands for no one name.
    claims = claims_of(
        nlp,
        "Acme Foods agreed to buy Norland Dairies. The companies together employ about 5,200 people. "
        "Norland employs about 2,100 people. Jane Roe scored 23 goals last season. "
        "Roe and Ito scored 31 goals between them. Their side scored 39 goals, and they conceded 41 goals.",
    )

    def told(words):
        return [(q.holder_number, q.holder_kind) for q in only(claims, words).quantities]

    assert told("5,200") == [("several", "body")]
    assert [q.holder for q in only(claims, "5,200").quantities] == [None]
    assert told("2,100") == [("one", "named")]
    assert told("23 goals") == [("one", "person")]
    assert told("31 goals")[0][0] == "several"
    # the possessor of the subject ("Their side") is not who scored; "they" is several
    assert told("39 goals") == [(None, None), ("several", None)]


def test_a_pronoun_after_an_unnamed_subject_or_a_described_person_has_no_holder(nlp):
    # "It" is the book, which the text does not name; "the company" is no person the text gave a post.
    claims = claims_of(
        nlp,
        "Acme Corporation published the novel. Jane Roe's book has topped the charts. "
        "It has sold more than eight million copies. "
        "Sam Ito, the chief executive, said sales were strong. The company sold 5,000 cars in May.",
    )
    assert [q.holder for q in only(claims, "eight million").quantities] == [None]
    assert [q.holder for q in only(claims, "5,000 cars").quantities] == [None]


def test_a_sentence_the_parser_ended_at_an_abbreviated_title_runs_on_into_the_name():
    from types import SimpleNamespace

    from factcheck.stages.extract.sentences import _ends_in_a_title_before_a_name

    def ends(first: str, second: str) -> bool:
        text = f"{first} {second}"
        previous = SimpleNamespace(start_char=0, end_char=len(first))
        following = SimpleNamespace(start_char=len(first) + 1, end_char=len(text))
        return _ends_in_a_title_before_a_name(text, previous, following)

    assert ends("The bridge will close, said Sgt.", "Jane Roe of the county police.")
    assert ends("The case went to Gov.", "Jane Roe on Monday.")
    # Sentences do end in a name's "Jr.", a street's "St." and an acronym.
    assert not ends("The award went to Sam Ito Jr.", "Jane Roe was second.")
    assert not ends("The shop is on Harbor St.", "Jane Roe owns it.")
    assert not ends("The board named a new CEO.", "Jane Roe starts in May.")
    assert not ends("It was signed by the Gov.", "the deal closed.")


def test_a_name_the_ner_gives_another_label_after_a_post_is_a_person(nlp):
    # The small model may tag a name it does not know as an organisation ("Harbor captain Lucan Veroux"); written
    # right after a lower-case post, it is the person holding it. A body's or a place's name stays what it is.
    text = "Harbor captain Lucan Veroux insisted his side never doubted they could win."
    person = next(a for a in claims_of(nlp, text)[0].actors if a.name == "Lucan Veroux")
    assert person.label == "PERSON" and person.title and "captain" in person.title
    text = "The company said chairman Harbor Bank would cut jobs in the spring."
    assert all(a.label != "PERSON" for claim in claims_of(nlp, text) for a in claim.actors if "Bank" in a.name)


def test_a_name_the_ner_gives_another_label_before_its_appositive_post_is_a_person(nlp):
    # "Nadia Fenn, the deputy mayor, is expected to ...": the small model tags the name an organisation; a post set
    # off after it as an appositive makes it the person holding it. An organisation's appositive ("Harbor Trust, the
    # charity") stays an organisation's: its name ends in an English noun.
    text = "Nadia Fenn, the deputy mayor, is expected to take over the mayor's duties in the meantime."
    person = next(a for a in claims_of(nlp, text)[0].actors if a.name == "Nadia Fenn")
    assert person.label == "PERSON" and person.title == "deputy mayor"
    text = "Harbor Trust, the charity, said it would appeal against the ruling on Monday."
    assert all(a.label != "PERSON" for claim in claims_of(nlp, text) for a in claim.actors if "Trust" in a.name)


def test_a_quote_alone_right_after_a_credited_quote_is_the_same_speakers(nlp):
    # News writing credits a run of quoted sentences once; a sentence between ends the run.
    quote = "We expect a hard year for every shop in the region."
    went_on = f'"Prices will fall soon, and fast," said Jane Roe, the firm\'s chief. "{quote}"\n'
    assert [c.quote.speaker for c in claims_of(nlp, went_on) if c.quote] == ["Jane Roe", "Jane Roe"]
    broken = f'"Prices will fall soon, and fast," said Jane Roe. Shares rose on Monday. "{quote}"\n'
    assert [c.quote.speaker for c in claims_of(nlp, broken) if c.quote] == ["Jane Roe", None]


def test_a_figure_tells_whether_its_act_is_foreseen_or_done_and_whether_it_counts_a_part(nlp):
    # From the parse: a modal or an infinitive's "to" foresees the act ("will close", "plans to close"); a past tense
    # or a perfect tells it done; a modal or "to" before a perfect only hedges a past act. A partitive ("two of its
    # mills") or an act done in part ("partly destroyed") counts a part.
    claims = claims_of(
        nlp,
        "Dorrin Steel will close six mills in Kestle. The firm plans to close nine plants in Varo. "
        "Dorrin shut two of its mills last year. Officials said 40 homes were destroyed by the fire. "
        "The blaze partly destroyed 15 homes on the edge of the village. "
        "At least 20 people are believed to have died in the flood. "
        "Pirates still hold 17 of the hijacked ships. All 58 of Varo's schools were closed on Monday.",
    )
    assert [(q.mood, q.part) for q in only(claims, "six mills").quantities] == [("foreseen", False)]
    assert [(q.mood, q.part) for q in only(claims, "nine plants").quantities] == [("foreseen", False)]
    assert [(q.mood, q.part) for q in only(claims, "two of its").quantities] == [("done", True)]
    assert [(q.mood, q.part) for q in only(claims, "40 homes").quantities] == [("done", False)]
    assert [(q.mood, q.part) for q in only(claims, "15 homes").quantities] == [("done", True)]
    assert [(q.mood, q.part) for q in only(claims, "20 people").quantities] == [(None, False)]
    # a partitive of the story's set ("of the hijacked ships") counts what another source's count of it does
    assert [q.part for q in only(claims, "17 of the").quantities] == [False]
    # "all" makes a partitive of a holder's stock the whole of it
    assert [q.part for q in only(claims, "All 58 of").quantities] == [False]


def test_a_partitive_whose_whole_has_a_figure_counts_the_acts_part_out_of_that_whole(nlp):
    # "close 60 of its 260 branches": the act befell the 60 (no longer "a part" against another source's count of
    # the act), the 260 is the whole, which no act befell; "will cut ... and close" is foreseen though the tagger
    # reads "close" as an adjective.
    claims = claims_of(nlp, "The new bank will cut about 1,100 jobs and close 60 of its 260 branches, it said.")
    told = [(q.span.text, q.head, q.mood, q.part, q.whole) for q in only(claims, "260 branches").quantities]
    assert ("60", "close", "foreseen", False, False) in told
    assert ("260", None, None, False, True) in told


def test_a_count_raised_to_the_subject_of_a_frame_belongs_to_the_framed_act(nlp):
    # "are to be evacuated", "are due to close", "are expected to be demolished": the parse makes the count the
    # subject of "are" or "expected", but what befalls it is the open complement's act.
    claims = claims_of(
        nlp,
        "Some 20,000 residents are to be evacuated ahead of the storm. "
        "About 85 branches are due to close by June. Forty homes are expected to be demolished next year. "
        "Five people are thought to be dead.",
    )
    assert [(q.head, q.mood) for q in only(claims, "20,000").quantities] == [("evacuate", "foreseen")]
    assert [(q.head, q.mood) for q in only(claims, "85 branches").quantities] == [("close", "foreseen")]
    assert [(q.head, q.mood) for q in only(claims, "Forty homes").quantities] == [("demolish", "foreseen")]
    # a frame whose complement is only "be" names no act: the frame stays
    assert [q.head for q in only(claims, "Five people").quantities] == ["think"]


def test_a_wire_dateline_is_no_part_of_the_first_sentence(nlp):
    # Parsed with the sentence, "TALMERE" read as the holder of both shares; the rival's share is the rival's.
    from factcheck.datelines import read_wire_dateline

    def opening(paragraph):
        wire = read_wire_dateline(paragraph)
        return paragraph[: wire.length] if wire else ""

    assert opening("TALMERE, March 3 - Ines Roe won") == "TALMERE, March 3 - "
    assert opening("ST. LOUIS, Mo. (AP) -- The jury") == "ST. LOUIS, Mo. (AP) -- "
    assert opening("KALVØ, March 11, 2026 - The ferry") == "KALVØ, March 11, 2026 - "  # any script, a year
    assert (
        opening("VALMORA, May 14, 2026 (Meridian Press) - A court ruled") == "VALMORA, May 14, 2026 (Meridian Press) - "
    )
    assert opening("A FIRE - BOMB attack left three dead.") == ""  # a sentence, not a place
    assert opening("WCVB - TV said the deal was worth $184 million.") == ""
    text = (
        "TALMERE, March 3 - Ines Roe won the run-off on Sunday with 56.2 percent of the vote against 43.8 percent for "
        "her rival, Pieter Lind, the election board said.\n\nKIRRAN, Feb 2 - Six schools face closure.\n"
    )
    claims = claims_of(nlp, text)
    first = only(claims, "56.2")
    assert not first.text.startswith("TALMERE")
    assert [q.holder for q in first.quantities] == ["Ines Roe", "Pieter Lind"]
    # only the first paragraph opens with the story's dateline
    assert only(claims, "Six schools").text.startswith("KIRRAN")


def test_a_sentence_after_a_wire_dateline_keeps_its_parse(nlp):
    # Blanked to spaces, the dateline left the parser reading "head coach" as the verb's object and the name apart.
    text = "TARNBY, Jan. 12, 2026 (Sportswire) - Tarnby Wolves fired head coach Viktor Lammi on Monday after a loss.\n"
    (claim,) = [c for c in claims_of(nlp, text) if "Lammi" in c.text]
    assert claim.span.text.startswith("Tarnby Wolves")
    assert [a.title for a in claim.actors if a.name == "Viktor Lammi"] == ["head coach"]
    assert all("Jan. 12" not in t.span.text for t in claim.times)


def test_a_past_verb_of_succeeding_tells_the_framed_act_done(nlp):
    claims = claims_of(
        nlp,
        "Rescue teams managed to pull 12 miners out of the pit on Thursday. Police tried to arrest nine men. "
        "The firm will manage to hire 40 nurses.",
    )
    assert [q.mood for q in only(claims, "12 miners").quantities] == ["done"]
    assert [q.mood for q in only(claims, "nine men").quantities] == ["foreseen"]  # an attempt: not told done
    assert [q.mood for q in only(claims, "40 nurses").quantities] == ["foreseen"]


def test_a_whole_sentence_the_tagger_sees_no_verb_in_still_states_its_figures(nlp):
    # The small tagger reads "secured" as an adjective here: the sentence has no verb for it, yet it states two shares
    # and names the rival, whom a later "Brun said" is resolved to.
    text = (
        "The 38-year-old secured 46.3 percent in Sunday's vote, against 33.9 percent for Harald Brun.\n\n"
        "Shares in the firm.\n\n358 with 13 homers in 54 games.\n\n"
        "Cech, Ferreira, Gallas, Terry, Duff, Makelele, Smertin (Cole 73), Lampard, Robben (Geremi 81).\n"
    )
    claims = claims_of(nlp, text)
    shares = only(claims, "46.3 percent")
    assert "quantity" in shares.kinds and "Harald Brun" in [actor.name for actor in shares.actors]
    # pieces of a sentence (a label, a line cut out of a table) and a list of names (a line-up) stay out
    assert not [claim for claim in claims if any(word in claim.text for word in ("homers", "Shares in", "Cole 73"))]


def test_others_told_beside_another_count_of_the_same_verb_are_the_rest_of_it(nlp):
    # "killed 3 soldiers and 10 others": the rest of those killed, a part; "injured 25 others" after "killed two
    # people" is all whom the other verb befell.
    claims = claims_of(
        nlp, "The blast killed 3 soldiers and 10 others. The bomb killed two people and injured 25 others."
    )
    assert [(q.span.text, q.part) for q in only(claims, "10 others").quantities] == [("3", False), ("10", True)]
    assert ("25", False) in [(q.span.text, q.part) for q in only(claims, "25 others").quantities]
