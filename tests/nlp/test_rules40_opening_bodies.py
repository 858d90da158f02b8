"""Round 38 organisation spans (helper orgmiss): a common word opening a sentence before words
ending in a body's word, with no known name, given name or title among them, is the body's own
first word ("Trade Department officials said …", "Federal Fisheries Commission chairman …"): it was dropped
as a sentence's word, leaving "Department" alone or nothing. Not a word of the sentence's
grammar ("Other Cabinet members …"), an adverb, nor "State Media" (the medium)."""

from __future__ import annotations

from extracted import type_by_name


def test_a_field_word_opening_a_sentence_is_the_bodys_first_word(extractor) -> None:
    text = "Prices rose. Trade Department officials said so on Monday."
    assert type_by_name(extractor, text) == {"Trade Department": "ORG"}
    text = "Prices rose. Fisheries Ministry figures showed a fall."
    assert type_by_name(extractor, text) == {"Fisheries Ministry": "ORG"}


def test_a_body_of_common_words_opening_a_sentence_is_whole(extractor) -> None:
    text = "Prices rose. Federal Fisheries Commission chairman Ann Lee said so."
    types = type_by_name(extractor, text)
    assert types == {"Federal Fisheries Commission": "ORG", "Ann Lee": "PERSON"}


def test_grammar_words_and_the_media_stay_out_of_the_name(extractor) -> None:
    types = type_by_name(extractor, "He was sworn in. Other Cabinet members applauded.")
    assert "Other Cabinet" not in types
    types = type_by_name(extractor, "The talks failed. State Media complained to the BBC.")
    assert "State Media" not in types
