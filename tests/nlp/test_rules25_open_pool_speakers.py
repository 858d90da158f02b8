"""Rules-25 speaker mechanisms found by reading unannotated open-pool Wikinews text (round 24,
r24-speak.md), each pinned by invented sentences (no article text)."""

from __future__ import annotations

from extracted import speakers as _speakers


def test_a_verb_heading_its_own_clause_after_the_quote_leaves_the_subject_before_it(
    extractor,
) -> None:
    text = (
        "Officials said Ann Moss was a top aide to the rebel leader Omar bin Hassan. Moss, who "
        'called the arrest "a very good day for the port", said they are on the right track '
        "towards the capture of bin Hassan."
    )
    assert _speakers(extractor, text) == ["Ann Moss"]


def test_a_name_right_after_the_verb_still_speaks(extractor) -> None:
    text = 'Tom Reid had called it. "The port is safe again and open for ships," said Ann Moss.'
    assert _speakers(extractor, text) == ["Ann Moss"]


def test_a_countrys_statement_is_the_countrys(extractor) -> None:
    text = (
        "The United States said the patrol was fired on near the border. "
        '"The patrol came under direct fire and defended itself with return fire," the U.S. '
        "statement said."
    )
    assert _speakers(extractor, text) == ["United States"]


def test_a_bodys_statement_named_by_its_first_word_is_the_bodys(extractor) -> None:
    text = (
        "Harbour Freight Corp. closed two depots on Monday. "
        '"We regret that these depots could not be kept open any longer," the Harbour '
        "statement said."
    )
    assert _speakers(extractor, text) == ["Harbour Freight Corp"]


def test_a_joint_statement_names_no_author(extractor) -> None:
    text = (
        "Ann Moss met the mayor on Monday. "
        '"We regret that these depots could not be kept open any longer," the joint '
        "statement said."
    )
    assert _speakers(extractor, text) == [None]


def test_a_spokesman_after_a_dotted_countrys_initials_speaks(extractor) -> None:
    text = (
        "Rescuers reached the crash site on Friday. "
        '"It is a recovery operation in a hostile area," U.S. army spokesman Major Ann Moss said.'
    )
    assert _speakers(extractor, text) == ["Ann Moss"]


def test_a_resolution_is_the_words_of_the_body_that_passed_it(extractor) -> None:
    text = (
        "The Harbour Council passed a resolution on Monday. The resolution also called for the "
        'lifting of the ban to "let the fishing fleet return to the northern grounds".'
    )
    assert _speakers(extractor, text) == ["Harbour Council"]


def test_a_resolution_someone_only_spoke_of_has_no_author_in_them(extractor) -> None:
    text = (
        "Ann Moss told the Harbour Gazette the resolution was welcome. The resolution also "
        'called for the lifting of the ban to "let the fishing fleet return to the northern '
        'grounds".'
    )
    assert _speakers(extractor, text) == [None]


def test_a_quote_after_a_sentence_where_a_bodys_president_spoke_is_the_presidents(
    extractor,
) -> None:
    text = (
        "Harbour Council of Dover president Ann Moss said she was upset at Mr Reid's speech. "
        '"We have heard these careless remarks before, and we will hear them again." '
        "Mr Reid did not answer."
    )
    assert _speakers(extractor, text)[0] == "Ann Moss"


def test_two_people_before_the_verb_of_the_sentence_before_name_no_one(extractor) -> None:
    text = (
        "Ann Moss and Tom Reid said they were upset at the speech. "
        '"We have heard these careless remarks before, and we will hear them again."'
    )
    assert _speakers(extractor, text) == [None]


def test_a_person_with_an_age_and_a_long_relative_clause_speaks(extractor) -> None:
    text = (
        "Ann Moss, 37, who was freed in 2005 after two years in a cell at Dover Castle told "
        'the Harbour Gazette: "We all expected something like this but were not prepared."'
    )
    assert _speakers(extractor, text) == ["Ann Moss"]


def test_the_agent_of_an_as_clause_before_the_quote_speaks(extractor) -> None:
    text = (
        "The rally was rare. As reported by Ann Moss of the Harbour Gazette, "
        '"The state press seldom reports on protest rallies inside the country."'
    )
    assert _speakers(extractor, text) == ["Ann Moss"]


def test_an_unnamed_agent_of_an_as_clause_names_no_one(extractor) -> None:
    text = (
        "Ann Moss organised the rally. As noted by a spokesman, "
        '"The state press seldom reports on protest rallies inside the country."'
    )
    assert _speakers(extractor, text) == [None]
