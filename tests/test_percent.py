"""PERCENT: ANNOTATION.md's examples and the forms the issue lists."""

from typing import Any

import pytest

from pipeline.analyse.extractor import Extractor

from .conftest import check, run

ROWS = [
    ("sign", "Manufacturing will account for about 28% of GDP.", "28%", dict(value="28", unit="percent", qualifier="approx", each="false")),
    ("word", "The growth target is 6.5 percent.", "6.5 percent", dict(value="6.5", unit="percent")),
    ("two-words", "Output rose 5 per cent.", "5 per cent", dict(value="5", unit="percent")),
    ("points", "The share rose 3.1 percentage points.", "3.1 percentage points", dict(value="3.1", unit="percentage_point")),
    ("point-singular", "It is 0.6 percentage point higher.", "0.6 percentage point", dict(value="0.6", unit="percentage_point")),
    ("range-to", "Growth will be 5 to 6 percent.", "5 to 6 percent", dict(value="5", value_high="6", unit="percent")),
    ("range-dash", "Growth will be 6.5-7 percent.", "6.5-7 percent", dict(value="6.5", value_high="7")),
    ("range-signs", "Growth will be 5%-6%.", "5%-6%", dict(value="5", value_high="6")),
    ("shared-first", "They rose 1.6 and 0.2 percentage points.", "1.6", dict(value="1.6", unit="percentage_point")),
    ("shared-last", "They rose 1.6 and 0.2 percentage points.", "0.2 percentage points", dict(value="0.2", unit="percentage_point")),
    ("under", "It covers less than 1.5 percent of the area.", "1.5 percent", dict(qualifier="under")),
    ("words", "Twenty percent of firms export.", "Twenty percent", dict(value="20")),
    ("hyphen", "It posted a 5-percent rise.", "5-percent", dict(value="5")),
    ("negative", "Prices changed by -0.3% in May.", "-0.3%", dict(value="-0.3")),
    ("each", "Both regions grew 5 percent each.", "5 percent", dict(each="true")),
    ("year-on-year", "Retail sales grew 8.4% year-on-year.", "8.4%", dict(value="8.4")),
]


@pytest.mark.parametrize("sentence,span,expected", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_percent(rules: Extractor, sentence: Any, span: Any, expected: Any) -> None:
    check(run(rules, sentence), "PERCENT", span, **expected)


def test_change_from_to_is_two_mentions(rules: Extractor) -> None:
    """'rose from 5 to 6 percent' is a change, not a range."""
    mentions = run(rules, "The rate rose from 5 to 6 percent.")
    assert [m.text for m in mentions if m.label.value == "PERCENT"] == ["5", "6 percent"]


def test_year_is_not_a_shared_percent(rules: Extractor) -> None:
    mentions = run(rules, "In 2022 and 2023, growth was 5% and 6%.")
    assert [m.text for m in mentions if m.label.value == "PERCENT"] == ["5%", "6%"]
