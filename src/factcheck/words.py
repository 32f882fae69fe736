"""The words of a text as factcheck reads them: runs of letters in any script, without digits or underscores.

One pattern for every stage, so a name, a title or a sentence is cut into the same words wherever it is read.
"""

from __future__ import annotations

import re

LETTERS = re.compile(r"[^\W\d_]+")


def words_in(text: str) -> list[str]:
    """The runs of letters in ``text``, in order ("Kalvø's 2nd ferry" -> ["Kalvø", "s", "nd", "ferry"])."""
    return LETTERS.findall(text)
