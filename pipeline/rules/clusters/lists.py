"""Rule 1: lists of industries, after a trigger ("industries such as A, B and C"), on lines of their own after a colon, or
made of known industries without a trigger (rule 1b)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...core.candidate import Candidate, IntervalSet
from ...core.mention import Label
from ...text.words import Word
from .lexicon import DIGIT, LETTER, STOPS, ClusterLexicons, Sentence, Trigger, cluster_canonical, cluster_key

# -- rule 1: lists ----------------------------------------------------------------------------------
LINE_ITEM_WORDS = 8  # a list item on a line of its own is at most this many words


_DASHES = frozenset("-~\u2013\u2014")
_BULLET = re.compile(r"^(?:[-*\u2022\u00b7\u25cf\u25a0]|\(?\d{1,2}[.)]|\(?[a-z][.)])$")


def line_lists(text: str, sentences: Sequence[tuple[tuple[int, int], list[Word]]], parsed: Sequence[Sentence], lex: ClusterLexicons) -> list[Candidate]:
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
            if not item or len(item) > LINE_ITEM_WORDS or any(parsed[index].blocked) or any(DIGIT.search(w.text) and not re.fullmatch(r"\d+G", w.text) for w in item):
                break
            if any(lex.ends_list(w) for w in item) or item[-1].trail.rstrip(";,.") != item[-1].trail.rstrip(";,.").rstrip() or ":" in "".join(w.trail for w in item):
                break
            index += 1
            item = _trim_item(item, lex)
            if not item or (len(item) == 1 and (item[0].lower in lex.generic or item[0].lower in lex.item_tail)):
                continue
            first, last = item[0].start, item[-1].end
            found.append(Candidate(Label.CLUSTER, first, last, "cluster.line_list", info=(("canonical", cluster_canonical(text[first:last], lex)),)))
    return found


def trigger_list_items(text: str, words: list[Word], blocked: list[bool], trigger: Trigger, lex: ClusterLexicons) -> list[Candidate]:
    first = next((i for i, w in enumerate(words) if w.start >= trigger.end), None)
    if first is None:
        return []
    segments: list[list[Word | str]] = [[]]
    finished = False
    i = first
    while i < len(words):
        word = words[i]
        low = word.lower
        if blocked[i] or DIGIT.search(word.text) and not re.fullmatch(r"\d+G", word.text):
            break
        joining = _joining_phrase(words, i, lex)
        if joining and any(isinstance(x, Word) for segment in segments for x in segment):
            if segments[-1]:
                segments.append([])
            segments[-1].append("and")  # "A, B as well as C and D": as strong as ", and"
            i += joining
            continue
        if low in ("and", "or"):
            segments[-1].append("and")
            i += 1
            continue
        if set(word.text) <= _DASHES and len(segments) == 1 and segments[0] and trigger.kind == "complete":
            segments = [[]]  # "three industries of the digital economy -- A, B and C": the list follows the dash
            i += 1
            continue
        if lex.ends_list(word) or set(word.text) <= _DASHES or lex.is_verb(low) and low not in lex.name_words:
            break  # a clause word, a verb ("and the digital economy maintained growth"), or a dash closing an aside
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
        if word.trail and (not STOPS.isdisjoint(word.trail) or ")" in word.trail):
            break
        if "," in word.trail:
            finished = trigger.kind == "partial" and bool(segments[-1]) and segments[-1][0] == "and"
            segments.append([])
        i += 1
    segments = [s for s in segments if not (len(s) == 1 and isinstance(s[0], Word) and s[0].lower.endswith("ed"))]
    if len(segments) > 1 and "and" in segments[-2] and "and" not in segments[-1]:
        segments[-1] = []  # "A and the B industry, efforts are ...": after the list's own "and", a comma's segment is the next clause
    items = _items_from_segments([s for s in segments if any(isinstance(x, Word) for x in s)], trigger, lex)
    found = []
    for item in items:
        item = _trim_item(item, lex)
        if not item or len(item) > 8:
            continue
        if trigger.fields and item[-1].lower in lex.field_heads:
            continue
        if all(re.fullmatch(r"[A-Z][a-z]+", w.text) for w in item) and cluster_key(text[item[0].start : item[-1].end]) not in lex.terms:
            continue  # "In the fields of “Sinomic” and “Blue Sky Dream”": names of programmes or firms
        of = next((k for k, w in enumerate(item) if w.lower == "of"), None)
        if of and not any(w.lower in lex.name_words for w in item[:of]):
            continue  # "the layout of future industries": a process or place of industries, no industry's name
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
    # "digitalization and smart equipment manufacturing": a first word that is no industry leaves the rest
    items = [item[2:] if len(item) > 2 and item[1].lower == "and" and not lex.may_be_industry(item[0].text) else item for item in items]
    items = [item for item in items if item]
    # a partial list ("such as", "namely") is bound by a count before it only when its commas agree
    count = trigger.count if trigger.kind == "complete" or trigger.count == len(segments) else None
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
    if len(left) == 1 and not lex.may_be_industry(left[0].text):
        return [left, right]  # "digitalization and smart equipment manufacturing": the first is no industry
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
    while item and (item[0].lower in lex.articles or len(item) > 1 and item[0].text[0].isupper() and item[0].lower in lex.places):
        item = item[1:]  # "the", and a city before its industry ("Changsha engineering machinery")
    while item and item[-1].lower in lex.item_tail:
        item = item[:-1]
        if item and item[-1].lower in ("industrial", "industry"):
            item = item[:-1]
    return item


def _joining_phrase(words: list[Word], i: int, lex: ClusterLexicons) -> int:
    """How many words a phrase that joins list items like "and" ("as well as") takes at i, or 0."""
    if i >= len(words) or words[i].lower not in lex.joining_firsts:
        return 0
    for phrase in lex.joining_phrases:
        end = i + len(phrase)
        if end <= len(words) and [w.lower for w in words[i:end]] == list(phrase) and not any(w.ends_clause() for w in words[i : end - 1]):
            return len(phrase)
    return 0


def _abbreviation_like(word: Word) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Za-z]{0,5}[A-Z]s?|[A-Z]{2,6}s?", word.text))


# -- rule 1b: lists of known industries without a trigger ------------------------------------------
def known_item_lists(text: str, words: list[Word], blocked: list[bool], lex: ClusterLexicons, taken: IntervalSet) -> list[Candidate]:
    """'opportunities in hydrogen energy, photovoltaics, semiconductors and the digital economy':
    three or more coordinated noun phrases, most of them known industries, are a list of industries."""
    found: list[Candidate] = []
    runs: list[list[list[Word]]] = []
    run: list[list[Word]] = []
    segment: list[Word] = []
    positions = {id(word): i for i, word in enumerate(words)}
    by_and: set[int] = set()  # ids of segments closed by "and"/"or" rather than a comma

    def close_segment(conjunction: bool = False) -> None:
        nonlocal segment
        if segment:
            run.append(segment)
            if conjunction:
                by_and.add(id(segment))
        segment = []

    def close_run() -> None:
        nonlocal run
        close_segment()
        if len(run) >= 3:
            runs.append(run)
        run = []

    skip_to = 0
    for i, word in enumerate(words):
        if i < skip_to:
            continue
        low = word.lower
        joining = _joining_phrase(words, i, lex)
        if joining and (segment or run) and not blocked[i]:
            close_segment(conjunction=True)  # "A, B and C, in addition to D and E": one list
            skip_to = i + joining
            continue
        if blocked[i] or DIGIT.search(word.text) or word.lead or not LETTER.search(word.text) or lex.ends_list(word) or lex.is_verb(low) and low not in lex.name_words:
            close_run()
            continue
        if low in ("and", "or"):
            close_segment(conjunction=True)
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
        run, pairs = _join_known_pairs(text, run, by_and, lex)
        # a known pair is whole already; other items are cut to what can be an item
        items = [item if id(item) in pairs else _item_tail(item, lex) for item in run]
        # a segment cut to its tail ("influence of food processing") starts the list: what came before is no item
        cut = [k for k, (item, segment) in enumerate(zip(items, run, strict=True)) if k > 0 and item and id(segment) not in pairs and _cut_at_a_stop(segment, item, lex)]
        if cut:
            run, items = run[cut[0] :], items[cut[0] :]
        # an item written "the X industry" is named as an industry, like a known one
        headed = {id(cut) for cut, item in zip(items, run, strict=True) if cut and item[-1].lower in lex.head_words and len(item) > len(cut)}
        if id(items[-1]) not in pairs and id(items[-1]) not in headed:
            items[-1] = _known_head(items[-1], lex)  # "machinery rose": the last item ends where the clause goes on
        if len(run) >= 3 and id(run[-3]) in by_and and id(run[-2]) not in by_and and cluster_key(text[items[-1][0].start : items[-1][-1].end] if items[-1] else "") not in lex.terms:
            items[-1] = []  # "A, B and C, grew fast": the list ended with "and C"
        items = [item for item in items if item]
        known = {id(item) for item in items if id(item) in headed or cluster_key(text[item[0].start : item[-1].end]) in lex.terms}
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
            if id(item) not in known and len(item) == 1 and (item[0].lower in lex.generic or item[0].lower in lex.broad):
                continue
            found.append(Candidate(Label.CLUSTER, start, end, "cluster.list.known_items", info=(("canonical", cluster_canonical(text[start:end], lex)),)))
    return found


def _join_known_pairs(text: str, run: list[list[Word]], by_and: set[int], lex: ClusterLexicons) -> tuple[list[list[Word]], set[int]]:
    """Items split at "and" that name one known industry together: "wholesale and retail",
    "accommodation and catering" in "wholesale and retail, accommodation and catering, and real estate"."""
    joined: list[list[Word]] = []
    pairs: set[int] = set()
    k = 0
    while k < len(run):
        item = run[k]
        if k + 1 < len(run) and id(item) in by_and and cluster_key(text[item[0].start : run[k + 1][-1].end]) in lex.terms:
            joined.append(item + run[k + 1])
            pairs.add(id(joined[-1]))
            k += 2
            continue
        joined.append(item)
        k += 1
    return joined, pairs


def _cut_at_a_stop(segment: list[Word], item: list[Word], lex: ClusterLexicons) -> bool:
    """The item was cut from its segment at a word that ends a noun phrase ("influence of food processing")."""
    before = [w for w in segment if w.end <= item[0].start]
    return any(lex.ends_phrase(w) and w.lower not in lex.articles for w in before)


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
        if tail and word.text[0].isupper() and word.lower in lex.places:
            break  # "Changsha engineering machinery, Zhuzhou rail transit": the city is outside
        if lex.ends_phrase(word) or word.text.endswith(("'s", "'")) or not re.fullmatch(r"[A-Za-z][A-Za-z-]*|\d+G", word.text):
            break
        tail.insert(0, word)
    tail = _trim_item(tail, lex)
    known = _known_suffix(item, lex)
    if len(known) > len(tail):
        return known  # "new generation of information technology": a known name holds "of"
    if len(tail) > 5:
        return []
    return tail


def _known_suffix(item: list[Word], lex: ClusterLexicons) -> list[Word]:
    """The longest known industry name that ends the item, at most eight words."""
    for k in range(max(0, len(item) - 8), len(item)):
        if cluster_key(" ".join(w.text for w in item[k:])) in lex.terms:
            return item[k:]
    return []
