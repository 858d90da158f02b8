"""File names and arguments that are not UTF-8: one warning line each, and the rest goes on."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newstui.cli.main import main

from .rows import TERMINAL_CONTROL


def made(folder: Path, *parts: bytes, text: str | None = None) -> Path:
    """A file (with `text`) or folder under `folder` whose name is raw bytes; returns its Path."""
    path = os.path.join(os.fsencode(folder), *parts)
    if text is None:
        os.makedirs(path, exist_ok=True)
    else:
        with open(path, "w", encoding="utf-8") as file:
            file.write(text)
    return Path(os.fsdecode(path))


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "UnicodeEncodeError" not in err
    assert not TERMINAL_CONTROL.search(out + err)
    assert "\\udc" not in out + err  # never shown as an escape
    return code, out, err


def titles(capsys: pytest.CaptureFixture[str], db: Path) -> list[str]:
    code, out, err = run(capsys, db, "list", "--json")
    assert code == 0, err
    return sorted(row["title"] for row in json.loads(out))


def test_a_file_whose_name_is_not_utf8_imports_with_one_warning(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = made(tmp_path, b"caf\xe9-notes.txt", text="Cafe notes.\n\nA body.")
    db = tmp_path / "x.db"
    code, _out, err = run(capsys, db, "import", str(bad))
    assert code == 0
    [warning] = [line for line in err.splitlines() if line.startswith("warning:")]
    assert "caf\ufffd-notes.txt: name is not valid UTF-8" in warning
    assert titles(capsys, db) == ["Cafe notes."]
    code, out, _err = run(capsys, db, "feeds", "--json")
    assert json.loads(out)[0]["name"] == "caf\ufffd-notes.txt"


def test_a_folder_whose_name_is_not_utf8_imports_with_one_warning(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = made(tmp_path, b"clips\xff")
    made(tmp_path, b"clips\xff", b"one.txt", text="First clip.\n\nBody.")
    made(tmp_path, b"clips\xff", b"two.md", text="# Second clip\n\nBody.")
    db = tmp_path / "x.db"
    code, _out, err = run(capsys, db, "import", str(folder))
    assert code == 0
    assert len([line for line in err.splitlines() if "not valid UTF-8" in line]) == 1
    assert titles(capsys, db) == ["First clip.", "Second clip"]


def test_one_bad_name_inside_a_folder_is_one_line_and_the_rest_imports_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = made(tmp_path, b"mixed")
    made(tmp_path, b"mixed", b"good.txt", text="Good one.\n\nBody.")
    made(tmp_path, b"mixed", b"bad\xfe\xff.txt", text="Bad name.\n\nBody.")
    made(tmp_path, b"mixed", b"zzz.txt", text="Last one.\n\nBody.")
    db = tmp_path / "x.db"
    code, out, err = run(capsys, db, "import", str(folder))
    assert code == 0
    [warning] = [line for line in err.splitlines() if line.startswith("warning:")]
    assert "bad\ufffd\ufffd.txt: name is not valid UTF-8" in warning
    assert "3 new" in out
    assert titles(capsys, db) == ["Bad name.", "Good one.", "Last one."]
    code, out, _err = run(capsys, db, "import", str(folder))  # unchanged files add nothing
    assert "0 new articles, 0 updated" in out


def test_fetch_goes_on_past_a_local_source_holding_a_bad_name(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    made(tmp_path, b"first")
    made(tmp_path, b"first", b"odd\x80.txt", text="Odd one.\n\nBody.")
    made(tmp_path, b"second")
    made(tmp_path, b"second", b"fine.txt", text="Fine one.\n\nBody.")
    config = tmp_path / "feeds.toml"
    config.write_text(
        '[[local]]\nname = "First"\npath = "first"\n\n[[local]]\nname = "Second"\npath = "second"\n',
        "utf-8",
    )
    db = tmp_path / "x.db"
    code, out, err = run(capsys, db, "--config", str(config), "fetch")
    assert code == 0, err
    assert "2 of 2 sources ok" in out
    assert titles(capsys, db) == ["Fine one.", "Odd one."]


@pytest.mark.parametrize(
    "args",
    [
        ["search", "\udcff\udcfe"],
        ["list", "--feed", "\udcff"],
        ["list", "--tag", "caf\udce9"],
        ["quotes", "--speaker", "\udcff"],
        ["list", "--query", "title:\udcff"],
    ],
    ids=lambda a: a[0] + " " + a[1],
)
def test_arguments_that_are_not_utf8_are_a_clean_answer(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str]
) -> None:
    if args[:2] == ["quotes", "--speaker"]:
        # a speaker with no letter or digit is refused as a bad argument (exit 2), as
        # `--speaker ''` is (user test r33 L5): argparse's one line, no traceback
        with pytest.raises(SystemExit) as stop:
            main(["--db", str(tmp_path / "x.db"), *args])
        out, err = capsys.readouterr()
        assert stop.value.code == 2
        assert err.strip() == (
            "newstui quotes: argument --speaker: needs a name: letters or digits "
            "(see `newstui quotes --help`)"
        )
        return
    code, out, err = run(capsys, tmp_path / "x.db", *args)
    assert len((out + err).strip().splitlines()) == 1
    assert code in (0, 1), (code, err)
