"""The NLP extractor and the feed parser compiled to C with mypyc at install (the extractor runs
about 1.6x fewer instructions a word, the parser ~5% fewer an article).

A wheel build (`pip install .`) compiles newstui/nlp's per-article modules, and the feed parser's
HTML and XML readers with the URL and text hygiene they call, as two shared libraries; an
editable install (`pip install -e .`) stays pure Python, since a compiled module beside its .py
would hide edits to it. NEWSTUI_PURE_PYTHON=1 skips compiling.
When compiling fails (no C compiler, a mypyc error) the package installs pure Python after a
one-line warning: same output, slower. `newstui --version` says which one runs (the extractor's
build; the parser's is the same).
"""

from __future__ import annotations

import os
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

# The entity extractor: the facade and the modules it is split into (see nlp/entities.py).
ENTITY_MODULES = (
    "entities",
    "entity_words",
    "entity_cues",
    "entity_lookup",
    "entity_evidence",
    "entity_runs",
    "entity_passes",
    "entity_weak",
    "entity_merge",
)
# What the extractor runs for every article: segmentation, the entity scan and merge, quotes,
# speakers, names and the word lists' lookups.
NLP_MODULES = [
    f"src/newstui/nlp/{name}.py"
    for name in (
        *ENTITY_MODULES,
        "names",
        "segment",
        "quotes",
        "sentence_closers",
        "speaker_cues",
        "speaker_subjects",
        "speakers",
        "rules",
        "language",
        "gazetteer",
    )
]
# What a fetch runs for every document and article: the XML reader, feedparser's fallback and the
# fields' cleaning, HTML -> text (its walk over the elements is the parser's biggest cost), which
# URLs are followed, and the text hygiene every field and body passes through (text.py).
# article_rows stays interpreted: PreparedArticle crosses processes, and a compiled frozen
# dataclass does not unpickle (its generated __setstate__ assigns to frozen fields), and its
# work is zlib, sha256 and json's encoder, in C already: compiled (PreparedArticle aside) it
# saved only 0.5% more (2,210K -> 2,199K instructions an article).
PARSER_MODULES = [
    *(f"src/newstui/sources/{name}.py" for name in ("html", "lxml_feeds", "feeds", "urls")),
    "src/newstui/text.py",
]
COMPILED_MODULES = NLP_MODULES + PARSER_MODULES
# Compiled as two shared libraries, one mypycify each: every command imports text.py (display
# hygiene), and loading the extractor's library with it would cost each start ~6M instructions
# more. Neither calls into the other.
GROUPS = [NLP_MODULES, PARSER_MODULES]
# setup.py commands that build a wheel or an install; metadata and editable builds compile nothing.
_BUILDS = {"bdist_wheel", "build", "build_ext", "install"}
_EDITABLE = {"editable_wheel", "develop"}


def _warn(reason: str) -> None:
    reason = " ".join(reason.split())[:160]  # one line, however long the compiler's command
    print(f"newstui: nlp installed as pure Python (slower, same output): {reason}", file=sys.stderr)


class BuildExtOrPure(build_ext):
    """build_ext that leaves the package pure Python when compiling fails: all or nothing, since
    every compiled module needs the shared library mypyc makes for its group."""

    def finalize_options(self) -> None:
        super().finalize_options()
        if self.parallel is None:
            self.parallel = os.cpu_count() or 1  # the shared library and the stubs side by side

    def run(self) -> None:
        try:
            super().run()
        except Exception as err:  # a missing compiler, a compile error: CompileError and kin
            _warn(f"compiling failed ({err})")
            for ext in self.extensions:
                built = self.get_ext_fullpath(ext.name)
                if os.path.exists(built):
                    os.remove(built)
            self.extensions = []

    def get_outputs(self) -> list[str]:
        return [path for path in super().get_outputs() if os.path.exists(path)]


def compiled_extensions() -> list[Extension]:
    """The mypyc extensions of COMPILED_MODULES, or none (pure Python; see the module's doc)."""
    if os.environ.get("NEWSTUI_PURE_PYTHON") == "1":
        return []
    commands = set(sys.argv[1:])
    if not commands & _BUILDS or commands & _EDITABLE:
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        _warn("mypyc is not installed")
        return []
    try:
        opt_level = os.environ.get("MYPYC_OPT_LEVEL", "3")
        return [ext for group in GROUPS for ext in mypycify(group, opt_level=opt_level)]
    except (Exception, SystemExit) as err:  # a type error mypyc refuses to compile
        _warn(f"mypyc failed ({err})")
        return []


setup(ext_modules=compiled_extensions(), cmdclass={"build_ext": BuildExtOrPure})
