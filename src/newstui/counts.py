"""Counted nouns for messages ("1 article", "2 articles"): the one place plurals are made."""

from __future__ import annotations


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """`singular` for a count of one, else `plural_form` (default: `singular` + "s")."""
    if count == 1:
        return singular
    return plural_form if plural_form is not None else singular + "s"


def counted(count: int, singular: str, plural_form: str | None = None) -> str:
    """The count with its noun, thousands separated: "1 article", "1,200 articles"."""
    return f"{count:,} {plural(count, singular, plural_form)}"
