"""A given name that opens places' names is not listed as one: "Bandar" ("port" in Persian and
Malay) opens Bandar Abbas, Bandar Seri Begawan, Bandar Lampung (review r38 G1 of 783eaa35)."""

from newstui.nlp import get_extractor


def test_a_port_named_bandar_is_a_place() -> None:
    analysis = get_extractor("rules").analyse(
        "The ship docked at Bandar Abbas on Monday, officials said."
    )
    assert {e.name: str(e.type) for e in analysis.entities}.get("Bandar Abbas") == "PLACE"
