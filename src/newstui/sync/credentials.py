"""The sync password (from a command run without a shell, an environment variable or the file)
and the server's auth token, cached in a private file beside the database."""

from __future__ import annotations

import contextlib
import json
import os
import shlex
import stat
import subprocess
from pathlib import Path

from newstui.config.tables import SyncConfig
from newstui.errors import SyncError
from newstui.file_replace import replace_file_text
from newstui.text import clean_line

COMMAND_TIMEOUT = 60.0  # seconds a password_command may take (it may ask for a passphrase)


def resolve_password(sync: SyncConfig) -> str:
    """The password from `password_command`, `password_env` or `password`, whichever is set."""
    if sync.password_command is not None:
        return _run_password_command(sync.password_command)
    if sync.password_env is not None:
        value = os.environ.get(sync.password_env)
        if not value:
            raise SyncError(f"sync: environment variable {sync.password_env} is not set")
        return value
    if sync.password:
        return sync.password
    raise SyncError("sync: no password_command, password_env or password in [sync]")


def _run_password_command(command: str) -> str:
    """Run the command (split like a shell would, but never through one); its first line. A
    word `~`, `~/…` (or `~user/…`) is the home folder's path, as the config file's paths are
    (user test r51 LOW-1: `cat ~/frss-pass`)."""
    try:
        argv = [os.path.expanduser(w) if w.startswith("~") else w for w in shlex.split(command)]
    except ValueError as exc:
        raise SyncError(f"sync: password_command cannot be split into words: {exc}") from None
    if not argv:
        raise SyncError("sync: password_command is empty")
    try:
        done = subprocess.run(
            argv,
            shell=False,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=COMMAND_TIMEOUT,
            check=False,
        )
    except FileNotFoundError:
        raise SyncError(f"sync: password_command: program {argv[0]!r} not found") from None
    except PermissionError:
        raise SyncError(f"sync: password_command: {argv[0]!r} is not executable") from None
    except subprocess.TimeoutExpired:
        raise SyncError(
            f"sync: password_command took longer than {COMMAND_TIMEOUT:g} s and was stopped"
        ) from None
    except OSError as exc:
        raise SyncError(f"sync: password_command: {exc.strerror or exc}") from None
    if done.returncode != 0:
        why = clean_line(done.stderr.decode("utf-8", "replace"), 200)
        raise SyncError(
            f"sync: password_command exited with status {done.returncode}"
            + (f": {why}" if why else "")
        )
    lines = done.stdout.decode("utf-8", "replace").splitlines()
    if not lines or not lines[0]:
        raise SyncError("sync: password_command printed no password")
    return lines[0]


def password_warning(sync: SyncConfig, config_path: Path) -> str | None:
    """A warning when the password is written in a config file other users can read."""
    if sync.password is None:
        return None
    try:
        mode = config_path.stat().st_mode
    except OSError:
        return None
    if mode & (stat.S_IRGRP | stat.S_IROTH):
        return (
            f"{config_path}: holds the sync password and other users can read it; "
            f"run `chmod 600 {config_path}`, or use password_command or password_env"
        )
    return None


class AuthCache:
    """Server auth tokens by server and user, in a file only the user can read (0600)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path

    def _load(self) -> dict[str, str]:
        if self.path is None:
            return {}
        try:
            data = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def get(self, key: str) -> str | None:
        """The cached token for a server and user, or None."""
        value = self._load().get(key)
        return value if isinstance(value, str) else None

    def put(self, key: str, token: str | None) -> None:
        """Cache (or with None, forget) a token; a cache that cannot be written is skipped."""
        if self.path is None:
            return
        data = self._load()
        if token is None:
            if key not in data:
                return
            data.pop(key)
        else:
            data[key] = token
        with contextlib.suppress(OSError):
            replace_file_text(self.path, json.dumps(data), mode=0o600)


def auth_cache_for(db_path: Path | str) -> AuthCache:
    """The token cache beside a database file (none for an in-memory database)."""
    if str(db_path) == ":memory:":
        return AuthCache(None)
    path = Path(db_path)
    return AuthCache(path.with_name(path.name + ".sync-auth"))
