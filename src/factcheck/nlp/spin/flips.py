"""Meaning flips: the model's own sense of "opposite" against "another word for" (no word list)."""

from __future__ import annotations

_OPPOSITE = "The opposite of {a} is"
_SYNONYM = "Another word for {a} is"


def contrast(lm, word_a: str, word_b: str) -> float:
    """How much more the model reads ``word_b`` as the opposite of ``word_a`` than as another
    word for it, averaged over both directions (nats; > 0 leans to opposites)."""
    prompts = []
    for first, second in ((word_a, word_b), (word_b, word_a)):
        for template in (_OPPOSITE, _SYNONYM):
            prefix = template.format(a=first)
            prompts.append((prefix, f"{prefix} {second}."))
    scored = lm.score_tokens([text for _, text in prompts])
    completions = [
        sum(token.logprob for token in tokens if token.start >= len(prefix))
        for (prefix, _), tokens in zip(prompts, scored)
    ]
    return ((completions[0] - completions[1]) + (completions[2] - completions[3])) / 2.0
