"""Rules-16 speaker mechanisms, each pinned by invented sentences (no article text): a role
noun is never the words of a person the sentence before acts on in the passive (review finding
r14-7), and the other general mechanisms of round 15 (r15-speak.md)."""

from __future__ import annotations

from extracted import speakers


def test_the_judge_is_not_the_passive_subject_sentenced_before(extractor) -> None:
    text = (
        "Rafe Colden, 52, was jailed for eleven years on Friday for the fire at the depot.\n\n"
        '"The harm done to the families cannot be undone," the judge said.'
    )
    assert speakers(extractor, text) == [None]


def test_the_coach_is_not_the_player_who_was_sold(extractor) -> None:
    text = (
        "Pell Andry, 24, was sold to a rival club in June.\n\n"
        '"We will miss him in the dressing room," the coach said.'
    )
    assert speakers(extractor, text) == [None]


def test_the_director_is_not_the_nurse_praised_by_the_board(extractor) -> None:
    text = (
        "Nurse Ines Vahl was praised by the hospital board for her work in the outbreak.\n\n"
        '"She never once complained about the hours," the director said.'
    )
    assert speakers(extractor, text) == [None]


def test_an_active_subject_still_speaks_for_its_role_noun(extractor) -> None:
    text = (
        "Tomas Brell, who scored twice on Sunday, played down his own part in the win.\n\n"
        '"The others did the hard work," the striker said.'
    )
    assert speakers(extractor, text) == ["Tomas Brell"]


def test_she_is_the_spokeswoman_not_the_man_the_raid_targeted(extractor) -> None:
    # the article gives each person's sex: "a spokeswoman", "Mullah"; the nearer name is his
    text = (
        "Rimu Talavera-Oke, a spokeswoman for the border police, said nine smugglers were "
        "held. The raid targeted a local commander, Mullah Dastagir.\n\n"
        '"We are sure we found the right house," she said.'
    )
    assert speakers(extractor, text) == ["Rimu Talavera-Oke"]


def test_a_title_says_who_he_is_when_the_first_name_list_does_not(extractor) -> None:
    # "Dominique" is a woman's name to the first-name list; "Mr" says otherwise here
    text = (
        "Mr Dominique Varenne, the finance minister, presented the budget on Tuesday.\n\n"
        '"The figures speak for themselves," he said.'
    )
    assert speakers(extractor, text) == ["Dominique Varenne"]


def test_a_surname_kept_apart_is_named_by_the_one_full_name_it_ends(extractor) -> None:
    text = (
        "Ilse Marwick, leader of the opposition, promised to scrap the tax on Monday.\n\n"
        '"Families cannot wait another year," Marwick said, calling it a Marwick Labor '
        "promise.\n\n"
        '"We will fund it from the surplus," said Ms Marwick.'
    )
    assert set(speakers(extractor, text)) == {"Ilse Marwick"}


def test_a_passive_with_a_complement_still_gives_the_role(extractor) -> None:
    # review r15-1: "was made captain", "was left out of the squad": the role noun is the subject
    made = (
        "Owen Tully was made captain of the side for the tour of India.\n\n"
        '"It is the proudest day of my career," the batsman said.'
    )
    left = (
        "Kai Moro was left out of the squad after injuring his knee in training.\n\n"
        '"I will be back before the final," the striker said.'
    )
    assert speakers(extractor, made) == ["Owen Tully"]
    assert speakers(extractor, left) == ["Kai Moro"]


def test_his_wife_in_a_list_says_nothing_of_his_sex(extractor) -> None:
    # review r15-2: ", his wife, and their sons" is a list, not an appositive of the name
    pulled = (
        "Paul Ames, his wife, and their two sons were pulled from the flooded car by a "
        "passing farmer.\n\n"
        '"The water rose so fast we could not open the doors," he said.'
    )
    among = (
        "Among the passengers were Omar Haddad, his wife, and their three children.\n\n"
        '"We had to leave everything behind," he said.'
    )
    assert speakers(extractor, pulled) == ["Paul Ames"]
    assert speakers(extractor, among) == ["Omar Haddad"]


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
