"""Benchmark garbled-wording on synthetic spun text: recall, precision, false alarms, speed.

The spun sets are built here, at benchmark time, from clean BBC sentences
(``../shared/corpora/bbc/articles.jsonl``; the corpus is not shipped), one lower-case content
word swapped per sentence, two ways:

* ``embedding``: for one of its nearest neighbours in Gemma's own input embedding space (a
  near-synonym or a related word of the same frequency band, never an inflection or a typo of
  it). The detector searches the same space, so this set flatters its recall.
* ``thesaurus``: as a thesaurus-driven spinner does, for a WordNet synonym of the word in its
  part of speech (spaCy's tag; base forms only), from the word's two commonest senses (and, for
  adjectives, the "similar to" sets), commonest first by wordfreq. WordNet 3.0 comes from
  Debian's ``wordnet-base`` package (``apt-get install wordnet-base``), read from
  /usr/share/wordnet; the set is skipped with a note when it is missing.

No list of known tortured phrases is involved.

Sentences are split deterministically into a calibration half (tune thresholds on it) and a
held-out half (report it). Usage::

    python benchmarks/garbled.py [--sentences 40] [--split heldout|calibration] [--corpus PATH] [--cache-dir DIR]

``--documents`` measures the checks as a user runs them instead: the seeds and/or ``--articles N``
BBC articles (split by a hash of the article id, like the sentences) through the pipeline, then
garbled-wording and divergence timed on their own: the first pass over every sentence plus the
model on the sentences it picks, in sentences per second over all sentences, with the phrases
reported per document. ``--read-all`` makes the model read every sentence (the check without its
first pass), for comparison.

Speed is printed as sentences per second (wall) and CPU seconds per sentence (less affected by a
busy machine), with the process's peak resident memory.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import resource
import time
from dataclasses import dataclass
from pathlib import Path

from factcheck.nlp import spin
from factcheck.nlp.lm import load_lm
from factcheck.nlp.sentences import split_sentences

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc" / "articles.jsonl"


def clean_sentences(corpus: Path) -> list[tuple[str, str]]:
    """(previous sentence, sentence) for prose sentences of 12-35 words without quotes or line
    breaks, deduplicated, sorted. The previous sentence is the context the check reads first."""
    found = {}
    for line in corpus.read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        body = text.split("\n", 1)[1] if "\n" in text else text
        previous = ""
        for start, end in split_sentences(body):
            sentence = body[start:end].strip()
            words = sentence.split()
            if 12 <= len(words) <= 35 and '"' not in sentence and "\n" not in sentence:
                found.setdefault(sentence, previous)
            previous = sentence
    return sorted((context, sentence) for sentence, context in found.items())


def split_of(sentence: str) -> str:
    return "calibration" if int(hashlib.sha256(sentence.encode()).hexdigest(), 16) % 2 == 0 else "heldout"


@dataclass(frozen=True)
class Swap:
    """A spun sentence: where the substitute stands in it and the word it replaced."""

    spun: str
    start: int
    end: int
    original: str


class EmbeddingSpinner:
    """Swap a word for a near neighbour in the LM's input embeddings (whole-word tokens only)."""

    def __init__(self, lm) -> None:
        import numpy as np

        lexicon = lm.lexicon()
        words, vectors = lexicon.words, lexicon.vectors
        keep = [row for row, word in enumerate(words) if word not in spin.STOPWORDS]
        self.matrix = np.asarray(vectors)[keep]
        self.words = [words[row] for row in keep]
        self.index = {word: row for row, word in enumerate(self.words)}

    def neighbours(self, word: str, count: int = 8) -> list[str]:
        import numpy as np

        row = self.index.get(word)
        if row is None:
            return []
        similarity = self.matrix @ self.matrix[row]
        order = np.lexsort((np.arange(len(self.words)), -similarity))[: count * 4].tolist()
        return [self.words[i] for i in order if i != row and not spin.is_variant(self.words[i], word)][:count]

    name = "embedding"

    def spin(self, sentence: str, rng: random.Random) -> Swap | None:
        """The sentence with one word swapped, or None when no word can be swapped."""
        words = spin.words_of(sentence)
        choices = [i for i in spin.content_word_indices(sentence, words) if words[i].text in self.index]
        rng.shuffle(choices)
        for index in choices:
            neighbours = self.neighbours(words[index].text)
            if neighbours:
                substitute = neighbours[rng.randrange(min(3, len(neighbours)))]
                word = words[index]
                spun = sentence[: word.start] + substitute + sentence[word.end :]
                return Swap(spun, word.start, word.start + len(substitute), word.text)
        return None


WORDNET = Path("/usr/share/wordnet")
_WORDNET_POS = {"NOUN": "noun", "VERB": "verb", "ADJ": "adj", "ADV": "adv"}


class ThesaurusSpinner:
    """Swap a word for a WordNet synonym in its part of speech, as a thesaurus-driven spinner does."""

    name = "thesaurus"

    def __init__(self, root: Path = WORDNET, senses: int = 2) -> None:
        from factcheck.stages.extract import load_spacy

        self.nlp = load_spacy()
        self.senses = senses
        self.index: dict[tuple[str, str], list[str]] = {}
        self.synsets: dict[tuple[str, str], tuple[list[str], list[str]]] = {}
        for pos in _WORDNET_POS.values():
            for line in (root / f"index.{pos}").read_text(encoding="utf-8").splitlines():
                if line.startswith(" "):
                    continue
                fields = line.split()
                count = int(fields[2])
                self.index[(pos, fields[0])] = fields[len(fields) - count :]
            for line in (root / f"data.{pos}").read_text(encoding="utf-8").splitlines():
                if line.startswith(" "):
                    continue
                fields = line.split(" | ")[0].split()
                words_in = int(fields[3], 16)
                words = [re.sub(r"\(.*\)$", "", fields[4 + 2 * i]) for i in range(words_in)]
                pointer_at = 4 + 2 * words_in
                similar = []
                for k in range(int(fields[pointer_at])):
                    symbol, offset = fields[pointer_at + 1 + 4 * k], fields[pointer_at + 2 + 4 * k]
                    if symbol == "&":
                        similar.append(offset)
                self.synsets[(pos, fields[0])] = (words, similar)

    def synonyms(self, word: str, pos: str) -> list[str]:
        """Single-word synonyms from the word's commonest senses, commonest word first."""
        found: list[str] = []
        for offset in self.index.get((pos, word), [])[: self.senses]:
            words, similar = self.synsets.get((pos, offset), ([], []))
            found += words
            for other in similar:
                found += self.synsets.get((pos, other), ([], []))[0]
        usable = {
            w
            for w in found
            if w.isalpha() and w.islower() and w not in spin.STOPWORDS and spin.zipf(w) >= 3.0
            if not spin.is_variant(w, word)
        }
        return sorted(usable, key=lambda w: (-spin.zipf(w), w))

    def spin(self, sentence: str, rng: random.Random) -> Swap | None:
        tokens = {token.idx: token for token in self.nlp(sentence)}
        words = spin.words_of(sentence)
        choices = spin.content_word_indices(sentence, words)
        rng.shuffle(choices)
        for index in choices:
            word = words[index]
            token = tokens.get(word.start)
            if token is None or token.text != word.text or token.lemma_ != word.text or token.pos_ not in _WORDNET_POS:
                continue
            synonyms = self.synonyms(word.text, _WORDNET_POS[token.pos_])
            if synonyms:
                substitute = synonyms[rng.randrange(min(3, len(synonyms)))]
                spun = sentence[: word.start] + substitute + sentence[word.end :]
                return Swap(spun, word.start, word.start + len(substitute), word.text)
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sentences", type=int, default=40, help="spun and clean sentences each")
    parser.add_argument("--split", choices=("heldout", "calibration"), default="heldout")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument(
        "--cache-dir",
        type=Path,
        default=os.environ.get("FACTCHECK_CACHE_DIR") or None,
        help="where the converted model lives (default: FACTCHECK_CACHE_DIR or the user cache)",
    )
    parser.add_argument("--show", action="store_true", help="print each swap and what was flagged")
    parser.add_argument("--documents", action="store_true", help="run the checks on whole documents (see above)")
    parser.add_argument(
        "--seeds",
        nargs="?",
        const="all",
        default="",
        metavar="PREFIXES",
        help="with --documents: include the seeds (all, or those whose names start with one of 000,003,...)",
    )
    parser.add_argument("--articles", type=int, default=0, help="with --documents: this many BBC articles")
    parser.add_argument("--read-all", action="store_true", help="with --documents: the model reads every sentence")
    parser.add_argument(
        "--threshold",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="override a spin threshold (calibration split only)",
    )
    args = parser.parse_args(argv)
    if args.documents:
        return documents_benchmark(args)

    pool = [(c, s) for c, s in clean_sentences(args.corpus) if split_of(s) == args.split]
    lm = load_lm(args.cache_dir)
    spinners: list = [EmbeddingSpinner(lm)]
    if WORDNET.joinpath("index.noun").exists():
        spinners.append(ThesaurusSpinner())
    else:
        print(f"thesaurus swap set skipped: no WordNet in {WORDNET} (apt-get install wordnet-base)")
    overrides = {name: float(value) for name, value in (item.split("=", 1) for item in args.threshold)}
    defaults = spin.Thresholds()
    thresholds = spin.Thresholds(
        **{name: type(getattr(defaults, name))(value) for name, value in overrides.items()},
        **{k: v for k, v in vars(defaults).items() if k not in overrides},
    )
    lm.score_tokens(["Loaded before the clock starts."])
    for spinner in spinners:
        evaluate(spinner, pool, lm, thresholds, args)
    return 0


def evaluate(spinner, pool: list[tuple[str, str]], lm, thresholds: spin.Thresholds, args: argparse.Namespace) -> None:
    """One swap set: ``args.sentences`` spun and as many clean sentences from ``pool``, scored and printed."""
    rng = random.Random(20)
    pool = list(pool)
    rng.shuffle(pool)
    spun_items: list[Swap] = []
    clean_items: list[str] = []
    contexts: list[str] = []
    clean_contexts: list[str] = []
    for context, sentence in pool:
        if len(spun_items) < args.sentences:
            made = spinner.spin(sentence, rng)
            if made:
                spun_items.append(made)
                contexts.append(context)
                continue
        if len(clean_items) < args.sentences:
            clean_items.append(sentence)
            clean_contexts.append(context)
        if len(spun_items) >= args.sentences and len(clean_items) >= args.sentences:
            break

    scorer = spin.LMSpinScorer(lm, thresholds)
    texts = [item.spun for item in spun_items] + clean_items
    started, cpu_started = time.perf_counter(), time.process_time()
    results = scorer.analyse(texts, contexts=contexts + clean_contexts)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started

    print(
        f"swap set: {spinner.name}; split: {args.split}; {len(spun_items)} spun and {len(clean_items)} clean "
        f"sentences (each read after its previous sentence)"
    )
    # Strong flags are what the check reports on their own (and what the spin score counts);
    # weak ones it shows only in a document judged spun (and only those ``is_shown`` keeps).
    for tier, keep in (
        ("strong", lambda flag: flag.is_strong(thresholds)),
        ("all", lambda flag: flag.is_shown(thresholds)),
    ):
        kept = [[flag for flag in flags if keep(flag)] for flags in results]
        hits = flags_total = suggestions_right = 0
        for item, flags in zip(spun_items, kept):
            flags_total += len(flags)
            hit = [f for f in flags if f.start < item.end and item.start < f.end]
            if hit:
                hits += 1
                suggestions_right += hit[0].suggestion.casefold() == item.original.casefold()
        clean_flags = sum(len(flags) for flags in kept[len(spun_items) :])
        flags_total += clean_flags
        recall = hits / len(spun_items) if spun_items else 0.0
        precision = hits / flags_total if flags_total else 1.0
        print(
            f"  {tier} flags: recall {recall:.2f}, precision {precision:.2f}, suggestion = original "
            f"{suggestions_right}/{hits}, false alarms per 100 clean sentences "
            f"{100.0 * clean_flags / max(1, len(clean_items)):.1f}"
        )
    print(
        f"  speed (the model reading every sentence): {len(texts) / elapsed:.2f} sentences/s ({elapsed:.0f} s, "
        f"uncached); {cpu / len(texts):.3f} CPU-s per sentence; "
        f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"
    )
    if args.show:
        for item, flags in zip(spun_items, results):
            print(
                "  ",
                repr(item.spun[item.start : item.end]),
                "<-",
                item.original,
                [(f.text, f.suggestion, f.score, f.rest_gain, round(f.pmi, 2)) for f in flags],
            )
        for sentence, flags in zip(clean_items, results[len(spun_items) :]):
            if flags:
                print(
                    "  clean:",
                    [(f.text, f.suggestion, f.score, f.rest_gain, round(f.pmi, 2)) for f in flags],
                    sentence[:90],
                )


def article_split(article_id: str) -> str:
    return "calibration" if int(hashlib.sha256(article_id.encode()).hexdigest(), 16) % 2 == 0 else "heldout"


def documents_benchmark(args: argparse.Namespace) -> int:
    """The two checks on whole documents, timed apart from the stages before them."""
    import tempfile

    from factcheck.checks.base import CheckContext
    from factcheck.checks.divergence import DivergenceCheck
    from factcheck.checks.garbled_wording import GarbledWordingCheck
    from factcheck.config import Settings
    from factcheck.pipeline import run

    folder = Path(tempfile.mkdtemp(prefix="garbled-docs-"))
    if args.seeds:
        for path in sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt")):
            if args.seeds != "all" and not path.name.startswith(tuple(args.seeds.split(","))):
                continue
            (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    written = 0
    with args.corpus.open(encoding="utf-8") as lines:
        for line in lines:
            if written >= args.articles:
                break
            article = json.loads(line)
            if article_split(article["id"]) != args.split:
                continue
            (folder / f"bbc_{article['id'].replace('/', '_')}.txt").write_text(article["text"], encoding="utf-8")
            written += 1
    thresholds = {f"garbled-wording.{name}": float(value) for name, value in (t.split("=", 1) for t in args.threshold)}
    if args.read_all:
        thresholds["garbled-wording.read_all"] = 1.0
    settings = Settings(
        paths=(folder,),
        use_cache=False,
        ledger_dir=None,
        resolutions=None,
        thresholds=thresholds,
        cache_dir=args.cache_dir,
    )
    corpus = run(settings, checks=[]).corpus
    load_lm(args.cache_dir).score_tokens(["Loaded before the clock starts."])
    sentences = sum(
        len(spin.document_sentences(corpus.text_of(doc.id), settings.max_sentence_chars)) for doc in corpus.documents
    )
    context = CheckContext(settings=settings)
    started, cpu_started = time.perf_counter(), time.process_time()
    garbled = GarbledWordingCheck()
    findings = list(garbled.run(corpus, context))
    garbled_seconds = time.perf_counter() - started
    findings += list(DivergenceCheck().run(corpus, context))
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    scores = garbled.spin_scores()
    phrases: dict[str, list] = {doc.id: [] for doc in corpus.documents}
    for finding in findings:
        if finding.code == "FC020" and "spin-score" not in finding.data["signals"]:
            phrases[finding.evidence[0].doc].append(finding)
    read = sum(done for done, _ in garbled._read.values())
    print(
        f"{len(corpus.documents)} documents ({written} BBC articles, split {args.split}; seeds: {args.seeds}), "
        f"{sentences} sentences; the model read {read} ({100.0 * read / max(1, sentences):.0f}%)"
    )
    print(
        f"speed: {sentences / elapsed:.1f} sentences/s over all sentences ({elapsed:.0f} s wall, garbled-wording "
        f"{garbled_seconds:.0f} s); {cpu / max(1, sentences):.3f} CPU-s per sentence "
        f"({2 * sentences / max(cpu, 1e-9):.1f} sentences/s if two cores did nothing else); "
        f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB (whole pipeline)"
    )
    bbc = [doc_id for doc_id in phrases if doc_id.startswith("bbc_")]
    if bbc:
        reported = sum(len(phrases[doc_id]) for doc_id in bbc)
        spun = sum(1 for doc_id in bbc if scores.get(doc_id, {}).get("likely_spun"))
        print(
            f"BBC: {reported} phrases in {len(bbc)} articles ({10.0 * reported / len(bbc):.2f} per 10), {spun} judged spun"
        )
    divergent = [f for f in findings if f.code == "FC021"]
    print(f"divergence: {len(divergent)} findings")
    for doc_id in sorted(phrases):
        summary = scores.get(doc_id, {})
        done, total = garbled._read.get(doc_id, (0, 0))
        if phrases[doc_id] or summary.get("likely_spun") or not doc_id.startswith("bbc_"):
            print(
                f"{doc_id}: likely spun {summary.get('likely_spun')}, score {summary.get('spin_score')}, "
                f"{len(phrases[doc_id])} phrases, read {done}/{total} sentences"
            )
            if args.show:
                for finding in phrases[doc_id]:
                    print(
                        f"    {finding.data['phrase']} -> {finding.data['suggested_phrase']} ({finding.data['score']})"
                    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
