"""ORG candidates: names by lexicon, names built around head words, bracketed acronyms, and
the statistical model's entities after the filters this domain needs.

Rules beat the model in spans.resolve_overlaps, so the model mostly adds companies and
bodies that have no head word ("Huawei"); its usual mistakes here (zones, places, products,
people's surnames, slogans) are filtered out below.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from ..core.candidate import Candidate, IntervalSet
from ..core.mention import Label
from ..patterns.loader import PatternSet
from ..text.words import Word

_CJK = re.compile(r"[\u3000-\u9fff\uac00-\ud7af]")
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,9}s?")
# The longest name the rules build, in words ("the Standing Committee of the National People's
# Congress of the People's Republic of China" has 13): a bound that keeps every head's
# extension constant-time, so the rules stay linear on "Committee of the Committee of ...".
MAX_NAME_WORDS = 24
JOINING_WORDS = frozenset({"of", "and", "&", "the", "The", "for"})  # identifiers: the words a run of capitalized names is joined by
_GIVEN_NAME = re.compile(r"[A-Z][a-z]+(?:-[a-z]+)?")
_TWO_NAMES = re.compile(r"(?<![\w-])(?=([A-Z][a-z]+) ([A-Z][a-z]+(?:-[a-z]+)?)(?![\w-]))")  # overlapping: "Mayor Fan Lixin"


@dataclass(frozen=True)
class OrgLexicons:
    heads: frozenset[str]
    suffixes: frozenset[str]
    media: frozenset[str]
    left_stops: frozenset[str]
    titles: frozenset[str]
    descriptive: frozenset[str]
    generic: frozenset[str]
    zones: tuple[tuple[str, ...], ...]
    places: frozenset[str]
    surnames: frozenset[str]
    not_orgs: frozenset[str]
    event_words: frozenset[str]
    names: re.Pattern[str]
    name_kinds: dict[str, tuple[str, str]]  # name -> (kind, long form)
    cluster_terms: frozenset[str]
    calendar_words: frozenset[str]  # month and weekday names, lower case: "Exchange on September 5" is no name
    # roles of org_stopwords.tsv (see its comments)
    possessive_names: frozenset[str] = frozenset()
    connectors: frozenset[str] = frozenset()
    place_levels: frozenset[str] = frozenset()
    initials_skip: frozenset[str] = frozenset()
    minor_words: frozenset[str] = frozenset()
    wire_partner: re.Pattern[str] = re.compile(r"(?!)")  # "/PRNewswire=KYODO JBN/": group 1 is the partner
    company_nouns: frozenset[str] = frozenset()  # "enterprises" before "such as Tuniu, ..."
    company_heads: frozenset[str] = frozenset()  # "Corporation": a company's full name ends here
    place_prepositions: frozenset[str] = frozenset()  # "of" in "enterprises of Nanjing"
    list_openers: tuple[tuple[str, ...], ...] = ()  # "such as", "including"
    descriptors: frozenset[str] = frozenset()  # "Automobile", "Technology": words a company's name goes on with
    descriptor_after: re.Pattern[str] = re.compile(r"(?!)")  # " Automobile": a company name's own next word
    class_nouns: frozenset[str] = frozenset()  # "Enterprises": ends a list's title, no body
    ticker_before: re.Pattern[str] = re.compile(r"(?!)")  # "NYSE: ": an exchange's label before a ticker
    level_after: re.Pattern[str] = re.compile(r"(?!)")  # " district", " province": a place's level after its name
    menu_words: frozenset[str] = frozenset()  # "Mobile", "Print": a site menu after a name
    topic_words: frozenset[str] = frozenset()  # "on", "between": after "Agreement" they open a title's topic
    source_line: re.Pattern[str] = re.compile(r"(?!)")  # "Source: X", the value in group 1
    domain: re.Pattern[str] = re.compile(r"(?!)")  # a web site's domain name: "english.hubei.gov.cn"
    field_labels: frozenset[str] = frozenset()  # "Date", "Updated": labels of a header's next field
    credit_label: re.Pattern[str] = re.compile(r"(?!)")  # "Photo/", "Copyright©2024 ": credit labels before a source's name
    place_words: int = 1  # the longest place name, in words

    @classmethod
    def from_patterns(cls, patterns: PatternSet) -> OrgLexicons:
        heads = patterns.lexicon("org_heads")
        stops = patterns.lexicon("org_stopwords")
        names = patterns.lexicon("org_names").rows
        ordered = sorted((row["name"] for row in names), key=len, reverse=True)
        return cls(
            heads=heads.values("word", kind="head"),
            suffixes=heads.values("word", kind="suffix"),
            media=heads.values("word", kind="media"),
            left_stops=stops.values("word", role="left_stop"),
            titles=stops.values("word", role="title"),
            descriptive=stops.values("word", role="descriptive"),
            generic=stops.values("word", role="generic"),
            zones=tuple(tuple(z.split()) for z in patterns.lexicon("zones").column("suffix")),
            places=frozenset(p.lower() for p in patterns.lexicon("places").column("name")),
            place_words=max((len(p.split()) for p in patterns.lexicon("places").column("name")), default=1),
            surnames=stops.values("word", role="surname"),
            possessive_names=stops.values("word", role="possessive_name"),
            connectors=stops.values("word", role="connector"),
            place_levels=stops.values("word", role="place_level"),
            initials_skip=stops.values("word", role="initials_skip"),
            minor_words=stops.values("word", role="minor_word"),
            topic_words=stops.values("word", role="topic"),
            menu_words=stops.values("word", role="menu"),
            wire_partner=re.compile(r"/(?:" + patterns.alternation("credit.wire_slashed") + r")=([A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*){0,3})/"),
            company_nouns=patterns.word_set("org.company_noun"),
            company_heads=patterns.word_set("org.company_head"),
            place_prepositions=patterns.word_set("org.place_preposition"),
            list_openers=tuple(tuple(o.split()) for o in patterns.words("org.list_opener")),
            descriptors=heads.values("word", kind="descriptor"),
            descriptor_after=re.compile(r"(?:[^\S\n](?:" + "|".join(sorted(heads.values("word", kind="descriptor"), key=len, reverse=True)) + r")){1,2}(?![\w-])"),
            class_nouns=heads.values("word", kind="class"),
            ticker_before=re.compile(r"\b(?:" + patterns.alternation("org.exchange_label") + r")\s*:\s*$"),
            level_after=re.compile(r"[^\S\n]+(?:" + "|".join(sorted(w.lower() for w in stops.values("word", role="place_level"))) + r")\b"),
            source_line=re.compile(r"(?m)(?:^|\||[^\S\n])(?:" + patterns.alternation("header.source_label") + r")[^\S\n]*[:\uff1a][^\S\n]*([^|\n]{2,100})"),
            domain=re.compile(rf"(?:[a-z0-9-]+\.)+(?:{patterns.alternation('web.domain_suffix')})"),
            field_labels=patterns.word_set("header.field_label"),
            credit_label=re.compile(r"(?:" + "|".join(sorted(stops.values("word", role="credit"))) + r")(?:[^\S\n]*[/:|][^\S\n]*|[^\S\n]*©[^\S\n]*(?:\d{4}(?:-\d{4})?)?[^\S\n]*)"),
            not_orgs=frozenset(n.lower() for n in patterns.lexicon("not_orgs").column("name")),
            event_words=frozenset(patterns.lexicon("event_words").column("word")),
            names=re.compile(r"(?<![A-Za-z0-9@.])(?<!\d )(?:" + "|".join(re.escape(n) for n in ordered) + r")(?![a-z0-9])(?!(?<=[A-Z])[A-Z])"),  # "UN" is no name inside "UNESCO"
            name_kinds={row["name"]: (row["kind"], row["long_form"]) for row in names},
            cluster_terms=frozenset(v.lower() for v in patterns.lexicon("clusters").column("variant")),
            calendar_words=frozenset(w.lower().rstrip(".") for name in ("months", "weekdays") for w in patterns.lexicon(name).column("surface")),
        )

    def only_places(self, words: Sequence[str]) -> bool:
        """Every word belongs to a place name, one-word ("Macao") or longer ("Hong Kong"),
        a possessive after it allowed, hyphens read as spaces: "Hong Kong and Macao" and
        "Guangdong-Hong Kong-Macao" name places only (the caller leaves out JOINING_WORDS)."""
        lowered = [part for w in words for part in w.lower().removesuffix("'s").removesuffix("\u2019s").split("-")]
        i = 0
        while i < len(lowered):
            for length in range(min(self.place_words, len(lowered) - i), 0, -1):
                key = " ".join(lowered[i : i + length])
                if key in self.places or key + "." in self.places:  # "U.S" of "U.S." at a sentence's end
                    i += length
                    break
            else:
                return False
        return bool(lowered)

    def is_person(self, words: Sequence[str]) -> bool:
        """A surname and one given name: "Zhang Hongming", "Li Jie"."""
        return len(words) == 2 and words[0] in self.surnames and bool(_GIVEN_NAME.fullmatch(words[1])) and words[1] not in self.heads


def scan_orgs(text: str, sentences: Sequence[tuple[tuple[int, int], list[Word]]], entities: Iterable[tuple[int, int, str]], lex: OrgLexicons, model_name: str) -> list[Candidate]:
    """ORG candidates for one document: `sentences` pairs each sentence's span with its words;
    `entities` are the model's (start, end, label) spans."""
    entities = list(entities)
    candidates = _lexicon_names(text, lex) + _source_names(text, lex)
    for _, words in sentences:
        candidates.extend(_headed_names(text, words, lex))
        candidates.extend(_listed_companies(text, words, lex))
    persons = {text[s:e] for s, e, label in entities if label == "PERSON"}
    person_words = {w for p in persons for w in p.split()}
    if any(label == "ORG" for _, _, label in entities):  # and people the rules know: the model does not read every sentence
        person_words.update(m.group(1) for m in _TWO_NAMES.finditer(text) if lex.is_person(m.groups()))
    title_lines = _title_case_lines(text, lex.minor_words)
    names: list[Candidate] = []  # the model's names that pass
    facilities: list[tuple[int, int]] = []  # the model's "organizations" that are parks, zones, places
    for start, end, label in entities:
        if label != "ORG":
            continue
        for piece_start, piece_end in _model_pieces(text, start, end, lex):
            if any(s <= piece_start < e for s, e in title_lines):
                continue  # every word of a headline is capitalized: capitals carry no signal there
            if _line_label(text, piece_start, piece_end):
                continue  # "Media contact:", "Editor:": a label, not a name
            if _in_breadcrumb(text, piece_start, lex) or lex.ticker_before.search(text, max(0, piece_start - 12), piece_start):
                continue  # "Home > Media Center > News"; "(NYSE: NIO; HKEX: 9866)": a menu, a ticker
            if piece_end == len(text.rstrip()) and " " not in text[piece_start:piece_end]:
                continue  # "..., Nanj": the excerpt is cut inside the word
            if _dateline_place(text, piece_start, piece_end) or _cut_from_a_place(text, piece_start, piece_end, lex) or _ends_zone(text[piece_start:piece_end], lex):
                facilities.append((piece_start, piece_end))
                continue
            if _lone_opening_word(text, piece_start, piece_end, lex):
                continue
            if lex.level_after.match(text, piece_end):
                facilities.append((piece_start, piece_end))
                continue  # "Shunde district", "Lanzhou city": a place named with its level
            if _model_org_ok(text[piece_start:piece_end], lex, person_words):
                place = re.match(r" \(([A-Z][\w'-]*)\)", text[piece_end : piece_end + 40])
                if place and place.group(1).lower() in lex.places:
                    piece_end += place.end()  # "MC Star Health Technology (Guangzhou)": the branch's place is part of the name
                names.append(Candidate(Label.ORG, piece_start, piece_end, model_name, source="model"))
    places = {text[s:e] for s, e in facilities}
    names = [n for n in names if text[n.start : n.end] not in places]  # "Shunde" again, once seen as "Shunde district"
    candidates = [c for c in candidates if not _inside_a_longer_name(text, c, names, facilities)]
    candidates.extend(names)
    candidates.extend(_bracketed_acronyms(text, candidates, lex))
    candidates.extend(_repeated_names(text, candidates, facilities))
    candidates.extend(_short_names(text, candidates, facilities, lex))
    return candidates


def _short_names(text: str, candidates: list[Candidate], facilities: list[tuple[int, int]], lex: OrgLexicons) -> list[Candidate]:
    """A company named in full once is later called by its own word: "Shanghai Baolong
    Automotive Corporation" ... "Baolong's Hefei factory". The word must be the name's
    first that is no place or common word, and never written in lower case in the document."""
    taken = IntervalSet([(c.start, c.end) for c in candidates] + facilities)
    found = []
    seen = set()
    for candidate in candidates:
        words = text[candidate.start : candidate.end].split()
        if len(words) < 2 or not (words[-1] in lex.suffixes or words[-1] in lex.descriptors or words[-1] in lex.company_heads):
            continue
        own = next((w for w in words if w.lower() not in lex.places and w not in lex.generic and w != "The"), None)
        if own is None or own in seen or not re.fullmatch(r"[A-Z][a-z]{3,}|[A-Z]{3,}", own) or own in lex.descriptors or own in lex.heads:
            continue
        seen.add(own)
        if re.search(rf"(?<![\w-]){own.lower()}(?![\w-])", text):
            continue  # a common word ("Information"), not a name
        for match in re.finditer(rf"(?<![\w-]){re.escape(own)}(?=['\u2019]s\b|[^\w-]|$)(?![^\S\n]+[A-Z])", text):
            if not taken.overlaps(match.start(), match.end()) and not lex.ticker_before.search(text, max(0, match.start() - 12), match.start()):
                found.append(Candidate(Label.ORG, match.start(), match.end(), "org.short_name"))
                taken.add(match.start(), match.end())
    return found


def _repeated_names(text: str, candidates: list[Candidate], facilities: list[tuple[int, int]]) -> list[Candidate]:
    """A name of two or more words found once is a name wherever it recurs: the model often
    misses a company's second mention ("Mitsubishi Heavy Industries Dongfang Gas Turbine"),
    and a bracketed place may be left off the second time."""
    taken = IntervalSet([(c.start, c.end) for c in candidates] + facilities)
    forms = set()
    for candidate in candidates:
        name = text[candidate.start : candidate.end]
        if " " in name and "\n" not in name:
            forms.add(name)
            forms.add(re.sub(r"\s*\([^()]*\)$", "", name))
    found = []
    for name in sorted(forms, key=lambda n: (-len(n), n)):
        for start in _whole_word_occurrences(text, name):
            end = start + len(name)
            if not taken.overlaps(start, end):
                found.append(Candidate(Label.ORG, start, end, "org.repeat"))
                taken.add(start, end)
    return found


def _whole_word_occurrences(text: str, phrase: str) -> list[int]:
    """Where `phrase` stands in `text` with no word character or hyphen on either side, left
    to right and not overlapping: the matches of (?<![\\w-])phrase(?![\\w-]), without compiling a
    regex per phrase (names differ from document to document, so none would be reused)."""
    found: list[int] = []
    at = text.find(phrase)
    while at >= 0:
        end = at + len(phrase)
        if not _word_or_hyphen(text[at - 1 : at]) and not _word_or_hyphen(text[end : end + 1]):
            found.append(at)
            at = text.find(phrase, end)
        else:
            at = text.find(phrase, at + 1)
    return found


def _word_or_hyphen(char: str) -> bool:
    return bool(char) and (char.isalnum() or char in "_-")


def _listed_companies(text: str, words: list[Word], lex: OrgLexicons) -> list[Candidate]:
    """Capitalized names listed after "companies such as", "enterprises including", ...:
    "61 enterprises such as Tuniu, NR Electric, Wiscom Technology, and HopeRun"."""
    found: list[Candidate] = []
    for i, word in enumerate(words):
        if word.lower not in lex.company_nouns or word.ends_clause() and "," not in word.trail:
            continue
        k = i + 1
        if k + 1 < len(words) and words[k].lower in lex.place_prepositions and words[k + 1].lower in lex.places:
            k += 2  # "enterprises of Nanjing such as ..."
        opener = next((o for o in lex.list_openers if [w.lower for w in words[k : k + len(o)]] == list(o)), None)
        if opener is None:
            continue
        k += len(opener)
        while k < len(words):
            item: list[Word] = []
            while k < len(words) and (_is_name_word(words[k], lex) or words[k].text == "&" and item):
                item.append(words[k])
                k += 1
                if item[-1].ends_clause() or len(item) > MAX_NAME_WORDS:
                    break
            names = " ".join(w.text for w in item)
            if not item or len(item) > MAX_NAME_WORDS or names.lower() in lex.places:
                break
            found.append(Candidate(Label.ORG, item[0].start, item[-1].end, "org.listed"))
            if item[-1].trail.strip(",") or k >= len(words):
                break  # the sentence or clause ends
            if words[k].lower in ("and", "or"):
                k += 1
            elif "," not in item[-1].trail:
                break
            if k < len(words) and words[k].lower in ("and", "or"):
                k += 1
    return found


def _in_breadcrumb(text: str, start: int, lex: OrgLexicons) -> bool:
    """A navigation trail: the line opens with a menu word and steps with '>' ("Home > Media Center")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return ">" in line and line.split(">", 1)[0].strip() in lex.menu_words


def _inside_a_longer_name(text: str, candidate: Candidate, names: list[Candidate], facilities: list[tuple[int, int]]) -> bool:
    """A lexicon name inside a longer one: "Geely" in the model's "Guizhou Geely Automobile
    Manufacturing" gives way to it; "BYD" in "the Guiyang BYD Intelligent Manufacturing
    Industrial Park" names no company there (a park's name holds no mention)."""
    if not candidate.rule.startswith("org.name."):
        return False
    # only a company's name grows into a subsidiary's; a site's or paper's is followed by labels ("iChongqing Title")
    # (not a model span that runs over a list: "Geely Auto, Lynk & Co.")
    longer = [(n.start, n.end) for n in names if "," not in text[n.start : n.end]]
    inside = (longer if candidate.rule == "org.name.company" else []) + facilities
    return any(s <= candidate.start and candidate.end <= e and e - s > candidate.end - candidate.start for s, e in inside)


def _ends_zone(piece: str, lex: OrgLexicons) -> bool:
    """'... Industrial Park', '... Demonstration Area of China': a zone, park or facility."""
    texts = tuple(re.sub(r"\s+of\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?$", "", piece).split())
    return any(len(z) <= len(texts) and texts[-len(z) :] == z for z in lex.zones)


# -- lexicon names ---------------------------------------------------------------------------------
_WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _lexicon_names(text: str, lex: OrgLexicons) -> list[Candidate]:
    found = []
    addresses = [m.span() for m in _WEB_ADDRESS.finditer(text)]
    for match in lex.names.finditer(text):
        if any(s <= match.start() < e for s, e in addresses):
            continue  # "service@ichongqing.info", "www.xinhuanet.com"
        if _cut_from_a_place(text, match.start(), match.end(), lex):
            continue  # "the Hefei NIO Intelligent Manufacturing Industrial Park": a park's name holds no mention
        if lex.ticker_before.search(text, max(0, match.start() - 12), match.start()):
            continue  # "(NYSE: NIO; SGX: NIO)": tickers
        kind, long_form = lex.name_kinds[match.group()]
        info: tuple[tuple[str, str], ...] = (("long_form", long_form),) if long_form else ()
        start = match.start()
        place = re.search(r"(?<![\w'-])([A-Z][a-z]+)[^\S\n]$", text[max(0, start - 30) : start])
        if kind == "company" and place and place.group(1).lower() in lex.places:
            start -= len(place.group())  # "Guizhou Geely": a company's local arm is named with its place
        end = match.end()
        if kind == "company":
            described = lex.descriptor_after.match(text, end)
            if described:
                end = described.end()  # "Geely Automobile", "Huawei Technologies": the company's own words
        found.append(Candidate(Label.ORG, start, end, f"org.name.{kind}", info=info))
    return found


def _source_names(text: str, lex: OrgLexicons) -> list[Candidate]:
    """The publisher a source line names ("Source: hubei.gov.cn 08/02/2016", "Source:WhereZhengzhou
    Date: ...") and a web domain standing alone in a header line ("Headline | example.com")."""
    found = []
    for match in lex.source_line.finditer(text):
        value = match.group(1)
        name = re.match(r"[A-Za-z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,5}", value)
        if not name or any(c.isdigit() for c in name.group()) and not lex.domain.fullmatch(name.group()):
            continue
        words = name.group().split()
        while words and words[-1] in lex.field_labels:
            words.pop()  # "Xinhua Updated": the next field's label
        if not words or not (words[0][0].isupper() or lex.domain.fullmatch(words[0])) or words[0] in lex.field_labels or words[0] in lex.left_stops:
            continue
        start = match.start(1)
        found.append(Candidate(Label.ORG, start, start + len(" ".join(words)), "org.source_line"))
    for match in lex.wire_partner.finditer(text[:HEADER_CHARS]):
        found.append(Candidate(Label.ORG, match.start(1), match.end(1), "org.source_line"))  # "/PRNewswire=KYODO JBN/": the partner wire
    for line in re.finditer(r"[^\n]+", text[:HEADER_CHARS]):
        for segment in re.finditer(r"[^|]+", line.group()):
            piece = segment.group().strip()
            if lex.domain.fullmatch(piece) and "|" in line.group():
                start = line.start() + segment.start() + segment.group().index(piece)
                found.append(Candidate(Label.ORG, start, start + len(piece), "org.source_line"))
    return found


HEADER_CHARS = 600  # where a page's header lines (title | site) end at most


# -- names around head words --------------------------------------------------------------------------
_DESCRIBING_SUFFIXES = ("-based", "-headquartered", "-listed", "-owned", "-funded", "-backed", "-invested", "-registered", "-made", "-level", "-style")


def _is_name_word(word: Word, lex: OrgLexicons, first_in_sentence: bool = False) -> bool:
    text = word.text
    if text in ("A", "An") and not first_in_sentence:
        return True  # "Ping An Insurance": an article only starts a sentence
    if text in lex.left_stops or text in lex.titles or text.lower().endswith(_DESCRIBING_SUFFIXES):
        return False  # "SOURCE", "CTO", "Xiamen-based"
    if text.endswith(("'s", "'")):
        return text in lex.possessive_names
    first = text[0]
    return first.isupper() or (first.islower() and len(text) > 1 and text[1].isupper()) or first.isdigit() and any(c.isalpha() for c in text)


def _is_head(word: Word, lex: OrgLexicons) -> bool:
    return word.text in lex.heads or word.text in lex.suffixes or word.text in lex.media


def _headed_names(text: str, words: list[Word], lex: OrgLexicons) -> list[Candidate]:
    found: list[Candidate] = []
    for i, word in enumerate(words):
        possessive = word.text.endswith("'s") and word.text[:-2] in lex.heads
        if not possessive and not _is_head(word, lex):
            continue
        first = _extend_left(words, i, lex)
        # "the Shenzhen Stock Exchange's ChiNext board": the name ends before the "'s"
        last, conjoined_head = (i, None) if possessive else _extend_right(words, i, lex)
        if first == i and last == i:
            continue  # a head word alone ("Government") names nothing
        if words[first].text in lex.media and first == i:
            continue
        name_words = words[first : last + 1]
        if not _names_an_org(text, words, first, last, lex):
            continue
        rule = "org.headed"
        info: list[tuple[str, object]] = []
        if conjoined_head is not None:
            info.append(("coordinated_with", words[conjoined_head].start))
        end = name_words[-1].end - (2 if possessive else 0)
        start = name_words[0].start + _credit_length(text[name_words[0].start : end], lex)
        if _in_breadcrumb(text, start, lex):
            continue  # "Home > Media Center > NDZs News": a section label in a menu trail
        gap = list(_LAYOUT_GAP.finditer(text, start, end))
        if gap:
            start = gap[-1].end()  # "9:21 AM     China Daily": a layout gap is no part of a name
        found.append(Candidate(Label.ORG, start, end, rule, info=tuple(info)))
    return found


_LAYOUT_GAP = re.compile(r"[^\S\n]{3,}|\t")


def _credit_length(piece: str, lex: OrgLexicons) -> int:
    """The length of a credit label opening the piece: "Photo/" of "Photo/Xiamen Daily",
    "Copyright©2024 " of "Copyright©2024 China Daily"; 0 if none or nothing follows it."""
    credit = lex.credit_label.match(piece)
    return credit.end() if credit and credit.end() < len(piece) else 0


def _extend_left(words: list[Word], i: int, lex: OrgLexicons) -> int:
    j = i
    while j > 0 and i - j < MAX_NAME_WORDS:
        previous = words[j - 1]
        if previous.ends_clause() and not _parenthesized(previous) or _opens(words[j]) and not _parenthesized(words[j]):
            break
        if _caps_byline(words, j):
            break  # "By LI FUSHENG China Daily": a reporter's name in capitals before the paper
        if _is_name_word(previous, lex, first_in_sentence=j - 1 == 0):
            j -= 1
            continue
        if previous.text in ("and", "&") and j >= 2 and _is_name_word(words[j - 2], lex):
            before = words[j - 2]
            if _is_head(before, lex) or _ends_place(words[max(0, j - 1 - MAX_NAME_WORDS) : j - 1], lex) or before.ends_clause():
                break  # "Party Work Committee and Administrative Committee": two bodies
            if before.lower in lex.places and j >= 3 and words[j - 3].text in lex.connectors:
                break  # "the People's Bank of China and Tsinghua University": the first name ends at its place
            j -= 1
            continue
        break
    return j


def _caps_byline(words: list[Word], j: int) -> bool:
    """Words in capitals before a name in title case, after "By" or two of them: a byline's person."""
    if not _ALL_CAPS.fullmatch(words[j - 1].text) or _ALL_CAPS.fullmatch(words[j].text):
        return False
    return j >= 2 and (_ALL_CAPS.fullmatch(words[j - 2].text) is not None or words[j - 2].text in ("By", "BY"))


_ALL_CAPS = re.compile(r"[A-Z]{2,}")


def _extend_right(words: list[Word], i: int, lex: OrgLexicons) -> tuple[int, int | None]:
    """Extend over "of [the] Name Words", legal suffixes ("Co., Ltd.") and parenthesized parts."""
    last = i
    k = i + 1
    limit = min(len(words), i + MAX_NAME_WORDS)
    while k < limit:
        if words[k - 1].ends_clause() and not (words[k].text in lex.suffixes and "," in words[k - 1].trail):
            break
        word = words[k]
        if word.text in lex.suffixes:
            last = k
            k += 1
            continue
        if word.text in lex.connectors:
            m = k + 1
            if m < len(words) and words[m].text == "the" and not words[k].ends_clause():
                m += 1
            if m < limit and _is_name_word(words[m], lex) and not words[m - 1].ends_clause() and not _opens(words[m]) and words[m].lower.rstrip(".") not in lex.calendar_words:
                last = m
                k = m + 1
                while k < limit and not words[k - 1].ends_clause() and words[k].text not in lex.menu_words:
                    inner = _parenthesized(words[k]) and not _ACRONYM.fullmatch(words[k].text) and k + 1 < limit and _is_name_word(words[k + 1], lex)
                    if _is_name_word(words[k], lex) and (not _opens(words[k]) or inner):
                        last = k
                        k += 1
                    elif words[k].text in ("and", "&") and k + 1 < limit and _is_name_word(words[k + 1], lex) and not words[k + 1].text in lex.titles and not _names_run_has_head(words, k + 1, lex):
                        last = k + 1
                        k += 2
                    else:
                        break
                continue
        if _parenthesized(word) and not _ACRONYM.fullmatch(word.text) and k + 1 < limit and _is_name_word(words[k + 1], lex):
            last = k + 1
            k += 2
            continue
        break
    conjoined = None
    if last + 2 < len(words) and words[last + 1].text == "and" and not words[last].ends_clause():
        conjoined = last + 2
    return last, conjoined


def _names_run_has_head(words: list[Word], k: int, lex: OrgLexicons) -> bool:
    """The name words from k on hold a head of their own: 'of China and Tsinghua University'
    joins two bodies, where 'of Industry and Information Technology' is one complement."""
    limit = min(len(words), k + MAX_NAME_WORDS)
    while k < limit and _is_name_word(words[k], lex):
        if _is_head(words[k], lex):
            return True
        if words[k].ends_clause():
            break
        k += 1
    return False


def _opens(word: Word) -> bool:
    return bool(word.lead)


def _parenthesized(word: Word) -> bool:
    return "(" in word.lead and ")" in word.trail


def _ends_place(words: Sequence[Word], lex: OrgLexicons) -> bool:
    texts = tuple(w.text for w in words)
    return any(len(z) <= len(texts) and texts[-len(z) :] == z for z in lex.zones if z[-1] in lex.place_levels)


def _names_an_org(text: str, words: list[Word], first: int, last: int, lex: OrgLexicons) -> bool:
    span = words[first : last + 1]
    texts = tuple(w.text for w in span)
    # A zone or park, unless a head word takes it as its complement ("Committee of ... Zone").
    has_of_head = any(_is_head(w, lex) and k + 1 < len(span) and span[k + 1].text in lex.connectors for k, w in enumerate(span))
    if not has_of_head and any(len(z) <= len(texts) and texts[-len(z) :] == z for z in lex.zones):
        return False
    # "the local People's Government": a description, not a name.
    if all(w.text in lex.generic for w in span) and first > 0 and words[first - 1].text in lex.descriptive:
        return False
    if " ".join(texts).lower() in lex.not_orgs:
        return False
    return True


# -- bracketed acronyms -------------------------------------------------------------------------
def _bracketed_acronyms(text: str, candidates: list[Candidate], lex: OrgLexicons) -> list[Candidate]:
    """'China Academy of Information and Communications Technology (CAICT)' -> CAICT, with its long form."""
    found = []
    for candidate in candidates:
        if candidate.source != "rule":
            continue
        match = re.match(r"\s*\(([A-Z][A-Za-z&]{1,9})\)", text[candidate.end : candidate.end + 16])
        if match and initials_fit(match.group(1), text[candidate.start : candidate.end], lex.initials_skip):
            start = candidate.end + match.start(1)
            found.append(Candidate(Label.ORG, start, start + len(match.group(1)), "org.acronym.bracket", info=(("long_form", text[candidate.start : candidate.end]),)))
    return found


def initials_fit(acronym: str, name: str, skippable: frozenset[str]) -> bool:
    """Does the acronym spell the name's initials, skipping `skippable` words (lower case)?
    CAICT ~ China Academy of Information and Communications Technology; CATL ~ Contemporary
    Amperex Technology Co., Limited."""
    letters = acronym.rstrip("s").upper()
    words = [w for w in re.findall(r"[A-Za-z][\w'.-]*", name)]

    def fit(i: int, j: int) -> bool:
        if i == len(letters):
            return all(w.lower() in skippable for w in words[j:])
        if j == len(words):
            return False
        word = words[j]
        if word[0].upper() == letters[i] and fit(i + 1, j + 1):
            return True
        return word.lower() in skippable and fit(i, j + 1)

    return len(letters) >= 2 and fit(0, 0)


# -- the model's entities ---------------------------------------------------------------------------
def _model_pieces(text: str, start: int, end: int, lex: OrgLexicons) -> list[tuple[int, int]]:
    """Split a model span at line breaks, '|' and '/' ("Xinhua/Zhang Liyun", an agency and its
    photographer), and trim a credit label, 'the', titles and possessives."""
    pieces = []
    start += _credit_length(text[start:end], lex)
    for match in re.finditer(r"[^\r\n|/]+", text[start:end]):
        s, e = start + match.start(), start + match.end()
        piece = text[s:e]
        # Trim a leading "the", a person's title ("CTO of SERES Group"), trailing possessive.
        trimmed = re.match(r"^(?:(?:[Tt]he|THE)\s+)?(?:(?:[A-Z][A-Za-z]*\s+)*?(?:" + "|".join(sorted(lex.titles, key=len, reverse=True)) + r")\s+of\s+(?:the\s+)?)?", piece)
        if trimmed:
            s += trimmed.end()
        piece = text[s:e]
        tail = re.search(r"(?:'s|')?[\s,.;:]*$", piece)
        if tail:
            e -= len(tail.group())
        if e > s:
            pieces.append((s, e))
    return pieces


def _model_org_ok(piece: str, lex: OrgLexicons, person_words: set[str]) -> bool:
    if not piece or not piece[0].isupper() and not (len(piece) > 1 and piece[1].isupper()):
        return False  # "sci-tech": a lower-case word is no name
    if _CJK.search(piece) or "@" in piece or "http" in piece.lower():
        return False
    lowered = piece.lower()
    if lowered in lex.not_orgs or lowered in lex.cluster_terms:
        return False  # "NEV", "LCD", "Forum"
    if any(" " in n and re.search(rf"(?<!\w){re.escape(n)}(?!\w)", lowered) for n in lex.not_orgs):
        return False  # "Privacy Policy and Terms"
    tokens = re.findall(r"[A-Za-z][\w'.&]*", piece)
    if not tokens:
        return False
    if tokens[0] in lex.left_stops and tokens[0] not in ("The",) or all(t in lex.titles for t in tokens):
        return False  # "CFO of Zhihu": a title alone
    if piece.lower() in lex.places or lex.only_places([t for t in tokens if t not in JOINING_WORDS]):
        return False  # "WUHAN", "the China-Singapore", "Hong Kong and Macao": places
    texts = tuple(piece.split())
    if tokens[-1] in lex.class_nouns:
        return False  # "Key Software Enterprises": the title of a list or ranking
    if tokens[-1].lower() in lex.event_words and not piece.endswith("Consultative Conference"):
        return False  # "Futian Global Investment Promotion Conference": an event
    if any(a.lower() in lex.event_words and b in lex.topic_words for a, b in pairwise(texts)):
        return False  # "Framework Agreement on Cooperation Between ...": a document's or event's title
    if re.fullmatch(r"[A-Z][a-z]+(?:" + "|".join(lex.place_levels) + ")", piece):
        return False  # "HainanProvince": a place glued to its level
    if len(texts) > 1 and re.fullmatch(r"[a-z]{1,3}", texts[-1]):
        return False  # "Innovative de": a line cut in the middle of a word
    if len(tokens) == 1 and tokens[0] in person_words:
        return False  # "Fan explained": a surname seen in a PERSON entity
    if lex.is_person(texts):
        return False  # "Zhang Hongming": a surname and a given name
    if all(t in lex.generic for t in tokens):
        return False
    return True


def _dateline_place(text: str, start: int, end: int) -> bool:
    """'XINING, China, February 23 --': the capitals that open a dateline name a place."""
    line_start = text.rfind("\n", 0, start) + 1
    piece = text[start:end]
    return piece.isupper() and not text[line_start:start].strip() and text[end : end + 1] == ","


def _cut_from_a_place(text: str, start: int, end: int, lex: OrgLexicons) -> bool:
    """'Guangzhou Automobile' of 'Guangzhou Automobile Software Park': the model stopped
    short of a name whose ending makes it a place or facility."""
    following = re.match(r"(?: [A-Z][\w'-]*){1,4}", text[end : end + 80])
    if not following:
        return False
    own = text[start:end].split()
    words = own + following.group().split()
    return any(tuple(words[k - len(z) : k]) == z for k in range(len(own) + 1, len(words) + 1) for z in lex.zones if len(z) <= k)


_SENTENCE_OPENING = re.compile(r"(?:[.!?]['\"”’)]?\s+|\n\s*|--\s+)['\"“‘(]*$")


def _lone_opening_word(text: str, start: int, end: int, lex: OrgLexicons) -> bool:
    """'Efforts are being made', 'Send your stories': one capitalized word opening a sentence,
    not in the name lexicon, and never capitalized anywhere else in the document, is an
    ordinary word the model took for a name. (Names recur mid-sentence: 'Huawei said ... by Huawei'.)"""
    word = text[start:end]
    if " " in word or not word[1:].islower() or word in lex.name_kinds:
        return False
    if not _opens_sentence(text, start):
        return False
    return all(match.start() == start or _opens_sentence(text, match.start()) for match in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text))


def _opens_sentence(text: str, start: int) -> bool:
    return bool(_SENTENCE_OPENING.search("\n" + text[max(0, start - 6) : start] if start <= 6 else text[start - 6 : start]))


def _line_label(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and bool(re.match(r"[A-Za-z ]{0,20}:", text[end : end + 22]))


def _title_case_lines(text: str, minor_words: frozenset[str]) -> list[tuple[int, int]]:
    """Lines written as headlines or slogans: no sentence stop, most words capitalized."""
    spans = []
    for match in re.finditer(r"[^\r\n]+", text):
        line = match.group().strip()
        words = re.findall(r"[A-Za-z][\w'-]*", line)
        if len(words) < 2 or line.endswith((".", "?", "!", ":", '"')):
            continue
        content = [w for w in words if w.lower() not in minor_words]
        if content and sum(w[0].isupper() for w in content) / len(content) >= 0.8:
            spans.append((match.start(), match.end()))
    return spans
