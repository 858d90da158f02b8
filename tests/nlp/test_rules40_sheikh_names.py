"""Rules-40: "Sheikh" inside a person's name (round 38).

"Sheikh" is a title before a name ("Sheikh Hassan Nasrallah") and a word of many Arab and Somali
names after a given name ("Khalid Sheikh Mohammed", "Sharif Sheikh Ahmed"): read as a title
there, it cut the given name off and left the surname alone as the person. After one or two
capitalised words that open no title, it is a word of the name; after "the" or "Amir" (a
ruler's title) it stays a title.
"""

from __future__ import annotations

from extracted import quotes_and_speakers, type_by_name


def test_sheikh_after_a_given_name_is_part_of_the_name(extractor) -> None:
    text = "Prosecutors said Omar Sheikh Warsame planned the attack alone."
    types = type_by_name(extractor, text)
    assert types.get("Omar Sheikh Warsame") == "PERSON"
    assert "Warsame" not in types


def test_the_whole_name_speaks(extractor) -> None:
    text = '"We will stay in our homeland," said deputy minister Abdiqani Sheik Nuur.'
    types = type_by_name(extractor, text)
    assert types.get("Abdiqani Sheik Nuur") == "PERSON"
    assert quotes_and_speakers(extractor, text) == [
        ("We will stay in our homeland,", "Abdiqani Sheik Nuur")
    ]


def test_a_title_before_the_given_name_is_still_dropped(extractor) -> None:
    text = "Sheik Hassan Sheik Ibrahim, the leader of the council, spoke to reporters."
    types = type_by_name(extractor, text)
    assert types.get("Hassan Sheik Ibrahim") == "PERSON"


def test_sheikh_after_the_rulers_title_stays_a_title(extractor) -> None:
    text = "The palace said the Amir Sheikh Nasser Al-Fahad Al-Sabah received the envoy."
    types = type_by_name(extractor, text)
    assert not any(name.startswith("Amir") for name in types)
