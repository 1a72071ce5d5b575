"""The cluster rules' words (lexicons/cluster_words.tsv, clusters.tsv and others) and the keys industry names are compared by."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from ...patterns.loader import PatternSet
from ...text.words import Word

DIGIT = re.compile(r"\d")
FIGURE = re.compile(r"[\d.,%]*\d[\d.,%]*")  # a number as written: no letters


STOPS = frozenset(".;:!?")


LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Trigger:
    """A list trigger found by the token Matcher: where its items start, and its count."""

    start: int
    end: int
    rule: str
    kind: str  # "partial" or "complete"
    count: int | None  # the count before the head ("the five pillar industries"), if any
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
    never_alone: frozenset[str] = frozenset()
    never_last: frozenset[str] = frozenset()
    ordinal_words: frozenset[str] = frozenset()
    process_endings: tuple[str, ...] = ()  # "-ization": a process, no industry alone
    rank_suffixes: tuple[str, ...] = ()  # "city-level", "large-scale": ranks and sizes, no industry
    joining_phrases: tuple[tuple[str, ...], ...] = ()  # "as well as": joins list items like "and"
    joining_firsts: frozenset[str] = frozenset()  # their first words: most words start none
    _verbs: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)  # is_verb's answers, bounded

    @classmethod
    def from_patterns(cls, patterns: PatternSet) -> ClusterLexicons:
        words = patterns.lexicon("cluster_words")

        def role(name: str) -> frozenset[str]:
            return words.values("word", role=name)

        terms = {cluster_key(r["variant"]): (r["canonical"], r["mode"]) for r in patterns.lexicon("clusters").rows}
        adjective_endings = patterns.words("suffix.adjective")
        for key, entry in list(terms.items()):
            other = _other_number(key, patterns.words("suffix.not_plural"), patterns.words("suffix.plural_es"), adjective_endings)
            if other and other not in terms:
                terms[other] = entry  # "information technologies" is the known "information technology"
        return cls(
            terms=terms,
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
            adjective_endings=adjective_endings,
            never_industry_endings=patterns.words("suffix.adjective_never_industry"),
            never_alone=role("never_alone"),
            never_last=role("never_last"),
            ordinal_words=patterns.lexicon("ordinals").values("word"),
            rank_suffixes=tuple("-" + w for w in patterns.words("suffix.rank")),
            process_endings=patterns.words("suffix.process_noun"),
            joining_phrases=tuple(tuple(p.split()) for p in patterns.words("list.joining_phrase")),
            joining_firsts=frozenset(p.split()[0] for p in patterns.words("list.joining_phrase")),
        )

    def may_be_industry(self, text: str) -> bool:
        """The hard floor: what can never be an industry, whatever rule proposed it. A known
        industry always can; otherwise no figure ("5G" and "3D printing" are codes, not figures), count, scale or ordinal, no word that is never
        an industry alone (a determiner, adverb, connective, bare adjective), no ending that
        leaves no noun ("traditional heavy"), no rank or size ("city-level", "large-scale")."""
        if cluster_key(text) in self.terms:
            return True
        words = [w.strip(".,;:()\"'") for w in text.lower().split()]
        words = [w for w in words if w]
        if not words:
            return False
        if any(FIGURE.fullmatch(w) or w in self.count_words or w in self.scale_words or w in self.ordinal_words for w in words):
            return False
        if len(words) == 1 and (words[0] in self.never_alone or words[0].endswith(self.process_endings)):
            return False  # "many", "digitalization"
        return words[-1] not in self.never_last and not words[-1].endswith(self.rank_suffixes)

    def ends_list(self, word: Word) -> bool:
        """A word that ends a list item or a list; "IT" in capitals is no pronoun."""
        return word.lower in self.list_stop and not (len(word.text) > 1 and word.text.isupper())

    def ends_phrase(self, word: Word) -> bool:
        """A word that ends a noun phrase read leftwards from a head (capitals as in ends_list)."""
        return word.lower in self.phrase_stop and not (len(word.text) > 1 and word.text.isupper())

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
        if word.endswith("ed") and not (word.endswith("eed") and len(word) <= 5):  # "seed", "feed" are nouns
            return word not in self.name_words and word not in self.generic
        return False


def _other_number(key: str, not_plural: tuple[str, ...], plural_es: tuple[str, ...], adjective_endings: tuple[str, ...]) -> str | None:
    """The key with its last word in the other grammatical number: "new materials" <->
    "new material", "power battery" <-> "power batteries". None where that would be a guess:
    words in "s" that are no plurals ("electronics"), or a lone word that would read as an
    adjective ("chemicals" -> "chemical")."""
    *rest, last = key.split()
    if len(last) <= 3:
        return None
    if last.endswith("ies"):
        other = last[:-3] + "y"
    elif last.endswith("s"):
        if last.endswith(not_plural):
            return None
        other = last[:-1]
    elif last.endswith("y") and last[-2] not in "aeiou":
        other = last[:-1] + "ies"
    elif last.endswith(plural_es):
        other = last + "es"
    else:
        other = last + "s"
    if not rest and other.endswith(adjective_endings):
        return None
    return " ".join([*rest, other])


_KEY_PUNCTUATION = re.compile(r"[\"'()]")
_KEY_BIO = re.compile(r"\bbio\s+")
_KEY_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=4096)  # bounded: a larger store grows with the vocabulary (+10% peak RSS at 10,000 documents)
def cluster_key(text: str) -> str:
    """Lower case, hyphens as spaces, 'bio-' joined, commas dropped: the form lexicons are keyed by."""
    key = text.lower().replace("-", " ").replace(",", " ")
    key = _KEY_PUNCTUATION.sub(" ", key)
    key = _KEY_BIO.sub("bio", key)
    return _KEY_SPACES.sub(" ", key).strip()


def cluster_canonical(text: str, lex: ClusterLexicons) -> str:
    key = cluster_key(text)
    if key in lex.terms:
        return lex.terms[key][0]
    words = [lex.terms[w][0] if w in ("nev", "nevs") else w for w in key.split()]
    return " ".join(words)


class Sentence(NamedTuple):
    words: list[Word]
    blocked: list[bool]  # the word lies in a money, percent or date span
    starts: list[int]  # indexes of words that can start a known industry name
