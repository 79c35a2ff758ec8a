"""The complexity ratchet: no function may grow more tangled than ruff's mccabe limit
(`max-complexity` in pyproject.toml), except those listed in tests/complexity_exceptions.txt, each
at most as complex as listed. The list may only shrink: a listed function that got simpler must be
listed lower, and one that is back under the limit (or gone) must be taken off.

    .venv/bin/python tests/complexity.py      (tests/run runs it before the suite)
"""
from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXCEPTIONS = Path(__file__).resolve().parent / "complexity_exceptions.txt"
MESSAGE = re.compile(r"`(?P<name>[^`]+)` is too complex \((?P<complexity>\d+) > \d+\)")


def qualified_name(path: Path, row: int) -> str:
    """Class.method or outer.inner for the function defined at this line."""
    names: list[str] = []

    def visit(node: ast.AST, outer: list[str]) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                inner = [*outer, child.name]
                if child.lineno == row and not isinstance(child, ast.ClassDef):
                    names[:] = inner
                visit(child, inner)
            else:
                visit(child, outer)

    visit(ast.parse(path.read_text(encoding="utf-8")), [])
    return ".".join(names)


def limit() -> int:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return config["tool"]["ruff"]["lint"]["mccabe"]["max-complexity"]


def measured() -> dict[str, int]:
    """Every function over the limit as `path:qualified.name` -> its complexity."""
    done = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--select", "C901", "--output-format", "json",
         "--exit-zero", "."], cwd=ROOT, capture_output=True, text=True, check=True)
    found: dict[str, int] = {}
    for finding in json.loads(done.stdout):
        match = MESSAGE.search(finding["message"])
        path = Path(finding["filename"])
        name = qualified_name(path, finding["location"]["row"]) or match["name"]
        key = f"{path.relative_to(ROOT).as_posix()}:{name}"
        found[key] = max(found.get(key, 0), int(match["complexity"]))
    return found


def listed() -> dict[str, int]:
    """tests/complexity_exceptions.txt: `path:function complexity` a line; # starts a comment."""
    allowed = {}
    for line in EXCEPTIONS.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            key, complexity = line.rsplit(maxsplit=1)
            allowed[key] = int(complexity)
    return allowed


def problems(found: dict[str, int], allowed: dict[str, int], limit: int) -> list[str]:
    out = []
    for key, complexity in sorted(found.items()):
        if key not in allowed:
            out.append(f"{key} has complexity {complexity}, over the limit of {limit}: split it "
                       f"up (the exceptions in {EXCEPTIONS.name} may only shrink)")
        elif complexity > allowed[key]:
            out.append(f"{key} has complexity {complexity}, more than the {allowed[key]} listed: "
                       "simplify it back")
        elif complexity < allowed[key]:
            out.append(f"{key} is simpler now ({complexity}, listed {allowed[key]}): write "
                       f"{complexity} on its line in {EXCEPTIONS.name}")
    for key in sorted(set(allowed) - set(found)):
        out.append(f"{key} is no longer over the limit of {limit} (or is gone): delete its line "
                   f"in {EXCEPTIONS.name}")
    return out


def main() -> int:
    found, most = measured(), limit()
    found_problems = problems(found, listed(), most)
    for problem in found_problems:
        print(problem, file=sys.stderr)
    if not found_problems:
        print(f"complexity: {len(found)} functions over {most}, each as listed")
    return 1 if found_problems else 0


if __name__ == "__main__":
    sys.exit(main())
