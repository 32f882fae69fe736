"""The load stage: every input file read into a Document (cached per file); unreadable ones become Failures."""

from __future__ import annotations

import functools
import hashlib
from importlib import metadata as package_metadata
from pathlib import Path

from factcheck.cache import Cache, open_cache, text_hash
from factcheck.config import Settings
from factcheck.errors import (
    InputError,
)
from factcheck.model import Corpus, Document, Failure
from factcheck.stages.load.discover import _failure, assign_ids, discover
from factcheck.stages.load.document import _published_option, _read_bytes, load_document


class LoadStage:
    """Read every input file into a Document; unreadable ones become Failures."""

    name = "load"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ("documents",)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, corpus: Corpus) -> Corpus:
        paths, failures = discover(self.settings.paths)
        ids = assign_ids(paths)
        documents: list[Document] = []
        cache = open_cache(self.settings)
        for path in paths:
            try:
                documents.append(self._load(path, ids[path], cache))
            except InputError as error:
                failures.append(_failure(path, error))
            except Exception as error:  # a parser bug must not sink the other documents
                failures.append(Failure(
                    stage="load", subject=str(path), code=InputError.code,
                    message=f"{path}: could not be loaded ({type(error).__name__}: {error}) "
                            "(leave the file out of the run, and please report this with the file)",
                ))
        if cache:
            cache.close()
        documents.sort(key=lambda document: document.id)
        failures.sort(key=lambda failure: (not failure.fatal, failure.subject, failure.code))
        return corpus.evolve(documents=tuple(documents), failures=corpus.failures + tuple(failures))


    def _load(self, path: Path, doc_id: str, cache: Cache | None) -> Document:
        """load_document, or its earlier result for the same bytes, path, id and loader code.

        Cleaning and header reading are pure functions of these; a warm run so never imports
        trafilatura, pypdf or wordfreq. Failures are not cached: they are re-read and re-raised.
        """
        if cache is None:
            return load_document(path, self.settings, doc_id=doc_id)
        data = _read_bytes(path, self.settings.max_file_bytes)  # raises as load_document would
        option = _published_option(self.settings, doc_id, path)
        key = text_hash("\x1f".join([_loader_fingerprint(), str(path), doc_id, str(option), hashlib.sha256(data).hexdigest()]))
        cached = cache.get_blob(CACHE_NAMESPACE, key)
        if cached is not None:
            try:
                return Document.model_validate_json(cached)
            except ValueError:
                pass  # a stale or damaged entry: load afresh
        document = load_document(path, self.settings, doc_id=doc_id, data=data)
        cache.put_blob(CACHE_NAMESPACE, key, document.model_dump_json())
        return document


CACHE_NAMESPACE = "documents"


@functools.lru_cache(maxsize=1)
def _loader_fingerprint() -> str:
    """The loading code (every module of this package) and the parsers' versions: a change to any of them misses the cache."""
    here = Path(__file__).resolve().parent
    package = here.parent.parent
    digest = hashlib.sha256()
    for source in (*sorted(here.glob("*.py")), package / "textclean.py", package / "model.py", package / "errors.py"):
        digest.update(source.read_bytes())
    for dependency in ("trafilatura", "pypdf", "charset-normalizer", "wordfreq", "ruamel.yaml"):
        try:
            digest.update(f"{dependency}={package_metadata.version(dependency)}".encode())
        except package_metadata.PackageNotFoundError:
            digest.update(f"{dependency}=missing".encode())
    return digest.hexdigest()
