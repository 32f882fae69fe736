"""Pipeline stages: each takes a Corpus and returns it with its part added."""
