"""Rules-23 speaker mechanisms, each pinned by invented sentences (no article text): the speaker
classes round 22 found on the readable Wikinews sets (r22-speak.md)."""

from __future__ import annotations

from extracted import speakers as _speakers


def test_a_second_quote_after_a_long_appositive_is_the_named_speakers(extractor) -> None:
    text = (
        '"The harbour is safe again," said Ann Moss, a senior pilot for the Harbour Safety '
        'Council in Dover, "We reopened both channels this morning after the divers finished."'
    )
    assert _speakers(extractor, text) == ["Ann Moss", "Ann Moss"]


def test_a_second_quote_after_an_appositive_naming_a_person_stays_with_the_speaker(
    extractor,
) -> None:
    text = (
        '"The harbour is safe again," said Ann Moss, deputy to harbour master Tom Reid, '
        '"We reopened both channels this morning after the divers finished."'
    )
    assert _speakers(extractor, text) == ["Ann Moss", "Ann Moss"]


def test_a_quotation_going_on_past_a_paragraph_break_keeps_its_speaker(extractor) -> None:
    text = (
        'The port reopened on Tuesday. "Prices have risen a lot," said Ann Moss, a senior '
        'trader and member of the Grain Exchange in Dover, "Ships left on their own. No one forced them.\n\n'
        'The inspectors come here every week and check every hold on every ship."\n\n'
        "The port handles most of the region's grain."
    )
    assert _speakers(extractor, text) == ["Ann Moss"] * 3


def test_a_new_quotation_after_a_paragraph_break_is_not_carried(extractor) -> None:
    text = (
        'The port reopened on Tuesday. "Prices have risen a lot," said Ann Moss, a trader.\n\n'
        '"The inspectors come here every week and check every hold on every ship," said Tom '
        "Reid, the harbour master."
    )
    assert _speakers(extractor, text) == ["Ann Moss", "Tom Reid"]


def test_a_report_right_before_its_verb_speaks_for_its_author_after_a_leading_phrase(
    extractor,
) -> None:
    text = (
        "In a 40-page report released today, the Harbour Safety Council reported its findings "
        'on the ferry fire. To avoid further "loss of life at sea" the report recommends that '
        '"every ferry should carry two lifeboats at all times."'
    )
    assert _speakers(extractor, text)[-1] == "Harbour Safety Council"


def test_a_report_after_a_preposition_is_not_the_speaker(extractor) -> None:
    text = (
        "A report by the Harbour Safety Council faulted the ferry operator on Monday.\n\n"
        "Ann Moss, head of safety at Blue Ferries, said this of the report: "
        '"We reject every finding in it, and we will say so to the minister."'
    )
    assert _speakers(extractor, text) == ["Ann Moss"]


def test_reaffirming_writing_asking_and_blaming_attribute_the_words(extractor) -> None:
    cases = {
        "Tom Reid": (
            "Harbour minister Tom Reid spoke to the council on Monday. He reaffirmed that the "
            'port would stay shut because opening it would "put every crew at serious risk".'
        ),
        "Ann Moss": (
            "Before the vote, the harbour master Ann Moss had written, "
            '"I remain of the view that the safest course is to keep the port closed."'
        ),
        "Jo Lee": (
            "Councillor Jo Lee has demanded a change to the harbour rules. She is asking that "
            'the rules count as victims anyone hurt by "reckless navigation in the channel."'
        ),
        "Robert Hale": (
            "Robert Hale said on Thursday that the checks were working. He blamed a "
            '"relatively small" number of captains for the collisions.'
        ),
    }
    for speaker, text in cases.items():
        assert _speakers(extractor, text) == [speaker], text


def test_a_person_with_an_affiliation_aside_and_a_who_clause_speaks(extractor) -> None:
    text = (
        "Writer Ann Moss, of the Harbour Gazette, who sailed with Tom Reid on the same ferry "
        'said in response: "I think the crew did all it could that night."'
    )
    assert _speakers(extractor, text) == ["Ann Moss"]


def test_a_role_noun_is_not_the_patient_who_holds_another_role(extractor) -> None:
    text = (
        "Valdorian Prime Minister Ann Moss underwent emergency surgery at the Harbour Medical "
        "Center to treat damage revealed by a recent scan. The Chief Surgeon said, "
        '"Moss is out of danger for now. Her condition is stable."'
    )
    assert _speakers(extractor, text) == [None]


def test_a_fragment_right_after_a_name_and_says_is_that_names(extractor) -> None:
    text = (
        "Protest rallies were banned, but more than a thousand sailors marched anyway (the "
        'Harbour Gazette says "thousands of sailors"), and police broke up two rallies.'
    )
    assert _speakers(extractor, text) == ["Harbour Gazette"]


def test_a_fragment_after_an_unnamed_source_said_is_nobodys(extractor) -> None:
    text = (
        'The Harbour Gazette reported its source said "three pirates" were killed in a '
        "firefight on Monday night."
    )
    assert _speakers(extractor, text) == [None]


def test_the_agent_of_a_passive_label_speaks_before_a_later_credit(extractor) -> None:
    text = (
        "A peace activist, Tom Reid, has been arrested in Dover. He was deemed "
        '"a threat to national security" by the Harbour Safety Council, according to a '
        "spokesperson from the Ferry Union."
    )
    assert _speakers(extractor, text) == ["Harbour Safety Council"]


def test_an_unnamed_analyst_set_off_from_the_firm_by_a_comma_speaks_for_it(extractor) -> None:
    text = (
        "Many viewed the action as an indirect challenge to Acme. One analyst, from Moss "
        'Capital Partners, said, "I think this is kind of an indirect lawsuit against Acme."'
    )
    assert _speakers(extractor, text) == ["Moss Capital Partners"]


def test_whoever_ordered_it_owns_the_words_of_the_order(extractor) -> None:
    text = (
        "According to Transport Minister Ann Moss, who was speaking to the Harbour Gazette, "
        "Governor Tom Reid ordered an inquiry with the aim to punish the culprits "
        '"with the utmost severity."'
    )
    assert _speakers(extractor, text) == ["Tom Reid"]


def test_disagreeing_and_predicting_attribute_a_fragment(extractor) -> None:
    text = (
        "Ann Moss, head of the Harbour Fund, disagreed, predicting in a statement from Dover "
        'that next year would be a "year of recovery".'
    )
    assert _speakers(extractor, text) == ["Ann Moss"]


def test_a_credit_after_the_sentences_last_quote_names_the_role_holder_for_fragments(
    extractor,
) -> None:
    text = (
        'Valdoria has said that it would like to see a "peaceful change" and that a "Moss '
        'dynasty" is "certainly not a solution that we think is viable," said a spokesman for '
        "the U.S. State Department, Tom Reid."
    )
    assert _speakers(extractor, text) == ["Tom Reid"] * 3


def test_a_state_speaks_a_fragment_beside_its_longer_quotation(extractor) -> None:
    text = (
        'Norway also said that beginning on "Sunday morning, we will begin work at Dover" '
        'which has "3,000 centrifuges" which they "will drive at full speed" in response to '
        "the vote."
    )
    assert _speakers(extractor, text) == ["Norway"] * 3


def test_a_credit_closing_the_sentence_after_a_role_covers_its_earlier_quotation(
    extractor,
) -> None:
    text = (
        'Director Ann Moss "was adamant about using this school", named in the film as '
        '"Carry Nation High", said production designer Tom Reid.'
    )
    assert _speakers(extractor, text)[0] == "Tom Reid"
