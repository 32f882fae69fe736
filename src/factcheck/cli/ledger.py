"""``factcheck ledger``: check, show and add to the reference ledger of verified facts."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from factcheck.cli.options import ConfigOption, DebugOption, IsolatedOption
from factcheck.cli.shell import EXIT_USAGE, build_settings, fail, stderr
from factcheck.errors import UsageError

ledger_app = typer.Typer(help="The reference ledger of verified facts (claims/*.yaml).", no_args_is_help=True)
LedgerPathsArgument = Annotated[
    Optional[list[Path]],
    typer.Argument(help="Ledger files (default: claims/*.yaml and --ledger files from the configuration)."),
]


@ledger_app.command("check")
def ledger_check(
    paths: LedgerPathsArgument = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    debug: DebugOption = False,
) -> None:
    """Validate ledger files: every problem as file:line: message (exit 2), else one OK line."""
    try:
        from factcheck.ledger import ledger_paths, validate_files

        files = list(paths) if paths else ledger_paths(build_settings(config=config, isolated=isolated))
        if not files:
            raise UsageError("no ledger files found", hint="give paths, or create claims/ledger.yaml")
        problems = validate_files(files)
    except Exception as error:  # noqa: BLE001
        raise fail(error, debug) from None
    for problem in problems:
        sys.stdout.write(f"{problem}\n")
    if problems:
        stderr.print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in the ledger", markup=False)
        raise typer.Exit(EXIT_USAGE)
    stderr.print(f"ledger OK: {len(files)} file{'s' if len(files) != 1 else ''}", markup=False)


@ledger_app.command("show")
def ledger_show(
    name: Annotated[str, typer.Argument(help="A person, organisation, event actor or measure.")],
    ledger: Annotated[
        Optional[list[Path]], typer.Option("--ledger", help="Ledger files (default: claims/*.yaml).")
    ] = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    debug: DebugOption = False,
) -> None:
    """Print what the ledger holds about a name (exit 1 when nothing)."""
    try:
        from factcheck.ledger import ledger_paths, load_ledger

        files = list(ledger) if ledger else ledger_paths(build_settings(config=config, isolated=isolated))
        text = load_ledger(files).describe(name)
    except Exception as error:  # noqa: BLE001
        raise fail(error, debug) from None
    if not text:
        stderr.print(f"the ledger holds nothing about {name!r}", markup=False)
        raise typer.Exit(1)
    sys.stdout.write(text + "\n")


ledger_add_app = typer.Typer(
    help="Add an entry to the ledger, or update the entry with the same identity (comments and order are kept).",
    no_args_is_help=True,
)
ledger_app.add_typer(ledger_add_app, name="add")
LedgerFileOption = Annotated[
    Optional[Path], typer.Option("--ledger", help="The ledger file to edit (default: claims/ledger.yaml).")
]
SourceOption = Annotated[
    Optional[str], typer.Option("--source", help="Where the fact can be checked (required for a new entry).")
]
AliasOption = Annotated[Optional[list[str]], typer.Option("--alias", help="Another name for it (repeat the option).")]


def _given(**fields) -> dict:
    """The fields an option set: not None, not an unset flag, not an empty list (0 is a value)."""
    return {
        key: value
        for key, value in fields.items()
        if value is not None and value is not False and not (isinstance(value, (list, tuple)) and not value)
    }


def _add_to_ledger(
    section: str, entry: dict, ledger_file: Path | None, config: Path | None, isolated: bool, debug: bool
) -> None:
    """Write one entry with upsert_entry: validated on its own and with the rest of the run's ledger."""
    try:
        from factcheck.ledger import edit_paths, entry_label, upsert_entry

        target, alongside = edit_paths(build_settings(config=config, isolated=isolated), ledger_file)
        outcome = upsert_entry(target, section, entry, alongside=alongside)
    except Exception as error:  # noqa: BLE001
        raise fail(error, debug) from None
    stderr.print(f"{outcome} {entry_label(section, entry)} in {target}", markup=False, soft_wrap=True)


@ledger_add_app.command("person")
def ledger_add_person(
    name: Annotated[str, typer.Argument(help="The full name, as the person's own institution writes it.")],
    source: SourceOption = None,
    alias: AliasOption = None,
    title: Annotated[
        Optional[str], typer.Option("--title", help="A role's title; the role options below describe it.")
    ] = None,
    organisation: Annotated[Optional[str], typer.Option("--organisation", help="The role's organisation.")] = None,
    rank: Annotated[Optional[str], typer.Option("--rank", help="The rank that goes with the role (General).")] = None,
    title_alias: Annotated[
        Optional[list[str]], typer.Option("--title-alias", help="Another way of writing the title (repeat).")
    ] = None,
    start: Annotated[
        Optional[str], typer.Option("--start", help="First day the role was held: YYYY, YYYY-MM or YYYY-MM-DD.")
    ] = None,
    end: Annotated[Optional[str], typer.Option("--end", help="Last day held (same forms), or 'open'.")] = None,
    role_source: Annotated[
        Optional[str], typer.Option("--role-source", help="The role's own source (default: the person's).")
    ] = None,
    ledger_file: LedgerFileOption = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    debug: DebugOption = False,
) -> None:
    """A person, and optionally one role: a role with the same title and organisation whose start agrees is updated."""
    role = _given(
        title=title, organisation=organisation, rank=rank, aliases=title_alias, start=start, end=end, source=role_source
    )
    entry = _given(name=name, aliases=alias, source=source, roles=[role] if role else None)
    _add_to_ledger("people", entry, ledger_file, config, isolated, debug)


@ledger_add_app.command("organisation")
def ledger_add_organisation(
    name: Annotated[str, typer.Argument(help="The organisation's name.")],
    source: SourceOption = None,
    alias: AliasOption = None,
    ledger_file: LedgerFileOption = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    debug: DebugOption = False,
) -> None:
    """An organisation and its short forms (USSF for U.S. Space Force)."""
    _add_to_ledger(
        "organisations", _given(name=name, aliases=alias, source=source), ledger_file, config, isolated, debug
    )


@ledger_add_app.command("event")
def ledger_add_event(
    action: Annotated[str, typer.Option("--action", help="The verb: launch, test.")],
    actor: Annotated[Optional[str], typer.Option("--actor", help="Who did it.")] = None,
    object_: Annotated[Optional[str], typer.Option("--object", help="What it was done to.")] = None,
    date_: Annotated[
        Optional[str], typer.Option("--date", help="YYYY, YYYY-MM or YYYY-MM-DD, at its real precision.")
    ] = None,
    what: Annotated[Optional[str], typer.Option("--what", help="A description, shown in findings.")] = None,
    source: SourceOption = None,
    alias: Annotated[Optional[list[str]], typer.Option("--alias", help="A name of the event itself (repeat).")] = None,
    actor_alias: Annotated[
        Optional[list[str]], typer.Option("--actor-alias", help="Another name of the actor (repeat).")
    ] = None,
    action_alias: Annotated[
        Optional[list[str]], typer.Option("--action-alias", help="Another word for the action (repeat).")
    ] = None,
    object_alias: Annotated[
        Optional[list[str]], typer.Option("--object-alias", help="Another name of the object (repeat).")
    ] = None,
    ledger_file: LedgerFileOption = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    debug: DebugOption = False,
) -> None:
    """A dated event, identified by actor, action and object."""
    entry = _given(
        actor=actor,
        actor_aliases=actor_alias,
        action=action,
        actions=action_alias,
        object=object_,
        object_aliases=object_alias,
        aliases=alias,
        date=date_,
        what=what,
        source=source,
    )
    _add_to_ledger("events", entry, ledger_file, config, isolated, debug)


@ledger_add_app.command("figure")
def ledger_add_figure(
    measure: Annotated[str, typer.Option("--measure", help="What is counted, in words.")],
    unit: Annotated[str, typer.Option("--unit", help="count, percent, fraction, money:USD, km, ...")],
    as_of: Annotated[str, typer.Option("--as-of", help="When the figure held: YYYY, YYYY-MM or YYYY-MM-DD.")],
    value: Annotated[
        Optional[float], typer.Option("--value", help="The exact value (or give --low and/or --high).")
    ] = None,
    low: Annotated[Optional[float], typer.Option("--low", help="The interval's low end.")] = None,
    high: Annotated[Optional[float], typer.Option("--high", help="The interval's high end.")] = None,
    timeless: Annotated[bool, typer.Option("--timeless", help="The value cannot change after --as-of.")] = False,
    source: SourceOption = None,
    alias: Annotated[
        Optional[list[str]], typer.Option("--alias", help="A head noun a text may use for the measure (repeat).")
    ] = None,
    context: Annotated[
        Optional[list[str]], typer.Option("--context", help="Words a sentence must contain to be about it (repeat).")
    ] = None,
    ledger_file: LedgerFileOption = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    debug: DebugOption = False,
) -> None:
    """A measured quantity as of a date, identified by measure, unit and as-of date."""
    entry = _given(
        measure=measure,
        aliases=alias,
        context=context,
        unit=unit,
        value=value,
        low=low,
        high=high,
        as_of=as_of,
        timeless=timeless,
        source=source,
    )
    _add_to_ledger("figures", entry, ledger_file, config, isolated, debug)
