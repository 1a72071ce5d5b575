"""Rule 2: "X industry", "X sector", "X industrial cluster", "X ecosystem": the noun phrase before a head word."""

from __future__ import annotations

import re

from ...core.candidate import Candidate
from ...core.mention import Label
from ...text.words import Word
from .lexicon import DIGIT, ClusterLexicons, cluster_canonical, cluster_key


# -- rule 2: "X industry" ------------------------------------------------------------------------
def headed_clusters(text: str, words: list[Word], blocked: list[bool], lex: ClusterLexicons) -> list[Candidate]:
    found = []
    lettered = [w for w in words if w.text[0].isalpha()]
    title_case = sum(w.text[0].isupper() for w in lettered) > 0.6 * len(lettered)  # a headline capitalizes every word
    for h, word in enumerate(words):
        low = word.lower
        if "'" in word.trail:
            continue  # "industries' generation": a possessive, not a head
        if (
            low in lex.head_words
            or cut_head(text, word, lex)
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
        if word.text[0].isupper() and h > 0 and words[h - 1].text[0].isupper():
            park = low == "industrial" and h + 1 < len(words) and words[h + 1].lower in ("park", "parks")
            if not title_case or park:
                # a capitalized head inside a sentence ends a name ("Sany Heavy Industry"); a capitalized
                # "Industrial Park" is a park's name even in a headline ("Chang'an Communication Industrial Park")
                continue
        before = end_index - 1 if end_index > 0 and _bracketed_abbreviation(words[end_index - 1]) else end_index
        phrase = _noun_phrase_before(words, blocked, before, lex)  # "artificial intelligence (AI) industrial park"
        if len(phrase) > 2 and phrase[-2].lower == "and" and phrase[-1].lower in lex.and_related:
            phrase = phrase[:-2]  # "big data and related industries": the industry is "big data"
        if len(phrase) > 1 and phrase[-1].lower == "core":
            phrase = phrase[:-1]  # "the digital economy core industries": the industry is before "core"
        named = _known_name_with_commas(text, words, phrase, lex)  # "computer, communications and other electronic equipment manufacturing"
        series = _comma_list_before(words, blocked, named, lex) if low.endswith("s") and named and named[0].start != words[0].start else []
        if named is not phrase:
            phrase = named
            if low.endswith("s"):
                series += _item_before_and(words, blocked, phrase, lex)  # "tobacco products and petroleum, coal and ... industries"
        # the series' own "and" before the phrase ("A, B, and C and D industries") leaves the phrase whole
        joined = bool(series) and words[words.index(phrase[0]) - 1].lower != "and"
        if _after_headed_item(words, phrase, lex):
            parts = series + [phrase]  # "..., machinery and equipment industrial cluster, trade and logistics industrial cluster": each item has its head
        else:
            plural = low.endswith("s") or cut_head(text, word, lex)  # a cut head may have been plural
            parts = series + _coordinated(phrase, lex, plural=plural, in_series=joined)
        for part in parts:
            # the last item of a series keeps its broad words: "..., cultural creation, and new and high-tech industries"
            part = _best_phrase(part, lex, ecosystem=low.startswith("ecosystem"), in_list=bool(series))
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
        if lex.ends_phrase(word) and low != "and" or low in lex.count_words or low in lex.ordinal_words or DIGIT.search(word.text) and not re.fullmatch(r"\d+G", word.text):
            break  # "Sichuan's first chemical industrial parks": the ordinal counts, the industry follows
        if low == "and" and (not phrase or j == 0 or words[j - 1].ends_clause()):
            break
        if low in lex.head_words:
            break  # "automobile and auto parts industry and electronic information industry": two headed phrases
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
            if low == "and" and segment and k > 0 and "," not in words[k - 1].trail:
                segment.insert(0, words[k])
                k -= 1
                continue
            if lex.ends_phrase(words[k]) or lex.is_verb(low) or not re.fullmatch(r"[A-Za-z][A-Za-z-]*", words[k].text):
                break
            segment.insert(0, words[k])
            k -= 1
        if not segment or len(segment) > 5 or segment[0].lower == "and":
            break
        items[0:0] = _split_known_pair(segment, lex)
        if k >= 0 and "," in words[k].trail:
            end = k + 1
            continue
        break
    return [best for item in items if (best := _best_phrase(item, lex, ecosystem=False, in_list=True))]


def cut_head(text: str, word: Word, lex: ClusterLexicons) -> bool:
    """An excerpt cut inside its last word: "... and automotive electronics indust" ends at a head."""
    return len(word.text) >= 4 and not text[word.end :].strip() and any(h.startswith(word.lower) and h != word.lower for h in lex.head_words)


def _known_name_with_commas(text: str, words: list[Word], phrase: list[Word], lex: ClusterLexicons) -> list[Word]:
    """The phrase grown leftwards over commas when that makes a known name (the national
    classification's "petroleum, coal and other fuel processing")."""
    if not phrase:
        return phrase
    index = next(k for k, w in enumerate(words) if w is phrase[0])
    for first in range(max(0, index - 8), index):
        if "," in "".join(w.trail for w in words[first:index]) and cluster_key(text[words[first].start : phrase[-1].end]) in lex.terms:
            return words[first:index] + phrase
    return phrase


def _item_before_and(words: list[Word], blocked: list[bool], phrase: list[Word], lex: ClusterLexicons) -> list[list[Word]]:
    index = next(k for k, w in enumerate(words) if w is phrase[0])
    if index < 2 or words[index - 1].lower != "and":
        return []
    item = _noun_phrase_before(words, blocked, index - 1, lex)
    best = _best_phrase(item, lex, ecosystem=False, in_list=True) if item else []
    return [best] if best else []


def _bracketed_abbreviation(word: Word) -> bool:
    return "(" in word.lead and ")" in word.trail and bool(re.fullmatch(r"[A-Z][A-Za-z]{0,5}[A-Z]s?|[A-Z]{2,6}s?", word.text))


def _after_headed_item(words: list[Word], phrase: list[Word], lex: ClusterLexicons) -> bool:
    """The phrase follows ", " after another item's head word: an item of a series of headed items."""
    if not phrase:
        return False
    index = next(k for k, w in enumerate(words) if w is phrase[0])
    return index > 0 and "," in words[index - 1].trail and words[index - 1].lower in lex.head_words


def _split_known_pair(segment: list[Word], lex: ClusterLexicons) -> list[list[Word]]:
    """A series item with "and": one known name ("food and beverages") or two items
    ("TCM, tourism and conventions, special finance, ...")."""
    positions = [k for k, w in enumerate(segment) if w.lower == "and"]
    if len(positions) != 1 or cluster_key(" ".join(w.text for w in segment)) in lex.terms:
        return [segment]
    k = positions[0]
    return [segment[:k], segment[k + 1 :]]


def _best_phrase(phrase: list[Word], lex: ClusterLexicons, ecosystem: bool, in_list: bool = False) -> list[Word]:
    """The longest lexicon suffix after mere modifiers, else the phrase without leading modifiers,
    if it names something ('an influential electronic information' -> 'electronic information',
    'stainless steel' stays whole). An item of a list keeps broad words ('new and high-tech')."""
    for k in range(len(phrase)):
        if cluster_key(" ".join(w.text for w in phrase[k:])) in lex.terms:
            if all(w.lower in lex.modifiers or w.lower.endswith(lex.rank_suffixes) or w.lower in lex.generic and w.lower not in lex.naming_generic for w in phrase[:k]):
                return phrase[k:]
            break
    if ecosystem:
        return []  # "industrial ecosystem": only known industries make an ecosystem a cluster
    if in_list and phrase[0].lower not in lex.articles and not (len(phrase) == 1 and phrase[0].lower in lex.never_alone):
        return phrase  # "the agriculture, trade and digital industries": broad words are items of a list
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
        return [left, right]  # "A, B and C industries": three; a name with "and" is in the lexicon ("new and high-tech")
    if plural and len(positions) == 1 and len(left) >= 2 and len(right) >= 2 and not left[0].lower.endswith(lex.adjective_endings):
        return [left, right]  # "the machine vision and automotive electronics industries": two named industries
    if plural and any(w.lower.endswith("s") and w.lower not in lex.generic for w in left):
        return [right]
    return [phrase]
