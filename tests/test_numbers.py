"""NumberReader: figures, words and scale words to exact Decimals."""

from decimal import Decimal
from typing import Any

import pytest

from pipeline.normalize.numbers import NumberReader
from pipeline.patterns.loader import PatternSet

NUMBERS = [
    ("1,600", "1600"),
    ("5.4", "5.4"),
    ("0.012", "0.012"),
    ("one", "1"),
    ("twenty-five", "25"),
    ("twenty five", "25"),
    ("one hundred", "100"),
    ("one hundred and five", "105"),
    ("a", "1"),
    ("seventeen", "17"),
    ("ninety-nine", "99"),
]
AMOUNTS = [
    ("1.1 trillion", "1100000000000"),
    ("5.6 billion", "5600000000"),
    ("300 million", "300000000"),
    ("10,000", "10000"),
    ("one trillion", "1000000000000"),
    ("460 100 million", "46000000000"),
    ("4 billion 280 million", "4280000000"),
    ("hundred-billion", "100000000000"),
    ("ten-billion", "10000000000"),
    ("trillion", "1000000000000"),
    ("5m", "5000000"),
    ("5.6bn", "5600000000"),
    ("3 mln", "3000000"),
    ("five lakh", "500000"),
    ("4 crore", "40000000"),
    ("2.5 hundred million", "250000000"),
]


@pytest.fixture(scope="module")
def reader(patterns: PatternSet) -> NumberReader:
    return NumberReader(patterns)


@pytest.mark.parametrize("text,expected", NUMBERS, ids=[t for t, _ in NUMBERS])
def test_number(reader: Any, text: Any, expected: Any) -> None:
    assert reader.number(text) == Decimal(expected)


@pytest.mark.parametrize("text,expected", AMOUNTS, ids=[t for t, _ in AMOUNTS])
def test_amount(reader: Any, text: Any, expected: Any) -> None:
    value, _ = reader.amount(text)
    assert value == Decimal(expected)


@pytest.mark.parametrize("text", ["", "dollars", "one and two", "2023 100 billion", "5 billion 6 billion"])
def test_not_a_number(reader: Any, text: Any) -> None:
    assert reader.number(text) is None
