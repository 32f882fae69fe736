"""garbled-wording end to end on the seeds with Gemma: 003 (spun wire copy) against clean pieces.

002 and 004 (long reports, about 12,000 words together) are left to `factcheck check --enable
garbled-wording seeds/` by hand: scoring them takes several minutes on two cores.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.config import Settings

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

# Words the spinner put into 003, and originals an editor would accept as the suggestion.
SWAPPED_IN_003 = {
    "area": {"space"},
    "logical": {"rational"},
    "investigation": {"exploration"},
    "incorporated": {"integrated"},
    "empire": {"alliance"},
    "prosperous": {"successful"},
    "release": {"launch"},
    "pleasure": {"convenience"},
    "assistance": {"cooperation"},
    "abilities": {"capabilities"},
    "growth": {"development"},
    "weapon": {"missile"},
    "protection": {"defense", "defence"},
    "beat": {"hit", "faced"},
    "conference": {"summit", "meeting"},
    "concentrates": {"focuses"},
}


@pytest.fixture(scope="module")
def result():
    import factcheck

    paths = tuple(sorted(p for p in SEEDS.glob("*.txt") if p.name[:3] in {"000", "001", "003"}))
    result = factcheck.run(
        Settings(paths=paths, use_cache=False, ledger_dir=None, resolutions=None, select=("garbled-wording",))
    )
    assert not result.failures
    return result


def _phrases(result, prefix):
    return [
        f
        for f in result.findings
        if f.code == "FC020" and f.evidence[0].doc.startswith(prefix) and "spin-score" not in f.data["signals"]
    ]


@pytest.mark.slow
def test_003_is_reported_as_likely_spun_copy_with_its_swaps_and_originals(result):
    scores = result.corpus.extras["checks"]["garbled-wording"]
    [spun] = [doc for doc, summary in scores.items() if summary["likely_spun"]]
    assert spun.startswith("003")
    [verdict] = [f for f in result.findings if f.code == "FC020" and "spin-score" in f.data["signals"]]
    assert verdict.severity.value == "warning" and "likely spun copy" in verdict.message
    found = _phrases(result, "003")
    assert len(found) >= 20
    swaps = [(swap["text"], swap["suggestion"]) for f in found for swap in f.data["swaps"]]
    right = {text for text, suggestion in swaps if suggestion in SWAPPED_IN_003.get(text.casefold(), set())}
    assert len(right) >= 10, sorted(swaps)


@pytest.mark.slow
def test_clean_pieces_raise_at_most_a_couple_of_phrases(result):
    assert len(_phrases(result, "000")) + len(_phrases(result, "001")) <= 2
