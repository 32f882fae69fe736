"""Numbers as written, in digits or in words, with the precision their writing implies."""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.nlp.numbers import SCALES, TENS, UNITS
from factcheck.nlp.quantities.lexicon import DIGIT_NUMBER, WORD_NUMBER

# --------------------------------------------------------------------------- numbers


@dataclass
class WrittenNumber:
    """One number in the text, with the steps its writing implies ('5,000': 1; '1.2 million': 100,000)."""

    start: int
    end: int
    value: float
    step: float  # the rounding step of the written precision
    significant_step: float  # the step of the last significant digit
    word: bool = False
    fraction: bool = False
    bare_one: bool = False


def _digit_number(match: re.Match[str]) -> WrittenNumber:
    raw = match.group().replace(",", "")
    value = float(raw)
    if "." in raw:
        step = 10.0 ** -len(raw.split(".")[1])
        significant = step
    else:
        step = 1.0
        stripped = raw.rstrip("0")
        significant = 10.0 ** (len(raw) - len(stripped)) if stripped else 1.0
    return WrittenNumber(match.start(), match.end(), value, step, significant)


def _word_number(text: str, match: re.Match[str]) -> WrittenNumber | None:
    """Parse a run of number words, cutting it where the words stop forming one number."""
    tokens = list(re.finditer(r"[A-Za-z]+", match.group()))
    base = match.start()
    total = 0.0
    current = 0.0
    last_kind = ""
    last_end = None
    smallest_scale = 1.0
    start_index = 0
    if match["a"]:
        current = 1.0
        start_index = 1
        last_kind = "small"
    for token in tokens[start_index:]:
        word = token.group().casefold()
        if word == "and":
            if last_kind != "scale":
                break
            continue
        if word in UNITS:
            if last_kind in {"small"} or (last_kind == "tens" and UNITS[word] >= 10):
                break
            current += UNITS[word]
            kind = "small"
        elif word in TENS:
            if last_kind in {"small", "tens"}:
                break
            current += TENS[word]
            kind = "tens"
        elif word == "dozen":
            if last_kind not in {"small", "tens"}:
                break
            current *= 12
            kind = "scale"
        else:
            scale = SCALES[word]
            if last_kind not in {"small", "tens", "scale"} or current == 0 and total == 0:
                break
            if scale == 100:
                current *= 100
            else:
                total += current * scale
                current = 0.0
            smallest_scale = scale
            kind = "scale"
        last_kind = kind
        last_end = base + token.end()
    if last_end is None:
        return None
    value = total + current
    words = text[match.start() : last_end]
    bare_one = words.casefold() == "one"
    step = smallest_scale if last_kind == "scale" else 1.0
    significant = step if last_kind == "scale" else (10.0 if value % 10 == 0 and value >= 10 else 1.0)
    return WrittenNumber(match.start(), last_end, value, step, significant, word=True, bare_one=bare_one)


def numbers_in(text: str) -> list[WrittenNumber]:
    numbers = [_digit_number(m) for m in DIGIT_NUMBER.finditer(text)]
    for match in WORD_NUMBER.finditer(text):
        number = _word_number(text, match)
        if number is not None:
            numbers.append(number)
    return numbers
