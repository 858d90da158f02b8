"""Writing an export into the user's file (`opml export FILE`): an existing file is the user's
(an earlier export, say) and is replaced only when asked (`--force`), never half-written."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from newstui.errors import NewstuiError
from newstui.file_replace import replace_file_text
from newstui.text import shown_name


def check_export_target(path: Path, *, force: bool) -> os.stat_result | None:
    """Refuse, in one line naming it (NewstuiError, its source the path), a file `path` an
    export must not be written to: a folder, or a file that exists unless `force`. What is
    there now (None when nothing is)."""
    try:
        status: os.stat_result | None = path.stat()
    except FileNotFoundError:
        status = None
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise NewstuiError(
            f"{shown_name(str(path))}: a folder: name the file to write in it", source=str(path)
        )
    if status is not None and stat.S_ISREG(status.st_mode) and not force:
        raise NewstuiError(
            f"{shown_name(str(path))}: already exists (--force replaces it)", source=str(path)
        )
    return status


def write_export(path: Path, text: str, *, force: bool) -> None:
    """Write `text` (UTF-8) into the file `path`. One that exists is refused in one line naming
    it and `--force` (NewstuiError, its source the path) unless `force`; then the text goes
    into a file of its own beside it, renamed over it once whole (a failed write leaves the
    earlier file as it was), which keeps its permissions; a symbolic link stays one, its
    target written. A device or pipe (`/dev/stdout`) is written as it is: it holds no file to
    lose. OSError when the folder or file cannot be written."""
    status = check_export_target(path, force=force)
    if status is not None and not stat.S_ISREG(status.st_mode):
        with open(path, "w", encoding="utf-8") as out:
            out.write(text)
        return
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    if status is None:
        made = False
        try:
            with open(target, "x", encoding="utf-8") as out:  # (x: one made meanwhile stays)
                made = True
                out.write(text)
        except BaseException:
            if made:  # (not half-written: a full disk)
                with contextlib.suppress(OSError):
                    os.unlink(target)
            raise
        return
    replace_file_text(target, text, mode=stat.S_IMODE(status.st_mode))
