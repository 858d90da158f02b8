"""Rules-16 speaker mechanisms, each pinned by invented sentences (no article text): a role
noun is never the words of a person the sentence before acts on in the passive (review finding
r14-7), and the other general mechanisms of round 15 (r15-speak.md)."""

from __future__ import annotations

import pytest
from extracted import speakers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Rafe Colden, 52, was jailed for eleven years on Friday for the fire at the depot.\n\n"
            '"The harm done to the families cannot be undone," the judge said.',
            [None],
            id="the_judge_is_not_the_passive_subject_sentenced_before",
        ),
        pytest.param(
            "Pell Andry, 24, was sold to a rival club in June.\n\n"
            '"We will miss him in the dressing room," the coach said.',
            [None],
            id="the_coach_is_not_the_player_who_was_sold",
        ),
        pytest.param(
            "Nurse Ines Vahl was praised by the hospital board for her work in the outbreak.\n\n"
            '"She never once complained about the hours," the director said.',
            [None],
            id="the_director_is_not_the_nurse_praised_by_the_board",
        ),
        pytest.param(
            "Tomas Brell, who scored twice on Sunday, played down his own part in the win.\n\n"
            '"The others did the hard work," the striker said.',
            ["Tomas Brell"],
            id="an_active_subject_still_speaks_for_its_role_noun",
        ),
        # the article gives each person's sex: "a spokeswoman", "Mullah"; the nearer name is his
        pytest.param(
            "Rimu Talavera-Oke, a spokeswoman for the border police, said nine smugglers were "
            "held. The raid targeted a local commander, Mullah Dastagir.\n\n"
            '"We are sure we found the right house," she said.',
            ["Rimu Talavera-Oke"],
            id="she_is_the_spokeswoman_not_the_man_the_raid_targeted",
        ),
        # "Dominique" is a woman's name to the first-name list; "Mr" says otherwise here
        pytest.param(
            "Mr Dominique Varenne, the finance minister, presented the budget on Tuesday.\n\n"
            '"The figures speak for themselves," he said.',
            ["Dominique Varenne"],
            id="a_title_says_who_he_is_when_the_first_name_list_does_not",
        ),
        # review r15-1: "was made captain", "was left out of the squad": the role noun is the
        # subject
        pytest.param(
            "Owen Tully was made captain of the side for the tour of India.\n\n"
            '"It is the proudest day of my career," the batsman said.',
            ["Owen Tully"],
            id="a_passive_with_a_complement_still_gives_the_role",
        ),
        pytest.param(
            "Kai Moro was left out of the squad after injuring his knee in training.\n\n"
            '"I will be back before the final," the striker said.',
            ["Kai Moro"],
            id="a_passive_with_a_complement_still_gives_the_role",
        ),
        # review r15-2: ", his wife, and their sons" is a list, not an appositive of the name
        pytest.param(
            "Paul Ames, his wife, and their two sons were pulled from the flooded car by a "
            "passing farmer.\n\n"
            '"The water rose so fast we could not open the doors," he said.',
            ["Paul Ames"],
            id="his_wife_in_a_list_says_nothing_of_his_sex",
        ),
        pytest.param(
            "Among the passengers were Omar Haddad, his wife, and their three children.\n\n"
            '"We had to leave everything behind," he said.',
            ["Omar Haddad"],
            id="his_wife_in_a_list_says_nothing_of_his_sex",
        ),
    ],
)
def test_the_speakers_of_the_quotes_are(extractor, text, expected) -> None:
    assert speakers(extractor, text) == expected


def test_a_surname_kept_apart_is_named_by_the_one_full_name_it_ends(extractor) -> None:
    text = (
        "Ilse Marwick, leader of the opposition, promised to scrap the tax on Monday.\n\n"
        '"Families cannot wait another year," Marwick said, calling it a Marwick Labor '
        "promise.\n\n"
        '"We will fund it from the surplus," said Ms Marwick.'
    )
    assert set(speakers(extractor, text)) == {"Ilse Marwick"}


def test_a_passive_keeps_the_role_when_the_role_noun_acts_on_no_one(extractor) -> None:
    # review r15-4: only a role that acts on others (a judge, a coach) or a passive with its
    # agent ("by …") is someone else than the passive subject
    for text in (
        "Kai Moro was recalled to the national squad on Monday after a year out. "
        '"I never stopped believing," the striker said.',
        "Luis Ferro was elected to parliament in 2015 and has held the seat since. "
        '"The town deserves better roads," the MP said.',
    ):
        [quote] = extractor.analyse(text).quotes
        assert quote.speaker in ("Kai Moro", "Luis Ferro"), text
