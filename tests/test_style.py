"""Rules of the code that no linter here checks: no function in generator/ longer than 80
lines (split it into named steps, the docstring listing them in order)."""

import ast
from pathlib import Path

import generator

MAX_LINES = 80


def long_functions(root: Path, limit: int = MAX_LINES) -> list[str]:
    """One line "path:line name (n lines)" per function or method under ``root`` over ``limit`` lines."""
    out = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                n = node.end_lineno - node.lineno + 1
                if n > limit:
                    out.append(f"{path.relative_to(root.parent)}:{node.lineno} {node.name} ({n} lines)")
    return out


def test_the_rule_counts_lines_of_nested_functions_too(tmp_path):
    body = "\n".join(f"        x{i} = {i}" for i in range(MAX_LINES))
    (tmp_path / "m.py").write_text(f"def outer():\n    def inner():\n{body}\n    return inner\n")
    assert [line.split(" ", 1)[1] for line in long_functions(tmp_path)] == [
        f"outer ({MAX_LINES + 3} lines)",
        f"inner ({MAX_LINES + 1} lines)",
    ]


def test_no_function_in_generator_is_longer_than_80_lines():
    found = long_functions(Path(generator.__file__).resolve().parent)
    assert found == [], "split these into named steps:\n" + "\n".join(found)
