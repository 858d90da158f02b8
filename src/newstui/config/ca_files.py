"""A `ca_file` the config names ([settings] for feeds, pages and downloads; [sync] for its
server): checked as the config loads, so TLS never meets a file it cannot use."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any


def checked_ca_file(
    written: Any, config_path: Path | None, refuse: Callable[[str], Any], owner: str
) -> str:
    """A `ca_file` as TLS reads it: `~` expanded, relative to the config's folder, a file that
    holds at least one PEM certificate; else refused in one line starting with `owner` ("sync
    ca_file", "setting 'ca_file'": user test r51 MED-4)."""
    from newstui.config.local_paths import path_problem
    from newstui.sources.trust import ca_file_problem

    if not isinstance(written, str):
        raise refuse(f"{owner} must be the path of a PEM file, not {written!r}")
    if problem := path_problem(written):
        raise refuse(f"{owner} {problem}")
    path = Path(written.strip()).expanduser()
    if not path.is_absolute() and config_path is not None:
        path = config_path.parent / path
    shown = str(path)
    if problem := ca_file_problem(shown):
        raise refuse(f"{owner} {shown} {problem}")
    return shown
