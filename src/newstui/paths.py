"""Where newstui keeps its files: the config file, the database, the demo database, the app's
saved state, the cache and downloads (NEWSTUI_* variables, else the platform's folders). Apart from config/ so that a command that reads
only the database does not load the config's validation (tomllib, its dataclasses)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pathlib is loaded by the functions that make a Path (see kept_as_written)
    from pathlib import Path

APP_NAME = "newstui"


def kept_as_written(text: str) -> bool:
    """Whether pathlib would keep a path given on the command line as it is written, its folder
    being os.path.dirname's (a POSIX path with no empty or "." part, no trailing slash, no ~):
    a store-only command then uses it as written and never loads pathlib (with urllib.parse and
    ipaddress, ~17M instructions)."""
    if os.name != "posix" or not text or text.startswith("~"):
        return False
    parts = text[1:].split("/") if text.startswith("/") else text.split("/")
    return all(part not in ("", ".") for part in parts)


def opened_as_written(path: str | Path) -> bool:
    """Whether a database path is text pathlib would keep as written, in a folder that exists: the
    CLI and the store then use it as it is, and never load pathlib to make its folder."""
    return (
        isinstance(path, str)
        and kept_as_written(path)
        and os.path.isdir(os.path.dirname(path) or ".")
    )


def default_config_path() -> Path:
    """The user's config file: NEWSTUI_CONFIG, else the platform config dir."""
    from pathlib import Path

    env = os.environ.get("NEWSTUI_CONFIG")
    if env:
        return Path(env).expanduser()
    import platformdirs  # only without NEWSTUI_CONFIG/--config: it imports tempfile, shutil…

    return Path(platformdirs.user_config_dir(APP_NAME)) / "feeds.toml"


def default_db_path() -> Path:
    """The user's database: NEWSTUI_DB, else the platform data dir."""
    from pathlib import Path

    env = os.environ.get("NEWSTUI_DB")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME)) / "newstui.db"


def default_download_dir() -> Path:
    """Where downloaded enclosures go when `download_dir` is not set: NEWSTUI_DOWNLOADS, else a
    newstui folder in the user's downloads folder (~/Downloads/newstui on most systems)."""
    from pathlib import Path

    env = os.environ.get("NEWSTUI_DOWNLOADS")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_downloads_dir()) / APP_NAME


def demo_db_path() -> Path:
    """Where the demo database lives: beside the user's data, never in it."""
    from pathlib import Path

    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME)) / "demo.db"


def ui_state_path() -> Path:
    """The app's saved state between runs (sources pane width, sidebar tab…): ui.json in the
    platform state dir."""
    from pathlib import Path

    import platformdirs

    return Path(platformdirs.user_state_dir(APP_NAME)) / "ui.json"


def log_path() -> Path:
    """The app's log of warnings (an article the extractor failed on…), which it shows as
    notifications rather than on the terminal it draws on: newstui.log in the platform state
    dir."""
    from pathlib import Path

    import platformdirs

    return Path(platformdirs.user_state_dir(APP_NAME)) / "newstui.log"


def cache_dir() -> Path:
    """newstui's cache folder (kept things newstui can make again: the extractor's compiled
    patterns), the platform's user cache dir."""
    from pathlib import Path

    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME))
