"""The example config shipped with the package, and the config file made from it at a first
run."""

from __future__ import annotations

from pathlib import Path

from newstui.config.edit_lock import config_locked
from newstui.errors import ConfigError


def example_config_text() -> str:
    """The example config shipped with the package: what a first run, the first `add` (CLI or
    app) and the first `opml import` all start from. Its feeds are commented out, so a config
    lists only the feeds its user chose (newsboat starts with none; `--demo` shows articles)."""
    from importlib import resources  # only here: it imports tempfile, shutil… (~4 ms)

    return resources.files("newstui").joinpath("feeds.example.toml").read_text("utf-8")


def ensure_config(path: Path) -> None:
    """Create the config file from the shipped example when it does not exist yet (under the
    edits' lock: a first run's app and its `a` or a CLI `add` beside it wrote one over the
    other's: review r39 CW1)."""
    if path.exists():
        return
    try:  # (its own error: the write's said only "No such file or directory", user test r45 L6)
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        folder = exc.filename or path.parent
        raise ConfigError(f"{path}: cannot create config folder {folder}: {exc.strerror}") from exc
    try:
        with config_locked(path):
            if not path.exists():
                path.write_text(example_config_text(), "utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot create config file: {exc.strerror}") from exc
