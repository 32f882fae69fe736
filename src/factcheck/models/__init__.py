"""Learned pair scorers shipped as JSON (see `factcheck.nlp.pairmodel`); each is refitted by its script in benchmarks/."""
