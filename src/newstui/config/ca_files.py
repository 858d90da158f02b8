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
    import ssl

    from newstui.config.local_paths import path_problem

    if not isinstance(written, str):
        raise refuse(f"{owner} must be the path of a PEM file, not {written!r}")
    if problem := path_problem(written):
        raise refuse(f"{owner} {problem}")
    path = Path(written.strip()).expanduser()
    if not path.is_absolute() and config_path is not None:
        path = config_path.parent / path
    shown = str(path)
    try:
        with path.open("rb") as file:
            file.read(1)
    except IsADirectoryError:
        raise refuse(f"{owner} {shown} is a folder, not a PEM file of certificates") from None
    except FileNotFoundError:
        raise refuse(f"{owner} {shown} does not exist") from None
    except OSError as exc:
        raise refuse(f"{owner} {shown} cannot be read: {exc.strerror or exc}") from None
    try:
        ssl.create_default_context().load_verify_locations(cafile=shown)
    except (OSError, ssl.SSLError, ValueError):
        raise refuse(
            f"{owner} {shown} holds no PEM certificate (-----BEGIN CERTIFICATE-----)"
        ) from None
    return shown
