"""Rules-40 (round 38): a quotation credited by a relative clause of a nameless antecedent ("a
visit by former minister Tom Vale with health experts, who said that “…”", "an official from
her own party, who said:") is nobody's named, not the name the sentence holds elsewhere; a
person placed by words before ", who" ("Ann Lee of the city's office, who added") still
speaks, and so does one named before the body that precedes ", who" ("Tim Reid of Creative
Strategies, who said")."""

from __future__ import annotations

from extracted import speakers


def test_nameless_experts_beside_a_named_minister_are_nobody_named(extractor) -> None:
    text = (
        "The detainees were moved on Monday. The decision followed a visit to the camp by former "
        "minister Tom Vale with health experts, who said that “the detainees are in grave danger "
        "and need care at once.”"
    )
    assert speakers(extractor, text) == [None]


def test_a_nameless_official_is_not_the_person_named_before(extractor) -> None:
    text = (
        "Ann Lee set a deadline for the talks. Lee's style has come under fire, columnist Tom "
        "Vale writing that she “has a habit of setting deadlines.” Her deadline was criticised "
        "by an official from her own party, who said: “Lee has already had two extensions.”"
    )
    assert speakers(extractor, text) == ["Tom Vale", None]


def test_a_person_placed_before_who_still_speaks(extractor) -> None:
    text = (
        "“We have had hundreds of calls since Monday,” said Ann Lee of the city's records "
        "office, who also added that people are “calling every department, not just ours.”"
    )
    assert speakers(extractor, text) == ["Ann Lee", "Ann Lee"]


def test_a_person_named_before_the_body_of_the_relative_clause_speaks(extractor) -> None:
    text = (
        "Some analysts are optimistic about the tablet, such as Tim Reid of Creative "
        "Strategies, who said that “if you're a phone maker today, the natural way is up.”"
    )
    assert speakers(extractor, text) == ["Tim Reid"]
