"""Time expressions and quantities found by the rule-based recognisers (factcheck.nlp), as model records."""

from __future__ import annotations

from datetime import date
from typing import Any, get_args

from factcheck.model import Document, TimeExpression

_GRANULARITIES = frozenset(get_args(TimeExpression.model_fields["granularity"].annotation))


def _find_times(text: str, anchor: date | None) -> list[Any]:
    from factcheck.nlp.timex import find_times

    try:
        return find_times(text, anchor)
    except OverflowError:
        # A dateline at the edge of the calendar (9999-12-31, then "tomorrow"): relative expressions
        # cannot be resolved against it, so they stay unresolved rather than sinking the document.
        return find_times(text, None)


def _find_quantities(text: str, times: list[Any] | None = None) -> list[Any]:
    from factcheck.nlp.quantities import find_quantities

    return find_quantities(text, times)


def _time_expression(doc: Document, match: Any, offset: int, head: str | None = None) -> TimeExpression:
    granularity: Any = match.granularity if match.granularity in _GRANULARITIES else "unknown"
    span = doc.span(offset + match.start, offset + match.end)
    dateline = (
        doc.published_span is not None and span.start < doc.published_span.end and doc.published_span.start < span.end
    )
    return TimeExpression(
        span=span,
        type=match.type,
        value=match.value,
        granularity=granularity,
        relative=bool(match.relative),
        recent=bool(match.recent),
        anchor=(match.reference or doc.published) if match.relative and match.value is not None else None,
        reasoning=match.reasoning,
        quantifier=match.quantifier,
        dateline=dateline,
        head=head,
    )


def all_time_expressions(doc: Document, nlp: Any = None) -> list[TimeExpression]:
    """Every time expression in the document, inside a claim or not, in text order.

    ``nlp`` is accepted for interface symmetry; the time recogniser needs no parse.
    """
    return [_time_expression(doc, match, 0) for match in _find_times(doc.clean, doc.published)]
