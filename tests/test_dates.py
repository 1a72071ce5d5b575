"""DATE: intervals, granularity and qualifiers; ANNOTATION.md's examples and its fixed rules
for relative forms. The document's date is given as the third column."""

from typing import Any

import pytest

from pipeline.analyse.extractor import Extractor

from .conftest import check, run

D = "2021-01-17"  # a document dated like seed 004

ROWS = [
    # ANNOTATION.md, DATE
    ("full-date", "It opened on July 15, 2024.", None, "July 15, 2024", ("2024-07-15", "2024-07-15", "day", "")),
    ("byline-date", "By YAN DENG|Jan 16,2023", None, "Jan 16,2023", ("2023-01-16", "2023-01-16", "day", "")),
    ("year", "The target year is 2027.", None, "2027", ("2027-01-01", "2027-12-31", "year", "")),
    ("month-range", "In the period from January to November 2022, output rose.", None, "January to November 2022", ("2022-01-01", "2022-11-30", "range", "")),
    ("year-range", "The plan covers 2021-2025.", None, "2021-2025", ("2021-01-01", "2025-12-31", "range", "")),
    ("last-month-name", "The guideline was issued last November.", D, "last November", ("2020-11-01", "2020-11-30", "month", "")),
    ("last-year", "Output grew last year.", D, "last year", ("2020-01-01", "2020-12-31", "year", "")),
    ("first-half-this-year", "Output grew in the first half of this year.", D, "first half of this year", ("2021-01-01", "2021-06-30", "half", "")),
    ("by", "By 2027, the share will be 28%.", None, "2027", ("2027-01-01", "2027-12-31", "year", "by")),
    ("end-of-year", "Deposits rose by the end of 2019.", None, "end of 2019", ("2019-12-31", "2019-12-31", "day", "by")),
    ("end-of-last-year", "It had 500 firms at the end of last year.", D, "end of last year", ("2020-12-31", "2020-12-31", "day", "")),
    ("beginning-of-year", "Since the beginning of the year, exports rose.", D, "beginning of the year", ("2021-01-01", "2021-01-01", "day", "since")),
    ("mid-month", "The fair opens in mid-June.", D, "mid-June", ("2021-06-01", "2021-06-30", "month", "")),
    ("first-three-quarters", "In the first three quarters, GDP grew.", "2021-10-18", "first three quarters", ("2021-01-01", "2021-09-30", "range", "")),
    ("first-three-quarters-in-january", "In the first three quarters, GDP grew.", D, "first three quarters", ("2020-01-01", "2020-09-30", "range", "")),
    ("q1", "Sales rose in Q1.", D, "Q1", ("2021-01-01", "2021-03-31", "quarter", "")),
    # quarter ranges and company reports' number-first codes
    ("quarter-code-range", "Exports rose 4% in Q1-Q3 2022.", None, "Q1-Q3 2022", ("2022-01-01", "2022-09-30", "range", "")),
    ("quarter-code-range-short", "Exports rose 4% in Q1-3.", "2021-10-20", "Q1-3", ("2021-01-01", "2021-09-30", "range", "")),
    ("quarter-number-first", "Net profit doubled in 3Q22.", D, "3Q22", ("2022-07-01", "2022-09-30", "quarter", "")),
    ("quarter-number-first-year", "Revenue rose in 1Q 2020.", D, "1Q 2020", ("2020-01-01", "2020-03-31", "quarter", "")),
    ("half-number-first", "Margins improved in 2H 2020.", D, "2H 2020", ("2020-07-01", "2020-12-31", "half", "")),
    ("month-range-sentence-end", "Trade grew in January-November.", "2021-12-20", "January-November", ("2021-01-01", "2021-11-30", "range", "")),
    ("month-range-abbreviated-sentence-end", "Trade grew in Jan.-Nov.", "2021-12-20", "Jan.-Nov.", ("2021-01-01", "2021-11-30", "range", "")),
    ("month-range-to-may-sentence-end", "Trade grew from January to May.", "2021-07-20", "January to May", ("2021-01-01", "2021-05-31", "range", "")),
    ("month-range-hyphenated-to", "In the January-to-October period, trade grew.", "2021-11-20", "January-to-October", ("2021-01-01", "2021-10-31", "range", "")),
    ("previous-year", "It doubled from the previous year.", D, "previous year", ("2020-01-01", "2020-12-31", "year", "")),
    ("fyp-during", "During the 14th Five-Year Plan, the city will grow.", None, "14th Five-Year Plan", ("2021-01-01", "2025-12-31", "range", "")),
    ("fyp-period", "The 13th Five-Year Plan period saw growth.", None, "13th Five-Year Plan", ("2016-01-01", "2020-12-31", "range", "")),
    ("fyp-15th", "In the 15th Five-Year Plan period, it will double.", None, "15th Five-Year Plan", ("2026-01-01", "2030-12-31", "range", "")),
    ("month-day-doc-year", "At the press conference on January 13, he spoke.", "2023-01-16", "January 13", ("2023-01-13", "2023-01-13", "day", "")),
    # other forms
    ("iso", "date 2024-07-15 Yubei District", None, "2024-07-15", ("2024-07-15", "2024-07-15", "day", "")),
    ("abbrev-month", "CHONGQING, China, Jan. 17, 2021 /PRNewswire/", None, "Jan. 17, 2021", ("2021-01-17", "2021-01-17", "day", "")),
    ("day-month-year", "The fair ran on 15 June 2016.", None, "15 June 2016", ("2016-06-15", "2016-06-15", "day", "")),
    ("month-year", "Prices fell in March 2023.", None, "March 2023", ("2023-03-01", "2023-03-31", "month", "")),
    ("quarter-words", "Investment rose in the fourth quarter of 2023.", None, "fourth quarter of 2023", ("2023-10-01", "2023-12-31", "quarter", "")),
    ("quarter-code-year", "Revenue grew in Q3 2023.", None, "Q3 2023", ("2023-07-01", "2023-09-30", "quarter", "")),
    ("half-code", "It plans a launch in H2 2025.", None, "H2 2025", ("2025-07-01", "2025-12-31", "half", "")),
    ("first-11-months", "In the first 11 months of 2023, output rose.", None, "first 11 months of 2023", ("2023-01-01", "2023-11-30", "range", "")),
    ("since-year", "Since 2012, the area has grown.", None, "2012", ("2012-01-01", "2012-12-31", "year", "since")),
    ("until", "The policy runs until 2030.", None, "2030", ("2030-01-01", "2030-12-31", "year", "until")),
    ("from-to-years", "From 2023 to 2025, it will invest.", None, "2023 to 2025", ("2023-01-01", "2025-12-31", "range", "")),
    ("between-years", "It attracted funds between 2018 and 2023.", None, "2018 and 2023", ("2018-01-01", "2023-12-31", "range", "")),
    ("day-range", "The fair is held from April 26 to 28, 2024.", None, "April 26 to 28, 2024", ("2024-04-26", "2024-04-28", "range", "")),
    ("this-year", "This year, the city aims higher.", D, "This year", ("2021-01-01", "2021-12-31", "year", "")),
    ("next-year", "It will open next year.", D, "next year", ("2022-01-01", "2022-12-31", "year", "")),
    ("month-last-year", "It peaked in November last year.", D, "November last year", ("2020-11-01", "2020-11-30", "month", "")),
    ("mid-year", "It will finish by mid-2025.", None, "mid-2025", ("2025-01-01", "2025-12-31", "year", "by")),
    ("end-of-month", "It ends at the end of June 2024.", None, "end of June 2024", ("2024-06-30", "2024-06-30", "day", "")),
    ("fyp-word-ordinal", "The mill was built during the Second Five-Year Plan.", None, "Second Five-Year Plan", ("1958-01-01", "1962-12-31", "range", "")),
    ("quarter-adjective", "The county's third-quarter output rose.", "2024-11-02", "third-quarter", ("2024-07-01", "2024-09-30", "quarter", "")),
    ("quarter-in-year", "Sales fell from the second quarter in 2022.", "2024-11-02", "second quarter in 2022", ("2022-04-01", "2022-06-30", "quarter", "")),
    ("month-range-period-in-year", "Imports in the March-May period in 2024 rose.", "2024-11-02", "March-May period in 2024", ("2024-03-01", "2024-05-31", "range", "")),
    ("months-of-year-without-first", "Profits in the 10 months of last year rose.", "2024-11-02", "10 months of last year", ("2023-01-01", "2023-10-31", "range", "")),
    ("first-months-singular-typo", "In the first two month, exports rose.", "2024-03-20", "first two month", ("2024-01-01", "2024-02-29", "range", "")),
    ("beginning-of-new-year", "At the beginning of the new year, the line started.", "2024-01-09", "beginning of the new year", ("2024-01-01", "2024-01-01", "day", "")),
    ("end-of-plan", "By the end of the 14th Five-Year Plan period, it will rise.", None, "end of the 14th Five-Year Plan", ("2025-12-31", "2025-12-31", "day", "by")),
    ("numeric-dmy", "The date should be 21/04/2016.", None, "21/04/2016", ("2016-04-21", "2016-04-21", "day", "")),
    ("weekday", "The bureau said on Tuesday that exports rose.", "2024-03-08", "Tuesday", ("2024-03-05", "2024-03-05", "day", "")),
    ("today", "The park opens today.", D, "today", ("2021-01-17", "2021-01-17", "day", "")),
    # the calque of "1至N月": January to the month named
    ("one-to-month", "Hefei from 1 to August, the retail sales reached 180 billion yuan.", "2019-09-20", "1 to August", ("2019-01-01", "2019-08-31", "range", "")),
    ("year-one-to-month", "Last year 1 to October, exports of the county rose 8%.", "2019-09-20", "Last year 1 to October", ("2018-01-01", "2018-10-31", "range", "")),
    ("one-dash-month-year", "In 1-September 2022, the zone's revenue rose.", None, "1-September 2022", ("2022-01-01", "2022-09-30", "range", "")),
]
EXCLUDED = [
    ("duration", "Liangjiang has been developing for 10 years.", D),
    ("recent-years", "In recent years, it has grown fast.", D),
    ("future", "It will lead in the future.", D),
    ("same-day", "Five members spoke on the same day.", D),
    ("vision-name", "Vision 2035 sets long-term goals.", D),
    ("event-name", "The 2021 Smart China Expo opened.", D),
    ("past-year", "Over the past year, it boosted industry.", D),
    ("count", "The park has 2000 enterprises.", D),
    ("plan-title", "The 14th Five-Year Plan for Economic and Social Development was released.", D),
    ("no-doc-date-relative", "Output grew last year.", None),
    ("no-doc-date-month-day", "NANJING, July 3 (Xinhua) -- Output grew.", None),
    ("one-to-modal-may", "The index could climb 1 to may be more.", D),
]


@pytest.mark.parametrize("sentence,doc_date,span,expected", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_date(rules: Extractor, sentence: Any, doc_date: Any, span: Any, expected: Any) -> None:
    start, end, granularity, qualifier = expected
    check(run(rules, sentence, doc_date), "DATE", span, date_start=start, date_end=end, granularity=granularity, qualifier=qualifier)


@pytest.mark.parametrize("sentence,doc_date", [r[1:] for r in EXCLUDED], ids=[r[0] for r in EXCLUDED])
def test_not_a_date(rules: Extractor, sentence: Any, doc_date: Any) -> None:
    assert [m.text for m in run(rules, sentence, doc_date) if m.label.value == "DATE"] == []


def test_a_day_range_is_no_months_to_range(rules: Extractor) -> None:
    dates = [(m.text, str(m.date_start), str(m.date_end)) for m in run(rules, "The fair runs from May 1 to May 5 and from 1 to 3 June.", D) if m.label.value == "DATE"]
    assert ("1 to May", "2021-01-01", "2021-05-31") not in dates
    assert dates[0] == ("May 1 to May 5", "2021-05-01", "2021-05-05")


def test_same_period_follows_report_period(rules: Extractor) -> None:
    """ANNOTATION.md: in a report on January-September 2021, 'same period last year' is 2020-01-01..2020-09-30."""
    text = "From January to September 2021, GDP grew 9.8 percent over the same period last year."
    check(run(rules, text, "2021-10-18"), "DATE", "same period last year", date_start="2020-01-01", date_end="2020-09-30")


def test_transcript_today_is_left_out(rules: Extractor) -> None:
    """In a briefing transcript 'today' is the event's day, which a later publication does not give."""
    text = "Hu Henghua:\n\nThank you.\n\nJiang Duntao:\n\nToday is the first anniversary of the plan."
    assert [m.text for m in run(rules, text, "2024-07-05") if m.label.value == "DATE"] == []


def test_document_date_from_text(rules: Extractor) -> None:
    extraction = rules.extract_text("date 2021-01-17 CHONGQING\n\nThe guideline issued last November took effect.")
    assert extraction.doc_date is not None and extraction.doc_date.date.isoformat() == "2021-01-17"
    check(list(extraction.mentions), "DATE", "last November", date_start="2020-11-01", date_end="2020-11-30")


def test_direct_reading_of_complete_dates_agrees_with_dateparser() -> None:
    """parse_calendar reads the commonest complete dates itself; dateparser must agree on each."""
    from pipeline.core.settings import DEFAULT_PATTERNS_DIR
    from pipeline.patterns.loader import load_patterns
    from pipeline.text.calendar import CalendarReader, _dateparser_calendar

    _simple_day = CalendarReader(load_patterns(DEFAULT_PATTERNS_DIR)).simple_day

    months = ["January", "Feb", "Mar.", "April", "May", "June", "Jul", "Aug.", "Sept", "Sep.", "October", "Nov", "December"]
    days = [1, 2, 9, 10, 13, 28, 29, 30, 31]
    texts = []
    for year in (1999, 2016, 2024, 2025):
        for month_number, month in enumerate(months):
            for day in days:
                texts += [f"{month} {day}, {year}", f"{month} {day} {year}", f"{day} {month} {year}", f"{month} {day}th, {year}", f"{month}{day},{year}"]
            for day in (1, 12, 29, 31):
                number = month_number % 12 + 1
                texts += [f"{year}-{number:02d}-{day:02d}", f"{year}/{number}/{day}", f"{year}.{number}.{day}"]
    read = 0
    for text in texts:
        simple = _simple_day(text)
        if simple is None:
            continue
        read += 1
        assert _dateparser_calendar(text) == (simple, "day"), text
    assert read > 500
    # without a year or a day
    partial = CalendarReader(load_patterns(DEFAULT_PATTERNS_DIR)).simple_partial
    shorter = [f"{month} {day}" for month in months for day in days] + [f"{month} {day}th" for month in months[:3] for day in (1, 13)]
    shorter += [f"{month} {year}" for month in months for year in (1999, 2016, 2024)] + [f"{month}, 2024" for month in months[:4]]
    read = 0
    for text in shorter:
        answer = partial(text)
        if answer is not None:
            read += 1
            assert _dateparser_calendar(text) == answer, text
    assert read > 140
