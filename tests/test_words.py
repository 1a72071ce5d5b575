"""Words with their punctuation split off (words.py), the unit of the name and list rules."""

from __future__ import annotations

from pipeline.core.settings import DEFAULT_PATTERNS_DIR
from pipeline.patterns.loader import load_patterns
from pipeline.text.words import split_words

KEEPS_STOP = load_patterns(DEFAULT_PATTERNS_DIR).word_set("word.keeps_stop")


def parts(text: str) -> list[tuple[str, str, str, bool]]:
    return [(w.lead, w.text, w.trail, w.closes) for w in split_words(text, KEEPS_STOP)]


def test_plain_words_and_their_offsets() -> None:
    words = split_words("  Hefei  grew fast", KEEPS_STOP)
    assert [(w.text, w.start, w.end, w.lower) for w in words] == [("Hefei", 2, 7, "hefei"), ("grew", 9, 13, "grew"), ("fast", 14, 18, "fast")]
    assert not any(w.lead or w.trail or w.closes for w in words)


def test_punctuation_is_split_off_and_closes_or_not() -> None:
    assert parts('("Nanning") cars, chips; and "AI"') == [
        ('("', "Nanning", '")', False),
        ("", "cars", ",", True),
        ("", "chips", ";", True),
        ("", "and", "", False),
        ('"', "AI", '"', False),
    ]
    assert parts("(Hubei Province)") == [("(", "Hubei", "", False), ("", "Province", ")", True)]
    assert parts("(Wuhan)") == [("(", "Wuhan", ")", False)]  # a bracket it opened itself closes nothing


def test_a_full_stop_that_belongs_to_the_word_stays() -> None:
    assert parts("Co., Ltd. U.S. J. end.") == [
        ("", "Co.", ",", True),
        ("", "Ltd.", "", False),
        ("", "U.S.", "", False),
        ("", "J.", "", False),
        ("", "end", ".", True),
    ]


def test_punctuation_alone_is_no_word_and_a_range_limits_the_words() -> None:
    assert parts("-- , ( ) GDP") == [("", "--", "", False), ("", "GDP", "", False)]
    text = "One two three"
    assert [w.text for w in split_words(text, KEEPS_STOP, 4, 7)] == ["two"]
