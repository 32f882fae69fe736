"""After extraction the run keeps documents' headers, not their texts; the texts come back on demand.

The report and the checks that need a text read it back through ``Corpus.text_of`` (the load
stage's cache entry, else the file), checked against the hash the header carries.
"""

from __future__ import annotations

import dataclasses

import pytest

from factcheck.config import Settings
from factcheck.errors import DocumentChangedError
from factcheck.model import Document, DocumentHeader, RunResult
from factcheck.stages.load.store import DOCUMENTS_KEPT

# Two outlets disagree on a date (a cross-source finding that quotes both texts), and the second
# text's hyphenated line break makes its cleaned text differ from the original before the date.
TEXTS = {
    "alpha": "Harbour Pier Opens\n\nMarch 3, 2024\n\nThe harbour board opened the northern pier on 1 March 2024, "
    "after 14 months of work that cost 12 million pounds.\n\nThe mayor said the pier would draw visitors.\n",
    "beta": "Pier Finally Open\n\nMarch 4, 2024\n\nThe harbour board opened the north-\nern pier on 2 March 2024, "
    "after 14 months of work that cost 15 million pounds.\n\nThe mayor said the pier would draw visitors.\n",
}


def _run(tmp_path, nlp, fake_embedder, *, use_cache: bool) -> tuple[RunResult, Settings]:
    from factcheck.pipeline import run

    folder = tmp_path / "docs"
    folder.mkdir(exist_ok=True)
    for doc_id, text in TEXTS.items():
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    settings = Settings(
        paths=(folder,), use_cache=use_cache, cache_dir=tmp_path / "cache", ledger_dir=None, resolutions=None
    )
    return run(settings, embedder=fake_embedder, nlp=nlp), settings


def _with_texts(result: RunResult) -> RunResult:
    """The same run with every document's text at hand (what the client held before)."""
    corpus = result.corpus
    full = tuple(corpus.text_of(document.id) for document in corpus.documents)
    return dataclasses.replace(result, corpus=corpus.evolve(documents=full, texts=None))


@pytest.mark.parametrize("use_cache", [True, False], ids=["cache", "no-cache"])
def test_after_extraction_the_corpus_keeps_headers_and_reads_texts_back(tmp_path, nlp, fake_embedder, use_cache):
    result, _ = _run(tmp_path, nlp, fake_embedder, use_cache=use_cache)
    corpus = result.corpus
    assert [document.id for document in corpus.documents] == ["alpha", "beta"]
    for document in corpus.documents:
        assert type(document) is DocumentHeader and not isinstance(document, Document)
        assert not hasattr(document, "text") and not hasattr(document, "clean")
        assert document.text_hash
    # What the store keeps of what it read is bounded, whatever the corpus size.
    assert len(corpus.texts._recent) <= DOCUMENTS_KEPT
    corpus.texts.close()
    corpus.texts.kept = 1
    corpus.text_of("alpha"), corpus.text_of("beta")
    assert list(corpus.texts._recent) == ["beta"]
    for doc_id, text in TEXTS.items():
        read = corpus.text_of(doc_id)
        assert read.text == text and read.content_hash() == corpus.document(doc_id).text_hash
    assert corpus.text_of("beta").clean_to_original, "the hyphenated break should need an offset map"


@pytest.mark.parametrize("use_cache", [True, False], ids=["cache", "no-cache"])
def test_the_reports_quote_the_evidence_as_with_every_text_at_hand(tmp_path, nlp, fake_embedder, use_cache):
    from factcheck.cli.shell import render

    result, _ = _run(tmp_path, nlp, fake_embedder, use_cache=use_cache)
    findings = result.corpus.findings
    assert "date-conflict" in {finding.check for finding in findings}
    # Evidence past the repaired line break: its offsets are the original text's, not the cleaned one's.
    repaired = TEXTS["beta"].index("north-\n")
    assert any(span.doc == "beta" and span.start > repaired for f in findings for span in f.evidence)
    for finding in findings:
        for span in finding.evidence:
            assert TEXTS[span.doc][span.start : span.end] == span.text
    at_hand = _with_texts(result)
    for output_format in ("json", "sarif", "markdown", "rich", "concise", "github", "html"):
        assert render(result, output_format, width=100) == render(at_hand, output_format, width=100), output_format


def test_a_changed_file_is_quoted_from_the_cache_as_it_was_checked(tmp_path, nlp, fake_embedder):
    result, settings = _run(tmp_path, nlp, fake_embedder, use_cache=True)
    corpus = result.corpus
    corpus.texts.close()  # forget what was read: the next read goes to the cache
    (tmp_path / "docs" / "beta.txt").write_text("Something else entirely.\n", encoding="utf-8")
    assert corpus.text_of("beta").text == TEXTS["beta"]


@pytest.mark.parametrize("change", ["edited", "deleted"])
def test_a_text_gone_from_the_cache_and_changed_on_disk_is_a_clear_error(tmp_path, nlp, fake_embedder, change):
    from factcheck.cli.shell import render

    result, _ = _run(tmp_path, nlp, fake_embedder, use_cache=False)
    corpus = result.corpus
    corpus.texts.close()
    path = tmp_path / "docs" / "beta.txt"
    if change == "edited":
        # The same length and lines: only the hash can tell that the quoted words would be wrong.
        path.write_text(TEXTS["beta"].replace("15 million", "16 million"), encoding="utf-8")
    else:
        path.unlink()
    with pytest.raises(DocumentChangedError) as raised:
        corpus.text_of("beta")
    assert raised.value.code == "FC-E114" and "beta.txt" in str(raised.value)
    assert corpus.text_of("alpha").text == TEXTS["alpha"]  # the other document still reads
    with pytest.raises(DocumentChangedError):
        render(result, "sarif")
