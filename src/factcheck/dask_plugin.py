"""The Dask worker plugin that gives every worker, and every worker that replaces a dead one, its models."""

from __future__ import annotations

from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from factcheck.engine import Models, install_worker_models


class ModelsPlugin(WorkerPlugin):
    """Installs ``models`` in the worker process; they load on the first partition that needs them."""

    def __init__(self, models: Models) -> None:
        self.models = models

    def setup(self, worker: Any) -> None:
        install_worker_models(self.models, max(1, int(getattr(worker.state, "nthreads", 1) or 1)))
