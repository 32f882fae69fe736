"""quote-provenance (FC012): one quote, different speakers or wordings, or only one source."""

from __future__ import annotations

from datetime import date

from _claimkit import Quote, claim, corpus, document, span

from factcheck.checks.base import CheckContext
from factcheck.checks.quote_provenance import QuoteProvenanceCheck
from factcheck.config import Settings
from factcheck.model import Severity

PUBLISHED = {"a": date(2024, 3, 1), "b": date(2024, 3, 2), "c": date(2024, 3, 3)}


def run(built, **thresholds):
    context = CheckContext(settings=Settings(thresholds=thresholds))
    return list(QuoteProvenanceCheck().run(built, context))


def quoted(doc, sentence, words, speaker, *co_speakers, credited_as=None):
    return claim(
        doc,
        sentence,
        kinds=("quote",),
        quote=Quote(
            span=span(doc, words),
            speaker=speaker,
            co_speakers=co_speakers,
            speaker_span=span(doc, speaker if credited_as is None or speaker in credited_as else credited_as),
            credit_span=span(doc, credited_as) if co_speakers else None,
        ),
    )


def test_the_same_quote_credited_to_different_speakers_is_a_warning(make_corpus):
    texts = {
        "a": '"Deterrence keeps the peace in orbit and on the ground," said Jane Roe, a navy admiral.\n',
        "b": '"Deterrence keeps the peace in orbit and on the ground," said John Doe, a university professor.\n',
    }
    built = make_corpus(
        texts, published=PUBLISHED, checks=[QuoteProvenanceCheck], context=CheckContext(settings=Settings())
    )
    found = [f for f in built.findings if f.check == "quote-provenance"]
    assert len(found) == 1
    assert found[0].severity == Severity.WARNING
    assert "Jane Roe" in found[0].message and "John Doe" in found[0].message
    assert {span.doc for span in found[0].evidence} == {"a", "b"}
    for span_ in found[0].evidence:
        assert texts[span_.doc][span_.start : span_.end] == span_.text


def test_an_excerpt_by_the_same_speaker_is_not_flagged():
    a = document("a", '"Deterrence keeps the peace in orbit and on the ground," said Jane Roe.')
    b = document("b", '"Deterrence keeps the peace in orbit," Admiral Jane Roe said.')
    built = corpus(
        [a, b],
        [
            quoted(a, a.text, "Deterrence keeps the peace in orbit and on the ground", "Jane Roe"),
            quoted(b, b.text, "Deterrence keeps the peace in orbit", "Jane Roe"),
        ],
    )
    assert run(built) == []


def test_an_excerpt_credited_to_someone_else_is_flagged():
    a = document("a", '"Deterrence keeps the peace in orbit and on the ground," said Jane Roe.')
    b = document("b", '"Deterrence keeps the peace in orbit," said Ann Smith.')
    built = corpus(
        [a, b],
        [
            quoted(a, a.text, "Deterrence keeps the peace in orbit and on the ground", "Jane Roe"),
            quoted(b, b.text, "Deterrence keeps the peace in orbit", "Ann Smith"),
        ],
    )
    found = run(built)
    assert len(found) == 1 and found[0].data["kind"] == "different-speakers"


def test_changed_wording_is_info_and_a_dropped_negation_a_warning():
    a = document("a", '"We are not seeking conflict but aiming to prevent it," said Jane Roe.')
    b = document("b", '"We are seeking conflict but aiming to prevent it," said Jane Roe.')
    c = document("c", '"We are not looking for conflict but aiming to prevent it," said Roe.')
    quotes = [
        quoted(a, a.text, "We are not seeking conflict but aiming to prevent it", "Jane Roe"),
        quoted(b, b.text, "We are seeking conflict but aiming to prevent it", "Jane Roe"),
        quoted(c, c.text, "We are not looking for conflict but aiming to prevent it", "Roe"),
    ]
    (info,) = run(corpus([a, c], [quotes[0], quotes[2]]))
    assert info.severity == Severity.INFO and [s.doc for s in info.evidence] == ["a", "c"]
    assert "We are not seeking conflict" in info.message and "not looking for" in info.message
    # One quote in three sources is one finding; the dropped negation makes it a warning.
    (finding,) = run(corpus([a, b, c], quotes))
    assert finding.severity == Severity.WARNING and "touches not" in finding.message
    assert sorted(s.doc for s in finding.evidence) == ["a", "b", "c"]


def test_a_negation_dropped_from_a_contraction_is_a_warning():
    # Folded for matching, "can't" is "can t": the negation is read from the quote as written.
    a = document("a", '"We can\u2019t promise the launch will happen this year," said Jane Roe.')
    b = document("b", '"We can promise the launch will happen this year," said Jane Roe.')
    quotes = [
        quoted(a, a.text, "We can\u2019t promise the launch will happen this year", "Jane Roe"),
        quoted(b, b.text, "We can promise the launch will happen this year", "Jane Roe"),
    ]
    (finding,) = run(corpus([a, b], quotes))
    assert finding.severity == Severity.WARNING and "touches not" in finding.message


def test_an_excerpt_of_a_contraction_spaced_off_by_tokenised_text_is_not_flagged():
    # Tokenised sources space the apostrophe off ("didn ’ t"): the excerpt keeps the negation.
    a = document("a", '"They didn ’ t have to shoot him, he was running away," said Jane Roe.')
    b = document("b", '"They didn\'t have to shoot him," said Jane Roe.')
    quotes = [
        quoted(a, a.text, "They didn ’ t have to shoot him, he was running away", "Jane Roe"),
        quoted(b, b.text, "They didn't have to shoot him", "Jane Roe"),
    ]
    assert run(corpus([a, b], quotes)) == []


def test_the_same_negation_written_another_way_stays_info():
    a = document("a", '"We will not give up on the mission, whatever it costs us in the end," said Jane Roe.')
    b = document("b", '"We won\'t give up on this mission, whatever it may cost us in the end," said Jane Roe.')
    quotes = [
        quoted(a, a.text, "We will not give up on the mission, whatever it costs us in the end", "Jane Roe"),
        quoted(b, b.text, "We won't give up on this mission, whatever it may cost us in the end", "Jane Roe"),
    ]
    (finding,) = run(corpus([a, b], quotes))
    assert finding.severity == Severity.INFO


def test_a_negation_moved_to_another_verb_of_the_whole_quote_stays_info():
    # Two whole wordings with one "not" each: the stretch of the longer that the shorter matches leaves out its
    # opening "didn't", which must not read as a negation added.
    words_a = "I think on the pitch we weren't playing the football that we hope to play as a club"
    words_b = "I didn't think on the pitch we were playing the football we hoped to play as a club"
    a = document("a", f'"{words_a}," said Jane Roe.')
    b = document("b", f'"{words_b}," said Jane Roe.')
    quotes = [quoted(a, a.text, words_a, "Jane Roe"), quoted(b, b.text, words_b, "Jane Roe")]
    (finding,) = run(corpus([a, b], quotes))
    assert finding.severity == Severity.INFO


def test_an_editors_words_in_brackets_are_no_change_of_wording():
    plain = "Please give him and those close to him some room during this hard time"
    glossed = "Please give him (Leo Marsh) and those close to him some room during this hard time"
    a = document("a", f'"{plain}," said Jane Roe.')
    b = document("b", f'"{glossed}," said Jane Roe.')
    quotes = [quoted(a, a.text, plain, "Jane Roe"), quoted(b, b.text, glossed, "Jane Roe")]
    assert run(corpus([a, b], quotes)) == []
    # Words outside the brackets still count.
    changed = "Please give him and those close to him some peace during this hard time"
    c = document("c", f'"{changed}," said Jane Roe.')
    (finding,) = run(corpus([b, c], [quotes[1], quoted(c, c.text, changed, "Jane Roe")]))
    assert finding.severity == Severity.INFO


def test_an_excerpt_that_leaves_out_a_negation_elsewhere_is_not_flagged():
    a = document("a", '"We did not expect the storm, but the launch will happen this year," said Jane Roe.')
    b = document("b", '"The launch will happen this year," said Jane Roe.')
    quotes = [
        quoted(a, a.text, "We did not expect the storm, but the launch will happen this year", "Jane Roe"),
        quoted(b, b.text, "The launch will happen this year", "Jane Roe"),
    ]
    assert run(corpus([a, b], quotes)) == []


def test_a_joint_statement_credited_to_another_pair_is_a_warning():
    words = "We are thrilled to bring the festival back to the harbour"
    a = document("a", f'Producers Jane Roe and Sam Ito said: "{words}."')
    b = document("b", f'Producers Jane Roe and Ann Kato said: "{words}."')
    c = document("c", f'"{words}," said Ito.')
    quotes = [
        quoted(a, a.text, words, "Jane Roe", "Sam Ito", credited_as="Jane Roe and Sam Ito"),
        quoted(b, b.text, words, "Jane Roe", "Ann Kato", credited_as="Jane Roe and Ann Kato"),
        quoted(c, c.text, words, "Sam Ito", credited_as="Ito"),
    ]
    # One of the pair alone is the same statement credited in part.
    assert run(corpus([a, c], [quotes[0], quotes[2]])) == []
    (finding,) = run(corpus([a, b], quotes[:2]))
    assert finding.severity == Severity.WARNING
    assert "Jane Roe and Sam Ito in a" in finding.message and "Jane Roe and Ann Kato in b" in finding.message
    assert "Jane Roe and Ann Kato" in {span_.text for span_ in finding.evidence}


def test_one_quote_credited_to_two_speakers_in_many_sources_is_one_finding():
    words = "Deterrence keeps the peace in orbit and on the ground"
    docs = [
        document(name, f'"{words}," said {who}.')
        for name, who in (("a", "Jane Roe"), ("b", "Jane Roe"), ("c", "John Doe"))
    ]
    quotes = [quoted(doc, doc.text, words, doc.text.rsplit("said ", 1)[1].rstrip(".")) for doc in docs]
    (finding,) = run(corpus(docs, quotes))
    assert finding.data["speakers"] == ["Jane Roe", "John Doe"]
    assert {span.doc for span in finding.evidence} == {"a", "b", "c"}
    assert "to Jane Roe in a, b; to John Doe in c" in finding.message


def test_different_quotes_are_not_compared():
    a = document("a", '"Deterrence keeps the peace in orbit and on the ground," said Jane Roe.')
    b = document("b", '"Budgets for orbit tracking rose sharply on the ground stations," said John Doe.')
    built = corpus(
        [a, b],
        [
            quoted(a, a.text, "Deterrence keeps the peace in orbit and on the ground", "Jane Roe"),
            quoted(b, b.text, "Budgets for orbit tracking rose sharply on the ground stations", "John Doe"),
        ],
    )
    assert run(built) == []


def test_a_quote_only_one_of_several_sources_has_is_a_summary_line_not_a_finding():
    # Issue 15: "only one source has this quote" was ~5 info findings per clean news group; the
    # document's corroboration summary counts it instead.
    from factcheck.stages.corroborate import corroboration

    a = document("a", 'The agency opened a tracking centre. "It sees everything," said Jane Roe, "from every orbit."')
    b = document("b", "The agency opened a tracking centre in the north.")
    c = document("c", "A new tracking centre was opened by the agency.")
    quote_claim = quoted(
        a, '"It sees everything," said Jane Roe, "from every orbit."', "It sees everything", "Jane Roe"
    )
    others = [claim(b, b.text), claim(c, c.text)]
    built = corpus([a, b, c], [quote_claim, *others], clusters=[[quote_claim, *others]])
    assert run(built, **{"quote-provenance.min_words": 3}) == []
    summary = {record.doc: record for record in corroboration(built)}
    assert summary["a"].single_source_claims == (quote_claim.id,)
    assert summary["a"].single_source_kinds == ("quote",)


def test_blocking_keeps_large_runs_linear():
    """Many distinct quotes: only pairs sharing indexing words are compared."""
    documents, claims = [], []
    for index in range(300):
        doc = document(
            f"d{index}", f'"Word{index}a word{index}b word{index}c word{index}d word{index}e," said Jane Roe.'
        )
        documents.append(doc)
        claims.append(
            quoted(doc, doc.text, f"Word{index}a word{index}b word{index}c word{index}d word{index}e", "Jane Roe")
        )
    check = QuoteProvenanceCheck()
    from factcheck.checks.quote_provenance import _Quote
    from factcheck.model import normalise_text

    quotes = [
        _Quote(c, normalise_text(c.quote.span.text), tuple(normalise_text(c.quote.span.text).split()), "Jane Roe")
        for c in claims
    ]
    assert check._candidates(quotes) == []
    assert run(corpus(documents, claims)) == []


def test_pronoun_is_not_a_speaker_of_record():
    from factcheck.checks.quote_provenance import speaker_of_record

    assert speaker_of_record("it") is None and speaker_of_record("They") is None
    assert speaker_of_record("Ruth Okoye") == "Ruth Okoye"


# -- speakers resolved from the text (issue 15), through the real extraction ---------------------
QUOTE = "We appreciate your respect to her and her family's privacy at this time"


def test_fixture_name_variants_are_one_speaker(make_corpus):
    corp = make_corpus(
        {"a": f'"{QUOTE}," W. Mark Felt told reporters.\n', "b": f'"{QUOTE}," Mark Felt told reporters.\n'},
        checks=[QuoteProvenanceCheck],
    )
    assert [f for f in corp.findings if f.data.get("kind") == "different-speakers"] == []


def test_fixture_a_role_is_not_a_speaker_of_record(make_corpus):
    # "her rep told People" used to make "rep" a speaker, who then differed from the named rep.
    corp = make_corpus(
        {"a": f'"{QUOTE}," her rep told People magazine.\n', "b": f'"{QUOTE}," Jack Ketsoyan told People magazine.\n'},
        checks=[QuoteProvenanceCheck],
    )
    assert [f for f in corp.findings if f.data.get("kind") == "different-speakers"] == []


def test_fixture_the_spokesman_is_the_person_the_text_named(make_corpus):
    a = f'Jack Ketsoyan, the spokesman for the clinic, spoke on Monday.\n\n"{QUOTE}," the spokesman said.\n'
    b = f'Mary Jones, the spokeswoman for the clinic, spoke on Monday.\n\n"{QUOTE}," the spokeswoman said.\n'
    corp = make_corpus({"a": a, "b": b}, checks=[QuoteProvenanceCheck])
    speakers = [f.data["speakers"] for f in corp.findings if f.data.get("kind") == "different-speakers"]
    assert speakers and set(speakers[0]) == {"Jack Ketsoyan", "Mary Jones"}


def test_fixture_he_said_is_the_person_last_quoted(make_corpus):
    a = f'"The clinic is a good place," Jack Ketsoyan said. Reporters asked about the stay.\n\n"{QUOTE}," he said.\n'
    b = f'"{QUOTE}," Mary Jones said.\n'
    corp = make_corpus({"a": a, "b": b}, checks=[QuoteProvenanceCheck])
    speakers = [f.data["speakers"] for f in corp.findings if f.data.get("kind") == "different-speakers"]
    assert speakers and set(speakers[0]) == {"Jack Ketsoyan", "Mary Jones"}


def test_fixture_he_said_after_according_to_may_be_the_source_cited(make_corpus):
    # "according to her agent, Rob Tanner" cites a source as one quoted is: "he said" may be Tanner as well as the
    # story's subject, so neither is its speaker of record, and no one is said to have said it in place of Tanner.
    a = (
        "Nina Hale was rarely out of the gossip pages last year.\n\n"
        "The actress has entered the Linden Clinic, according to her agent, Rob Tanner.\n\n"
        f'"{QUOTE}," he said.\n'
    )
    b = f'"{QUOTE}," her agent Rob Tanner told a weekly.\n'
    corp = make_corpus({"a": a, "b": b}, checks=[QuoteProvenanceCheck])
    assert [f for f in corp.findings if f.data.get("kind") == "different-speakers"] == []


def test_a_one_word_speaker_is_the_person_its_document_names_in_full():
    # "Roe said" after "Jane Roe" is Jane Roe; a capitalised body ("Authorities") names no person.
    a = document("a", 'Jane Roe spoke. "Deterrence keeps the peace in orbit and on the ground," Roe said.')
    b = document("b", '"Deterrence keeps the peace in orbit and on the ground," Authorities said.')
    c = document("c", '"Deterrence keeps the peace in orbit and on the ground," said John Doe.')
    quote_words = "Deterrence keeps the peace in orbit and on the ground"
    named = claim(a, "Jane Roe spoke.", actors=(person_actor(a, "Jane Roe"),))
    claims = [
        named,
        quoted(a, a.text[16:], quote_words, "Roe"),
        quoted(b, b.text, quote_words, "Authorities"),
        quoted(c, c.text, quote_words, "John Doe"),
    ]
    found = [f for f in run(corpus([a, b, c], claims)) if f.data["kind"] == "different-speakers"]
    assert [sorted(f.data["speakers"]) for f in found] == [["Jane Roe", "John Doe"]]


def test_a_given_name_alone_is_the_one_person_of_that_name_in_its_document():
    a = document("a", 'Ann Kafo spoke. "She was the heart of the office and our friend," Ann said.')
    b = document("b", '"She was the heart of the office and our friend," said Ann Kafo.')
    words = "She was the heart of the office and our friend"
    claims = [
        claim(a, "Ann Kafo spoke.", actors=(person_actor(a, "Ann Kafo"),)),
        quoted(a, a.text[16:], words, "Ann"),
        quoted(b, b.text, words, "Ann Kafo"),
    ]
    assert [f for f in run(corpus([a, b], claims)) if f.data["kind"] == "different-speakers"] == []


def test_a_surname_is_the_full_name_its_text_writes_where_the_tagger_marked_no_person():
    # "Detective Inspector Mara Quell, who leads the inquiry, said": no person tagged, yet the text names her in full.
    words = "This was a patient job and we were patient too"
    a = document("a", f'Detective Inspector Mara Quell, who leads the inquiry, spoke. "{words}," Quell told reporters.')
    b = document("b", f'Chief Officer Bo Lindh spoke. "{words}," Lindh said.')
    claims = [
        quoted(a, a.text[a.text.index('"') :], words, "Quell"),
        claim(b, "Chief Officer Bo Lindh spoke.", actors=(person_actor(b, "Bo Lindh"),)),
        quoted(b, b.text[b.text.index('"') :], words, "Lindh"),
    ]
    found = [f for f in run(corpus([a, b], claims)) if f.data["kind"] == "different-speakers"]
    assert [sorted(f.data["speakers"]) for f in found] == [["Bo Lindh", "Mara Quell"]]
    assert found[0].severity is Severity.WARNING


def test_a_surname_the_text_writes_after_a_title_or_two_first_names_stays_unresolved():
    words = "This was a patient job and we were patient too"
    for text in (
        # only a title and a post before the surname: no first name written
        f'Inspector Quell spoke. Striker Quell agreed. "{words}," Quell said.',
        # two people of that surname: which one spoke is open
        f'Mara Quell and Tove Quell spoke. "{words}," Quell said.',
    ):
        a = document("a", text)
        b = document("b", f'"{words}," said Bo Lindh.')
        claims = [quoted(a, a.text[a.text.index('"') :], words, "Quell"), quoted(b, b.text, words, "Bo Lindh")]
        assert run(corpus([a, b], claims)) == [], text


def person_actor(doc, name):
    from _claimkit import Actor

    return Actor(span=span(doc, name), name=name, label="PERSON")


def test_a_quote_given_as_a_slogan_is_no_ones_utterance():
    # One source credits a slogan to the official who unveiled it, another to a member who repeated it.
    a = document("a", 'Jane Roe said the party\'s slogan would be "Harbor is working, keep it that way."')
    b = document("b", 'But John Doe replied: "Harbor is working, keep it that way."')
    built = corpus(
        [a, b],
        [
            quoted(a, a.text, "Harbor is working, keep it that way.", "Jane Roe"),
            quoted(b, b.text, "Harbor is working, keep it that way.", "John Doe"),
        ],
    )
    assert run(built) == []
    c = document("c", 'Jane Roe said "Harbor is working, keep it that way."')
    credited = corpus(
        [c, b],
        [
            quoted(c, c.text, "Harbor is working, keep it that way.", "Jane Roe"),
            quoted(b, b.text, "Harbor is working, keep it that way.", "John Doe"),
        ],
    )
    assert [f.data["kind"] for f in run(credited)] == ["different-speakers"]


def test_fixture_a_spokesman_giving_out_the_principals_words_is_no_second_speaker(make_corpus):
    # One source credits the statement to the spokeswoman who gave it out, another to the actress it speaks for: both
    # are right. Someone the spokeswoman's story never names is another speaker.
    a = f'Actress Mara Vell has checked into a clinic.\n\n"{QUOTE}," her spokeswoman, Jane Roe, said on Monday.\n'
    b = f'"{QUOTE}," Mara Vell said in a statement on Monday.\n'
    c = f'"{QUOTE}," Sam Ito said in a statement on Monday.\n'
    corp = make_corpus({"a": a, "b": b}, checks=[QuoteProvenanceCheck])
    assert [f for f in corp.findings if f.data.get("kind") == "different-speakers"] == []
    corp = make_corpus({"a": a, "c": c}, checks=[QuoteProvenanceCheck])
    speakers = [f.data["speakers"] for f in corp.findings if f.data.get("kind") == "different-speakers"]
    assert speakers and {"Jane Roe", "Sam Ito"} <= set(speakers[0])


def test_fixture_she_said_that_may_stand_for_the_subject_its_story_names_is_info(make_corpus):
    # The story quotes its subject's agent, then the subject again as "she said": the other source, crediting the
    # subject by name, does not contradict it. A speaker the story never names still does.
    a = (
        "Ms Mara Vell, the singer, has died at 85.\n\n"
        '"Her voice carried a generation," her agent, Sam Ito, said yesterday.\n\n'
        "Even late in life she avoided cameras.\n\n"
        f'"{QUOTE}," she said in 1998.\n'
    )
    b = f'"{QUOTE}," Mara Vell told a magazine in 1998.\n'
    c = f'"{QUOTE}," Jane Roe told a magazine in 1998.\n'
    corp = make_corpus({"a": a, "b": b}, checks=[QuoteProvenanceCheck])
    [found] = [f for f in corp.findings if f.data.get("kind") == "different-speakers"]
    assert found.severity == Severity.INFO and "names Mara Vell too" in found.message
    corp = make_corpus({"a": a, "c": c}, checks=[QuoteProvenanceCheck])
    assert [(f.data["kind"], f.severity) for f in corp.findings] == [("different-speakers", Severity.WARNING)]


def test_fixture_he_said_read_as_a_person_the_text_calls_ms_is_info(make_corpus):
    # "he asked" after Ms Roe's words is someone else (an unnamed spokesman): it credits the quote to nobody.
    a = f'"Prices will fall this year," said Ms Jane Roe. A rival firm disagreed.\n\n"{QUOTE}," he asked.\n'
    b = f'"{QUOTE}," said Tom Kade, a spokesman for the rival firm.\n'
    corp = make_corpus({"a": a, "b": b}, checks=[QuoteProvenanceCheck])
    # Extraction already passes over Ms Roe for "he"; should a pronoun reach the check read as her, it says so.
    assert [f for f in corp.findings if f.severity.rank >= Severity.WARNING.rank] == []
    assert all(
        "a word of the other sex" in f.message for f in corp.findings if f.data.get("kind") == "different-speakers"
    )


def test_a_sentence_that_names_both_people_is_info_not_a_disagreement():
    # "Jane Roe said, reading a statement from Sam Ito": another source crediting Ito says the same. One credited to
    # someone the sentence never names still differs.
    words = "We will not sell the port to anyone this year"
    a = document("a", f'"{words}," Jane Roe said, reading a statement from Sam Ito.')
    b = document("b", f'"{words}," Sam Ito said on Monday.')
    c = document("c", f'"{words}," Tom Kade said on Monday.')
    relayed = corpus([a, b], [quoted(a, a.text, words, "Jane Roe"), quoted(b, b.text, words, "Sam Ito")])
    [found] = run(relayed)
    assert found.severity == Severity.INFO and found.data["doubts"] == [
        "a names Sam Ito in the sentence that credits Jane Roe"
    ]
    other = corpus([a, c], [quoted(a, a.text, words, "Jane Roe"), quoted(c, c.text, words, "Tom Kade")])
    assert [(f.data["kind"], f.severity) for f in run(other)] == [("different-speakers", Severity.WARNING)]


def test_a_name_as_tokenised_text_spaces_it_is_one_speaker():
    words = "We will not sell the port to anyone this year"
    a = document("a", f'"{words}," said Marie Roe - Ito.')
    b = document("b", f'"{words}," said Marie Roe-Ito.')
    built = corpus([a, b], [quoted(a, a.text, words, "Marie Roe - Ito"), quoted(b, b.text, words, "Marie Roe-Ito")])
    assert run(built) == []


def test_fixture_an_organisations_spokesman_against_one_of_its_people_is_info(make_corpus):
    # The organisation's statement, given out by its spokesman and signed by its head: each source names one of them,
    # so someone should look, but the texts do not disagree. A spokesman of another organisation, or two of its
    # people who do not speak for others, are two speakers.
    words = "We are deeply saddened by the loss of our colleagues and friends"
    head = f'"{words}," Harbor Airlines chief executive Jane Roe said in a statement.\n'
    spokesman = f'"{words}," Harbor Airlines spokesman Sam Ito said on Tuesday.\n'
    other = f'"{words}," said Eastport Airport spokesman Sam Ito on Tuesday.\n'
    officer = f'"{words}," Harbor Airlines chief financial officer Sam Ito said on Tuesday.\n'

    def speakers(texts):
        corp = make_corpus(texts, checks=[QuoteProvenanceCheck])
        return [f for f in corp.findings if f.data.get("kind") == "different-speakers"]

    relayed = speakers({"a": head, "b": spokesman})
    assert [f.severity for f in relayed] == [Severity.INFO]
    assert "speaks for Harbor Airlines" in relayed[0].data["doubts"][0]
    assert [f.severity for f in speakers({"a": head, "c": other})] == [Severity.WARNING]
    assert [f.severity for f in speakers({"a": head, "d": officer})] == [Severity.WARNING]


def test_fixture_an_organisation_written_short_in_its_heads_post_is_the_one_its_spokesman_speaks_for(make_corpus):
    # "Tarnwick chief executive" where the same document names "Tarnwick Mining": the spokesman's organisation, written
    # short by its first word. The head of another company stays a second speaker.
    words = "We will rebuild the mine and no one will lose a paycheck while we do it"
    opening = "Tarnwick Mining will rebuild its flooded mine.\n\n"
    spokesman = f'{opening}"{words}," said Sam Ito, a spokesman for Tarnwick Mining.\n'
    head = f'{opening}"{words}," Tarnwick chief executive Jane Roe said in a statement.\n'
    rival = f'{opening}"{words}," Orley chief executive Jane Roe said in a statement.\n'

    def speakers(texts):
        corp = make_corpus(texts, checks=[QuoteProvenanceCheck])
        return [f for f in corp.findings if f.data.get("kind") == "different-speakers"]

    relayed = speakers({"a": spokesman, "b": head})
    assert [f.severity for f in relayed] == [Severity.INFO]
    assert "speaks for Tarnwick Mining" in relayed[0].data["doubts"][0]
    assert [f.severity for f in speakers({"a": spokesman, "c": rival})] == [Severity.WARNING]


def test_fixture_a_spokesman_of_a_body_named_by_a_common_noun_relays_its_heads_words(make_corpus):
    # "police spokesman Sgt. Sam Ito": the rank written before the name beside the post, and the body only as the
    # lower-case word before it. Its head in another source ("Keldon Police Chief") gave the same words: info. A head
    # of another body, or a spokesman of a body named otherwise, is a second speaker.
    words = "Anyone who was on Quarry Lane that night may have seen the van"
    spokesman = f'Keldon police asked for help on Monday.\n\n"{words}," police spokesman Sgt. Sam Ito said.\n'
    head = f'A van was stolen in Keldon.\n\n"{words}," Keldon Police Chief Jane Roe said in a statement.\n'
    fire_head = f'A van burned in Keldon.\n\n"{words}," Keldon Fire Chief Jane Roe said in a statement.\n'
    named = f'A van was stolen.\n\n"{words}," said Sam Ito, a spokesman for Orley Transit.\n'

    def speakers(texts):
        corp = make_corpus(texts, checks=[QuoteProvenanceCheck])
        return [f for f in corp.findings if f.data.get("kind") == "different-speakers"]

    relayed = speakers({"a": spokesman, "b": head})
    assert [f.severity for f in relayed] == [Severity.INFO]
    assert "speaks for police" in relayed[0].data["doubts"][0]
    assert [f.severity for f in speakers({"a": spokesman, "c": fire_head})] == [Severity.WARNING]
    assert [f.severity for f in speakers({"d": named, "b": head})] == [Severity.WARNING]


def test_fixture_a_companys_spokeswoman_relays_the_head_of_the_company_her_story_names(make_corpus):
    # "company spokeswoman": the company is the one her story names, whose chief executive another source credits.
    # The head of a company her story never names is a second speaker.
    words = "We are not aware of any injuries but we are acting out of caution"
    spokeswoman = f'Pellam Appliances is recalling heaters.\n\n"{words}," company spokeswoman Ilse Brandt said.\n'
    head = f'Heaters are being recalled.\n\n"{words}," Pellam Chief Executive Tomas Reuel said in a statement.\n'
    rival = f'Heaters are being recalled.\n\n"{words}," Skylane Chief Executive Tomas Reuel said in a statement.\n'

    def speakers(texts):
        corp = make_corpus(texts, checks=[QuoteProvenanceCheck])
        return [f for f in corp.findings if f.data.get("kind") == "different-speakers"]

    assert [f.severity for f in speakers({"a": spokeswoman, "b": head})] == [Severity.INFO]
    assert [f.severity for f in speakers({"a": spokeswoman, "c": rival})] == [Severity.WARNING]


def test_the_body_a_spokesman_speaks_for_is_the_nouns_before_the_post():
    from factcheck.checks.quote_provenance import _body_before_the_post

    assert _body_before_the_post('"We need help," police spokesman') == ("police",)
    assert _body_before_the_post("the roof fell, said fire department spokeswoman") == ("fire", "department")
    assert _body_before_the_post("the sheriff's office spokesman") == ("sheriff", "office")
    assert _body_before_the_post("the school, a spokeswoman") == ()
    # A common noun capitalised as a sentence's first word is the body; a capitalised name is a named body.
    assert _body_before_the_post("It burned. Police spokesman") == ("police",)
    assert _body_before_the_post('"We will fly," Carro Airways spokesman') is None
    assert _body_before_the_post("the town's mayor") is None


def test_fixture_a_ministry_spokeswoman_relays_the_ministers_words(make_corpus):
    # The body named by the word for the office its head holds ("ministry" / "Minister", WordNet: "a government
    # department under the direction of a minister"), written in lower case or as a name: the minister's words given
    # out by the ministry's spokeswoman are info. The minister of another department stays a second speaker.
    words = "Our diplomats will be back at work by the middle of June"
    lower = f'The embassy will reopen.\n\n"{words}," said ministry spokeswoman Vera Holt.\n'
    named = f'The embassy will reopen.\n\n"{words}," said Foreign Ministry spokeswoman Vera Holt.\n'
    minister = f'The embassy will reopen.\n\n"{words}," Foreign Minister Otto Brenn said.\n'
    other = f'The embassy will reopen.\n\n"{words}," Trade Minister Otto Brenn said.\n'

    def speakers(texts):
        corp = make_corpus(texts, checks=[QuoteProvenanceCheck])
        return [f for f in corp.findings if f.data.get("kind") == "different-speakers"]

    assert [f.severity for f in speakers({"a": lower, "b": minister})] == [Severity.INFO]
    assert [f.severity for f in speakers({"a": named, "b": minister})] == [Severity.INFO]
    assert [f.severity for f in speakers({"a": named, "c": other})] == [Severity.WARNING]


def test_a_body_names_the_office_of_a_post_by_derivation_or_definition():
    from factcheck.nlp import lexicon

    assert lexicon.names_the_office_of("ministry", "minister")
    assert lexicon.names_the_office_of("presidency", "president")
    assert not lexicon.names_the_office_of("ministry", "foreign")
    assert not lexicon.names_the_office_of("police", "chief")


def test_fixture_she_said_after_its_speakers_own_sentence_credits_her_whoever_was_named_before(make_corpus):
    # "she said" right after the sentence that names Jane Roe is Roe: Sam Ito, named and quoted before, is not who
    # the pronoun stands for, so a source crediting Ito contradicts it. Named in Roe's own sentence, Ito may be.
    words = "Every worker who wants a job at this port will keep one. That is our promise"
    roe = (
        '"We will not be replaced by machines," said Sam Ito, the union leader.\n\n'
        "Jane Roe, chief executive of the port authority, said the plan would not cost jobs. "
        f'"{words}," she said.\n'
    )
    both = f'Jane Roe, chief executive of the port authority, answered Sam Ito on Monday. "{words}," she said.\n'
    ito = f'"{words}," said Sam Ito, the union leader.\n'
    corp = make_corpus({"a": roe, "b": ito}, checks=[QuoteProvenanceCheck])
    assert [(f.data["kind"], f.severity) for f in corp.findings] == [("different-speakers", Severity.WARNING)]
    corp = make_corpus({"a": both, "b": ito}, checks=[QuoteProvenanceCheck])
    assert [(f.data["kind"], f.severity) for f in corp.findings] == [("different-speakers", Severity.INFO)]


def test_fixture_two_spokesmen_credited_with_one_quote_are_two_speakers(make_corpus):
    # Each source gives its speaker as a spokesman: neither gave out the other's words, though one document names the
    # other speaker in another post.
    words = "The evidence points to a sustained arrangement, not a single payment"
    a = (
        f'"{words}," said Tom Kade, a spokesman for the regional prosecutor\'s office.\n\n'
        "Jane Roe, the deputy mayor, declined to comment.\n"
    )
    b = f'"{words}," prosecution spokesman Jane Roe told reporters.\n'
    corp = make_corpus({"a": a, "b": b}, checks=[QuoteProvenanceCheck])
    assert [(f.data["kind"], f.severity) for f in corp.findings] == [("different-speakers", Severity.WARNING)]
