"""What mypyc compiles at install (setup.py's COMPILED_MODULES) imports, through newstui's own
modules, nothing but the standard library and what pyproject tells mypy to read as Any: pip builds the wheel with only setuptools and mypy
beside it, and mypy follows every import (inside functions too). A third-party import on that
path (r45: sources/urls.py -> model/link_key.py -> idna) made the compile fail, and newstui
installed as pure Python without a word but a hidden warning."""

from __future__ import annotations

import ast
import runpy
import sys
import tomllib
from pathlib import Path

import pytest
import setuptools

ROOT = Path(__file__).resolve().parent.parent


def _compiled_modules(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    monkeypatch.setattr(setuptools, "setup", lambda **_kw: None)
    monkeypatch.setattr(sys, "argv", ["setup.py"])  # (no build: nothing is compiled here)
    names = runpy.run_path(str(ROOT / "setup.py"), run_name="setup_read")
    return [ROOT / path for path in names["COMPILED_MODULES"]]


def _allowed() -> set[str]:
    """Packages mypy is told to read as Any when missing (pyproject's overrides), and
    mypy_extensions, which comes with mypy into the build environment."""
    mypy = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["mypy"]
    ignored = [o["module"] for o in mypy.get("overrides", []) if o.get("ignore_missing_imports")]
    names = [name for modules in ignored for name in [modules] if isinstance(name, str)]
    names += [name for modules in ignored if isinstance(modules, list) for name in modules]
    return {name.partition(".")[0] for name in names} | {"mypy_extensions"}


def _module_file(name: str) -> Path | None:
    base = ROOT / "src" / Path(*name.split("."))
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.exists():
            return path
    return None


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_compiled_modules_import_only_the_standard_library_and_newstui(monkeypatch):
    todo, seen, foreign, allowed = _compiled_modules(monkeypatch), set(), {}, _allowed()
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        for name in _imports(path):
            top = name.partition(".")[0]
            if top == "newstui":
                if (module := _module_file(name)) is not None:
                    todo.append(module)
            elif top not in sys.stdlib_module_names and top not in {"__future__", *allowed}:
                foreign.setdefault(top, str(path.relative_to(ROOT)))
    assert foreign == {}, f"third-party imports mypyc cannot see at install: {foreign}"
