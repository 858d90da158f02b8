"""Entity types of rules-18 (issue 10): error classes found on the readable Wikinews sets and
the shared unannotated articles, each pinned by invented sentences."""

from __future__ import annotations


def _entities(extractor, text: str) -> set[tuple[str, str]]:
    return {(e.name, e.type) for e in extractor.analyse(text).entities}


def test_a_clinic_or_a_care_centre_is_a_place_like_a_hospital(extractor) -> None:
    found = _entities(extractor, "She was treated at the Harlow Clinic in Dunmore for a month.")
    assert ("Harlow Clinic", "PLACE") in found
    found = _entities(extractor, "He moved into the Pellridge Care Center, where he died.")
    assert ("Pellridge Care Center", "PLACE") in found
    found = _entities(extractor, "Patients queued outside the Marsh Valley Clinics on Monday.")
    assert ("Marsh Valley Clinics", "PLACE") in found
