"""The import graph of a package tree, read from its source with ast (nothing is imported).

Cache keys use it to find the code a stage can run (its import closure, function-local
imports included), and a test uses it to keep the stages' imports one-way: no cycles, and no
module reaching for another module's ``_private`` names.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Import:
    """One ``import`` or ``from … import`` statement, its module made absolute."""

    module: str  # "generator.facts.numbers"; for `from . import x`, the package
    names: tuple[str, ...]  # the names taken from it; () for `import a.b`
    line: int


def module_files(package_dir: Path, package: str) -> dict[str, Path]:
    """Every module under ``package_dir`` (the package's own folder) by dotted name."""
    out: dict[str, Path] = {}
    for path in sorted(package_dir.rglob("*.py")):
        parts = list(path.relative_to(package_dir).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join([package, *parts])] = path
    return out


def is_package(path: Path) -> bool:
    """Whether ``path`` is a package's ``__init__.py`` (relative imports start there)."""
    return path.name == "__init__.py"


def imports_of(source: str, module: str, package: bool) -> list[Import]:
    """Every import statement of ``source`` at any depth (function-local ones too), in line order."""
    out: list[Import] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            out.extend(Import(alias.name, (), node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = absolute(node.module, node.level, module, package)
            out.append(Import(base, tuple(alias.name for alias in node.names), node.lineno))
    return sorted(out, key=lambda imp: (imp.line, imp.module))


def absolute(target: str | None, level: int, module: str, package: bool) -> str:
    """The absolute module name of a (possibly relative) import written in ``module``."""
    if level == 0:
        return target or ""
    parts = module.split(".") if package else module.split(".")[:-1]
    if level > 1:
        parts = parts[: len(parts) - (level - 1)]
    return ".".join(parts + ([target] if target else []))


def targets(imp: Import, modules: Mapping[str, Path]) -> set[str]:
    """The modules of ``modules`` an import names directly: the module imported from, or the
    submodules when every name taken from a package is one of its submodules."""
    subs = {f"{imp.module}.{name}" for name in imp.names} & modules.keys()
    if subs and len(subs) == len(imp.names):
        return subs
    found = subs | ({imp.module} & modules.keys())
    if not found and not imp.names:  # `import a.b.c` where only a package is ours
        found = {m for m in parents(imp.module) if m in modules}
    return found


def parents(module: str) -> list[str]:
    """The packages above ``module``, outermost first ("a.b.c" → ["a", "a.b"])."""
    parts = module.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


def read_imports(modules: Mapping[str, Path]) -> dict[str, list[Import]]:
    """Every module's import statements (see imports_of)."""
    return {
        name: imports_of(path.read_text(encoding="utf-8"), name, is_package(path))
        for name, path in modules.items()
    }


def import_graph(imports: Mapping[str, list[Import]], modules: Mapping[str, Path]) -> dict[str, set[str]]:
    """Module → the modules of the tree it imports directly (the edges a cycle is made of)."""
    return {
        name: {t for imp in imps for t in targets(imp, modules) if t != name}
        for name, imps in imports.items()
    }


def closure(entries: Iterable[str], graph: Mapping[str, set[str]]) -> set[str]:
    """Every module of the tree that importing ``entries`` can run: what they import, at
    any depth, and the packages whose ``__init__`` runs on the way."""
    seen: set[str] = set()
    todo = list(entries)
    while todo:
        name = todo.pop()
        if name in seen or name not in graph:
            continue
        seen.add(name)
        todo.extend(graph[name])
        todo.extend(p for p in parents(name) if p in graph)
    return seen


def external_modules(imports: Mapping[str, list[Import]], names: Iterable[str], ours: str) -> set[str]:
    """Top-level names of the modules outside package ``ours`` that ``names`` import
    (standard library left out)."""
    out: set[str] = set()
    for name in names:
        for imp in imports.get(name, []):
            top = imp.module.split(".")[0]
            if top and top != ours and top not in sys.stdlib_module_names:
                out.add(top)
    return out


def cycles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """The import cycles of ``graph``: each strongly connected group of two or more modules,
    sorted (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for root in sorted(graph):
        if root not in index:
            _strongconnect(root, graph, index, low, stack, on_stack, groups)
    return sorted(sorted(g) for g in groups if len(g) > 1)


def _strongconnect(
    root: str,
    graph: Mapping[str, set[str]],
    index: dict[str, int],
    low: dict[str, int],
    stack: list[str],
    on_stack: set[str],
    groups: list[list[str]],
) -> None:
    """One depth-first search of Tarjan's algorithm from ``root``, with an explicit stack."""
    work = [(root, iter(sorted(graph.get(root, ()))))]
    index[root] = low[root] = len(index)
    stack.append(root)
    on_stack.add(root)
    while work:
        node, edges = work[-1]
        nxt = next((m for m in edges if m in graph), None)
        if nxt is not None:
            if nxt not in index:
                index[nxt] = low[nxt] = len(index)
                stack.append(nxt)
                on_stack.add(nxt)
                work.append((nxt, iter(sorted(graph[nxt]))))
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
            continue
        work.pop()
        if work:
            low[work[-1][0]] = min(low[work[-1][0]], low[node])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            groups.append(group)


def private_imports(imports: Mapping[str, list[Import]], modules: Mapping[str, Path]) -> list[str]:
    """Imports that reach into another module's privacy, one line each ("where: what"): a
    ``_name`` taken from another module, or a ``_module`` from outside its own package."""
    found: list[str] = []
    for name, imps in sorted(imports.items()):
        for imp in imps:
            for target, taken in _taken(imp, modules):
                if _is_private(taken) and target != name:
                    found.append(f"{name}:{imp.line}: {taken} from {target}")
            for target in targets(imp, modules):
                if _private_module_outside(target, name):
                    found.append(f"{name}:{imp.line}: private module {target}")
    return found


def _taken(imp: Import, modules: Mapping[str, Path]) -> list[tuple[str, str]]:
    """(module, name) for each name an import takes from a module of the tree (submodules
    taken from a package are modules, not names, and are left out)."""
    if imp.module not in modules:
        return []
    return [(imp.module, n) for n in imp.names if f"{imp.module}.{n}" not in modules]


def _is_private(name: str) -> bool:
    """Whether ``name`` is private by convention (``_x``, not ``__x__``)."""
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _private_module_outside(target: str, importer: str) -> bool:
    """Whether ``target`` has a private part (``pkg._mod``) whose package ``importer`` is not in."""
    parts = target.split(".")
    for i, part in enumerate(parts):
        if _is_private(part):
            owner = ".".join(parts[:i])
            return not (importer == owner or importer.startswith(owner + "."))
    return False
