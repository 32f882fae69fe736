"""Benchmark garbled-wording on synthetic spun text: recall, precision, false alarms, speed.

The spun set is built here, at benchmark time, from clean BBC sentences
(``../shared/corpora/bbc/articles.jsonl``; the corpus is not shipped): a generic spinner swaps one
lower-case content word per sentence for one of its nearest neighbours in Gemma's own input
embedding space (a near-synonym or a related word of the same frequency band, never an
inflection or a typo of it). No list of known tortured phrases is involved.

Sentences are split deterministically into a calibration half (tune thresholds on it) and a
held-out half (report it). Usage::

    python benchmarks/garbled.py [--sentences 40] [--split heldout|calibration] [--corpus PATH] [--cache-dir DIR]

Speed is printed as sentences per second (wall) and CPU seconds per sentence (less affected by a
busy machine), with the process's peak resident memory.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import time
from pathlib import Path

from factcheck.nlp import spin
from factcheck.nlp.lm import load_lm

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc" / "articles.jsonl"


def clean_sentences(corpus: Path) -> list[tuple[str, str]]:
    """(previous sentence, sentence) for prose sentences of 12-35 words without quotes or line
    breaks, deduplicated, sorted. The previous sentence is the context the check reads first."""
    found = {}
    for line in corpus.read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        body = text.split("\n", 1)[1] if "\n" in text else text
        previous = ""
        for start, end in spin.split_sentences(body):
            sentence = body[start:end].strip()
            words = sentence.split()
            if 12 <= len(words) <= 35 and '"' not in sentence and "\n" not in sentence:
                found.setdefault(sentence, previous)
            previous = sentence
    return sorted((context, sentence) for sentence, context in found.items())


def split_of(sentence: str) -> str:
    return "calibration" if int(hashlib.sha256(sentence.encode()).hexdigest(), 16) % 2 == 0 else "heldout"


class EmbeddingSpinner:
    """Swap a word for a near neighbour in the LM's input embeddings (whole-word tokens only)."""

    def __init__(self, lm) -> None:
        import numpy as np

        words, vectors = lm.lexicon()
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

    def spin(self, sentence: str, rng: random.Random) -> tuple[str, int, int, str] | None:
        """(spun sentence, start, end, original word) or None when no word can be swapped."""
        words = spin.words_of(sentence)
        choices = [i for i in spin.content_word_indices(sentence, words) if words[i].text in self.index]
        rng.shuffle(choices)
        for index in choices:
            neighbours = self.neighbours(words[index].text)
            if neighbours:
                substitute = neighbours[rng.randrange(min(3, len(neighbours)))]
                word = words[index]
                spun = sentence[: word.start] + substitute + sentence[word.end :]
                return spun, word.start, word.start + len(substitute), word.text
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
    parser.add_argument(
        "--threshold",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="override a spin threshold (calibration split only)",
    )
    args = parser.parse_args(argv)

    rng = random.Random(20)
    pool = [(c, s) for c, s in clean_sentences(args.corpus) if split_of(s) == args.split]
    rng.shuffle(pool)
    lm = load_lm(args.cache_dir)
    spinner = EmbeddingSpinner(lm)
    spun_items, clean_items, contexts, clean_contexts = [], [], [], []
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

    overrides = {name: float(value) for name, value in (item.split("=", 1) for item in args.threshold)}
    defaults = spin.Thresholds()
    thresholds = spin.Thresholds(
        **{name: type(getattr(defaults, name))(value) for name, value in overrides.items()},
        **{k: v for k, v in vars(defaults).items() if k not in overrides},
    )
    scorer = spin.LMSpinScorer(lm, thresholds)
    texts = [item[0] for item in spun_items] + clean_items
    lm.score_tokens(["Loaded before the clock starts."])
    started, cpu_started = time.perf_counter(), time.process_time()
    results = scorer.analyse(texts, contexts=contexts + clean_contexts)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started

    print(
        f"split: {args.split}; {len(spun_items)} spun and {len(clean_items)} clean sentences "
        f"(each read after its previous sentence)"
    )
    # Strong flags are what the check reports on their own (and what the spin score counts);
    # weak ones it shows only in a document judged spun.
    for tier, keep in (("strong", lambda flag: flag.is_strong(thresholds)), ("all", lambda flag: True)):
        kept = [[flag for flag in flags if keep(flag)] for flags in results]
        hits = flags_total = suggestions_right = 0
        for (spun, start, end, original), flags in zip(spun_items, kept):
            flags_total += len(flags)
            hit = [f for f in flags if f.start < end and start < f.end]
            if hit:
                hits += 1
                suggestions_right += hit[0].suggestion.casefold() == original.casefold()
        clean_flags = sum(len(flags) for flags in kept[len(spun_items) :])
        flags_total += clean_flags
        recall = hits / len(spun_items) if spun_items else 0.0
        precision = hits / flags_total if flags_total else 1.0
        print(
            f"{tier} flags: recall {recall:.2f}, precision {precision:.2f}, suggestion = original "
            f"{suggestions_right}/{hits}, false alarms per 100 clean sentences "
            f"{100.0 * clean_flags / max(1, len(clean_items)):.1f}"
        )
    print(
        f"speed: {len(texts) / elapsed:.2f} sentences/s ({elapsed:.0f} s, uncached); "
        f"{cpu / len(texts):.3f} CPU-s per sentence; "
        f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"
    )
    if args.show:
        for (spun, start, end, original), flags in zip(spun_items, results):
            print(
                repr(spun[start:end]),
                "<-",
                original,
                [(f.text, f.suggestion, f.score, f.rest_gain, round(f.pmi, 2)) for f in flags],
            )
        for sentence, flags in zip(clean_items, results[len(spun_items) :]):
            if flags:
                print(
                    "clean:",
                    [(f.text, f.suggestion, f.score, f.rest_gain, round(f.pmi, 2)) for f in flags],
                    sentence[:90],
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
