"""Decoding a file's bytes: BOMs, declared charsets, UTF-8, then a legacy single-byte guess; binary refused."""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from factcheck.errors import (
    BinaryInputError,
    UndecodableInputError,
)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")


def decode_bytes(data: bytes, path: Path | str = "", *, declared: str | None = None) -> tuple[str, str]:
    """Decode a text file: BOM, UTF-8, the ``declared`` charset (an HTML page's own), Windows-1252
    when it plainly fits, else charset-normalizer.

    Returns the text (BOM removed) and the encoding used. Raises BinaryInputError or
    UndecodableInputError.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise UndecodableInputError(
                    f"starts with a {encoding} byte-order mark but is not valid {encoding}", path=str(path)
                ) from None
            text = text.removeprefix("\ufeff")
            _reject_binary(text, path)
            return text, "utf-8" if encoding == "utf-8-sig" else encoding
    if b"\x00" in data[:65536]:
        raise BinaryInputError("looks binary (it contains NUL bytes)", path=str(path))
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as error:
        if error.start >= len(data) - 3 and error.reason == "unexpected end of data":
            # A UTF-8 file cut off inside its last character (a half-saved or truncated file):
            # the rest is UTF-8, so decoding it all as a legacy encoding would garble every accent.
            text, encoding = data[: error.start].decode("utf-8") + "\ufffd", "utf-8"
        else:
            text, encoding = _decode_declared(data, declared) or _decode_legacy(data, path)
    _reject_binary(text, path)
    return text, encoding


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:\-]+)""", re.I)


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "ignore") if match else None


def _decode_declared(data: bytes, declared: str | None) -> tuple[str, str] | None:
    if not declared:
        return None
    try:
        name = codecs.lookup(declared).name
        return data.decode(name), name
    except (LookupError, UnicodeDecodeError):
        return None  # a wrong declaration is common; fall back to detection


def _decode_legacy(data: bytes, path: Path | str) -> tuple[str, str]:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and _plausible_western(text):
        return text, "cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise UndecodableInputError("is not UTF-8 and its encoding cannot be recognised", path=str(path))
    return str(best), best.encoding


def _plausible_western(text: str) -> bool:
    """Windows-1252 fits Western text: a few accented letters and typographic marks among ASCII.

    Text in another single-byte encoding (Cyrillic, Greek ...) decodes too, but then most
    letters come out non-ASCII, so it is left to the detector.
    """
    letters = [char for char in text if char.isalpha()]
    foreign = [char for char in text if ord(char) > 127]
    if not letters or not foreign:
        return bool(letters)
    if any(unicodedata.category(char)[0] not in "LPSNZ" for char in foreign):
        return False
    foreign_letters = sum(1 for char in foreign if char.isalpha())
    return foreign_letters <= 0.2 * len(letters)


def _reject_binary(text: str, path: Path | str) -> None:
    sample = text[:65536]
    if not sample:
        return
    controls = sum(1 for char in sample if unicodedata.category(char) == "Cc" and char not in _ALLOWED_CONTROLS)
    if "\x00" in sample or controls > 0.02 * len(sample):
        raise BinaryInputError("looks binary (mostly control characters, not text)", path=str(path))
