"""A document with non-ASCII text reads the same from its UTF-8 bytes as from the str itself."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import FunctionType, ModuleType

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newstui.sources import html as html_module
from newstui.sources.html import html_to_text

# Markup, declarations that name another encoding, a byte order mark, characters that Python
# stores in one, two and four bytes, controls, non-characters and character references.
_PIECES = st.sampled_from(
    ["<p>", "</p>", "<b>", "</b>", '<a href="/x">', "</a>", '<img src="i.png" alt="é">', "<br>",
     '<meta charset="iso-8859-1">', '<meta charset="utf-16">', "<head>", "<body>",
     '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
     "\ufeff", "word", " ", "\n", "é", "“said”", "東京", "😀", "\x85", "\x01", "\x00", "\ufffe",
     "\ue001", "&#x85;", "&amp;", "&eacute;", "<?xml version='1.0' encoding='utf-8'?>", "<",
     "<!-- é -->", "<script>é</script>"]
)  # fmt: skip


def _interpreted(module: ModuleType) -> ModuleType:
    """`module` as Python runs it: itself, or a fresh copy from its .py when it is compiled
    (setup.py: a compiled module calls its own functions directly, so patching one of them
    changes nothing there)."""
    if isinstance(module.html_to_text, FunctionType):
        return module
    spec = importlib.util.spec_from_file_location(
        "_interpreted_html", Path(module.__file__ or "").with_name("html.py")
    )
    assert spec is not None and spec.loader is not None
    copy = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = copy  # dataclass() looks its module up there
    spec.loader.exec_module(copy)
    return copy


_INTERPRETED = _interpreted(html_module)


def _as_str(html: str) -> tuple[str, list[object]]:
    """html_to_text as it read every document before: libxml2 given the str (and interpreted,
    so in a compiled build this compares the compiled walk with the Python one, too)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_INTERPRETED, "_utf8", lambda _html, _known=None: None)
        text, links = _INTERPRETED.html_to_text(html, "http://example.com/feed/")
    return text, list(links)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_PIECES, max_size=25).map("".join))
@example('<meta charset="iso-8859-1"><p>café “q”</p>')
@example('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
         "</head><body><p>“é” and 😀</p></body></html>")  # fmt: skip
@example("\ufeff<p>é <a href='/a'>x</a></p>")
@example("<?xml version='1.0' encoding='utf-8'?><p>é</p>")
def test_non_ascii_documents_read_the_same_as_bytes_and_as_text(html: str) -> None:
    text, links = html_to_text(html, "http://example.com/feed/")
    assert (text, list(links)) == _as_str(html)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=25).map("".join))
@example("<p>“said” in 東京 😀</p>")
def test_a_document_given_with_its_utf8_reads_as_it_does_alone(html: str) -> None:
    try:
        utf8 = html.encode()
    except UnicodeEncodeError:  # (no lone surrogate among the pieces: cannot happen)
        return
    alone = html_to_text(html, "http://example.com/feed/")
    assert html_to_text(html, "http://example.com/feed/", utf8=utf8) == alone
