"""Every word list lives in patterns/, none in Python: a literal list, set or split string
of three or more words, or a regex alternation of three or more words, is a defect outside
the pattern files. Lists of identifiers (column names, component names, file names) are
not vocabulary; they say so with the marker comment `# identifiers` on their line."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from .conftest import ROOT

WORD = re.compile(r"[A-Za-z][A-Za-z.'&-]*(?: [A-Za-z][A-Za-z.'&-]*)*\Z")
ALTERNATION = re.compile(r"(?<![\\\w])[A-Za-z]{2,}(?:\|[A-Za-z]{2,}){2,}(?![\w])")
MARKER = "# identifiers"
# Formats, not vocabulary: the pattern files' columns and allowed values, and the label
# registry's Mention field names.
SCHEMA_MODULES = {"patterns/schema.py", "core/labels.py"}


def _string_items(node: ast.AST) -> list[str] | None:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in {"frozenset", "set", "tuple", "list"} and node.args:
        return _string_items(node.args[0])
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "split"
        and isinstance(node.func.value, ast.Constant)
        and isinstance(node.func.value.value, str)
        and not node.args
    ):
        return node.func.value.value.split()
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    return None


def word_lists_in_code(package: Path) -> list[str]:
    found = []
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package).as_posix()
        if relative in SCHEMA_MODULES:
            continue
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        for node in ast.walk(ast.parse(source)):
            first: int = getattr(node, "lineno", 0)
            last: int = getattr(node, "end_lineno", None) or first
            marked = any(MARKER in lines[n - 1] for n in range(first, last + 1)) if first else False
            items = _string_items(node)
            if items is not None:
                words = [item for item in items if WORD.match(item)]
                if len(words) >= 3 and not marked:
                    found.append(f"{relative}:{first}: {len(words)} words ({', '.join(words[:4])}, ...)")
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and not marked:
                for match in ALTERNATION.finditer(node.value):
                    found.append(f"{relative}:{first}: regex alternation {match.group()[:60]!r}")
    return sorted(set(found))


def test_no_word_list_is_left_in_python() -> None:
    assert word_lists_in_code(ROOT / "pipeline") == []


def test_the_counter_finds_each_form_of_word_list(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "m.py").write_text(
        'A = {"industry", "sector", "cluster"}\n'
        'B = frozenset("will would shall".split())\n'
        'C = r"(?:to|till|until)"\n'
        'D = ("id", "label", "regex")  # identifiers\n'
        'E = r"\\d{2}|[a-z]+"\n'
        'F = ("a", "b")\n',
        encoding="utf-8",
    )
    found = word_lists_in_code(package)
    assert [line.split(":")[1] for line in found] == ["1", "2", "3"]
