"""Rules-38 review fix N4 (round 36): a pronoun's run-on stops at ", and <Name> <verb>".

A sentence opened by "She" runs the pronoun on past a name in what she did ("She argued …, and
called on Minister Ann Lee to …"), but ", and Senator Ann Lee replied" opens a clause of another
subject, as "but" does: the later "she said" is hers, not the earlier subject's."""

from __future__ import annotations

from extracted import speakers


def test_and_a_named_subject_with_its_verb_stops_the_pronoun_running_on(extractor) -> None:
    text = (
        "The levy was attacked by Councillor Edith Marr. She read out a petition, and "
        'Alderman Rosa Quint responded with figures. "Those numbers are from 2019," she said.'
    )
    assert speakers(extractor, text) == ["Rosa Quint"]


def test_a_name_in_what_the_pronouns_person_did_still_runs_on(extractor) -> None:
    text = (
        "The levy was attacked by Councillor Edith Marr. She read out a petition, and asked "
        'Alderman Rosa Quint to withdraw it. "Nobody wants this," she said.'
    )
    assert speakers(extractor, text) == ["Edith Marr"]
