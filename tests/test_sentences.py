"""Sentence spans by punctuation: offsets into the original text, abbreviations and paragraph breaks."""

from factcheck.nlp.sentences import split_sentences


def test_sentences_keep_original_offsets_and_skip_abbreviations():
    text = "Gen. Smith met U.S. officials on Monday in Tokyo. They agreed on a plan.\nA new line here."
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == [
        "Gen. Smith met U.S. officials on Monday in Tokyo.",
        "They agreed on a plan.",
        "A new line here.",
    ]
