"""The command line: parse -> settings -> run() -> render -> exit code. Nothing else.

``shell`` holds what every command shares (the app, settings from options, error exits, output);
``commands`` the commands that read documents; ``ledger`` and ``cache`` their command groups.
Importing ``commands`` registers its commands on ``app``; the groups are added below, in ``--help`` order.
"""

from __future__ import annotations

from factcheck.cli import commands  # noqa: F401  (its commands register on app when imported)
from factcheck.cli.cache import cache_app
from factcheck.cli.ledger import ledger_app
from factcheck.cli.shell import app, emit, render

# The command groups, in the order --help lists them.
app.add_typer(ledger_app, name="ledger")
app.add_typer(cache_app, name="cache")

__all__ = ["app", "emit", "main", "render"]


def main() -> None:
    app()
