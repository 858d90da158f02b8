"""Rules-29 speaker classes from the development sets' misses, each pinned by invented
sentences: "the presidency said" is the president named before; "10 Downing Street" (a
spokesman for it, then "Downing Street said") is one seat that speaks; "Campbell" is "John B. T.
Campbell III"."""

from __future__ import annotations

from extracted import quotes_and_speakers


def test_the_presidency_speaks_for_the_president_named_before(extractor) -> None:
    text = (
        "President Tom Reed denounced the murder and promised to investigate. “Everyone knows "
        "that the president does not supervise the security agencies,” the presidency said in "
        "a statement. “Is it a coincidence that this happens today?”"
    )
    assert quotes_and_speakers(extractor, text) == [
        (
            "Everyone knows that the president does not supervise the security agencies,",
            "Tom Reed",
        ),
        ("Is it a coincidence that this happens today?", "Tom Reed"),
    ]


def test_a_presidency_with_no_president_named_gives_no_speaker(extractor) -> None:
    text = "The murder was denounced. “We will find them,” the presidency said in a statement."
    assert quotes_and_speakers(extractor, text) == [("We will find them,", None)]


def test_number_10_downing_street_is_one_seat_with_downing_street_and_speaks(extractor) -> None:
    text = (
        "In a response to the letter, a 10 Downing Street spokesman said: “We should always "
        "remember that terrorism has hurt many countries.”\n\nDowning Street also said that "
        "Tony Blair “stands ready” to meet them."
    )
    assert quotes_and_speakers(extractor, text) == [
        ("We should always remember that terrorism has hurt many countries.", "10 Downing Street"),
        ("stands ready", "10 Downing Street"),
    ]
    seats = [e for e in extractor.analyse(text).entities if "Downing" in e.name]
    assert [(e.name, e.type, len(e.mentions)) for e in seats] == [("10 Downing Street", "PLACE", 2)]
    # another house number is an address in another street of that name
    other = "Lee lives at 110 Downing Street in Cambridge."
    assert "Downing Street" in {e.name for e in extractor.analyse(other).entities}


def test_a_surname_alone_is_the_person_whose_name_ends_in_a_roman_generation(extractor) -> None:
    text = (
        "Despite opposition from Congressmen such as John B. T. Campbell III of California, the "
        "plan passed. Campbell called the plan “wealth redistribution” and left."
    )
    assert quotes_and_speakers(extractor, text) == [
        ("wealth redistribution", "John B. T. Campbell III")
    ]
    text = "Senator Ann R. Moss IV voted no. “It is a giveaway,” Moss said."
    assert quotes_and_speakers(extractor, text) == [("It is a giveaway,", "Ann R. Moss IV")]
    # a monarch's number after a given name alone: the name stays the monarch's
    text = "Queen Elizabeth II visited Canada. Elizabeth said: “I am glad to be here today.”"
    assert quotes_and_speakers(extractor, text) == [("I am glad to be here today.", "Elizabeth II")]
