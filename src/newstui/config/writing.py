"""Replacing feeds.toml with an edit's text: only once that text loads."""

from __future__ import annotations

import os
from pathlib import Path

from newstui.config import parse_config
from newstui.config.passwords import holds_password
from newstui.errors import ConfigError
from newstui.file_replace import replace_file_text


def write_config(path: Path, text: str) -> None:
    """Replace the config file at once (never half-written) with `text`, once that loads: a
    text that does not is one line naming its problem, and the file is left as it was (review
    r34 C2: it was checked only after it had replaced the file, which then failed every start).

    A symlinked file (a dotfiles repository) is written where the link points, and the link
    stays; the file keeps its permissions (`chmod 600` for a sync password stays 600): user
    test r34 M5, a rewrite replaced the link by a file readable by everyone. The text is
    written to a temporary file of its own (file_replace: 0600 until it takes the old file's
    permissions; a new config stays 0600), removed if the write fails. A file holding a
    password (a feed's address with one, `add https://me:pw@…`, or [sync]'s) is written
    readable by its owner alone (user test r48 LOW-21: it stayed -rw-r--r-- on a shared
    machine)."""
    try:
        written = parse_config(path, text)  # the result must be valid
    except ConfigError as exc:
        raise ConfigError(f"{exc} (not written: the file is as it was)", source=str(path)) from None
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        target.parent.mkdir(parents=True, exist_ok=True)  # the first `add` writes a new config
        if _crlf(target):  # (read with "\n" ends, as every edit reads it: review r51 LOW-9)
            text = text.replace("\r\n", "\n").replace("\n", "\r\n")
        replace_file_text(target, text, owner_only=holds_password(written))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write config file: {exc.strerror or exc}") from exc


def _crlf(path: Path) -> bool:
    """Whether the config file there ends its lines with CRLF (written on Windows, or kept so in
    a repository): an edit keeps them so, not only the lines it wrote; False for a new file."""
    try:
        with path.open("rb") as file:
            return b"\r\n" in file.read()
    except OSError:  # (none yet, or unreadable: replace_file_text says what is wrong)
        return False
