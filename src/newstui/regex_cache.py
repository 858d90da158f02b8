"""Compiled regular expressions kept on disk between processes: loading the extractor
(processes.extractor_here) compiles ~430 of them (0.2 of its ~0.35 s of CPU, in every process that analyses: a fetch's worker, the
app's analysis worker), and Python's `re` parses each pattern and compiles it in Python code
again every time. Inside `kept_regexes()`, a pattern the cache file holds is made from its stored
compiled form (CPython's own, checked by `_sre.compile` as it is made), and the others are
compiled as usual and written to the file for the next process. The patterns compiled are the
same: a pattern is found by its exact text and flags, and made as `re` itself makes it.

Only on the Pythons whose `re` internals this follows (3.11–3.13); elsewhere, or when the file
cannot be read or written, patterns are compiled as usual. Only patterns compiled by the thread
that entered are kept (never a pattern another thread builds from a feed's text meanwhile).
"""

from __future__ import annotations

import contextlib
import logging
import marshal
import os
import sys
import threading
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

CACHE_FORMAT = 1  # bumped when what the file holds changes
SUPPORTED = ((3, 11), (3, 12), (3, 13))  # whose re._compiler.compile this module follows
NEW_BEFORE_A_REWRITE = 8  # patterns compiled anew before the file is written again (one or
# two change every process: built from a set, whose order differs from process to process)

# (pattern, flags) -> what _sre.compile takes after the pattern: flags, code, groups - 1,
# group index, index group
Stored = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

_lock = threading.RLock()


def cache_file() -> Path | None:
    """Where this Python's compiled patterns are kept (the user's cache folder, a file per
    interpreter and regular expression engine), or None where patterns are not kept."""
    if not _supported():
        return None
    try:
        sre = _internal("_sre")

        from newstui.paths import cache_dir
    except ImportError:
        return None
    # the build too (its version and date, as sys.version says them): a patch release can
    # change how re compiles a pattern with neither MAGIC nor CODESIZE changing (review r54)
    build = zlib.crc32(sys.version.encode())
    tag = f"{sys.implementation.cache_tag}-{build:08x}-{sre.MAGIC}-{sre.CODESIZE}-{CACHE_FORMAT}"
    return cache_dir() / f"regexes-{tag}.marshal"


@contextlib.contextmanager
def kept_regexes(path: Path | None = None) -> Iterator[None]:
    """Patterns compiled by this thread meanwhile are made from the cache file at `path`
    (default: cache_file()) where it holds them; the file is written again on leaving when it
    was missing or more than NEW_BEFORE_A_REWRITE patterns were new (with the patterns of this
    time only: one no longer compiled drops out; a time that compiled none writes nothing).
    Never raises for the cache's sake."""
    path = path if path is not None else cache_file()
    if path is None or not _supported() or not _internals_known():
        yield
        return
    with _lock:  # (one at a time: the patch below is the process's)
        kept = _Kept(_read(path), threading.get_ident())
        compiler = _internal("re._compiler")
        real = compiler.compile
        compiler.compile = kept.compiler(real)
        try:
            yield
        finally:
            compiler.compile = real
    if kept.used and (kept.missing_file or kept.new > NEW_BEFORE_A_REWRITE):
        _write(path, kept.used)


class _Kept:
    """The patterns of one `kept_regexes`: those read from the file, and those used since."""

    def __init__(self, stored: dict[tuple[str | bytes, int], Stored] | None, thread: int) -> None:
        self.stored = stored or {}
        self.missing_file = stored is None
        self.thread = thread
        self.used: dict[tuple[str | bytes, int], Stored] = {}
        self.new = 0

    def compiler(self, real: Callable[..., Any]) -> Callable[..., Any]:
        """re._compiler.compile, making the patterns it may from what the file holds."""
        _sre, _compiler, _parser = (
            _internal(name) for name in ("_sre", "re._compiler", "re._parser")
        )

        def compile(p: Any, flags: int = 0) -> Any:
            if threading.get_ident() != self.thread or not isinstance(p, str | bytes):
                return real(p, flags)
            if flags & _compiler.SRE_FLAG_DEBUG:  # (prints its code: compiled anew)
                return real(p, flags)
            key = (p, int(flags))
            stored = self.stored.get(key)
            if stored is not None:
                try:
                    made = _sre.compile(p, *stored)
                except Exception:  # (not what this engine takes: compiled anew below)
                    logger.debug("a kept pattern did not load", exc_info=True)
                else:
                    self.used[key] = stored
                    return made
            # re._compiler.compile's own steps (3.11-3.13), keeping what _sre.compile takes
            parsed = _parser.parse(p, flags)
            code = _compiler._code(parsed, flags)
            groupindex = parsed.state.groupdict
            indexgroup: list[str | None] = [None] * parsed.state.groups
            for name, index in groupindex.items():
                indexgroup[index] = name
            made_from: Stored = (
                int(flags | parsed.state.flags),
                [int(op) for op in code],
                parsed.state.groups - 1,
                dict(groupindex),
                tuple(indexgroup),
            )
            self.used[key] = made_from
            self.new += 1
            return _sre.compile(p, *made_from)

        return compile


def _supported() -> bool:
    """Whether this Python's `re` is one whose compiling kept_regexes follows."""
    return sys.version_info[:2] in SUPPORTED and sys.implementation.name == "cpython"


def _internal(name: str) -> Any:
    """One of the `re` engine's own modules (no types of their own: private to `re`)."""
    import importlib

    return importlib.import_module(name)


def _internals_known() -> bool:
    """Whether `re` has the internals kept_regexes follows (a Python that moved them: no)."""
    try:
        found = [
            getattr(_internal(module), name, None)
            for module, name in (
                ("re._compiler", "compile"),
                ("re._compiler", "_code"),
                ("re._parser", "parse"),
                ("_sre", "compile"),
            )
        ]
    except ImportError:
        return False
    return all(callable(function) for function in found)


def _read(path: Path) -> dict[tuple[str | bytes, int], Stored] | None:
    """The patterns kept at `path`; None when there is no such file or it does not read (a
    half-written or damaged file is written again)."""
    try:
        data = marshal.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValueError, EOFError, TypeError):
        logger.debug("%s: not read", path, exc_info=True)
        return None
    if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT:
        return None
    patterns = data.get("patterns")
    return patterns if isinstance(patterns, dict) else None


def _write(path: Path, patterns: dict[tuple[str | bytes, int], Stored]) -> None:
    """Keep `patterns` at `path`, replacing the file whole (another process reads either the
    old file or the new one); a folder that cannot be written keeps nothing."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(marshal.dumps({"format": CACHE_FORMAT, "patterns": patterns}))
        os.replace(temporary, path)
    except (OSError, ValueError):
        logger.debug("%s: not written", path, exc_info=True)
        with contextlib.suppress(OSError):
            temporary.unlink()
