"""The package's modules form layers in the order of the data flow, and no import runs back
up them: a module imports only from its own layer or the ones below, and never in a circle.
Function-level imports count too. The package root (its version, its lazy façade) is
outside the layers."""

from __future__ import annotations

import ast

from .conftest import ROOT

# Each subpackage is one layer, in the order of the data flow (README, "How it works").
LAYERS: list[tuple[str, set[str]]] = [
    ("core", {"core"}),
    ("patterns", {"patterns"}),
    ("text", {"text"}),
    ("inputs", {"inputs"}),
    ("rules", {"rules"}),
    ("normalize", {"normalize"}),
    ("resolve", {"resolve"}),
    ("facts", {"facts"}),
    ("analyse", {"analyse"}),
    ("outputs", {"outputs"}),
    ("job", {"job"}),
    ("scoring and entry points", {"scoring", "bench", "cli", "__main__"}),
]


def _layer_of(module: str) -> str:
    return module.split(".")[0]


def _imports() -> dict[str, set[str]]:
    package = ROOT / "pipeline"
    found: dict[str, set[str]] = {}
    for path in sorted(package.rglob("*.py")):
        parts = list(path.relative_to(package).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts = parts[:-1]
        name = ".".join(parts)
        here = parts if is_package else parts[:-1]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = here[: len(here) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
                if target and target != name:
                    targets.add(target)
            elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("pipeline."):
                targets.add(node.module.removeprefix("pipeline."))
        found[name] = targets
    return found


def test_every_module_has_a_layer() -> None:
    layered = set().union(*(modules for _, modules in LAYERS))
    assert {_layer_of(module) for module in _imports()} - {""} == layered


def test_no_import_runs_back_up_the_layers() -> None:
    rank = {group: index for index, (_, groups) in enumerate(LAYERS) for group in groups}
    back = sorted(
        f"{module} ({LAYERS[rank[_layer_of(module)]][0]}) imports {target} ({LAYERS[rank[_layer_of(target)]][0]})"
        for module, targets in _imports().items()
        if module
        for target in targets
        if target and rank[_layer_of(target)] > rank[_layer_of(module)]
    )
    assert not back


def test_no_import_cycles() -> None:
    graph = {module: {t for t in targets if t} for module, targets in _imports().items() if module}
    state: dict[str, int] = {}  # 1 visiting, 2 done

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(graph.get(module, ())):
            assert state.get(target) != 1, " -> ".join(path + [module, target])
            if target not in state:
                visit(target, path + [module])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [])
