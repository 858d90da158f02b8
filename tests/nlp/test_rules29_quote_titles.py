"""Rules-29: the title of a work or a scheme after "titled", "entitled", or a work's noun and
"called"/"named"/"dubbed" is no quotation, even in sentence case and closed by the sentence's
stop; a label someone gives with "called" stays a quotation of theirs."""

from __future__ import annotations

from extracted import quotes_and_speakers


def test_a_title_in_sentence_case_closed_by_the_stop_is_no_quotation(extractor) -> None:
    for text in (
        "Ann Lee wrote a blog post titled “Why I am leaving Google.”",
        "Acme Corp launched an advertising campaign called “Think different.”",
        "The charity released a report entitled “Nobody asked us what we wanted.”",
        "The band played a new song named “Where the river ends,” to a full hall.",
        "Lee's rivals backed a petition called “Save the library now!”",
    ):
        assert quotes_and_speakers(extractor, text) == [], text


def test_a_schemes_short_name_after_its_noun_and_called_is_no_quotation(extractor) -> None:
    text = (
        "Tom Reed said the league will fund a campaign, called a “people's veto,” to repeal "
        "the law."
    )
    assert quotes_and_speakers(extractor, text) == []
    text = "Tom Reed said the league will fund a campaign called “Save our schools.”"
    assert quotes_and_speakers(extractor, text) == []


def test_a_label_someone_gives_with_called_stays_their_quotation(extractor) -> None:
    text = "Judge Mary Okafor jailed him for what she called “a cruel and calculated betrayal.”"
    assert quotes_and_speakers(extractor, text) == [
        ("a cruel and calculated betrayal.", "Mary Okafor")
    ]
    text = "The deal was struck in what the Washington Post called “a backroom bargain.”"
    assert [q for q, _ in quotes_and_speakers(extractor, text)] == ["a backroom bargain."]
    text = "Senator Ann Lee called the bill “a disgrace,” and promised to vote against it."
    assert quotes_and_speakers(extractor, text) == [("a disgrace,", "Ann Lee")]
