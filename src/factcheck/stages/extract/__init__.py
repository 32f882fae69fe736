"""The extract stage: check-worthy claims (sentences or clauses) with typed slots.

Per document: split the body (``Document.clean`` from ``body_start``) into blocks
(paragraphs; hard-wrapped PDF lines are re-joined), drop blocks that are not prose
(headings, bylines, reading times, captions, navigation, copyright lines, URL lines,
reference-list entries), parse the blocks with ``nlp.pipe``, and turn each sentence that
holds a dated event, a number, a named actor doing something or a direct quote into a
``Claim``. Every span is mapped back to the original text with ``Document.span``.

Rules worth knowing when reading a claim:

* ``Event.action`` is the lemma of the main verb; for a light verb (conduct, carry out,
  hold, make, take, stage, perform, witness, mark, launch an attack ...) it is the lemma of
  the object's head noun ("conducted an ASAT test" -> action "test", object "asat").
  For a reporting verb with a clausal complement outside any quote ("officials said Japan
  launched X"), the complement is the event ("launch"), since that is what can be checked.
* ``Quantity.measure`` is the lemma (lower-case) of the noun that is counted.
* ``Quantity.as_of`` is the time expression of the sentence nearest to the number,
  preferring one introduced by "as of", "at the end of", "by", "in".
* ``TimeExpression.head`` is what a date dates and ``Quantity.head`` what the counted noun
  belongs to: the lemma of the word the parse attaches them to ("will defend his title on
  Sept. 8" -> "defend"; "injuring five people" -> "injure"; "a 61-year-old man" -> "man").

Modules: ``segment`` (blocks of prose) and ``boilerplate`` (blocks that are not), ``sentences``
(claim candidates), ``attribution`` (quote speakers), ``events``, ``measures`` and ``heads`` (slots),
``people`` (who was named), ``recognisers`` (time and quantity matches as records),
``document`` (one document's claims), ``parser`` (spaCy), ``cache`` and ``stage``.
"""

from factcheck.nlp.verbs import LIGHT_VERBS
from factcheck.stages.extract.boilerplate import reference_score
from factcheck.stages.extract.cache import CACHE_NAMESPACE
from factcheck.stages.extract.document import extract_document
from factcheck.stages.extract.parser import MODEL_PACKAGE, load_spacy
from factcheck.stages.extract.recognisers import all_time_expressions
from factcheck.stages.extract.segment import LONG_PASSAGE, Block, segment
from factcheck.stages.extract.stage import ExtractStage

__all__ = [
    "Block",
    "CACHE_NAMESPACE",
    "ExtractStage",
    "LIGHT_VERBS",
    "LONG_PASSAGE",
    "MODEL_PACKAGE",
    "all_time_expressions",
    "extract_document",
    "load_spacy",
    "reference_score",
    "segment",
]
