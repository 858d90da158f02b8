"""The layering holds: the command line never loads the UI or the extractor, and the
import-linter contracts in pyproject.toml are kept."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def modules_loaded_by(statement: str) -> set[str]:
    """The modules a fresh interpreter has loaded after running `statement`."""
    code = f"import json, sys\n{statement}\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    return set(json.loads(out))


def test_importing_the_command_line_loads_neither_textual_nor_trafilatura() -> None:
    loaded = modules_loaded_by("import newstui.cli.main")
    assert "newstui.cli.main" in loaded
    for heavy in ("textual", "trafilatura", "newstui.tui"):
        assert heavy not in loaded, f"`import newstui.cli.main` loads {heavy}"


def test_building_the_parser_loads_neither_textual_nor_trafilatura() -> None:
    loaded = modules_loaded_by("import newstui.cli.main, newstui.cli.parser as c; c.build_parser()")
    assert not {"textual", "trafilatura"} & loaded


def test_the_import_contracts_in_pyproject_are_kept() -> None:
    # in a fresh interpreter: import-linter's logging.config.dictConfig disables every logger
    # that exists, so run in pytest's process it silenced newstui's loggers for later tests
    code = (
        "import sys\n"
        "from importlinter.cli import lint_imports  # a test extra\n"
        f"sys.exit(lint_imports({str(ROOT / 'pyproject.toml')!r}, no_cache=True))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=ROOT
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_app_imports_no_command_module() -> None:
    """What the app and the commands both say (the busy store's lines) lives in the core: the
    app imported `newstui.cli_busy`, a command module."""
    import ast

    found = []
    for path in (ROOT / "src" / "newstui" / "tui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = (
                [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else []
            )
            found += [f"{path.name}: {n}" for n in names if n.startswith("newstui.cli")]
    assert not found
