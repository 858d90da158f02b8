"""What the extractor finds in a text, in the shapes the extraction tests compare: names with
their types, the names of one type, and the quotations with their speakers."""

from __future__ import annotations

from collections.abc import Collection

from newstui.nlp import Extractor


def typed_names(extractor: Extractor, text: str) -> set[tuple[str, str]]:
    """Each entity found in `text` as (name, type)."""
    return {(e.name, e.type) for e in extractor.analyse(text).entities}


def type_by_name(extractor: Extractor, text: str) -> dict[str, str]:
    """The type of each entity found in `text`, by its name."""
    return {e.name: e.type for e in extractor.analyse(text).entities}


def entity_names(extractor: Extractor, text: str) -> set[str]:
    """The names of the entities found in `text`, whatever their type."""
    return {e.name for e in extractor.analyse(text).entities}


def names_of_type(extractor: Extractor, text: str, kind: str) -> set[str]:
    """The names of the entities of type `kind` (PERSON, ORG, PLACE, GROUP) found in `text`."""
    return {e.name for e in extractor.analyse(text).entities if e.type == kind}


def person_names(extractor: Extractor, text: str) -> set[str]:
    """The names of the people found in `text`."""
    return names_of_type(extractor, text, "PERSON")


def quotes_and_speakers(extractor: Extractor, text: str) -> list[tuple[str, str | None]]:
    """Each quotation found in `text` as (its text, its speaker or None), in text order."""
    return [(q.text, q.speaker) for q in extractor.analyse(text).quotes]


def speaker_of(extractor: Extractor, text: str, quote_start: str) -> str | None:
    """The speaker given to the quote opening with `quote_start` (the test fails when no quote
    opens so)."""
    found = [s for q, s in quotes_and_speakers(extractor, text) if q.startswith(quote_start)]
    assert found, f"no quote opening {quote_start!r} in {quotes_and_speakers(extractor, text)}"
    return found[0]


def speakers(extractor: Extractor, text: str) -> list[str | None]:
    """The speaker of each quotation found in `text` (None where none is found), in text order."""
    return [q.speaker for q in extractor.analyse(text).quotes]


def check_names(
    extractor: Extractor,
    text: str,
    found: Collection[tuple[str, str]] = (),
    absent: Collection[str | tuple[str, str]] = (),
) -> None:
    """Assert every (name, type) of `found` is found in `text`, and nothing of `absent`: a bare
    name there must not be found with any type, a (name, type) not with that type."""
    typed = typed_names(extractor, text)
    names = {name for name, _ in typed}
    missing = set(found) - typed
    assert not missing, f"missing {missing} in {typed}"
    wrong = {item for item in absent if item in (typed if isinstance(item, tuple) else names)}
    assert not wrong, f"found {wrong} in {typed}"
