"""--json error objects: the kind the README's table gives each failure, with its source."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newstui.library import Library
from tests.test_cli import Cli, no_user_paths  # noqa: F401 - the autouse fixture


@pytest.fixture
def run(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    Library.open(db_path).close()
    config = tmp_path / "one.toml"
    config.write_text('[[feeds]]\nurl = "http://127.0.0.1:9/a"\n', "utf-8")
    return Cli(db_path, config, capsys)


def test_sync_without_a_sync_table_is_a_config_error_naming_the_file(run):
    assert run("sync", "--json") == 1
    error = json.loads(run.out)
    assert error["kind"] == "config" and error["source"] == str(run.config)
    assert "no [sync] table" in error["error"]


def test_opml_export_to_a_folder_that_does_not_exist_is_a_file_error_naming_it(run, tmp_path):
    target = tmp_path / "nowhere" / "x.opml"

    assert run("opml", "export", str(target), "--json") == 1
    assert json.loads(run.out) == {
        "error": f"{target}: cannot write: No such file or directory",
        "kind": "file",
        "source": str(target),
    }
    assert run("opml", "export", str(target)) == 1
    assert run.err.strip() == f"newstui: {target}: cannot write: No such file or directory"
