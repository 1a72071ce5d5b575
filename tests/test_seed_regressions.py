"""Regression rows from the seed releases (the judgment calls of gold/NOTES.md)."""

import pytest

from pipeline.analyse.extractor import Extractor

from .conftest import check, run

pytestmark = pytest.mark.seed


def test_count_before_tier_is_not_part_of_it(rules: Extractor) -> None:
    """001: 'two 2 trillion yuan industrial clusters' -> 2 trillion yuan, a tier, each."""
    text = "Fan Lixin has proposed that Chongqing accelerate the construction of two 2 trillion yuan industrial clusters for intelligent connected new energy vehicles (NEVs) and electronic manufacturing."
    mentions = run(rules, text, "2023-01-16")
    check(mentions, "MONEY", "2 trillion yuan", value="2000000000000", unit="CNY", qualifier="level", each="true", inferred="false")
    assert [m.text for m in mentions if m.label.value == "CLUSTER"] == ["intelligent connected new energy vehicles", "NEVs", "electronic manufacturing"]


def test_trade_amounts_with_parenthesized_dollars(rules: Extractor) -> None:
    """001: 'exceed one trillion yuan (about 149 billion U.S. dollars) and reach 1.1 trillion yuan'."""
    text = "By 2027, the total volume of imports and exports will exceed one trillion yuan (about 149 billion U.S. dollars) and reach 1.1 trillion yuan."
    mentions = run(rules, text, "2023-01-16")
    check(mentions, "DATE", "2027", qualifier="by", granularity="year")
    check(mentions, "MONEY", "one trillion yuan", qualifier="over")
    check(mentions, "MONEY", "149 billion U.S. dollars", qualifier="approx", unit="USD")
    check(mentions, "MONEY", "1.1 trillion yuan", qualifier="", value="1100000000000")


def test_period_from_months(rules: Extractor) -> None:
    """001: 'In the period from January to November 2022' -> the range, without 'from'."""
    mentions = run(rules, "In the period from January to November 2022, nearly 2.7 million vehicles were produced.", "2023-01-16")
    check(mentions, "DATE", "January to November 2022", date_start="2022-01-01", date_end="2022-11-30", granularity="range", qualifier="")
    assert [m.label.value for m in mentions] == ["DATE"]


def test_tiers_of_the_opportunity_list(rules: Extractor) -> None:
    """002: three tiers, each for a set of industries, no currency written."""
    text = (
        "The new area is set to foster three leading industries of a 300 billion level, three pillar industries of a 50 billion level, "
        'five distinctive industrial clusters of a 10 billion level each, and 11 "rising star" industrial clusters.'
    )
    mentions = run(rules, text, "2024-02-01")
    for span, value in (("300 billion level", "300000000000"), ("50 billion level", "50000000000"), ("10 billion level", "10000000000")):
        check(mentions, "MONEY", span, value=value, unit="CNY", qualifier="level", each="true", inferred="true")


def test_years_modifying_nouns(rules: Extractor) -> None:
    """002: 'the 2024 regional gross domestic product growth target' -> a year."""
    mentions = run(rules, "The new area sets the 2024 regional gross domestic product growth target at 6.5 percent.", "2024-02-01")
    check(mentions, "DATE", "2024", granularity="year")
    check(mentions, "PERCENT", "6.5 percent", value="6.5")


def test_last_month_name(rules: Extractor) -> None:
    """004: 'the guideline issued last November' in a document of 2021-01-17."""
    mentions = run(rules, "The press conference offered details of the guideline issued last November.", "2021-01-17")
    check(mentions, "DATE", "last November", date_start="2020-11-01", date_end="2020-11-30", granularity="month")
