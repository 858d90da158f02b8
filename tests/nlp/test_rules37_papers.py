"""Rules-37 organisations (round 35): newspapers titled "The" and a people's word.

"Speaking to The Tongan, Ana Ruiz said …" made a paper's candidate, but the article's
other "Tongan" (a nationality) took it into its group, so the paper was a GROUP "The Tongan": the
paper is an entity of its own now, and the nationality keeps its own name. "The Tongan" opening a
sentence before a verb of publishing ("The Tongan reported …") is the paper too (the sentence's
"The" was dropped, leaving a GROUP); "The Tongan said" stays a person's words. A lower-case
word after it that is no paper's noun or verb of publishing makes no paper ("* The Tongan
government", a list's capital), nor did it make one before (it was hidden in the group)."""

from __future__ import annotations

from extracted import type_by_name, typed_names


def test_a_paper_named_by_a_peoples_word_is_not_the_nationality(extractor) -> None:
    # (round 36: before "newspaper" only a paper titled so, review r35 N9: "The Thai newspaper")
    text = (
        "Australian farmers protested on Monday. Speaking to The Australian newspaper, Ana Ruiz"
        " said the price of squash had halved."
    )
    names = typed_names(extractor, text)
    assert ("The Australian", "ORG") in names and ("Australian", "GROUP") in names
    text = "Tongan farmers protested on Monday. Speaking to The Tongan, Ana Ruiz said it was over."
    names = typed_names(extractor, text)
    assert ("The Tongan", "ORG") in names and ("Tongan", "GROUP") in names


def test_a_paper_opening_a_sentence_before_a_verb_of_publishing(extractor) -> None:
    text = "The Tongan reported on Monday that the squash harvest had failed."
    assert type_by_name(extractor, text) == {"The Tongan": "ORG"}
    text = "The Tongan said he was tired of the rain."
    assert "The Tongan" not in type_by_name(extractor, text)


def test_a_peoples_word_before_a_lower_case_noun_is_no_paper(extractor) -> None:
    text = "Growers met in Nuku'alofa.\n* The Tongan government cut the squash levy."
    types = type_by_name(extractor, text)
    assert "The Tongan" not in types and types.get("Tongan") == "GROUP"
