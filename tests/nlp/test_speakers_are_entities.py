"""Every named speaker is an entity of its article (issue 10): choosing a speaker in the app's
sidebar, or `speaker:` in a query, finds its quotes through that entity, an organisation or
group as well as a person."""

from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "nlp"
# the readable sets only (no blind set is read by a test that reports what it finds)
READABLE = ("wikinews-dev11", "dev2", "heldout")


def test_every_named_speaker_of_the_readable_sets_is_an_entity_of_its_article(extractor) -> None:
    unlinked = []
    for folder in READABLE:
        for path in sorted((DATA / folder).glob("*.json")):
            analysis = extractor.analyse(json.loads(path.read_text(encoding="utf-8"))["text"])
            names = {e.name for e in analysis.entities}
            unlinked += [
                f"{folder}/{path.name}: {q.speaker}"
                for q in analysis.quotes
                if q.speaker and q.speaker not in names
            ]
    assert unlinked == []


def test_a_described_body_that_speaks_becomes_an_entity_named_as_the_speaker(extractor) -> None:
    text = 'The Valdorian army said on Monday that "the border is closed until further notice."'
    analysis = extractor.analyse(text)
    assert [q.speaker for q in analysis.quotes] == ["Valdorian army"]
    assert "Valdorian army" in {e.name for e in analysis.entities}
