"""A fake causal LM for the spin checks: a bigram table, deterministic and instant."""

from __future__ import annotations

import re
from dataclasses import replace

from factcheck.nlp.lm import TokenScore
from factcheck.nlp.spin import STOPWORDS, frequency_logprob

_TOKEN = re.compile(r"\s*(\w+|[^\w\s])")
_PROMPT = re.compile(r"(The opposite of|Another word for) (\w+) is (\w+)\.")


class BigramLM:
    """log P(word | previous word) from a table; an unlisted content word gets its frequency.

    ``opposites`` answers the contrast prompts: ("export", "import") reads as opposites.
    """

    name = "fake-bigram"

    def __init__(
        self,
        bigrams: dict[tuple[str, str], float],
        opposites: set[tuple[str, str]] = frozenset(),
        function_word: float = -2.0,
        near: dict[str, list[str]] | None = None,
    ) -> None:
        self.near = near
        self.bigrams = bigrams
        self.opposites = {tuple(sorted(pair)) for pair in opposites}
        self.function_word = function_word
        self.calls = 0

    def _logprob(self, previous: str, word: str) -> float:
        if (previous, word) in self.bigrams:
            return self.bigrams[(previous, word)]
        if not word.isalpha() or word.casefold() in STOPWORDS or word[0].isupper():
            return self.function_word
        # An unlisted content word is as likely as its everyday frequency suggests, a bit more.
        return frequency_logprob(word) + 2.0

    def score_tokens(self, texts, top_k=0, probes=None):
        self.calls += 1
        results = []
        for number, text in enumerate(texts):
            probed = probes[number] if probes else {}
            prompt = _PROMPT.fullmatch(text)
            tokens = []
            previous = "<s>"
            for match in _TOKEN.finditer(text):
                word = match.group(1)
                logprob = self._logprob(previous.casefold(), word)
                if prompt and match.start(1) == prompt.start(3):
                    pair = tuple(sorted((prompt.group(2), word)))
                    opposite = pair in self.opposites
                    asks_opposite = prompt.group(1).startswith("The opposite")
                    logprob = -1.0 if opposite == asks_opposite else -8.0
                alternatives = ()
                if top_k:
                    options = sorted(
                        ((w, lp) for (p, w), lp in self.bigrams.items() if p == previous.casefold()),
                        key=lambda item: (-item[1], item[0]),
                    )
                    alternatives = tuple((" " + w, lp) for w, lp in options[:top_k])
                # Its whole distribution is the table: a probed word it does not list is left out.
                alternatives += tuple(
                    (" " + w, self.bigrams[(previous.casefold(), w)])
                    for w in probed.get(match.start(1), ())
                    if (previous.casefold(), w) in self.bigrams
                )
                tokens.append(TokenScore(match.start(), match.end(), match.group(), logprob, alternatives))
                previous = word
            results.append(tokens)
        return results

    def score_continuations(self, prefix, suffixes):
        scored = self.score_tokens([prefix + suffix for suffix in suffixes])
        return [
            [replace(t, start=t.start - len(prefix), end=t.end - len(prefix)) for t in tokens if t.start >= len(prefix)]
            for tokens in scored
        ]

    def neighbours(self, word, count=50):
        """Every word the table knows is a "near-synonym", unless ``near`` says otherwise."""
        if self.near is not None:
            return list(self.near.get(word, ()))[:count]
        return sorted({w for _, w in self.bigrams if w != word})[:count]

    def sequence_logprobs(self, texts):
        return [sum(token.logprob for token in tokens) for tokens in self.score_tokens(texts)]
