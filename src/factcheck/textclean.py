"""Offset-preserving text repair: hyphenated line breaks, hard wrapping and stray spaces.

``clean_text`` returns the repaired text and, for every character of it, the offset of the
character it came from in the input, so a span of the clean text maps back exactly onto the
original. Every repair only deletes characters or turns a whitespace character into a space
or a newline, so the clean text is a subsequence of the original with some whitespace
rewritten; nothing else is ever changed.

Repairs, in order:

1. ``\\r\\n`` and lone ``\\r`` become ``\\n``; spaces and tabs before a line break are dropped.
2. Hard-wrapped paragraphs are joined: when a document's line breaks look like wrapping
   (a good share of lines continue a sentence begun on the line before), a single line break
   inside a paragraph becomes a space. Blank lines, list items, headings, table rows and
   short lines that end a paragraph keep their breaks. A document whose every line is its
   own paragraph is left alone.
3. A word hyphenated across a line break is joined ("secur-\\nity" -> "security"), unless the
   hyphen is a real one. Evidence, strongest first: the part after the break starts with a
   capital or a digit, or the word already carries a hyphen (keep); the document spells the
   word elsewhere, joined or hyphenated; English word frequencies (wordfreq): a common joined
   word is joined, two common words make a compound ("long-term"); otherwise a single letter
   or a common prefix ("self-", "non-", "co-" ...) keeps its hyphen. A suspended hyphen
   ("long-\\nand short-term") keeps its hyphen and gets a space.
4. Runs of spaces become one; spaces just inside brackets go ("( USSF )" -> "(USSF)"), and so
   do spaces before ``, . ; : ! ?``.
5. An apostrophe spaced off both sides inside a possessive or contraction, as text from
   tokenised sources writes it ("the sheriff ’ s deputy", "don ’ t"), is closed up
   ("the sheriff’s deputy", "don’t"). Only the unambiguous shape is touched: a letter, spaces,
   the apostrophe, spaces, then ``s t re ve ll d m`` as a whole word. A plural possessive
   ("the players ’ union") is left alone: there the apostrophe could as well close a quotation.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

# An edit replaces text[start:end] with the listed characters, each taken from a position
# inside the replaced range: (offset relative to start, the character written there).
Edit = tuple[int, int, tuple[tuple[int, str], ...]]

# Prefixes that keep their hyphen when a compound breaks across lines ("self-\nreliant").
# Kept short on purpose: prefixes usually written solid ("inter", "counter") are left out.
HYPHEN_PREFIXES = frozenset(
    {
        "self",
        "non",
        "co",
        "ex",
        "anti",
        "well",
        "all",
        "half",
        "cross",
        "semi",
        "quasi",
        "pseudo",
        "vice",
        "mid",
        "post",
        "pre",
        "multi",
        "neo",
        "ill",
        "full",
    }
)
# Words after a line-final hyphen that mark a suspended hyphen ("pre-\nand post-war").
_SUSPENDED_NEXT = frozenset({"and", "or", "nor", "to", "as", "than", "versus", "vs"})

_SENTENCE_END = re.compile(r"[.!?:\u2026][\"'\u201d\u2019)\]]*$")
_STRUCTURAL_LINE = re.compile(
    r"^[ \t]*(?:[-*+\u2022\u25aa\u25cf]\s|\d{1,3}[.)]\s|[a-zA-Z][.)]\s|#{1,6}(?:\s|$)|>|\||```|~~~)"
)
_FENCE = re.compile(r"^[ \t]*(?:```|~~~)")
_FIRST_WORD = re.compile(r"\S+")
_LETTER_AT = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class CleanText:
    """Repaired text with its offset map (``len(text) + 1`` entries, the last one past the end)."""

    text: str
    offsets: tuple[int, ...]
    unwrapped: bool = False  # whether hard-wrapped lines were joined


def clean_text(text: str, *, protect: int = 0, unwrap: bool | None = None) -> CleanText:
    """Repair ``text``; the first ``protect`` characters (e.g. front matter) are copied as they are,
    apart from line-break normalisation. ``unwrap`` forces or forbids joining wrapped lines;
    ``None`` decides from the document's own line shapes."""
    current = text
    offsets = list(range(len(text) + 1))

    current, offsets = _apply(current, offsets, _line_break_edits(current))
    floor = bisect.bisect_left(offsets, protect)
    current, offsets = _apply(current, offsets, _regex_edits(current, floor, _TRAILING_SPACE, _delete))
    if unwrap is None:
        unwrap = looks_wrapped(current[floor:])
    if unwrap:
        current, offsets = _apply(current, offsets, _unwrap_edits(current, floor))
    current, offsets = _apply(current, offsets, _hyphen_edits(current, floor))
    for pattern, replace in _SPACE_RULES:
        current, offsets = _apply(current, offsets, _regex_edits(current, floor, pattern, replace))
    return CleanText(text=current, offsets=tuple(offsets), unwrapped=bool(unwrap))


def _apply(text: str, offsets: list[int], edits: Iterable[Edit]) -> tuple[str, list[int]]:
    """Apply sorted, non-overlapping edits to ``text`` and carry the offsets along."""
    edits = list(edits)
    if not edits:
        return text, offsets
    parts: list[str] = []
    new_offsets: list[int] = []
    previous = 0
    for start, end, kept in edits:
        parts.append(text[previous:start])
        new_offsets.extend(offsets[previous:start])
        for relative, char in kept:
            parts.append(char)
            new_offsets.append(offsets[start + relative])
        previous = end
    parts.append(text[previous:])
    new_offsets.extend(offsets[previous:])  # includes the past-the-end entry
    return "".join(parts), new_offsets


def _delete(match: re.Match[str]) -> tuple[tuple[int, str], ...]:
    return ()


def _first_as_space(match: re.Match[str]) -> tuple[tuple[int, str], ...]:
    return ((0, " "),)


def _keep_first(match: re.Match[str]) -> tuple[tuple[int, str], ...]:
    return ((0, match.group()[0]),)


def _keep_apostrophe(match: re.Match[str]) -> tuple[tuple[int, str], ...]:
    apostrophe = match.group().strip(" \t")
    return ((match.group().index(apostrophe), apostrophe),)


# "sheriff ’ s", "don ’ t", "they ' re": the spaces around the apostrophe of a clitic.
_SPACED_APOSTROPHE = re.compile(r"(?<=[^\W\d_])[ \t]+['\u2019][ \t]+(?=(?:s|t|re|ve|ll|d|m)\b)")


_TRAILING_SPACE = re.compile(r"[ \t]+(?=\n|\Z)")
_SPACE_RULES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], tuple[tuple[int, str], ...]]], ...] = (
    (re.compile(r"(?<=\S)[ \t]{2,}"), _first_as_space),  # runs of spaces inside a line
    (re.compile(r"[(\[{][ \t]+(?=\S)"), _keep_first),  # "( USSF" -> "(USSF"
    (re.compile(r"(?<=\S)[ \t]+(?=[)\]}])"), _delete),  # "USSF )" -> "USSF)"
    (re.compile(r"(?<=\S)[ \t]+(?=[,.;:!?](?:\s|\Z))"), _delete),  # "word ," -> "word,"
    (_SPACED_APOSTROPHE, _keep_apostrophe),  # "sheriff ’ s" -> "sheriff’s"
)


def _regex_edits(
    text: str, floor: int, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], tuple[tuple[int, str], ...]]
) -> list[Edit]:
    return [(m.start(), m.end(), replace(m)) for m in pattern.finditer(text, floor)]


def _line_break_edits(text: str) -> list[Edit]:
    edits: list[Edit] = []
    for match in re.finditer(r"\r\n?", text):
        if match.group() == "\r\n":
            edits.append((match.start(), match.end(), ((1, "\n"),)))
        else:
            edits.append((match.start(), match.end(), ((0, "\n"),)))
    return edits


# ---------------------------------------------------------------------------------------------
# Hard wrapping


def _starts_lower(line: str) -> bool:
    stripped = line.lstrip()
    return bool(stripped) and stripped[0].islower()


def _ends_with_break_hyphen(line: str) -> bool:
    return len(line) >= 2 and line.endswith("-") and line[-2].isalnum()


def _line_pairs(text: str) -> list[tuple[str, str]]:
    lines = text.split("\n")
    return [(a, b) for a, b in zip(lines, lines[1:]) if a.strip() and b.strip()]


def looks_wrapped(text: str) -> bool:
    """Whether the text's single line breaks look like hard wrapping rather than paragraphs.

    Wrapped prose breaks lines mid-sentence, so a fair share of lines that follow another
    line start in lower case or continue a hyphenated word; text with one paragraph or
    heading per line almost never does.
    """
    pairs = [(a, b) for a, b in _line_pairs(text) if not _STRUCTURAL_LINE.match(a) and not _STRUCTURAL_LINE.match(b)]
    if len(pairs) < 2:
        return False
    continuing = sum(1 for a, b in pairs if _starts_lower(b) or _ends_with_break_hyphen(a))
    return continuing >= 2 and continuing / len(pairs) >= 0.2


def _wrap_width(lines: list[str]) -> int:
    """The typical full-line width: a high percentile of the lengths of lines followed by text."""
    lengths = sorted(len(a.rstrip()) for a, b in zip(lines, lines[1:]) if a.strip() and b.strip())
    if not lengths:
        return 0
    return lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]


def _unwrap_edits(text: str, floor: int) -> list[Edit]:
    """Turn the line breaks inside wrapped paragraphs into spaces."""
    region = text[floor:]
    lines = region.split("\n")
    width = _wrap_width(lines)
    edits: list[Edit] = []
    position = floor
    in_fence = False
    for line, following in zip(lines, lines[1:]):
        newline_at = position + len(line)
        position = newline_at + 1
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence or not line.strip() or not following.strip():
            continue
        if _ends_with_break_hyphen(line):
            continue  # left to the hyphen repair
        if _STRUCTURAL_LINE.match(following) or line.lstrip().startswith(("#", "|", ">")):
            continue
        first_word = _FIRST_WORD.search(following)
        next_word_len = len(first_word.group()) if first_word else 0
        # A line is full when the next word would not have fitted on it: the break is wrapping.
        full = len(line.rstrip()) + 1 + next_word_len >= 0.85 * width
        if not (full or _starts_lower(following)):
            continue  # a short line before a capital: a heading or the end of a paragraph
        indent = len(following) - len(following.lstrip(" \t"))
        edits.append((newline_at, newline_at + 1 + indent, ((0, " "),)))
    return edits


# ---------------------------------------------------------------------------------------------
# Hyphenated line breaks

_BREAK_HYPHEN = re.compile(r"(?<=\w)-[ \t]*\n[ \t]*(?=\w)")
_WORD_BEFORE = re.compile(r"\w+$")
_WORD_AFTER = re.compile(r"\w+")


def _hyphen_edits(text: str, floor: int) -> list[Edit]:
    vocabulary: set[str] | None = None
    edits: list[Edit] = []
    for match in _BREAK_HYPHEN.finditer(text, floor):
        before_match = _WORD_BEFORE.search(text, max(0, match.start() - 64), match.start())
        after_match = _WORD_AFTER.match(text, match.end())
        if not before_match or not after_match:
            continue
        before, after = before_match.group(), after_match.group()
        newline_at = text.index("\n", match.start())
        if after.casefold() in _SUSPENDED_NEXT:
            edits.append((match.start(), match.end(), ((0, "-"), (newline_at - match.start(), " "))))
            continue
        if vocabulary is None:
            vocabulary = _vocabulary(text)
        if _keeps_hyphen(text, before_match.start(), before, after, vocabulary):
            edits.append((match.start(), match.end(), ((0, "-"),)))
        else:
            edits.append((match.start(), match.end(), ()))
    return edits


def _vocabulary(text: str) -> set[str]:
    """Lower-cased words and hyphenated compounds the document spells on one line."""
    return {word.casefold() for word in re.findall(r"\w+(?:-\w+)*", text)}


def _keeps_hyphen(text: str, before_start: int, before: str, after: str, vocabulary: set[str]) -> bool:
    if not _LETTER_AT.match(before[-1]) or not _LETTER_AT.match(after[0]):
        return True  # digits: a range or a code ("2020-\n2021", "F-\n35")
    if after[0].isupper():
        return True  # "US-\nJapan", "pre-\nWWII"
    if before_start > 0 and text[before_start - 1] == "-":
        return True  # part of a longer compound ("state-of-\nthe-art")
    joined = (before + after).casefold()
    hyphenated = f"{before}-{after}".casefold()
    # The document's own spelling elsewhere is the best evidence.
    if hyphenated in vocabulary and joined not in vocabulary:
        return True
    if joined in vocabulary:
        return False
    frequency = _word_frequency()
    if frequency is not None:
        # wordfreq's Zipf scale: 3 is about once per million words, 0 is unknown.
        if frequency(joined) >= 3.0:
            return False  # a common word split by wrapping ("presumably", "safeguard")
        if min(frequency(before.casefold()), frequency(after.casefold())) >= 3.0:
            return True  # two ordinary words: a compound ("long-term", "self-reliant")
        if frequency(joined) > 0:
            return False
    return len(before) == 1 or before.casefold() in HYPHEN_PREFIXES


_FREQUENCY_CACHE: list[Callable[[str], float] | None] = []


def _word_frequency() -> Callable[[str], float] | None:
    """English word frequency (wordfreq, bundled data, offline), or None if unavailable."""
    if not _FREQUENCY_CACHE:
        try:
            from wordfreq import zipf_frequency
        except ImportError:  # pragma: no cover - wordfreq is a declared dependency
            _FREQUENCY_CACHE.append(None)
        else:
            _FREQUENCY_CACHE.append(lambda word: zipf_frequency(word, "en"))
    return _FREQUENCY_CACHE[0]
