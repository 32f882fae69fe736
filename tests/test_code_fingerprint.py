"""Cache keys carry a fingerprint of the code a value came from: every module it imports, lazily or not."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck import cache
from factcheck.cache import code_fingerprint, code_modules


@pytest.fixture
def fake_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small ``factcheck`` tree: stage imports helper inside a function; unrelated imports nothing."""
    root = tmp_path / "factcheck"
    (root / "nlp").mkdir(parents=True)
    (root / "__init__.py").write_text("")
    (root / "nlp" / "__init__.py").write_text("")
    (root / "stage.py").write_text("def run():\n    from factcheck.nlp.helper import word\n    return word\n")
    (root / "nlp" / "helper.py").write_text("import json\nfrom factcheck.nlp import words\nword = 'a'\n")
    (root / "nlp" / "words.py").write_text("WORDS = ('a',)\n")
    (root / "unrelated.py").write_text("X = 1\n")
    monkeypatch.setattr(cache, "_PACKAGE_ROOT", root)
    code_fingerprint.cache_clear()
    yield root
    code_fingerprint.cache_clear()


def test_a_lazy_import_and_a_submodule_named_in_from_import_are_followed(fake_package: Path):
    assert sorted(code_modules(("factcheck.stage",))) == [
        "factcheck.nlp",
        "factcheck.nlp.helper",
        "factcheck.nlp.words",
        "factcheck.stage",
    ]


def test_an_edit_two_imports_away_changes_the_fingerprint(fake_package: Path):
    before = code_fingerprint(("factcheck.stage",))
    (fake_package / "unrelated.py").write_text("X = 2\n")
    code_fingerprint.cache_clear()
    assert code_fingerprint(("factcheck.stage",)) == before
    (fake_package / "nlp" / "words.py").write_text("WORDS = ('a', 'b')\n")
    code_fingerprint.cache_clear()
    assert code_fingerprint(("factcheck.stage",)) != before


def test_a_library_version_is_part_of_the_fingerprint(fake_package: Path):
    plain = code_fingerprint(("factcheck.stage",))
    assert code_fingerprint(("factcheck.stage",), ("pytest",)) != plain
    assert code_fingerprint(("factcheck.stage",), ("no-such-distribution-here",)) != plain


def test_cached_claims_depend_on_every_module_extraction_runs():
    """Claims are cached under the extractor's fingerprint: the name rules and number words shape them too."""
    modules = code_modules(("factcheck.stages.extract.document", "factcheck.stages.extract.parser"))
    for needed in ("factcheck.nlp.names", "factcheck.nlp.numbers", "factcheck.nlp.timex.clock", "factcheck.dates"):
        assert needed in modules
    # The engine runs extraction but does not shape its output: editing it keeps the cache.
    assert "factcheck.engine" not in modules


def test_the_import_pattern_finds_what_the_parser_finds_in_every_module():
    # The fingerprint reads imports by a pattern (a fortieth of parsing); a module it missed would let an edit to it
    # reuse stale cached values.
    files = sorted(Path(cache.__file__).parent.rglob("*.py"))
    assert len(files) > 100
    for source in files:
        code = source.read_bytes()
        assert cache._imports_in(code) == cache._imports_parsed(code), source


@pytest.mark.parametrize(
    "code",
    [
        "from factcheck.nlp import (\n    align,\n    lexicon as words,  # a comment\n)\n",
        "def f():\n    import factcheck.nlp.align as a, factcheck.model\n",
        "from factcheck.nlp.align import stem  # why\nimport json\n",
        "from factcheck.nlp import align, \\\n    lexicon\n",
        "x = 1\n",
    ],
)
def test_the_import_pattern_reads_every_form_of_import(code: str):
    assert cache._imports_in(code.encode()) == cache._imports_parsed(code.encode())
