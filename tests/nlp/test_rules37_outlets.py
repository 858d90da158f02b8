"""Rules-37 organisations (round 35): outlets a cue names but typed otherwise.

"published a study in Kelmar Reports, an online journal," was a place (after "in"): a journal or
a periodical described after a comma is a body, as a newspaper or a magazine there was. "Recently
Tulsa Ledger wrote that …" was a person: two unknown words opening with a town's name (the
GeoNames list's too, not only the hand-written places) before a verb of speech or writing name a
body of that town, as "Tokyo Electron announced" did; not after a role ("shadow minister Chuka
Umunna said", Chuka being a town) nor with a person's pronoun near."""

from __future__ import annotations

from extracted import type_by_name


def test_a_journal_described_after_its_name_is_a_body(extractor) -> None:
    text = "Scientists published a study in Kelmar Reports, an online journal, on Monday."
    assert type_by_name(extractor, text)["Kelmar Reports"] == "ORG"
    text = "Ana Ruiz, a journal editor, said the study was flawed."
    assert type_by_name(extractor, text)["Ana Ruiz"] == "PERSON"


def test_a_towns_unknown_word_writing_is_an_outlet(extractor) -> None:
    text = "Recently Tulsa Ledger wrote that the university had raised $8 million for a centre."
    assert type_by_name(extractor, text)["Tulsa Ledger"] == "ORG"


def test_a_role_or_a_pronoun_keeps_the_person(extractor) -> None:
    text = "Shadow business secretary Chuka Umunna said pay should be published."
    assert type_by_name(extractor, text)["Chuka Umunna"] == "PERSON"
    text = "Tulsa Vance wrote that he had left the university in May."
    assert type_by_name(extractor, text).get("Tulsa Vance") != "ORG"
