"""The extractor's regular expressions are kept on disk between processes (newstui.regex_cache):
a pattern made from the file is the pattern `re` compiles, a file that does not read or holds
what the engine refuses costs nothing but the time, and nothing else is kept."""

from __future__ import annotations

import json
import marshal
import re
import subprocess
import sys
import threading
import uuid

import pytest

from newstui import regex_cache
from newstui.regex_cache import kept_regexes

pytestmark = pytest.mark.skipif(
    regex_cache.cache_file() is None, reason="patterns are not kept on this Python"
)


def fresh(template: str) -> str:
    """A pattern this process has not compiled yet (re keeps its own cache of patterns)."""
    return template.replace("UNIQUE", uuid.uuid4().hex)


SAMPLES = [  # (pattern, flags, a text it finds something in); UNIQUE: the same in both
    (r"(?P<word>\w+)-UNIQUE(?:\s+(\d{2,4}))?", 0, "Hello-UNIQUE 2024, Bye-UNIQUE"),
    (r"^said\s+UNIQUE\b", re.IGNORECASE | re.MULTILINE, "SAID UNIQUE here\nsaid  UNIQUE"),
    (r"[A-Z][a-z]+(?:\s[A-Z][a-z]+)*UNIQUE|(?<=\. )x", 0, "Angela MerkelUNIQUE. x"),
    (r"(?x) a  b  # UNIQUE", 0, "xxabab"),
    (rb"(?P<b>[\x00-\x7f]+)UNIQUE", 0, b"bytesUNIQUE"),
]


def test_a_pattern_made_from_the_file_is_the_pattern_re_compiles(tmp_path, monkeypatch):
    path = tmp_path / "regexes.marshal"
    unique = uuid.uuid4().hex
    samples = [
        (p.replace(*(("UNIQUE", unique) if isinstance(p, str) else (b"UNIQUE", unique.encode()))),
         flags,
         t.replace(*(("UNIQUE", unique) if isinstance(t, str) else (b"UNIQUE", unique.encode()))))
        for p, flags, t in SAMPLES
    ]  # fmt: skip
    with kept_regexes(path):
        first = [re.compile(p, flags) for p, flags, _ in samples]
    assert path.is_file()
    re.purge()
    parsed: list[object] = []
    real_parse = re._parser.parse  # type: ignore[attr-defined]
    monkeypatch.setattr(re._parser, "parse", lambda p, *a: parsed.append(p) or real_parse(p, *a))  # type: ignore[attr-defined]

    with kept_regexes(path):
        again = [re.compile(p, flags) for p, flags, _ in samples]

    assert parsed == []  # every one made from the file, none parsed again
    for one, other, (_, _, text) in zip(first, again, samples, strict=True):
        assert one is not other
        assert (one.pattern, one.flags, one.groups, one.groupindex) == (
            other.pattern,
            other.flags,
            other.groups,
            other.groupindex,
        )
        found = [(m.span(), m.groups(), m.groupdict()) for m in one.finditer(text)]  # type: ignore[arg-type]
        assert found  # (each finds something…)
        assert [(m.span(), m.groups(), m.groupdict()) for m in other.finditer(text)] == found  # type: ignore[arg-type]


def test_a_file_that_does_not_read_is_written_again(tmp_path):
    path = tmp_path / "regexes.marshal"
    path.write_bytes(b"\x00not marshal at all")
    pattern = fresh(r"(\d+)UNIQUE")

    with kept_regexes(path):
        compiled = re.compile(pattern)

    assert compiled.match("12" + pattern[5:]) is not None
    kept = marshal.loads(path.read_bytes())
    assert (pattern, 0) in kept["patterns"]


def test_code_the_engine_refuses_is_compiled_anew(tmp_path):
    path = tmp_path / "regexes.marshal"
    pattern = fresh(r"ab+UNIQUE")
    flags, code, groups, index, names = (int(re.UNICODE), [999, 999, 999], 0, {}, ())
    path.write_bytes(
        marshal.dumps(
            {
                "format": regex_cache.CACHE_FORMAT,
                "patterns": {(pattern, 0): (flags, code, groups, index, names)},
            }
        )
    )

    with kept_regexes(path):
        compiled = re.compile(pattern)

    assert compiled.fullmatch("abbb" + pattern[3:]) is not None


def test_patterns_another_thread_compiles_meanwhile_are_not_kept(tmp_path):
    path = tmp_path / "regexes.marshal"
    mine, theirs = fresh(r"mine UNIQUE"), fresh(r"a feed's words UNIQUE")
    with kept_regexes(path):
        other = threading.Thread(target=re.compile, args=(theirs,))
        other.start()
        other.join()
        re.compile(mine)

    kept = marshal.loads(path.read_bytes())["patterns"]
    assert (mine, 0) in kept and (theirs, 0) not in kept


def test_a_python_whose_re_it_does_not_know_keeps_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(regex_cache, "SUPPORTED", ())
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))

    with kept_regexes(), kept_regexes(tmp_path / "named.marshal"):
        assert re.compile(fresh(r"x+UNIQUE")) is not None

    assert regex_cache.cache_file() is None
    assert list(tmp_path.iterdir()) == []


ANALYSE = """
import json, sys
from newstui.model import analysis_rows
from newstui.processes import extractor_here
text = sys.stdin.read()
print(json.dumps(analysis_rows(extractor_here("rules").analyse(text)), default=list))
"""


def test_the_extractor_loaded_from_kept_patterns_finds_the_same(tmp_path, seed_article):
    """Two processes: the first compiles the extractor's patterns and keeps them, the second
    makes them from the file; both analyse the reference article alike."""
    env = {**__import__("os").environ, "XDG_CACHE_HOME": str(tmp_path)}
    text = seed_article.read_text("utf-8")

    def analyse() -> object:
        done = subprocess.run(
            [sys.executable, "-c", ANALYSE],
            input=text,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        return json.loads(done.stdout)

    first = analyse()
    kept = list((tmp_path / "newstui").glob("regexes-*.marshal"))
    assert len(kept) == 1
    stored = marshal.loads(kept[0].read_bytes())["patterns"]
    assert len(stored) > 300  # (the extractor's own)
    second = analyse()

    assert second == first and first


def test_another_build_of_python_keeps_its_own_file(monkeypatch):
    # a patch release can compile a pattern differently with the same MAGIC and CODESIZE: its
    # file is not this one's (review r54 LOW-7)
    import sys

    first = regex_cache.cache_file()
    monkeypatch.setattr(sys, "version", sys.version + " (another build)")

    assert regex_cache.cache_file() != first
