"""The code's shape, checked: no module of the apps over 400 lines, no import cycle between
the project's modules (imports inside functions included), and no import inside a function
without a comment saying why it cannot be at the top."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = ["cms", "home", "strategy_pages", "taskforce_forms", "search"]
MAX_LINES = 400


def modules():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


NAMES = {module_name(path): path for path in modules()}


def imported_modules(path):
    """(module imported, line, inside a function) for each import of a project module."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    functions = [node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)]
    nested = {id(inner) for function in functions for inner in ast.walk(function)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [f"{base}.{alias.name}" for alias in node.names]
            targets = [target if target in NAMES else base for target in targets]
        else:
            continue
        for target in targets:
            if target in NAMES and target != name:
                yield target, node.lineno, id(node) in nested


@pytest.mark.parametrize("path", list(modules()), ids=lambda path: module_name(path))
def test_no_module_is_over_400_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_LINES


def test_no_import_cycle_between_the_projects_modules():
    graph = {name: {target for target, _line, _inner in imported_modules(path)}
             for name, path in NAMES.items()}
    visiting, done, cycles = [], set(), []

    def visit(name):
        if name in done:
            return
        if name in visiting:
            cycles.append(visiting[visiting.index(name):] + [name])
            return
        visiting.append(name)
        for target in sorted(graph[name]):
            visit(target)
        visiting.pop()
        done.add(name)

    for name in sorted(graph):
        visit(name)
    assert cycles == []


def test_an_import_inside_a_function_says_why():
    unexplained = []
    for name, path in NAMES.items():
        lines = path.read_text(encoding="utf-8").splitlines()
        for _target, line, inner in imported_modules(path):
            if inner and not lines[line - 2].strip().startswith("#"):
                unexplained.append(f"{name}:{line}")
    assert unexplained == []
