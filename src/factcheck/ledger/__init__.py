"""The reference ledger: verified facts (people and roles, organisations, events, figures) kept in claims/*.yaml.

The schema is documented in claims/README.md. Files are read with ruamel.yaml in round-trip
mode, so every problem names ``file:line``; they are validated into frozen pydantic records
and merged (a person listed in two files gets the roles of both; contradicting duplicates are
errors naming both places). The edit helper (``upsert_entry``, behind ``factcheck ledger add``)
keeps the user's comments, quotes and order and writes atomically; it writes nothing when the
file does not parse, the entry does not validate or the ledger would not load afterwards.

Modules: ``dates`` (partial dates and their intervals), ``schema`` (the records), ``query``
(the merged Ledger and its lookups), ``parse`` (one file), ``merge`` (files into one ledger),
``cache`` (parsed files in the project cache), ``load`` (the run's files, loading),
``edit`` (``ledger add``).
"""

from factcheck.ledger.cache import file_from_json, file_to_json
from factcheck.ledger.dates import PartialDate, time_interval
from factcheck.ledger.edit import entry_label, upsert_entry
from factcheck.ledger.load import (
    DEFAULT_FILE,
    RESOLUTIONS_FILE,
    LedgerErrors,
    edit_paths,
    ledger_paths,
    load_for_run,
    load_ledger,
    validate_files,
)
from factcheck.ledger.merge import merge
from factcheck.ledger.parse import parse_file, parse_text
from factcheck.ledger.query import Ledger, title_match
from factcheck.ledger.schema import (
    SCHEMA_VERSION,
    SECTIONS,
    DateField,
    Figure,
    LedgerEvent,
    LedgerFile,
    LedgerRecord,
    Number,
    OpenDate,
    Organisation,
    Person,
    Role,
    Text,
)

__all__ = [
    "DEFAULT_FILE",
    "DateField",
    "Figure",
    "Ledger",
    "LedgerErrors",
    "LedgerEvent",
    "LedgerFile",
    "LedgerRecord",
    "Number",
    "OpenDate",
    "Organisation",
    "PartialDate",
    "Person",
    "RESOLUTIONS_FILE",
    "Role",
    "SCHEMA_VERSION",
    "SECTIONS",
    "Text",
    "edit_paths",
    "entry_label",
    "file_from_json",
    "file_to_json",
    "ledger_paths",
    "load_for_run",
    "load_ledger",
    "merge",
    "parse_file",
    "parse_text",
    "time_interval",
    "title_match",
    "upsert_entry",
    "validate_files",
]
