"""The shape of the house: no import cycles in game/ or sessions/, no import tucked into a
function to dodge one, and game/ independent of the live layer.

The graph is read from the source (every `import` statement, wherever it stands), so a cycle
hidden behind a function-level import is found as surely as a module-level one.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("game", "sessions")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules() -> dict[str, Path]:
    modules = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" not in path.parts:
                modules[module_name(path)] = path
    return modules


def imports_of(path: Path, modules: dict[str, Path]) -> list[tuple[str, int, bool]]:
    """(imported project module, line, inside a function) for every import in `path`."""
    tree = ast.parse(path.read_text())
    found: list[tuple[str, int, bool]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            nested = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if isinstance(child, ast.Import):
                found.extend((a.name, child.lineno, in_function) for a in child.names)
            elif isinstance(child, ast.ImportFrom) and child.module and not child.level:
                for alias in child.names:
                    submodule = f"{child.module}.{alias.name}"
                    target = submodule if submodule in modules else child.module
                    found.append((target, child.lineno, in_function))
            visit(child, nested)

    visit(tree, False)
    return found


def import_graph() -> dict[str, set[str]]:
    modules = project_modules()
    return {
        name: {target for target, _, _ in imports_of(path, modules) if target in modules}
        for name, path in modules.items()
    }


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a path (first module repeated at the end), or None."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def walk(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return path[path.index(target) :] + [target]
            if target not in state and (cycle := walk(target)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := walk(node)):
            return cycle
    return None


def test_the_cycle_finder_finds_a_cycle_hidden_three_modules_deep():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert find_cycle(graph) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_game_and_sessions_have_no_import_cycle():
    assert find_cycle(import_graph()) is None


def test_no_project_module_is_imported_inside_a_function():
    modules = project_modules()
    inner = [
        f"{module_name(path)}:{line} imports {target}"
        for path in modules.values()
        for target, line, in_function in imports_of(path, modules)
        if in_function and target.split(".")[0] in PACKAGES
    ]
    assert inner == []


def test_game_imports_nothing_of_sessions_or_channels():
    modules = project_modules()
    leaks = [
        f"{name} imports {target}"
        for name, path in modules.items()
        if name.split(".")[0] == "game"
        for target, _, _ in imports_of(path, modules)
        if target.split(".")[0] in {"sessions", "channels", "daphne"}
    ]
    assert leaks == []
