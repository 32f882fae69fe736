"""Shared by the benchmark tests: a benchmark script loaded as a module, or run as a script in a child process.

``run_benchmark`` runs ``benchmarks/<script>`` with this interpreter, offline (a model hub is never reached) and
with this checkout's ``src`` first on the path, so the child runs the code under test even where the environment
installed another checkout of factcheck.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parent.parent
BENCHMARKS = REPO / "benchmarks"
OFFLINE = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}


def load_benchmark(script: str) -> ModuleType:
    """``benchmarks/<script>`` imported as the module ``<stem>_benchmark`` (a fresh copy each call)."""
    path = BENCHMARKS / script
    spec = importlib.util.spec_from_file_location(f"{path.stem}_benchmark", path)
    assert spec is not None and spec.loader is not None, path
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def run_benchmark(script: str, *args: str | Path, timeout: float = 1800) -> subprocess.CompletedProcess[str]:
    """``python benchmarks/<script> args...`` in a child process, offline, its output captured as text."""
    paths = [str(REPO / "src"), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    return subprocess.run(
        [sys.executable, str(BENCHMARKS / script), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **OFFLINE, "PYTHONPATH": os.pathsep.join(paths)},
    )
