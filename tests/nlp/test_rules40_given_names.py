"""Rules-40: more given names of many languages (round 38).

With no cue around it, a capitalised pair is a person only when its first word is a known given
name: "comparing the PM with Adolf Hitler", "since Josef Stalin in 1943", "collaborated with Fela
Kuti" named no one, as the list lacked the German, Turkish, South Asian and African names news
writes most. first_names.txt now holds ~430 more (none a place, body, title or plain word).
"""

from __future__ import annotations

from extracted import type_by_name


def test_a_german_given_name_opens_a_person(extractor) -> None:
    text = "Posters compared the mayor with Adolf Brenneke on the day of the vote."
    assert type_by_name(extractor, text).get("Adolf Brenneke") == "PERSON"


def test_a_turkish_given_name_opens_a_person(extractor) -> None:
    text = "Reporters asked about Tayyip Korkmaz at the hearing on Thursday."
    assert type_by_name(extractor, text).get("Tayyip Korkmaz") == "PERSON"


def test_a_czech_given_name_opens_a_person(extractor) -> None:
    text = "A mural of Josef Dvorak covers the wall of the station."
    assert type_by_name(extractor, text).get("Josef Dvorak") == "PERSON"


def test_a_womans_name_is_known_as_hers(extractor) -> None:
    text = "The album was recorded with Yingluck Somboon in Bangkok. She sang on two songs."
    assert type_by_name(extractor, text).get("Yingluck Somboon") == "PERSON"


def test_a_given_name_does_not_make_a_shop_a_person(extractor) -> None:
    text = "The ticket was bought at the Sunny Convenience Store on Eglinton Avenue."
    assert type_by_name(extractor, text).get("Sunny Convenience Store") != "PERSON"
