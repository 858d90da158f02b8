"""Which NLP extractor runs: compiled by mypyc at install (setup.py) or pure Python.

CI installs the package (not editable) and sets NEWSTUI_REQUIRE_COMPILED=1: then the installed
extractor must be the compiled one, so a build that silently fell back to pure Python fails the
run. Elsewhere (an editable install, a machine without a C compiler) both states are fine, and
the tests check that the package reports the one it runs.
"""

from __future__ import annotations

import importlib.machinery
import os
import subprocess
import sys

import newstui.nlp.entities
import newstui.nlp.rules
from newstui import nlp_build

REQUIRE_ENV = "NEWSTUI_REQUIRE_COMPILED"


def _is_extension(path: str | None) -> bool:
    return bool(path) and path.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))


def test_nlp_build_names_the_extractor_that_is_imported():
    compiled = _is_extension(newstui.nlp.entities.__file__)
    assert nlp_build() == ("compiled" if compiled else "pure Python")
    assert _is_extension(newstui.nlp.rules.__file__) == compiled  # all compiled, or none


def test_the_extractor_is_compiled_when_ci_requires_it():
    if os.environ.get(REQUIRE_ENV) == "1":
        assert nlp_build() == "compiled", (
            f"{REQUIRE_ENV}=1 but newstui.nlp runs pure Python from {newstui.nlp.entities.__file__}"
        )
    else:
        assert nlp_build() in ("compiled", "pure Python")


def test_version_says_which_extractor_runs():
    out = subprocess.run(
        [sys.executable, "-m", "newstui", "--version"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    ).stdout
    assert out.strip().endswith(f"(nlp: {nlp_build()})")
