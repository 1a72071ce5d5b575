"""CLUSTER candidates: industries the text presents as development targets or categories.

Four rules, from most to least explicit:
1. lists after a trigger ("industrial clusters of A, B and C", "industries such as ...",
   "three leading industries: ..."); a counted, complete list has exactly that many items;
2. "X industry" / "X sector" / "X industrial cluster" / "X ecosystem";
3. an abbreviation in brackets right after an industry ("(NEVs)");
4. later mentions of an industry the document already set up, and lexicon industries that
   are names wherever they stand ("industrial Internet").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from ..core.candidate import Candidate, IntervalSet
from ..core.mention import Label
from ..patterns.loader import PatternSet
from ..text.words import Word

_DIGIT = re.compile(r"\d")
_STOPS = frozenset(".;:!?")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Trigger:
    """A list trigger found by the token Matcher: where its items start, and its count."""

    start: int
    end: int
    rule: str
    kind: str  # "partial" or "complete"
    count: int | None
    fields: bool  # the list names fields ("new fields, such as"), where research fields are dropped


@dataclass(frozen=True)
class ClusterLexicons:
    terms: dict[str, tuple[str, str]]  # key -> (canonical, mode)
    generic: frozenset[str]
    modifiers: frozenset[str]
    classifiers: frozenset[str]
    field_heads: frozenset[str]
    broad: frozenset[str]
    verbs: frozenset[str]
    ing_nouns: frozenset[str]
    name_words: frozenset[str]  # every word of every known industry name
    first_words: frozenset[str]  # the first word of every known industry name
    # last words of event and organization names: "Big Data Industry Expo" names an event, not an industry
    name_endings: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()  # lower case: "Guiyang big data industry" names a place's industry, not "Guiyang big data"
    # The roles of lexicons/cluster_words.tsv the list and head rules read (see its comments).
    head_words: frozenset[str] = frozenset()
    head_after_industrial: frozenset[str] = frozenset()
    sentence_heads: frozenset[str] = frozenset()  # head and head_like
    item_tail: frozenset[str] = frozenset()
    list_stop: frozenset[str] = frozenset()
    phrase_stop: frozenset[str] = frozenset()  # list_stop and phrase_stop
    and_related: frozenset[str] = frozenset()
    naming_generic: frozenset[str] = frozenset()
    alone_not_industry: frozenset[str] = frozenset()
    product_context: frozenset[str] = frozenset()
    articles: frozenset[str] = frozenset()
    count_words: frozenset[str] = frozenset()  # "one" to "twelve" and vague counts ("several")
    scale_words: frozenset[str] = frozenset()  # one-word scales ("million")
    adjective_endings: tuple[str, ...] = ()  # endings no industry name's single word has before a bare "cluster"
    never_industry_endings: tuple[str, ...] = ()  # adjective endings no industry name's single word has
    _verbs: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)  # is_verb's answers, bounded

    @classmethod
    def from_patterns(cls, patterns: PatternSet) -> ClusterLexicons:
        words = patterns.lexicon("cluster_words")

        def role(name: str) -> frozenset[str]:
            return words.values("word", role=name)

        return cls(
            terms={cluster_key(r["variant"]): (r["canonical"], r["mode"]) for r in patterns.lexicon("clusters").rows},
            generic=role("generic"),
            modifiers=role("modifier"),
            classifiers=role("classifier"),
            field_heads=role("field_head"),
            broad=role("broad"),
            verbs=role("verb"),
            ing_nouns=role("ing_noun"),
            name_words=frozenset(w for r in patterns.lexicon("clusters").rows for w in cluster_key(r["variant"]).split()),
            first_words=frozenset(cluster_key(r["variant"]).split()[0] for r in patterns.lexicon("clusters").rows),
            name_endings=frozenset(patterns.lexicon("event_words").column("word")) | frozenset(r["word"].lower() for r in patterns.lexicon("org_heads").where(kind="head")),
            places=frozenset(p.lower() for p in patterns.lexicon("places").column("name"))
            - frozenset(w for r in patterns.lexicon("clusters").rows for w in cluster_key(r["variant"]).split()),  # "traditional Chinese medicine"
            head_words=role("head"),
            head_after_industrial=role("head_after_industrial"),
            sentence_heads=role("head") | role("head_like"),
            item_tail=role("item_tail"),
            list_stop=role("list_stop"),
            phrase_stop=role("list_stop") | role("phrase_stop"),
            and_related=role("and_related"),
            naming_generic=role("naming_generic"),
            alone_not_industry=role("alone_not_industry"),
            product_context=role("product_context"),
            articles=patterns.word_set("article"),
            count_words=frozenset(r["word"] for r in patterns.lexicon("number_words").rows if r["kind"] != "article" and 1 <= int(r["value"]) <= 12) | patterns.word_set("count.vague"),
            scale_words=frozenset(r["surface"] for r in patterns.lexicon("scales").where(form="word") if " " not in r["surface"]),
            adjective_endings=patterns.words("suffix.adjective"),
            never_industry_endings=patterns.words("suffix.adjective_never_industry"),
        )

    def is_verb(self, word: str) -> bool:
        """A verb ending a noun phrase on its left: 'develop', an -ing word that is no noun here
        ('nurturing'), or an -ed word no industry name uses ('nurtured'; not 'advanced')."""
        known = self._verbs.get(word)
        if known is None:
            if len(self._verbs) > 8192:
                self._verbs.clear()  # bounded: memory stays flat over any number of documents
            known = self._verbs[word] = self._is_verb(word)
        return known

    def _is_verb(self, word: str) -> bool:
        if word in self.verbs:
            return True
        if word.endswith("s") and (word[:-1] in self.verbs or word.endswith("es") and word[:-2] in self.verbs):
            return True  # "Chongqing Boosts Smart Car Industry": a headline's verb
        word = word.rsplit("-", 1)[-1]  # "intelligent-connected": judge "connected"
        if word.endswith("ing"):
            return word not in self.ing_nouns and cluster_key(word) not in self.terms
        if word.endswith("ed"):
            return word not in self.name_words and word not in self.generic
        return False


@lru_cache(maxsize=4096)
def cluster_key(text: str) -> str:
    """Lower case, hyphens as spaces, 'bio-' joined, commas dropped: the form lexicons are keyed by."""
    key = text.lower().replace("-", " ").replace(",", " ")
    key = re.sub(r"[\"'()]", " ", key)
    key = re.sub(r"\bbio\s+", "bio", key)
    return re.sub(r"\s+", " ", key).strip()


def cluster_canonical(text: str, lex: ClusterLexicons) -> str:
    key = cluster_key(text)
    if key in lex.terms:
        return lex.terms[key][0]
    words = [lex.terms[w][0] if w in ("nev", "nevs") else w for w in key.split()]
    return " ".join(words)


def scan_clusters(
    text: str,
    sentences: Sequence[tuple[tuple[int, int], list[Word]]],
    triggers: Sequence[Trigger],
    blockers: Sequence[tuple[int, int]],
    lex: ClusterLexicons,
) -> list[Candidate]:
    """CLUSTER candidates of one document: `sentences` pairs each sentence's span with its
    words; `blockers` are money, percent and date spans."""
    found: list[Candidate] = []
    numeric = IntervalSet(blockers)
    triggers = sorted(triggers, key=lambda t: t.end)
    trigger_ends = [t.end for t in triggers]
    parsed: list[_Sentence] = []
    for (sentence_start, sentence_end), words in sentences:
        if numeric.overlaps(sentence_start, sentence_end):
            blocked = [numeric.overlaps(w.start, w.end) for w in words]
        else:
            blocked = [False] * len(words)
        # where a known industry name may start: the only places rules 1b and 4 look at
        starts = [i for i, w in enumerate(words) if _first_key(w.text) in lex.first_words]
        parsed.append(_Sentence(words, blocked, starts))
        first = bisect_left(trigger_ends, sentence_start)
        items: list[Candidate] = []
        for trigger in triggers[first : bisect_right(trigger_ends, sentence_end)]:
            items.extend(_list_items(text, words, blocked, trigger, lex))
        found.extend(items)
        if any(w.lower in lex.sentence_heads for w in words):
            # a phrase before a head word that spans two items of a list is the list's last items
            # run together ("modern pharmaceutical and modern light industry"): the list has them
            found.extend(c for c in _headed(text, words, blocked, lex) if sum(c.start <= i.start and i.end <= c.end for i in items) < 2)
    found.extend(_line_lists(text, sentences, parsed, lex))
    taken = IntervalSet((c.start, c.end) for c in found)
    for sentence in parsed:
        # cheap test first: a list of known industries needs two separators and two known words
        if len(sentence.starts) >= 2 and sum(1 for w in sentence.words if "," in w.trail or w.lower in ("and", "or")) >= 2:
            found.extend(_known_item_lists(text, sentence.words, sentence.blocked, lex, taken))
    found.extend(_abbreviations(text, found, lex))
    found.extend(_repeats_and_names(parsed, found, blockers, lex))
    return found


class _Sentence(NamedTuple):
    words: list[Word]
    blocked: list[bool]  # the word lies in a money, percent or date span
    starts: list[int]  # indexes of words that can start a known industry name


# -- rule 1: lists ----------------------------------------------------------------------------------
LINE_ITEM_WORDS = 8  # a list item on a line of its own is at most this many words
_BULLET = re.compile(r"^(?:[-*\u2022\u00b7\u25cf\u25a0]|\(?\d{1,2}[.)]|\(?[a-z][.)])$")


def _line_lists(text: str, sentences: Sequence[tuple[tuple[int, int], list[Word]]], parsed: Sequence[_Sentence], lex: ClusterLexicons) -> list[Candidate]:
    """A list of industries set out one item a line (an HTML <ul>, a bulleted dump) after a
    line that names industries and ends with a colon: "Key industries include:" then
    "new energy vehicles", "biomedicine", ... Items are short lines with no figure; the list
    ends at the first line that is not one."""
    found: list[Candidate] = []
    index = 0
    while index < len(sentences):
        (_, end), words = sentences[index]
        index += 1
        if not words or not words[-1].trail.endswith(":") or not any(w.lower in lex.item_tail or w.lower in lex.sentence_heads for w in words):
            continue
        if text[end : end + 1] not in ("\n", "\r") and text[end : end + 2].strip():
            continue  # the colon does not end its line
        while index < len(sentences):
            (item_start, item_end), item_words = sentences[index]
            line_start = text.rfind("\n", 0, item_start) + 1
            line_end = text.find("\n", item_end)
            if text[line_start:item_start].strip() or text[item_end : line_end if line_end >= 0 else len(text)].strip():
                break  # not a line of its own
            item = list(item_words)
            if item and _BULLET.match(item[0].text):
                item = item[1:]
            if not item or len(item) > LINE_ITEM_WORDS or any(parsed[index].blocked) or any(_DIGIT.search(w.text) and not re.fullmatch(r"\d+G", w.text) for w in item):
                break
            if any(w.lower in lex.list_stop for w in item) or item[-1].trail.rstrip(";,.") != item[-1].trail.rstrip(";,.").rstrip() or ":" in "".join(w.trail for w in item):
                break
            index += 1
            item = _trim_item(item, lex)
            if not item or (len(item) == 1 and (item[0].lower in lex.generic or item[0].lower in lex.item_tail)):
                continue
            first, last = item[0].start, item[-1].end
            found.append(Candidate(Label.CLUSTER, first, last, "cluster.line_list", info=(("canonical", cluster_canonical(text[first:last], lex)),)))
    return found


def _list_items(text: str, words: list[Word], blocked: list[bool], trigger: Trigger, lex: ClusterLexicons) -> list[Candidate]:
    first = next((i for i, w in enumerate(words) if w.start >= trigger.end), None)
    if first is None:
        return []
    segments: list[list[Word | str]] = [[]]
    finished = False
    i = first
    while i < len(words):
        word = words[i]
        low = word.lower
        if blocked[i] or _DIGIT.search(word.text) and not re.fullmatch(r"\d+G", word.text):
            break
        if low == "as" and i + 2 < len(words) and words[i + 1].lower == "well" and words[i + 2].lower == "as":
            segments[-1].append("and")
            i += 3
            continue
        if low in ("and", "or"):
            segments[-1].append("and")
            i += 1
            continue
        if low in lex.list_stop or set(word.text) <= set("-~"):
            break  # a clause word, or a dash closing an aside ("-- A, B and C --")
        if finished:
            break  # "A, B, and C, contributed ...": the list ended with its last item
        if "(" in word.lead:
            if _abbreviation_like(word) and segments[-1] and ")" in word.trail:
                i += 1  # "(NEVs)": rule 3 makes it a mention of its own
                if "," in word.trail:
                    segments.append([])
                continue
            break
        segments[-1].append(word)
        if word.trail and (not _STOPS.isdisjoint(word.trail) or ")" in word.trail):
            break
        if "," in word.trail:
            finished = trigger.kind == "partial" and bool(segments[-1]) and segments[-1][0] == "and"
            segments.append([])
        i += 1
    segments = [s for s in segments if not (len(s) == 1 and isinstance(s[0], Word) and s[0].lower.endswith("ed"))]
    items = _items_from_segments([s for s in segments if any(isinstance(x, Word) for x in s)], trigger, lex)
    found = []
    for item in items:
        item = _trim_item(item, lex)
        if not item or len(item) > 8:
            continue
        if trigger.fields and item[-1].lower in lex.field_heads:
            continue
        if all(w.lower in lex.generic or w.lower in lex.item_tail for w in item) and len(item) == 1 and item[0].lower in lex.item_tail:
            continue
        start, end = item[0].start, item[-1].end
        found.append(Candidate(Label.CLUSTER, start, end, trigger.rule, info=(("canonical", cluster_canonical(text[start:end], lex)),)))
    return found


def _items_from_segments(segments: list[list[Word | str]], trigger: Trigger, lex: ClusterLexicons) -> list[list[Word]]:
    """Comma segments to items: split on 'and' where it joins list items, then obey the count."""
    if not segments:
        return []
    items: list[list[Word]] = []
    last = len(segments) - 1
    for index, segment in enumerate(segments):
        oxford = bool(segment) and segment[0] == "and"
        parts = _split_on_and(segment)
        if len(parts) == 1:
            items.append(parts[0])
            continue
        if index == last and not oxford and len(segments) > 1:
            # "A, B and C": the last "and" is the list's own.
            head, tail = _join(parts[:-1]), parts[-1]
            items.append(head)
            items.append(tail)
        elif index == last and oxford:
            items.extend(_split_at_articles(segment, lex))
        elif len(segments) == 1:
            items.extend(_split_single(parts, segment, lex))
        else:
            items.extend(_split_at_articles(segment, lex))
    items = [item for item in items if item]
    count = trigger.count if trigger.kind == "complete" else None
    if count:
        while len(items) > count and len(items) >= 2:
            items[-2:] = [items[-2] + items[-1]]  # "smart equipment, and manufacturing": one item
        if len(items) < count:
            items = _split_to_count(items, count, lex)
    return items


def _split_on_and(segment: list[Word | str]) -> list[list[Word]]:
    parts: list[list[Word]] = [[]]
    for piece in segment:
        if piece == "and":
            if parts[-1]:
                parts.append([])
        else:
            assert isinstance(piece, Word)
            parts[-1].append(piece)
    return [p for p in parts if p]


def _join(parts: list[list[Word]]) -> list[Word]:
    return [w for part in parts for w in part]


def _split_at_articles(segment: list[Word | str], lex: ClusterLexicons) -> list[list[Word]]:
    """Split only where 'and' is followed by an article: 'new energy and the new energy storage industry'."""
    items: list[list[Word]] = [[]]
    previous_and = False
    for piece in segment:
        if piece == "and":
            previous_and = bool(items[-1])
            continue
        assert isinstance(piece, Word)
        if previous_and and piece.lower in lex.articles:
            items.append([])
        previous_and = False
        items[-1].append(piece)
    return [i for i in items if i]


def _split_single(parts: list[list[Word]], segment: list[Word | str], lex: ClusterLexicons) -> list[list[Word]]:
    """'A and B' with no commas: one industry ('software and information services') or two."""
    by_article = _split_at_articles(segment, lex)
    if len(by_article) > 1:
        return by_article
    if len(parts) == 2:
        return _split_pair(parts, lex)
    return [_join(parts)]


def _split_pair(parts: list[list[Word]], lex: ClusterLexicons) -> list[list[Word]]:
    left, right = parts
    whole = cluster_key(" ".join(w.text for w in left) + " and " + " ".join(w.text for w in right))
    if whole in lex.terms:
        return [left + right]
    if len(left) == 1:
        word = left[0].lower
        if len(right) > 1 and cluster_key(word) not in lex.terms:
            return [left + right]  # "food and agricultural product processing"
        if word.endswith(lex.adjective_endings) and cluster_key(word) not in lex.terms:
            return [left + right]  # "commercial and trade"
    return [left, right]


def _split_to_count(items: list[list[Word]], count: int, lex: ClusterLexicons) -> list[list[Word]]:
    """A counted list with fewer items than its count: split items at their inner 'and'."""
    result = list(items)
    changed = True
    while len(result) < count and changed:
        changed = False
        for index, item in enumerate(result):
            positions = [k for k, w in enumerate(item) if w.lower == "and"]
            if positions:
                k = positions[0]
                result[index : index + 1] = [item[:k], item[k + 1 :]]
                changed = True
                break
    return result


def _trim_item(item: list[Word], lex: ClusterLexicons) -> list[Word]:
    """Drop leading articles and a trailing 'industry' / 'industrial cluster': they are outside the span."""
    while item and item[0].lower in lex.articles:
        item = item[1:]
    while item and item[-1].lower in lex.item_tail:
        item = item[:-1]
        if item and item[-1].lower in ("industrial", "industry"):
            item = item[:-1]
    return item


def _abbreviation_like(word: Word) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Za-z]{0,5}[A-Z]s?|[A-Z]{2,6}s?", word.text))


# -- rule 2: "X industry" ------------------------------------------------------------------------
def _headed(text: str, words: list[Word], blocked: list[bool], lex: ClusterLexicons) -> list[Candidate]:
    found = []
    lettered = [w for w in words if w.text[0].isalpha()]
    title_case = sum(w.text[0].isupper() for w in lettered) > 0.6 * len(lettered)  # a headline capitalizes every word
    for h, word in enumerate(words):
        low = word.lower
        if "'" in word.trail:
            continue  # "industries' generation": a possessive, not a head
        if (
            low in lex.head_words
            or low in ("ecosystem", "ecosystems")
            or low in ("industrial", "industry")
            and h + 1 < len(words)
            and words[h + 1].lower in lex.head_after_industrial
            and not word.ends_clause()
        ):
            end_index = h
        else:
            continue
        if h > 0 and words[h - 1].lower in ("industrial", "industry") and low != "industrial":
            continue  # "industrial cluster": found from "industrial"
        if word.text[0].isupper() and h + 1 < len(words) and words[h + 1].text[0].isupper() and words[h + 1].lower in lex.name_endings:
            continue  # "the China Big Data Industry Expo", "the Software Industry Association": inside a name
        if word.text[0].isupper() and h > 0 and words[h - 1].text[0].isupper() and not title_case:
            continue  # a capitalized head inside a sentence ends a name: "Sany Heavy Industry", "Sumitomo Heavy Industries"
        phrase = _noun_phrase_before(words, blocked, end_index, lex)
        if len(phrase) > 2 and phrase[-2].lower == "and" and phrase[-1].lower in lex.and_related:
            phrase = phrase[:-2]  # "big data and related industries": the industry is "big data"
        if len(phrase) > 1 and phrase[-1].lower == "core":
            phrase = phrase[:-1]  # "the digital economy core industries": the industry is before "core"
        series = _comma_list_before(words, blocked, phrase, lex) if low.endswith("s") and phrase and phrase[0].start != words[0].start else []
        # the series' own "and" before the phrase ("A, B, and C and D industries") leaves the phrase whole
        joined = bool(series) and words[words.index(phrase[0]) - 1].lower != "and"
        parts = series + _coordinated(phrase, lex, plural=low.endswith("s"), in_series=joined)
        for part in parts:
            part = _best_phrase(part, lex, ecosystem=low.startswith("ecosystem"))
            if not part or _adjective_only(part, lex, strict=low in ("cluster", "clusters")):
                continue
            start, end = part[0].start, part[-1].end
            found.append(Candidate(Label.CLUSTER, start, end, "cluster.head", info=(("canonical", cluster_canonical(text[start:end], lex)),)))
    return found


def _noun_phrase_before(words: list[Word], blocked: list[bool], head: int, lex: ClusterLexicons) -> list[Word]:
    phrase: list[Word] = []
    j = head - 1
    while j >= 0 and len(phrase) < 7:
        word = words[j]
        low = word.lower
        if word.ends_clause() or blocked[j] or word.lead or word.text.endswith(("'s", "'")):
            break
        if low in lex.phrase_stop and low != "and" or low in lex.count_words or _DIGIT.search(word.text) and not re.fullmatch(r"\d+G", word.text):
            break
        if low == "and" and (not phrase or j == 0 or words[j - 1].ends_clause()):
            break
        if not re.fullmatch(r"[A-Za-z][A-Za-z-]*|\d+G", word.text) or lex.is_verb(low) or word.text[0].isupper() and low in lex.places:
            break
        phrase.insert(0, word)
        j -= 1
    while phrase and phrase[0].lower == "and":
        phrase = phrase[1:]
    return phrase


def _adjective_only(phrase: list[Word], lex: ClusterLexicons, strict: bool) -> bool:
    """'an invaluable cluster', 'a valuable industry': an adjective, not an industry's name.

    Before a bare "cluster" any adjective ending counts; before "industry" only endings that
    no industry name has ("pharmaceutical", "automotive" and "chemical" industries exist).
    """
    if len(phrase) != 1 or cluster_key(phrase[0].text) in lex.terms:
        return False
    endings = lex.never_industry_endings + (lex.adjective_endings if strict else ())
    return phrase[0].lower.endswith(endings)


def _comma_list_before(words: list[Word], blocked: list[bool], phrase: list[Word], lex: ClusterLexicons) -> list[list[Word]]:
    """'new display, integrated circuit, and new energy vehicle clusters': the items before the last."""
    index = next(k for k, w in enumerate(words) if w is phrase[0])
    end = index - 1 if index > 0 and words[index - 1].lower == "and" else index
    items: list[list[Word]] = []
    while end > 0 and "," in words[end - 1].trail:
        segment: list[Word] = []
        k = end - 1
        while k >= 0 and (k == end - 1 or "," not in words[k].trail) and not blocked[k]:
            low = words[k].lower
            if low in lex.phrase_stop or lex.is_verb(low) or not re.fullmatch(r"[A-Za-z][A-Za-z-]*", words[k].text):
                break
            segment.insert(0, words[k])
            k -= 1
        if not segment or len(segment) > 5:
            break
        items.insert(0, segment)
        if k >= 0 and "," in words[k].trail:
            end = k + 1
            continue
        break
    return [best for item in items if (best := _best_phrase(item, lex, ecosystem=False))]


def _best_phrase(phrase: list[Word], lex: ClusterLexicons, ecosystem: bool) -> list[Word]:
    """The longest lexicon suffix after mere modifiers, else the phrase without leading modifiers,
    if it names something ('an influential electronic information' -> 'electronic information',
    'stainless steel' stays whole)."""
    for k in range(len(phrase)):
        if cluster_key(" ".join(w.text for w in phrase[k:])) in lex.terms:
            if all(w.lower in lex.modifiers or w.lower in lex.generic and w.lower not in lex.naming_generic for w in phrase[:k]):
                return phrase[k:]
            break
    if ecosystem:
        return []  # "industrial ecosystem": only known industries make an ecosystem a cluster
    while phrase and (phrase[0].lower in lex.modifiers or phrase[0].lower == "and"):
        phrase = phrase[1:]
    if not phrase or all(w.lower in lex.generic or w.lower in lex.broad for w in phrase):
        return []
    if len(phrase) == 1 and (phrase[0].lower in lex.alone_not_industry or phrase[0].lower.endswith("ed")):
        return []  # a participle alone ("modernized industrial chains") names no industry
    return phrase


def _coordinated(phrase: list[Word], lex: ClusterLexicons, plural: bool, in_series: bool = False) -> list[list[Word]]:
    """'X and Y industry': one industry ('optical fiber and cable', 'commercial and trade'), two
    ('the semiconductor and integrated circuit industry' when both are known industries, or
    the end of a series: 'the digital economy, biomedicine and marine industries'), or, when X
    holds a classified noun, only Y ('technology companies and cutting-edge industries')."""
    positions = [k for k, w in enumerate(phrase) if w.lower == "and"]
    if not positions:
        return [phrase] if phrase else []
    if cluster_key(" ".join(w.text for w in phrase)) in lex.terms:
        return [phrase]
    k = positions[-1]
    left, right = phrase[:k], phrase[k + 1 :]
    if not right:
        return []
    if cluster_key(" ".join(w.text for w in left)) in lex.terms and cluster_key(" ".join(w.text for w in right)) in lex.terms:
        return [left, right]
    if any(w.lower in lex.classifiers for w in left):
        return [right]
    if in_series and plural and len(positions) == 1:
        return [left, right]  # "A, B and C industries": three; a name with "and" is in the lexicon
    if plural and any(w.lower.endswith("s") and w.lower not in lex.generic for w in left):
        return [right]
    return [phrase]


# -- rule 1b: lists of known industries without a trigger ------------------------------------------
def _known_item_lists(text: str, words: list[Word], blocked: list[bool], lex: ClusterLexicons, taken: IntervalSet) -> list[Candidate]:
    """'opportunities in hydrogen energy, photovoltaics, semiconductors and the digital economy':
    three or more coordinated noun phrases, most of them known industries, are a list of industries."""
    found: list[Candidate] = []
    runs: list[list[list[Word]]] = []
    run: list[list[Word]] = []
    segment: list[Word] = []
    positions = {id(word): i for i, word in enumerate(words)}

    def close_segment() -> None:
        nonlocal segment
        if segment:
            run.append(segment)
        segment = []

    def close_run() -> None:
        nonlocal run
        close_segment()
        if len(run) >= 3:
            runs.append(run)
        run = []

    for i, word in enumerate(words):
        low = word.lower
        if blocked[i] or _DIGIT.search(word.text) or word.lead or not _LETTER.search(word.text) or low in lex.list_stop or lex.is_verb(low) and low not in lex.name_words:
            close_run()
            continue
        if low in ("and", "or"):
            close_segment()
            continue
        segment.append(word)
        if len(segment) > 6:
            segment = segment[-6:]  # the first item of a run: only its last words can be the item
        if "," in word.trail:
            close_segment()
        elif word.ends_clause():
            close_run()
    close_run()
    for run in runs:
        items = [_item_tail(item, lex) for item in run]
        items[-1] = _known_head(items[-1], lex)  # "machinery rose": the last item ends where the clause goes on
        items = [item for item in items if item]
        known = {id(item) for item in items if cluster_key(" ".join(w.text for w in item)) in lex.terms}
        if not items:
            continue
        index = positions[id(items[0][0])]
        before = [w.lower for w in words[max(0, index - 3) : index]]
        if len(items) < 3 or len(known) < 2 or len(known) * 5 < len(items) * 3 or any(w in lex.product_context for w in before):
            continue
        for item in items:
            start, end = item[0].start, item[-1].end
            if taken.overlaps(start, end):
                continue
            if id(item) not in known and all(w.lower in lex.generic or w.lower in lex.broad for w in item):
                continue
            found.append(Candidate(Label.CLUSTER, start, end, "cluster.list.known_items", info=(("canonical", cluster_canonical(text[start:end], lex)),)))
    return found


def _known_head(item: list[Word], lex: ClusterLexicons) -> list[Word]:
    """The longest known industry at the start of the last item, else the item if short."""
    for k in range(len(item), 0, -1):
        if cluster_key(" ".join(w.text for w in item[:k])) in lex.terms:
            return item[:k]
    return item if len(item) <= 3 else []


def _item_tail(item: list[Word], lex: ClusterLexicons) -> list[Word]:
    """The noun phrase at the end of a segment: 'opportunities in hydrogen energy' -> 'hydrogen energy'."""
    tail: list[Word] = []
    for word in reversed(item):
        if word.lower in lex.phrase_stop or word.text.endswith(("'s", "'")) or not re.fullmatch(r"[A-Za-z][A-Za-z-]*|\d+G", word.text):
            break
        tail.insert(0, word)
    tail = _trim_item(tail, lex)
    if len(tail) > 5:
        return []
    return tail


# -- rule 3: bracketed abbreviations --------------------------------------------------------------
def _abbreviations(text: str, found: list[Candidate], lex: ClusterLexicons) -> list[Candidate]:
    result = []
    for candidate in found:
        match = re.match(r"\s*\(([A-Z][A-Za-z]{0,5}[A-Z]s?|[A-Z]{2,6}s?)\)", text[candidate.end : candidate.end + 12])
        if not match:
            continue
        start = candidate.end + match.start(1)
        abbreviation = match.group(1)
        canonical = lex.terms[cluster_key(abbreviation)][0] if cluster_key(abbreviation) in lex.terms else candidate.get("canonical", "")
        result.append(Candidate(Label.CLUSTER, start, start + len(abbreviation), "cluster.abbreviation", info=(("canonical", canonical),)))
    return result


# -- rule 4: repeated targets and lexicon names ------------------------------------------------------
def _repeats_and_names(sentences: Sequence[_Sentence], found: list[Candidate], blockers: Sequence[tuple[int, int]], lex: ClusterLexicons) -> list[Candidate]:
    established: dict[str, int] = {}
    for candidate in sorted(found, key=lambda c: c.start):
        established.setdefault(candidate.get("canonical", ""), candidate.start)
    taken = IntervalSet([(c.start, c.end) for c in found] + list(blockers))
    result = []
    for words, _, starts in sentences:
        after = 0  # the first word not yet inside a match
        for i in starts:
            if i < after:
                continue
            match = _longest_term(words, i, lex)
            if match is None:
                continue
            j, key = match
            after = j + 1
            start, end = words[i].start, words[j].end
            if taken.overlaps(start, end):
                continue
            canonical, mode = lex.terms[key]
            first_seen = established.get(canonical)
            repeat = first_seen is not None and first_seen < start
            if (mode == "anywhere" or repeat) and _stands_alone(words, i, j, lex):
                rule = "cluster.repeat" if repeat else "cluster.lexicon"
                result.append(Candidate(Label.CLUSTER, start, end, rule, info=(("canonical", canonical),)))
                taken.add(start, end)
    return result


@lru_cache(maxsize=4096)
def _first_key(text: str) -> str:
    key = cluster_key(text)
    return key.split(" ", 1)[0] if key else ""


def _longest_term(words: list[Word], i: int, lex: ClusterLexicons) -> tuple[int, str] | None:
    if _first_key(words[i].text) not in lex.first_words:
        return None
    for j in range(min(len(words), i + 7) - 1, i - 1, -1):
        if any(w.ends_clause() for w in words[i:j]) or any(w.lead for w in words[i + 1 : j + 1]):
            continue
        key = cluster_key(" ".join(w.text for w in words[i : j + 1]))
        if key in lex.terms:
            return j, key
    return None


def _stands_alone(words: list[Word], i: int, j: int, lex: ClusterLexicons) -> bool:
    """Not a count of products ('500,000 new energy vehicles') nor a modifier ('NEV projects')."""
    if i > 0:
        previous = words[i - 1].lower
        if _DIGIT.search(previous) or previous in lex.count_words or previous in lex.scale_words:
            return False  # "500,000 new energy vehicles": a count of products
        if previous == "of" and i > 1 and (words[i - 2].lower in lex.classifiers or _DIGIT.search(words[i - 2].text)):
            return False  # "the output of NEVs"
    if j + 1 < len(words) and not words[j].ends_clause():
        following = words[j + 1]
        low = following.lower
        if low in lex.classifiers:
            return False
        if following.text[:1].isupper() and not following.lead:
            return False  # part of a longer name
        if re.fullmatch(r"[a-z][a-z-]*", following.text) and low not in lex.phrase_stop and low not in lex.list_stop and low not in lex.head_words and not low.endswith("ly"):
            return False  # a modifier of the next noun ("new energy vehicles" from "new energy")
    return True
