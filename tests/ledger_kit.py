"""Build a reference Ledger from YAML text for tests (no file, no cache), as a run would load it."""

from __future__ import annotations

from factcheck.ledger import Ledger, merge, parse_text


def ledger_from_yaml(text: str, name: str = "test-ledger.yaml") -> Ledger:
    """The ledger of one file's text, its entries' origins ``name:line``; any problem fails the test."""
    parsed, problems = parse_text(text, name)
    assert not problems, [str(problem) for problem in problems]
    ledger, conflicts = merge([parsed], [name])
    assert not conflicts, [str(conflict) for conflict in conflicts]
    return ledger
