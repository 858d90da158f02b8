"""What mypyc compiles at install (setup.py's COMPILED_MODULES) imports, through newstui's own
modules, nothing but the standard library and what pyproject tells mypy to read as Any: pip builds the wheel with only setuptools and mypy
beside it, and mypy follows every import (inside functions too). A third-party import on that
path (r45: sources/urls.py -> model/link_key.py -> idna) made the compile fail, and newstui
installed as pure Python without a word but a hidden warning. It follows what mypy follows: the
`__init__` of each package above a module imported, and relative imports (review r46 M5: a
third-party import in nlp/extractor.py, which mypy reads through nlp/__init__.py, passed)."""

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


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT / "src").with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """The modules a file imports, by absolute name (`from . import x` of newstui.nlp.names is
    newstui.nlp and newstui.nlp.x), and for `from M import N` M.N too, which may be a module."""
    package = _module_name(path)
    if path.name != "__init__.py":
        package = package.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the file's package, up level - 1
                above = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*above, *([base] if base else [])])
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def _with_ancestors(name: str) -> list[str]:
    """A module and every package above it, each of whose `__init__` an import of it runs
    (mypy reads them too): newstui.nlp.names → newstui, newstui.nlp, newstui.nlp.names."""
    parts = name.split(".")
    return [".".join(parts[:end]) for end in range(1, len(parts) + 1)]


def test_compiled_modules_import_only_the_standard_library_and_newstui(monkeypatch):
    compiled = [_module_name(path) for path in _compiled_modules(monkeypatch)]
    todo = [name for module in compiled for name in _with_ancestors(module)]
    seen: set[Path] = set()
    foreign: dict[str, str] = {}
    allowed = {"__future__", *_allowed()}
    while todo:
        path = _module_file(todo.pop())
        if path is None or path in seen:  # (`from M import N` of a name N that is no module)
            continue
        seen.add(path)
        for name in _imports(path):
            top = name.partition(".")[0]
            if top == "newstui":
                todo.extend(_with_ancestors(name))
            elif top not in sys.stdlib_module_names and top not in allowed:
                foreign.setdefault(top, str(path.relative_to(ROOT)))
    assert foreign == {}, f"third-party imports mypyc cannot see at install: {foreign}"
