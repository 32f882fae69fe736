"""Reporters: render a RunResult for people (rich, Markdown) or machines (JSON, SARIF)."""
