"""Finding the input files (supported formats, folders searched recursively) and giving each a stable id."""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from factcheck.errors import (
    InputError,
    MissingInputError,
    NoDocumentsError,
    OutsideRootError,
    UnreadableInputError,
    UnsupportedInputError,
)
from factcheck.model import Failure

SUPPORTED_FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
}
# Document formats a user may well have meant to check but that we cannot read: reported,
# never skipped silently, even inside a folder.
UNSUPPORTED_DOCUMENT_FORMATS = frozenset(
    {".doc", ".docx", ".odt", ".rtf", ".epub", ".pages", ".wpd", ".xhtml", ".mht", ".mhtml", ".rst", ".tex"}
)


def discover(paths: Iterable[Path | str], *, follow_symlinks: bool = False) -> tuple[list[Path], list[Failure]]:
    """The supported files under ``paths`` (sorted, each once) and Failures for the rest.

    Inside a folder, a symlink that leads out of it (a link to a credentials file, to ``/``) is
    reported, not read, unless ``follow_symlinks``; a file named on the command line is read
    wherever it points, since the user named it.
    """
    found: dict[Path, Path] = {}  # resolved path -> path as the user spelled it
    failures: list[Failure] = []
    paths = list(paths)
    if not paths:
        failures.append(
            Failure(
                stage="load",
                subject="",
                code=MissingInputError.code,
                fatal=True,
                message="no files or folders to check (name them on the command line, "
                "or set paths under [tool.factcheck])",
            )
        )

    def add(path: Path) -> None:
        try:
            key = path.resolve()
        except OSError:
            key = path.absolute()
        found.setdefault(key, path)

    for raw in paths:
        path = Path(raw)
        if not path.exists():
            failures.append(_failure(path, MissingInputError("no such file or folder", path=str(path)), fatal=True))
        elif path.is_dir():
            members = _folder_members(path, failures, follow_symlinks)
            if not members:
                failures.append(
                    _failure(
                        path,
                        NoDocumentsError(
                            "the folder holds no supported documents (.txt .text .md .markdown .html .htm .pdf)",
                            path=str(path),
                        ),
                    )
                )
            for member in members:
                add(member)
        elif not path.is_file():
            failures.append(_failure(path, UnreadableInputError("is not a regular file", path=str(path))))
        elif path.suffix.lower() in SUPPORTED_FORMATS:
            add(path)
        else:
            failures.append(_failure(path, _unsupported(path)))
    return sorted(found.values()), failures


def _folder_members(folder: Path, failures: list[Failure], follow_symlinks: bool = False) -> list[Path]:
    """The supported files under ``folder``, hidden files and folders (.git, .DS_Store ...) left out."""
    members: list[Path] = []
    root = folder.resolve()
    seen: set[Path] = set()  # real folders walked, so a symlink loop ends

    def unreadable(error: OSError) -> None:
        where = Path(error.filename) if error.filename else folder
        failures.append(
            _failure(where, UnreadableInputError(f"cannot be searched ({error.strerror or error})", path=str(where)))
        )

    for current, folders, files in os.walk(folder, onerror=unreadable, followlinks=follow_symlinks):
        here = Path(current)
        real = here.resolve()
        if real in seen:
            folders[:] = []
            continue
        seen.add(real)
        kept = []
        for name in sorted(folders):
            link = here / name
            if name.startswith("."):
                continue
            if link.is_symlink() and not follow_symlinks:
                if not _inside(link, root):
                    failures.append(_failure(link, _outside(link)))
                continue  # a link within the folder: its files are found where they really are
            kept.append(name)
        folders[:] = kept
        for name in sorted(files):
            path = here / name
            if name.startswith(".") or not path.is_file():
                continue
            suffix = path.suffix.lower()
            if suffix not in SUPPORTED_FORMATS and suffix not in UNSUPPORTED_DOCUMENT_FORMATS:
                continue
            if not follow_symlinks and path.is_symlink() and not _inside(path, root):
                failures.append(_failure(path, _outside(path)))
            elif suffix in SUPPORTED_FORMATS:
                members.append(path)
            else:
                failures.append(_failure(path, _unsupported(path)))
    return sorted(members)


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # a symlink loop
        return False


def _outside(path: Path) -> OutsideRootError:
    return OutsideRootError("is a symlink that leads out of the folder being checked; it was not read", path=str(path))


def _unsupported(path: Path) -> UnsupportedInputError:
    kind = f"{path.suffix} files" if path.suffix else "files without an extension"
    return UnsupportedInputError(
        f"{kind} are not supported (supported: .txt .text .md .markdown .html .htm .pdf)", path=str(path)
    )


def assign_ids(paths: Iterable[Path]) -> dict[Path, str]:
    """Document ids: the file stem, lengthened by parent folders only where stems collide."""
    paths = list(paths)
    by_stem: dict[str, list[Path]] = defaultdict(list)
    for path in paths:
        by_stem[path.stem].append(path)
    ids: dict[Path, str] = {}
    for stem, group in by_stem.items():
        if len(group) == 1:
            ids[group[0]] = stem
            continue
        deepest = max(len(_folders(path)) for path in group)
        # The shortest distinguishing id: more parent folders first, the extension last.
        for with_suffix in (False, True):
            for depth in range(0, deepest + 1):
                candidates = {
                    path: _id_with_folders(path, depth) + (path.suffix if with_suffix else "") for path in group
                }
                if len(set(candidates.values())) == len(group):
                    break
            else:
                continue
            break
        ids.update(candidates)
    return {path: display_name(doc_id) for path, doc_id in ids.items()}


def display_name(text: str) -> str:
    """A file name as printable text: bytes that are not UTF-8 (which Python keeps as lone
    surrogates) become ``\\xNN``, so ids and paths can be written to any report as UTF-8."""

    def visible(match: re.Match[str]) -> str:
        code = ord(match.group())
        return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"

    return re.sub(r"[\ud800-\udfff]", visible, text)


def _folders(path: Path) -> tuple[str, ...]:
    parent = path.parent
    return tuple(part for part in parent.parts if part not in (parent.anchor, "", "."))


def _id_with_folders(path: Path, depth: int) -> str:
    folders = _folders(path)
    return "/".join([*folders[len(folders) - depth :], path.stem] if depth else [path.stem])


def _failure(path: Path | str, error: InputError, *, fatal: bool = False) -> Failure:
    return Failure(
        stage="load", subject=display_name(str(path)), message=display_name(str(error)), code=error.code, fatal=fatal
    )
