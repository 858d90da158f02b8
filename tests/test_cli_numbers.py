"""Every number on the command line (ids, limits, download ids, enclosure numbers) answers a value
too large for SQLite with one line, plain and as --json, never a traceback."""

from __future__ import annotations

import json

import pytest

from newstui.cli.main import main
from newstui.library import Library

TOO_LARGE = ["99999999999999999999", str(2**63)]
NUMBER_ARGUMENTS = [
    ["list", "--limit"],
    ["search", "x", "--limit"],
    ["entities", "--limit"],
    ["quotes", "--limit"],
    ["download", "1", "--enclosure"],
    ["downloads", "--forget"],
]
ARTICLE_ID_ARGUMENTS = [["show"], ["mark", "--read"], ["download"]]


@pytest.fixture
def run(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    db, config = tmp_path / "n.db", tmp_path / "feeds.toml"
    config.write_text("", "utf-8")
    Library.open(db).close()

    def run(*args: str) -> tuple[int, str, str]:
        try:
            code = main(["--db", str(db), "--config", str(config), *args])
        except SystemExit as exit:  # argparse's usage error
            code = int(exit.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.mark.parametrize("number", TOO_LARGE)
@pytest.mark.parametrize("words", NUMBER_ARGUMENTS, ids=" ".join)
def test_a_number_too_large_for_the_store_is_a_one_line_usage_error(run, words, number):
    code, out, err = run(*words, number)

    assert code == 2 and out == ""
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert "9,223,372,036,854,775,807" in err


@pytest.mark.parametrize("words", NUMBER_ARGUMENTS, ids=" ".join)
def test_a_number_too_large_for_the_store_is_a_json_usage_error_with_json(run, words):
    code, out, err = run(*words, TOO_LARGE[0], "--json")

    assert code == 2 and "Traceback" not in err
    assert json.loads(out)["kind"] == "usage"


def test_forgetting_download_zero_is_refused_in_one_line(run):
    code, _, err = run("downloads", "--forget", "0")

    assert code == 2 and "must be at least 1, not 0" in err


@pytest.mark.parametrize("number", [*TOO_LARGE, "0", "-3", "99999"])
@pytest.mark.parametrize("words", ARTICLE_ID_ARGUMENTS, ids=" ".join)
def test_an_article_id_no_article_can_have_is_answered_as_an_id_not_stored(run, words, number):
    """`show 0` was a usage error (exit 2) and `show 99999` an input error (exit 1)."""
    code, out, err = run(*words, number)
    assert code == 1 and out == ""
    assert err.strip() == f"newstui: no article with id {number}"

    code, out, _ = run(*words, number, "--json")
    assert code == 1
    # (mark's error carries what it did: user test r39 L8)
    counts = {"marked": 0, "missing": 1, "changed": 0, "copies": 0} if words[0] == "mark" else {}
    assert json.loads(out) == {
        "error": f"no article with id {number}",
        "kind": "input",
        "source": None,
        **counts,
    }


def test_an_age_reaching_back_before_the_year_1_is_a_one_line_usage_error(run):
    code, out, err = run("quotes", "--since", "999999w")

    assert code == 2 and out == "" and "Traceback" not in err
    assert err.strip().splitlines() == [
        "newstui quotes: argument --since: '999999w' reaches back before the year 1 (try a "
        "date, YYYY-MM-DD) (see `newstui quotes --help`)"
    ]


@pytest.mark.parametrize("words", [["show"], ["mark", "--read"], ["list", "--limit"]], ids=" ".join)
@pytest.mark.parametrize("number", ["١", "1_0", "9" * 5000])
def test_a_number_not_in_ascii_digits_or_absurdly_long_is_one_short_usage_line(run, words, number):
    """'show ١' showed article 1 (int() reads any script's digits) and 5,000 digits echoed the
    whole argument back."""
    code, out, err = run(*words, number)

    assert code == 2 and out == "" and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1 and len(err) < 300, err
    assert "not an article id" in err or "not a whole number" in err
