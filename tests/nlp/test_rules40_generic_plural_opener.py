"""Rules-40 (round 38, review OP1): a common word and "Services" opening a sentence ("Rescue
Services arrived …") is a generic plural capitalised by the sentence start, no body, unless a
known or national word or a body's own head makes it a name ("Financial Services
Authority said")."""

from __future__ import annotations

from extracted import names_of_type


def test_a_generic_services_opener_is_no_body(extractor) -> None:
    text = "Rescue Services arrived at the flooded farm within the hour."
    assert names_of_type(extractor, text, "ORG") == set()


def test_services_before_a_body_s_head_stay_a_body(extractor) -> None:
    text = "Financial Services Authority said the bank was sound."
    assert "Financial Services Authority" in names_of_type(extractor, text, "ORG")
