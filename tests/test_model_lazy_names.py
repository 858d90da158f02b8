"""newstui.model names its lazily loaded values twice: in the imports type checkers read and in
`_LAZY`, which loads them at run time. The two lists must agree, or a name mypy accepts fails
with AttributeError when first used."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import newstui.model as model


def _type_checking_imports() -> dict[str, str]:
    tree = ast.parse(Path(model.__file__).read_text("utf-8"))
    names: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for stmt in node.body:
                if isinstance(stmt, ast.ImportFrom) and stmt.module:
                    group = stmt.module.removeprefix("newstui.model.")
                    if group != stmt.module:
                        names.update({alias.name: group for alias in stmt.names})
    return names


def test_the_lazy_names_are_the_names_type_checkers_see():
    assert _type_checking_imports() == model._LAZY


def test_every_lazy_name_loads_from_its_submodule():
    for name, group in model._LAZY.items():
        submodule = importlib.import_module(f"newstui.model.{group}")
        assert getattr(model, name) is getattr(submodule, name)
