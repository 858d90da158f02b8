"""The `[settings]` table: each setting's accepted values (numbers' ranges, the extractors,
sort orders, layouts, commands) and the one-line refusal of another."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

from newstui.config import LAYOUTS, SOURCES_LAYOUTS, Settings
from newstui.config.lines import entry_line, key_line, table_start_line
from newstui.config.local_paths import path_problem
from newstui.model import SORT_KEYS, SortOrder
from newstui.text import strip_controls
from newstui.word_lists import did_you_mean


def valid_fulltext(value: Any) -> bool:
    """True for "auto", true or false (not 1 or 0, which equal True and False)."""
    return isinstance(value, bool) or value == "auto"


def not_a_setting(key: str) -> str:
    """Where what a user looked for in the config under `key` is, if it lives elsewhere (user
    test r44 L5: `theme = "dark"` was an unknown setting, with no word of where the theme is)."""
    if key.casefold().replace("-", "_") in ("max_downloads", "downloads_at_once"):
        return " (downloads at once: download_concurrency, podboat's max-downloads)"
    if key.casefold() not in ("theme", "dark", "dark_theme", "light"):
        return ""
    from newstui.paths import ui_state_path

    return (
        " (the theme is no setting: t in the app switches light and dark, and the app keeps "
        f"the choice in {ui_state_path()})"
    )


# The extractors `extractor = "…"` may name: newstui.nlp.EXTRACTORS, listed here so that reading
# the config does not import the extractors (the app's first screen would wait for them); a test
# keeps the two lists equal.
EXTRACTOR_NAMES: tuple[str, ...] = ("rules", "none")


# Every numeric setting's accepted range (inclusive) and unit: outside it, one clear message.
NUMBER_RANGES: dict[str, tuple[float, float, str]] = {
    "concurrency": (1, 256, "feeds fetched at once"),
    "per_host": (1, 64, "requests to one host at once"),
    "fulltext_per_host": (1, 64, "article pages from one host at once"),
    "download_concurrency": (1, 16, "downloads at once"),
    "timeout": (0.1, 3600, "seconds"),
    "max_bytes": (1_000, 2_000_000_000, "bytes"),
    "refresh_minutes": (0, 7 * 24 * 60, "minutes; 0 = never"),
    "keep_days": (0, 36_500, "days; 0 = keep every article"),
    "keep_per_feed": (0, 10_000_000, "articles per feed; 0 = no limit"),
    "download_new": (0, 1_000, "new episodes queued per fetch; 0 = none"),
}
RETENTION_KEYS = ("keep_days", "keep_per_feed")


def as_written(value: Any) -> str:
    """A value as TOML spells it in a message: true and false, not Python's True and False; an
    integer too long to read in a line by its number of digits (hostile r45 H5: 400 digits)."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int) and not -(10**21) < value < 10**21:
        return f"a number of {len(str(abs(value))):,} digits"
    if isinstance(value, dt.date | dt.time):  # not `datetime.date(1979, 5, 27)` (hostile r45 L5)
        return value.isoformat()
    return repr(value)


def number_problem(key: str, value: Any, fractional: bool) -> str | None:
    """Why `value` is not acceptable for a numeric setting, or None."""
    low, high, unit = NUMBER_RANGES.get(key, (0, 1_000_000_000, "a count"))
    kind = "a number" if fractional else "a whole number"
    allowed = int | float if fractional else int
    if isinstance(value, bool) or not isinstance(value, allowed):
        return f"must be {kind} ({unit}), not {as_written(value)}"
    # an int is finite; isfinite() of one past 1e308 raised OverflowError (hostile r45 H5)
    if isinstance(value, float) and not math.isfinite(value):
        return f"must be a finite number ({unit}), not {value!r}"
    if value < low:
        return f"must be at least {_number(low)} ({unit}), not {as_written(value)}"
    if value > high:
        return f"must be at most {_number(high)} ({unit}), not {as_written(value)}"
    return None


def _number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:g}"


def validate_settings(table: Any, raw: str, fail: Any, config_path: Path | None = None) -> Settings:
    if not isinstance(table, dict):
        raise fail(key_line(raw, "settings"), "'settings' must be a table")
    defaults = Settings()
    values: dict[str, Any] = {}
    for key, value in table.items():
        # the line is looked up only for an error: a valid config is read without a search
        def kline(key: str = key) -> int:
            return (
                key_line(raw, key, "settings")
                or table_start_line(raw, f"settings.{key}")  # [settings.extra]
                or table_start_line(raw, "settings")
                or entry_line(raw, "settings", 0)
            )

        if not hasattr(defaults, key):
            import difflib

            near = difflib.get_close_matches(key, sorted(vars(defaults)), n=1)
            hint = not_a_setting(key) or did_you_mean(near)
            raise fail(kline(), f"unknown setting {key!r}{hint}")
        expected = type(getattr(defaults, key))
        if key == "fulltext":
            if not valid_fulltext(value):
                raise fail(
                    kline(),
                    f"setting 'fulltext' must be \"auto\", true or false, not {as_written(value)}",
                )
        elif key == "extractor":
            if value not in EXTRACTOR_NAMES:
                choices = ", ".join(f'"{name}"' for name in EXTRACTOR_NAMES)
                raise fail(kline(), f"setting 'extractor' must be one of {choices}, not {value!r}")
        elif expected in (int, float):
            problem = number_problem(key, value, expected is float)
            if problem:
                raise fail(kline(), f"setting {key!r} {problem}")
            value = float(value) if expected is float else value
        elif key == "sort":
            if not isinstance(value, str) or SortOrder.parse(value) is None:
                choices = ", ".join(f'"{k}", "{k}-reverse"' for k in SORT_KEYS)
                raise fail(kline(), f"setting 'sort' must be one of {choices}, not {value!r}")
        elif key == "layout":
            if value not in LAYOUTS:
                choices = " or ".join(f'"{name}"' for name in LAYOUTS)
                raise fail(kline(), f"setting 'layout' must be {choices}, not {as_written(value)}")
        elif key == "sources_layout":
            if value not in SOURCES_LAYOUTS:
                choices = " or ".join(f'"{name}"' for name in SOURCES_LAYOUTS)
                raise fail(
                    kline(), f"setting 'sources_layout' must be {choices}, not {as_written(value)}"
                )
        elif key == "download_dir":
            if not isinstance(value, str):
                raise fail(kline(), f"setting 'download_dir' must be a folder path, not {value!r}")
            if problem := path_problem(value):
                raise fail(kline(), f"setting 'download_dir' {value!r} {problem}")
        elif key == "ca_file" and not (isinstance(value, str) and not value.strip()):
            from newstui.config.ca_files import checked_ca_file

            # (its path as TLS reads it: `~` expanded, beside the config; "" is none)
            value = checked_ca_file(
                value, config_path, lambda problem: fail(kline(), problem), "setting 'ca_file'"
            )
        elif key in ("browser", "pager", "player"):
            from newstui.launch import LaunchError, needs_shell

            if not isinstance(value, str):
                example = {"browser": "w3m %u", "pager": "less -R", "player": "mpv %f"}[key]
                raise fail(
                    kline(),
                    f'setting {key!r} must be a command string, like "{example}", '
                    f"not {as_written(value)}",
                )
            if strip_controls(value) != value:  # (a NUL: a ValueError when run)
                raise fail(kline(), f"setting {key!r} {value!r} contains control characters")
            try:
                needs_shell(value)
            except LaunchError as exc:
                raise fail(kline(), f"setting {key!r}: {exc}") from None
        elif not isinstance(value, expected):  # (user test r37 L3: "must be a bool")
            kind = "true or false" if expected is bool else f"a {expected.__name__}"
            raise fail(kline(), f"setting {key!r} must be {kind}, not {as_written(value)}")
        values[key] = value
    return Settings(**values)


def setting_problem(key: str, value: Any) -> str | None:
    """Why `value` is no valid value of the setting `key` ("setting 'keep_days' must be …"),
    or None."""

    class _Refused(Exception):
        pass

    def fail(line: int, message: str) -> Exception:
        del line
        return _Refused(message)

    try:
        validate_settings({key: value}, "", fail)
    except _Refused as exc:
        return str(exc)
    return None
