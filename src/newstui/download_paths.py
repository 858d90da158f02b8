"""Where a download goes: the one rule that makes untrusted text (an episode's title, a feed's
name, a host) a safe file or folder name, and `download_dir`'s placeholders (podboat's
`download-path ~/Podcasts/%n`: a folder per feed, `%h` per host)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

from newstui.text import clean_line

# download_dir's placeholders, as podboat's download-path has them, and what each becomes
PLACEHOLDERS = {"%n": "the feed's name", "%h": "the host of the feed's URL"}
_PLACEHOLDER = re.compile(r"%[nh]")
MAX_FOLDER_NAME = 80  # characters of a folder a placeholder makes
MAX_NAME_BYTES = 230  # of any name made: 255, a file system's most, less `.part.validator`, ` (99)`
_UNSAFE_CHARS = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')
_RESERVED = re.compile(r"(?i)(con|prn|aux|nul|com\d|lpt\d)(\..*)?")


def safe_name(text: str, limit: int) -> str:
    """`text` as one file or folder name, at most `limit` characters (and MAX_NAME_BYTES of
    UTF-8): no path separator, control character or character a file system refuses, no
    leading dot or dash (never "." or ".."), no name Windows reserves; "" when nothing is left.
    The one rule wherever untrusted text becomes part of a path."""
    text = unicodedata.normalize("NFC", clean_line(text, 400))
    text = _UNSAFE_CHARS.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip().lstrip(".- ").rstrip(" .")
    if _RESERVED.fullmatch(text):
        text = f"_{text}"
    return fitted(text, limit)


def fitted(text: str, limit: int, keep: str = "") -> str:
    """`text` cut to `limit` characters with `keep` (an extension) after it, the whole within
    MAX_NAME_BYTES of UTF-8, without a trailing space or dot."""
    room = MAX_NAME_BYTES - len(keep.encode())
    text = text[: max(0, limit - len(keep))]
    while len(text.encode()) > room:
        text = text[:-1]
    return text.rstrip(" .") + keep


def has_placeholders(template: str) -> bool:
    """Whether a download_dir names a folder per feed (`%n`) or per host (`%h`)."""
    return _PLACEHOLDER.search(template) is not None


def download_root(template: str) -> Path:
    """The folder above download_dir's first placeholder (`~/Podcasts/%n` → `~/Podcasts`): the
    one every download is inside, which deleting and the checks of a file's place go by."""
    above = _until_placeholder(Path(template).expanduser().parts)
    return Path(*above) if above else Path()


def _until_placeholder(parts: tuple[str, ...]) -> list[str]:
    taken: list[str] = []
    for part in parts:
        if has_placeholders(part):
            break
        taken.append(part)
    return taken


def feed_folder(template: str, feed_name: str | None, feed_url: str | None) -> Path:
    """download_dir with its placeholders filled for one feed: `%n` its name, `%h` its URL's
    host, each made a safe folder name (`safe_name`); a feed with no name (or no host: a local
    file, a deleted article's) gets "Other"."""
    expanded = str(Path(template).expanduser())
    if not has_placeholders(expanded):
        return Path(expanded)
    host = _host(feed_url)
    values = {"%n": feed_name or host or "", "%h": host or ""}

    def filled(part: str) -> str:
        if not has_placeholders(part):
            return part
        made = _PLACEHOLDER.sub(lambda m: values[m[0]], part)
        return safe_name(made, MAX_FOLDER_NAME) or "Other"

    return Path(*(filled(part) for part in Path(expanded).parts))


def _host(url: str | None) -> str | None:
    """The host of a feed's URL (lower case, without port or password), else None."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https"):
        return None
    return parts.hostname or None
