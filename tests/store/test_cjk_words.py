"""cjk_apart, which every stored text passes through on its way into the full-text indexes,
splits exactly the CJK characters: its quick check for a text without any never skips one."""

from __future__ import annotations

import re

from newstui.store.cjk_words import _CLASS, CJK_RANGES, cjk_apart

_EVERY_CJK = re.compile(f"([{_CLASS}])")


def test_every_character_is_split_exactly_when_it_is_cjk() -> None:
    # every code point up to the last CJK range and a little past it, in a text with curly
    # quotes (not ASCII, so the quick check is what decides)
    last = ord(CJK_RANGES[-1][1])
    for code in range(0x80, last + 0x100):
        if 0xD800 <= code <= 0xDFFF:  # lone surrogates: no text holds them
            continue
        char = chr(code)
        text = f"“a{char}b”"
        assert cjk_apart(text) == _EVERY_CJK.sub(r" \1 ", text), hex(code)


def test_a_range_edge_is_split_and_its_neighbour_outside_is_not() -> None:
    for low, high in CJK_RANGES:
        assert cjk_apart(f"“{low}”") == f"“ {low} ”"
        assert cjk_apart(f"“{high}”") == f"“ {high} ”"
        for outside in (chr(ord(low) - 1), chr(ord(high) + 1)):
            if _EVERY_CJK.search(outside) is None:
                assert cjk_apart(f"“{outside}”") == f"“{outside}”"


def test_a_text_without_cjk_is_given_back_as_it_is() -> None:
    text = "Floods “rose” — Ünïcode, Ελληνικά, русский, עברית, العربية, हिन्दी, €5"
    assert cjk_apart(text) is text
    assert cjk_apart("東京 “x”") == " 東  京  “x”"


def test_a_long_text_given_again_is_split_the_same_and_another_is_not_mixed_up() -> None:
    long_cjk = "“東京” " + "word " * 100
    long_plain = "“Tokyo” " + "word " * 100
    first = cjk_apart(long_cjk)
    assert first.startswith("“ 東  京 ”")
    assert cjk_apart("“京”") == "“ 京 ”"  # a short one between (a title)
    assert cjk_apart(long_cjk) == first
    assert cjk_apart(long_plain) == long_plain
    assert cjk_apart(long_plain[:-1] + "東") == long_plain[:-1] + " 東 "


def test_a_text_with_a_lone_surrogate_is_split_as_the_full_class_splits_it() -> None:
    assert cjk_apart("“\ud800東”") == "“\ud800 東 ”"
    assert cjk_apart("“\ud800x”") == "“\ud800x”"
