"""Rules-36 organisation cases (round 34), each pinned by invented sentences.

A weekday's newspaper after "the" keeps its weekday: "The Saturday Ledger reported" was no entity
at all (the weekday dropped as a date, then "Ledger" alone named nothing), "according to the
Sunday Tribune" the fragment "Tribune"; a weekday with no "the" before it is still a date ("On
Sunday Times Square was closed").

A people's word before one trade's word ending the capitals names a company ("Finnish Rail",
"Chilean Power" were the group "Finnish" and a lone "Rail"); not when more capitals follow.

"Command", "Fleet", "Division", "Cavalry", "Infantry" and "Committees" end a body's name ("Kelmar
Southern Command said" was a person, "the Kelmouth Fleet" nothing).

Names the lists lacked: the G8 (G7 and G20 were listed), the Tamil Tigers, and al-Qaeda written
"al Qaeda" or "Al Qaida" (no entity before).

A role's singular possessive opens a body's name before its head word ("the Farmer's Union of
Kelmar" was "Union of Kelmar", "Kelmar Teacher's Federation" nothing), as "Workers' Union" did.

A company's name without its suffix, where no word is a given name, is the company even as the
subject of "said" ("Kelmo Brightline said" after "Kelmo Brightline Inc." was a person)."""

from __future__ import annotations

from extracted import type_by_name

from newstui.nlp import canonical_key


def test_a_weekday_newspaper_after_the_keeps_its_weekday(extractor) -> None:
    text = "The Saturday Ledger reported that the Kelmouth mine would close."
    assert type_by_name(extractor, text)["Saturday Ledger"] == "ORG"
    text = "The mine will close, according to the Sunday Tribune. Workers were told on Friday."
    types = type_by_name(extractor, text)
    assert types["Sunday Tribune"] == "ORG"
    assert "Tribune" not in types


def test_a_weekday_without_the_is_still_a_date(extractor) -> None:
    text = "On Sunday Times Square was closed to traffic."
    types = type_by_name(extractor, text)
    assert "Sunday Times Square" not in types and "Sunday Times" not in types
    text = "The Kelmouth council met on Tuesday. On Wednesday Post Office staff went on strike."
    assert not any(name.startswith("Wednesday") for name in type_by_name(extractor, text))


def test_a_peoples_word_before_a_trade_names_a_company(extractor) -> None:
    text = "Finnish Rail announced fare rises on Monday."
    assert type_by_name(extractor, text) == {"Finnish Rail": "ORG"}
    text = "Shares in Norwegian Gas fell after Chilean Power cut its forecast."
    types = type_by_name(extractor, text)
    assert types["Norwegian Gas"] == "ORG" and types["Chilean Power"] == "ORG"
    assert "Norwegian" not in types and "Chilean" not in types


def test_a_peoples_word_before_a_trade_and_more_capitals_is_left_as_it_was(extractor) -> None:
    text = "Norwegian Gas Storage Authority officials met on Monday in Oslo."
    assert "Norwegian Gas" not in type_by_name(extractor, text)
    text = "He took the Samjhauta Express to Lahore with a Finnish friend."
    types = type_by_name(extractor, text)
    assert types.get("Finnish") == "GROUP"


def test_a_command_fleet_division_or_infantry_word_ends_a_body(extractor) -> None:
    text = "Spokesmen for the Kelmouth Fleet denied it."
    assert type_by_name(extractor, text) == {"Kelmouth Fleet": "ORG"}
    text = "The Popular Defence Committees claimed the attack."
    assert type_by_name(extractor, text) == {"Popular Defence Committees": "ORG"}
    text = "Kelmar Southern Command said the road would close."
    assert type_by_name(extractor, text) == {"Kelmar Southern Command": "ORG"}
    text = "He served in the Royal Kelmish Light Infantry until 1990."
    assert type_by_name(extractor, text)["Royal Kelmish Light Infantry"] == "ORG"


def test_list_names_of_armed_groups_and_summits(extractor) -> None:
    text = "Police in Kelmouth blamed the Tamil Tigers for the blast."
    assert type_by_name(extractor, text)["Tamil Tigers"] == "ORG"
    text = "Ministers met before the G8 summit in Kelmouth."
    assert type_by_name(extractor, text)["G8"] == "ORG"
    text = "The video was said to come from al Qaeda, the ministry said."
    types = type_by_name(extractor, text)
    assert [kind for name, kind in types.items() if canonical_key(name, kind) == "org:qaeda"] == [
        "ORG"
    ], types


def test_a_roles_singular_possessive_opens_a_body(extractor) -> None:
    text = "She joined the Farmer's Union of Kelmar in 2001."
    assert "Farmer's Union of Kelmar" in type_by_name(extractor, text)
    text = "The Kelmar Teacher's Federation called a strike."
    assert type_by_name(extractor, text) == {"Kelmar Teacher's Federation": "ORG"}


def test_a_companys_short_name_without_a_given_name_is_the_company(extractor) -> None:
    text = "Kelmo Brightline Inc. lost data. Customers were not affected, Kelmo Brightline said."
    assert type_by_name(extractor, text) == {"Kelmo Brightline Inc": "ORG"}
    text = "Tom Kelmo International opened a shop. Tom Kelmo said he was pleased."
    assert type_by_name(extractor, text).get("Tom Kelmo") == "PERSON"
