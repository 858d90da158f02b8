"""Rules-19 name classes, each pinned by invented sentences (no article text): names found whole
and found at all (r18-names)."""

from __future__ import annotations


def _people(extractor, text: str) -> set[str]:
    return {e.name for e in extractor.analyse(text).entities if e.type == "PERSON"}


def _speakers(extractor, text: str) -> list[str | None]:
    return [q.speaker for q in extractor.analyse(text).quotes]


def test_gov_abbreviated_is_a_title_stripped_from_the_name(extractor) -> None:
    text = (
        'With a stroke of the pen, Gov. Ada Quillane of Westmarch signed the bill. "It is '
        'done," Quillane said.'
    )
    assert "Ada Quillane" in _people(extractor, text)
    assert not any(name.startswith("Gov") for name in _people(extractor, text))
    assert _speakers(extractor, text) == ["Ada Quillane"]
