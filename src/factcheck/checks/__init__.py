"""Consistency checks: one file each, registered through the ``factcheck.checks`` entry point."""
