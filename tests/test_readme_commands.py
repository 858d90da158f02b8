"""The README's command reference says what `--help` says: the same commands, the same options."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newstui.cli.main import main

README = Path(__file__).resolve().parents[1] / "README.md"
UNLISTED = {"--help", "--json"}  # every command has them; the README says so once


def help_text(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """What `newstui ARGS --help` prints."""
    with pytest.raises(SystemExit) as exit_:
        main([*args, "--help"])
    assert exit_.value.code == 0
    return capsys.readouterr().out


def readme_rows() -> dict[str, set[str]]:
    """Each command in the README's command table with the options its row shows."""
    text = README.read_text("utf-8")
    section = text.split("\n## Commands\n", 1)[1].split("\n## ", 1)[0]
    rows: dict[str, set[str]] = {}
    for line in section.splitlines():
        if not line.startswith("| `newstui"):
            continue
        usage = line.split(" | ")[0]
        for span in re.findall(r"`newstui([^`]*)`", usage):
            words = span.replace("\\|", "|").split()
            command = " ".join(w for w in words[:2] if w.isalpha() and w.islower())
            options = set(re.findall(r"--[a-z][a-z-]*", span))
            rows.setdefault(command or "app", set()).update(options)
    return rows


def test_the_readme_lists_every_command_and_no_other(capsys: pytest.CaptureFixture[str]) -> None:
    listed = re.findall(r"^    ([a-z]+) ", help_text([], capsys), flags=re.M)
    documented = {command.split()[0] for command in readme_rows()} - {"app"}
    assert documented == set(listed) - {"app"}


def test_each_readme_row_shows_exactly_the_options_of_its_help(
    capsys: pytest.CaptureFixture[str],
) -> None:
    rows = readme_rows()
    global_options = rows.pop("app")  # the rows for `newstui` and `newstui --demo`
    assert global_options <= set(re.findall(r"--[a-z][a-z-]*", help_text([], capsys)))
    for command, options in rows.items():
        offered = set(re.findall(r"--[a-z][a-z-]*", help_text(command.split(), capsys)))
        assert options == offered - UNLISTED, f"README row for `newstui {command}`"


def test_each_command_has_one_readme_row() -> None:
    """User test r30 L2: two `downloads` rows (one without --delete) and two `quotes` rows
    saying different things of undated articles."""
    text = README.read_text("utf-8")
    section = text.split("\n## Commands\n", 1)[1].split("\n## ", 1)[0]
    commands = [  # (`sync` and `sync login` are two commands)
        " ".join(w for w in m.split()[:2] if w.isalpha() and w.islower())
        for m in re.findall(r"^\| `newstui ([^`]*)`", section, flags=re.M)
    ]
    assert sorted(c for c in set(commands) if commands.count(c) > 1) == []


def test_the_help_says_what_downloads_does_with_its_options(
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = help_text([], capsys)
    entry = text.split("\n    downloads ", 1)[1].split("\n    demo ", 1)[0]
    assert "--forget" in entry and "--delete" in entry
