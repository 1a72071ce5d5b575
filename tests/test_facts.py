"""Facts (FACTS.md): composed sentences for every cue and every resolution rule, the scorer, and
the facts' way through facts.csv, the cache and `press-extract eval --facts-gold`."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest

from pipeline.analyse.extractor import Extractor
from pipeline.core.fact import FACT_COLUMNS, Fact
from pipeline.core.results import fact_from_json, fact_to_json
from pipeline.core.settings import Settings
from pipeline.scoring import facts as scoring

from .conftest import SEEDS


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(Settings(use_model=False))


def facts_of(extractor: Extractor, text: str, doc_date: date | None = date(2024, 3, 1)) -> dict[str, Fact]:
    found = extractor.extract_text(text, doc_id="composed.txt", doc_date=doc_date).facts
    return {fact.value_text: fact for fact in found}


def period(fact: Fact) -> tuple[str, str] | None:
    return (fact.period_start.isoformat(), fact.period_end.isoformat()) if fact.period_start and fact.period_end else None


# (text, value, kind, measure, indicator, subject, period)
CASES = [
    # measure cues before the value, an amount cue stopping them, cues after it
    ("Wuxi's GDP reached 1.5 trillion yuan in 2023, up 6.0 percent year on year.", "1.5 trillion yuan", "actual", "amount", "GDP", "Wuxi", ("2023-01-01", "2023-12-31")),
    ("Wuxi's GDP reached 1.5 trillion yuan in 2023, up 6.0 percent year on year.", "6.0 percent", "actual", "change", "GDP", "Wuxi", ("2023-01-01", "2023-12-31")),
    ("In 2023, industrial output value of Wuxi rose 4.2 percent to 320 billion yuan.", "4.2 percent", "actual", "change", "industrial output value", "Wuxi", ("2023-01-01", "2023-12-31")),
    ("In 2023, industrial output value of Wuxi rose 4.2 percent to 320 billion yuan.", "320 billion yuan", "actual", "amount", "industrial output value", "Wuxi", ("2023-01-01", "2023-12-31")),
    ("In 2023, Wuxi's exports grew by 12 billion yuan.", "12 billion yuan", "actual", "change", "exports", "Wuxi", ("2023-01-01", "2023-12-31")),
    ("In 2023, Wuxi's retail sales posted an increase of 7.1 percent.", "7.1 percent", "actual", "change", "retail sales", "Wuxi", ("2023-01-01", "2023-12-31")),
    ("In 2023, the growth of Wuxi's GDP was 0.8 percentage points higher than in 2022.", "0.8 percentage points", "actual", "change", "GDP", "Wuxi", ("2023-01-01", "2023-12-31")),
    # shares: the part before the cue, or the whole after "of"
    ("In 2023, the digital economy of Wuxi accounted for 45 percent of its GDP.", "45 percent", "actual", "share", "digital economy", "Wuxi", ("2023-01-01", "2023-12-31")),
    ("In 2023, Wuxi's GDP reached 1.5 trillion yuan, digital economy accounted for 40 percent of it.", "40 percent", "actual", "share", "digital economy", "Wuxi", ("2023-01-01", "2023-12-31")),
    ("In 2023, Wuxi produced 30 percent of the national output of wind turbines.", "30 percent", "actual", "share", "national output", "Wuxi", ("2023-01-01", "2023-12-31")),
    # rates
    ("In 2023, the R&D intensity of Hefei stood at 3.9 percent.", "3.9 percent", "actual", "rate", "R&D intensity", "Hefei", ("2023-01-01", "2023-12-31")),
    ("In 2023, the urbanization rate of Hefei rose to 72 percent.", "72 percent", "actual", "rate", "urbanization rate", "Hefei", ("2023-01-01", "2023-12-31")),
    # an amount's own noun after "in"; completion against a goal is a rate
    (
        "In 2023, Hefei attracted RMB 5 billion in foreign investment, accounting for 104% of the year's goal.",
        "RMB 5 billion",
        "actual",
        "amount",
        "foreign investment",
        "Hefei",
        ("2023-01-01", "2023-12-31"),
    ),
    ("In 2023, Hefei attracted RMB 5 billion in foreign investment, accounting for 104% of the year's goal.", "104%", "actual", "rate", "foreign investment", "Hefei", ("2023-01-01", "2023-12-31")),
    # "the <nationality> province of X": X is the place
    ("In 2023, investment in the eastern Chinese province of Zhejiang rose 6 percent.", "6 percent", "actual", "change", "investment", "Zhejiang", ("2023-01-01", "2023-12-31")),
    # the calque "this year 1 to May" is the report period: January to May
    ("This year 1 to May, Hefei's industrial output value reached 342 billion yuan, up 15.8%.", "15.8%", "actual", "change", "industrial output value", "Hefei", ("2024-01-01", "2024-05-31")),
    # targets: a cue in the clause, a date ahead of the document's; "will" for a period that has ended
    ("Hefei aims to raise its GDP to 1.5 trillion yuan by 2026.", "1.5 trillion yuan", "target", "amount", "GDP", "Hefei", ("2026-01-01", "2026-12-31")),
    ("Hefei's GDP growth target for 2025 is 6.5 percent.", "6.5 percent", "target", "change", "GDP growth", "Hefei", ("2025-01-01", "2025-12-31")),
    ("Hefei expects its exports to grow 10 percent in 2025.", "10 percent", "target", "change", "exports", "Hefei", ("2025-01-01", "2025-12-31")),
    ("Hefei said its revenue will reach 90 billion yuan in 2023.", "90 billion yuan", "actual", "amount", "revenue", "Hefei", ("2023-01-01", "2023-12-31")),
    ("It is expected that Hefei's exports will reach 95 billion yuan in 2023.", "95 billion yuan", "target", "amount", "exports", "Hefei", ("2023-01-01", "2023-12-31")),
    # other: a described thing, a threshold, each project's size; no period from outside the clause
    ("In 2023, Hefei set up a 5 billion yuan fund for chip makers.", "5 billion yuan", "other", "amount", "", "Hefei", ("2023-01-01", "2023-12-31")),
    ("In 2023, Hefei signed 40 projects each with investment of over 1 billion yuan.", "1 billion yuan", "other", "amount", "investment", "Hefei", ("2023-01-01", "2023-12-31")),
    ("Hefei became a city whose GDP has surpassed 1 trillion yuan.", "1 trillion yuan", "other", "amount", "GDP", "Hefei", None),
    # industries that own their figures, umbrella aggregates that do not
    ("In 2023, the added value of the tertiary industry in Hefei was 700 billion yuan.", "700 billion yuan", "actual", "amount", "added value", "tertiary industry", ("2023-01-01", "2023-12-31")),
    ("In 2023, the added value of high-tech industries in Hefei grew 9 percent.", "9 percent", "actual", "change", "added value", "Hefei", ("2023-01-01", "2023-12-31")),
    # the industries a figure is "for", after its conversion
    (
        "Xiamen aims for a total scale of 3 trillion yuan (about $440 billion) for the four pillar industrial clusters by 2026.",
        "3 trillion yuan",
        "target",
        "amount",
        "total scale",
        "four pillar industrial clusters",
        ("2026-01-01", "2026-12-31"),
    ),
    # a known industry opening its clause owns the figure; a second one after a figure owns the next
    ("In 2023, tropical agriculture saw an added value of 40 billion yuan in Hainan.", "40 billion yuan", "actual", "amount", "added value", "tropical agriculture", ("2023-01-01", "2023-12-31")),
    ("In 2023, the mining industry of Hainan grew 7 percent and the manufacturing sector rose 4 percent.", "4 percent", "actual", "change", "", "manufacturing sector", ("2023-01-01", "2023-12-31")),
    # the quantity named after the values
    (
        "In 2023, Wuxi's chip and software sectors grew 21 percent and 16 percent respectively in terms of added value.",
        "16 percent",
        "actual",
        "change",
        "added value",
        "software sector",
        ("2023-01-01", "2023-12-31"),
    ),
    # comparison bases and durations give no period
    ("Hefei's exports rose 5 percent over 2022.", "5 percent", "actual", "change", "exports", "Hefei", None),
    ("So far, Hefei's fixed-asset investment has totaled 80 billion yuan.", "80 billion yuan", "actual", "amount", "fixed-asset investment", "Hefei", None),
    # statistics releases' indicators: a stop word inside a term, and a city named "capital"
    ("In 2023, Hunan's per capita disposable income reached 35,895 yuan.", "35,895 yuan", "actual", "amount", "per capita disposable income", "Hunan", ("2023-01-01", "2023-12-31")),
    ("Yueyang's research and development spending rose 12 percent in 2023.", "12 percent", "actual", "change", "research and development spending", "Yueyang", ("2023-01-01", "2023-12-31")),
    ("For the whole of 2023, Ningbo's trade reached 1.3 trillion yuan.", "1.3 trillion yuan", "actual", "amount", "trade", "Ningbo", ("2023-01-01", "2023-12-31")),
    ("In 2023, the Hainan Free Trade Port's investment rose 7 percent.", "7 percent", "actual", "change", "investment", "Hainan Free Trade Port", ("2023-01-01", "2023-12-31")),
    # a class's threshold: a plural noun, "with"/"whose", a comparative
    ("Enterprises with annual revenue of over 20 million yuan grew 7 percent.", "20 million yuan", "other", "amount", "annual revenue", "", None),
    ("There are 300 companies whose output exceeds 1 billion yuan.", "1 billion yuan", "other", "amount", "output", "", None),
    ("Yulin's GDP grew 5 percent, with exports of over 10 billion yuan.", "10 billion yuan", "actual", "amount", "exports", "Yulin", None),
    ("The plan calls for investment of 50 billion yuan over the next three years.", "50 billion yuan", "target", "amount", "investment", "", None),
    (
        "In 2023, the added value of the strategic emerging industries accounted for 31.5 percent of Wuxi's GDP.",
        "31.5 percent",
        "actual",
        "share",
        "added value of the strategic emerging industries",
        "Wuxi",
        ("2023-01-01", "2023-12-31"),
    ),
    (
        "In 2023, Ningbo's cross-border e-commerce transactions topped 150 billion yuan.",
        "150 billion yuan",
        "actual",
        "amount",
        "cross-border e-commerce transactions",
        "Ningbo",
        ("2023-01-01", "2023-12-31"),
    ),
    ("In 2023, the average wage of urban employees in Ningbo was 120,000 yuan.", "120,000 yuan", "actual", "amount", "average wage", "Ningbo", ("2023-01-01", "2023-12-31")),
    ("In 2023, Foshan produced about 20 percent of the output of the national electric appliance industry.", "20 percent", "actual", "share", "output", "Foshan", ("2023-01-01", "2023-12-31")),
    ("In 2023, Hefei, its capital, contributed 1.27 trillion yuan.", "1.27 trillion yuan", "actual", "amount", "", "Hefei", ("2023-01-01", "2023-12-31")),
    ("In 2023, Haikou, the provincial capital, accounted for 60 percent of the province's exports.", "60 percent", "actual", "share", "exports", "Haikou", ("2023-01-01", "2023-12-31")),
    ("Changsha, the provincial capital, contributed 1.43 trillion yuan in 2023.", "1.43 trillion yuan", "actual", "amount", "", "Changsha", ("2023-01-01", "2023-12-31")),
]


@pytest.mark.parametrize(("text", "value", "kind", "measure", "indicator", "subject", "span"), CASES, ids=[f"{k:02}-{c[1]}" for k, c in enumerate(CASES)])
def test_composed_sentences(extractor: Extractor, text: str, value: str, kind: str, measure: str, indicator: str, subject: str, span: tuple[str, str] | None) -> None:
    fact = facts_of(extractor, text)[value]
    assert (fact.kind, fact.measure, fact.indicator, fact.subject, period(fact)) == (kind, measure, indicator, subject, span), fact.rule
    assert text[fact.value_start : fact.value_end] == value
    if fact.indicator_start is not None and fact.indicator_end is not None:
        assert " ".join(text[fact.indicator_start : fact.indicator_end].split()) == fact.indicator


def test_a_subject_and_a_report_period_carry_on_until_another_is_named(extractor: Extractor) -> None:
    text = (
        "Nanchang in 2022\n\n"
        "The city's GDP was 720 billion yuan, up 4.1 percent. Exports reached 110 billion yuan.\n\n"
        "In the first half of 2023, Jiujiang's GDP grew 5.0 percent, and its imports rose 2 percent."
    )
    found = facts_of(extractor, text)
    year, half = ("2022-01-01", "2022-12-31"), ("2023-01-01", "2023-06-30")
    assert [(f.subject, period(f)) for f in found.values()] == [("Nanchang", year), ("Nanchang", year), ("Nanchang", year), ("Jiujiang", half), ("Jiujiang", half)]
    assert "subject=possessive-reference" in found["720 billion yuan"].rule and "period=report-period" in found["720 billion yuan"].rule


def test_a_sentence_without_figures_naming_part_of_a_year_frames_the_figures_after_it(extractor: Extractor) -> None:
    text = (
        "In 2023, Haikou's retail sales rose 8 percent.\n\n"
        "The report notes that over the first three quarters of this year, trade of the bonded zones kept growing. "
        "Their imports reached 40 billion yuan, up 12 percent.\n\n"
        "The zone took shape during the Eighth Five-Year Plan (1991-1995), when ports were built. Now 60 percent of its land is built up."
    )
    found = facts_of(extractor, text)
    assert period(found["40 billion yuan"]) == ("2024-01-01", "2024-09-30") and period(found["12 percent"]) == ("2024-01-01", "2024-09-30")
    assert period(found["60 percent"]) == ("2024-01-01", "2024-09-30")  # a plan of five years frames nothing


def test_a_headline_that_restates_a_body_figure_takes_its_fields(extractor: Extractor) -> None:
    text = "Port city posts 6.2% export growth\n\nIn the first half of 2023, Lianyungang's exports grew 6.2 percent year on year to 40 billion yuan."
    found = extractor.extract_text(text, doc_id="composed.txt", doc_date=date(2023, 7, 20)).facts
    headline, body = found[0], found[1]
    assert (headline.value_text, body.value_text) == ("6.2%", "6.2 percent")
    assert (headline.subject, period(headline), headline.kind, headline.measure) == ("Lianyungang", ("2023-01-01", "2023-06-30"), "actual", "change")
    assert headline.indicator == "export growth" and f"restates={body.fact_id}" in headline.rule


def test_their_points_back_to_a_counted_group_and_its_to_the_place(extractor: Extractor) -> None:
    text = (
        "Wuxi has four pillar industries: Internet of Things, integrated circuits, biomedicine and new materials.\n\n"
        "Their combined output value rose 7 percent in 2023. Its GDP grew 5.1 percent in 2023."
    )
    found = facts_of(extractor, text)
    assert (found["7 percent"].subject, found["5.1 percent"].subject) == ("four pillar industries", "Wuxi")
    assert "subject=possessive-group" in found["7 percent"].rule


def test_counted_groups_own_their_figures_but_not_their_members_figures(extractor: Extractor) -> None:
    text = (
        "In 2023, textiles, chemicals and machinery, the three major industrial clusters, achieved output value of 90 billion yuan. "
        "In 2023, the revenue of the four strategic emerging industries rose 6 percent. "
        "In 2023, among the three major industrial clusters, the textile industry grew 4 percent."
    )
    found = facts_of(extractor, text)
    assert (found["90 billion yuan"].subject, found["6 percent"].subject) == ("three major industrial clusters", "four strategic emerging industries")
    assert "subject=clause-group" in found["90 billion yuan"].rule
    assert found["4 percent"].subject != "three major industrial clusters"  # a member's figure


def test_a_figure_with_no_owner_of_its_own_takes_the_previous_figure_s_owner_in_its_sentence(extractor: Extractor) -> None:
    text = (
        "Nantong has four pillar industries: textiles, chemicals, machinery and shipbuilding.\n\n"
        "In 2023, their added value rose 8 percent to 200 billion yuan, accounting for 45 percent of the added value of the city. Exports grew 3 percent.\n\n"
        "In 2024, their output rose 7 percent, and the output value of high-tech industries rose 9 percent."
    )
    found = facts_of(extractor, text)
    assert [found[v].subject for v in ("8 percent", "200 billion yuan", "45 percent")] == ["four pillar industries"] * 3
    assert "subject=sentence-carried" in found["45 percent"].rule
    assert found["3 percent"].subject == "Nantong"  # an industry does not carry past its sentence
    assert found["9 percent"].subject == "Nantong"  # an umbrella's figure is the place's


def test_running_totals_and_compared_figures_set_no_report_period(extractor: Extractor) -> None:
    text = (
        "In 2023, Hefei's GDP grew 5.8 percent, 0.5 percentage points higher than the 5.3 percent growth in 2022. "
        "Its exports rose 4 percent.\n\nSince 2016, Hefei has signed 500 projects, with investment totaling 190 billion yuan."
    )
    found = facts_of(extractor, text)
    assert period(found["5.3 percent"]) == ("2022-01-01", "2022-12-31")  # the compared figure's own period
    assert period(found["4 percent"]) == ("2023-01-01", "2023-12-31")  # the report's, not the comparison's
    assert period(found["190 billion yuan"]) is None and "period=duration-since" in found["190 billion yuan"].rule


def test_a_figure_s_own_date_right_after_it_states_the_report_period_too(extractor: Extractor) -> None:
    text = "In 2023, Bengbu's economy recovered. The city's GDP grew 5.1 percent in the first half of 2023. Exports rose 3 percent. Imports fell 2 percent, compared with 4 percent for the same period of 2022. Retail sales rose 6 percent."
    found = facts_of(extractor, text)
    half = ("2023-01-01", "2023-06-30")
    assert "period=own-date" in found["5.1 percent"].rule and period(found["5.1 percent"]) == half
    assert period(found["3 percent"]) == half and period(found["6 percent"]) == half  # a compared figure's own period states nothing


def test_spans_of_several_years_give_no_period_and_end_the_report_period(extractor: Extractor) -> None:
    text = (
        "In 2023, Zhuzhou's GDP grew 6.1 percent. Its fixed-asset investment rose more than 10 percent for three consecutive years. "
        "Exports will reach 30 billion yuan, and the port will rank first in the province for four consecutive years.\n\n"
        "Over the past five years, manufacturing has become the city's main engine. "
        "The sector's average annual contribution to growth reached 45 percent.\n\n"
        "The city plans to lift the digital economy's share of GDP to 40 percent in the next five years.\n\n"
        "In the first half of 2024, Zhuzhou's retail sales rose 7 percent. Imports grew 2 percent."
    )
    found = facts_of(extractor, text, doc_date=date(2024, 8, 1))
    year = ("2023-01-01", "2023-12-31")
    assert period(found["6.1 percent"]) == year
    assert period(found["10 percent"]) is None and "period=duration" in found["10 percent"].rule  # the span follows the value
    assert period(found["30 billion yuan"]) == year  # the span belongs to the clause after the comma
    assert period(found["45 percent"]) is None  # framed by the span opening the sentence before
    assert period(found["40 percent"]) is None and found["40 percent"].kind == "target"
    assert period(found["2 percent"]) == ("2024-01-01", "2024-06-30")  # a new period ends the frame


def test_a_reference_noun_points_to_a_place_of_its_own_level_and_national_figures_are_the_country_s(extractor: Extractor) -> None:
    text = (
        "Jiangxi province issued a plan for Ganzhou. In 2023, Ganzhou's GDP grew 6 percent. The province's exports rose 3 percent.\n\n"
        "Nanchang is the capital of Jiangxi. Jiangxi's retail sales rose 5 percent. The city's imports rose 4 percent.\n\n"
        "The country's GDP grew 5.2 percent. Nanchang fared better than the nationwide contraction of 1.6 percent, "
        "and its output reached 2.1 percent of the national total."
    )
    found = facts_of(extractor, text)
    owners = {value: (fact.subject, fact.rule.split("subject=")[1].split(";")[0]) for value, fact in found.items()}
    assert owners["3 percent"] == ("Jiangxi province", "possessive-reference-level")  # not the city that owned the figure before
    assert owners["4 percent"] == ("Nanchang", "possessive-reference-level")  # not the province
    assert owners["5.2 percent"] == ("China", "possessive-reference-country")
    assert owners["1.6 percent"] == ("China", "national")
    assert owners["2.1 percent"][0] == "Nanchang"  # a share of the national total is the city's
    found = facts_of(extractor, "Zhejiang's exports rose 4 percent. Yiwu's exports grew 18 percent. The province's trade with ASEAN accounted for 13 percent of the total.")
    assert found["13 percent"].subject == "Zhejiang"
    found = facts_of(extractor, "Yibin's GDP grew 6.8 percent. Cuiping District's investment rose 10.5 percent. The general public budget revenue of the city was 12.1 billion yuan.")
    assert (found["12.1 billion yuan"].subject, "subject=of-reference-level" in found["12.1 billion yuan"].rule) == ("Yibin", True)


def test_a_reference_noun_heading_the_clause_beats_a_name_of_the_other_kind_in_its_opening(extractor: Extractor) -> None:
    text = (
        '"We welcome investors," said Zhou Ming, mayor of Zunyi.\n\n'
        "Since Huawei Technologies Co., Ltd. opened its first plant here in 2018, the city has signed 120 projects with a total investment of 56 billion yuan.\n\n"
        "BYD Co., Ltd. builds buses. In Shenzhen, the company sold vehicles worth 2 billion yuan last year."
    )
    found = facts_of(extractor, text)
    assert (found["56 billion yuan"].subject, "subject=clause-reference-named" in found["56 billion yuan"].rule) == ("Zunyi", True)
    assert found["2 billion yuan"].subject == "BYD Co., Ltd."


def test_a_statistics_release_s_breakdown_aside_and_closing_target(extractor: Extractor) -> None:
    text = (
        "Jilin province's GDP reached 980 billion yuan in the first three quarters of 2023, up 6.4 percent.\n\n"
        "By industry, the added value of the primary industry was 70 billion yuan, up 4.2 percent; that of the secondary industry reached "
        "330 billion yuan, up 7.7 percent; and the tertiary industry grew 5.8 percent to 580 billion yuan.\n\n"
        "In September alone, the province's industrial added value increased 9.1 percent.\n\n"
        "Retail sales of consumer goods rose 7.4 percent.\n\n"
        "Changchun's GDP grew 7.0 percent. The province aims to achieve GDP growth of around 6 percent."
    )
    found = facts_of(extractor, text, doc_date=date(2023, 10, 25))
    quarters, september = ("2023-01-01", "2023-09-30"), ("2023-09-01", "2023-09-30")
    assert [found[v].subject for v in ("70 billion yuan", "330 billion yuan", "7.7 percent", "5.8 percent", "580 billion yuan")] == [
        "primary industry",
        "secondary industry",
        "secondary industry",  # "that of" points back to the indicator; the owner is this clause's
        "tertiary industry",
        "tertiary industry",  # an industry opening a clause after "and"
    ]
    assert period(found["9.1 percent"]) == september and period(found["7.4 percent"]) == quarters  # "alone": an aside for its own sentence
    assert (found["6 percent"].subject, found["6 percent"].kind) == ("Jilin province", "target")  # "The province" heading the clause, not the city named last


def test_joined_dates_by_then_and_levels_compared_with_a_base(extractor: Extractor) -> None:
    text = (
        "In January and February, Baoji signed 35 projects worth 41.2 billion yuan. Exports rose 3 percent.\n\n"
        "The city plans to build three industrial clusters by 2027. By then, strategic emerging industries will account for 45 percent of its industrial output.\n\n"
        "The surveyed unemployment rate was 5.1 percent, compared with 5.5 percent a year earlier."
    )
    found = facts_of(extractor, text)
    months = ("2024-01-01", "2024-02-29")  # two mentions, one period
    assert period(found["41.2 billion yuan"]) == months and "period=clause-dates" in found["41.2 billion yuan"].rule and period(found["3 percent"]) == months
    assert (found["45 percent"].kind, period(found["45 percent"])) == ("target", ("2027-01-01", "2027-12-31"))
    assert found["5.1 percent"].measure == "rate"  # a level compared with its base is no change


def test_a_base_after_up_from_has_the_measure_of_the_figure_it_is_compared_with(extractor: Extractor) -> None:
    found = facts_of(extractor, "Overseas sales accounted for 38 percent of the total, up from 29 percent a year earlier, and exports rose 5 percent, compared with 3 percent in 2022.")
    assert [(v, found[v].measure) for v in ("38 percent", "29 percent", "5 percent", "3 percent")] == [
        ("38 percent", "share"),
        ("29 percent", "share"),
        ("5 percent", "change"),
        ("3 percent", "change"),
    ]
    assert "measure=base-of-previous" in found["29 percent"].rule


def test_newswire_names_appositive_places_and_that_of_in_the_same_clause(extractor: Extractor) -> None:
    text = (
        "The border trade of southwest China's Yunnan Province reached 150 billion yuan in 2023.\n\n"
        "Ruili, a border city, handled 30 percent of the province's border trade. The city's fruit imports grew 16 percent.\n\n"
        "Mengzi's industrial output value exceeded 40 billion yuan, with that of the food processing industry rising 12.6 percent.\n\n"
        "The province targets foreign trade growth of 8 percent this year."
    )
    found = facts_of(extractor, text)
    assert found["150 billion yuan"].subject == "Yunnan Province"  # the possessor that opens the name is not part of it
    assert (found["30 percent"].subject, found["16 percent"].subject) == ("Ruili", "Ruili")  # an appositive names a place
    assert (found["40 billion yuan"].subject, found["12.6 percent"].subject) == ("Mengzi", "food processing industry")
    assert (found["8 percent"].indicator, found["8 percent"].subject) == ("foreign trade growth", "Yunnan Province")  # a verb ends the indicator


def test_its_after_an_industry_heading_the_clause_and_that_of_without_an_indicator(extractor: Extractor) -> None:
    text = (
        "In the first half of 2024, Liuzhou's industrial output rose 6 percent. "
        "The automobile industry, a pillar of the city, saw its output value rise 10.2 percent. "
        "Machinery grew 8.4 percent, while that of the building materials industry fell 1.5 percent."
    )
    found = facts_of(extractor, text, doc_date=date(2024, 7, 20))
    assert (found["10.2 percent"].subject, "subject=possessive-industry" in found["10.2 percent"].rule) == ("automobile", True)
    assert found["1.5 percent"].subject == "building materials industry"
    assert found["6 percent"].subject == "Liuzhou"


def test_an_opportunity_list_s_fields_belong_to_their_project(extractor: Extractor) -> None:
    text = (
        "Investment Opportunities in Qianhai (2024)\n\n"
        "1. Qianhai Cold Chain Logistics Hub\nLocation: Bao'an\nTotal investment: 3.2 billion yuan\nExpected annual revenue: 1.5 billion yuan after completion\n\n"
        "Marine Biomedicine Industrial Park\nInvestment estimate: RMB 800 million\n\n"
        "Key figures\nGDP: 230 billion yuan\n\n"
        "Qianhai's GDP grew 4.5 percent in 2023."
    )
    found = facts_of(extractor, text)
    rows = {v: (found[v].kind, found[v].subject, period(found[v])) for v in ("3.2 billion yuan", "1.5 billion yuan", "RMB 800 million")}
    assert rows == {
        "3.2 billion yuan": ("other", "Qianhai Cold Chain Logistics Hub", None),  # one project's size, dated by nothing on its line
        "1.5 billion yuan": ("target", "Qianhai Cold Chain Logistics Hub", None),  # a forecast field
        "RMB 800 million": ("other", "Marine Biomedicine Industrial Park", None),  # an unnumbered heading ending in a project's noun
    }
    assert found["230 billion yuan"].kind == "actual" and "list-item" not in found["230 billion yuan"].rule  # "Key figures" names no item
    assert found["4.5 percent"].subject == "Qianhai"


def test_respectively_pairs_places_and_a_growth_rate_s_complement_names_what_grew(extractor: Extractor) -> None:
    text = (
        "Zhuhai, Jiangmen and Zhaoqing recorded GDP growth of 4 percent, 4.6 percent and 3.8 percent respectively in 2023.\n\n"
        "Dongguan's exports fell 2.5 percent, but the growth rate of its high-tech manufacturing reached 7 percent."
    )
    found = facts_of(extractor, text)
    assert [found[v].subject for v in ("4 percent", "4.6 percent", "3.8 percent")] == ["Zhuhai", "Jiangmen", "Zhaoqing"]
    assert (found["7 percent"].indicator, found["7 percent"].subject) == ("growth rate of its high-tech manufacturing", "Dongguan")


def test_a_company_s_quarter_figure_compared_with_an_amount_a_year_before(extractor: Extractor) -> None:
    text = (
        "Lumin Co., Ltd. reported results for the third quarter ended September 30, 2023.\n\n"
        "Third Quarter 2023 Highlights\n\n"
        "Net income was RMB 85.6 million, compared with RMB 60.1 million in the same quarter of 2022. "
        "The new plant is expected to generate annual revenue of RMB 3 billion in 2026."
    )
    found = facts_of(extractor, text, doc_date=date(2023, 11, 14))
    assert period(found["RMB 85.6 million"]) == ("2023-07-01", "2023-09-30")  # the base's year is no period of the figure compared
    assert period(found["RMB 60.1 million"]) == ("2022-01-01", "2022-12-31")
    assert found["RMB 3 billion"].indicator == "annual revenue"  # "generate" ends the indicator


def test_an_undated_document_s_parts_of_a_year_read_in_the_year_named_before(extractor: Extractor) -> None:
    text = (
        "Foshan's GDP rose 2.1 percent in the first half of 2022. Its GDP fell 1.5 percent in the first quarter, "
        "and exports rose 3 percent in January-May.\n\nIn the second quarter, retail sales grew 4 percent. In June, imports rose 6 percent."
    )
    found = extractor.extract_text(text, doc_id="undated.txt", doc_date=None)
    facts = {f.value_text: f for f in found.facts}
    assert [m.text for m in found.mentions if m.label.value == "DATE"] == ["first half of 2022"]  # no relative DATE mentions (ANNOTATION.md)
    assert period(facts["1.5 percent"]) == ("2022-01-01", "2022-03-31") and "period=own-date-anchored" in facts["1.5 percent"].rule
    assert period(facts["3 percent"]) == ("2022-01-01", "2022-05-31")
    assert period(facts["4 percent"]) == ("2022-04-01", "2022-06-30") and period(facts["6 percent"]) == ("2022-06-01", "2022-06-30")
    assert text[facts["1.5 percent"].period_mention_start or 0 : facts["1.5 percent"].period_mention_end or 0] == "first quarter"
    dated = {f.value_text: f for f in facts_of(extractor, text, doc_date=date(2022, 7, 20)).values()}
    assert period(dated["1.5 percent"]) == ("2022-01-01", "2022-03-31") and "anchored" not in dated["1.5 percent"].rule


def test_an_elliptic_possessive_after_while_and_a_region_named_with_a_lower_case_ending(extractor: Extractor) -> None:
    text = "The Chengdu-Chongqing economic circle's GDP reached 8.2 trillion yuan in 2023. Chengdu's GDP rose 6 percent to 2.2 trillion yuan, while Chongqing's grew 6.1 percent to 3.01 trillion yuan."
    found = facts_of(extractor, text)
    assert found["8.2 trillion yuan"].subject == "Chengdu-Chongqing economic circle"
    assert [found[v].subject for v in ("2.2 trillion yuan", "6.1 percent", "3.01 trillion yuan")] == ["Chengdu", "Chongqing", "Chongqing"]


def test_a_pinyin_name_heading_the_clause_is_a_place_no_lexicon_holds(extractor: Extractor) -> None:
    text = "In 2023, Shunde produced 30 percent of the province's appliances. Exports rose 5 percent. Banana sales rose 3 percent."
    found = facts_of(extractor, text)
    assert (found["30 percent"].subject, "subject=clause-pinyin-name" in found["30 percent"].rule) == ("Shunde", True)
    assert found["5 percent"].subject == "Shunde"  # carried on, as a named place is
    assert "pinyin" not in found["3 percent"].rule  # a capitalized word of the indicator is no place


def test_a_place_s_industry_heading_the_clause_and_of_the_company_after_a_share_s_part(extractor: Extractor) -> None:
    text = (
        "BYD Co., Ltd. delivered 3 million vehicles in 2023. Hefei's new energy vehicle industry generated output value of 200 billion yuan. "
        "Overseas sales of the company accounted for 8 percent of its total."
    )
    found = facts_of(extractor, text)
    assert found["200 billion yuan"].subject == "new energy vehicle"  # the industry's own figure, past the place's possessive
    assert (found["8 percent"].indicator, found["8 percent"].subject) == ("Overseas sales", "BYD Co., Ltd.")


def test_a_comparison_s_base_figure_and_date_are_told_apart_from_the_figure_s_own(extractor: Extractor) -> None:
    text = (
        "Kunming's deliveries were 30,000 in the third quarter of 2023, an increase of 25% from 24,000 for the second quarter of 2023. "
        "Its gross margin was 9% for the third quarter of 2023, compared with 11% for the same period of 2022. "
        "Kunming strives for growth of more than 6% in 2024."
    )
    found = facts_of(extractor, text, doc_date=date(2023, 11, 20))
    assert period(found["25%"]) == ("2023-07-01", "2023-09-30")  # "from 24,000 for the second quarter": the base
    assert period(found["11%"]) == ("2022-07-01", "2022-09-30") and "period=own-date" in found["11%"].rule
    assert period(found["6%"]) == ("2024-01-01", "2024-12-31")  # "more than 6% in 2024" compares nothing


def test_a_defined_acronym_counts_for_its_name_as_the_document_s_subject(extractor: Extractor) -> None:
    text = (
        "Located in Wuzhou, Guangxi-ASEAN High-tech Industrial Development Zone (HIDZ) is a hub in Guangxi.\n\n"
        "Wuzhou set up HIDZ in 1992. Firms in Wuzhou see HIDZ as a base. HIDZ has 300 firms.\n\n"
        "It is reported that the 12 new projects consisted of RMB 2.1 billion in domestic investment."
    )
    found = facts_of(extractor, text)
    assert found["RMB 2.1 billion"].subject == "Guangxi-ASEAN High-tech Industrial Development Zone (HIDZ)"
    assert "subject=document" in found["RMB 2.1 billion"].rule


def test_its_after_a_reference_noun_opening_the_clause_is_that_noun_s(extractor: Extractor) -> None:
    text = (
        "The Wuhu Economic and Technological Development Zone signed 80 projects in 2023. "
        "Chery, based in the zone, reported revenue of 30 billion yuan in 2023. "
        "By 2025, the zone expects its total output to exceed 500 billion yuan. The company said its exports would rise 20 percent in 2025."
    )
    found = facts_of(extractor, text)
    assert (found["500 billion yuan"].subject, found["20 percent"].subject) == ("Wuhu Economic and Technological Development Zone", "Chery")


def test_a_bracketed_conversion_carries_the_fact_it_converts(extractor: Extractor) -> None:
    found = facts_of(extractor, "In 2023, Wuhan's revenue hit 12 billion yuan (about 1.7 billion U.S. dollars).")
    yuan, dollars = found["12 billion yuan"], found["1.7 billion U.S. dollars"]
    assert (dollars.kind, dollars.measure, dollars.indicator, dollars.subject, period(dollars)) == (yuan.kind, yuan.measure, yuan.indicator, yuan.subject, period(yuan))
    assert "kind=conversion" in dollars.rule and dollars.fact_id != yuan.fact_id


def test_scale_tiers_carry_no_fact_and_publishers_own_no_figure(extractor: Extractor) -> None:
    text = "GUIYANG, March 3 (Xinhua) -- Guiyang is building three 100-billion-yuan industries. Its output value rose 8 percent in 2023."
    found = facts_of(extractor, text)
    assert "100-billion-yuan" not in " ".join(found)
    assert found["8 percent"].subject == "Guiyang"


def test_the_country_owns_a_figure_only_when_nothing_closer_is_named(extractor: Extractor) -> None:
    found = facts_of(extractor, "In 2023, Quzhou became the 30th Chinese city whose exports grew 20 percent. China's GDP grew 5.2 percent.")
    assert found["20 percent"].subject == "Quzhou" and found["5.2 percent"].subject == "China"


def test_facts_survive_the_cache_as_they_were() -> None:
    fact = Fact("d.txt", "fx", 3, 9, "MONEY", "target", "amount", 0, 3, "GDP", "Hefei", date(2026, 1, 1), date(2026, 12, 31), "kind=clause:aims to", "x", "5 yuan", None, None, 12, 16)
    assert fact_from_json("d.txt", json.loads(json.dumps(fact_to_json(fact)))) == fact
    with pytest.raises((ValueError, TypeError)):
        fact_from_json("d.txt", fact_to_json(fact)[:-1])


# -- the scorer ------------------------------------------------------------------------------------
def _row(start: int, end: int, **fields: object) -> scoring.FactRow:
    values: dict[str, object] = {
        "kind": "actual",
        "measure": "amount",
        "indicator_start": 0,
        "indicator_end": 3,
        "indicator": "GDP",
        "subject": "Hefei",
        "period_start": "2023-01-01",
        "period_end": "2023-12-31",
    }
    values.update(fields)
    return scoring.FactRow("d", start, end, "x", **values)  # type: ignore[arg-type]


def test_the_scorer_matches_by_value_span_and_checks_each_field() -> None:
    gold = {"d": [_row(10, 20), _row(30, 40, subject="the Hefei High-tech Zone"), _row(50, 60, indicator_start=None, indicator_end=None, indicator="")]}
    pred = {"d": [_row(12, 20, kind="target"), _row(30, 40, subject="Hefei High-tech Zone", indicator_start=2, indicator_end=5), _row(70, 80)]}
    report = scoring.evaluate(gold, pred)
    assert report["coverage"] == {"precision": round(2 / 3, 3), "recall": round(2 / 3, 3), "f1": round(2 / 3, 3), "gold": 3, "predicted": 3, "found": 2}
    assert report["fields"] == {"kind": 0.5, "measure": 1.0, "period": 1.0, "indicator": 1.0, "subject": 1.0}
    assert report["all_five"] == 0.5
    errors = scoring.format_errors(gold, pred)
    assert "missed" in errors and "spurious" in errors and "gold='actual'\tpred='target'" in errors


def test_subjects_match_when_one_contains_the_other() -> None:
    assert scoring.field_right("subject", _row(0, 1, subject="Hainan"), _row(0, 1, subject="Hainan Province"))
    assert not scoring.field_right("subject", _row(0, 1, subject="Hainan"), _row(0, 1, subject="Hefei"))
    assert scoring.field_right("indicator", _row(0, 1, indicator_start=None, indicator_end=None), _row(0, 1, indicator_start=None, indicator_end=None))


# -- facts.csv and eval --facts-gold ---------------------------------------------------------------
def test_facts_csv_slices_back_and_eval_scores_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from pipeline.cli import main

    out = tmp_path / "out"
    assert main(["extract", str(SEEDS), "--out", str(out), "--no-model", "-q"]) == 0
    with (out / "facts.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames or ()) == FACT_COLUMNS
        rows = list(reader)
    with (out / "mentions.csv").open(encoding="utf-8", newline="") as handle:
        mentions = {(m["doc_id"], m["mention_id"]): m for m in csv.DictReader(handle)}
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.iterdir()}
    assert rows and all(row["kind"] in ("actual", "target", "other") and row["measure"] in ("amount", "change", "share", "rate") for row in rows)
    for row in rows:
        mention = mentions[(row["doc_id"], row["mention_id"])]
        assert (mention["start"], mention["end"], mention["label"]) == (row["value_start"], row["value_end"], row["value_label"])
        source = next(text for name, text in texts.items() if row["doc_id"].endswith(name) or name in row["doc_id"])
        assert source[int(row["value_start"]) : int(row["value_end"])] == row["value_text"]
    # a gold file made of the run's own facts scores 1.0 on every figure
    gold = tmp_path / "facts.jsonl"
    by_doc: dict[str, list[dict[str, object]]] = {}
    for row in rows:
        by_doc.setdefault(row["doc_id"], []).append(
            {k: (row[k] or None) for k in ("value_start", "value_end", "value_text", "kind", "measure", "indicator_start", "indicator_end", "indicator", "subject", "period_start", "period_end")}
        )
    gold.write_text("".join(json.dumps({"doc_id": doc, "facts": facts}) + "\n" for doc, facts in by_doc.items()), encoding="utf-8")
    capsys.readouterr()
    assert main(["eval", "--facts-gold", str(gold), "--pred", str(out / "mentions.csv"), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["coverage"]["f1"] == 1.0 and report["all_five"] == 1.0
    assert main(["eval", "--pred", str(out / "mentions.csv")]) != 0  # neither gold given
