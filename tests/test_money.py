"""MONEY: every example of ANNOTATION.md is a row, then the forms the issue lists.

Each row: a sentence, the mention's exact text, and the CSV cells it must have.
"""

from typing import Any

import pytest

from pipeline.analyse.extractor import Extractor

from .conftest import check, run

Y = "true"
N = "false"

ROWS = [
    # ANNOTATION.md, MONEY
    ("trillion", "Exports will reach 1.1 trillion yuan.", "1.1 trillion yuan", dict(value="1100000000000", unit="CNY", qualifier="", each=N, inferred=N)),
    ("rmb-before", "The annual output is RMB 70 billion.", "RMB 70 billion", dict(value="70000000000", unit="CNY")),
    ("usd-words", "That is about 149 billion U.S. dollars.", "149 billion U.S. dollars", dict(value="149000000000", unit="USD", qualifier="approx")),
    ("dollar-sign", "The startup raised $3.5 million.", "$3.5 million", dict(value="3500000", unit="USD")),
    ("shared-first", "Revenue was 115.3 billion and 165 billion yuan.", "115.3 billion", dict(value="115300000000", unit="CNY", inferred=Y)),
    ("shared-last", "Revenue was 115.3 billion and 165 billion yuan.", "165 billion yuan", dict(value="165000000000", unit="CNY", inferred=N)),
    ("billion", "It invested 5.6 billion yuan.", "5.6 billion yuan", dict(value="5600000000")),
    ("million", "It invested 300 million yuan.", "300 million yuan", dict(value="300000000")),
    ("thousands-separator", "Each household got 10,000 yuan.", "10,000 yuan", dict(value="10000")),
    ("usd-million", "They spent 20 million U.S. dollars.", "20 million U.S. dollars", dict(value="20000000", unit="USD")),
    ("tier-currency", "It upgraded these two trillion-yuan industries.", "trillion-yuan", dict(value="1000000000000", unit="CNY", qualifier="level", each=Y, inferred=N)),
    ("tier-bare-before-industry", "In 2012 the auto sector became a 100-billion industry.", "100-billion", dict(value="100000000000", unit="CNY", qualifier="level", inferred=Y)),
    ("tier-with-code-before", "The zone is building an RMB 50-billion-level industrial park.", "RMB 50-billion-level", dict(value="50000000000", unit="CNY", qualifier="level", inferred=N)),
    ("tier-scale-space-currency", "It is planning a trillion yuan-level industrial cluster.", "trillion yuan-level", dict(value="1000000000000", unit="CNY", qualifier="level")),
    ("tier-grouped-digits", "The city posted a 1,204.5-billion-yuan GDP last year.", "1,204.5-billion-yuan", dict(value="1204500000000", unit="CNY")),
    ("trln-abbreviation", "Retail sales exceeded 2 trln yuan in 2023.", "2 trln yuan", dict(value="2000000000000", unit="CNY", qualifier="over")),
    ("tier-level-word", "It has two hundred-billion-level industrial clusters.", "hundred-billion-level", dict(value="100000000000", unit="CNY", qualifier="level", each=Y, inferred=Y)),
    ("tier-spaced", "It will foster three leading industries of a 300 billion level.", "300 billion level", dict(value="300000000000", qualifier="level", each=Y, inferred=Y)),
    ("each-word", "Pillar industries reach an output value of around 50 billion yuan each.", "50 billion yuan", dict(value="50000000000", qualifier="approx", each=Y)),
    ("each-tier", "It has five distinctive clusters of a 10 billion level each.", "10 billion level", dict(value="10000000000", qualifier="level", each=Y)),
    ("range", "The fund will hold 5 to 6 billion yuan.", "5 to 6 billion yuan", dict(value="5000000000", value_high="6000000000", unit="CNY")),
    ("count-is-not-money", "It will build two 2 trillion yuan industrial clusters.", "2 trillion yuan", dict(value="2000000000000", qualifier="level", each=Y, inferred=N)),
    ("implied-gdp", "The district reported GDP of 210 billion in 2023.", "210 billion", dict(value="210000000000", unit="CNY", inferred=Y)),
    # forms the issue names
    ("words", "Trade will exceed one trillion yuan.", "one trillion yuan", dict(value="1000000000000", qualifier="over")),
    ("hundred-million", "The project cost 100 million yuan.", "100 million yuan", dict(value="100000000")),
    ("chinese-yi", "Total investment is 460 100 million yuan.", "460 100 million yuan", dict(value="46000000000")),
    ("compound", "Sales reached 4 billion 280 million yuan.", "4 billion 280 million yuan", dict(value="4280000000")),
    ("ten-billion-level", "It formed ten-billion-level industrial clusters.", "ten-billion-level", dict(value="10000000000", qualifier="level", each=Y, inferred=Y)),
    ("bn", "Assets totalled $5bn.", "$5bn", dict(value="5000000000", unit="USD")),
    ("mln", "A grant of RMB 3 mln was paid.", "RMB 3 mln", dict(value="3000000", unit="CNY")),
    ("glued-b", "It raised US$2b last year.", "US$2b", dict(value="2000000000", unit="USD")),
    ("renminbi", "It holds 2 billion renminbi.", "2 billion renminbi", dict(value="2000000000", unit="CNY")),
    ("cny-before", "Orders of CNY 500 million were signed.", "CNY 500 million", dict(value="500000000", unit="CNY")),
    ("yen-sign", "Prices start at ¥99.", "¥99", dict(value="99", unit="CNY")),
    ("us-dollar-sign", "The deal is worth US$1.2 billion.", "US$1.2 billion", dict(value="1200000000", unit="USD")),
    ("usd-code", "It attracted USD 2.3 billion.", "USD 2.3 billion", dict(value="2300000000", unit="USD")),
    ("hkd", "The city set aside HK$10 billion.", "HK$10 billion", dict(value="10000000000", unit="HKD")),
    ("euros", "Investment reached 1.5 billion euros.", "1.5 billion euros", dict(value="1500000000", unit="EUR")),
    ("euro-sign", "Investors put in €1.2bn.", "€1.2bn", dict(value="1200000000", unit="EUR")),
    ("pounds", "It paid 3 million pounds.", "3 million pounds", dict(value="3000000", unit="GBP")),
    ("pound-sign", "It paid £8.1 million.", "£8.1 million", dict(value="8100000", unit="GBP")),
    ("yen", "It borrowed 5 billion yen.", "5 billion yen", dict(value="5000000000", unit="JPY")),
    ("rmb-both", "The budget is RMB 1.2 trillion yuan.", "RMB 1.2 trillion yuan", dict(value="1200000000000", unit="CNY")),
    ("cents", "Shares rose 34 cents.", "34 cents", dict(value="0.34", unit="USD")),
    ("hyphen-dash-range", "Each plant needs $5-6 billion.", "$5-6 billion", dict(value="5000000000", value_high="6000000000", unit="USD")),
    ("between", "The fund will hold between 5 billion and 6 billion yuan.", "5 billion and 6 billion yuan", dict(value="5000000000", value_high="6000000000")),
    ("tier-hyphen-currency", "It plans three 500-billion-yuan-level clusters.", "500-billion-yuan-level", dict(value="500000000000", qualifier="level", each=Y, inferred=N)),
    ("project-not-tier", "It signed a 10-billion-yuan project.", "10-billion-yuan", dict(value="10000000000", qualifier="", each=N, inferred=N)),
    ("for-each", "It pays up to 5 million yuan for each new cargo route.", "5 million yuan", dict(qualifier="at_most", each=Y)),
    ("each-year-is-no-each", "It gets 3 billion yuan in support each year.", "3 billion yuan", dict(each=N)),
    ("each-before", "The three industries have each formed capacity worth over 100 billion yuan.", "100 billion yuan", dict(qualifier="over", each=Y)),
    ("per-capita", "Per capita disposable income was 84,834 yuan.", "84,834 yuan", dict(value="84834", unit="CNY")),
    ("mop", "Gaming revenue reached MOP 183 billion.", "MOP 183 billion", dict(value="183000000000", unit="MOP")),
]
QUALIFIERS = [
    ("about", "approx"),
    ("around", "approx"),
    ("approximately", "approx"),
    ("roughly", "approx"),
    ("some", "approx"),
    ("nearly", "approx"),
    ("almost", "approx"),
    ("close to", "approx"),
    ("over", "over"),
    ("more than", "over"),
    ("above", "over"),
    ("exceed", "over"),
    ("exceeding", "over"),
    ("in excess of", "over"),
    ("less than", "under"),
    ("below", "under"),
    ("under", "under"),
    ("fewer than", "under"),
    ("at least", "at_least"),
    ("no less than", "at_least"),
    ("up to", "at_most"),
    ("at most", "at_most"),
    ("no more than", "at_most"),
]
NOT_MONEY = [
    ("vehicles", "Nearly 2.7 million vehicles were produced."),
    ("enterprises", "It has 1,600 supporting suppliers."),
    ("bare-number", "The score was 7.2 points."),
    ("all-is-not-a-currency", "ALL 5 solutions are wrong."),
    ("tonnes", "The port handled 1.32 billion tonnes of cargo."),
    ("users", "5G users reached 805 million."),
]


@pytest.mark.parametrize("sentence,span,expected", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_money(rules: Extractor, sentence: Any, span: Any, expected: Any) -> None:
    check(run(rules, sentence), "MONEY", span, **expected)


@pytest.mark.parametrize("phrase,qualifier", QUALIFIERS, ids=[q[0] for q in QUALIFIERS])
def test_qualifier(rules: Extractor, phrase: Any, qualifier: Any) -> None:
    mentions = run(rules, f"The investment is {phrase} 5 billion yuan.")
    check(mentions, "MONEY", "5 billion yuan", qualifier=qualifier)


def test_qualifier_does_not_carry_over(rules: Extractor) -> None:
    mentions = run(rules, "It contributes approximately 15%, 20% and 38% of the totals, and about 5 billion yuan and 6 billion yuan.")
    check(mentions, "PERCENT", "15%", qualifier="approx")
    check(mentions, "PERCENT", "20%", qualifier="")
    check(mentions, "MONEY", "5 billion yuan", qualifier="approx")
    check(mentions, "MONEY", "6 billion yuan", qualifier="")


@pytest.mark.parametrize("sentence", [r[1] for r in NOT_MONEY], ids=[r[0] for r in NOT_MONEY])
def test_not_money(rules: Extractor, sentence: Any) -> None:
    assert [m.text for m in run(rules, sentence) if m.label.value == "MONEY"] == []


def test_value_is_exact_decimal_text(rules: Extractor) -> None:
    """No exponent notation, no float noise, ever."""
    mentions = run(rules, "It reached 1.1 trillion yuan, 77.15 billion U.S. dollars and 0.1 billion yuan.")
    assert [m.text for m in mentions if m.label.value == "MONEY"] == ["1.1 trillion yuan", "77.15 billion U.S. dollars", "0.1 billion yuan"]
    check(mentions, "MONEY", "1.1 trillion yuan", value="1100000000000")
    check(mentions, "MONEY", "77.15 billion U.S. dollars", value="77150000000")
    check(mentions, "MONEY", "0.1 billion yuan", value="100000000")
