"""Optional QUANTITY mentions from quantulum3: physical quantities only, never money."""

import logging
from typing import Any

import pytest

from pipeline.analyse.extractor import Extractor
from pipeline.core.settings import Settings

from .conftest import check, run


@pytest.fixture(scope="module")
def with_quantities() -> Extractor:
    return Extractor(Settings(use_model=False, quantities=True))


def test_physical_quantities(with_quantities: Any) -> None:
    mentions = run(with_quantities, "The center covers an area of 100 square kilometers, and the port handled 1.32 billion tonnes of cargo.")
    check(mentions, "QUANTITY", "100 square kilometers", value="100", unit="square kilometre")
    check(mentions, "QUANTITY", "1.32 billion tonnes", value="1320000000", unit="tonne")


def test_money_is_left_to_the_money_rules(with_quantities: Any) -> None:
    mentions = run(with_quantities, "Trade will exceed one trillion yuan (about 149 billion U.S. dollars) and 5G users reached 805 million.")
    assert [m.label.value for m in mentions] == ["MONEY", "MONEY"]


def test_quantulum_does_not_configure_logging(with_quantities: Any) -> None:
    root = logging.getLogger()
    before = list(root.handlers)
    run(with_quantities, "It covers 78.66 square kilometers.")
    assert root.handlers == before
