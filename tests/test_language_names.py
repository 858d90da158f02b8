"""The reader and `show` name the language an article was read as, and whose word it is (user test
r49 LOW-10: "Reads as another language" left a Polish, Danish and Icelandic reader guessing)."""

from __future__ import annotations

from typing import Literal

import pytest

from newstui.language_names import language_name
from newstui.model import ArticleRow
from newstui.model.views import StoredArticle
from newstui.render import OTHER_LANGUAGE_EFFECT, other_language_note


def article(language: str | None, by: Literal["entry", "feed"] | None) -> StoredArticle:
    row = ArticleRow(1, 1, "Łódź Daily", "T", None, None, None, "2026", False, False)
    return StoredArticle(row, "tekst", "", (), language=language, declared_by=by)


@pytest.mark.parametrize(
    ("tag", "name"),
    [("pl", "Polish"), ("pt-BR", "Portuguese"), ("en_GB", "English"), ("IS", "Icelandic")],
)
def test_a_tag_is_named_by_its_first_part_in_any_case(tag, name) -> None:
    assert language_name(tag) == name


def test_an_unknown_tag_or_none_has_no_name() -> None:
    assert language_name("xx") is None and language_name(None) is None and language_name("") is None


@pytest.mark.parametrize(
    ("language", "by", "said"),
    [
        ("pl", "feed", "Reads as Polish (pl, as its feed declares)"),
        ("da-DK", "entry", "Reads as Danish (da-DK, as the article declares)"),
        (None, None, "Reads as another language than English (its feed declares none)"),
        (
            "en-us",
            "feed",
            "Reads as another language than English, though its feed declares English (en-us)",
        ),
        ("qaa", "feed", "Reads as the language its feed declares (qaa), not English"),
    ],
)
def test_the_note_names_the_language_and_who_declares_it(language, by, said) -> None:
    assert other_language_note(article(language, by)) == f"{said}: {OTHER_LANGUAGE_EFFECT}"


def test_a_hostile_declaration_is_shown_cut_and_without_control_sequences() -> None:
    note = other_language_note(article("\x1b[31mred" + "x" * 200, "feed"))
    assert "\x1b" not in note and "x" * 30 not in note
    assert note.startswith("Reads as the language its feed declares (")
