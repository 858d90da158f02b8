"""Rules-34 classes of named speakers (round 32's tally of the development sets' quotes with no or
a wrong speaker), each pinned by invented sentences. A name owning the object of the verb after a
quotation does not speak ("“knowingly” revealed Plame's identity" was Plame's). More finite
forms of English reporting verbs attribute as "said" does ("Ann Lee, conveyed like sentiments,
“…”", "the Harbor Times recollects that “…”", "Reid confesses", "Acme underscores" were nobody's
or the speaker before's). "It" after a state opening the clause before is that state ("Norway
is …, it is party to the treaty and it has stated that … “…”" was nobody's). "The judges" and
"the justices" speak for the court named before them ("the high court judges ruled that … “…”"
after "a High Court battle" was nobody's). "The government" is the country whose people name a
government before it ("The Iraqi government …. Reuters noted …. “…,” the government said"), and
never an outlet (that quote was Reuters's)."""

from __future__ import annotations

from extracted import quotes_and_speakers


def test_a_name_owning_the_object_of_the_verb_after_a_fragment_does_not_speak(extractor) -> None:
    text = (
        "Valerie Plame was named in the column.\n\nThe newspapers, however, misrepresented the "
        "promise as a promise to fire only those officials who “knowingly” or “illegally” "
        "revealed Plame's identity."
    )
    assert [speaker for _, speaker in quotes_and_speakers(extractor, text) if speaker] == []


def test_a_name_owning_a_role_after_the_verb_still_credits_that_role(extractor) -> None:
    text = (
        "Dan Boyd and Richard Kerr met in May. “It was a fine day for all of us,” writes Kerr's "
        "old friend Dan Boyd."
    )
    assert quotes_and_speakers(extractor, text) == [
        ("It was a fine day for all of us,", "Dan Boyd")
    ]


def test_a_speaker_who_conveyed_sentiments_after_another_speaker_is_credited(extractor) -> None:
    text = (
        "Peter Smerdon said simply, “People will go hungry.” When asked the same question, "
        "another representative, Emilia Casella, conveyed like sentiments, “Those who depend on "
        "food aid face a situation that is particularly dire.”"
    )
    assert quotes_and_speakers(extractor, text) == [
        ("People will go hungry.", "Peter Smerdon"),
        (
            "Those who depend on food aid face a situation that is particularly dire.",
            "Emilia Casella",
        ),
    ]


def test_a_paper_that_recollects_a_quotation_speaks_it(extractor) -> None:
    text = (
        "Having reported the new policy, the Harbor Times recollects that “before taking office, "
        "the minister had warned against cuts and insisted the port be protected”."
    )
    assert quotes_and_speakers(extractor, text) == [
        (
            "before taking office, the minister had warned against cuts and insisted the port be "
            "protected",
            "Harbor Times",
        )
    ]


def test_finite_forms_of_reporting_verbs_credit_their_subject(extractor) -> None:
    for verb in ("confesses", "underscores", "affirms", "recounts", "reckons", "observes"):
        text = f"Ann Reid {verb} that “we were wrong about the plan from the very start of it.”"
        assert quotes_and_speakers(extractor, text) == [
            ("we were wrong about the plan from the very start of it.", "Ann Reid")
        ], verb
        text = f"“We were wrong about the plan from the very start of it,” Ann Reid {verb}."
        assert quotes_and_speakers(extractor, text) == [
            ("We were wrong about the plan from the very start of it,", "Ann Reid")
        ], verb


def test_it_after_a_state_opening_the_clause_before_is_that_state(extractor) -> None:
    text = (
        "Norway is the fourth largest producer of crude oil in the world, it is party to the "
        "treaty and it has stated that its programme is for peaceful purposes and that it will "
        "“not start a war under any circumstances at all.”"
    )
    assert quotes_and_speakers(extractor, text) == [
        ("not start a war under any circumstances at all.", "Norway")
    ]


def test_it_after_a_state_named_inside_a_phrase_is_nobody(extractor) -> None:
    text = (
        "The talks in Norway ended on Monday. It has stated that it will “not start a war "
        "under any circumstances at all.”"
    )
    assert [speaker for _, speaker in quotes_and_speakers(extractor, text)] in ([], [None])


def test_the_judges_of_a_court_named_before_speak_for_that_court(extractor) -> None:
    text = (
        "The islanders have won a High Court battle. Yesterday, the high court judges ruled that "
        "the use of this order was “irrational and unlawful”."
    )
    assert quotes_and_speakers(extractor, text) == [("irrational and unlawful", "High Court")]
    text = (
        "The Kestrel Court of Appeal heard the case on Monday. The judges ruled that the law was "
        "“irrational and unlawful in every respect”."
    )
    assert quotes_and_speakers(extractor, text) == [
        ("irrational and unlawful in every respect", "Kestrel Court of Appeal")
    ]


def test_judges_with_no_court_named_before_are_nobody(extractor) -> None:
    text = "The judges ruled that the law was “irrational and unlawful in every respect”."
    assert [speaker for _, speaker in quotes_and_speakers(extractor, text)] in ([], [None])


def test_the_government_after_a_peoples_government_is_that_country(extractor) -> None:
    text = (
        "Iraq has been at war for three years. The Iraqi government released figures on Monday. "
        "Reuters noted that the figures fail to count bombings.\n\n“The international forces try "
        "to avoid civilian casualties, whereas the terrorists target civilians,” the government "
        "said in a statement."
    )
    assert quotes_and_speakers(extractor, text)[-1] == (
        "The international forces try to avoid civilian casualties, whereas the terrorists "
        "target civilians,",
        "Iraq",
    )


def test_the_government_is_never_an_outlet_named_before(extractor) -> None:
    text = (
        "Reuters noted that the figures fail to count bombings.\n\n“The international forces try "
        "to avoid civilian casualties, whereas the terrorists target civilians,” the government "
        "said in a statement."
    )
    assert [speaker for _, speaker in quotes_and_speakers(extractor, text)] == [None]
