"""One story once on a fixed set of real texts (Wikinews, dev10): which articles find_stories
joins is pinned, so a change made for speed (the candidate look-up, the sketch) cannot change
which stories are joined unnoticed."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newstui.library import Library
from newstui.model import Article

TEXTS = Path(__file__).resolve().parents[1] / "data" / "nlp" / "wikinews-dev10"
ORIGINALS = 30  # the wire's articles
COPIED = range(0, 15)  # those the courier runs too (its first three quarters, with boilerplate)
CUT = range(5, 10)  # those the agency runs too, a middle paragraph left out
OWN = range(30, 40)  # the courier's own articles
NOW = datetime.now(UTC).replace(microsecond=0)


def texts() -> list[tuple[str, str]]:
    """The first 40 articles of the dev10 set (title, text), in file order."""
    found = []
    for path in sorted(TEXTS.glob("t*.json"))[:40]:
        data = json.loads(path.read_text("utf-8"))
        found.append((data["source"]["title"], data["text"]))
    return found


def courier(text: str) -> str:
    """As another outlet runs a wire story: a byline, its first three quarters, a footer."""
    words = text.split(" ")
    kept = " ".join(words[: len(words) * 3 // 4])
    return f"By Staff Reporter\n\n{kept}\n\nFollow us for more news. Copyright 2026 Courier."


def agency(text: str) -> str:
    """Another outlet's copy: the middle paragraph left out, a credit line first."""
    paragraphs = [p for p in text.split("\n") if p.strip()]
    del paragraphs[len(paragraphs) // 2]
    return "AGENCY —\n" + "\n".join(paragraphs)


def fill(library: Library) -> dict[str, int]:
    """The fixture set stored in three feeds, some copies before their originals (ids in the
    order stored); returns each article's id by its name (wire-N, courier-N, agency-N)."""
    found = texts()
    ids: dict[str, int] = {}
    wire = library.register_source("https://wire.example/feed", "wire")
    other = library.register_source("https://courier.example/feed", "courier")
    third = library.register_source("https://agency.example/feed", "agency")

    def save(source: int, name: str, title: str, text: str, minutes: int) -> None:
        article = Article(
            title=title, text=text, guid=name, published=NOW - timedelta(minutes=minutes)
        )
        ids[name] = library.save_batch(source, [article]).changed_ids[0]

    for n in CUT:  # the agency's copies come first: they lead until their originals arrive
        save(third, f"agency-{n}", f"Agency: {found[n][0]}", agency(found[n][1]), 50)
    for n in range(ORIGINALS):
        save(wire, f"wire-{n}", found[n][0], found[n][1], 100 - n)
        if n in COPIED:
            save(other, f"courier-{n}", f"{found[n][0]} (Courier)", courier(found[n][1]), 40)
    for n in OWN:
        save(other, f"courier-{n}", found[n][0], found[n][1], 30)
    return ids


def groups(library: Library, ids: dict[str, int]) -> set[frozenset[str]]:
    """The stories of the set, each as the names of its versions (more than one only)."""
    names = {article_id: name for name, article_id in ids.items()}
    found = {frozenset(names[v.article_id] for v in library.story_versions(i)) for i in names}
    return {story for story in found if len(story) > 1}


EXPECTED = {
    frozenset({f"wire-{n}", f"courier-{n}"} | ({f"agency-{n}"} if n in CUT else set()))
    for n in COPIED
}


@pytest.mark.parametrize("batch", [500, 4])
def test_the_fixture_sets_copies_are_joined_to_their_originals_and_nothing_else(
    tmp_path, monkeypatch, batch
):
    from newstui.store import stories

    monkeypatch.setattr(stories, "SKETCH_BATCH", batch)  # 4: joins within and across batches
    with Library.open(tmp_path / "s.db") as library:
        ids = fill(library)
        assert library.find_stories() == len(COPIED) + len(CUT)
        assert groups(library, ids) == EXPECTED
        for n in CUT:  # the lowest id leads: the agency's copy, stored first
            assert library.story_copies([ids[f"agency-{n}"], ids[f"wire-{n}"]]) == {
                ids[f"wire-{n}"]
            }
