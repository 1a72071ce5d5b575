"""CLUSTER: list constructions, "X industry", abbreviations, repeats; spans and canonicals."""

from typing import Any

import pytest

from pipeline.analyse.extractor import Extractor

from .conftest import run

ROWS = [
    # lists of industries of the national classification, without a trigger
    (
        "classification-list",
        "Last year the county's economy rested on furniture, tobacco, building materials and non-ferrous metals, officials said.",
        ["furniture", "tobacco", "building materials", "non-ferrous metals"],
    ),
    (
        "classification-pairs",
        "By sector, wholesale and retail, accommodation and catering, and real estate grew by 4.1 percent, 6.3 percent and 2.2 percent respectively.",
        ["wholesale and retail", "accommodation and catering", "real estate"],
    ),
    (
        "classification-divisions",
        "Investment went mainly to papermaking, chemical fibers, shipbuilding and instrumentation in the first quarter.",
        ["papermaking", "chemical fibers", "shipbuilding", "instrumentation"],
    ),
    # ANNOTATION.md and seed-style lists
    (
        "clusters-of",
        "The six characteristic industrial clusters of integrated circuits, intelligent equipment, advanced materials, biomedicine, new energy, and new energy storage will be developed.",
        ["integrated circuits", "intelligent equipment", "advanced materials", "biomedicine", "new energy", "new energy storage"],
    ),
    (
        "such-as-oxford",
        "The city will target new fields, such as satellite Internet, artificial intelligence, and green and low-carbon development.",
        ["satellite Internet", "artificial intelligence", "green and low-carbon development"],
    ),
    (
        "leading-colon",
        "We will focus on building three leading industrial clusters: intelligent connected new energy vehicles, next-generation electronic information manufacturing, and advanced materials.",
        ["intelligent connected new energy vehicles", "next-generation electronic information manufacturing", "advanced materials"],
    ),
    (
        "count-keeps-and",
        "We will build three pillar industrial clusters: intelligent equipment and intelligent manufacturing, food and agricultural product processing, and software information services.",
        ["intelligent equipment and intelligent manufacturing", "food and agricultural product processing", "software information services"],
    ),
    (
        "count-merges",
        "Three pillar industries are also prioritized: new energy and new-type storage, life health, smart equipment, and manufacturing.",
        ["new energy and new-type storage", "life health", "smart equipment, and manufacturing"],
    ),
    ("count-splits", "Yubei has set its sights on the two leading industries of automotive and electronics.", ["automotive", "electronics"]),
    (
        "and-the",
        "They include six clusters, including new-type displays, lightweight alloy materials, new energy and the new energy storage industry.",
        ["new-type displays", "lightweight alloy materials", "new energy", "new energy storage"],
    ),
    ("industry-word", "Improve the electronic information industry in strength and quality.", ["electronic information"]),
    ("industries-fixed-name", "The district supports the commercial and trade industries.", ["commercial and trade"]),
    ("sector", "The bio-medicine sector will be a priority.", ["bio-medicine"]),
    (
        "encompassing",
        "It is a priority in the life health industry, encompassing chemicals, bio-products, modern Chinese medicine, medical devices, and contract research organization services.",
        ["life health", "chemicals", "bio-products", "modern Chinese medicine", "medical devices", "contract research organization services"],
    ),
    ("represented-by", "It formed clusters represented by intelligent terminals and the software and information industry.", ["intelligent terminals", "software and information"]),
    ("with-such-as", "We will support enterprises in industries with comparative advantages, such as automobiles and electronics, to grow.", ["automobiles", "electronics"]),
    ("advantage-in", "Sichuan boasts an industry-leading advantage in intelligent networking and auto parts.", ["intelligent networking", "auto parts"]),
    # other provinces
    (
        "key-industries-are",
        "The city's six key industries are electronic information, equipment manufacturing, medicine and health, new materials, green food, and aerospace.",
        ["electronic information", "equipment manufacturing", "medicine and health", "new materials", "green food", "aerospace"],
    ),
    (
        "in-fields-such-as",
        "It aims to cultivate hundred-billion-yuan industrial clusters in fields such as integrated circuits, high-end software, and intelligent photovoltaics.",
        ["integrated circuits", "high-end software", "intelligent photovoltaics"],
    ),
    (
        "dash-aside",
        "The city's three leading industries -- integrated circuits, biomedicine and artificial intelligence -- generated output of 1.6 trillion yuan.",
        ["integrated circuits", "biomedicine", "artificial intelligence"],
    ),
    (
        "covering-list-ends",
        "Its 28 key industrial chains, covering new materials, electronic information, and modern medicine, contributed over 50% of the growth.",
        ["new materials", "electronic information", "modern medicine"],
    ),
    ("comma-list-before-head", "The city nurtured new display, integrated circuit, and new energy vehicle clusters.", ["new display", "integrated circuit", "new energy vehicle"]),
    ("two-known-industries", "The semiconductor and integrated circuit industry will exceed 400 billion yuan.", ["semiconductor", "integrated circuit"]),
    ("fixed-compound", "The optical fiber and cable industry will get support.", ["optical fiber and cable"]),
    (
        "emerging-such-as",
        "The province plans to develop emerging industries such as commercial aerospace, deep-sea technology, and seed industry.",
        ["commercial aerospace", "deep-sea technology", "seed"],
    ),
    (
        "broad-item-of-a-list",
        "The city will develop seven strategic emerging industries, including the digital economy, biomedicine and new materials.",
        ["digital economy", "biomedicine", "new materials"],
    ),
    (
        "known-items-without-trigger",
        "The list has 112 opportunities in hydrogen energy, photovoltaics, semiconductors and the digital economy.",
        ["hydrogen energy", "photovoltaics", "semiconductors", "digital economy"],
    ),
    ("anywhere-name", "It will promote the innovative development of the industrial Internet.", ["industrial Internet"]),
    # known names in the other number, list items joined by phrases, headed items as known ones
    (
        "known-in-plural",
        "Subsidies will go to firms in next-generation information technologies, big data, biopharmacy and smart manufacturing.",
        ["next-generation information technologies", "big data", "biopharmacy", "smart manufacturing"],
    ),
    (
        "as-well-as-in-trigger-list",
        "The county's featured industries include tea, new materials as well as cultural tourism and creativity.",
        ["tea", "new materials", "cultural tourism and creativity"],
    ),
    (
        "in-addition-to-joins-a-list",
        "The town specialises in furniture, textiles and ceramics, in addition to footwear and papermaking, officials said.",
        ["furniture", "textiles", "ceramics", "footwear", "papermaking"],
    ),
    (
        "headed-items-make-a-list",
        "The signed projects cover logistics, the modern service industry and high-tech industries.",
        ["logistics", "modern service", "high-tech"],
    ),
    (
        "plural-head-two-named-industries",
        "Its sensors sell well in the smart home appliances and automotive electronics industries.",
        ["smart home appliances", "automotive electronics"],
    ),
    (
        "consist-of-counted",
        "The three leading industries consist of rail transit, engineering machinery and food processing.",
        ["rail transit", "engineering machinery", "food processing"],
    ),
    (
        "series-split-and-broad-last-item",
        "The zone will prioritize TCM, tourism and exhibitions, green finance, cultural creation, and new and high-tech industries.",
        ["TCM", "tourism", "exhibitions", "green finance", "cultural creation", "new and high-tech"],
    ),
    ("series-known-pair", "The county will develop furniture, food and beverages, and textile industries.", ["furniture", "food and beverages", "textile"]),
    (
        "series-of-headed-items",
        "Its pillars are the auto parts industrial cluster, machinery and equipment industrial cluster, trade and logistics industrial cluster and the financial services industrial cluster.",
        ["auto parts", "machinery and equipment", "trade and logistics", "financial services"],
    ),
    ("industrial-park-with-abbreviation", "The city will open a city-level virtual reality (VR) industrial park next year.", ["virtual reality", "VR"]),
    ("ordinal-before-industry", "It houses Sichuan's first chemical industrial parks in the province.", ["chemical"]),
    ("list-after-dash", "The district is attracting two industries of the new economy -- fintech and e-commerce.", ["fintech", "e-commerce"]),
    ("capitals-no-pronoun", "The park will attract software, photoelectric chips and next-generation IT.", ["software", "photoelectric chips", "next-generation IT"]),
    ("future-opens-a-name", "The city is developing the future biotechnology industry with gene editing at its core.", ["future biotechnology"]),
    (
        "process-noun-is-no-item",
        "Its new materials industry, including digitalization and advanced ceramics manufacturing, grew fast.",
        ["new materials", "advanced ceramics manufacturing"],
    ),
    (
        "verb-ends-last-item",
        "The plan covers emerging sectors including biomedicine, new energy, and the low-altitude economy expanded quickly.",
        ["biomedicine", "new energy", "low-altitude economy"],
    ),
    (
        "known-name-with-of",
        "They include big data and new generation of information technology, as well as science and technology services.",
        ["big data", "new generation of information technology", "science and technology services"],
    ),
    ("fields-of", "In the fields of wind turbines, rail vehicles and marine engines, the city leads.", ["wind turbines", "rail vehicles", "marine engines"]),
    ("fields-of-then-clause", "In the field of robotics and the drone industry, new plants are opening.", ["robotics", "drone"]),
    ("high-end-opens-a-name", "The firm lifted its high-end medical equipment industry output.", ["high-end medical equipment"]),
    ("total-is-no-part", "Its share of total equipment industry output rose.", ["equipment"]),
    (
        "namely-count-after-tier",
        "There are now four 100-billion-yuan industries in the city, namely, automobiles and parts, petrochemicals, electronic information, energy and environmental protection.",
        ["automobiles and parts", "petrochemicals", "electronic information", "energy and environmental protection"],
    ),
]
CANONICAL = [
    ("intelligent-connected new energy vehicle industry", "intelligent-connected new energy vehicle", "intelligent connected new energy vehicles"),
    ("new display industry", "new display", "new displays"),
    ("new-type displays industry", "new-type displays", "new type displays"),
    ("bio-products industry", "bio-products", "bioproducts"),
    ("NEV industry", "NEV", "new energy vehicles"),
]
NOT_CLUSTER = [
    ("generic", "Advanced manufacturing is the backbone of the manufacturing industry."),
    ("umbrella", "It will develop high-end and high-quality high-tech industries and strategic emerging industries."),
    ("new-economy", "It extends the new economy of flagship stores and the real economy."),
    ("classifier", "Integrated circuit projects were signed."),
    ("counted-product", "In 2023, it made 2.3 million vehicles, producing more than 500,000 new energy vehicles."),
    ("research-fields", "Resources will be allocated around key fields, including intelligent technology, life science, and low-carbon technology."),
    ("policy-areas", "By combining policy advantages in international consumption, airport logistics and duty-free economy, it grows."),
    ("scenarios", "It explores application scenarios like smart homes, in-car entertainment, and telemedicine."),
    ("aspects", "It identified three development aspects, including industry growth, demand expansion, and urban renewal."),
    ("traded-products", "Exports of steel, textiles, chemicals and machinery rose 5 percent."),
    ("unknown-items", "The zone will develop aviation maintenance, aviation logistics, and cross-border e-commerce."),
    ("adjective-cluster", "Chongqing is an invaluable cluster for the development of the region."),
    ("possessive", "We will strengthen industries' generation and cultivation."),
    # the hard floor: sizes, ranks, connectives, superlatives, ordinals, quantifiers, bare adjectives
    ("size", "Many of the county's large-scale industries moved into the new park last year."),
    ("no-noun-left", "The province's traditional heavy industries are being upgraded with digital tools."),
    ("connective-and-rank", "Moreover, city-level industries received 2 billion yuan of support."),
    ("superlative-ordinal", "The town's biggest industry is still the third sector of the economy."),
    ("quantifier", "Several industries, including various others, were affected by the floods."),
    ("bare-adjective", "The rural industry has grown as main industries expanded."),
    ("figures", "The 2,000 industries and 35 sectors employ 1.2 million people."),
    ("layout-of", "The district holds a clear advantage in the layout of future industries."),
    ("park-name-in-headline", "Minhang Robotics Industrial Park Opens"),
    ("quoted-names-in-fields", 'In the fields of "Starlight" and "Blue Ocean", the county set up funds.'),
]


def clusters(extractor: Extractor, sentence: str) -> list[str]:
    return [m.text for m in run(extractor, sentence) if m.label.value == "CLUSTER"]


@pytest.mark.parametrize("sentence,expected", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_cluster_spans(rules: Extractor, sentence: Any, expected: Any) -> None:
    assert clusters(rules, sentence) == expected


@pytest.mark.parametrize("phrase,span,canonical", CANONICAL, ids=[c[0] for c in CANONICAL])
def test_cluster_canonical(rules: Extractor, phrase: Any, span: Any, canonical: Any) -> None:
    mentions = run(rules, f"The city will expand the {phrase} this year.")
    assert [(m.text, m.canonical) for m in mentions if m.label.value == "CLUSTER"] == [(span, canonical)]


def test_a_repeat_before_of_is_an_activity(rules: Extractor) -> None:
    text = "The province's logistics industry grew. The logistics of grain improved."
    assert clusters(rules, text) == ["logistics"]


def test_excerpt_cut_inside_its_head_word(rules: Extractor) -> None:
    text = "Its sensors serve the machine vision and automotive electronics indust"
    assert clusters(rules, text) == ["machine vision", "automotive electronics"]


def test_abbreviation_and_repeats(rules: Extractor) -> None:
    text = (
        "Chongqing will build two industrial clusters for intelligent connected new energy vehicles (NEVs) and electronic manufacturing. "
        "The competition of intelligent connected NEVs will grow. Xu suggested building the NEV ecosystem."
    )
    found = [(m.text, m.canonical, m.rule) for m in run(rules, text) if m.label.value == "CLUSTER"]
    assert found == [
        ("intelligent connected new energy vehicles", "intelligent connected new energy vehicles", "cluster.list.counted_of"),
        ("NEVs", "new energy vehicles", "cluster.abbreviation"),
        ("electronic manufacturing", "electronic manufacturing", "cluster.list.counted_of"),
        ("intelligent connected NEVs", "intelligent connected new energy vehicles", "cluster.repeat"),
        ("NEV", "new energy vehicles", "cluster.head"),
    ]


@pytest.mark.parametrize("sentence", [r[1] for r in NOT_CLUSTER], ids=[r[0] for r in NOT_CLUSTER])
def test_not_cluster(rules: Extractor, sentence: Any) -> None:
    assert clusters(rules, sentence) == []
