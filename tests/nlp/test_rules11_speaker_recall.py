"""Speaker classes of rules-11 read on real reporting (issue 10, speaker recall): invented examples."""

from __future__ import annotations

import pytest
from extracted import quotes_and_speakers


def _people(extractor, text: str) -> list[str]:
    return [e.name for e in extractor.analyse(text).entities if e.type == "PERSON"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Kessler, 54, said": an age after a lone name says it is a person, even opening a sentence.
        pytest.param(
            (
                "The union held a vote on Tuesday. Members rejected the offer.\n\n"
                'Vellacott, 54, said: "We will not go back for less than we earned last year."'
            ),
            [("We will not go back for less than we earned last year.", "Vellacott")],
            id="a_lone_surname_with_an_age_opening_a_sentence_is_a_speaker",
        ),
        # "Blankenship concurred: “…”": a lone name introducing a quotation with a speech verb is a
        # person, even when it ends like an abstract noun ("-ship", "-ence") ...
        pytest.param(
            (
                "Voters heard the two candidates on Monday.\n\n"
                'Tollenship concurred: "We need to stop policing the world."'
            ),
            [("We need to stop policing the world.", "Tollenship")],
            id="a_lone_name_introducing_a_quote_is_a_person_whatever_its_ending",
        ),
        # ... and the short form of the full name introduced earlier.
        pytest.param(
            (
                "Harald Tollenship of the Frontier Party spoke after the debate.\n\n"
                'Tollenship concurred: "We need to stop policing the world", he argued.'
            ),
            [("We need to stop policing the world", "Harald Tollenship")],
            id="a_lone_surname_introducing_a_quote_is_the_person_named_in_full_before",
        ),
        # "The draft proposals cite “…”", "They reiterate that …": the plural present of a speech verb
        # introduces a quotation as its past does.
        pytest.param(
            (
                "The Varden Trade Council met on Monday. The draft Varden Trade Council proposals "
                'cite "the conviction that further tariffs would deepen the crisis."'
            ),
            [
                (
                    "the conviction that further tariffs would deepen the crisis.",
                    "Varden Trade Council",
                )
            ],
            id="a_plural_present_speech_verb_introduces_the_quote",
        ),
        # "The Halden air force branded as “…” a report that …": labelling a report speaks.
        pytest.param(
            (
                'The Halden Coast Guard branded as "one more piece of invented news" a report that '
                "one of its boats had sunk."
            ),
            [("one more piece of invented news", "Halden Coast Guard")],
            id="a_body_branding_a_report_speaks_the_label",
        ),
        # '“…,” remarked the chief economist for Acme in Tokyo, Kyohei Morita.': two unknown words set
        # beside the description after an inverted speech verb name the speaker.
        pytest.param(
            (
                "Exports rose for a third month.\n\n"
                '"Growth is shifting to the south," remarked the chief economist for Varden Capital '
                "in Halden, Tokiro Masamune."
            ),
            [("Growth is shifting to the south,", "Tokiro Masamune")],
            id="a_name_beside_the_description_after_an_inverted_verb_is_the_speaker",
        ),
        # "An Interpol spokesperson said …. The spokesperson added": an unnamed spokesperson speaks for
        # the body named with them before.
        pytest.param(
            (
                "A spokesman for the Halden Port Authority said the berth was closed. "
                '"We will reopen it on Monday," the spokesman said.'
            ),
            [("We will reopen it on Monday,", "Halden Port Authority")],
            id="the_spokesperson_named_again_speaks_for_the_body_named_before",
        ),
        # '“…”, read the warning.' after "The warning issued by Halden Weather Service": a written text
        # named after the quotation speaks for the author named with it before.
        pytest.param(
            (
                "The orange warning issued by Halden Weather Service applied to three counties. "
                '"The storm will produce high waves and some coastal flooding", read the warning.'
            ),
            [
                (
                    "The storm will produce high waves and some coastal flooding",
                    "Halden Weather Service",
                )
            ],
            id="a_quote_read_by_a_warning_is_its_issuers",
        ),
        pytest.param(
            (
                "A flood warning from the Varden River Authority was posted at noon. "
                '"Residents should move to higher ground," the warning said.'
            ),
            [("Residents should move to higher ground,", "Varden River Authority")],
            id="the_warning_said_is_its_issuers_too",
        ),
        # '“…” — as the Halden Court ruling put it —', 'As Vellacott put it, “…”': the words are theirs.
        pytest.param(
            (
                'Traffic "ground to a complete halt for days" — as the Halden Court ruling put it — on the bridge.'
            ),
            [("ground to a complete halt for days", "Halden Court")],
            id="as_someone_put_it_after_the_quote_names_its_owner",
        ),
        pytest.param(
            'As Marta Vellacott put it, "the mill is the town and the town is the mill."',
            [("the mill is the town and the town is the mill.", "Marta Vellacott")],
            id="as_someone_put_it_before_the_quote_names_its_owner",
        ),
        # "The decree signed by the Pope read “…”": the holder of the role that signed it.
        pytest.param(
            (
                "Pope Gregor announced new rules on Thursday. The decree signed by the Pope read "
                '"Every abuse must be reported to the bishop at once."'
            ),
            [("Every abuse must be reported to the bishop at once.", "Gregor")],
            id="a_text_signed_by_a_role_is_its_holders",
        ),
        # "Ivo Brandtner, Dean of UC Varden School of Law called it “…”": an appositive opening with a
        # capitalised role word describes the name before it; the names inside it do not speak.
        pytest.param(
            (
                "Others dismissed the claims outright. Ivo Brandtner, Dean of UC Varden School of Law "
                'called it "a truly silly argument."'
            ),
            [("a truly silly argument.", "Ivo Brandtner")],
            id="a_capitalised_role_appositive_does_not_speak",
        ),
        # "A statement on Acme's website, …, states: “…”": the owner of the site the statement is on.
        pytest.param(
            (
                "Steve Rowe, founder of Halden Mining Company, died on Wednesday. A statement on Halden "
                "Mining Company's website, the homepage of which shows a black and white photograph of "
                'him, states: "We have lost a visionary and a friend."'
            ),
            [("We have lost a visionary and a friend.", "Halden Mining Company")],
            id="a_statement_on_a_website_is_the_sites_owners",
        ),
        # "… Agency for Displaced Families in the Upper Valley (NRWA)": an abbreviation that spells the
        # name before its "for"/"in" qualifier stands for the whole name, and speaks as it.
        pytest.param(
            (
                "This is the second seizure of Northern Relief and Works Agency for Displaced Families "
                "in the Upper Valley (NRWA) aid by the ministry. NRWA said in a statement that aid "
                'would stop until "the convoys are safe."'
            ),
            [
                (
                    "the convoys are safe.",
                    "Northern Relief and Works Agency for Displaced Families in the Upper Valley",
                )
            ],
            id="an_abbreviation_spelling_the_name_before_its_qualifier_speaks_as_the_name",
        ),
        # '… described it as a “shambles.”  Brandtner called his rival a “…”': the sentence after a
        # fragment closed by its own stop runs into the next quotation and does not speak the fragment.
        pytest.param(
            (
                'After the debate, Halden anchor Marta Vellacott described it as a "shambles."  Ivo '
                'Brandtner called his rival a "national embarrassment" for his performance.'
            ),
            [
                ("shambles.", "Marta Vellacott"),
                ("national embarrassment", "Ivo Brandtner"),
            ],
            id="a_fragment_is_not_spoken_by_the_next_sentence_running_into_a_quote",
        ),
        # "Vellacott, a nurse at the hospital, said:": a description of one person between a lone name
        # opening a sentence and its speech verb says the name is a person.
        pytest.param(
            (
                "The union voted on Tuesday.\n\n"
                'Vellacott, a nurse at the hospital, said: "We will not go back for less."\n\n'
                'Brandtner, who has worked there for 20 years, said: "Nobody asked us."'
            ),
            [
                ("We will not go back for less.", "Vellacott"),
                ("Nobody asked us.", "Brandtner"),
            ],
            id="a_lone_name_described_before_its_speech_verb_is_a_speaker",
        ),
    ],
)
def test_the_quotes_and_their_speakers_are(extractor, text, expected) -> None:
    assert quotes_and_speakers(extractor, text) == expected


def test_a_plural_introducing_a_quote_is_still_no_person(extractor) -> None:
    text = 'The march ended at noon.\n\nMarchers agreed: "We will be back next year."'
    assert "Marchers" not in _people(extractor, text)


# "the U.N. Security Council … the Security Council said": one body, named again without the
# union it belongs to.
def test_a_union_body_named_again_without_the_union_is_the_same_speaker(extractor) -> None:
    text = (
        "Diplomats at the U.N. Trusteeship Council met on Monday.\n\n"
        'Later the Trusteeship Council said it would "review the mandate before the vote."'
    )
    analysis = extractor.analyse(text)
    assert [(q.text, q.speaker) for q in analysis.quotes] == [
        ("review the mandate before the vote.", "U.N. Trusteeship Council")
    ]
    assert [e.name for e in analysis.entities if e.type == "ORG"] == ["U.N. Trusteeship Council"]


# 'in what the judge called “…”' in a lede, 'District Judge Marta Vellacott told' two sentences
# later: a role no one held before is held by the name given with it next.
def test_a_role_in_the_lede_is_held_by_the_name_given_with_it_after(extractor) -> None:
    text = (
        "A former clerk was jailed for six years on Wednesday for stealing from elderly "
        'customers, in what the judge called "a cruel and calculated betrayal of trust".\n'
        "Ivo Brandtner, 41, worked at a branch of Varden Bank for nearly a decade.\n"
        '"You targeted people who trusted you," District Judge Marta Vellacott told Brandtner.'
    )
    assert quotes_and_speakers(extractor, text)[0] == (
        "a cruel and calculated betrayal of trust",
        "Marta Vellacott",
    )


# 'Calling it “just another apology”, Vellacott … told Reuters': a sentence opening with a
# speech participle is spoken by the subject after the quotation, not by the sentence before.
def test_a_quote_in_an_opening_participle_phrase_is_the_main_subjects(extractor) -> None:
    text = (
        'Bishop Ivo Brandtner said, "I am sorry for every wound."  Calling it "just another '
        'apology", Marta Vellacott of the Halden Victims Fund told Reuters "it almost appears '
        'as if the statement was prepared long ago."'
    )
    assert quotes_and_speakers(extractor, text)[1] == ("just another apology", "Marta Vellacott")


def test_a_quote_after_an_opening_saying_is_the_main_subjects(extractor) -> None:
    text = (
        'Illegal abortion has been a crime since 1921.  Saying "there are many abortions '
        'despite the threat of prison" to reporters, President Ivo Brandtner elaborated, "A '
        'state that is present must protect its citizens."'
    )
    assert quotes_and_speakers(extractor, text)[0] == (
        "there are many abortions despite the threat of prison",
        "Ivo Brandtner",
    )


# "The Valdorian air force branded as “…”": a state's service named by a description speaks,
# and is an organisation (an army named so stays a group, as since rules-4).
def test_an_air_force_named_by_a_description_is_an_organisation(extractor) -> None:
    text = (
        'The Valdorian air force branded as "one more piece of invented news" a report that '
        "one of its jets was shot down."
    )
    analysis = extractor.analyse(text)
    assert [(q.text, q.speaker) for q in analysis.quotes] == [
        ("one more piece of invented news", "Valdorian air force")
    ]
    assert {e.name: e.type for e in analysis.entities}["Valdorian air force"] == "ORG"
