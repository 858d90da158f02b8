"""Huge counts and long queries: a clear one-line message, never an OverflowError or a slow search."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from newstui.cli.main import main
from newstui.config import Settings, load_config
from newstui.config.entry_reading import FEED_KEYS
from newstui.config.settings_table import NUMBER_RANGES
from newstui.errors import ConfigError
from newstui.query import MAX_TERMS, And, Or, QueryError, Term, parse_query

from .rows import HostileDb

LIMITED = [("list",), ("search", "paragraph"), ("entities",), ("quotes",)]


@pytest.mark.parametrize("command", LIMITED, ids=" ".join)
@pytest.mark.parametrize("limit", [2**63, 2**64, 10**40])
def test_a_limit_beyond_what_sqlite_holds_is_one_clear_message(
    capsys: pytest.CaptureFixture[str], hostile_db: HostileDb, command: tuple[str, ...], limit: int
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--db", str(hostile_db.path), *command, "--limit", str(limit)])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "OverflowError" not in err
    assert f"argument --limit: must be at most 9,223,372,036,854,775,807, not {limit}" in err


@pytest.mark.parametrize("command", LIMITED, ids=" ".join)
def test_the_largest_limit_sqlite_holds_lists_everything(
    capsys: pytest.CaptureFixture[str], hostile_db: HostileDb, command: tuple[str, ...]
) -> None:
    code = main(["--db", str(hostile_db.path), *command, "--limit", str(2**63 - 1), "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert len(json.loads(out)) >= 1


def _bad_values(key: str) -> list[object]:
    low, high, _unit = NUMBER_RANGES[key]
    values: list[object] = [-1, high + 1, 2**64, 10**30]
    if low > 0:
        values.append(0)
    if key == "timeout":
        values += [math.nan, math.inf, -math.inf, 1e308]
    return values


SETTING_KEYS = [key for key in NUMBER_RANGES if hasattr(Settings, key)]
FEED_NUMBER_KEYS = [key for key in NUMBER_RANGES if key in FEED_KEYS]  # a [[feeds]] entry's own
BAD_SETTINGS = [(key, value) for key in SETTING_KEYS for value in _bad_values(key)]
BAD_FEED_KEYS = [(key, value) for key in FEED_NUMBER_KEYS for value in _bad_values(key)]


def _toml(value: object) -> str:
    if isinstance(value, float) and not math.isfinite(value):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    return repr(value)


@pytest.mark.parametrize(("key", "value"), BAD_SETTINGS, ids=[f"{k}={v}" for k, v in BAD_SETTINGS])
def test_every_numeric_setting_out_of_range_is_refused_naming_the_line(
    tmp_path: Path, key: str, value: object
) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text(f"# mine\n[settings]\n{key} = {_toml(value)}\n", "utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert message.startswith(f"{path}:3: setting '{key}' must be ")
    assert "\n" not in message


@pytest.mark.parametrize(
    ("key", "value"), BAD_FEED_KEYS, ids=[f"{k}={v}" for k, v in BAD_FEED_KEYS]
)
def test_every_numeric_feed_key_out_of_range_is_refused_naming_the_line(
    tmp_path: Path, key: str, value: object
) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text(f'[[feeds]]\nurl = "https://e.test/f.xml"\n{key} = {_toml(value)}\n', "utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert message.startswith(f"{path}:3: '{key}' of feed ")
    assert " must be " in message and "\n" not in message


def test_the_bounds_themselves_are_accepted(tmp_path: Path) -> None:
    for index in (0, 1):
        lines = [f"{key} = {_toml(NUMBER_RANGES[key][index])}" for key in SETTING_KEYS]
        path = tmp_path / "feeds.toml"
        path.write_text("[settings]\n" + "\n".join(lines) + "\n", "utf-8")
        settings = load_config(path).settings
        assert settings.timeout == NUMBER_RANGES["timeout"][index]


def test_a_nan_timeout_through_the_cli_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = tmp_path / "feeds.toml"
    config.write_text("[settings]\ntimeout = nan\n", "utf-8")
    assert main(["--db", str(tmp_path / "x.db"), "--config", str(config), "fetch"]) == 1
    err = capsys.readouterr().err
    assert err.strip() == (
        f"newstui: {config}:2: setting 'timeout' must be a finite number (seconds), not nan"
    )


def test_repeated_words_count_once_and_keep_their_order() -> None:
    query = parse_query("Aleppo aleppo ALEPPO  syria* Aleppo")
    assert query.root == And((Term("Aleppo"), Term("syria", prefix=True)))
    assert parse_query(" ".join(["word"] * 300)).root == Term("word")
    assert parse_query("a OR b OR a").root == Or((Term("a"), Term("b")))


def test_more_distinct_terms_than_the_cap_is_one_message() -> None:
    words = [f"w{i}" for i in range(MAX_TERMS)]
    assert len(parse_query(" ".join(words * 3)).root.parts) == MAX_TERMS  # type: ignore[union-attr]
    with pytest.raises(QueryError, match=f"more than {MAX_TERMS} different search terms"):
        parse_query(" ".join([*words, "one-more"]))
    with pytest.raises(QueryError, match=f"more than {MAX_TERMS} different search terms"):
        parse_query(" OR ".join(f'title:"p{i}"' for i in range(MAX_TERMS + 1)))


def test_a_thousand_or_three_hundred_word_search_is_refused_at_once_through_the_cli(
    capsys: pytest.CaptureFixture[str], hostile_db: HostileDb
) -> None:
    words = [f"w{i}" for i in range(1000)]
    assert main(["--db", str(hostile_db.path), "search", *words]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert "query longer than 2000 characters at 2001" in err
    assert main(["--db", str(hostile_db.path), "search", *words[:300]]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert f"more than {MAX_TERMS} different search terms; keep the most telling ones at " in err


def test_many_copies_of_a_few_words_still_search(
    capsys: pytest.CaptureFixture[str], hostile_db: HostileDb
) -> None:
    words = ["second", "paragraph", "Aleppo"] * 60
    assert main(["--db", str(hostile_db.path), "search", *words, "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["id"] == hostile_db.article_id


def test_a_search_of_undecodable_bytes_is_a_clean_message(
    capsys: pytest.CaptureFixture[str], hostile_db: HostileDb
) -> None:
    main(["--db", str(hostile_db.path), "search", "\udcff\udcfe"])
    err = capsys.readouterr().err
    assert "Traceback" not in err and "\\udc" not in err
    assert len(err.strip().splitlines()) == 1
