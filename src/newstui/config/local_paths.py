"""A `[[local]]` path (and `download_dir`) as every command reads it, and the refusal of one
no command could read."""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path

from newstui.config.lines import entry_key_line
from newstui.errors import ConfigError
from newstui.text import strip_controls


def entry_refusal(
    raw: str, index: int, line: int, what: str, fail: Callable[[int, str], ConfigError]
) -> Callable[[str], ConfigError]:
    """How a `[[local]]` entry's path is refused: on the line of its `path = …` (looked up only
    then), "what problem"."""

    def refuse(problem: str) -> ConfigError:
        return fail(entry_key_line(raw, "local", index, "path") or line, f"{what} {problem}")

    return refuse


def local_path(config: Path, written: str, refuse: Callable[[str], ConfigError]) -> Path:
    """A `[[local]]` path as every command reads it: `~` expanded, relative to the config's
    folder. One that no command could read is refused (`refuse(problem)`): control characters
    (a NUL was a ValueError traceback at every start: hostile r44 H1), the home of a user this
    system does not have, a loop of symbolic links (resolving it raised)."""
    if problem := path_problem(written):
        raise refuse(problem)
    expanded = Path(written).expanduser()  # (path_problem tried it)
    loop = "is a loop of symbolic links"
    try:
        resolved = (config.parent / expanded).resolve()
    except RuntimeError:  # pathlib's "Symlink loop from …" (Python 3.11, 3.12)
        raise refuse(loop) from None
    except OSError as exc:  # (the working folder removed, for one relative to it)
        raise refuse(f"cannot be resolved: {exc.strerror or exc}") from None
    try:
        resolved.stat()
    except OSError as exc:  # (a missing one is fetch's to report, a loop everyone's)
        if exc.errno == errno.ELOOP:  # (Python 3.13 resolves a loop without a word)
            raise refuse(loop) from None
    return expanded if expanded.is_absolute() else resolved


def path_problem(written: str) -> str | None:
    """Why a path written in the config (a `[[local]]` path, `download_dir`) cannot be one, or
    None: control characters (NUL, escapes, line breaks: shown cleaned, "/tmp/" ESC "[2J" read as
    "/tmp/", hostile r44 L2), or `~user` of no such user."""
    if strip_controls(written) != written or "\n" in written or "\t" in written:
        return "contains control characters"
    try:
        Path(written).expanduser()
    except RuntimeError:  # pathlib: "Could not determine home directory."
        return f"starts with {written.split('/')[0]!r}, a home folder this system cannot find"
    return None
