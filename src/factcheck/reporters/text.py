"""Make document text inert before it reaches a terminal, Markdown or a log."""

from __future__ import annotations

import re
import unicodedata

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def inert(text: str) -> str:
    """Replace control characters (ANSI escapes, bidi overrides) with visible ``\\xNN`` escapes."""

    def visible(match: re.Match[str]) -> str:
        code = ord(match.group(0))
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _CONTROL.sub(visible, text)


def one_line(text: str, limit: int = 240) -> str:
    """Inert text on one line, shortened in the middle beyond ``limit`` characters."""
    text = " ".join(inert(unicodedata.normalize("NFC", text)).split())
    if len(text) > limit:
        half = (limit - 3) // 2
        text = f"{text[:half]} … {text[-half:]}"
    return text


def counted(count: int, noun: str) -> str:
    """A count with its noun, plural unless one ("1 warning", "4 warnings")."""
    return f"{count} {noun}{'' if count == 1 else 's'}"
