"""Rules-19 speaker mechanisms, each pinned by invented sentences (no article text): what "it"
stands for (r18-speak.md)."""

from __future__ import annotations

from extracted import speakers as _speakers


def test_it_is_the_body_that_opened_the_clauses_before_not_the_last_one_named(extractor) -> None:
    text = (
        "Northwind Airways cancelled forty flights on Friday. It blamed a walkout called by the "
        "Transport Workers Union. It also said passengers would be "
        '"rebooked within two days at no extra cost".'
    )
    assert _speakers(extractor, text) == ["Northwind Airways"]


def test_it_after_a_thing_only_described_names_nobody(extractor) -> None:
    text = (
        "The Harbor Housing Trust had asked for the tenants to be evicted. The appeal ruling lets "
        'them stay in their homes. It said the landlord had "failed to prove any loss to the '
        'estate".'
    )
    assert _speakers(extractor, text) == [None]


def test_it_after_a_described_company_is_that_company(extractor) -> None:
    text = (
        "Shares in Acme Robotics fell on Monday. The company cut its forecast for the year. It "
        'said demand in Asia had been "much weaker than we expected".'
    )
    assert _speakers(extractor, text) == ["Acme Robotics"]


def test_he_after_a_bodys_unnamed_spokesman_is_that_body_not_a_man_named_before(extractor) -> None:
    text = (
        "Senator Paul Hadley criticised the deployment on Monday. The Valdorian Defence "
        "Ministry's spokesman expressed surprise at the criticism. "
        '"Our troops are there only to help put out the fires," he said.'
    )
    assert _speakers(extractor, text) == ["Valdorian Defence Ministry"]


def test_a_body_named_in_part_speaks_under_the_articles_fuller_name_of_it(extractor) -> None:
    text = (
        "Four men were charged on Monday by the U.S. Department of Justice. The Department of "
        "Justice (DOJ) said the men had planned attacks on two airports. According to the DOJ, "
        'the men "had been planning the attack for over a year".'
    )
    assert _speakers(extractor, text) == ["U.S. Department of Justice"]


def test_a_middle_initial_after_the_quote_does_not_end_its_attribution(extractor) -> None:
    text = (
        "Importers welcomed the ruling on Monday. "
        '"There is no reason to think imports are hurting anyone," Acme Trade spokeswoman '
        "Ann R. Patel said."
    )
    assert _speakers(extractor, text) == ["Ann R. Patel"]


def test_an_outlet_that_quotes_him_after_the_quote_is_not_its_speaker(extractor) -> None:
    text = (
        "Rebel leader Daniel Okafor threatened to walk out of the talks. "
        '"The mediation has failed to say who will be invited to the talks," Reuters news '
        "agency quotes him as saying."
    )
    assert _speakers(extractor, text) == ["Daniel Okafor"]


def test_the_body_right_before_the_verb_speaks_not_a_person_in_the_clause_before(
    extractor,
) -> None:
    texts = (
        "Mayor John Smith condemned the attack and the Red Cross said it was a "
        '"needless act of violence against civilians".',
        "After meeting Mayor John Smith, Amnesty International said it was a "
        '"needless act of violence against civilians".',
        "Mayor John Smith condemned the attack and Norway said it was a "
        '"needless act of violence against civilians".',
    )
    assert [_speakers(extractor, t) for t in texts] == [
        ["Red Cross"],
        ["Amnesty International"],
        ["Norway"],
    ]


def test_a_body_in_the_phrase_describing_a_person_does_not_speak_for_them(extractor) -> None:
    text = (
        "Mayor John Smith of the Red Cross said it was a "
        '"needless act of violence against civilians".'
    )
    assert _speakers(extractor, text) == ["John Smith"]


def test_he_reaches_back_through_a_run_of_his_own_quoted_paragraphs(extractor) -> None:
    text = (
        "Prime Minister Alan Marsh said the budget would go into deficit if needed.\n\n"
        '"We will not stand by while jobs are lost across the country," he said.\n\n'
        '"Every family deserves a government that acts when it must."\n\n'
        '"We have planned for this for many months already."\n\n'
        'He added, "Such action would support growth and jobs in every state."'
    )
    assert _speakers(extractor, text)[-1] == "Alan Marsh"


def test_the_government_of_a_country_speaks_as_that_country(extractor) -> None:
    texts = (
        "Troops left the region on Monday. The government of Georgia said the withdrawal "
        'was "a necessary step to protect civilians".',
        "Troops left the region on Monday. The government of Georgia announced that it had "
        'withdrawn them, in what it described as "a necessary step to protect civilians".',
    )
    assert [_speakers(extractor, t) for t in texts] == [["Georgia"], ["Georgia"]]


def test_the_now_governor_is_the_governor_named_before(extractor) -> None:
    text = (
        "Governor Ann Lee opened the new port on Monday. The now-governor said the plan had "
        'been "a waste of public money from the start".'
    )
    assert _speakers(extractor, text) == ["Ann Lee"]


def test_a_surname_misspelt_by_one_letter_is_the_person_named_in_full(extractor) -> None:
    text = (
        "Foreign Minister Hassan Wirayuda met his counterparts on Monday. Mr Wiraydua said "
        'that his country would "live with the declaration for now".'
    )
    assert _speakers(extractor, text) == ["Hassan Wirayuda"]


def test_the_place_where_an_unnamed_envoy_serves_does_not_speak(extractor) -> None:
    text = (
        "In early August, a confidential report by the British ambassador in Iraq had warned "
        'of a "low-intensity civil war across the whole country".'
    )
    assert _speakers(extractor, text) == [None]


def test_the_subject_after_a_leading_phrase_with_a_relative_clause_speaks(extractor) -> None:
    text = (
        "Brushing off criticism from Senator Ann Reid, who said the city was run by "
        'a "closed circle of friends", Mayor Tom Moss stressed that "the city will decide for '
        'itself how fast it changes."'
    )
    assert _speakers(extractor, text)[-1] == "Tom Moss"


def test_the_person_a_role_names_after_by_is_the_agent_not_their_body(extractor) -> None:
    text = (
        'In what was called "the heaviest loss of life in the history of the mission" by '
        "United Nations spokesperson Ann Patel, rebels raided the base."
    )
    assert _speakers(extractor, text) == ["Ann Patel"]


def test_a_credit_line_with_no_verb_names_the_speaker(extractor) -> None:
    texts = (
        "The new logo was unveiled on Monday.\n\n"
        '"It\'s awful," Keith Rushton, a professor of design at the Ontario College of Art. '
        '"It was a drastic change."',
        "Many families stay indoors.\n\n"
        '"You can\'t go anywhere else after dark, it is too dangerous." - Omar Haddad, a '
        "former plumber.\n\nThe fighting went on.",
    )
    assert [_speakers(extractor, t) for t in texts] == [
        ["Keith Rushton", "Keith Rushton"],
        ["Omar Haddad"],
    ]


def test_a_sentence_about_someone_after_a_closed_quote_is_no_credit(extractor) -> None:
    text = (
        'An official said: "We have intercepts showing who was behind the attack." '
        "Mehsud, believed to be near the border, is one of the most wanted men.\n\nMore later."
    )
    assert _speakers(extractor, text) == [None]


def test_a_fragment_in_a_clause_after_goes_on_to_say_is_reported_speech(extractor) -> None:
    text = (
        "President Omar Haddad spoke in the capital. Haddad also goes on to say that anyone "
        'who backs the resolution will "soon regret" it.'
    )
    assert _speakers(extractor, text) == ["Omar Haddad"]


def test_names_in_a_leading_prepositional_phrase_are_not_the_subject(extractor) -> None:
    text = (
        "Despite the claim by witnesses and Press TV employees, a spokesperson for the "
        'United Nations states that the building was hit by "collateral damage from the '
        'strike."'
    )
    assert _speakers(extractor, text) == ["United Nations"]


def test_the_magazine_is_the_body_first_named_beside_that_noun(extractor) -> None:
    text = (
        "In its August edition, The Economist magazine asserts that the country can keep "
        "pumping oil for decades. Further, the magazine claims that it could find "
        '"plenty more if they look".'
    )
    assert _speakers(extractor, text) == ["The Economist"]


def test_the_website_of_a_body_whose_name_was_cut_short_names_nobody(extractor) -> None:
    text = (
        "Protest organisers from the 42B Network have reached an agreement with police. The "
        "42B Network website lists the march route.\n\n"
        '"Assurances have been given that the stage and sound system can be used at the '
        'square," the website said.'
    )
    assert _speakers(extractor, text) == [None]


def test_a_quote_after_the_persons_indirect_speech_in_the_same_paragraph_is_theirs(
    extractor,
) -> None:
    texts = (
        "Shares fell on Monday. Ann Ruiz, an analyst with Charles Stanley, said investors "
        'would not want the new shares. "Investors are unlikely to hold the stock for long."',
        'Ruiz spoke first: "The merger will not go through." Senator Joan Pell also said in '
        'a statement on Wednesday. "The company should reconsider this decision."',
    )
    assert [_speakers(extractor, t)[-1] for t in texts] == ["Ann Ruiz", "Joan Pell"]


def test_a_man_listed_with_his_wife_and_sons_is_still_he(extractor) -> None:
    text = (
        "Tomas Varga, his wife, son and brother have been named in the case. Varga has "
        'admitted taking the money, though he claims it paid for "secret diplomatic '
        'missions" abroad.'
    )
    assert _speakers(extractor, text) == ["Tomas Varga"]


def test_a_party_named_in_the_plural_speaks_not_the_person_before(extractor) -> None:
    text = (
        "The new logo was unveiled on Monday. Critic Ann Lee called it awful. The Liberals "
        'have defended the new logo saying "it was time to modernize the symbol for the '
        'province".'
    )
    assert _speakers(extractor, text) == ["Liberals"]
