"""The import graph read from source: resolution of imports, closures, cycles, privacy — and
the rule for generator/ itself: imports go one way, and nobody takes another module's
``_private`` names."""

from pathlib import Path

from generator import codegraph as g

GENERATOR = Path(g.__file__).resolve().parent


def _tree(root: Path, files: dict[str, str]) -> dict[str, Path]:
    """Write a package tree ``pkg`` under ``root`` and return its modules."""
    for rel, text in files.items():
        path = root / "pkg" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return g.module_files(root / "pkg", "pkg")


def _graph(modules):
    imports = g.read_imports(modules)
    return imports, g.import_graph(imports, modules)


def test_relative_absolute_and_function_local_imports_are_edges(tmp_path):
    modules = _tree(
        tmp_path,
        {
            "__init__.py": "",
            "a.py": "from .b import x\nimport pkg.c\n\ndef f():\n    from .sub import d\n",
            "b.py": "x = 1\n",
            "c.py": "import json\n",
            "sub/__init__.py": "from . import d\n",
            "sub/d.py": "from ..b import x\nfrom .. import c\n",
        },
    )
    assert sorted(modules) == ["pkg", "pkg.a", "pkg.b", "pkg.c", "pkg.sub", "pkg.sub.d"]
    _, graph = _graph(modules)
    assert graph["pkg.a"] == {"pkg.b", "pkg.c", "pkg.sub.d"}
    assert graph["pkg.sub"] == {"pkg.sub.d"}
    assert graph["pkg.sub.d"] == {"pkg.b", "pkg.c"}
    assert graph["pkg.c"] == set()


def test_closure_follows_imports_and_runs_the_parent_packages(tmp_path):
    modules = _tree(
        tmp_path,
        {
            "__init__.py": "",
            "a.py": "def f():\n    from .sub.d import y\n",
            "b.py": "",
            "sub/__init__.py": "",
            "sub/d.py": "import yaml\ny = 2\n",
            "sub/e.py": "import numpy\n",
        },
    )
    imports, graph = _graph(modules)
    closure = g.closure(["pkg.a"], graph)
    assert closure == {"pkg", "pkg.a", "pkg.sub", "pkg.sub.d"}
    assert g.external_modules(imports, closure, "pkg") == {"yaml"}  # not numpy, not the stdlib


def test_cycles_are_found_even_through_function_local_imports(tmp_path):
    modules = _tree(
        tmp_path,
        {
            "__init__.py": "",
            "a.py": "from .b import x\n",
            "b.py": "x = 1\ndef f():\n    from .c import z\n",
            "c.py": "from . import a\nz = 3\n",
            "d.py": "from .a import x\n",
        },
    )
    _, graph = _graph(modules)
    assert g.cycles(graph) == [["pkg.a", "pkg.b", "pkg.c"]]
    graph["pkg.c"] = set()
    assert g.cycles(graph) == []


def test_private_names_and_modules_from_elsewhere_are_reported(tmp_path):
    modules = _tree(
        tmp_path,
        {
            "__init__.py": "",
            "one/__init__.py": "",
            "one/_helpers.py": "def f():\n    pass\n",
            "one/x.py": "from ._helpers import f\nfrom .y import _g\n",
            "one/y.py": "def _g():\n    pass\n",
            "two.py": "from .one._helpers import f\nfrom .one import y as _y\nfrom .one.y import __doc__\n",
        },
    )
    imports = g.read_imports(modules)
    assert g.private_imports(imports, modules) == [
        "pkg.one.x:2: _g from pkg.one.y",  # a private name of another module
        "pkg.two:1: private module pkg.one._helpers",  # private to package pkg.one
    ]


def test_generator_has_no_import_cycle():
    modules = g.module_files(GENERATOR, "generator")
    _, graph = _graph(modules)
    found = g.cycles(graph)
    assert found == [], "import cycles (function-local imports count):\n" + "\n".join(
        " ↔ ".join(c) for c in found
    )


def test_generator_takes_no_private_name_of_another_module():
    modules = g.module_files(GENERATOR, "generator")
    assert g.private_imports(g.read_imports(modules), modules) == []
