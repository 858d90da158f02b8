"""Argument values the parser checks (ids, counts, names, dates, paths) and the usage error they
raise."""

from __future__ import annotations

import argparse
import re
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from newstui.errors import NewstuiError
from newstui.model.names import shows_nothing

if TYPE_CHECKING:
    # pathlib (~17M instructions with urllib.parse and ipaddress): --db and --config stay text
    # until a command needs a Path (see store_path_of)
    from pathlib import Path


def article_id_argument(text: str) -> int:
    """An article id: a whole number (one no article can have, 0 or 2**63, is answered as an id
    not stored is: "no article with id 0", exit status 1)."""
    return _whole(text, "not an article id")


_WHOLE = re.compile(r"\s*[+-]?[0-9]{1,100}\s*", re.ASCII)


def _whole(text: str, problem: str) -> int:
    """A whole number written in ASCII digits (int() also takes '١' or '1_0'); one of over 100
    digits, no id or count, is refused with its start only, not echoed whole."""
    if not _WHOLE.fullmatch(text):
        shown = repr(text) if len(text) <= 40 else f"{text[:20]!r}… ({len(text):,} characters)"
        raise argparse.ArgumentTypeError(f"{problem}: {shown}")
    return int(text)


def storable_id(article_id: int) -> bool:
    """Whether an id is one SQLite can hold and an article can have (1 to 2**63 - 1)."""
    return 0 < article_id < 2**63


class UsageError(NewstuiError):
    """A command line argparse cannot refuse alone (`mark 7` with no action): exit status 2, kind
    `usage`, as argparse's own errors."""


def count_argument(text: str) -> int:
    """A --limit, a download id or an enclosure number: a whole number from 1 to the largest SQLite
    can take."""
    value = _whole(text, "not a whole number")
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    if value >= 2**63:
        raise argparse.ArgumentTypeError(f"must be at most {2**63 - 1:,}, not {text}")
    return value


def source_name_argument(text: str) -> str:
    """An add or import --name: empty (the feed's title, the file's name), or one that shows
    (a name of invisible characters alone, a joiner or a Hangul filler, was a blank line in
    Sources and `feeds`)."""
    from newstui.text import clean_line

    if text and shows_nothing(clean_line(text)):
        raise argparse.ArgumentTypeError(
            f"shows nothing: it is only invisible characters ({text!a})"
        )
    return text


def entity_name_argument(text: str) -> str:
    """An entities --name or quotes --speaker: a name with a letter or digit, its spaces made
    single (an empty --speaker '' listed every quote)."""
    if not any(ch.isalnum() for ch in text):
        raise argparse.ArgumentTypeError("needs a name: letters or digits")
    return " ".join(text.split())


def since_argument(text: str) -> str | date:
    """A --since: a day (YYYY-MM-DD, the local day, counted as after:DAY counts it, with its
    date-only articles) → that date, or an age (7d, 12h, 2w) → the ISO time (UTC) it starts."""
    from datetime import timedelta

    from newstui.query import AGE_UNITS

    text = text.strip()
    match = re.fullmatch(r"(\d{1,6})([mhdw])", text)
    if match:
        try:
            moment = datetime.now(UTC) - timedelta(seconds=int(match[1]) * AGE_UNITS[match[2]])
        except OverflowError:  # 999999w: before the year 1
            raise argparse.ArgumentTypeError(
                f"{text!r} reaches back before the year 1 (try a date, YYYY-MM-DD)"
            ) from None
        return moment.replace(microsecond=0).isoformat()
    try:
        day = date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return _bad_since(text)
    return _bad_since(text) if day is None else day


def _bad_since(text: str) -> str:
    raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD) or an age like 7d: {text!r}")


JSON_HELP = "print machine-readable JSON (an error is a JSON object too)"


def path_argument(text: str) -> Path:
    """A path argument (pathlib is loaded when a command takes one)."""
    from pathlib import Path

    return Path(text)


def newsboat_flag(text: str) -> str:
    """`--star-flag`: one of newsboat's flags, a letter (as Ctrl-E sets them: `s`)."""
    if len(text) != 1 or not (text.isascii() and text.isalpha()):  # (not K: review r52 LOW-3)
        shown = ascii(text[:20]) if text else "''"
        raise argparse.ArgumentTypeError(
            f"newsboat's flags are one letter, A to Z or a to z (as Ctrl-E sets them: s), not {shown}"
        )
    return text


def add_limit_or_all(p: argparse.ArgumentParser, default: int, what: str) -> None:
    """`--limit K` (at most K, `default` when not given) or `--all`, as `list` has them."""
    size = p.add_mutually_exclusive_group()
    size.add_argument(
        "--limit",
        type=count_argument,
        default=default,
        metavar="K",
        help=f"at most K (default {default})",
    )
    size.add_argument(
        "--all", dest="limit", action="store_const", const=None, help=f"every matching {what}"
    )


def readable_arguments(args: argparse.Namespace) -> argparse.Namespace:
    """Text arguments (names, tags, queries) with bytes that are not UTF-8 as U+FFFD.

    The OS hands such bytes over as lone surrogates, which SQLite and the terminal refuse; paths
    keep them, so a file with such a name still opens.
    """
    for key, value in vars(args).items():
        if isinstance(value, str):
            setattr(args, key, _readable(value))
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            setattr(args, key, [_readable(v) for v in value])
    return args


def _readable(text: str) -> str:
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate no decoder made
        raw = text.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "replace")
