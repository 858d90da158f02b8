"""Rules-22 speaker mechanisms, each pinned by invented sentences (no article text): the speaker
classes round 21 found on the readable Wikinews sets (r21-speak.md)."""

from __future__ import annotations

from extracted import speakers as _speakers


def test_a_report_that_recommends_speaks_for_the_body_that_wrote_it(extractor) -> None:
    text = (
        "In a 30-page report released today, the Harbour Safety Council reported its findings on "
        "the ferry fire. The report recommends that the operator train its crews "
        '"in accordance with the maritime code", and that "Every ferry should carry two '
        'lifeboats at all times."'
    )
    assert _speakers(extractor, text) == ["Harbour Safety Council"] * 2


def test_a_body_that_recommends_is_the_speaker(extractor) -> None:
    text = (
        "The Harbour Safety Council met on Monday. The council recommended that "
        '"every ferry should carry two lifeboats at all times," a change the operator opposes.'
    )
    assert _speakers(extractor, text) == ["Harbour Safety Council"]


def test_a_body_that_documented_abuses_is_the_speaker(extractor) -> None:
    text = (
        "In a report on Qatar's treatment of migrant workers, the Workers Rights Forum "
        'documented abuses in Qatar such as, "unpaid overtime, confiscated passports and unsafe '
        'scaffolding."'
    )
    assert _speakers(extractor, text) == ["Workers Rights Forum"]


def test_documents_as_a_noun_credit_nobody(extractor) -> None:
    text = (
        "The Harbour Gazette requested documents about the ferry, but the "
        '"operator gave dates but not the crew lists."'
    )
    assert _speakers(extractor, text) == [None]


def test_a_government_named_by_its_people_is_those_people_when_no_country_is_named(
    extractor,
) -> None:
    text = (
        "The launch drew criticism abroad. The Norwegian government stated that it "
        '"undermines every promise made at the talks."'
    )
    assert _speakers(extractor, text) == ["Norwegian"]


def test_a_government_named_by_its_people_is_the_country_the_article_names(extractor) -> None:
    text = (
        "Norway protested on Monday. The Norwegian government stated that it "
        '"undermines every promise made at the talks."'
    )
    assert _speakers(extractor, text) == ["Norway"]


def test_a_clause_of_its_own_after_a_quote_has_its_own_speaker(extractor) -> None:
    text = (
        'Ann Lee suggested that "these tests can only deepen the concerns of the region", and '
        'the Danish government described the exercise as "regrettable".'
    )
    assert _speakers(extractor, text) == ["Ann Lee", "Danish"]


def test_a_role_opening_a_clause_after_a_quote_is_not_the_earlier_speaker(extractor) -> None:
    text = 'Ann Lee said the plan was "a disaster", and the minister called it "a failure".'
    assert _speakers(extractor, text) == ["Ann Lee", None]


def test_a_person_opening_a_clause_after_a_quote_speaks_it(extractor) -> None:
    text = (
        'Ann Lee said the plan was "a disaster for the town", while Bob Kett called it '
        '"a fair start".'
    )
    assert _speakers(extractor, text) == ["Ann Lee", "Bob Kett"]


def test_a_state_that_criticises_something_as_a_short_phrase_is_its_speaker(extractor) -> None:
    text = (
        "North Korea fired two missiles on Friday. The U.S. criticized the launch as "
        '"not constructive" within hours.'
    )
    assert _speakers(extractor, text) == ["US"]


def test_a_states_officials_dismissing_a_claim_as_a_short_phrase_speak_for_it(extractor) -> None:
    text = (
        "The report was published on Monday. US officials have dismissed the claims as "
        '"largely baseless" and pointed to errors.'
    )
    assert _speakers(extractor, text) == ["US"]


def test_a_place_that_does_not_open_the_clause_labels_nothing(extractor) -> None:
    text = 'Protests spread on Monday. Critics in Kenya dismissed the law as "reckless".'
    assert _speakers(extractor, text) == [None]


def test_a_body_described_at_the_head_of_a_clause_speaks_after_but(extractor) -> None:
    text = (
        "Acme Corp. was fined on Monday. The company did not deny the existence of the memo, "
        'but insisted that "the chief executive acted within the rules at all times."'
    )
    assert _speakers(extractor, text) == ["Acme Corp"]


def test_a_government_described_at_the_head_of_a_clause_speaks_after_but(extractor) -> None:
    text = (
        "The memo was leaked to the press in Norway on Monday. The Norwegian government did not "
        'deny that the memo exists, but insisted that "the minister only sent troops after a '
        'vote in parliament."'
    )
    assert _speakers(extractor, text) == ["Norway"]


def test_the_company_is_not_a_union_named_before(extractor) -> None:
    text = (
        "Velora Aviation plans to cut 4,000 jobs. In December, the Machinists Union of Porto "
        "Verde claimed the firm would cut even more.\n\n"
        'The company described the cuts as vital given "the new reality of demand for '
        'regional aircraft."'
    )
    assert "Machinists Union of Porto Verde" not in _speakers(extractor, text)


def test_a_student_named_by_the_university_does_not_speak_for_it(extractor) -> None:
    text = (
        'Hundreds were bused to the square. "Our classes were cancelled and we were told to be '
        'here," a Danvers State University student said.'
    )
    assert _speakers(extractor, text) == [None]


def test_a_former_official_named_by_the_agency_does_not_speak_for_it(extractor) -> None:
    text = (
        'The memos were released on Friday. "The program was useful and saved lives," '
        "commented a former Valdorian Intelligence Agency official."
    )
    assert _speakers(extractor, text) == [None]


def test_an_unnamed_official_of_the_agency_still_speaks_for_it(extractor) -> None:
    text = (
        'The memos were released on Friday. "The program was useful and saved lives," '
        "said an unnamed Valdorian Intelligence Agency official."
    )
    assert _speakers(extractor, text) == ["Valdorian Intelligence Agency"]


def test_a_role_held_now_opening_a_clause_is_its_holder(extractor) -> None:
    text = (
        "Governor Ana Ruiz was asked to give evidence at the inquest.\n\n"
        "The now-governor refused to accept the summons, saying "
        '"I have nothing to do with the case."'
    )
    assert _speakers(extractor, text) == ["Ana Ruiz"]


def test_a_quotation_broken_by_a_paragraph_break_is_credited_at_its_end(extractor) -> None:
    text = (
        "Pensioners will not pay the new fee.\n\n"
        '"We thought long and hard about this decision.\n\n'
        "We believe the service is still good value for money and that most customers will "
        "agree,\" said Ruth Okafor, the company's head of mail."
    )
    assert _speakers(extractor, text) == ["Ruth Okafor", "Ruth Okafor"]


def test_a_closed_quotation_before_a_credited_paragraph_is_not_credited_by_it(extractor) -> None:
    text = (
        "The shop shut in May. Neighbours were not surprised.\n\n"
        '"It was empty for months and nobody went in any more."\n\n'
        '"We will reopen when the repairs are done," said Ruth Okafor, the owner.'
    )
    assert _speakers(extractor, text) == [None, "Ruth Okafor"]


def test_officials_named_by_a_bodys_first_word_speak_for_it(extractor) -> None:
    text = (
        'Greenfield Alliance accused the ministry of delays. "How can the ministry claim to '
        'lead on this when it has not met once in a year," Greenfield officials asked.'
    )
    assert _speakers(extractor, text) == ["Greenfield Alliance"]


def test_officials_named_by_a_first_word_two_bodies_share_speak_for_neither(extractor) -> None:
    text = (
        'Greenfield Alliance and Greenfield Trust both objected. "How can the ministry claim to '
        'lead on this when it has not met once in a year," Greenfield officials asked.'
    )
    assert _speakers(extractor, text) == [None]
