"""garbled-wording (FC020): each signal on text written for the tests, with a fake LM; Gemma when slow."""

from __future__ import annotations

import pytest
from _spinfakes import BigramLM

from factcheck.cache import Cache
from factcheck.checks.base import CheckContext
from factcheck.checks.garbled_wording import GarbledWordingCheck
from factcheck.config import Settings
from factcheck.model import Corpus, Document
from factcheck.nlp import spin

# The fake model knows how these sentences "should" read.
BIGRAMS = {
    ("of", "convenience"): -1.0,
    ("of", "trust"): -4.0,
    ("convenience", "on"): -1.5,
    ("their", "space"): -1.0,
    ("space", "assets"): -1.0,
    ("space", "operations"): -1.0,
    ("in", "space"): -1.5,
    ("geosynchronous", "orbit"): -0.5,
    ("in", "geosynchronous"): -12.0,
    ("security", "threat"): -1.0,
    # How the spun wording reads to it: far less likely than the words' frequency suggests.
    ("of", "pleasure"): -12.0,
    ("their", "planetary"): -12.0,
    ("in", "area"): -12.0,
}


def corpus_of(texts: dict[str, str]) -> Corpus:
    return Corpus(
        documents=tuple(
            Document(id=doc_id, path=f"{doc_id}.txt", text=text, clean=text) for doc_id, text in sorted(texts.items())
        )
    )


def run(texts: dict[str, str], lm=None, **thresholds):
    check = GarbledWordingCheck.using(lm or BigramLM(BIGRAMS))()
    settings = Settings(use_cache=False, thresholds={f"garbled-wording.{k}": v for k, v in thresholds.items()})
    corpus = corpus_of(texts)
    findings = list(check.run(corpus, CheckContext(settings=settings)))
    return findings, check.report_data(corpus, findings)


def phrase_findings(findings):
    return [f for f in findings if "spin-score" not in f.data["signals"]]


def test_lm_signal_flags_a_swapped_word_and_suggests_the_original():
    text = "The two rival countries are now in a relationship of pleasure on trade and arms."
    # One swap alone in a document is reported when it is this confident (the fake's gain is 11 nats).
    findings, _ = run({"a": text}, standalone_gain=10.0)
    [finding] = phrase_findings(findings)
    span = finding.evidence[0]
    assert text[span.start : span.end] == span.text == "pleasure"
    assert finding.suggestion == "convenience"
    assert finding.data["signals"] == ["lm"]
    assert finding.data["score"] >= 5.0
    assert "relationship of pleasure" in finding.message and "convenience" in finding.message
    assert finding.code == "FC020"


def test_source_signal_uses_the_other_documents_wording():
    source = "Japan and the United States agreed to protect their space assets against attacks by rivals."
    spun = "Japan and the United States agreed to protect their planetary assets against attacks by rivals."
    findings, _ = run({"a-source": source, "b-spun": spun})
    [finding] = phrase_findings(findings)
    assert finding.evidence[0].doc == "b-spun" and finding.evidence[0].text == "planetary"
    assert finding.suggestion == "space"
    assert "source" in finding.data["signals"]
    # The source's word is shown beside it.
    assert [(e.doc, e.text) for e in finding.evidence] == [("b-spun", "planetary"), ("a-source", "space")]


def test_document_signal_offers_the_same_slot_elsewhere_in_the_document():
    text = (
        "Japan made major advancements in area operations over the past decade.\n\n"
        "Its officers still lack experience in military space operations and training.\n\n"
        "Allied space operations have grown as well."
    )
    lm = BigramLM({k: v for k, v in BIGRAMS.items() if k != ("in", "space")})  # the model alone would not guess "space"
    sentences = [s.strip() for s in text.split("\n\n")]
    [flag], _, _ = spin.LMSpinScorer(lm).analyse(sentences, extra_candidates=spin.document_variants(sentences))
    assert (flag.text, flag.suggestion) == ("area", "space")
    assert "document" in flag.signals and flag.is_strong(spin.Thresholds())
    # It counts towards the spin score, but an author varying a term is not reported on its own.
    findings, data = run({"a": text}, lm=lm)
    assert phrase_findings(findings) == [] and data["a"]["spin_score"] > 0


@pytest.mark.parametrize(
    "text",
    [
        "The agreement was signed by Colonel Ryan Pleasure and Major Anna Convenience in Tokyo last week.",
        "The satellite reached geosynchronous orbit on its third attempt after two failed launches.",
        "Officials counted 4,500 units and 12.5 percent growth over the previous quarter of the year.",
        "Officials warned of a growing security treat from rival powers in the region this year.",
        "The talks came amidgreat uncertainty over the future of the alliance and its members.",
        "The new system improves secu- rity for allied satellites and the ground stations abroad.",
        'He called the plan "a relationship of pleasure" during the press conference on Monday.',
    ],
)
def test_names_terms_numbers_artefacts_and_quotes_are_not_spin(text):
    findings, _ = run({"a": text})
    assert phrase_findings(findings) == []


def test_spin_score_marks_a_spun_document_and_leaves_a_clean_one():
    spun = (
        "The two rival countries are now in a relationship of pleasure on trade and arms. "
        "Both want to protect their planetary assets against attacks by rivals. "
        "Officials described the growing relationship of pleasure as a serious concern."
    )
    clean = (
        "The two rival countries are now in a marriage of convenience on trade and arms. "
        "Both want to protect their space assets against attacks by rivals."
    )
    findings, data = run({"spun": spun, "clean": clean}, spun_threshold=1.0)
    assert data["spun"]["likely_spun"] is True and data["spun"]["spin_score"] > 1.0
    assert data["clean"] == {"spin_score": 0.0, "likely_spun": False, "top": []}
    assert any("relationship of pleasure" in phrase for phrase in data["spun"]["top"])
    [document_finding] = [f for f in findings if "spin-score" in f.data["signals"]]
    assert document_finding.evidence and all(e.doc == "spun" for e in document_finding.evidence)
    assert "likely spun copy" in document_finding.message


def test_results_are_deterministic_and_cached_by_sentence(tmp_path):
    lm = BigramLM(BIGRAMS)
    scorer = spin.LMSpinScorer(lm, cache=Cache(tmp_path))
    sentence = "The two rival countries are now in a relationship of pleasure on trade and arms."
    first = scorer.analyse([sentence])
    calls = lm.calls
    second = spin.LMSpinScorer(lm, cache=Cache(tmp_path)).analyse([sentence])
    assert first == second and lm.calls == calls


class _Interrupted(Exception):
    pass


class _DiesOn(BigramLM):
    """The fake model, killed (an exception out of the run) when it starts reading ``fatal``."""

    def __init__(self, fatal: str | None = None) -> None:
        super().__init__(BIGRAMS)
        self.fatal = fatal
        self.read: list[str] = []

    def score_tokens(self, texts, top_k=0, probes=None):
        if self.fatal is not None and any(text.endswith(self.fatal) for text in texts):
            raise _Interrupted
        self.read.extend(texts)
        return super().score_tokens(texts, top_k, probes)


def test_an_interrupted_run_keeps_every_sentence_scored_before_it_stopped(tmp_path):
    sentences = [
        "The two rival countries are now in a relationship of pleasure on trade and arms.",
        "Both navies expanded their planetary assets in the region over the past decade.",
        "Officials said the new satellites would improve security in area operations soon.",
    ]
    dying = _DiesOn(sentences[2])
    with pytest.raises(_Interrupted):
        spin.LMSpinScorer(dying, cache=Cache(tmp_path)).analyse(sentences)
    assert any(sentences[0] in text for text in dying.read) and any(sentences[1] in text for text in dying.read)
    resumed = _DiesOn()
    flags = spin.LMSpinScorer(resumed, cache=Cache(tmp_path)).analyse(sentences)
    # Only the sentence the first run never finished is read again; the others come from the cache.
    assert resumed.read and all(sentences[0] not in text and sentences[1] not in text for text in resumed.read)
    assert flags == spin.LMSpinScorer(BigramLM(BIGRAMS)).analyse(sentences)


def test_every_filler_of_a_slot_is_offered_whatever_its_place_in_the_alphabet():
    fillers = ["border", "cyber", "energy", "food", "home", "job", "maritime", "national", "water"]
    sentences = [f"They talked about {word} security at length." for word in fillers]
    sentences += ["Officials also discussed space security and debris.", "Space security matters."]
    offered = spin.document_variants(sentences)
    start = sentences[0].index("border")
    assert ("space", "document") in offered[0][start]


def test_only_the_documents_usual_wording_of_a_slot_is_offered():
    """Seventeen "Japanese state" and one "Japanese government" are an author's habit, not a swap."""
    sentences = [
        "The Japanese state funds the programme.",
        "The Japanese state owns the land.",
        "Critics say the Japanese government moved too slowly.",
    ]
    offered = spin.document_variants(sentences)
    assert sentences[0].index("state") not in offered[0]
    assert ("state", "document") in offered[2][sentences[2].index("government")]


def test_alignment_pairs_one_word_and_two_word_substitutions():
    subs = spin.align_substitutions(
        "firms face barriers over export controls and security clearances",
        "firms face barriers over import regulations and security clearances",
    )
    assert [(s.a.text, s.b.text) for s in subs] == [("export", "import"), ("controls", "regulations")]


@pytest.mark.slow
def test_gemma_flags_handmade_spun_sentences_but_not_clean_ones():
    spun = [
        "North Korea, China and Russia are increasingly in a relationship of pleasure on space cooperation.",
        "She mentions issues such as anti-satellite weapons and the rising risks of orbital debris from an expanding area system.",
    ]
    clean = [
        "North Korea, China and Russia are increasingly in a marriage of convenience on space cooperation.",
        "The central bank raised interest rates by a quarter of a percentage point on Thursday.",
        "Brigadier General Anthony Mastalir said the new command would improve resilience.",
    ]
    from factcheck.nlp.lm import load_lm

    scorer = spin.LMSpinScorer(load_lm())
    flagged = scorer.analyse(spun + clean)
    assert flagged[0] and flagged[0][0].text == "pleasure"
    assert all(not flags for flags in flagged[len(spun) :])


@pytest.mark.slow
def test_gemma_probes_a_word_as_if_it_were_written_there():
    from factcheck.nlp.lm import load_lm

    lm = load_lm()
    spun = "They are in a relationship of pleasure on space."
    offset = spun.index("pleasure")
    [tokens] = lm.score_tokens([spun], probes=[{offset: ["convenience", "delight"]}])
    [at] = [t for t in tokens if t.start <= offset < t.end]
    probed = dict(at.alternatives)
    [written] = lm.score_tokens([spun.replace("pleasure", "convenience")])
    [real] = [t for t in written if t.start <= offset < t.end]
    assert probed[" convenience"] == pytest.approx(real.logprob, abs=1e-3)
    assert probed[" convenience"] > at.logprob  # the context prefers the original


@pytest.mark.slow
def test_gemma_scores_a_text_alike_whether_or_not_alternatives_are_asked_for():
    # Two CTranslate2 calls read a text (score_batch alone, forward_batch with alternatives); the
    # scorer compares values across them, so they must agree on every CPU (MKL's int8 GEMM did not).
    from factcheck.nlp.lm import load_lm

    lm = load_lm()
    texts = [
        "They are in a relationship of convenience on space.",
        "The two governments signed a marriage of convenience on export controls in March.",
        "Japan and the United States agreed to work together.",
    ]
    for plain, with_alternatives in zip(lm.score_tokens(texts), lm.score_tokens(texts, top_k=3)):
        assert [t.logprob for t in with_alternatives] == pytest.approx([t.logprob for t in plain], abs=1e-3)


def test_the_language_model_asks_for_consistent_int8_kernels_unless_the_user_chose(tmp_path):
    import subprocess
    import sys

    probe = (
        "import os; from factcheck.nlp.lm import use_consistent_int8_kernels; "
        "use_consistent_int8_kernels(); print(os.environ.get('CT2_USE_MKL'))"
    )

    def chosen(**env: str) -> str:
        import os

        environment = {k: v for k, v in os.environ.items() if k != "CT2_USE_MKL"} | env
        done = subprocess.run([sys.executable, "-c", probe], env=environment, capture_output=True, text=True)
        return done.stdout.strip()

    assert chosen() == "0"
    assert chosen(CT2_USE_MKL="1") == "1"


@pytest.mark.parametrize(
    ("flags", "machine", "expected"),
    [
        ({"fma", "avx2"}, "x86_64", "float32"),  # int8 products summed in 16 bits saturate here
        ({"avx2", "avx512f", "avx512_vnni"}, "x86_64", "int8"),
        ({"avx2", "avx_vnni"}, "x86_64", "int8"),
        ({"avx2", "amx_int8", "amx_tile"}, "x86_64", "int8"),
        ({"fp", "asimd", "asimddp"}, "aarch64", "int8"),
        (None, "x86_64", "int8"),  # flags unreadable: no reason to leave the smaller model
    ],
)
def test_the_language_model_computes_in_int8_only_where_the_cpu_sums_int8_without_saturating(flags, machine, expected):
    from factcheck.nlp.lm import compute_type_for

    assert compute_type_for(None if flags is None else frozenset(flags), machine) == expected


def test_the_user_chooses_the_compute_type_over_the_cpu(monkeypatch):
    from factcheck.errors import ModelError
    from factcheck.nlp.lm import compute_type_for_this_cpu

    monkeypatch.setenv("FACTCHECK_LM_COMPUTE_TYPE", "float32")
    assert compute_type_for_this_cpu() == "float32"
    monkeypatch.setenv("FACTCHECK_LM_COMPUTE_TYPE", "int8")
    assert compute_type_for_this_cpu() == "int8"
    monkeypatch.setenv("FACTCHECK_LM_COMPUTE_TYPE", "int4")
    with pytest.raises(ModelError, match="FACTCHECK_LM_COMPUTE_TYPE='int4'"):
        compute_type_for_this_cpu()


def test_results_cached_under_one_compute_type_are_not_read_under_another(monkeypatch, tmp_path):
    from factcheck.nlp.lm import GemmaLM

    monkeypatch.setenv("FACTCHECK_LM_COMPUTE_TYPE", "int8")
    in_int8 = GemmaLM(tmp_path)
    monkeypatch.setenv("FACTCHECK_LM_COMPUTE_TYPE", "float32")
    in_float32 = GemmaLM(tmp_path)
    assert in_int8.name != in_float32.name
    assert in_int8.directory == in_float32.directory  # one converted model serves both


@pytest.mark.slow
def test_gemma_reads_continuations_as_it_reads_the_whole_text():
    from factcheck.nlp.lm import load_lm

    lm = load_lm()
    prefix = "Tokyo launched two more satellites. The move aims to improve"
    suffixes = [" area security for allies.", " space security and long-term sustainability, keeping"]
    continued = lm.score_continuations(prefix, suffixes)
    whole = lm.score_tokens([prefix + suffix for suffix in suffixes])
    for suffix, tokens, reference in zip(suffixes, continued, whole):
        reference = [t for t in reference if t.start >= len(prefix)]
        assert [suffix[t.start : t.end] for t in tokens] == [t.text for t in reference]
        assert [t.logprob for t in tokens] == pytest.approx([t.logprob for t in reference], abs=1e-3)
    [alone] = lm.score_continuations("", [" area security"])
    assert [t.logprob for t in alone] == pytest.approx(
        [t.logprob for t in lm.score_tokens([" area security"])[0]], abs=1e-3
    )


def test_a_preferred_word_that_is_no_near_synonym_is_not_spin():
    """The context prefers "convenience", but it is no neighbour of "pleasure": a rare choice, not a swap."""
    text = "The two rival countries are now in a relationship of pleasure on trade and arms."
    findings, _ = run({"a": text}, lm=BigramLM(BIGRAMS, near={"pleasure": ["joy", "delight"]}))
    assert phrase_findings(findings) == []


class RecordingLM(BigramLM):
    """The bigram fake, remembering every text it was asked to score."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.texts: list[str] = []

    def score_tokens(self, texts, top_k=0, probes=None):
        self.texts.extend(texts)
        return super().score_tokens(texts, top_k, probes)


def test_the_previous_sentence_is_read_first_and_offsets_stay_in_the_sentence():
    previous = "Japan and the United States signed a space pact."
    sentence = "The two rival countries are now in a relationship of pleasure on trade and arms."
    lm = RecordingLM(BIGRAMS)
    [flags] = spin.LMSpinScorer(lm).analyse([sentence], contexts=[previous])
    assert lm.texts[0] == f"{previous} {sentence}"
    [flag] = flags
    assert sentence[flag.start : flag.end] == "pleasure" and flag.suggestion == "convenience"


# A weak flag: the context expects "area" about as often as its frequency suggests (pmi
# between strong_pmi and max_pmi), yet "space" there makes the sentence much likelier.
WEAK = {**BIGRAMS, ("in", "area"): -8.0, ("area", "operations"): -9.0, ("their", "planetary"): -14.0}


def test_a_weak_flag_alone_is_not_reported_but_counts_in_a_spun_document():
    weak_only = "Japan made major advancements in area operations over the past decade."
    findings, data = run({"a": weak_only}, lm=BigramLM(WEAK))
    assert phrase_findings(findings) == [] and data["a"]["likely_spun"] is False

    spun = " ".join(
        [
            "The two rival countries are now in a relationship of pleasure on trade and arms.",
            "Both want to protect their planetary assets against attacks by rivals.",
            "Officials described the growing relationship of pleasure as a serious concern.",
            weak_only,
        ]
    )
    findings, data = run({"a": spun}, lm=BigramLM(WEAK), spun_threshold=1.0)
    assert data["a"]["likely_spun"] is True
    flagged = {f.evidence[0].text: f for f in phrase_findings(findings)}
    assert flagged["area"].suggestion == "space" and flagged["area"].data["strong"] is False
    assert flagged["pleasure"].data["strong"] is True


def test_a_very_confident_strong_flag_is_reported_in_an_unspun_document():
    text = "The two rival countries are now in a relationship of pleasure on trade and arms."
    findings, data = run({"a": text}, standalone_gain=10.0)
    assert data["a"]["likely_spun"] is False
    [finding] = phrase_findings(findings)
    assert finding.data["strong"] is True and finding.data["score"] >= 10.0
    findings, _ = run({"a": text}, standalone_gain=30.0)
    assert phrase_findings(findings) == []


def test_a_swap_next_to_a_flagged_one_is_found_once_the_first_is_undone():
    """ "successful launch" -> "prosperous release": "release" reads fine after "prosperous";
    only with "successful" back in place does "launch" stand out as the original."""
    bigrams = {
        **BIGRAMS,
        ("the", "successful"): -1.0,
        ("the", "prosperous"): -14.0,
        ("successful", "launch"): -0.5,
        ("successful", "release"): -8.0,
    }
    sentence = "North Korea celebrated the prosperous release of its first spy satellite last year."
    [flags] = spin.LMSpinScorer(BigramLM(bigrams)).analyse([sentence])
    assert [(f.text, f.suggestion) for f in flags] == [("prosperous", "successful"), ("release", "launch")]
    assert flags[0].signals == ["lm"] and flags[1].signals == ["lm", "joint"]
    assert sentence[flags[1].start : flags[1].end] == "release"


def test_neighbouring_swaps_are_reported_as_one_phrase_with_both_originals():
    bigrams = {
        **BIGRAMS,
        ("the", "successful"): -1.0,
        ("the", "prosperous"): -14.0,
        ("successful", "launch"): -0.5,
        ("successful", "release"): -8.0,
    }
    text = "North Korea celebrated the prosperous release of its first spy satellite last year."
    findings, data = run({"a": text}, lm=BigramLM(bigrams), standalone_gain=10.0)
    [finding] = phrase_findings(findings)
    [span] = finding.evidence
    assert text[span.start : span.end] == span.text == "prosperous release"
    assert finding.suggestion == "successful launch"
    assert [(swap["text"], swap["suggestion"]) for swap in finding.data["swaps"]] == [
        ("prosperous", "successful"),
        ("release", "launch"),
    ]
    assert finding.data["signals"] == ["lm", "joint"]
    assert "'celebrated the successful launch'" in finding.message
    assert data["a"]["top"] == ["celebrated the prosperous release -> celebrated the successful launch"]


def test_a_chain_of_swaps_is_followed_past_the_first_neighbours():
    """ "Mars exploration, missile defense" -> "Mars investigation, weapon protection": "protection"
    reads fine after "weapon" and is three words from "investigation"; it stands out only once
    "missile", itself found beside "investigation", is back."""
    bigrams = {
        **BIGRAMS,
        ("mars", "exploration"): -1.0,
        ("mars", "investigation"): -14.0,
        (",", "missile"): -1.0,
        (",", "weapon"): -10.0,
        ("weapon", "protection"): -9.5,
        ("missile", "defense"): -0.5,
        ("missile", "protection"): -10.0,
    }
    near = {"investigation": ["exploration"], "weapon": ["missile"], "protection": ["defense"]}
    sentence = "Japan plans Mars investigation, weapon protection and satellites."
    [flags] = spin.LMSpinScorer(BigramLM(bigrams, near=near)).analyse([sentence])
    assert [(f.text, f.suggestion) for f in flags] == [
        ("investigation", "exploration"),
        ("weapon", "missile"),
        ("protection", "defense"),
    ]
    assert [f.signals for f in flags] == [["lm"], ["lm", "joint"], ["lm", "joint"]]


def test_a_flag_that_only_the_stronger_swap_beside_it_explains_is_dropped():
    """ "space ecosystem" -> "area ecosystem": after "area", "network" reads better than
    "ecosystem", but once "space" is back "ecosystem" is what the text said."""
    bigrams = {
        **BIGRAMS,
        ("strong", "space"): -1.0,
        ("strong", "area"): -16.0,
        ("area", "network"): -1.0,
        ("area", "ecosystem"): -16.0,
        ("space", "ecosystem"): -1.0,
        ("space", "network"): -6.0,
    }
    near = {"area": ["space"], "ecosystem": ["network"]}
    sentence = "Japan has built a strong area ecosystem for its satellites."
    [flags] = spin.LMSpinScorer(BigramLM(bigrams, near=near)).analyse([sentence])
    assert [(f.text, f.suggestion) for f in flags] == [("area", "space")]
    # The weaker flag on its own, with nothing stronger beside it, stands.
    [flags] = spin.LMSpinScorer(BigramLM(bigrams, near={"ecosystem": ["network"]})).analyse([sentence])
    assert [(f.text, f.suggestion) for f in flags] == [("ecosystem", "network")]


def test_a_document_is_spun_only_with_more_strong_flags_than_chance_explains():
    spun = (
        "The two rival countries are now in a relationship of pleasure on trade and arms. "
        "Both want to protect their planetary assets against attacks by rivals. "
        "Officials described the growing relationship of pleasure as a serious concern."
    )
    _, data = run({"a": spun}, lm=BigramLM(WEAK), spun_threshold=1.0)
    assert data["a"]["likely_spun"] is True
    # Were clean prose to raise ten strong flags per 100 words, three in 35 words prove nothing.
    _, data = run({"a": spun}, lm=BigramLM(WEAK), spun_threshold=1.0, clean_rate=10.0)
    assert data["a"]["likely_spun"] is False and data["a"]["spin_score"] > 1.0


def test_a_small_gain_makes_only_a_weak_flag():
    bigrams = {**BIGRAMS, ("their", "planetary"): -14.0, ("their", "space"): -9.5, ("planetary", "assets"): -1.0}
    sentence = "Both want to protect their planetary assets against attacks by rivals."
    [[flag]] = spin.LMSpinScorer(BigramLM(bigrams)).analyse([sentence])
    assert (flag.text, flag.suggestion) == ("planetary", "space")
    assert 3.5 <= flag.score < 5.0 and flag.pmi < -1.0
    assert not flag.is_strong(spin.Thresholds())
    assert spin.LMSpinScorer(BigramLM(bigrams), spin.Thresholds(min_weak_gain=5.0)).analyse([sentence]) == [[]]


def test_a_neighbour_far_down_the_models_ranking_is_still_tried():
    # The model's top word after "of" is no synonym of "pleasure"; "convenience" ranks second and
    # is only the fifth-nearest neighbour, so neither the top-1 list nor the nearest four hold it.
    bigrams = {**BIGRAMS, ("of", "people"): -0.5, ("of", "convenience"): -3.0}
    near = {"pleasure": ["delight", "joy", "enjoyment", "satisfaction", "convenience"]}
    sentence = "The two rival countries are now in a relationship of pleasure on trade and arms."
    scorer = spin.LMSpinScorer(BigramLM(bigrams, near=near), spin.Thresholds(top_k=1))
    [[flag]] = scorer.analyse([sentence])
    assert (flag.text, flag.suggestion) == ("pleasure", "convenience")


class TopicLM(BigramLM):
    """The bigram fake, except that a text mentioning ``topic`` is read with ``on_topic`` too,
    so what the model expects depends on what came before, as a real one's does."""

    def __init__(self, bigrams, topic: str, on_topic: dict, **kwargs) -> None:
        super().__init__(bigrams, **kwargs)
        self.off_topic, self.topic, self.on_topic = dict(bigrams), topic, on_topic

    def score_tokens(self, texts, top_k=0, probes=None):
        results = []
        for number, text in enumerate(texts):
            self.bigrams = {**self.off_topic, **self.on_topic} if self.topic in text else self.off_topic
            results += super().score_tokens([text], top_k, [probes[number]] if probes else None)
        return results


def test_the_swap_is_rescored_after_the_previous_sentence():
    """Out of context "in area" and "in space" read the same; after a sentence about satellites only
    "space" fits. The rescoring must see that sentence too, not only the words around the swap."""
    lm = TopicLM(
        {("in", "area"): -6.0, ("in", "space"): -6.0},
        topic="satellites",
        on_topic={("in", "area"): -12.0, ("in", "space"): -1.0},
    )
    sentence = "Japan made major advancements in area operations over the past decade."
    [flags] = spin.LMSpinScorer(lm).analyse([sentence], contexts=["Tokyo launched two more satellites."])
    assert [(f.text, f.suggestion) for f in flags] == [("area", "space")]
    assert flags[0].score >= 10.0
    assert spin.LMSpinScorer(lm).analyse([sentence], contexts=["Tokyo held an election."]) == [[]]


def test_the_documents_own_wording_beats_a_likelier_loose_synonym():
    """ "regional" makes the sentence likelier than "space" does, but the document says "space
    security" elsewhere, and a spinner rarely swaps every occurrence of a term."""
    fillers = [f"{a}{b}zone" for a in "bcdfg" for b in "aeiou"] * 2
    bigrams = {("improve", "area"): -12.0, ("improve", "regional"): -5.0, ("improve", "space"): -7.5}
    scorer = spin.LMSpinScorer(BigramLM(bigrams, near={"area": ["space", *fillers, "regional"]}))
    sentences = [
        "The new unit aims to improve area security for the allies in the region.",
        "Tokyo also raised spending on space security last year.",
        "Space security matters.",
    ]
    [flag], _, _ = scorer.analyse(sentences, extra_candidates=spin.document_variants(sentences))
    assert (flag.text, flag.suggestion) == ("area", "space") and "document" in flag.signals
    # Without the document's "space security", the likelier loose synonym is the best guess.
    [[flag]] = scorer.analyse(sentences[:1])
    assert (flag.text, flag.suggestion) == ("area", "regional")


def test_a_candidate_that_spoils_the_words_after_it_is_not_the_suggestion():
    """ "strategic" reads better than "logical" after "and", but "strategic self-interest" less
    well than "rational self-interest": the candidate must explain the words after it too."""
    bigrams = {
        ("and", "logical"): -13.0,
        ("and", "strategic"): -6.5,
        ("and", "rational"): -9.0,
        ("logical", "self"): -5.0,
        ("strategic", "self"): -6.2,
        ("rational", "self"): -3.6,
    }
    sentence = "They share a dislike of the global order and logical self-interest."
    [[flag]] = spin.LMSpinScorer(BigramLM(bigrams, near={"logical": ["strategic", "rational"]})).analyse([sentence])
    assert (flag.text, flag.suggestion) == ("logical", "rational")
    assert flag.rest_gain > 0


def test_a_word_the_context_would_rather_see_spelt_differently_is_a_typo_not_spin():
    bigrams = {("security", "treat"): -12.0, ("security", "treaty"): -1.0, ("security", "deal"): -3.0}
    sentence = "They discussed the scope of the security treat with allies and partners."
    scorer = spin.LMSpinScorer(BigramLM(bigrams, near={"treat": ["deal", "pact"]}))
    assert scorer.analyse([sentence]) == [[]]
    # Were "treaty" not the likelier reading, "deal" would be the suggestion.
    bigrams[("security", "treaty")] = -14.0
    [[flag]] = spin.LMSpinScorer(BigramLM(bigrams, near={"treat": ["deal", "pact"]})).analyse([sentence])
    assert (flag.text, flag.suggestion) == ("treat", "deal")


def test_a_word_the_context_would_rather_see_inflected_is_still_examined():
    """Spinners ignore agreement: "weapon protection" for "missile defense" reads better as
    "weapons protection", which says nothing about whether "weapon" was swapped."""
    bigrams = {("on", "weapon"): -12.0, ("on", "weapons"): -2.0, ("on", "missile"): -1.0}
    sentence = "They agreed to cooperate on weapon protection and satellite tracking."
    [[flag]] = spin.LMSpinScorer(BigramLM(bigrams, near={"weapon": ["missile", "weapons"]})).analyse([sentence])
    assert (flag.text, flag.suggestion) == ("weapon", "missile")


def test_spin_score_per_document_is_in_the_json_documents_and_the_documents_table():
    from rich.console import Console

    from factcheck.model import RunResult
    from factcheck.reporters.json import result_data
    from factcheck.reporters.terminal import documents_table

    texts = {
        "a": "The two rival countries are now in a relationship of pleasure on trade and arms.",
        "b": "Rain is expected in the north of the country on Thursday, forecasters said.",
    }
    findings, data = run(texts, standalone_gain=10.0)
    corpus = corpus_of(texts).evolve(findings=tuple(findings), extras={"checks": {"garbled-wording": data}})
    documents = {doc["id"]: doc for doc in result_data(RunResult(corpus=corpus, settings=Settings()))["documents"]}
    assert documents["a"]["spin_score"] == data["a"]["spin_score"] > 0
    assert documents["b"]["spin_score"] == 0.0 and documents["b"]["likely_spun"] is False
    console = Console(width=200, record=True)
    console.print(documents_table(corpus))
    table = console.export_text()
    assert "spin score" in table and f"{data['a']['spin_score']:.2f}" in table
    # Without the check's data there is no spin column and no score.
    assert result_data(RunResult(corpus=corpus_of(texts), settings=Settings()))["documents"][0]["spin_score"] is None


def test_the_wording_section_lists_a_spun_documents_swaps_one_a_line_under_it():
    from rich.console import Console

    from factcheck.reporters.terminal import spin_section

    swaps = [f"phrase {n} of a long spun sentence -> phrase {n} of the original sentence" for n in range(7)]
    data = {
        "a": {"spin_score": 0.9, "likely_spun": True, "top": swaps},
        "b": {"spin_score": 0.0, "likely_spun": False, "top": []},
    }
    section = spin_section(corpus_of({"a": "x", "b": "y"}).evolve(extras={"checks": {"garbled-wording": data}}))
    console = Console(width=60, record=True)
    console.print(section)
    lines = console.export_text().splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("a "))
    assert "likely spun copy" in lines[start]
    end = next(i for i, line in enumerate(lines) if line.strip().startswith("b "))
    # The first five swaps, indented under the document even where one wraps, then the next document.
    listed = lines[start + 1 : end]
    assert listed and all(line.startswith("      ") for line in listed)
    told = " ".join(line.strip() for line in listed)
    assert all(swap in told for swap in swaps[:5]) and swaps[5] not in told
    assert "likely spun" not in lines[end]


def test_the_title_before_a_name_is_examined_but_not_the_name():
    sentence = "The plan was approved on Monday, according to Brigade General Anthony Smith of the Air Force."
    name = (sentence.index("Anthony"), sentence.index(" of the Air"))
    words = spin.words_of(sentence)
    examined = {words[i].text for i in spin.content_word_indices(sentence, words, [name])}
    assert {"Brigade", "General"} <= examined
    assert not examined & {"The", "Anthony", "Smith", "Air", "Force", "Monday"}
    # Without a name after them, capitalised words are left alone as before.
    assert "Brigade" not in {words[i].text for i in spin.content_word_indices(sentence, words)}


def test_a_swapped_title_word_is_flagged_with_its_original_capitalised():
    lm = BigramLM(
        {
            ("to", "Brigade"): -12.0,
            ("to", "Brigadier"): -2.0,
            ("brigade", "General"): -9.0,
            ("brigadier", "General"): -0.5,
        },
        near={"brigade": ["brigadier", "battalion"], "general": ["colonel"]},
    )
    sentence = "The plan was approved on Monday, according to Brigade General Anthony Smith of the Air Force."
    name = (sentence.index("Anthony"), sentence.index(" of the Air"))
    [flags] = spin.LMSpinScorer(lm).analyse([sentence], skips=[[name]])
    [flag] = flags
    assert (flag.text, flag.suggestion) == ("Brigade", "Brigadier")
    assert flag.score >= 5.0


def test_a_piece_the_model_does_not_keep_is_spelt_with_pieces_it_does():
    from factcheck.nlp.lm import GemmaLM

    lm = GemmaLM()  # nothing is loaded: only the spelling of pieces is exercised
    kept = ["\u2581Mast", "\u2581Ma", "al", "ir", "a", "l", "i", "r", "\u2581"] + [f"<0x{b:02X}>" for b in range(256)]
    lm._row = {piece: row for row, piece in enumerate(kept)}
    assert lm._spell("\u2581Mastalir") == [(0, 0, 5), (2, 5, 7), (3, 7, 9)]
    # A character no kept piece holds is spelt in its UTF-8 bytes, each covering that character.
    spelt = lm._spell("a\u6771")
    assert spelt[0] == (4, 0, 1)
    assert [kept[row] for row, _, _ in spelt[1:]] == ["<0xE6>", "<0x9D>", "<0xB1>"]
    assert all((first, last) == (1, 2) for _, first, last in spelt[1:])


@pytest.mark.slow
def test_gemma_reads_text_outside_its_english_vocabulary_without_losing_offsets():
    from factcheck.nlp.lm import load_lm

    lm = load_lm()
    text = "Brigadier General Anthony Mastalir met Pekkanen in 東京 and Zürich on Tuesday."
    [tokens] = lm.score_tokens([text])
    covered = {i for t in tokens for i in range(t.start, t.end)}
    assert all(i in covered for i, char in enumerate(text) if not char.isspace())
    assert all(t.logprob <= 0.0 and t.logprob > -60.0 for t in tokens)


def test_overlapping_sentences_are_found_through_the_index_exactly_as_by_comparing_every_pair():
    import random

    from factcheck.nlp.spin.words import word_set

    # Few words, so many sentences overlap by every amount; some share words within one document.
    vocabulary = "harbour board pier metres council vote plan work cost million pounds chair years".split()
    pick = random.Random(7)
    sentences_by_doc = {}
    for doc in range(12):
        text_start, sentences = 0, []
        for _ in range(6):
            text = " ".join(pick.choice(vocabulary) for _ in range(pick.randint(3, 9))) + "."
            sentences.append(spin.Sentence(f"d{doc:02d}", text_start, text_start + len(text), text))
            text_start += len(text) + 1
        sentences_by_doc[f"d{doc:02d}"] = sentences
    index = spin.SentenceIndex()
    for doc_id, sentences in sentences_by_doc.items():
        index.add(doc_id, sentences)
    for min_overlap in (0.1, 0.3, 0.5, 0.9, 1.0):
        every_pair = {
            (spin.SentencePlace(a.doc, a.start, a.end), spin.SentencePlace(b.doc, b.start, b.end))
            for doc_a in sentences_by_doc
            for doc_b in sentences_by_doc
            if doc_a < doc_b
            for a in sentences_by_doc[doc_a]
            for b in sentences_by_doc[doc_b]
            if min(len(word_set(a.text)), len(word_set(b.text))) >= 4
            and len(word_set(a.text) & word_set(b.text)) / len(word_set(a.text) | word_set(b.text)) >= min_overlap
        }
        assert index.overlapping_pairs(min_overlap) == every_pair
        assert every_pair or min_overlap >= 0.9
