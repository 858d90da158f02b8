"""Rules-38 organisations typed wrong (round 36): a company's noun before its name.

"acquire provider Skype", "Wireless provider Sprint announced", "Internet service provider
Elisa" gave persons or nothing: "provider" joins the nouns of bodies whose name follows them
("the carmaker Ladon Motors")."""

from __future__ import annotations

from extracted import type_by_name


def test_a_name_after_provider_is_a_body(extractor) -> None:
    text = "The auction site is in talks to acquire provider Talkwise for $2 billion."
    assert type_by_name(extractor, text).get("Talkwise") == "ORG"
    text = "Broadband provider Kestrel announced a price cut on Monday."
    assert type_by_name(extractor, text).get("Kestrel") == "ORG"
