"""A discrepancy benchmark that plants into any corpus of plain articles: one fact told twice, changed once.

Usage:
    python benchmarks/retold.py                              # BBC, both halves, every kind
    python benchmarks/retold.py --half a --show-misses       # the half you may read, with what it missed
    python benchmarks/retold.py --corpus ../shared/corpora/meantime-timex --kinds date,number

Corpus: a JSON-lines file, or a folder holding ``articles.jsonl``, one article a line: ``id``, ``text`` and, when
known, ``published`` (an ISO date, given to the run as the article's day). The default is the BBC corpus under
../shared/corpora (read at benchmark time, never shipped).

Retold pairs. Each article's text is cut into sentences by a plain rule (a blank line, or ``.!?`` and an optional
closing quote before white space and a capital or an opening quote; see ``split_sentences``). Two sentences of two
different articles are one fact told twice when

* they are a *copy*: at least ``COPY_SHARE`` (half) of the word trigrams of the shorter one are in the other, or
* a *paraphrase*: fewer trigrams shared, but a Dice overlap of at least ``PARAPHRASE_DICE`` (0.5) over their content
  words (``conflicts.content_words``: four letters or more) and figures, at least ``PARAPHRASE_WORDS`` (6) of them
  shared.

Both need ``MIN_WORDS`` (8) words a side. A sentence that pairs with more than ``MAX_ECHOES`` (3) other articles is
boilerplate (a sign-off, a standard line), not a story told twice, and is dropped. No part of the detector is used
to find the pairs: the test is words only.

Cases. For a retold pair whose two sentences carry one value the planting rules of ``conflicts.py`` find on both
sides (the same day or year, the same number with the same counted noun, the same person with the same title, the
same quotation with a speaker credited in one article), one article gets one change, made by those same rules: a
day or year moved, a number doubled or halved, a title swapped for another post of its kind, the quotation credited
to another person named in the corpus. A date is planted only where the two sentences pass a stricter same-fact test
(``one_dated_fact``: two firms' results in one year are two facts, however alike their wording): at least
``DATE_SHARED`` (4) content words in common and ``DATE_SHARE`` (half) of the shorter sentence's, a capitalised word
in common, a figure in common when both give other figures, and no year written into a name ("the 2005 Riverton
Film Awards" tells which occasion, not when a fact happened). A number is planted only where the change is a
conflict as the checks should read it: not in a name ("Formula One", "the Hot 50 chart", "50 Cent"), not at either
end of a span ("between 10 and 12", "by 25 to 15"), and, where either side gives a bound or a rounding ("more than",
"about", "or more"), only when the changed figure and the other side's no longer share a value ("more than 400,000"
made "more than 200,000" against "400,000" is still true, so it is not planted; "400,000" made "200,000" against
"more than 400,000" is). A quotation is credited only to a name that reads as a person's (``names_someone``: not
"Virgin Trains"). At most ``--per-pair`` cases (default 1) per article pair and kind, chosen by a fixed hash;
``--sample`` keeps the first N cases per kind and half in hash order (30 by default), so a run stays small and a half
holds the same cases run alone or beside the other; ``--list`` prints the cases and stops.

Runs. Each article pair is run unchanged (the clean run) and once per case with the changed article, each time beside
``NEIGHBOURS`` (2) unchanged articles from elsewhere in the corpus, chosen by hash, all through the library API
(``factcheck.run``) in this one process with the models loaded once and one cache (``conflicts.Runner``).

Scores, as ``conflicts.py`` scores them: recall per kind (the kind's own check, at warning or above, with evidence
over the planted span); precision (of the warning-or-above findings a case raises that its clean run does not, the
share at the planted span); warnings per clean run, by check. Each figure is also given per half: the halves are
fixed by a hash of the article component (articles joined by any retold pair), so cases that share an article fall
in one half. Half ``a`` may be read (``--show-misses``, with ``--why`` the stage that lost each missed date or
number, ``conflicts.why_missed``); half ``b`` is kept for judging (``UNREAD``) and its misses are printed only with
``--force``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import conflicts  # noqa: E402  (the planting rules, the runner and the scoring of the ECB+ benchmark)

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpora" / "bbc" / "articles.jsonl"
SALT = "factcheck-retold"
KINDS = conflicts.KINDS
UNREAD = ("b",)  # the half kept for judging: its misses are not printed unless forced

MIN_WORDS = 8
COPY_SHARE = 0.5
PARAPHRASE_DICE = 0.5
PARAPHRASE_WORDS = 6
MAX_ECHOES = 3
NEIGHBOURS = 2
DATE_SHARED = 4  # content words two sentences that tell one dated fact share at least
DATE_SHARE = 0.5  # ... and at least this share of the shorter sentence's
# A content word in more sentences than this is too common to find a paraphrase by (it still counts once found).
_COMMON = 60


# --- corpus and sentences --------------------------------------------------------------------


@dataclass
class Article:
    id: str
    text: str
    published: date | None = None


@dataclass(frozen=True)
class Sentence:
    article: str
    start: int
    end: int


def read_articles(path: Path) -> list[Article]:
    source = path / "articles.jsonl" if path.is_dir() else path
    articles = []
    with source.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            row = json.loads(line)
            published = None
            if isinstance(row.get("published"), str):
                try:
                    published = date.fromisoformat(row["published"][:10])
                except ValueError:
                    published = None
            articles.append(Article(id=str(row["id"]), text=row["text"], published=published))
    return sorted(articles, key=lambda a: a.id)


_BREAK = re.compile(r"\n\s*\n|(?<=[.!?])[\"”’']?\s+(?=[\"“‘]?[A-Z])|(?<=[.!?][\"”’'])\s+")


def split_sentences(article: Article) -> list[Sentence]:
    """Sentences by a plain rule: a blank line, or end punctuation (and a closing quote) before space and a capital."""
    sentences = []
    start = 0
    text = article.text
    for match in [*_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        if match and text[match.start()] in "\"”’'":  # the closing quote belongs to the sentence
            end += 1
        piece = text[start:end]
        stripped = piece.strip()
        if stripped:
            offset = start + len(piece) - len(piece.lstrip())
            sentences.append(Sentence(article.id, offset, offset + len(stripped)))
        start = match.end() if match else len(text)
    return sentences


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+(?:['’][a-z]+)?", text.lower())


def _trigrams(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


def _telling_words(words: list[str]) -> set[str]:
    """The words two retold sentences are matched by: the content words (``conflicts.content_words``, the one
    definition) of the sentence's words as ``_words`` reads them (so a quotation mark is no part of a word), and the
    words holding a figure ("250", "2003")."""
    return conflicts.content_words(" ".join(words)) | {word for word in words if any(ch.isdigit() for ch in word)}


@dataclass(frozen=True)
class Pair:
    left: Sentence  # the article ids ordered: left.article < right.article
    right: Sentence
    match: str  # "copy" or "paraphrase"
    share: float  # the trigram share (copy) or the content-word Dice (paraphrase)


def find_pairs(articles: list[Article]) -> list[Pair]:
    """Every retold sentence pair across two articles (see the module docstring), sorted."""
    by_id = {article.id: article for article in articles}
    sentences: list[Sentence] = []
    for article in articles:
        sentences.extend(split_sentences(article))
    words = [_words(by_id[s.article].text[s.start : s.end]) for s in sentences]
    keep = [i for i, w in enumerate(words) if len(w) >= MIN_WORDS]
    trigrams = {i: _trigrams(words[i]) for i in keep}
    content = {i: _telling_words(words[i]) for i in keep}
    by_trigram: dict[tuple[str, ...], list[int]] = defaultdict(list)
    by_word: dict[str, list[int]] = defaultdict(list)
    for i in keep:
        for gram in trigrams[i]:
            by_trigram[gram].append(i)
        for word in content[i]:
            by_word[word].append(i)
    found: dict[tuple[int, int], Pair] = {}
    for i in keep:
        shared_grams: Counter[int] = Counter()
        for gram in trigrams[i]:
            postings = by_trigram[gram]
            if len(postings) <= _COMMON:
                shared_grams.update(j for j in postings if j > i)
        shared_words: Counter[int] = Counter()
        for word in content[i]:
            postings = by_word[word]
            if len(postings) <= _COMMON:
                shared_words.update(j for j in postings if j > i)
        for j in sorted(set(shared_grams) | {j for j, n in shared_words.items() if n >= PARAPHRASE_WORDS // 2}):
            left, right = sentences[i], sentences[j]
            if left.article == right.article:
                continue
            grams = len(trigrams[i] & trigrams[j]) / max(1, min(len(trigrams[i]), len(trigrams[j])))
            common = content[i] & content[j]
            dice = 2 * len(common) / max(1, len(content[i]) + len(content[j]))
            if grams >= COPY_SHARE:
                pair = Pair(left, right, "copy", round(grams, 3))
            elif dice >= PARAPHRASE_DICE and len(common) >= PARAPHRASE_WORDS:
                pair = Pair(left, right, "paraphrase", round(dice, 3))
            else:
                continue
            if left.article > right.article:
                pair = Pair(right, left, pair.match, pair.share)
            found[(i, j)] = pair
    # Boilerplate: a sentence echoed by more than MAX_ECHOES other articles is no story told twice.
    echoes: dict[Sentence, set[str]] = defaultdict(set)
    for pair in found.values():
        echoes[pair.left].add(pair.right.article)
        echoes[pair.right].add(pair.left.article)
    pairs = [
        pair
        for pair in found.values()
        if len(echoes[pair.left]) <= MAX_ECHOES and len(echoes[pair.right]) <= MAX_ECHOES
    ]
    return sorted(pairs, key=lambda p: (p.left.article, p.right.article, p.left.start, p.right.start))


def components(pairs: list[Pair]) -> dict[str, str]:
    """Each paired article's component (articles joined by any retold pair), named by its smallest article id."""
    from factcheck.checks.base import connected_groups

    links = [(pair.left.article, pair.right.article) for pair in pairs]
    home = {}
    for group in connected_groups(links):
        members = {article for position in group for article in links[position]}
        home.update(dict.fromkeys(members, min(members)))
    return dict(sorted(home.items()))


def half_of(component: str) -> str:
    digest = hashlib.sha256(f"{SALT}:half:{component}".encode()).hexdigest()
    return "a" if int(digest[:8], 16) % 2 == 0 else "b"


# --- planting --------------------------------------------------------------------------------


_NAMED_YEAR = re.compile(r"\s+(?:[A-Z][a-z]|[A-Z]{2})")  # a year before a capitalised word names an occasion
_CAPITALISED = re.compile(r"(?<=[a-z,;:] )[A-Z][A-Za-z'’-]+")  # a capitalised word within a sentence
_CALENDAR = frozenset(
    "january february march april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday".split()
)
_FIGURE = re.compile(r"\d[\d,.]*")


def _in_a_name(text: str, end: int, key: tuple) -> bool:
    """A year followed by a capitalised word ("2005 Riverton Awards") names an occasion."""
    return key[0] == "year" and _NAMED_YEAR.match(text, end) is not None


def _figures(sentence: str, date_start: int, date_end: int) -> set[str]:
    return {m.group().rstrip(".,") for m in _FIGURE.finditer(sentence) if not date_start <= m.start() < date_end}


def one_dated_fact(left: str, right: str, left_date: tuple[int, int], right_date: tuple[int, int]) -> bool:
    """Whether two sentences that give one date tell one dated fact (offsets of the date within each): enough content
    words in common (``conflicts.content_words``), a capitalised word in common, and, when both give other figures,
    a figure in common (two firms' profits in one year are two facts)."""
    words = conflicts.content_words(left), conflicts.content_words(right)
    shared = len(words[0] & words[1])
    if shared < DATE_SHARED or shared < DATE_SHARE * min(len(words[0]), len(words[1])):
        return False
    names = [{word.casefold() for word in _CAPITALISED.findall(text)} - _CALENDAR for text in (left, right)]
    if not names[0] & names[1]:
        return False
    figures = _figures(left, *left_date), _figures(right, *right_date)
    return not (figures[0] and figures[1] and not figures[0] & figures[1])


@dataclass
class Planted(conflicts.Case):
    """A planted case (``group`` is its article pair, ``article`` and ``witness`` are document ids) or a clean run."""

    match: str = ""  # how the two sentences are retold: "copy" or "paraphrase"
    half: str = ""
    witness_sentence: str = ""  # the witness's sentence that states the original value (for --list)


def doc_id(article_id: str) -> str:
    """The document id a run gives the article: its file stem (the id, path separators made dashes)."""
    return re.sub(r"[^\w.-]+", "-", article_id).strip("-.") or "article"


# The word a number counts, as conflicts._NUMBER reads it, and what follows it.
_COUNTED = re.compile(r"(?:\s+(?:million|billion|thousand))?(?:-|\s+)(?P<noun>[a-z][a-z-]{2,})\b", re.IGNORECASE)
# A count (not a year: "the first six months of 2005" is no share), in figures or in words.
_NUMERAL = rf"(?:(?!(?:19|20)\d\d\b)\d(?:[\d,.]*\d)?|\b(?:{'|'.join(conflicts._NUMBER_WORDS)}))\b"
_OF_A_WHOLE = re.compile(rf"\s+of\s+{_NUMERAL}", re.IGNORECASE)  # after a part's counted word: "nine out| of 10"
_A_PART_OF = re.compile(rf"{_NUMERAL}\s+[a-z-]+\s+of\s+$", re.IGNORECASE)  # before the whole: "nine out of |10"


@cache
def _a_fraction(noun: str) -> bool:
    """Whether WordNet knows the noun, in some sense, as a kind of common fraction ("thirds", "quarters", "half")."""
    from factcheck.nlp import lexicon

    fraction = set(lexicon.senses("common fraction", "n"))
    return any(
        kind in fraction
        for base in lexicon.base_forms(noun.lower(), "n") or (noun.lower(),)
        for sense in lexicon.senses(base, "n")
        for kind in lexicon.kinds_of(sense)
    )


# Two numbers joined as the ends of one span ("between 10 and 12", "one or two", "by 25 to 15 seats", "5-10"); "and"
# joins two ends only after "between" ("killed 12 and injured 30" are two counts).
_END = rf"(?:\d(?:[\d,.]*\d)?|\b(?:one|{'|'.join(conflicts._NUMBER_WORDS)})\b)"
_JOIN = r"(?:\s{0,3}(?:-|–|—)\s{0,3}|\s{1,3}(?:to|or)\s{1,3})"
_JOINED_AFTER = re.compile(rf"{_JOIN}{_END}", re.IGNORECASE)
_JOINED_BEFORE = re.compile(rf"{_END}{_JOIN}$", re.IGNORECASE)
_BETWEEN_AFTER = re.compile(rf"\s{{1,3}}and\s{{1,3}}{_END}", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(rf"\bbetween\s{{1,3}}(?:{_END}\s{{1,3}}and\s{{1,3}})?$", re.IGNORECASE)


def _a_range_end(text: str, start: int, end: int) -> bool:
    """Whether a number is one end of a span written with two ("between 10 and 12", "one or two", "5-10", "by 25 to
    15"): doubling or halving one end gives another span, or an upside-down one, not another count."""
    before = text[max(0, start - 40) : start]
    if _JOINED_AFTER.match(text, end) or _JOINED_BEFORE.search(before):
        return True
    between = _BETWEEN_BEFORE.search(before)
    return between is not None and (" and " in between.group() or _BETWEEN_AFTER.match(text, end) is not None)


_WORD_BEFORE = re.compile(r"[A-Za-z]+\s$")


def _number_in_a_name(text: str, start: int, end: int) -> bool:
    """Whether a number is part of a name ("Formula One", "the Hot 50 chart", "50 Cent"): the number, the word before
    it or its counted word is capitalised inside a sentence of prose, which English does for a name and not for a
    count (``_word_in_a_name``, the detector's own reading of a number word in a name). A counted word WordNet writes
    capitalised is a people or a party, counted ("300 Britons", "40 Democrats")."""
    from factcheck.nlp import lexicon
    from factcheck.nlp.quantities.candidates import _word_in_a_name
    from factcheck.nlp.quantities.reading import WrittenNumber

    def a_name(word_start: int, word_end: int) -> bool:
        return _word_in_a_name(text, WrittenNumber(word_start, word_end, 0.0, 1.0, 1.0, word=True))

    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if a_name(start, end) or (before is not None and a_name(before.start(), before.end() - 1)):
        return True
    counted = _COUNTED.match(text, end)
    if counted is None or not a_name(counted.start("noun"), counted.end("noun")):
        return False
    noun = counted.group("noun")
    return not any(
        lexicon.written_as_a_name(base, key)
        for base in lexicon.base_forms(noun.lower(), "n")
        for key in lexicon.senses(base, "n")
    )


def _numbers(text: str) -> list[tuple[int, int, tuple, str]]:
    """``conflicts._numbers`` less the numbers where doubling or halving gives no other count of the same thing: the
    parts of a whole, a fraction ("two-thirds of the economy" would become "four-thirds") and either term of a share
    stated against its whole ("nine out of 10 voters" would become "18 out of 10" or "nine out of 5"); a number in a
    name (``_number_in_a_name``: "the Hot 50 chart" would become "the Hot 25 chart"); and either end of a span
    (``_a_range_end``)."""
    kept = []
    for item in conflicts._numbers(text):
        counted = _COUNTED.match(text, item[1])
        if counted and (_a_fraction(counted.group("noun")) or _OF_A_WHOLE.match(text, counted.end())):
            continue  # a fraction, or the part of a share
        if _A_PART_OF.search(text[max(0, item[0] - 40) : item[0]]):
            continue  # the whole of a share
        if _number_in_a_name(text, item[0], item[1]) or _a_range_end(text, item[0], item[1]):
            continue
        kept.append(item)
    return kept


_POSTFIX_KINDS = {"or more": "ge", "plus": "ge", "or so": "approx", "or fewer": "le", "or less": "le"}


def _allows(text: str, start: int, end: int, written: str) -> tuple[float, float, bool, bool]:
    """The values a number written at ``text[start:end]`` allows when it reads ``written`` there: its comparator
    before it ("more than", "about") or after it and its counted word ("or more"), and the rounding its writing
    implies, as the checks read them (``factcheck.nlp.quantities``)."""
    from factcheck.nlp.quantities.intervals import comparator_before, comparator_interval
    from factcheck.nlp.quantities.lexicon import POSTFIX
    from factcheck.nlp.quantities.reading import numbers_in

    number = numbers_in(written)[0]
    kind, _ = comparator_before(text, start)
    if kind is None:
        counted = _COUNTED.match(text, end)
        postfix = POSTFIX.match(text, end) or (POSTFIX.match(text, counted.end()) if counted else None)
        if postfix:
            kind = _POSTFIX_KINDS[" ".join(postfix["post"].casefold().split()) if postfix["post"] else "plus"]
    return comparator_interval(kind or "eq", number.value, "count", number)[1:]


def _still_compatible(changed: str, start: int, end: int, replacement: str, witness: str, at: tuple[int, int]) -> bool:
    """Whether a number changed at ``changed[start:end]`` to ``replacement`` still agrees with the witness's figure
    at ``witness[at[0]:at[1]]``, as the checks should read them (a bound or a rounding the other figure falls in:
    "more than 400,000" made "more than 800,000" against "more than 400,000"; "about 10" made "about 5"). Such a
    change is no conflict, so it is not planted."""
    from factcheck.nlp.quantities import intervals_overlap

    return intervals_overlap(_allows(changed, start, end, replacement), _allows(witness, *at, witness[at[0] : at[1]]))


_FINDERS = {"date": conflicts._dates, "number": _numbers, "title": conflicts._titles}


def _values(kind: str, article: Article, sentence: Sentence, memo: dict) -> list[tuple[int, int, tuple, str]]:
    """The plantable values of a kind inside one sentence, found over the whole article (so each rule sees its
    context as it does in ``conflicts.py``)."""
    key = (kind, article.id)
    if key not in memo:
        memo[key] = _FINDERS[kind](article.text)
    return [item for item in memo[key] if sentence.start <= item[0] and item[1] <= sentence.end]


def _quotes(article: Article, sentence: Sentence) -> list[re.Match]:
    return [
        quote
        for quote in conflicts._QUOTE.finditer(article.text, sentence.start, sentence.end)
        if len(conflicts.content_words(quote.group("words"))) >= 4
    ]


# A sentence ends: a full stop, question or exclamation mark (and a closing quote), space, and a capital. Read from
# a quotation's last two characters, it also finds a quotation that closes its own sentence ('... illegal." He').
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+[\"“‘]?[A-Z]")


def _in_hash_order(people: list[str], *where: object) -> list[str]:
    """The names a quotation may be credited to instead, in an order fixed by a hash of the quotation (``where``) and
    each name, so a name left out of the pool changes only the cases that took it."""
    return sorted(people, key=lambda person: conflicts._stable(SALT, *where, person))


def plant(
    articles: list[Article],
    pairs: list[Pair],
    persons: dict[str, list[tuple[int, int]]],
    people: list[str],
    kinds: tuple[str, ...] = KINDS,
    per_pair: int = 1,
) -> list[Planted]:
    """The planted cases, deterministic: per article pair and kind, at most ``per_pair`` changes, each at a value both
    sentences of one retold pair state, made in one of the two articles. ``persons`` gives each article's person
    spans (by article id), ``people`` the names a quotation may be credited to instead."""
    by_id = {article.id: article for article in articles}
    home = components(pairs)
    memo: dict = {}
    candidates: dict[tuple[str, str], list[Planted]] = defaultdict(list)  # by article pair and kind
    for pair in pairs:
        unit = f"{doc_id(pair.left.article)}+{doc_id(pair.right.article)}"
        half = half_of(home[pair.left.article])
        sides = ((pair.left, pair.right), (pair.right, pair.left))

        def add(kind: str, article: Article, start: int, end: int, replacement: str, witness: Sentence) -> None:
            case = _case(pair, unit, half, kind, article, start, end, replacement, witness.article)  # noqa: B023
            case.witness_sentence = by_id[witness.article].text[witness.start : witness.end]
            candidates[(case.group, kind)].append(case)

        for kind in ("date", "number", "title"):
            if kind not in kinds:
                continue
            for first, second in sides:
                first_text, second_text = by_id[first.article].text, by_id[second.article].text
                keys: dict[tuple, tuple[int, int]] = {}
                for start, end, key, _ in _values(kind, by_id[second.article], second, memo):
                    if not (kind == "date" and _in_a_name(second_text, end, key)):
                        keys.setdefault(key, (start, end))
                for start, end, key, replacement in _values(kind, by_id[first.article], first, memo):
                    if key not in keys:
                        continue
                    if kind == "number" and _still_compatible(
                        first_text, start, end, replacement, second_text, keys[key]
                    ):
                        continue
                    if kind == "date" and (
                        _in_a_name(first_text, end, key)
                        or not one_dated_fact(
                            first_text[first.start : first.end],
                            second_text[second.start : second.end],
                            (start - first.start, end - first.start),
                            (keys[key][0] - second.start, keys[key][1] - second.start),
                        )
                    ):
                        continue
                    add(kind, by_id[first.article], start, end, replacement, second)
        if "speaker" in kinds:
            for first, second in sides:
                article = by_id[first.article]
                others = [conflicts.content_words(q.group("words")) for q in _quotes(by_id[second.article], second)]
                for quote in _quotes(article, first):
                    words = conflicts.content_words(quote.group("words"))
                    if not any(len(words & other) >= 0.6 * len(words) for other in others):
                        continue
                    speaker = conflicts._speaker_near(
                        article.text, quote.start(), quote.end(), persons.get(article.id, [])
                    )
                    if speaker is None:
                        continue
                    start, end = speaker
                    between = article.text[end : quote.start()] if end <= quote.start() else ""
                    if re.search(r"[.!?]\s+\S", between):
                        continue  # a name in the sentence before a quotation ("... Ann Lee. He said: ...")
                    if start >= quote.end() and _SENTENCE_END.search(article.text, quote.end() - 2, start):
                        continue  # a name in a sentence after the quotation ('..." he said. Ann Lee, who ...')
                    name = article.text[start:end]
                    replacement = next(
                        (
                            person
                            for person in _in_hash_order(people, article.id, quote.start())
                            if person.split()[-1] not in article.text and person.split()[0] != name.split()[0]
                        ),
                        None,
                    )
                    if replacement is not None:
                        add("speaker", article, start, end, replacement, second)
    # Per article pair and kind: the first ``per_pair`` in hash order, each span once.
    chosen: list[Planted] = []
    for _, found in sorted(candidates.items()):
        taken: list[Planted] = []
        for case in sorted(
            found, key=lambda c: (conflicts._stable(SALT, c.group, c.kind, c.article, c.start), c.start)
        ):
            if any((c.article, c.start) == (case.article, case.start) for c in taken):
                continue
            taken.append(case)
            if len(taken) == per_pair:
                break
        chosen.extend(taken)
    return sorted(chosen, key=lambda c: (KINDS.index(c.kind), conflicts._stable(SALT, c.group, c.article, c.start)))


def _case(
    pair: Pair,
    unit: str,
    half: str,
    kind: str,
    article: Article,
    start: int,
    end: int,
    replacement: str,
    witness: str,
) -> Planted:
    return Planted(
        group=unit,
        kind=kind,
        article=doc_id(article.id),
        start=start,
        end=start + len(replacement),
        before=article.text[start:end],
        after=replacement,
        witness=doc_id(witness),
        text=article.text[:start] + replacement + article.text[end:],
        match=pair.match,
        half=half,
    )


def sample(cases: list[Planted], per_kind: int) -> list[Planted]:
    """The first ``per_kind`` cases of each kind and half in their fixed hash order (0: all), so a half holds the
    same cases whether it is run alone (``--half``) or beside the other."""
    if not per_kind:
        return cases
    count: Counter[tuple[str, str]] = Counter()
    kept = []
    for case in cases:
        if count[(case.kind, case.half)] < per_kind:
            count[(case.kind, case.half)] += 1
            kept.append(case)
    return kept


def neighbours(articles: list[Article], unit_articles: tuple[str, str], home: dict[str, str], count: int) -> list[str]:
    """``count`` unchanged articles from outside the pair's component, chosen by hash (the same for every run of the
    pair), so a run reads more than the two texts it compares."""
    component = home.get(unit_articles[0])
    outside = [a.id for a in articles if home.get(a.id) != component]
    ranked = sorted(outside, key=lambda other: conflicts._stable(SALT, "neighbour", *unit_articles, other))
    return sorted(ranked[:count])


def heads_its_phrase(doc, ent) -> bool:
    """Whether a PERSON entity stands for someone where it is written: not when a common noun follows it, which it
    then modifies ("local Lib Dem parties", "a Harry Potter film": a party, a brand, a title), as the tagger reads it
    (Penn tags NN and NNS)."""
    return ent.end >= len(doc) or doc[ent.end].tag_ not in ("NN", "NNS")


@cache
def _a_common_word(word: str) -> bool:
    """Whether WordNet knows the word, or the lemma it is an inflection of, in lower case as a noun, adjective or
    verb: a word of the language, not one made from a name ("Digital", "Concern"; not "Dana", "Briton")."""
    from factcheck.nlp import lexicon

    folded = word.lower()
    return any(
        not lexicon.written_as_a_name(base, key)
        for pos in ("n", "a", "v")
        for base in lexicon.base_forms(folded, pos)
        for key in lexicon.senses(base, pos)
    )


@cache
def _a_persons_name(word: str) -> bool:
    """Whether WordNet writes the word capitalised for a person in some sense (a given name or a surname it knows:
    "John", "Gates", "Young")."""
    from factcheck.nlp import lexicon

    folded = word.lower()
    return any(
        lexicon.synset(key).lexicographer_file == lexicon.PERSON_FIELD and lexicon.written_as_a_name(base, key)
        for base in lexicon.base_forms(folded, "n") or (folded,)
        for key in lexicon.senses(base, "n")
    )


@cache
def _a_plural_noun(word: str) -> bool:
    """Whether WordNet reads the word as the plural of a common noun ("Trains", "Labs")."""
    from factcheck.nlp import lexicon

    folded = word.lower()
    return any(base != folded and lexicon.senses(base, "n") for base in lexicon.base_forms(folded, "n"))


def names_someone(name: str) -> bool:
    """Whether a name the recogniser tags PERSON reads as a person's (WordNet, ``factcheck.nlp.lexicon``): not when
    every word is a common word and none a person's name WordNet knows ("Silver Kitchen", "Open Door": a firm, a
    work), nor when it ends in the plural of a common noun that is no person's name ("Norvane Ferries", "Kestrel
    Labs": a firm, a band). A given name or a surname is seldom an English word and never a plural one; some are
    (a surname "Irons" is lost), which costs a few replacement names, not a wrong one."""
    words = name.split()
    if all(_a_common_word(word) for word in words) and not any(_a_persons_name(word) for word in words):
        return False
    return not (_a_plural_noun(words[-1]) and not _a_persons_name(words[-1]))


def a_person(doc, ent) -> bool:
    """The test ``conflicts.person_spans`` keeps a PERSON entity by: it heads its phrase (``heads_its_phrase``) and
    its words read as a person's name (``names_someone``), so neither a quotation's speaker nor a replacement name is
    a firm or a work ("Virgin Trains")."""
    return heads_its_phrase(doc, ent) and names_someone(ent.text)


def speaker_people(articles: list[Article], nlp) -> tuple[dict[str, list[tuple[int, int]]], list[str]]:
    """Each article's PERSON spans and the names a quotation can be credited to instead, as ``conflicts.py`` reads
    them, less a name that modifies the noun after it or reads as no person's (``a_person``). A replacement is a name
    the corpus itself credits with a quotation somewhere (``conflicts._speaker_near``), so a person who speaks, not a
    firm, a band or a film the recogniser tagged PERSON ("Scissor Sisters"), and no honorific name ("Mr Lee", "Dr
    Ray": their first word has no vowel)."""
    persons, people = conflicts.speaker_people(articles, nlp, keep=a_person)
    credited = set()
    for article in articles:
        for quote in conflicts._QUOTE.finditer(article.text):
            speaker = conflicts._speaker_near(article.text, quote.start(), quote.end(), persons[article.id])
            if speaker is not None:
                credited.add(article.text[speaker[0] : speaker[1]])
    return persons, [name for name in people if name in credited and re.search(r"[aeiouy]", name.split()[0])]


# --- running and scoring ---------------------------------------------------------------------


class Runner(conflicts.Runner):
    """``conflicts.Runner`` with each document's publication day, when the corpus gives one."""

    def run(self, paths: list[Path], published: dict[str, date] | None = None):  # type: ignore[override]
        import factcheck

        settings = factcheck.Settings(
            paths=tuple(paths),
            published=published or {},
            cache_dir=self.cache,
            ignore=self.ignore,
            jobs=1,  # this process, with its loaded models: a handful of short texts a run
            ledger_dir=None,
            resolutions=None,
        )
        started = time.perf_counter()
        result = factcheck.run(settings, embedder=self.embedder, nlp=self.nlp)
        self.seconds += time.perf_counter() - started
        self.runs += 1
        return result


@dataclass
class Unit:
    """One article pair's runs: the clean one and one per planted case."""

    name: str
    half: str
    clean: list = field(default_factory=list)
    outcomes: list = field(default_factory=list)


def run_cases(
    runner, work: Path, articles: list[Article], pairs: list[Pair], cases: list[Planted], progress, why: bool = False
):
    """Each article pair's clean run and one run per case; ``why``: each missed date or number case is given the
    stage that lost it (``conflicts.why_missed``)."""
    by_id = {article.id: article for article in articles}
    by_doc = {doc_id(article.id): article for article in articles}
    home = components(pairs)
    published = {doc_id(a.id): a.published for a in articles if a.published is not None}

    def path_of(article: Article) -> Path:
        path = work / "articles" / f"{doc_id(article.id)}.txt"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(article.text, encoding="utf-8", newline="")
        return path

    by_unit: dict[str, list[Planted]] = defaultdict(list)
    for case in cases:
        by_unit[case.group].append(case)
    units = []
    for number, name in enumerate(sorted(by_unit), start=1):
        unit_cases = by_unit[name]
        first, second = sorted({by_doc[unit_cases[0].article].id, by_doc[unit_cases[0].witness].id})
        members = [first, second, *neighbours(articles, (first, second), home, NEIGHBOURS)]
        paths = {member: path_of(by_id[member]) for member in members}
        result = runner.run(list(paths.values()), published)
        unit = Unit(name=name, half=unit_cases[0].half, clean=list(result.findings))
        clean_ids = {finding.id for finding in result.findings}
        for index, case in enumerate(unit_cases):
            folder = work / "planted" / f"{name}-{case.kind}-{index}"
            folder.mkdir(parents=True, exist_ok=True)
            changed = folder / f"{case.article}.txt"
            changed.write_text(case.text, encoding="utf-8", newline="")
            case_paths = [changed if doc_id(member) == case.article else path for member, path in paths.items()]
            changed_result = runner.run(case_paths, published)
            outcome = conflicts.Outcome(case=case, findings=list(changed_result.findings))
            if why and case.kind in ("date", "number") and not conflicts.found(outcome):
                outcome.why = conflicts.why_missed(case, result.corpus, changed_result.corpus)
            outcome.fresh = [  # type: ignore[attr-defined]
                f for f in outcome.findings if f.id not in clean_ids and conflicts.SEVERITY_RANK[f.severity.value] >= 1
            ]
            unit.outcomes.append(outcome)
        units.append(unit)
        progress(f"pair {number}/{len(by_unit)} {name}: {len(unit_cases)} cases")
    return units


def figures(units: list[Unit]) -> dict:
    """Recall per kind (and per kind and match), precision and clean warnings, for all and per half."""

    def of(chosen: list[Unit]) -> dict:
        outcomes = [o for unit in chosen for o in unit.outcomes]
        recall = {}
        for kind in KINDS:
            mine = [o for o in outcomes if o.case.kind == kind]
            recall[kind] = [sum(conflicts.found(o) for o in mine), len(mine)]
        by_match = {}
        for match in ("copy", "paraphrase"):
            for kind in KINDS:
                mine = [o for o in outcomes if o.case.kind == kind and o.case.match == match]
                if mine:
                    by_match[f"{kind} {match}"] = [sum(conflicts.found(o) for o in mine), len(mine)]
        fresh = [f for o in outcomes for f in o.fresh]
        pointing = [f for o in outcomes for f in o.fresh if conflicts._touches(f, o.case)]
        clean: Counter[str] = Counter()
        for unit in chosen:
            for finding in unit.clean:
                clean[f"{finding.check}:{finding.severity.value}"] += 1
        warnings = sum(n for key, n in clean.items() if not key.endswith(":info"))
        return {
            "pairs": len(chosen),
            "cases": len(outcomes),
            "recall": recall,
            "recall_by_match": by_match,
            "precision": [len(pointing), len(fresh)],
            "clean_warnings": warnings,
            "clean_info": sum(clean.values()) - warnings,
            "clean_by_check": dict(sorted(clean.items())),
        }

    return {
        "all": of(units),
        **{half: of([u for u in units if u.half == half]) for half in ("a", "b")},
    }


def report(numbers: dict, halves: tuple[str, ...]) -> list[str]:
    def ratio(pair: list[int]) -> str:
        return f"{pair[0]}/{pair[1]}" + (f" {pair[0] / pair[1]:.2f}" if pair[1] else "")

    columns = [name for name in ("all", "a", "b") if name == "all" or name in halves]
    lines = [f"{'':<26}" + "".join(f"{'half ' + c if c != 'all' else 'all':>16}" for c in columns)]
    lines.append(f"{'article pairs run':<26}" + "".join(f"{numbers[c]['pairs']:>16}" for c in columns))
    for kind in KINDS:
        lines.append(f"{'recall ' + kind:<26}" + "".join(f"{ratio(numbers[c]['recall'][kind]):>16}" for c in columns))
    keys = sorted({key for c in columns for key in numbers[c]["recall_by_match"]}, key=lambda k: k.split()[::-1])
    for key in keys:
        lines.append(
            f"{'  ' + key:<26}"
            + "".join(f"{ratio(numbers[c]['recall_by_match'].get(key, [0, 0])):>16}" for c in columns)
        )
    lines.append(f"{'precision':<26}" + "".join(f"{ratio(numbers[c]['precision']):>16}" for c in columns))
    lines.append(
        f"{'clean warnings / run':<26}"
        + "".join(f"{numbers[c]['clean_warnings'] / max(1, numbers[c]['pairs']):>16.2f}" for c in columns)
    )
    lines.append(
        f"{'clean info / run':<26}"
        + "".join(f"{numbers[c]['clean_info'] / max(1, numbers[c]['pairs']):>16.2f}" for c in columns)
    )
    checks = sorted({key for c in columns for key in numbers[c]["clean_by_check"]})
    for key in checks:
        lines.append(f"{'  ' + key:<26}" + "".join(f"{numbers[c]['clean_by_check'].get(key, 0):>16}" for c in columns))
    return lines


def misses(units: list[Unit]) -> list[str]:
    lines = []
    for unit in units:
        for outcome in unit.outcomes:
            if conflicts.found(outcome):
                continue
            case = outcome.case
            context = case.text[max(0, case.start - 80) : case.end + 80].replace("\n", " ")
            near = sorted({f"{f.check}:{f.severity.value}" for f in outcome.findings if conflicts._touches(f, case)})
            lines.append(
                f"  {case.kind} ({case.match}) {case.article} (witness {case.witness}) {case.before!r} -> "
                f"{case.after!r} near: {near or 'nothing'}\n      ...{context}..."
            )
            if outcome.why:
                lines.append(f"      why: {outcome.why}")
    return lines


def listing(cases: list[Planted]) -> list[str]:
    """The cases as ``--list`` prints them: the change in its context, and the witness's sentence."""
    lines = []
    for case in cases:
        context = " ".join(case.text[max(0, case.start - 120) : case.end + 60].split())
        lines.append(f"{case.kind} ({case.match}, half {case.half}) {case.article} {case.before!r} -> {case.after!r}")
        lines.append(f"    ...{context}...")
        lines.append(f"    witness {case.witness}: {' '.join(case.witness_sentence.split())}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="articles.jsonl, or a folder holding it")
    parser.add_argument("--half", choices=("a", "b"), help="only the cases of this half (a hash of the component)")
    parser.add_argument("--kinds", default=",".join(KINDS), help="planted kinds to run (comma-separated)")
    parser.add_argument("--per-pair", type=int, default=1, help="cases per article pair and kind (default 1)")
    parser.add_argument(
        "--sample", type=int, default=30, help="cases per kind and half, the first in hash order (default 30; 0: all)"
    )
    parser.add_argument("--limit", type=int, default=0, help="run only the first N article pairs (after sampling)")
    parser.add_argument(
        "--skip-checks",
        default="garbled-wording,divergence",
        help="checks left out (comma-separated; the slow spun-wording checks by default)",
    )
    parser.add_argument("--cache-dir", type=Path, help="keep the cache and the written articles here")
    parser.add_argument("--show-misses", action="store_true", help="print the missed cases of the halves read")
    parser.add_argument(
        "--why", action="store_true", help="with --show-misses: the stage that lost each missed date or number"
    )
    parser.add_argument("--list", action="store_true", help="print the chosen cases and their witnesses, and stop")
    parser.add_argument("--force", action="store_true", help="with --show-misses: print an unread half's misses too")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args(argv)
    kinds = tuple(kind for kind in args.kinds.split(",") if kind)
    if unknown := set(kinds) - set(KINDS):
        parser.error(f"unknown kinds: {', '.join(sorted(unknown))}")
    if args.show_misses and args.half in UNREAD and not args.force:
        parser.error(f"half {args.half} is kept unread for judging: its misses are printed only with --force")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

    def progress(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    started = time.perf_counter()
    articles = read_articles(args.corpus)
    pairs = find_pairs(articles)
    progress(
        f"{len(articles)} articles, {len(pairs)} retold sentence pairs "
        f"({sum(p.match == 'copy' for p in pairs)} copies), {time.perf_counter() - started:.1f} s"
    )
    from factcheck.stages.check import registered_checks

    ignore = tuple(name for name in args.skip_checks.split(",") if name in registered_checks())
    with tempfile.TemporaryDirectory() as temp:
        work = args.cache_dir / "work" if args.cache_dir else Path(temp)
        runner = None if args.list else Runner(work, args.cache_dir or work / "cache", ignore)
        persons: dict[str, list[tuple[int, int]]] = {}
        people: list[str] = []
        if "speaker" in kinds:
            from factcheck.stages.extract import load_spacy

            quoted = {
                s.article
                for p in pairs
                for s in (p.left, p.right)
                if conflicts._QUOTE.search(next(a.text for a in articles if a.id == s.article), s.start, s.end)
            }
            nlp = runner.nlp if runner else load_spacy()
            persons, people = speaker_people([a for a in articles if a.id in quoted], nlp)
        cases = plant(articles, pairs, persons, people, kinds, args.per_pair)
        if args.half:
            cases = [case for case in cases if case.half == args.half]
        cases = sample(cases, args.sample)
        if args.limit:
            units = sorted({case.group for case in cases})[: args.limit]
            cases = [case for case in cases if case.group in units]
        progress(f"{len(cases)} planted cases: {dict(Counter(case.kind for case in cases))}")
        if runner is None:
            print("\n".join(listing(cases)))
            return 0
        units = run_cases(runner, work, articles, pairs, cases, progress, why=args.why)
        halves = (args.half,) if args.half else ("a", "b")
        numbers = figures(units)
        lines = [f"corpus: {args.corpus} ({len(articles)} articles, {len(pairs)} retold sentence pairs)", ""]
        lines.extend(report(numbers, halves))
        if args.show_misses:
            readable = [half for half in halves if half not in UNREAD or args.force]
            lines.append("")
            lines.append(f"missed cases (half {', '.join(readable) or 'none'}; unread halves are not printed):")
            lines.extend(misses([unit for unit in units if unit.half in readable]))
        lines.append("")
        lines.append(
            f"{runner.runs} pipeline runs in {runner.seconds:.1f} s (all {time.perf_counter() - started:.1f} s)"
        )
    print("\n".join(lines))
    if args.json:
        args.json.write_text(json.dumps({"corpus": str(args.corpus), "figures": numbers}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
