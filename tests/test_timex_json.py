"""`claims --format json` gives every time expression one shape, with its TIMEX3 type and anchor."""

import json

from robustness_kit import in_process_pipeline
from typer.testing import CliRunner

from factcheck.cli import app

ARTICLE = (
    "Port Expansion Approved\n\n"
    "March 22, 2013\n\n"
    "The board approved the expansion on Friday afternoon after talks that lasted three months. "
    "Officials told reporters in August that the first berth will open in June. "
    "Inspections take place every year, and the crane ran for 90 days at 19:30 UTC on a test.\n"
)


def _times_in(value, found):
    """Every time-expression object in a JSON tree: the flat list's and those nested in claims."""
    if isinstance(value, dict):
        if {"span", "granularity", "type"} <= value.keys():
            found.append(value)
        for item in value.values():
            _times_in(item, found)
    elif isinstance(value, list):
        for item in value:
            _times_in(item, found)
    return found


def test_claims_json_has_one_time_shape(tmp_path, monkeypatch, nlp, fake_embedder):
    in_process_pipeline(monkeypatch, nlp, fake_embedder)
    (tmp_path / "port.txt").write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(app, ["claims", str(tmp_path / "port.txt"), "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)["documents"][0]

    flat = document["times"]
    nested = _times_in(document["claims"], [])
    assert nested, "the claims carry time expressions"
    keys = set(flat[0])
    assert keys == {
        "span",
        "type",
        "value",
        "granularity",
        "relative",
        "recent",
        "anchor",
        "reasoning",
        "quantifier",
        "dateline",
        "head",
    }
    for time in flat + nested:
        assert set(time) == keys, time
        assert set(time["span"]) == {"doc", "start", "end", "text"}
        assert time["type"] in {"DATE", "TIME", "DURATION", "SET"}
        assert ARTICLE[time["span"]["start"] : time["span"]["end"]] == time["span"]["text"]
        # A time inside a claim is the same record as in the document's list.
        if time in nested:
            assert time in flat

    by_text = {time["span"]["text"]: time for time in flat}
    assert by_text["Friday afternoon"]["head"] == "approve"  # what the date dates, from the parse
    assert by_text["March 22, 2013"]["dateline"] is True
    assert (by_text["Friday afternoon"]["type"], by_text["Friday afternoon"]["value"]) == ("TIME", "2013-03-22TAF")
    assert by_text["Friday afternoon"]["anchor"] == "2013-03-22"
    assert (by_text["three months"]["type"], by_text["three months"]["value"]) == ("DURATION", "P3M")
    assert by_text["three months"]["anchor"] is None
    # Past tense: the August before the dateline, with the reason recorded; future: the coming June.
    assert by_text["August"]["value"] == "2012-08" and "past" in by_text["August"]["reasoning"]
    assert by_text["June"]["value"] == "2013-06" and "future" in by_text["June"]["reasoning"]
    every_year = by_text["every year"]
    assert (every_year["type"], every_year["value"], every_year["quantifier"]) == ("SET", "P1Y", "EVERY")
    assert (by_text["90 days"]["type"], by_text["90 days"]["value"]) == ("DURATION", "P90D")
    assert (by_text["19:30 UTC"]["type"], by_text["19:30 UTC"]["value"]) == ("TIME", "2013-03-22T19:30Z")


NARRATIVE = (
    "Board Changes at Port Authority\n\n"
    "June 14, 2023\n\n"
    "The board met on June 2 at 3 pm and voted on the plan. The next day, the chairman resigned; "
    "two weeks later, his deputy left for a firm she had advised for a quarter of a century.\n"
)


def test_every_time_in_a_sentence_is_in_the_claims_json(tmp_path, monkeypatch, nlp, fake_embedder):
    in_process_pipeline(monkeypatch, nlp, fake_embedder)
    (tmp_path / "board.txt").write_text(NARRATIVE, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["claims", str(tmp_path / "board.txt"), "--format", "json"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)["documents"][0]
    flat = document["times"]
    by_text = {time["span"]["text"]: time for time in flat}
    assert set(by_text) == {
        "June 14, 2023",
        "June 2",
        "3 pm",
        "The next day",
        "two weeks later",
        "a quarter of a century",
    }
    # Counted from the date the text named, and that date is the anchor the JSON gives.
    assert (by_text["3 pm"]["type"], by_text["3 pm"]["value"], by_text["3 pm"]["anchor"]) == (
        "TIME",
        "2023-06-02T15:00",
        "2023-06-02",
    )
    assert (by_text["The next day"]["value"], by_text["The next day"]["anchor"]) == ("2023-06-03", "2023-06-02")
    assert (by_text["two weeks later"]["value"], by_text["two weeks later"]["anchor"]) == ("2023-W24", "2023-06-03")
    assert (by_text["a quarter of a century"]["type"], by_text["a quarter of a century"]["value"]) == (
        "DURATION",
        "P25Y",
    )
    # Each claim carries every time expression inside its sentence, in the same shape as the flat list.
    for claim in document["claims"]:
        inside = [
            time
            for time in flat
            if claim["span"]["start"] <= time["span"]["start"] and time["span"]["end"] <= claim["span"]["end"]
        ]
        assert _times_in(claim.get("times", []), []) == inside, claim["span"]["text"]
