"""Rules-29 speaker classes from the development sets' misses, each pinned by invented
sentences: "the presidency said" is the president named before."""

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
