"""``factcheck cache``: where the cache is, what it holds, and clearing it."""

from __future__ import annotations

import sys

import typer

from factcheck.cli.options import CacheDirOption, ConfigOption, DebugOption, IsolatedOption
from factcheck.cli.shell import build_settings, fail, stderr
from factcheck.reporters.text import inert

cache_app = typer.Typer(help="The cache of parsed documents, claims and embeddings.", no_args_is_help=True)


@cache_app.command("info")
def cache_info(
    cache_dir: CacheDirOption = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    debug: DebugOption = False,
) -> None:
    """Where the cache is, its size and its entries."""
    try:
        from factcheck.cache import Cache

        settings = build_settings(config=config, isolated=isolated, cache_dir=cache_dir)
        cache = Cache(settings.cache_dir, settings.cache_max_bytes)
        size = cache.size()
        counts = cache.counts() if cache.path.exists() else {}
        cache.close()
    except Exception as error:  # noqa: BLE001
        raise fail(error, debug) from None
    lines = [f"path: {inert(str(cache.path))}", f"size: {size:,} bytes (emptied above {settings.cache_max_bytes:,})"]
    lines += [f"{name}: {count:,}" for name, count in counts.items()]
    sys.stdout.write("\n".join(lines) + "\n")


@cache_app.command("clear")
def cache_clear(
    cache_dir: CacheDirOption = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    debug: DebugOption = False,
) -> None:
    """Remove the cache (the next run rebuilds what it needs)."""
    try:
        from factcheck.cache import Cache

        settings = build_settings(config=config, isolated=isolated, cache_dir=cache_dir)
        cache = Cache(settings.cache_dir)
        freed = cache.clear()
    except Exception as error:  # noqa: BLE001
        raise fail(error, debug) from None
    stderr.print(f"removed {inert(str(cache.path))} ({freed:,} bytes)", markup=False, highlight=False)
