"""CSV cells that a spreadsheet will not run as formulas, and their exact text back."""

from __future__ import annotations

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what makes a spreadsheet read a cell as a formula
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)\Z")


def safe_cell(cell: str) -> str:
    """A CSV cell a spreadsheet will not run: text from pages and file names that starts
    like a formula ("=HYPERLINK(...)", "@SUM(...)", "-2+3") gets a leading apostrophe.
    Plain numbers ("-3.5") stay numbers. `unguard_cell` undoes it; Parquet and database
    outputs keep the exact text."""
    if cell and cell[0] in FORMULA_STARTS and not _PLAIN_NUMBER.match(cell):
        return "'" + cell
    return cell


def unguard_cell(cell: str) -> str:
    """The exact text of a cell written by `safe_cell`."""
    return cell[1:] if len(cell) > 1 and cell[0] == "'" and cell[1] in FORMULA_STARTS else cell
