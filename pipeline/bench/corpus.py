"""A synthetic corpus of press releases for the benchmark, built from the seeds.

Each release is a title, a date line or dateline, and paragraphs drawn from the seeds, with
other places (city, province, district, new area), other figures (the same number format,
other digits), other years and other months, and most words no rule reads swapped for
words of a large vocabulary, so that the corpus meets new words as often as real releases
do (bench/vocabulary.py; `make bench` checks it). The same arguments always give the same
corpus, so runs on different days compare.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from ..core.settings import DEFAULT_PATTERNS_DIR
from ..patterns.loader import load_patterns


def _vocabulary() -> dict[str, list[tuple[str, str]]]:
    """corpus_vocabulary.tsv by kind, in file order: (name, province) pairs."""
    table: dict[str, list[tuple[str, str]]] = {}
    text = (files("pipeline.bench") / "corpus_vocabulary.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    for kind, name, province in rows[1:]:
        table.setdefault(kind, []).append((name, province))
    return table


_WORDS = _vocabulary()
PLACES = _WORDS["city"]  # (city, province) pairs from across China
DISTRICTS = [name for name, _ in _WORDS["district"]]
NEW_AREAS = [name for name, _ in _WORDS["new_area"]]  # state-level new areas
WIRES = [name for name, _ in _WORDS["wire"]]


def _month_names() -> list[str]:
    """The months' full names in calendar order: each month's first surface in months.tsv."""
    first: dict[int, str] = {}
    for row in load_patterns(DEFAULT_PATTERNS_DIR).lexicon("months").rows:
        first.setdefault(int(row["month"]), row["surface"].capitalize())
    return [first[month] for month in sorted(first)]


MONTHS = _month_names()

_NUMBER = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w])|(?<![\w.,])\d+(?:\.\d+)?(?![\w])")
_YEAR = re.compile(r"(?<!\d)(?:19[5-9]\d|20[0-4]\d)(?!\d)")
_MONTH = re.compile(r"\b(" + "|".join(MONTHS) + r")\b")
_DATE_LINE = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\s*", re.MULTILINE)


@dataclass(frozen=True)
class Release:
    name: str
    text: str


def seed_paragraphs(seeds: list[str]) -> list[str]:
    """Every paragraph of every seed (blank-line separated), without date lines."""
    paragraphs = []
    for text in seeds:
        for block in re.split(r"\n\s*\n", _DATE_LINE.sub("", text)):
            block = block.strip()
            if len(block.split()) >= 3:
                paragraphs.append(block)
    return paragraphs


def synthetic_release(number: int, paragraphs: list[str], seed: int = 2024) -> Release:
    rng = random.Random(f"{seed}:{number}")
    city, _ = rng.choice(PLACES)
    other_city, other_province = rng.choice(PLACES)
    district, new_area = rng.choice(DISTRICTS), rng.choice(NEW_AREAS)
    year_shift = rng.randint(-8, 1)
    months = MONTHS[:]
    rng.shuffle(months)
    month_map = dict(zip(MONTHS, months))

    def localize(text: str) -> str:
        text = text.replace("Yubei", district).replace("Liangjiang", new_area)
        text = text.replace("Chengdu", other_city).replace("Sichuan", other_province)
        text = text.replace("CHONGQING", city.upper()).replace("Chongqing", city)
        text = _YEAR.sub(lambda m: str(int(m.group()) + year_shift), text)
        text = _MONTH.sub(lambda m: month_map[m.group()], text)
        text = _NUMBER.sub(lambda m: _other_figure(m.group(), rng), text)
        return widen(text, rng)

    day = f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(2016, 2025)}"
    if rng.random() < 0.5:
        year, month, dom = rng.randint(2016, 2025), rng.randint(1, 12), rng.randint(1, 28)
        header = f"date {year}-{month:02d}-{dom:02d} {city} Municipal People's Government\n\n"
        opening = ""
    else:
        header = ""
        opening = f"{city.upper()}, China, {day} {rng.choice(WIRES)} -- "
    title = localize(rng.choice(paragraphs).split(". ")[0])
    if len(title) > 160:
        title = title[:160].rsplit(" ", 1)[0]  # a headline's length, cut between words
    body = [localize(paragraph) for paragraph in rng.sample(paragraphs, rng.randint(2, 8))]
    text = f"{header}{title}\n\n{opening}{body[0]}\n\n" + "\n\n".join(body[1:]) + "\n"
    return Release(f"release_{number:05d}.txt", text)


# -- a real release's vocabulary ----------------------------------------------------------------------
# Recombined seed paragraphs repeat a few thousand chunks; real releases keep meeting new
# words and names (bench/vocabulary.py measures both). So a share of the words no pattern
# reads is swapped for words of a large English vocabulary (the spaCy model's own strings)
# and of names made of pinyin syllables, drawn Zipf-like (few words often, most rarely).
# WORD_SHARE, NAME_SHARE and ZIPF are set so that the corpus's curve meets the real texts'.
WORD_SHARE = 0.80  # of lower-case words of four letters or more that no key lexicon holds
NAME_SHARE = 0.85  # of capitalized words of four letters or more
ZIPF = 1.1  # rank = pool size * u ** ZIPF: higher puts more weight on the first words of the pool
SYLLABLES = [name for name, _ in _WORDS["syllable"]]  # pinyin syllables: a name is two of them
_LOWER = re.compile(r"(?<![\w'-])[a-z]{4,}(?![\w'-])")
_CAPITAL = re.compile(r"(?<![\w'-])[A-Z][a-z]{3,}(?![\w'-])")


class _Pools:
    def __init__(self) -> None:
        import spacy

        from ..core.settings import MODEL_NAME

        nlp = spacy.load(MODEL_NAME, exclude=["tagger", "parser", "ner", "lemmatizer", "attribute_ruler", "tok2vec", "senter"])  # identifiers: only its strings are read
        protected = _pattern_words()
        words = sorted(w for w in nlp.vocab.strings if w.isalpha() and w.islower() and 4 <= len(w) <= 12 and w not in protected)
        random.Random(7).shuffle(words)
        self.words = words
        names = sorted({(a + b).capitalize() for a in SYLLABLES for b in SYLLABLES if a != b})
        random.Random(11).shuffle(names)
        self.names = names
        self.protected = protected


_POOLS: _Pools | None = None


_KEY_LEXICONS = ("scales", "currencies", "months", "weekdays", "number_words", "qualifiers", "ordinals", "anchor_words", "money_context", "cluster_words", "org_heads", "zones")  # identifiers


def _pattern_words() -> frozenset[str]:
    """The words of the lexicons that make the rules fire (scales, currencies, months, qualifiers,
    head words, ...) and the rules' anchor words: they stay as they are."""
    patterns = load_patterns(DEFAULT_PATTERNS_DIR)
    words: set[str] = {w.lower() for w in patterns.anchor_vocabulary}
    for name in _KEY_LEXICONS:
        for row in patterns.lexicon(name).rows:
            for cell in row.values():
                words.update(w.lower() for w in re.findall(r"[A-Za-z]+", str(cell)))
    return frozenset(words)


def _draw(pool: list[str], rng: random.Random) -> str:
    return pool[int(len(pool) * rng.random() ** ZIPF)]


def widen(text: str, rng: random.Random) -> str:
    global _POOLS
    if _POOLS is None:
        _POOLS = _Pools()
    pools = _POOLS

    def word(match: re.Match[str]) -> str:
        found = match.group()
        return _draw(pools.words, rng) if found not in pools.protected and rng.random() < WORD_SHARE else found

    def name(match: re.Match[str]) -> str:
        found = match.group()
        return _draw(pools.names, rng) if found.lower() not in pools.protected and found not in MONTHS and rng.random() < NAME_SHARE else found

    return _CAPITAL.sub(name, _LOWER.sub(word, text))


def _other_figure(figure: str, rng: random.Random) -> str:
    """The same format with other digits: '1,234.5' -> '8,051.9'; years and small counts stay."""
    digits = figure.replace(",", "").replace(".", "")
    if _YEAR.fullmatch(figure) or (figure.isdigit() and int(figure) <= 31):
        return figure  # years were shifted already; days and counts stay readable
    new = [str(rng.randint(1, 9))] + [str(rng.randint(0, 9)) for _ in digits[1:]]
    out, index = [], 0
    for char in figure:
        if char.isdigit():
            out.append(new[index])
            index += 1
        else:
            out.append(char)
    return "".join(out)


def build_corpus(seeds_dir: Path, out_dir: Path, documents: int, seed: int = 2024) -> list[Path]:
    """Write the seeds and `documents - len(seeds)` synthetic releases to `out_dir` (once:
    an existing, complete corpus is kept). Returns the files, in order."""
    seed_files = sorted(p for p in Path(seeds_dir).glob("*") if p.suffix in (".txt", ".md"))
    seeds = [p.read_text(encoding="utf-8") for p in seed_files]
    paragraphs = seed_paragraphs(seeds)
    out_dir.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    for path, text in zip(seed_files, seeds):
        files.append(_write_once(out_dir / f"seed_{path.name}", text))
    for number in range(documents - len(files)):
        release = synthetic_release(number, paragraphs, seed)
        files.append(_write_once(out_dir / release.name, release.text))
    return files


def _write_once(path: Path, text: str) -> Path:
    data = text.encode("utf-8")
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)
    return path
