"""Rules-26 speaker subjects found by reading unannotated open-pool Wikinews text (round 25,
r25-spkrole.md): who the attribution's subject is, each pinned by invented sentences."""

from __future__ import annotations

from extracted import entity_names
from extracted import speakers as _speakers


def test_a_government_after_a_time_phrase_is_its_country(extractor) -> None:
    text = (
        "Norway protested the vote in Oslo. On Thursday the Norwegian government "
        'released a statement saying that "it is unacceptable to accuse our nation of this." '
        '"We still hope the assembly will think again," the statement added.'
    )
    assert _speakers(extractor, text) == ["Norway", "Norway"]


def test_a_body_described_after_a_time_phrase_speaks(extractor) -> None:
    text = (
        "Harbour Freight Corp. closed two depots in Ohio. Last week the company insisted "
        '"the other depots will stay open for many years to come."'
    )
    assert _speakers(extractor, text) == ["Harbour Freight Corp"]


def test_a_role_after_a_time_phrase_held_by_no_one_names_no_one(extractor) -> None:
    text = (
        "Harbour Freight Corp. closed two depots in Ohio. On Monday the prosecutor said that "
        '"the depots were closed without the required notice to workers."'
    )
    assert _speakers(extractor, text) == [None]


def test_a_pronoun_after_a_quote_that_closed_its_sentence_is_the_next_sentences_subject(
    extractor,
) -> None:
    text = (
        "In a reaction, Ann Reid, the chair of the Acme Party, praised Moss and described him as "
        '"faithful, loyal and discreet." Prime Minister Tom Lee, on behalf of the government, '
        "offered his condolences to the family. He stated in a reaction that "
        '"Moss made an important contribution to our politics."'
    )
    assert _speakers(extractor, text) == ["Ann Reid", "Tom Lee"]


def test_an_object_after_a_preposition_and_titles_is_no_pronouns_subject(extractor) -> None:
    text = (
        '"The report only tells us what we already knew," said Carl Reid, the group\'s leader. '
        "The group challenged the palace to file charges against retired Major General Tom Lee. "
        'He also said the president should "take responsibility for the killings."'
    )
    assert _speakers(extractor, text) == ["Carl Reid", "Carl Reid"]


def test_a_titled_person_before_a_long_role_appositive_speaks(extractor) -> None:
    text = (
        "Lord Mandeville, Secretary of State for Business, Enterprise and Regulatory Reform, "
        'said "it is essential that the firm does everything it can to keep the plant open".'
    )
    assert _speakers(extractor, text) == ["Mandeville"]


def test_a_person_with_a_bracketed_tag_before_who_speaks(extractor) -> None:
    text = (
        "Democrats said the vote misrepresented the comments of Rep. Tom Lee (D-PA), who a day "
        'before said "our troops have become the target and we need to change direction."'
    )
    assert _speakers(extractor, text) == ["Tom Lee"]


def test_a_party_and_state_tag_after_a_senator_is_no_person_and_no_speaker(extractor) -> None:
    text = (
        "Speaking on CNN, Senator Arlen Spectre, R-PA, said the odds on the nominee were "
        '"too close to call." Rep. Jim Ramsted (R-Minn.) voted no.'
    )
    assert _speakers(extractor, text) == ["Arlen Spectre"]
    assert not {"R-PA", "R-Minn"} & entity_names(extractor, text)
