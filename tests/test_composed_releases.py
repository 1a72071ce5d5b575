"""Sentences composed in the style of releases from other provinces and sites (Xinhua,
PRNewswire, provincial portals), with every mention they must yield and nothing else.

Each row: the document's date (empty: the document has none), the sentence, and the full
list of MONEY, PERCENT, DATE, ORG and CLUSTER mentions in order, with their CSV values.
Runs on the rules-only pipeline, so model ORGs are not part of these rows.
"""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.analyse.extractor import Extractor

from .conftest import cells, run

Expected = tuple[str, str, dict[str, str]]  # (label, text, the CSV cells it must have)


def M(text: str, value: str, unit: str, high: str = "", qualifier: str = "", each: str = "false", inferred: str = "false") -> Expected:
    return ("MONEY", text, {"value": value, "value_high": high, "unit": unit, "qualifier": qualifier, "each": each, "inferred": inferred})


def P(text: str, value: str, unit: str = "percent", high: str = "", qualifier: str = "", each: str = "false") -> Expected:
    return ("PERCENT", text, {"value": value, "value_high": high, "unit": unit, "qualifier": qualifier, "each": each})


def D(text: str, start: str, end: str, granularity: str, qualifier: str = "") -> Expected:
    return ("DATE", text, {"date_start": start, "date_end": end, "granularity": granularity, "qualifier": qualifier})


def O(text: str, canonical: str | None = None) -> Expected:
    return ("ORG", text, {"canonical": canonical or text})


def C(text: str, canonical: str | None = None) -> Expected:
    return ("CLUSTER", text, {"canonical": canonical or text})


SENTENCES = [
    (
        "2024-03-08",
        "Guangdong's GDP reached 13.57 trillion yuan in 2023, up 4.8 percent year on year, the Guangdong Provincial Bureau of Statistics said on Tuesday.",
        [
            M("13.57 trillion yuan", "13570000000000", "CNY"),
            D("2023", "2023-01-01", "2023-12-31", "year"),
            P("4.8 percent", "4.8"),
            O("Guangdong Provincial Bureau of Statistics"),
            D("Tuesday", "2024-03-05", "2024-03-05", "day"),
        ],
    ),
    (
        "2024-03-08",
        "The province's total imports and exports amounted to 8.3 trillion yuan (about 1.17 trillion U.S. dollars), accounting for 20 percent of the national total.",
        [
            M("8.3 trillion yuan", "8300000000000", "CNY"),
            M("1.17 trillion U.S. dollars", "1170000000000", "USD", qualifier="approx"),
            P("20 percent", "20"),
        ],
    ),
    (
        "2024-03-08",
        "Foreign direct investment hit US$15.8 billion, while the added value of high-tech manufacturing rose by 3.6 percentage points.",
        [
            M("US$15.8 billion", "15800000000", "USD"),
            P("3.6 percentage points", "3.6", unit="percentage_point"),
        ],
    ),
    (
        "2023-10-20",
        "In the first three quarters of 2023, the industrial output of Shenzhen exceeded 3 trillion yuan, up 5.1 percent over the same period last year.",
        [
            D("first three quarters of 2023", "2023-01-01", "2023-09-30", "range"),
            M("3 trillion yuan", "3000000000000", "CNY", qualifier="over"),
            P("5.1 percent", "5.1"),
            D("same period last year", "2022-01-01", "2022-09-30", "range"),
        ],
    ),
    (
        "2024-03-08",
        "Guangdong will focus on 20 strategic industrial clusters, including new-generation electronic information, green petrochemicals, smart home appliances, and ultra-high-definition video display.",
        [
            C("new-generation electronic information", "new generation electronic information"),
            C("green petrochemicals"),
            C("smart home appliances"),
            C("ultra-high-definition video display", "ultra high definition video display"),
        ],
    ),
    (
        "2024-03-08",
        "The Ministry of Industry and Information Technology (MIIT) and the National Development and Reform Commission jointly issued the plan last December.",
        [
            O("Ministry of Industry and Information Technology"),
            O("MIIT", "Ministry of Industry and Information Technology"),
            O("National Development and Reform Commission"),
            D("last December", "2023-12-01", "2023-12-31", "month"),
        ],
    ),
    (
        "2024-03-08",
        "By the end of 2025, the scale of the semiconductor and integrated circuit industry is expected to exceed 400 billion yuan.",
        [
            D("end of 2025", "2025-12-31", "2025-12-31", "day", qualifier="by"),
            C("semiconductor", "semiconductors"),
            C("integrated circuit", "integrated circuits"),
            M("400 billion yuan", "400000000000", "CNY", qualifier="over"),
        ],
    ),
    (
        "2024-03-08",
        "BYD Co., Ltd. and Huawei Technologies Co., Ltd. signed agreements worth a total of RMB 5.6 billion, according to Xinhua News Agency.",
        [
            O("BYD Co., Ltd."),
            O("Huawei Technologies Co., Ltd."),
            M("RMB 5.6 billion", "5600000000", "CNY"),
            O("Xinhua News Agency"),
        ],
    ),
    (
        "2024-03-08",
        "During the 14th Five-Year Plan period (2021-2025), the city plans to invest 1.2 trillion yuan in infrastructure.",
        [
            D("14th Five-Year Plan", "2021-01-01", "2025-12-31", "range"),
            D("2021-2025", "2021-01-01", "2025-12-31", "range"),
            M("1.2 trillion yuan", "1200000000000", "CNY"),
        ],
    ),
    (
        "2023-06-12",
        "Central China's Hubei Province on Monday unveiled an action plan to build five trillion-yuan industrial clusters, including optoelectronic information, automobile manufacturing, and big health.",
        [
            D("Monday", "2023-06-12", "2023-06-12", "day"),
            M("trillion-yuan", "1000000000000", "CNY", qualifier="level", each="true"),
            C("optoelectronic information"),
            C("automobile manufacturing"),
            C("big health"),
        ],
    ),
    (
        "2023-06-12",
        "The province's retail sales of consumer goods grew 8.4% from January to May, while fixed-asset investment rose 5.6-6.2 percent.",
        [
            P("8.4%", "8.4"),
            D("January to May", "2023-01-01", "2023-05-31", "range"),
            P("5.6-6.2 percent", "5.6", high="6.2"),
        ],
    ),
    (
        "2023-06-12",
        "The Wuhan Municipal People's Government said the optical fiber and cable industry would receive 3 billion yuan in support each year from 2023 to 2025.",
        [
            O("Wuhan Municipal People's Government"),
            C("optical fiber and cable"),
            M("3 billion yuan", "3000000000", "CNY"),
            D("2023 to 2025", "2023-01-01", "2025-12-31", "range"),
        ],
    ),
    (
        "2023-07-20",
        "In the first half of this year, the city's GDP grew by 6.1 percent to 926.2 billion yuan.",
        [
            D("first half of this year", "2023-01-01", "2023-06-30", "half"),
            P("6.1 percent", "6.1"),
            M("926.2 billion yuan", "926200000000", "CNY"),
        ],
    ),
    (
        "2022-11-30",
        "Chengdu aims to build an electronic information industry worth 1.5 trillion yuan by 2025.",
        [
            C("electronic information"),
            M("1.5 trillion yuan", "1500000000000", "CNY"),
            D("2025", "2025-01-01", "2025-12-31", "year", qualifier="by"),
        ],
    ),
    (
        "2022-11-30",
        "The city's six key industries are electronic information, equipment manufacturing, medicine and health, new materials, green food, and aerospace.",
        [
            C("electronic information"),
            C("equipment manufacturing"),
            C("medicine and health"),
            C("new materials"),
            C("green food"),
            C("aerospace"),
        ],
    ),
    (
        "2022-11-30",
        "Sichuan Province's foreign trade reached 1.01 trillion yuan in 2021, accounting for about 1.6 percent of the national total.",
        [
            M("1.01 trillion yuan", "1010000000000", "CNY"),
            D("2021", "2021-01-01", "2021-12-31", "year"),
            P("1.6 percent", "1.6", qualifier="approx"),
        ],
    ),
    (
        "2022-11-30",
        "Tianfu New Area has attracted projects with a total investment of over 200 billion yuan, including 15 projects of more than 10 billion yuan each.",
        [
            M("200 billion yuan", "200000000000", "CNY", qualifier="over"),
            M("10 billion yuan", "10000000000", "CNY", qualifier="over", each="true"),
        ],
    ),
    (
        "2024-01-05",
        "Zhejiang Province saw its digital economy core industries generate added value of 928.9 billion yuan in 2023, up 10.1 percent from a year earlier.",
        [
            C("digital economy"),
            M("928.9 billion yuan", "928900000000", "CNY"),
            D("2023", "2023-01-01", "2023-12-31", "year"),
            P("10.1 percent", "10.1"),
        ],
    ),
    (
        "2024-01-05",
        "The province aims to cultivate a number of hundred-billion-yuan industrial clusters in fields such as integrated circuits, high-end software, and intelligent photovoltaics.",
        [
            M("hundred-billion-yuan", "100000000000", "CNY", qualifier="level", each="true"),
            C("integrated circuits"),
            C("high-end software", "high end software"),
            C("intelligent photovoltaics"),
        ],
    ),
    (
        "2024-01-05",
        "The Zhejiang Provincial Party Committee released guidelines in Q3 2023 to support the private economy, which accounts for about 67 percent of the province's GDP.",
        [
            O("Zhejiang Provincial Party Committee"),
            D("Q3 2023", "2023-07-01", "2023-09-30", "quarter"),
            P("67 percent", "67", qualifier="approx"),
        ],
    ),
    (
        "2024-01-19",
        "Shanghai's total imports and exports reached 4.21 trillion yuan in 2023, the General Administration of Customs said on Thursday.",
        [
            M("4.21 trillion yuan", "4210000000000", "CNY"),
            D("2023", "2023-01-01", "2023-12-31", "year"),
            O("General Administration of Customs"),
            D("Thursday", "2024-01-18", "2024-01-18", "day"),
        ],
    ),
    (
        "2024-01-19",
        "Per capita disposable income of residents was 84,834 yuan, up 6.6 percent, while the consumer price index rose 0.3 percent.",
        [
            M("84,834 yuan", "84834", "CNY"),
            P("6.6 percent", "6.6"),
            P("0.3 percent", "0.3"),
        ],
    ),
    (
        "2024-01-19",
        "The city's three leading industries -- integrated circuits, biomedicine and artificial intelligence -- generated output of 1.6 trillion yuan.",
        [
            C("integrated circuits"),
            C("biomedicine"),
            C("artificial intelligence"),
            M("1.6 trillion yuan", "1600000000000", "CNY"),
        ],
    ),
    (
        "2024-01-19",
        "The Shanghai Municipal Commission of Economy and Informatization said the city would add 10 billion yuan to a special fund between 2024 and 2026.",
        [
            O("Shanghai Municipal Commission of Economy and Informatization"),
            M("10 billion yuan", "10000000000", "CNY"),
            D("2024 and 2026", "2024-01-01", "2026-12-31", "range"),
        ],
    ),
    (
        "2024-01-19",
        "The People's Bank of China cut the reserve requirement ratio by 0.5 percentage points in February.",
        [
            O("People's Bank of China"),
            P("0.5 percentage points", "0.5", unit="percentage_point"),
            D("February", "2024-02-01", "2024-02-29", "month"),
        ],
    ),
    (
        "2023-12-28",
        "In the first 11 months of the year, Henan's industrial added value above designated size grew 4.9 percent year-on-year.",
        [
            D("first 11 months of the year", "2023-01-01", "2023-11-30", "range"),
            P("4.9 percent", "4.9"),
        ],
    ),
    (
        "2023-12-28",
        "The province's 28 key industrial chains, covering new materials, new energy vehicles, electronic information, advanced equipment, and modern medicine, contributed over 50% of the growth.",
        [
            C("new materials"),
            C("new energy vehicles"),
            C("electronic information"),
            C("advanced equipment"),
            C("modern medicine"),
            P("50%", "50", qualifier="over"),
        ],
    ),
    (
        "2023-12-28",
        "Zhengzhou Airport Economy Zone handled 607,000 tonnes of cargo from January to November, with cross-border e-commerce exports exceeding 15 billion U.S. dollars.",
        [
            D("January to November", "2023-01-01", "2023-11-30", "range"),
            M("15 billion U.S. dollars", "15000000000", "USD", qualifier="over"),
        ],
    ),
    (
        "2023-12-28",
        "Henan's GDP is projected to exceed 6 trillion yuan in 2024, up from 5.9 trillion yuan in 2022.",
        [
            M("6 trillion yuan", "6000000000000", "CNY", qualifier="over"),
            D("2024", "2024-01-01", "2024-12-31", "year"),
            M("5.9 trillion yuan", "5900000000000", "CNY"),
            D("2022", "2022-01-01", "2022-12-31", "year"),
        ],
    ),
    (
        "2023-12-28",
        "According to the Henan Provincial Bureau of Statistics, fixed-asset investment in the fourth quarter of 2023 rose 2.1% and manufacturing investment grew 8.7%.",
        [
            O("Henan Provincial Bureau of Statistics"),
            D("fourth quarter of 2023", "2023-10-01", "2023-12-31", "quarter"),
            P("2.1%", "2.1"),
            P("8.7%", "8.7"),
        ],
    ),
    (
        "2024-05-20",
        "The Hainan Free Trade Port attracted 22.7 billion U.S. dollars of actual foreign investment between 2018 and 2023, Hainan Provincial Department of Commerce announced.",
        [
            M("22.7 billion U.S. dollars", "22700000000", "USD"),
            D("2018 and 2023", "2018-01-01", "2023-12-31", "range"),
            O("Hainan Provincial Department of Commerce"),
        ],
    ),
    (
        "2024-05-20",
        "Offshore duty-free sales reached 43.76 billion yuan in 2023, a rise of 25.4 percent.",
        [
            M("43.76 billion yuan", "43760000000", "CNY"),
            D("2023", "2023-01-01", "2023-12-31", "year"),
            P("25.4 percent", "25.4"),
        ],
    ),
    (
        "2024-05-20",
        "The Haikou Meilan International Airport Co., Ltd. will invest 1.8 billion yuan during 2024-2026.",
        [
            O("Haikou Meilan International Airport Co., Ltd."),
            M("1.8 billion yuan", "1800000000", "CNY"),
            D("2024-2026", "2024-01-01", "2026-12-31", "range"),
        ],
    ),
    (
        "2024-05-20",
        "The province plans to develop emerging industries such as commercial aerospace, deep-sea technology, and seed industry by 2030.",
        [
            C("commercial aerospace"),
            C("deep-sea technology", "deep sea technology"),
            C("seed"),
            D("2030", "2030-01-01", "2030-12-31", "year", qualifier="by"),
        ],
    ),
    (
        "2024-04-02",
        "Hefei's strategic emerging industries accounted for 56.3 percent of industrial output, up 2.1 percentage points over the previous year.",
        [
            P("56.3 percent", "56.3"),
            P("2.1 percentage points", "2.1", unit="percentage_point"),
            D("previous year", "2023-01-01", "2023-12-31", "year"),
        ],
    ),
    (
        "2024-04-02",
        "The city invested in companies such as BOE Technology Group and NIO, nurturing new display, integrated circuit, and new energy vehicle clusters.",
        [
            O("BOE Technology Group"),
            O("NIO"),
            C("new display", "new displays"),
            C("integrated circuit", "integrated circuits"),
            C("new energy vehicle", "new energy vehicles"),
        ],
    ),
    (
        "2024-04-02",
        "The University of Science and Technology of China and the Chinese Academy of Sciences (CAS) host several national laboratories.",
        [
            O("University of Science and Technology of China"),
            O("Chinese Academy of Sciences"),
            O("CAS", "Chinese Academy of Sciences"),
        ],
    ),
    (
        "2024-04-02",
        "Last week, the Anhui Provincial People's Government signed an agreement with Volkswagen Group worth about 1 billion euros.",
        [
            D("Last week", "2024-03-25", "2024-03-31", "range"),
            O("Anhui Provincial People's Government"),
            O("Volkswagen Group"),
            M("1 billion euros", "1000000000", "EUR", qualifier="approx"),
        ],
    ),
    (
        "2024-07-03",
        "Jiangsu reported a GDP of 6.3 trillion yuan for the first half of 2024, an increase of 5.8 percent over the same period of last year.",
        [
            M("6.3 trillion yuan", "6300000000000", "CNY"),
            D("first half of 2024", "2024-01-01", "2024-06-30", "half"),
            P("5.8 percent", "5.8"),
            D("same period of last year", "2023-01-01", "2023-06-30", "half"),
        ],
    ),
    (
        "2024-07-03",
        "Suzhou Industrial Park's GDP rose 4.5% to RMB 184.5 billion, while its foreign trade volume stood at RMB 327.3 bn.",
        [
            P("4.5%", "4.5"),
            M("RMB 184.5 billion", "184500000000", "CNY"),
            M("RMB 327.3 bn", "327300000000", "CNY"),
        ],
    ),
    (
        "2024-07-03",
        "Jiangsu's R&D spending accounted for 3.3 percent of its GDP in 2023, 0.6 percentage point higher than the national average.",
        [
            P("3.3 percent", "3.3"),
            D("2023", "2023-01-01", "2023-12-31", "year"),
            P("0.6 percentage point", "0.6", unit="percentage_point"),
        ],
    ),
    (
        "2024-07-03",
        "The Jiangsu Provincial Department of Industry and Information Technology said enterprises will invest 500 to 600 billion yuan annually in technological upgrades from 2024 through 2026.",
        [
            O("Jiangsu Provincial Department of Industry and Information Technology"),
            M("500 to 600 billion yuan", "500000000000", "CNY", high="600000000000"),
            D("2024 through 2026", "2024-01-01", "2026-12-31", "range"),
        ],
    ),
    (
        "2023-09-15",
        "Xiamen-based Contemporary Amperex Technology Co., Limited (CATL) plans to invest 13 billion yuan in a new battery plant, the company announced on September 12.",
        [
            O("Contemporary Amperex Technology Co., Limited"),
            O("CATL", "Contemporary Amperex Technology Co., Limited"),
            M("13 billion yuan", "13000000000", "CNY"),
            D("September 12", "2023-09-12", "2023-09-12", "day"),
        ],
    ),
    (
        "2023-09-15",
        "Fujian's lithium battery, stainless steel, and copper and aluminum processing industries have each formed production capacity worth over 100 billion yuan.",
        [
            C("lithium battery", "lithium batteries"),
            C("stainless steel"),
            C("copper and aluminum processing"),
            M("100 billion yuan", "100000000000", "CNY", qualifier="over", each="true"),
        ],
    ),
    (
        "2023-09-15",
        "The province recorded actual use of foreign capital of 23.19 billion yuan in the first eight months, down 12.4% year-on-year.",
        [
            M("23.19 billion yuan", "23190000000", "CNY"),
            D("first eight months", "2023-01-01", "2023-08-31", "range"),
            P("12.4%", "12.4"),
        ],
    ),
    (
        "2023-09-15",
        "The Fujian Provincial Committee of the Communist Party of China co-hosted the forum in late August.",
        [
            O("Fujian Provincial Committee of the Communist Party of China"),
            D("late August", "2023-08-01", "2023-08-31", "month"),
        ],
    ),
    (
        "2024-02-20",
        "Chongqing will build a modern manufacturing cluster system featuring three trillion-yuan-level industrial clusters and three 500-billion-yuan-level pillar clusters.",
        [
            M("trillion-yuan-level", "1000000000000", "CNY", qualifier="level", each="true"),
            M("500-billion-yuan-level", "500000000000", "CNY", qualifier="level", each="true"),
        ],
    ),
    (
        "2024-02-20",
        "In January, 18 key projects with a total investment of 46.2 billion yuan started construction, or 460 100 million yuan in the Chinese report.",
        [
            D("January", "2024-01-01", "2024-01-31", "month"),
            M("46.2 billion yuan", "46200000000", "CNY"),
            M("460 100 million yuan", "46000000000", "CNY"),
        ],
    ),
    (
        "2024-02-20",
        "The Liangjiang New Area Management Committee expects the software and information service industry to reach 100 billion yuan, up from 62 billion yuan at the end of last year.",
        [
            O("Liangjiang New Area Management Committee"),
            C("software and information service", "software and information services"),
            M("100 billion yuan", "100000000000", "CNY"),
            M("62 billion yuan", "62000000000", "CNY"),
            D("end of last year", "2023-12-31", "2023-12-31", "day"),
        ],
    ),
    (
        "",
        "Beijing's per capita GDP exceeded $28,000 last year, while household savings stood at around ¥30,000 per person.",
        [
            M("$28,000", "28000", "USD", qualifier="over"),
            M("¥30,000", "30000", "CNY", qualifier="approx"),
        ],
    ),
    (
        "",
        "Foreign investors poured €1.2bn into the Yangtze River Delta, the EU Chamber of Commerce said.",
        [
            M("€1.2bn", "1200000000", "EUR"),
            O("EU Chamber of Commerce"),
        ],
    ),
    (
        "",
        "The Hong Kong government allocated HK$10 billion to the Northern Metropolis project, while Macao's gaming revenue reached MOP 183 billion in 2023.",
        [
            M("HK$10 billion", "10000000000", "HKD"),
            M("MOP 183 billion", "183000000000", "MOP"),
            D("2023", "2023-01-01", "2023-12-31", "year"),
        ],
    ),
    (
        "",
        "Guizhou's big data industry grew by 20-25% annually during the 13th Five-Year Plan period.",
        [
            C("big data"),
            P("20-25%", "20", high="25"),
            D("13th Five-Year Plan", "2016-01-01", "2020-12-31", "range"),
        ],
    ),
    (
        "",
        "The fund will be worth 5 billion to 10 billion yuan, according to Shenzhen Investment Holdings Co., Ltd.",
        [
            M("5 billion to 10 billion yuan", "5000000000", "CNY", high="10000000000"),
            O("Shenzhen Investment Holdings Co., Ltd."),
        ],
    ),
    (
        "2024-09-10",
        "Shaanxi's output of the hydrogen energy industry is expected to reach 50 billion yuan by 2027, the Shaanxi Provincial Development and Reform Commission said.",
        [
            C("hydrogen energy"),
            M("50 billion yuan", "50000000000", "CNY"),
            D("2027", "2027-01-01", "2027-12-31", "year", qualifier="by"),
            O("Shaanxi Provincial Development and Reform Commission"),
        ],
    ),
    (
        "2024-09-10",
        "Xi'an will accelerate the development of six pillar industries: advanced manufacturing, cultural tourism, modern logistics, high-tech, modern finance, and convention and exhibition.",
        [
            C("advanced manufacturing"),
            C("cultural tourism"),
            C("modern logistics"),
            C("high-tech", "high tech"),
            C("modern finance"),
            C("convention and exhibition"),
        ],
    ),
    (
        "2024-09-10",
        "Yunnan's tourism revenue hit 1.44 trillion yuan in the first eight months, an increase of 17.8% over the same period last year.",
        [
            M("1.44 trillion yuan", "1440000000000", "CNY"),
            D("first eight months", "2024-01-01", "2024-08-31", "range"),
            P("17.8%", "17.8"),
            D("same period last year", "2023-01-01", "2023-08-31", "range"),
        ],
    ),
    (
        "2024-09-10",
        "Guangxi exported goods worth 289.6 billion yuan to ASEAN countries in the first half, accounting for 51.7 percent of its foreign trade.",
        [
            M("289.6 billion yuan", "289600000000", "CNY"),
            O("ASEAN"),
            D("first half", "2024-01-01", "2024-06-30", "half"),
            P("51.7 percent", "51.7"),
        ],
    ),
    (
        "2024-09-10",
        "The Tianjin Municipal Bureau of Commerce said the city's retail sales fell 1.2 percent in August from a year earlier.",
        [
            O("Tianjin Municipal Bureau of Commerce"),
            P("1.2 percent", "1.2"),
            D("August", "2024-08-01", "2024-08-31", "month"),
        ],
    ),
    (
        "2024-09-10",
        "Liaoning plans to invest no less than 10 billion yuan in the equipment manufacturing and petrochemical industries by the end of next year.",
        [
            M("10 billion yuan", "10000000000", "CNY", qualifier="at_least"),
            C("equipment manufacturing"),
            C("petrochemical", "petrochemicals"),
            D("end of next year", "2025-12-31", "2025-12-31", "day", qualifier="by"),
        ],
    ),
    (
        "2024-09-10",
        "Heilongjiang's grain output reached 77.88 million tonnes last year, while its agricultural product processing industry generated revenue of 335 billion yuan.",
        [
            D("last year", "2023-01-01", "2023-12-31", "year"),
            C("agricultural product processing"),
            M("335 billion yuan", "335000000000", "CNY"),
        ],
    ),
    (
        "2024-09-10",
        "The Ningxia Hui Autonomous Region will support industries such as new materials, clean energy, and wine, with a special fund of up to 2 billion yuan.",
        [
            C("new materials"),
            C("clean energy"),
            C("wine"),
            M("2 billion yuan", "2000000000", "CNY", qualifier="at_most"),
        ],
    ),
    (
        "2024-09-10",
        "Inner Mongolia's wind and solar power capacity exceeded 100 million kilowatts by the end of June, up 30 percent from the end of last year.",
        [
            D("end of June", "2024-06-30", "2024-06-30", "day", qualifier="by"),
            P("30 percent", "30"),
            D("end of last year", "2023-12-31", "2023-12-31", "day"),
        ],
    ),
    (
        "2024-09-10",
        "Qingdao Haier Co., Ltd. reported net profit of 16.6 billion yuan for 2023, up 12.8% year-on-year.",
        [
            O("Qingdao Haier Co., Ltd."),
            M("16.6 billion yuan", "16600000000", "CNY"),
            D("2023", "2023-01-01", "2023-12-31", "year"),
            P("12.8%", "12.8"),
        ],
    ),
    (
        "2024-09-10",
        "The State Council Information Office (SCIO) held a press conference on September 5 on the high-quality development of the western region.",
        [
            O("State Council Information Office"),
            O("SCIO", "State Council Information Office"),
            D("September 5", "2024-09-05", "2024-09-05", "day"),
        ],
    ),
    # A series "A, B and C industries": the last "and" ends the series; a name that holds
    # "and" ("medicine and health") is in the lexicon; the series' own ", and" keeps what follows whole.
    (
        "2025-03-12",
        "The Guangxi Zhuang Autonomous Region has set up a fund of 10 billion yuan to support the digital economy, biomedicine and marine industries.",
        [
            M("10 billion yuan", "10000000000", "CNY"),
            C("digital economy"),
            C("biomedicine"),
            C("marine"),
        ],
    ),
    (
        "2024-08-02",
        "Yunnan will expand its tea, flowers and coffee industries, while Anhui's electronics, medicine and health industries grew fastest in July.",
        [
            C("tea"),
            C("flowers"),
            C("coffee"),
            C("electronics"),
            C("medicine and health"),
            D("July", "2024-07-01", "2024-07-31", "month"),
        ],
    ),
    (
        "2024-11-20",
        "Companies from the clean energy and hydrogen industries met in Ordos, where the textile and garment industry employs 40,000 people.",
        [
            C("clean energy"),
            C("hydrogen"),
            C("textile and garment", "textiles and garments"),
        ],
    ),
    # A name before "on" + a date ends at its head; a possessive head ends the name before "'s".
    (
        "2024-09-10",
        "The company raised 1.2 billion yuan ($166 million) when it listed on the Shanghai Stock Exchange on September 5.",
        [
            M("1.2 billion yuan", "1200000000", "CNY"),
            M("$166 million", "166000000", "USD"),
            O("Shanghai Stock Exchange"),
            D("September 5", "2024-09-05", "2024-09-05", "day"),
        ],
    ),
    (
        "2024-06-03",
        "Shares of 12 Hunan firms rose on the Shenzhen Stock Exchange's ChiNext board after the Changsha Municipal Government's briefing on Monday.",
        [
            O("Shenzhen Stock Exchange"),
            O("Changsha Municipal Government"),
            D("Monday", "2024-06-03", "2024-06-03", "day"),
        ],
    ),
    # "X core industries": "core" stands between the industry and its head word.
    (
        "2024-01-05",
        "Zhejiang saw its digital economy core industries generate added value of 928.9 billion yuan, while the core industries of Hangzhou grew 6 percent.",
        [
            C("digital economy"),
            M("928.9 billion yuan", "928900000000", "CNY"),
            P("6 percent", "6"),
        ],
    ),
    # A change in points "to" a level in percent is two mentions, not a range.
    (
        "2025-03-12",
        "In H1 2024, gross margin fell by 2 percentage points to 41.5%, mainly due to price cuts in the second half of last year.",
        [
            D("H1 2024", "2024-01-01", "2024-06-30", "half"),
            P("2 percentage points", "2", unit="percentage_point"),
            P("41.5%", "41.5"),
            D("second half of last year", "2024-07-01", "2024-12-31", "half"),
        ],
    ),
    # Industrial chains are classified by tier like clusters.
    (
        "2025-03-12",
        "Jiangxi will cultivate five 100-billion-yuan industrial clusters and ten 10-billion-yuan industrial chains by 2030.",
        [
            M("100-billion-yuan", "100000000000", "CNY", qualifier="level", each="true"),
            M("10-billion-yuan", "10000000000", "CNY", qualifier="level", each="true"),
            D("2030", "2030-01-01", "2030-12-31", "year", qualifier="by"),
        ],
    ),
    # "include" ends a list item on its left; the list after it is found once.
    (
        "2024-12-01",
        "The province's strategic emerging industries include new-generation information technology, high-end equipment manufacturing, new materials, biotechnology, and green and low-carbon industries.",
        [
            C("new-generation information technology", "new generation information technology"),
            C("high-end equipment manufacturing", "high end equipment manufacturing"),
            C("new materials"),
            C("biotechnology"),
            C("green and low-carbon", "green and low carbon"),
        ],
    ),
    # A count before a hyphenated tier ("three trillion-yuan industries:") makes a counted list.
    (
        "2024-12-01",
        "Hunan is home to three trillion-yuan industries: advanced manufacturing, culture and tourism, and agriculture.",
        [
            M("trillion-yuan", "1000000000000", "CNY", qualifier="level", each="true"),
            C("advanced manufacturing"),
            C("culture and tourism"),
            C("agriculture"),
        ],
    ),
    # Two bodies joined by "and": "X of <place>" ends the first, a head after "and" starts the second.
    (
        "2024-12-01",
        "The forum was co-organized by the Ministry of Industry and Information Technology, the People's Bank of China and Tsinghua University.",
        [
            O("Ministry of Industry and Information Technology"),
            O("People's Bank of China"),
            O("Tsinghua University"),
        ],
    ),
    # The last items of a list run together before a singular head stay the list's items.
    (
        "2024-10-18",
        "Henan has built seven advanced manufacturing clusters, including equipment manufacturing, green food, automobile, modern pharmaceutical and modern light industry.",
        [
            C("equipment manufacturing"),
            C("green food"),
            C("automobile", "automobiles"),
            C("modern pharmaceutical"),
            C("modern light"),
        ],
    ),
    # "Industry" inside an event's or a body's name heads no industry; a headline's verb ends the phrase.
    (
        "2024-11-15",
        "The 2024 China International Big Data Industry Expo, hosted by the China Semiconductor Industry Association, opened in Guiyang in late August.",
        [
            O("China Semiconductor Industry Association"),
            D("late August", "2024-08-01", "2024-08-31", "month"),
        ],
    ),
    ("2024-11-15", "Hubei Unveils Plan to Build Optoelectronics Industry Cluster", [C("Optoelectronics", "optoelectronics")]),
    # Stock exchanges in a ticker note are organizations.
    (
        "2024-05-20",
        "Zhihu Inc. (NYSE: ZH; HKEX: 2390) today announced total revenues of RMB995.9 million (US$137.9 million) for the first quarter ended March 31, 2024.",
        [
            O("Zhihu Inc."),
            O("NYSE"),
            O("HKEX"),
            D("today", "2024-05-20", "2024-05-20", "day"),
            M("RMB995.9 million", "995900000", "CNY"),
            M("US$137.9 million", "137900000", "USD"),
            D("first quarter", "2024-01-01", "2024-03-31", "quarter"),
            D("March 31, 2024", "2024-03-31", "2024-03-31", "day"),
        ],
    ),
    # "half a" is a number before a scale or a unit; "half a year" is a duration.
    (
        "2024-03-01",
        "Exports to ASEAN reached half a billion US dollars after half a year, and the tariff rate fell half a percentage point.",
        [
            O("ASEAN"),
            M("half a billion US dollars", "500000000", "USD"),
            P("half a percentage point", "0.5", unit="percentage_point"),
        ],
    ),
    # A capitalized "Industry" inside a sentence ends a company's name, not an industry.
    (
        "2022-08-25",
        "Changsha's construction machinery industry generated revenue of 280 billion yuan in 2021, led by Sumitomo Heavy Industries and Sany Heavy Industry.",
        [
            C("construction machinery"),
            M("280 billion yuan", "280000000000", "CNY"),
            D("2021", "2021-01-01", "2021-12-31", "year"),
            O("Sany Heavy Industry"),
        ],
    ),
    # A place name starts no industry name; "and related" is no part of one; a headline's verb ends the phrase.
    ("2023-02-14", "Guiyang Pushes Big Data Sector Forward", [C("Big Data", "big data")]),
    (
        "2023-02-14",
        "The revenue of Guiyang's big data and related industries rose 18 percent, while the Zunyi traditional Chinese medicine industry grew.",
        [
            C("big data"),
            P("18 percent", "18"),
            C("traditional Chinese medicine", "traditional chinese medicine"),
        ],
    ),
]
KNOWN_GAPS = [
    # A list of industries with no trigger word before it: only the one before "industries" ends is found.
    (
        "2024-05-20",
        "Hainan's tourism, modern services, high-tech industries and tropical high-efficiency agriculture account for 70 percent of its GDP.",
        [
            C("tourism"),
            C("modern services"),
            C("high-tech"),
            C("tropical high-efficiency agriculture"),
            P("70 percent", "70"),
        ],
    ),
]


def _label(index: int, text: str) -> str:
    return f"{index:02d}-" + "-".join(text.split()[:3]).strip(".,'\"").lower()


def _compare(extractor: Extractor, doc_date: str, sentence: str, expected: list[Expected]) -> None:
    mentions = [m for m in run(extractor, sentence, doc_date or None) if m.label.value != "QUANTITY"]
    got = [(m.label.value, m.text) for m in mentions]
    assert got == [(label, text) for label, text, _ in expected]
    for mention, (label, text, values) in zip(mentions, expected):
        row = cells(mention)
        wrong = {k: (row[k], v) for k, v in values.items() if row[k] != v}
        assert not wrong, f"{label} {text!r}: (got, expected) {wrong}"


@pytest.mark.parametrize("doc_date,sentence,expected", SENTENCES, ids=[_label(i, s[1]) for i, s in enumerate(SENTENCES)])
def test_composed_release_sentence(rules: Extractor, doc_date: Any, sentence: Any, expected: Any) -> None:
    _compare(rules, doc_date, sentence, expected)


@pytest.mark.parametrize(
    "doc_date,sentence,expected",
    [pytest.param(*row, marks=pytest.mark.xfail(strict=True, reason="known gap")) for row in KNOWN_GAPS],
    ids=[_label(i, s[1]) for i, s in enumerate(KNOWN_GAPS)],
)
def test_known_gaps(rules: Extractor, doc_date: Any, sentence: Any, expected: Any) -> None:
    _compare(rules, doc_date, sentence, expected)


def test_there_are_enough_rows() -> None:
    assert len(SENTENCES) >= 60
