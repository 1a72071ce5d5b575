"""ORG: spans and canonical names from the rules (blank pipeline), then the model's filters."""

from typing import Any

import pytest

from pipeline.analyse.extractor import Extractor

from .conftest import check, run

ROWS = [
    # ANNOTATION.md, ORG
    ("zone-inside-name", "According to Chongqing Liangjiang New Area Management Committee, it grew.", "Chongqing Liangjiang New Area Management Committee", None),
    ("title-before-name", "Xu Lin, CTO of SERES Group, said so.", "SERES Group", None),
    (
        "acronym-defined",
        "Zhang Yan is President of the China Academy of Information and Communications Technology (CAICT) West China.",
        "CAICT",
        "China Academy of Information and Communications Technology",
    ),
    (
        "long-form-before-acronym",
        "Zhang Yan is President of the China Academy of Information and Communications Technology (CAICT) West China.",
        "China Academy of Information and Communications Technology",
        "China Academy of Information and Communications Technology",
    ),
    ("newswire", "CHONGQING, China, July 15, 2024 (GLOBE NEWSWIRE) -- The district grew.", "GLOBE NEWSWIRE", None),
    ("prnewswire", "CHONGQING, China, Jan. 17, 2021 /PRNewswire/ -- On January 15, it met.", "PRNewswire", None),
    # government bodies, committees, commissions
    ("government-of", "Source: Yubei District People's Government of Chongqing Municipality", "Yubei District People's Government of Chongqing Municipality", None),
    ("commission-and", "The Chongqing Municipal Development and Reform Commission will support it.", "Chongqing Municipal Development and Reform Commission", None),
    (
        "cppcc-expanded",
        "He is a member of the Chongqing Municipal Committee of the Chinese People's Political Consultative Conference and of the Chongqing Municipal Committee of CPPCC.",
        "Chongqing Municipal Committee of CPPCC",
        "Chongqing Municipal Committee of the Chinese People's Political Consultative Conference",
    ),
    ("nested-committee", "He is a member of the Education Work Committee of the CPC Chongqing Municipal Committee.", "Education Work Committee of the CPC Chongqing Municipal Committee", None),
    ("ministry", "The Ministry of Industry and Information Technology (MIIT) issued the plan.", "Ministry of Industry and Information Technology", None),
    ("bureau-of", "The Guangdong Provincial Bureau of Statistics said so.", "Guangdong Provincial Bureau of Statistics", None),
    ("university", "The University of Science and Technology of China hosts labs.", "University of Science and Technology of China", None),
    ("company-suffix", "BYD Co., Ltd. signed the deal.", "BYD Co., Ltd.", None),
    ("company-long", "Huawei Technologies Co., Ltd. signed the deal.", "Huawei Technologies Co., Ltd.", None),
    ("company-based", "Xiamen-based Contemporary Amperex Technology Co., Limited (CATL) will invest.", "CATL", "Contemporary Amperex Technology Co., Limited"),
    ("newspaper", "Chongqing Daily:\n\nHow can Chongqing grow?", "Chongqing Daily", None),
    ("website-glued", "Send your storiesGet more from China.org.cnMobileRSSNewsletter", "China.org.cn", None),
    ("media-center", "(The original author is Guo Shuyu from Liangjiang New Area Media Center)", "Liangjiang New Area Media Center", None),
    ("source-label", "SOURCE Hainan Provincial Department of Commerce", "Hainan Provincial Department of Commerce", None),
    ("party", "The Communist Party of China (CPC) leads.", "Communist Party of China", None),
    # credits, bylines and source lines name the publisher
    ("photo-credit-slash", "Workers assemble batteries in Yibin, May 4, 2023. [Photo/Sichuan Daily]", "Sichuan Daily", None),
    ("copyright-line", "Copyright\u00a92025 Hainan Daily. All rights reserved.", "Hainan Daily", None),
    ("caps-byline", "By WANG QIAN China Daily Updated: 2024-03-01", "China Daily", None),
    ("source-domain", "Source: jiangxi.gov.cn 2021/06/08 09:30", "jiangxi.gov.cn", None),
    ("source-glued", "Source:InvestGuangxi  Date:3/2/2022", "InvestGuangxi", None),
    ("header-domain", "Ningbo port throughput hits new high | english.ningbo.gov.cn", "english.ningbo.gov.cn", None),
    # the gazetteer of public company, media and body names
    ("gazetteer-automaker", "Leapmotor delivered 40,000 cars in May.", "Leapmotor", None),
    ("gazetteer-caps-brand", "XPENG opened 30 new stores in the quarter.", "XPENG", None),
    ("gazetteer-wire", "HAIKOU, March 2 (Xinhua Silkroad) -- The port grew.", "Xinhua Silkroad", None),
    ("acronym-not-inside-longer", "The site was inscribed by UNESCO last year.", "UNESCO", None),
    ("place-before-company", "Since 2021, Hunan Geely has doubled its output.", "Hunan Geely", None),
    ("listed-companies", "The zone hosts 40 firms such as Wingtech, Sunlord Electronic and Goodix, officials said.", "Sunlord Electronic", None),
    ("listed-companies-of-place", "There are 30 enterprises of Hefei including Gotion, Sungrow and Longcheer.", "Longcheer", None),
    ("company-descriptor", "Last year Leapmotor Technology sold 300,000 cars.", "Leapmotor Technology", None),
    ("wire-partner", "SHENZHEN, China, March 3, 2023, /PRNewswire=YONHAP JBN/-- The city grew.", "YONHAP JBN", None),
    ("layout-gap", "Updated: Mar 5,2019 10:21 AM     Hubei Daily", "Hubei Daily", None),
    ("short-name-later", "The Anhui Tianlun Automotive Corporation opened a plant. Tianlun's new factory employs 800.", "Tianlun", None),
    ("menu-after-name", "People's Government of Anhui Province Mobile", "People's Government of Anhui Province", None),
]
COORDINATED = "Li Jie is a member of the Party Work Committee and Administrative Committee of the Chongqing Liangjiang New Area."
NOT_ORG = [
    ("place", "Chongqing held a press conference."),
    ("zone", "It uses the Chongqing Pilot Free Trade Zone."),
    ("new-area", "Liangjiang New Area is growing."),
    ("park", "Starting with Chongqing Automobile Software Park, it will build parks."),
    ("science-center-zone", "Driven by the Chengdu-Chongqing Comprehensive Science Center (Jinfeng), it grows."),
    ("descriptive", "Yubei is growing, the local People's Government stated."),
    ("lowercase-body", "A senior official with the area's management committee spoke."),
    ("email", "For any inquiries, please email service@ichongqing.info"),
    ("company-inside-park-name", "Key projects include the Hefei NIO Intelligent Manufacturing Industrial Park."),
    ("source-not-a-name", "Source: the city's statistics bureau."),
    ("breadcrumb", "Home   >   Media Center   >   Zone News"),
]


@pytest.mark.parametrize("sentence,span,canonical", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_org(rules: Extractor, sentence: Any, span: Any, canonical: Any) -> None:
    check(run(rules, sentence), "ORG", span, canonical=canonical or span.replace("\xa0", " "))


def test_tickers_after_an_exchange_are_no_orgs(rules: Extractor) -> None:
    orgs = [m.text for m in run(rules, "NIO Inc. (NYSE: NIO; HKEX: 9866; SGX: NIO) reported results.") if m.label.value == "ORG"]
    assert orgs == ["NIO Inc.", "NYSE", "HKEX"]


def test_a_short_name_is_never_a_common_word(rules: Extractor) -> None:
    text = "The Wuhan Information Technology Corporation opened. Information is key, and information flows."
    assert [m.text for m in run(rules, text) if m.label.value == "ORG"] == ["Wuhan Information Technology Corporation"]


def test_coordinated_committees_are_split(rules: Extractor) -> None:
    mentions = run(rules, COORDINATED)
    check(mentions, "ORG", "Party Work Committee", canonical="Party Work Committee of the Chongqing Liangjiang New Area")
    check(mentions, "ORG", "Administrative Committee of the Chongqing Liangjiang New Area")


@pytest.mark.parametrize("sentence", [r[1] for r in NOT_ORG], ids=[r[0] for r in NOT_ORG])
def test_not_org(rules: Extractor, sentence: Any) -> None:
    assert [m.text for m in run(rules, sentence) if m.label.value == "ORG"] == []


@pytest.mark.model
class TestModelOrgs:
    def test_company_named_again_mid_sentence_is_kept(self, model: Extractor) -> None:
        text = "Sungrow opened a plant in the zone last year. The plant will supply Sungrow dealers, and Sungrow will hire 500 workers."
        orgs = [(m.text, m.start) for m in run(model, text) if m.label.value == "ORG"]
        assert orgs == [("Sungrow", 0), ("Sungrow", 68), ("Sungrow", 89)]  # the opening word too: the name recurs

    def test_lexicon_name_gives_way_to_the_longer_company_name(self, model: Extractor) -> None:
        text = "Suppliers include Hefei Changan Automobile Manufacturing and Wuhan Hisense Electronics, officials said."
        orgs = [m.text for m in run(model, text) if m.label.value == "ORG"]
        assert "Changan" not in orgs and "Hisense" not in orgs

    def test_a_name_found_once_is_a_name_where_it_recurs(self, model: Extractor) -> None:
        text = "The plant of Kawasaki Heavy Industries Xinyu Gas Turbine (Nanjing) opened in May. Officials said Kawasaki Heavy Industries Xinyu Gas Turbine would hire 300 workers."
        second = text.rindex("Kawasaki")
        orgs = [(m.text, m.start) for m in run(model, text) if m.label.value == "ORG"]
        assert ("Kawasaki Heavy Industries Xinyu Gas Turbine", second) in orgs

    def test_a_place_named_with_its_level_is_no_org_anywhere(self, model: Extractor) -> None:
        text = "In the city's Nanhai district, there are 2,000 furniture makers. Nanhai also makes ceramics."
        assert [m.text for m in run(model, text) if m.label.value == "ORG"] == []

    def test_bracketed_city_is_part_of_the_name(self, model: Extractor) -> None:
        text = "The deal was signed with Sino Star Health Technology (Chengdu) in June."
        assert "Sino Star Health Technology (Chengdu)" in [m.text for m in run(model, text) if m.label.value == "ORG"]

    def test_company_without_head_word(self, model: Extractor) -> None:
        mentions = run(model, "The city invested in companies such as Changxin Memory Technologies last year.")
        find_any = [m.text for m in mentions if m.label.value == "ORG"]
        assert "Changxin Memory Technologies" in find_any

    @pytest.mark.parametrize(
        "sentence",
        [
            "Fan Lixin spoke first. Fan explained that Chongqing would grow.",  # a surname, not an ORG
            "It is among the first tier in Chongqing. (Photo/Yang Qifan)",  # a photo credit
            "WUHAN, June 12 (Xinhua) -- Hubei unveiled a plan.",  # a dateline city
            "New Era, New Journey, New Chongqing",  # a slogan line
            "By continuing you agree to our revised Privacy Policy and Terms of Use.",
            "It is one of the largest makers of laptops and LCD panels.",
            "WUZHONG, China, March 3, 2025 /PRNewswire/ -- The district will host the expo.",  # dateline, any city
            "The plan was adopted.\n\nEfforts are being made to expand exports of new energy vehicles.",  # an opening word
            "Companies will be encouraged to work with universities and research institutes.",
            "Zhang Hongming, a member of the Standing Committee, attended the meeting.",  # surname + given name
            "Starting with Guangzhou Automobile Software Park, the city built three software hubs.",  # cut from a park
            "In 2019, Lanzhou manufactured 6.8 million vehicles, up 5 percent.",  # a city
            "In addition, Nansha will take the opportunity of being a pilot zone for data exports.",  # a district
            "The Memorandum of Understanding on Cooperation Between Hubei & Hong Kong was signed in Wuhan.",  # a document's title
            "Sanya, a city in south China's HainanProvince, welcomed tourists.",  # a place glued to its level
            "The Yangtze River Economic Belt will grow.",  # a region
            "The Modern Agricultural Science and Technology Demonstration Area of China opened.",  # a zone "of" a place
            "The GMP certificate and FDI inflows were reported.",  # abbreviations of things
            "In the list of Key Software Enterprises for 2023, 20 firms were named.",  # a list's title
            "Exports rose, said the report of the Wuxi municipal government, Wux",  # cut at the end
        ],
        ids=[
            "surname",
            "photo-credit",
            "dateline-city",
            "slogan",
            "site-furniture",
            "product",
            "dateline-any-city",
            "opening-word",
            "opening-word-2",
            "person",
            "cut-from-park",
            "city",
            "district",
            "document-title",
            "glued-level",
            "region",
            "zone-of-place",
            "abbreviations",
            "list-title",
            "cut-at-end",
        ],
    )
    def test_model_mistakes_are_filtered(self, model: Extractor, sentence: Any) -> None:
        orgs = [m.text for m in run(model, sentence) if m.label.value == "ORG" and m.rule.startswith("en_core")]
        assert orgs == []


def test_repeated_names_are_found_where_the_whole_name_stands() -> None:
    """The repeat finder's plain-string search agrees with the regex it replaces,
    (?<![\\w-])name(?![\\w-]), on composed texts with names at edges, in words and after hyphens."""
    import random
    import re

    from pipeline.rules.orgs import _whole_word_occurrences

    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice("ab -_é1.") for _ in range(rng.randint(0, 30)))
        name = "".join(rng.choice("ab é") for _ in range(rng.randint(1, 4)))
        expected = [m.start() for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)]
        assert _whole_word_occurrences(text, name) == expected, (text, name)
    assert _whole_word_occurrences("Geely Auto and Geely Automobile; Geely Auto-", "Geely Auto") == [0]
