"""Cross-source discrepancy benchmark on ECB+: planted conflicts, clean groups, clustering against event chains.

Usage:
    python benchmarks/conflicts.py                      # the development part
    python benchmarks/conflicts.py --part heldout       # the README figures
    python benchmarks/conflicts.py --limit 3            # the first three groups only (quick)
    python benchmarks/conflicts.py --fold a             # one half of the development part (by topic)
    python benchmarks/conflicts.py --show-misses        # print what each missed case planted
    python benchmarks/conflicts.py --with-topic         # each case among both look-alike event groups of its topic

Data: ../shared/corpora/ecbplus-dev (read at benchmark time, never shipped): articles grouped by
``event_group`` (several outlets reporting one real event), and ``events.jsonl``, sentences tagged with
cross-document event chains. The split is by topic (a hash of the topic number, fixed below), not by
group, so the two look-alike events of a topic (two rehab stays, two earthquakes) fall in the same part:
about 60% of the topics are the development part you may tune on, the rest is held out and only scored.

Cases. A *clean* case is one group's articles, unchanged. A *planted* case changes one fact in one
article where another article of the group states the same fact:

* ``date``: a date ("June 8", "May 3, 2013") or year shared by two sentences of a common event chain,
  moved to another day or year in one article;
* ``number``: a number with the noun it counts ("4,000 tents"), shared the same way, doubled or halved;
* ``title``: a person's title ("coach Mike Smith", "Smith, the CEO") that two articles give alike,
  swapped for another post of the same kind that one person cannot hold at the same time (CEO ->
  CFO, president -> vice president, prosecutor -> defense attorney, captain -> lieutenant);
  descriptions that co-exist (actor / singer, CEO / founder) are never planted (see TITLE_KINDS);
* ``speaker``: a quotation another article also carries, credited to another person named in the corpus.

The word lists below only *plant* changes and pick their replacements; detection never sees them.

Scores. Recall per kind: the right check (``RIGHT_CHECKS``) reports the case at warning or above with
evidence that covers the planted span. Precision: of the warning-or-above findings a planted case raises
that its clean group does not, the share pointing at the planted span. False alarms: findings per clean
group, by check and severity. Clustering: one run over all articles of the part; every pair of
event-annotated sentences from different articles is gold-positive when they share a chain and
predicted-positive when a claim of one and a claim of the other share a cluster, a claim being in its own
cluster and in those that list it as also reporting their event (``Corpus.clusters_of``; pairwise P/R/F1).
Beside it, where the errors come from (``pair_causes``): each missed gold pair by the stage that parted it
(no claim, no cluster, two stories, two clusters of one story) and each wrong pair by whether it joins two
event groups or two events of one group.

Every case runs through the library API (``factcheck.run``) in this one process, the spaCy and
embedding models loaded once; the cache (one directory for the whole benchmark) makes the unchanged
articles of a group cheap after its clean run.
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
from itertools import combinations
from pathlib import Path

from factcheck.nlp.numbers import CARDINALS

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpora" / "ecbplus-dev"
SPLIT_SALT = "factcheck-conflicts-split"
DEV_SHARE = 0.6
KINDS = ("date", "number", "title", "speaker")
# The check that owns each kind of discrepancy: a find counts only when this check reports it.
RIGHT_CHECKS = {
    "date": {"date-conflict"},
    "number": {"numeric-conflict"},
    "title": {"attribution-conflict"},
    "speaker": {"quote-provenance"},
}
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


# --- data ------------------------------------------------------------------------------------


@dataclass
class Article:
    id: str
    topic: int
    group: str
    text: str


@dataclass
class Sentence:
    article: str
    start: int
    end: int
    chains: frozenset[str]


@dataclass
class Case:
    group: str
    kind: str  # "clean" or one of KINDS
    article: str = ""  # the changed article
    start: int = 0  # the planted span, in the changed text
    end: int = 0
    before: str = ""
    after: str = ""
    witness: str = ""  # the other article that states the fact unchanged
    text: str = ""  # the changed article's whole text


@dataclass
class Outcome:
    case: Case
    findings: list = field(default_factory=list)
    why: str = ""  # for a missed date case with --why: the stage that lost it


def part_of(topic: int) -> str:
    digest = hashlib.sha256(f"{SPLIT_SALT}:{topic}".encode()).hexdigest()
    return "dev" if int(digest[:8], 16) / 2**32 < DEV_SHARE else "heldout"


def fold_of(topic: int) -> str:
    """Half "a" or "b" of the development part, by another hash of the topic: a change tuned on dev should
    hold on both halves, not only on their sum (``--fold``)."""
    digest = hashlib.sha256(f"{SPLIT_SALT}:fold:{topic}".encode()).hexdigest()
    return "a" if int(digest[:8], 16) % 2 == 0 else "b"


def read_corpus(folder: Path) -> tuple[list[Article], list[Sentence]]:
    articles = []
    with (folder / "articles.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            articles.append(Article(id=row["id"], topic=int(row["topic"]), group=row["event_group"], text=row["text"]))
    sentences = []
    with (folder / "events.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            sentences.append(
                Sentence(article=row["id"], start=row["start"], end=row["end"], chains=frozenset(row["chains"]))
            )
    return articles, sentences


# --- planting --------------------------------------------------------------------------------

_MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_MONTH = r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
_DAY_DATE = re.compile(
    rf"(?<!\d\s)\b(?P<month>{_MONTH})\s+(?P<day>[0-3]?\d)(?P<suffix>st|nd|rd|th)?\b(?![:.]\d)(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
)
_YEAR = re.compile(r"(?<![\d,.$])\b(?P<year>(?:19|20)\d\d)\b(?![\d,]|\s*(?:%|percent))")
# The number words the cases change: units from two to twelve, fifteen, the tens to fifty, and hundred
# (kept to this set so the planted cases, and with them the figures, stay comparable across versions).
_NUMBER_WORDS = {
    **{word: value for word, value in CARDINALS.items() if 2 <= value <= 12 or value in (15, 20, 30, 40, 50)},
    "hundred": 100,
}
_WORDS_OF = {value: word for word, value in _NUMBER_WORDS.items()}
_NUMBER = re.compile(
    r"(?<![\w$£€.,:/-])(?P<number>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|"
    rf"(?:{'|'.join(_NUMBER_WORDS)}))"
    r"(?P<scale>\s+(?:million|billion|thousand))?(?:-|\s+)(?P<noun>[a-z][a-z-]{2,})\b",
    re.IGNORECASE,
)
_NOT_COUNTED = {
    "percent",
    "years",
    "year",
    "old",
    "a",
    "an",
    "the",
    "of",
    "and",
    "or",
    "to",
    "in",
    "on",
    "at",
    "p",
    "am",
    "pm",
    "a.m",
    "p.m",
    "times",
    "more",
    "other",
    "people's",
    "per",
    "th",
    "st",
    "nd",
    "rd",
    "was",
    "were",
    "is",
    "are",
    "for",
    "from",
    "with",
    "by",
    "after",
    "before",
    "since",
    "when",
    "as",
}
# Titles by kind, each kind a list of synonym sets: a planted change swaps a title for one of another
# set of its kind, never for a synonym (lawyer -> attorney). Every kind holds posts that one person
# cannot hold at once (CEO -> CFO, police chief -> deputy police chief, captain -> lieutenant, the
# prosecutor -> the defense attorney of one case), the way a real attribution error reads.
# Descriptions that co-exist are not planted: one person may be "actor" and "singer", "CEO" and
# "founder", "coach" and "general manager", and a spokesman may be the agent too; news gives
# people several such descriptions, so a swap between them is no contradiction (session 2 planted
# them, and its title figure counted a check that stays quiet on them as missing a conflict).
TITLE_KINDS = [
    [
        ["chief executive", "chief executive officer", "CEO"],
        ["chief financial officer", "CFO"],
        ["chief operating officer", "COO"],
    ],
    [["president"], ["vice president"]],
    [["chairman", "chairwoman"], ["vice chairman"]],
    [["attorney", "lawyer"], ["defense attorney", "defence lawyer"], ["prosecutor", "district attorney"], ["judge"]],
    [["coach", "head coach"], ["assistant coach"], ["offensive coordinator"], ["defensive coordinator"]],
    [["general manager"], ["assistant general manager"]],
    [["senator"], ["governor"], ["mayor"], ["congressman"]],
    [["Sen."], ["Gov."], ["Rep."]],
    [["police chief"], ["deputy police chief"], ["detective"]],
    [["sheriff"], ["undersheriff"]],
    [["captain"], ["lieutenant"], ["sergeant"], ["major"]],
    [["Sgt."], ["Lt."], ["Capt."], ["Maj."]],
]
# A post that is a kind of another set's post, by each set's first title: a title is never swapped for a kind of its
# own post nor for the post it is a kind of, since both are true of one person ("assistant coach" -> "offensive
# coordinator": a coordinator is one of the assistant coaches; "lawyer" -> "prosecutor": a prosecutor is a lawyer,
# whose post is often written "Attorney"). Before a name, news writes "coach" for the team's head coach ("Wales
# coach"), and "attorney" or "lawyer" for a lawyer of either side.
TITLE_WITHIN = {
    "offensive coordinator": "assistant coach",
    "defensive coordinator": "assistant coach",
    "defense attorney": "attorney",
    "prosecutor": "attorney",
}
_TITLE_WORDS = sorted({title for kind in TITLE_KINDS for synonyms in kind for title in synonyms}, key=len, reverse=True)
_TITLE = "(?i:" + "|".join(re.escape(title) for title in _TITLE_WORDS) + ")"
_NAME = r"(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’-]+){1,2})"
_TITLE_BEFORE = re.compile(rf"\b(?P<title>{_TITLE})\s+{_NAME}")
_TITLE_AFTER = re.compile(
    rf"{_NAME},\s+(?:the\s+|an?\s+|[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*)*\s+)?(?P<title>{_TITLE})\b"
)
_QUOTE = re.compile(r"[\"“](?P<words>[^\"“”]{20,}?)[\"”]")
_SPEECH = re.compile(r"\b(?:said|says|told|added|explained|stated|according to)\b")


def _stable(*parts: object) -> int:
    return int(hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()[:12], 16)


def _date_key(match: re.Match) -> tuple:
    month = _MONTHS[match.group("month").lower().rstrip(".")]
    return month, int(match.group("day"))


def _dates(text: str) -> list[tuple[int, int, tuple, str]]:
    """(start, end, key, replacement) for each day date and each free-standing year."""
    found = []
    for match in _DAY_DATE.finditer(text):
        day = int(match.group("day"))
        if not 1 <= day <= 31:
            continue
        new_day = day + 8 if day <= 20 else day - 9
        start, end = match.span("day")
        replacement = str(new_day)
        if match.group("suffix"):
            end = match.end("suffix")
            replacement += _ordinal(new_day)
        found.append((start, end, ("day", *_date_key(match)), replacement))
    for match in _YEAR.finditer(text):
        year = int(match.group("year"))
        start, end = match.span("year")
        found.append((start, end, ("year", year), str(year - 1)))
    return found


def _ordinal(day: int) -> str:
    return "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _format_number(value: float, like: str) -> str:
    if like.lower() in _NUMBER_WORDS:
        word = _WORDS_OF.get(int(value), str(int(value))) if value == int(value) else str(value)
        return word.capitalize() if like[:1].isupper() else word
    if "." in like:
        decimals = len(like.split(".")[1])
        return f"{value:.{decimals}f}"
    if "," in like:
        return f"{int(value):,}"
    return str(int(value))


def _numbers(text: str) -> list[tuple[int, int, tuple, str]]:
    found = []
    for match in _NUMBER.finditer(text):
        word = match.group("number")
        noun = match.group("noun").lower()
        if noun in _NOT_COUNTED or noun.lower().rstrip(".") in _MONTHS:
            continue
        if word.lower() in _NUMBER_WORDS:
            value = _NUMBER_WORDS[word.lower()]
        else:
            value = float(word.replace(",", ""))
            if "," not in word and "." not in word and 1900 <= value <= 2099:
                continue  # a year
        before = text[max(0, match.start() - 12) : match.start()]
        if re.search(rf"{_MONTH}\s*$", before) or re.search(r"[:#]\s*$", before):
            continue  # a date or a time
        if value == int(value):
            new_value = value * 2 if value < 10 else round(value / 2)
            if "," in word and new_value >= 1000:
                new_value = round(new_value, -3) if value >= 10000 else new_value
        else:
            new_value = round(value + 0.6, len(word.split(".")[1]))
        start, end = match.span("number")
        found.append((start, end, ("number", value, noun[:5]), _format_number(new_value, word)))
    return found


def _other_titles(title: str) -> list[str]:
    """Titles of the same kind that are no synonym of ``title``, nor a kind of its post or the post it is a kind of
    (``TITLE_WITHIN``): posts its holder cannot hold as well."""
    for kind in TITLE_KINDS:
        for synonyms in kind:
            if any(title.lower() == member.lower() for member in synonyms):
                own = _posts_above(synonyms[0])
                return [
                    member[0]
                    for member in kind
                    if member is not synonyms and member[0] not in own and synonyms[0] not in _posts_above(member[0])
                ]
    return []


def _posts_above(post: str) -> set[str]:
    """The posts ``post`` is a kind of, by ``TITLE_WITHIN``, up every step."""
    above = set()
    while post in TITLE_WITHIN:
        post = TITLE_WITHIN[post]
        above.add(post)
    return above


# A lower-case word before a title makes it part of a longer one ("chief fire officer"), unless
# it is one of these.
_BEFORE_TITLE_OK = {
    "the",
    "a",
    "an",
    "'s",
    "’s",
    "s",
    "by",
    "said",
    "says",
    "to",
    "with",
    "and",
    "former",
    "then",
    "his",
    "her",
    "their",
    "its",
    "told",
    "according",
    "of",
    "as",
    "for",
}


_TITLE_PREFIXES = {
    "Assistant",
    "Vice",
    "Associate",
    "Executive",
    "Deputy",
    "Senior",
    "Chief",
    "General",
    "Acting",
    "Prime",
}


def _titles(text: str) -> list[tuple[int, int, tuple, str]]:
    found = []
    for pattern in (_TITLE_BEFORE, _TITLE_AFTER):
        for match in pattern.finditer(text):
            title = match.group("title")
            start, end = match.span("title")
            previous = re.findall(r"[\w'’-]+|[^\w\s]", text[max(0, start - 30) : start])
            if (
                previous
                and previous[-1][:1].islower()
                and previous[-1].lower() not in _BEFORE_TITLE_OK
                and not re.search(r"['’]s$", previous[-1])
            ):
                continue
            if text[max(0, start - 1) : start] == "-" or (previous and previous[-1] in _TITLE_PREFIXES):
                continue
            if match.group("name").split()[0] in _TITLE_PREFIXES:
                continue  # "Sheriff Deputy Jerry Ortiz": the title runs on
            surname = match.group("name").split()[-1]
            others = [member for member in _other_titles(title)]
            if not others:
                continue
            replacement = others[_stable(surname, title) % len(others)]
            if title[:1].isupper() and replacement[:1].islower():
                # "President" -> "Vice President", "Police chief" -> "Deputy police chief": the title's own case.
                every_word = all(word[:1].isupper() for word in title.split())
                replacement = replacement.title() if every_word else replacement[:1].upper() + replacement[1:]
            found.append((start, end, ("title", surname, title.lower()), replacement))
    return found


def content_words(text: str) -> set[str]:
    """The words that say what a sentence or quotation is about, as every benchmark here reads them: runs of four
    letters or more (an apostrophe kept inside, "council's"), lower-cased, so words of three letters or fewer (most
    function words) and figures fall out. Both planting benchmarks match two texts by these (this one two quotations,
    ``retold.py`` two retold sentences), so a change here changes which cases both plant."""
    return {word for word in re.findall(r"[a-z']{4,}", text.lower())}


def plant_cases(
    articles: list[Article],
    sentences: list[Sentence],
    persons: dict[str, list[tuple[int, int]]],
    people: list[str],
    per_group: int,
) -> list[Case]:
    """Planted cases, deterministic: per group and kind, at most ``per_group`` changes."""
    by_id = {article.id: article for article in articles}
    by_group: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        by_group[article.group].append(article)
    sentences_of: dict[str, list[Sentence]] = defaultdict(list)
    for sentence in sentences:
        if sentence.article in by_id:
            sentences_of[sentence.article].append(sentence)
    cases: list[Case] = []
    for group in sorted(by_group):
        members = sorted(by_group[group], key=lambda a: a.id)
        candidates: dict[str, list[Case]] = defaultdict(list)
        # Dates and numbers: two sentences of a shared event chain state the same value.
        annotated = [(s, by_id[s.article]) for a in members for s in sentences_of[a.id]]
        for (left, left_article), (right, right_article) in combinations(annotated, 2):
            if left.article == right.article or not (left.chains & right.chains):
                continue
            for finder, kind in ((_dates, "date"), (_numbers, "number")):
                for first, second in ((left, right), (right, left)):
                    first_text = by_id[first.article].text
                    second_keys = {
                        key
                        for *_, key, _ in [
                            (0, 0, k, r) for _, _, k, r in finder(by_id[second.article].text[second.start : second.end])
                        ]
                    }
                    for start, end, key, replacement in finder(first_text[first.start : first.end]):
                        if key in second_keys:
                            candidates[kind].append(
                                _changed(
                                    group,
                                    kind,
                                    by_id[first.article],
                                    first.start + start,
                                    first.start + end,
                                    replacement,
                                    second.article,
                                )
                            )
        # Titles: the same person given the same title by two articles (a fact about the person).
        titles: dict[tuple, list[tuple[Article, int, int, str]]] = defaultdict(list)
        for article in members:
            for start, end, key, replacement in _titles(article.text):
                titles[key].append((article, start, end, replacement))
        for key, places in titles.items():
            if len({article.id for article, *_ in places}) < 2:
                continue
            for article, start, end, replacement in places:
                witness = next(other.id for other, *_ in places if other.id != article.id)
                candidates["title"].append(_changed(group, "title", article, start, end, replacement, witness))
        # Speakers: a quotation another article carries too, credited to someone else.
        for article in members:
            for quote in _QUOTE.finditer(article.text):
                words = content_words(quote.group("words"))
                if len(words) < 4:
                    continue
                witness = next(
                    (
                        other.id
                        for other in members
                        if other.id != article.id
                        and any(
                            len(words & content_words(q.group("words"))) >= 0.6 * len(words)
                            for q in _QUOTE.finditer(other.text)
                        )
                    ),
                    None,
                )
                if witness is None:
                    continue
                speaker = _speaker_near(article.text, quote.start(), quote.end(), persons.get(article.id, []))
                if speaker is None:
                    continue
                start, end = speaker
                name = article.text[start:end]
                replacement = next(
                    (
                        person
                        for person in _rotate(people, _stable(article.id, quote.start()))
                        if person.split()[-1] not in article.text and person.split()[0] != name.split()[0]
                    ),
                    None,
                )
                if replacement is None:
                    continue
                candidates["speaker"].append(_changed(group, "speaker", article, start, end, replacement, witness))
        for kind in KINDS:
            seen: set[tuple[str, int]] = set()
            unique = []
            for case in sorted(candidates[kind], key=lambda c: (_stable(c.group, c.kind, c.article, c.start), c.start)):
                if (case.article, case.start) in seen or any(c.article == case.article for c in unique):
                    continue
                seen.add((case.article, case.start))
                unique.append(case)
            cases.extend(unique[:per_group])
    return cases


def _rotate(items: list[str], offset: int) -> list[str]:
    if not items:
        return []
    offset %= len(items)
    return items[offset:] + items[:offset]


def _speaker_near(
    text: str, quote_start: int, quote_end: int, persons: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """A person (spaCy's PERSON entity) credited with the quote by a speech verb right after or before it."""
    for start, end in persons:
        between = text[quote_end:start]
        if (
            0 <= start - quote_end <= 40
            and "\n" not in between
            and (_SPEECH.search(between) or re.fullmatch(r"[,\s]*", between))
        ):
            after = text[end : end + 25]
            if _SPEECH.search(between) or _SPEECH.match(after.strip()):
                return start, end
    for start, end in sorted(persons, reverse=True):
        between = text[end:quote_start]
        if 0 <= quote_start - end <= 40 and "\n" not in between and _SPEECH.search(between):
            return start, end
    return None


def person_spans(articles: list[Article], nlp, keep=None) -> dict[str, list[tuple[int, int]]]:
    """Each article's PERSON entities of two or three capitalised words (to credit a quote to someone else);
    ``keep(doc, ent)``, when given, is a further test each must pass (``retold.py`` gives one)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    texts = (article.text for article in articles)
    for article, doc in zip(articles, nlp.pipe(texts, batch_size=16, disable=["parser", "lemmatizer"])):
        spans[article.id] = [
            (ent.start_char, ent.end_char)
            for ent in doc.ents
            if ent.label_ == "PERSON"
            and 2 <= len(ent.text.split()) <= 3
            and all(w[:1].isupper() for w in ent.text.split())
            and (keep is None or keep(doc, ent))
        ]
    return spans


def _changed(group: str, kind: str, article: Article, start: int, end: int, replacement: str, witness: str) -> Case:
    text = article.text[:start] + replacement + article.text[end:]
    return Case(
        group=group,
        kind=kind,
        article=article.id,
        start=start,
        end=start + len(replacement),
        before=article.text[start:end],
        after=replacement,
        witness=witness,
        text=text,
    )


# --- running ---------------------------------------------------------------------------------


class Runner:
    """Runs the pipeline on a list of files with models loaded once."""

    def __init__(self, work: Path, cache: Path, ignore: tuple[str, ...]) -> None:
        from factcheck.stages.embed import SentenceTransformerEmbedder
        from factcheck.stages.extract import load_spacy

        self.work = work
        self.cache = cache
        self.ignore = ignore
        self.nlp = load_spacy()
        self.embedder = SentenceTransformerEmbedder()
        self.seconds = 0.0
        self.runs = 0

    def run(self, paths: list[Path]):
        import factcheck

        settings = factcheck.Settings(
            paths=tuple(paths), cache_dir=self.cache, ignore=self.ignore, ledger_dir=None, resolutions=None
        )
        started = time.perf_counter()
        result = factcheck.run(settings, embedder=self.embedder, nlp=self.nlp)
        self.seconds += time.perf_counter() - started
        self.runs += 1
        return result


def article_path(work: Path, article: Article) -> Path:
    path = work / "articles" / f"{article.id}.txt"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article.text, encoding="utf-8", newline="")
    return path


def _touches(finding, case: Case) -> bool:
    return any(
        span.doc == case.article and span.start < case.end and case.start < span.end for span in finding.evidence
    )


def score_cases(
    runner: Runner,
    work: Path,
    articles: list[Article],
    cases: list[Case],
    progress,
    why: bool = False,
    with_topic: bool = False,
) -> tuple[dict[str, list[Outcome]], list[Outcome], list[float]]:
    """Run each group clean, then each of its planted cases. ``with_topic``: every run holds the articles of the
    group's whole topic (its look-alike event group too), so a planted value can move its article into the other
    event's story, as it can in a corpus of many stories; the clean run of a group is then its topic's."""
    by_group: dict[str, list[Article]] = defaultdict(list)
    by_topic: dict[int, list[Article]] = defaultdict(list)
    for article in articles:
        by_group[article.group].append(article)
        by_topic[article.topic].append(article)
    clean: dict[str, Outcome] = {}
    planted: dict[str, list[Outcome]] = defaultdict(list)
    new_counts: list[float] = []
    groups = sorted(by_group)
    for number, group in enumerate(groups, start=1):
        members = sorted(by_topic[by_group[group][0].topic] if with_topic else by_group[group], key=lambda a: a.id)
        paths = [article_path(work, article) for article in members]
        result = runner.run(paths)
        clean_corpus = result.corpus
        clean[group] = Outcome(case=Case(group=group, kind="clean"), findings=list(result.findings))
        clean_ids = {finding.id for finding in result.findings}
        group_cases = [case for case in cases if case.group == group]
        for index, case in enumerate(group_cases):
            folder = work / "planted" / f"{group}-{case.kind}-{index}"
            folder.mkdir(parents=True, exist_ok=True)
            changed = folder / f"{case.article}.txt"
            changed.write_text(case.text, encoding="utf-8", newline="")
            case_paths = [changed if article.id == case.article else path for article, path in zip(members, paths)]
            changed_result = runner.run(case_paths)
            outcome = Outcome(case=case, findings=list(changed_result.findings))
            if why and case.kind in WHY_KINDS and not found(outcome):
                outcome.why = why_missed(case, clean_corpus, changed_result.corpus)
            planted[case.kind].append(outcome)
            fresh = [f for f in outcome.findings if f.id not in clean_ids and SEVERITY_RANK[f.severity.value] >= 1]
            new_counts.append(len(fresh))
            outcome.fresh = fresh  # type: ignore[attr-defined]
        progress(f"group {number}/{len(groups)} {group}: {len(members)} articles, {len(group_cases)} planted cases")
    return planted, list(clean.values()), new_counts


# The kinds ``--why`` diagnoses: each the slot kind the aligner gives it.
WHY_KINDS = ("date", "number")


def why_missed(case: Case, clean, changed) -> str:
    """The stage that lost a missed date or number case, for tuning (``--why``): over every pair of the planted
    value and a value of the witness article that agrees with the original, the one that got furthest, as
    (a) never a candidate pair (kept apart as two stories, by the planted value itself when the unchanged documents
    are one, or never near), or aligned too little to compare; (b) aligned, but the two values not paired as one
    slot; (c) a rule of the check dropped it (named by its ``dropped_by``); (d) the planted sentence is no claim,
    or a side's value is not extracted as a slot of its kind.
    """
    from factcheck.checks.base import CheckContext
    from factcheck.checks.date_conflict import DateConflictCheck, joined_pairs, read_alike
    from factcheck.checks.numeric_conflict import (
        NumericConflictCheck,
        counts_of_one_kind,
        figures_left_by_agreement,
        figures_of_one_holder,
        lengths_of_one_act,
    )
    from factcheck.dates import values_agree, year_of_the_other
    from factcheck.nlp.align import (
        PairAligner,
        candidate_pairs,
        claim_tokens,
        corpus_candidates,
        corpus_told,
        slot_head,
    )

    slot = case.kind

    def values_in(corpus, doc: str, start: int, end: int):
        return [
            (claim, token)
            for claim in corpus.claims
            if claim.doc == doc and claim.span.start <= start and end <= claim.span.end
            for token in claim_tokens(claim)
            if token.kind == slot and token.start < end and start < token.end
        ]

    planted = values_in(changed, case.article, case.start, case.end)
    if not planted:
        return f"d: the planted {slot} is in no claim or is no {slot} slot"
    original = values_in(clean, case.article, case.start, case.start + len(case.before))
    if not original:
        return f"d: the original {slot} is in no claim or is no {slot} slot"
    original_value = original[0][1].ref

    def agrees(value) -> bool:
        if slot == "number":  # the same number, however it is hedged ("at least 10" / "Ten people")
            return value.value == original_value.value
        # Without a dateline "June 8" has no year and no value; the check still compares it (in the year the other
        # side gives), so the same words do, alone or inside a fuller date ("Sunday, June 8, 2014"), and so does a
        # date the check reads alike (a weekday under a yearless wire dateline read in a year: "Saturday", June 17).
        if original_value.value is None or value.value is None:
            days = {document.id: document.published or document.filed for document in changed.documents}
            if read_alike(original_value, value, days.get(case.article), days.get(case.witness)):
                return True
            words = re.escape(" ".join(original_value.span.text.casefold().split()))
            return re.search(rf"(?<!\w){words}(?!\w)", " ".join(value.span.text.casefold().split())) is not None
        # A side whose words give no year was read in its dateline's year; the check reads it in the year the other
        # side's words give ("the September 11th attacks" / "September 11, 2001"), and so does this.
        return values_agree(*year_of_the_other(value, value.value, original_value, original_value.value))

    witnesses = [
        (claim, token)
        for claim in changed.claims
        if claim.doc == case.witness
        for token in claim_tokens(claim)
        if token.kind == slot and agrees(token.ref)
    ]
    if not witnesses:
        return (
            f"d: the witness has no {slot} slot agreeing with {original_value.span.text!r}"
            f" ({getattr(original_value, 'value', None)})"
        )
    pairs, weights = corpus_candidates(changed)
    candidates = set(pairs)
    aligner = PairAligner(changed.claim, changed.embeddings, weights, corpus_told(changed))
    check = DateConflictCheck() if slot == "date" else NumericConflictCheck()
    inputs = check.pairwise_inputs(changed, CheckContext())
    reached: list[tuple[int, str]] = []
    unfiltered: set[frozenset[str]] | None = None  # every candidate pair before the story filter, when asked
    for planted_claim, planted_value in planted:
        for witness_claim, witness_value in witnesses:
            shown = f" | {planted_claim.span.text!r} / {witness_claim.span.text!r}"
            key = next(
                (
                    ids
                    for ids in ((planted_claim.id, witness_claim.id), (witness_claim.id, planted_claim.id))
                    if ids in candidates
                ),
                None,
            )
            if key is None:
                # Which net let it go: the story filter (two documents told apart) or no search found them near.
                if unfiltered is None:
                    found = candidate_pairs(changed, [(p.left, p.right) for p in changed.same_fact])[0]
                    unfiltered = {frozenset(ids) for ids in found}
                reason = (
                    "two stories" if frozenset((planted_claim.id, witness_claim.id)) in unfiltered else "never near"
                )
                if reason == "two stories" and not clean.two_stories(case.article, case.witness):
                    reason += ", one story unchanged"
                if reason.startswith("two stories"):  # and why the history exception did not readmit the pair
                    reason += ": " + _not_history(changed, planted_claim, witness_claim, weights)
                reached.append((0, f"a: never a candidate pair ({reason})" + shown))
                continue
            alignment = aligner(*key)
            if alignment is None:
                reached.append((1, "a: a candidate, aligned too little to compare slots" + shown))
                continue
            left, right = (
                (planted_value, witness_value)
                if alignment.left.id == planted_claim.id
                else (witness_value, planted_value)
            )
            # numeric-conflict pairs some figures the alignment leaves apart itself (lengths of one act, counts of one
            # kind)
            extra = (
                lengths_of_one_act(alignment)
                + counts_of_one_kind(alignment)
                + figures_of_one_holder(alignment)
                + figures_left_by_agreement(alignment)
                if slot == "number"
                else joined_pairs(alignment, inputs.published)  # the ends of two stretches of time the check pairs
            )
            pair = next((p for p in alignment.pairs_of(slot) + extra if (p.left, p.right) == (left, right)), None)
            measures = (
                f" (words {alignment.rest_strength:.2f}, vectors {alignment.similarity or 0:.2f}, heads "
                f"{slot_head(planted_value)}/{slot_head(witness_value)}"
            )
            if pair is None:
                reached.append((2, f"b: the two {slot}s are not paired" + measures + ")" + shown))
                continue
            measures += f", around {pair.context:.2f}"
            if slot == "number":  # what each side counts: the measure extraction found, else nothing
                measures += f", nouns {planted_value.ref.measure or '-'}/{witness_value.ref.measure or '-'}"
            measures += ")"
            rule = check.dropped_by(alignment, pair, inputs) or "none: judged a conflict"
            if slot == "number" and rule.startswith("none"):
                # Compared: the figures' ranges and as-of dates decide between a warning, a note and nothing.
                # numeric-conflict judges into (places, finding or None, sentence pair told twice or None)
                severities = [judged[1].severity.value for judged in check.judge(alignment, inputs) if judged[1]]
                rule = f"none: compared, {severities[0] if severities else 'no finding (as-of dates, change or level)'}"
            reached.append((3, f"c: {rule}" + measures + shown))
    return max(reached, key=lambda item: item[0])[1]


def _not_history(corpus, left, right, weights) -> str:
    """Why ``history_to_both`` did not readmit a pair the story filter dropped: a text with no day (no dateline,
    no day it names), a date not a year older than both texts' days, or two people's histories."""
    from factcheck.nlp.align import history_to_both, people_named, writing_days

    published = writing_days(corpus)
    days = [published.get(claim.doc) for claim in (left, right)]
    if None in days:
        return "a text has no day"
    shown = "/".join(str(day) for day in days)
    if history_to_both(left, right, published):  # readmitted but for the people in them
        named = people_named(left, weights), people_named(right, weights)
        return f"two people's histories ({', '.join(sorted(named[0]))} / {', '.join(sorted(named[1]))})"
    return f"not history to both texts (their days {shown})"


def found(outcome: Outcome) -> bool:
    return any(
        f.check in RIGHT_CHECKS[outcome.case.kind]
        and SEVERITY_RANK[f.severity.value] >= 1
        and _touches(f, outcome.case)
        for f in outcome.findings
    )


def noticed(outcome: Outcome) -> bool:
    """Found at any severity by any check (a weaker signal than ``found``)."""
    return any(_touches(f, outcome.case) for f in outcome.findings)


def _pairwise(annotated: list[Sentence], labels: list[set]) -> tuple[float, float, float, int, int]:
    """Pairwise precision, recall, F1, gold and predicted pairs over sentences of different articles:
    gold when two sentences share a chain, predicted when their label sets meet."""
    true_positive = gold = predicted = 0
    for (i, left), (j, right) in combinations(enumerate(annotated), 2):
        if left.article == right.article:
            continue
        same_event = bool(left.chains & right.chains)
        same_cluster = bool(labels[i] & labels[j])
        gold += same_event
        predicted += same_cluster
        true_positive += same_event and same_cluster
    precision = true_positive / predicted if predicted else 0.0
    recall = true_positive / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, gold, predicted


PAIR_CAUSES = (
    "missed: no claim",
    "missed: no cluster",
    "missed: two stories",
    "missed: one story",
    "wrong: two groups",
    "wrong: one group",
)


def pair_causes(
    annotated: list[Sentence],
    labels: list[set],
    claimed: list[bool],
    story_of: dict[str, int],
    group_of: dict[str, str],
) -> Counter[str]:
    """Where the clustering's pairwise errors come from, pair by pair (sentences of different articles, as in
    ``_pairwise``). A gold pair it misses is lost at the first stage that parted it: a sentence with no claim
    ("no claim"), a claim in no cluster ("no cluster"), two documents put in two stories ("two stories"), or
    two clusters of one story ("one story"). A pair it predicts that shares no chain joins two event groups
    ("two groups") or two events of one group ("one group"): only the second is the events within a story."""
    causes: Counter[str] = Counter()
    for (i, left), (j, right) in combinations(enumerate(annotated), 2):
        if left.article == right.article:
            continue
        same_event = bool(left.chains & right.chains)
        same_cluster = bool(labels[i] & labels[j])
        if same_event and not same_cluster:
            if not (claimed[i] and claimed[j]):
                causes["missed: no claim"] += 1
            elif not (labels[i] and labels[j]):
                causes["missed: no cluster"] += 1
            elif story_of.get(left.article) != story_of.get(right.article):
                causes["missed: two stories"] += 1
            else:
                causes["missed: one story"] += 1
        elif same_cluster and not same_event:
            one_group = group_of.get(left.article) == group_of.get(right.article)
            causes["wrong: one group" if one_group else "wrong: two groups"] += 1
    return causes


# The plain baseline the issue names: MiniLM vectors, average linkage, plain cosine distance.
PLAIN_THRESHOLD = 0.7


def clustering_scores(result, articles: list[Article], sentences: list[Sentence]) -> dict[str, float]:
    """Pairwise precision, recall and F1 of the clusters against the event chains.

    A sentence ECB+ annotates with several events counts as reporting each of them, as the issue
    asks ("pairs of sentences that report the same event"): two sentences are a gold pair when they
    share any chain. No partition of sentences can match that exactly (A may share an event with B
    and with C while B shares none with C), so two ceilings from the gold alone are printed beside
    the score: one cluster per event group (a perfect story grouping), and each sentence in its most
    widely reported chain (a perfect partition by event). ``plain_f1`` is the issue's baseline over
    the same claims and vectors: plain cosine distance, average linkage at ``PLAIN_THRESHOLD``. ``lemma_*`` is
    the classic baseline of the ECB+ literature read over claims: two sentences are one event when their claims
    name one event word (``claim_triggers``) within one topic (the gold topic, as that baseline uses it).
    """
    import numpy as np

    from factcheck.stages.cluster import claim_triggers, cluster_vectors, document_stories

    corpus = result.corpus
    wanted = {article.id for article in articles}
    group_of = {article.id: article.group for article in articles}
    topic_of = {article.id: article.topic for article in articles}
    annotated = [s for s in sentences if s.article in wanted]
    claims_by_doc: dict[str, list] = defaultdict(list)
    for claim in corpus.claims:
        claims_by_doc[claim.doc].append(claim)
    embedded = [claim for claim in corpus.claims if claim.id in corpus.embeddings]
    plain_of: dict[str, int] = {}
    if len(embedded) >= 2:
        vectors = np.vstack([corpus.embeddings[claim.id] for claim in embedded])
        for number, group in enumerate(cluster_vectors(vectors, PLAIN_THRESHOLD)):
            plain_of.update({embedded[index].id: number for index in group})
    cluster_sets: list[set[str]] = []
    own_sets: list[set[str]] = []  # each claim's own cluster only, without those it is ``also`` in
    plain_sets: list[set[int]] = []
    lemma_sets: list[set[tuple[int, str]]] = []
    covered = 0
    claimed_sentences: list[bool] = []
    for sentence in annotated:
        clusters = set()
        own = set()
        plain = set()
        lemmas = set()
        claimed = False
        for claim in claims_by_doc.get(sentence.article, []):
            if claim.span.start < sentence.end and sentence.start < claim.span.end:
                claimed = True
                # A sentence reports every event of its claims' clusters (``Cluster.also`` included).
                clusters.update(cluster.id for cluster in corpus.clusters_of(claim.id))
                cluster = corpus.cluster_of(claim.id)
                if cluster is not None:
                    own.add(cluster.id)
                if claim.id in plain_of:
                    plain.add(plain_of[claim.id])
                lemmas.update((topic_of[sentence.article], trigger) for trigger in claim_triggers(claim))
        covered += claimed
        claimed_sentences.append(claimed)
        cluster_sets.append(clusters)
        own_sets.append(own)
        plain_sets.append(plain)
        lemma_sets.append(lemmas)
    precision, recall, f1, gold, predicted = _pairwise(annotated, cluster_sets)
    lemma_precision, lemma_recall, lemma_f1, _, _ = _pairwise(annotated, lemma_sets)
    # The first level on its own: the stories the stage groups documents into, against the event groups.
    stories = document_stories(corpus)
    story_documents = sorted(doc for doc in stories if doc in wanted)
    together = same_group = both = 0
    for left, right in combinations(story_documents, 2):
        one_story, one_group = stories[left] == stories[right], group_of[left] == group_of[right]
        together += one_story
        same_group += one_group
        both += one_story and one_group
    causes = pair_causes(annotated, cluster_sets, claimed_sentences, stories, group_of)
    reach: Counter[str] = Counter(chain for s in annotated for chain in s.chains)
    main_chain = [{max(sorted(s.chains), key=lambda chain: reach[chain])} if s.chains else set() for s in annotated]
    return {
        "sentences": len(annotated),
        "covered": covered / len(annotated) if annotated else 0.0,
        "gold_pairs": gold,
        "predicted_pairs": predicted,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "own_f1": _pairwise(annotated, own_sets)[2],
        "plain_f1": _pairwise(annotated, plain_sets)[2],
        "lemma_precision": lemma_precision,
        "lemma_recall": lemma_recall,
        "lemma_f1": lemma_f1,
        "story_ceiling": _pairwise(annotated, [{group_of[s.article]} for s in annotated])[2],
        "stories": len({stories[doc] for doc in story_documents}),
        "story_precision": both / together if together else 0.0,
        "story_recall": both / same_group if same_group else 0.0,
        "story_f1": _pairwise(annotated, [{stories[s.article]} if s.article in stories else set() for s in annotated])[
            2
        ],
        "partition_ceiling": _pairwise(annotated, main_chain)[2],
        "claims": len(corpus.claims),
        "clusters": len(corpus.clusters),
        **{cause: causes[cause] for cause in PAIR_CAUSES},
    }


def report(
    part: str,
    groups: int,
    planted: dict[str, list[Outcome]],
    clean: list[Outcome],
    new_counts: list[float],
    clustering: dict[str, float] | None,
    show_misses: bool,
    show_clean: bool = False,
) -> list[str]:
    lines = [f"part: {part} ({groups} groups, {sum(len(v) for v in planted.values())} planted cases)", ""]
    lines.append(f"{'kind':<10}{'cases':>7}{'found':>7}{'recall':>8}{'any check/severity':>20}")
    hits = total_hits = 0
    for kind in KINDS:
        outcomes = planted.get(kind, [])
        hits = sum(found(o) for o in outcomes)
        total_hits += hits
        seen = sum(noticed(o) for o in outcomes)
        recall = hits / len(outcomes) if outcomes else 0.0
        lines.append(f"{kind:<10}{len(outcomes):>7}{hits:>7}{recall:>8.2f}{seen:>20}")
    fresh = [f for outcomes in planted.values() for o in outcomes for f in getattr(o, "fresh", [])]
    pointing = [
        f for outcomes in planted.values() for o in outcomes for f in getattr(o, "fresh", []) if _touches(f, o.case)
    ]
    precision = len(pointing) / len(fresh) if fresh else 0.0
    lines.append(
        f"precision (new warning+ findings at the planted span): {precision:.2f} ({len(pointing)} of {len(fresh)})"
    )
    lines.append("")
    counts: Counter[str] = Counter()
    for outcome in clean:
        for finding in outcome.findings:
            counts[f"{finding.check}:{finding.severity.value}"] += 1
    groups_run = max(len(clean), 1)
    warnings = sum(count for key, count in counts.items() if not key.endswith(":info"))
    infos = sum(count for key, count in counts.items() if key.endswith(":info"))
    lines.append(
        f"false alarms per clean group ({len(clean)} groups): warning+ {warnings / groups_run:.2f}, info {infos / groups_run:.2f}"
    )
    for key, count in sorted(counts.items()):
        lines.append(f"  {key:<40}{count / groups_run:>8.2f}")
    if clustering:
        lines.append("")
        lines.append(
            f"clustering against event chains ({clustering['sentences']} annotated sentences, "
            f"{clustering['covered']:.0%} covered by a claim; {clustering['claims']} claims, {clustering['clusters']} clusters):"
        )
        lines.append(
            f"  pairwise precision {clustering['precision']:.3f}  recall {clustering['recall']:.3f}  "
            f"F1 {clustering['f1']:.3f}  (gold pairs {clustering['gold_pairs']}, predicted {clustering['predicted_pairs']})"
        )
        lines.append(f"  each claim in its own cluster only (no cluster's 'also'): F1 {clustering['own_f1']:.3f}")
        lines.append(
            f"  plain MiniLM + average linkage (cosine {PLAIN_THRESHOLD}) over the same claims: F1 {clustering['plain_f1']:.3f}; "
            f"ceilings from the gold alone: one cluster per event group {clustering['story_ceiling']:.3f}, "
            f"each sentence in its most reported chain {clustering['partition_ceiling']:.3f}"
        )
        lines.append(
            f"  one event word within a topic (the ECB+ lemma baseline, over the claims' event words): "
            f"P {clustering['lemma_precision']:.3f}  R {clustering['lemma_recall']:.3f}  F1 {clustering['lemma_f1']:.3f}"
        )
        lines.append(
            f"  stories (documents grouped before their claims): {clustering['stories']} for the event groups; "
            f"document pairs in one story {clustering['story_precision']:.3f} of one group, "
            f"{clustering['story_recall']:.3f} of each group's pairs in one story; "
            f"one cluster per story F1 {clustering['story_f1']:.3f}"
        )
        lines.append(
            "  gold pairs missed, by the stage that parted them: "
            f"a sentence with no claim {clustering['missed: no claim']}, "
            f"a claim in no cluster {clustering['missed: no cluster']}, "
            f"two stories {clustering['missed: two stories']}, "
            f"two clusters of one story {clustering['missed: one story']}; "
            "predicted pairs sharing no chain: "
            f"of two event groups {clustering['wrong: two groups']}, "
            f"of one event group {clustering['wrong: one group']}"
        )
    if show_clean:
        lines.append("")
        lines.append("findings on clean groups (warning and above):")
        for outcome in clean:
            for finding in outcome.findings:
                if SEVERITY_RANK[finding.severity.value] >= 1:
                    lines.append(f"  {outcome.case.group} {finding.check}: {finding.message[:300]}")
    if show_misses:
        lines.append("")
        lines.append("missed cases:")
        for kind in KINDS:
            for outcome in planted.get(kind, []):
                if not found(outcome):
                    case = outcome.case
                    context = case.text[max(0, case.start - 60) : case.end + 60].replace("\n", " ")
                    near = sorted({f"{f.check}:{f.severity.value}" for f in outcome.findings if _touches(f, case)})
                    lines.append(
                        f"  {kind} {case.article} (witness {case.witness}) {case.before!r} -> {case.after!r}"
                        f" near: {near or 'nothing'}\n      ...{context}..."
                    )
                    if outcome.why:
                        lines.append(f"      why: {outcome.why}")
    return lines


def whole_part_counts(findings: list, articles: list[Article]) -> dict:
    """The findings of one run over every article of the part, as a researcher comparing many sources would run it:
    warnings and above per 100 articles, by check and severity, and how many join two event groups (two
    different events, so the pair itself cannot be one fact told twice)."""
    group_of = {article.id: article.group for article in articles}
    counts: Counter[str] = Counter(f"{f.check}:{f.severity.value}" for f in findings)
    warned = [f for f in findings if SEVERITY_RANK[f.severity.value] >= 1]
    across = [f for f in warned if len({group_of.get(span.doc) for span in f.evidence}) > 1]
    per_100 = 100 / max(len(articles), 1)
    return {
        "articles": len(articles),
        "warnings_per_100": len(warned) * per_100,
        "info_per_100": (len(findings) - len(warned)) * per_100,
        "warnings_across_groups": len(across),
        "by_check": {key: count * per_100 for key, count in sorted(counts.items())},
    }


def whole_part_report(findings: list, articles: list[Article], show: bool) -> list[str]:
    counts = whole_part_counts(findings, articles)
    lines = [
        "",
        f"the whole part in one run ({counts['articles']} articles, every group beside the others): "
        f"warning+ {counts['warnings_per_100']:.2f} per 100 articles ({counts['warnings_across_groups']} joining two "
        f"event groups), info {counts['info_per_100']:.2f}",
    ]
    lines.extend(f"  {key:<40}{value:>8.2f}" for key, value in counts["by_check"].items())
    if show:
        group_of = {article.id: article.group for article in articles}
        for finding in findings:
            if SEVERITY_RANK[finding.severity.value] >= 1:
                groups = sorted({group_of.get(span.doc, "?") for span in finding.evidence})
                lines.append(f"  {'/'.join(groups)} {finding.check}: {finding.message[:300]}")
    return lines


def _planted_cases(chosen: list[Article], sentences: list[Sentence], nlp, per_group: int) -> list[Case]:
    persons, people = speaker_people(chosen, nlp)
    return plant_cases(chosen, sentences, persons, people, per_group)


def speaker_people(chosen: list, nlp, keep=None) -> tuple[dict[str, list[tuple[int, int]]], list[str]]:
    """Each article's PERSON spans (``person_spans``, with its ``keep``) and the names a quotation can be credited to
    instead: those named in two articles or more (any objects with ``id`` and ``text``; benchmarks/retold.py reads
    them too)."""
    persons = person_spans(chosen, nlp, keep)
    named_in = defaultdict(set)
    for article in chosen:
        for start, end in persons[article.id]:
            named_in[article.text[start:end]].add(article.id)
    people = sorted(
        name
        for name, where in named_in.items()
        if len(where) >= 2 and re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}", name)
    )
    return persons, people


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--part", choices=("dev", "heldout", "all"), default="dev")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="a folder with articles.jsonl and events.jsonl")
    parser.add_argument(
        "--fold", choices=("a", "b"), help="only the dev topics of this half (a hash of the topic; see fold_of)"
    )
    parser.add_argument("--limit", type=int, default=0, help="score only the first N groups of the part")
    parser.add_argument("--per-group", type=int, default=2, help="planted cases per kind and group (default 2)")
    parser.add_argument("--clean-only", action="store_true", help="run the clean groups only, no planted cases")
    parser.add_argument("--kinds", default=",".join(KINDS), help="planted kinds to run (comma-separated)")
    parser.add_argument(
        "--skip-checks",
        default="garbled-wording,divergence",
        help="checks left out (comma-separated; the slow spun-wording checks by default)",
    )
    parser.add_argument("--no-clustering", action="store_true", help="skip the clustering run over the whole part")
    parser.add_argument(
        "--clustering-only", action="store_true", help="only the clustering run (no planted or clean cases)"
    )
    parser.add_argument("--cache-dir", type=Path, help="keep the cache here (default: a temporary folder)")
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument(
        "--why", action="store_true", help="with --show-misses: the stage that lost each missed date or number case"
    )
    parser.add_argument("--show-clean", action="store_true", help="list the clean groups' warnings (dev part only)")
    parser.add_argument(
        "--with-topic",
        action="store_true",
        help="run each case with its whole topic (both look-alike event groups); clean figures then count each topic"
        " once per group",
    )
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args(argv)
    if args.part != "dev" and (args.show_misses or args.show_clean or args.why):
        parser.error("--show-misses and --show-clean are for the development part: held-out cases are only scored")
    if args.fold and args.part != "dev":
        parser.error("--fold splits the development part only")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

    articles, sentences = read_corpus(args.corpus)
    chosen = [a for a in articles if args.part == "all" or part_of(a.topic) == args.part]
    if args.fold:
        chosen = [a for a in chosen if fold_of(a.topic) == args.fold]
    groups = sorted({a.group for a in chosen})
    if args.limit:
        groups = groups[: args.limit]
    chosen = [a for a in chosen if a.group in groups]

    def progress(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    from factcheck.stages.check import registered_checks

    ignore = tuple(name for name in args.skip_checks.split(",") if name in registered_checks())
    with tempfile.TemporaryDirectory() as temp:
        # With --cache-dir the article files live beside the cache, at the same paths every run,
        # so a rerun finds every unchanged article's claims in the cache (the key holds the path).
        work = args.cache_dir / "work" if args.cache_dir else Path(temp)
        runner = Runner(work, args.cache_dir or work / "cache", ignore)
        started = time.perf_counter()
        kinds = set(args.kinds.split(","))
        cases = (
            []
            if args.clustering_only or args.clean_only
            else [case for case in _planted_cases(chosen, sentences, runner.nlp, args.per_group) if case.kind in kinds]
        )
        progress(f"{len(groups)} groups, {len(chosen)} articles, {len(cases)} planted cases")
        clustering = None
        whole: list = []
        if not args.no_clustering:
            result = runner.run([article_path(work, article) for article in sorted(chosen, key=lambda a: a.id)])
            clustering = clustering_scores(result, chosen, sentences)
            whole = list(result.findings)
            progress(f"clustering run: {len(result.corpus.claims)} claims, {len(result.corpus.clusters)} clusters")
        if args.clustering_only:
            planted, clean, new_counts = {}, [], []
        else:
            planted, clean, new_counts = score_cases(runner, work, chosen, cases, progress, args.why, args.with_topic)
        lines = report(
            args.part, len(groups), planted, clean, new_counts, clustering, args.show_misses, args.show_clean
        )
        if clustering is not None:
            lines.extend(whole_part_report(whole, chosen, args.show_clean))
        lines.append("")
        lines.append(
            f"{runner.runs} pipeline runs in {runner.seconds:.1f} s (all {time.perf_counter() - started:.1f} s)"
        )
    print("\n".join(lines))
    if args.json:
        figures = {
            "part": args.part,
            "groups": len(groups),
            "recall": {
                kind: (sum(found(o) for o in planted.get(kind, [])), len(planted.get(kind, []))) for kind in KINDS
            },
            "clustering": clustering,
            "whole_part": whole_part_counts(whole, chosen) if clustering is not None else None,
        }
        args.json.write_text(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
