"""Rules-37: a person's name before a craft's or a structure's noun names the thing, not the
person ("NASA's James Webb space telescope", user test r35)."""

from __future__ import annotations

from extracted import person_names, type_by_name


def test_a_telescope_named_after_a_person_is_no_person(extractor) -> None:
    text = "Astronomers will point the Nancy Grace Roman space telescope at the cluster next year."
    assert "Nancy Grace Roman" not in person_names(extractor, text)


def test_a_bridge_named_after_a_person_is_no_person(extractor) -> None:
    text = "Traffic on the Harold Weller bridge stopped for an hour on Friday."
    assert "Harold Weller" not in person_names(extractor, text)


def test_the_person_who_leads_a_telescope_team_stays_a_person(extractor) -> None:
    text = "Harold Weller, who leads the telescope team, spoke to reporters on Friday."
    assert "Harold Weller" in person_names(extractor, text)


def test_a_person_quoted_elsewhere_keeps_the_name_a_ship_shares(extractor) -> None:
    # review r35 N11: the thing's mention untyped the whole person, quote credit included
    text = (
        'In 1994 Marta Kessler said "We will build it" in Kiel. On Monday the Marta Kessler '
        "aircraft carrier docked in Oslo."
    )
    assert type_by_name(extractor, text).get("Marta Kessler") == "PERSON"
    assert [q.speaker for q in extractor.analyse(text).quotes] == ["Marta Kessler"]
