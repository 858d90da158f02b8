"""Editing feeds.toml: one read-change-replace at a time (a lock in this process and flock on
the file's folder), and tomlkit's document of the text."""

from __future__ import annotations

import contextlib
import os
import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Concatenate, ParamSpec, TypeVar

from newstui.config.toml_errors import TOO_DEEP
from newstui.errors import ConfigError

if TYPE_CHECKING:  # (tomlkit: imported by the edits that use it)
    from tomlkit import TOMLDocument


_P = ParamSpec("_P")
_R = TypeVar("_R")
_EDITING = threading.Lock()  # one edit of a config file at a time in this process


@contextlib.contextmanager
def config_locked(path: Path) -> Iterator[None]:
    """Hold the right to edit the config file at `path`: against this process's other threads
    (the app's workers: `I` import, `a` add, removals) and, where the system has flock, other
    newstui processes (a CLI `add` beside the app), by a lock on the file's folder. Each edit
    reads the file, changes it and replaces it: two at once lost one's feeds (review r39 CW1)."""
    with _EDITING:
        try:
            import fcntl
        except ImportError:  # (no flock here: this process's threads are still kept apart)
            yield
            return
        folder = (Path(os.path.realpath(path)) if path.is_symlink() else path).parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd = os.open(folder, os.O_RDONLY)
        except OSError:  # (the write says what is wrong with the folder)
            yield
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # (closing drops the lock)


class _NotEditable(Exception):
    """A config text tomllib reads but tomlkit cannot edit (values nested deeper than tomlkit's
    100 levels: an ignored `[keys]` inline table, say); edits_config names the file."""


def toml_document(raw: str) -> TOMLDocument:
    """tomlkit's document of a config text, to edit it; _NotEditable when tomlkit refuses it."""
    import tomlkit  # only editing needs it
    from tomlkit.exceptions import ParseError

    try:
        return tomlkit.parse(raw)
    except ParseError as exc:
        reason = re.sub(r" at line \d+ col \d+$", "", str(exc))
        raise _NotEditable(f"{exc.line}: cannot edit it: {reason}") from None


def edits_config(edit: Callable[Concatenate[Path, _P], _R]) -> Callable[Concatenate[Path, _P], _R]:
    """Run a read-change-replace of the config file under config_locked. A text nested too
    deeply to edit is one line naming the file, and the file is left as it was (hostile r44 H2:
    `add` and `opml import` parse it again, with tomllib and tomlkit)."""

    def locked(path: Path, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        with config_locked(path):
            try:
                return edit(path, *args, **kwargs)
            except (RecursionError, _NotEditable) as exc:
                where = f"{path}:{exc}" if isinstance(exc, _NotEditable) else f"{path}: {TOO_DEEP}"
                raise ConfigError(f"{where} (not written: the file is as it was)") from None

    locked.__name__, locked.__doc__ = edit.__name__, edit.__doc__
    return locked
