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
from pathlib import Path

import newstui.nlp.entities
import newstui.nlp.rules
import newstui.nlp.segment
from newstui import nlp_build

REQUIRE_ENV = "NEWSTUI_REQUIRE_COMPILED"


def _is_extension(path: str | None) -> bool:
    return bool(path) and path.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))


def test_nlp_build_names_the_extractor_that_is_imported():
    compiled = _is_extension(newstui.nlp.entities.__file__)
    assert nlp_build() == ("compiled" if compiled else "pure Python")
    assert _is_extension(newstui.nlp.rules.__file__) == compiled  # all compiled, or none
    # the character loops that replace some scans in the compiled build know which one runs
    assert compiled == newstui.nlp.segment._COMPILED


def build_problem(required: str | None, build: str) -> str | None:
    """Why this run must fail on the extractor it runs (None: it need not): under
    NEWSTUI_REQUIRE_COMPILED=1 only a compiled extractor will do."""
    if required == "1" and build != "compiled":
        return f"{REQUIRE_ENV}=1 but newstui.nlp runs {build} from {newstui.nlp.entities.__file__}"
    return None


def test_the_extractor_is_compiled_when_ci_requires_it():
    problem = build_problem(os.environ.get(REQUIRE_ENV), nlp_build())
    assert problem is None, problem


def test_the_requirement_fails_a_pure_python_build_and_only_when_asked():
    assert build_problem("1", "pure Python") is not None  # CI's silent fall-back fails the run
    assert build_problem("1", "compiled") is None
    assert build_problem(None, "pure Python") is None  # an editable install, no C compiler
    assert build_problem("0", "pure Python") is None


def test_ci_requires_the_compiled_extractor():
    ci = (Path(__file__).resolve().parents[2] / ".ci" / "run").read_text("utf-8")
    assert f"export {REQUIRE_ENV}=1" in ci


def test_version_says_which_extractor_runs():
    out = subprocess.run(
        [sys.executable, "-m", "newstui", "--version"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    ).stdout
    assert out.strip().endswith(f"(nlp: {nlp_build()})")
