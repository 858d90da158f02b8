"""Rules-18 speaker mechanisms, each pinned by invented sentences (no article text): a country as
the subject of a speech verb it does not stand right before, and given names the pronoun "she"
must be able to reach (r17-speak.md)."""

from __future__ import annotations

from newstui.nlp.gazetteer import load_gazetteer


def _speakers(extractor, text: str) -> list[str | None]:
    return [q.speaker for q in extractor.analyse(text).quotes]


def test_a_country_that_opens_the_clause_speaks_through_a_second_verb(extractor) -> None:
    text = (
        "Talks in Geneva stalled on Monday. Norway immediately expressed regret over the ruling "
        'and said the new tariffs would "hurt everyone involved in the trade".'
    )
    assert _speakers(extractor, text) == ["Norway"]


def test_a_country_speaks_past_an_auxiliary_and_an_adverb(extractor) -> None:
    text = (
        "Talks in Geneva stalled on Monday. Norway has repeatedly said the new tariffs would "
        '"hurt everyone involved in the trade".'
    )
    assert _speakers(extractor, text) == ["Norway"]


def test_a_country_talked_about_in_the_first_clause_is_not_the_subject(extractor) -> None:
    text = (
        "Talks in Geneva stalled on Monday. Trade with Norway fell sharply and officials said "
        'the new tariffs would "hurt everyone involved in the trade".'
    )
    assert _speakers(extractor, text) == [None]


def test_she_reaches_a_woman_whose_given_name_was_listed_as_a_mans(extractor) -> None:
    text = (
        "Condoleezza Marsh said the talks were a matter of urgency. Speaking to reporters in "
        'Basra, she said that, "The fact that we are here at all is a sign of the urgency."'
    )
    assert _speakers(extractor, text) == ["Condoleezza Marsh"]


def test_the_given_names_of_women_are_not_listed_as_mens() -> None:
    names = load_gazetteer().first_names
    for name in (
        "Condoleezza",
        "Tzipi",
        "Kirsten",
        "Ilhan",
        "Dianne",
        "Kamala",
        "Nancy",
        "Hillary",
    ):
        assert names[name] == "f", name
    assert names["Sheikh"] == "u"  # a title as well: "Sheikh Hasina", "Sheikh Mohammed"
    for name in ("Dominique", "Hilary", "Alexis", "Toni", "Jackie"):  # men and women bear them
        assert names[name] == "u", name
    assert names["Mikey"] == "m"


def test_the_agent_of_a_passive_speech_verb_before_the_quote_speaks(extractor) -> None:
    text = (
        "Parliament met on Monday. In a briefing that evening the mayor was told by Fire Chief "
        'Harold Benning of "at least twelve families still unaccounted for", while the council '
        "prepared shelters.\n\n"
        "The mayor met the press. She was warned by the Kestrel Water Board that "
        '"the reservoir will not last the summer at this rate".'
    )
    assert _speakers(extractor, text) == ["Harold Benning", "Kestrel Water Board"]


def test_the_agent_after_the_quote_of_a_passive_speech_verb_speaks(extractor) -> None:
    text = (
        'The virus spread fast. It was previously declared a "national emergency" by the '
        "Ministry of Health on Friday.\n\n"
        'The bill passed on Monday. It was described as "reckless and cruel" by Senator Ann '
        "Whitcombe of Ohio."
    )
    assert _speakers(extractor, text) == ["Ministry of Health", "Ann Whitcombe"]


def test_by_after_a_quote_with_no_passive_verb_names_no_speaker(extractor) -> None:
    text = (
        "The harbour reopened on Friday. Local fishermen said the first boats had come back "
        '"in good order and on time" by the Kestrel Water Board pier.'
    )
    assert _speakers(extractor, text) == [None]


def test_a_report_that_predicts_speaks_for_the_body_that_published_it(extractor) -> None:
    text = (
        "The International Labour Office published its yearly report on Wednesday. Even for "
        'those who keep their jobs, the report predicts that "earnings and other conditions '
        'of work will deteriorate."'
    )
    assert _speakers(extractor, text) == ["International Labour Office"]


def test_a_name_before_a_role_word_is_whom_the_speaker_works_for(extractor) -> None:
    text = (
        'Martin Ostrova spoke on Monday. "It is a witch hunt," said Ostrova lawyer Rudy '
        "Kellerman.\n\n"
        '"We will win this," said Ostrova campaign manager Dana Whitlock.'
    )
    assert _speakers(extractor, text) == ["Rudy Kellerman", "Dana Whitlock"]


def test_a_second_name_after_a_clause_is_not_the_role_holder(extractor) -> None:
    text = 'Martin Ostrova spoke on Monday. "We will win this," said Ostrova, and Dana Whitlock agreed.'
    assert _speakers(extractor, text) == ["Martin Ostrova"]


def test_the_named_holder_of_a_role_credited_by_according_to_speaks(extractor) -> None:
    text = (
        "According to the Kestrel Water Board (KWB) director of planning, Ann Whitcombe "
        '"the reservoir will not last the summer".\n\n'
        'According to the Kestrel Water Board (KWB), "the river will not last the winter".'
    )
    assert _speakers(extractor, text) == ["Ann Whitcombe", "Kestrel Water Board"]


def test_a_speech_verb_after_a_semicolon_belongs_to_another_clause(extractor) -> None:
    text = (
        'Brandt Holm and Ortega Vale met on Friday. Holm called the plan an "interesting" '
        'one; Vale said "It is the best we have".'
    )
    assert _speakers(extractor, text) == ["Brandt Holm", "Ortega Vale"]


def test_a_quote_introduced_with_that_is_not_attributed_to_the_next_sentence(extractor) -> None:
    text = (
        "The port deal collapsed on Friday. Harbour manager Sanjay Govender commented that "
        '"It is the length of stay that worries us. It has been a long time." Kestrel Shipping '
        "has confirmed the trip is off."
    )
    assert _speakers(extractor, text) == ["Sanjay Govender"]


def test_a_name_after_a_preposition_and_a_title_is_not_the_subject(extractor) -> None:
    text = (
        "At the briefing, a reporter asked if Martin Keel was aware of the remarks ascribed to "
        'President Dorne and Keel replied, "No, that is absurd."'
    )
    assert _speakers(extractor, text) == ["Martin Keel"]


def test_an_aside_in_parentheses_does_not_lengthen_the_attribution(extractor) -> None:
    text = (
        '"This is a brand new kind of network and it is the future of the trade." Ron Resnick '
        "(Chairman of the Kestrel Forum) remarked at the press conference."
    )
    assert _speakers(extractor, text) == ["Ron Resnick"]


def test_he_was_quoted_as_saying_is_his_words(extractor) -> None:
    text = (
        'Martin Keller left the country in May. "When democracy returns, I will come back as a '
        'normal citizen," he was quoted as saying by Reuters.'
    )
    assert _speakers(extractor, text) == ["Martin Keller"]


def test_the_one_who_was_told_is_not_the_speaker(extractor) -> None:
    text = (
        'Martin Keller flew home on Monday. "Many people called about the shirt you wore in the '
        'boarding area", Keller was told after he complained.'
    )
    assert _speakers(extractor, text) == [None]


def test_the_author_of_a_statement_named_after_the_quote_speaks(extractor) -> None:
    text = (
        'Prime Minister Martin Keller spoke on Monday. "Nobody has conveyed anything to us and '
        "we will see when they arrive,\" said a statement from Keller's office.\n\n"
        '"People who did not pay the fines will not be chased," a statement by the Office of '
        "State Revenue said."
    )
    assert _speakers(extractor, text) == ["Martin Keller", "Office of State Revenue"]


def test_the_committee_is_the_committee_the_article_names(extractor) -> None:
    text = (
        'The Assets Examination Committee met on Friday. "The committee found the family '
        'unusually rich," the committee said in a statement.'
    )
    assert _speakers(extractor, text) == ["Assets Examination Committee"]


def test_a_role_set_off_from_its_verb_by_a_participle_phrase_is_its_holder(extractor) -> None:
    text = (
        "Vice President Dick Halvorsen spoke on Friday. The vice president, anticipating a "
        '"spirited debate" on the program, said the leak of the data had been a "clear '
        'detriment to our national security."'
    )
    quotes = extractor.analyse(text).quotes
    assert [(q.text[:16], q.speaker) for q in quotes][-1] == ("clear detriment ", "Dick Halvorsen")


def test_the_agent_of_a_passive_verb_speaks_the_that_clause(extractor) -> None:
    text = (
        "Four men were arrested at Kennedy Airport. It was alleged by the Department of Justice "
        'that the plotters "tapped into an international network to carry it out."'
    )
    assert _speakers(extractor, text) == ["Department of Justice"]


def test_the_aide_named_after_a_possessive_speaks_not_his_employer(extractor) -> None:
    text = (
        "Martin Keller fled in May. Keller's spokesman and lawyer Dana Whitlock issued a "
        'statement, saying Keller would "fight until the very end of this."'
    )
    assert _speakers(extractor, text) == ["Dana Whitlock"]


def test_the_company_opening_the_clause_speaks_through_a_participle(extractor) -> None:
    text = (
        "Kestrel Shipping wanted the berth. The company has refused to confirm or deny this, "
        'only stating that "There are a number of options for the vessel."'
    )
    assert _speakers(extractor, text) == ["Kestrel Shipping"]


def test_a_last_clause_with_its_own_unnamed_subject_is_not_the_first_ones(extractor) -> None:
    text = (
        "The Kestrel Gazette wrote that the school raised $8 million for a new centre, but "
        'construction has begun and officials said "the school has used the money for its '
        'daily operations."'
    )
    assert _speakers(extractor, text) == [None]


def test_the_agent_of_deemed_speaks_the_quote_before_it(extractor) -> None:
    text = (
        'Tom Halloran arrived in May. He was deemed "a threat to national security" by the '
        "Department of Immigration on Friday."
    )
    assert _speakers(extractor, text) == ["Department of Immigration"]


def test_a_quote_alone_after_its_speakers_next_verb_of_speech_continues_it(extractor) -> None:
    text = (
        'Eric Toland is a cardiologist. He says the rules "should be much more clear-cut", and '
        "adds that stress tests ought to be done every year.\n\n"
        '"You can do a stress test every year to find out what is going on with the heart."'
    )
    assert _speakers(extractor, text) == ["Eric Toland", "Eric Toland"]


def test_a_quote_after_a_sentence_opened_by_a_role_is_the_holders(extractor) -> None:
    text = (
        'Premier Morris Iemma spoke on Monday. "The ball is in their court," he said.\n\n'
        "The Premier said it would be wise for the company to keep the toll low. "
        '"It is in their commercial interest to keep people on this road."'
    )
    assert _speakers(extractor, text) == ["Morris Iemma", "Morris Iemma"]


def test_a_quote_alone_after_a_paragraph_ending_on_what_he_did_is_his(extractor) -> None:
    text = (
        'Barack Oberman once promised to "crush the network" within a year. But yesterday he '
        "softened that stance.\n\n"
        '"We have to weaken the network so much that it cannot threaten our homeland."'
    )
    assert _speakers(extractor, text)[-1] == "Barack Oberman"


def test_a_name_opening_a_long_subject_set_off_by_commas_speaks(extractor) -> None:
    text = (
        '"We were not prepared for that. We are now confronted with another trauma," Robert '
        "Soulas, vice president of the Kestrel Families Trust, a support group for the families "
        "of the victims of the crash, said."
    )
    assert _speakers(extractor, text) == ["Robert Soulas"]


def test_a_title_glued_to_the_surname_gives_the_full_name(extractor) -> None:
    text = (
        "George W. Harlan met the president of Mali on Friday. Mr.Harlan said that he "
        '"was touched by the concern of the president for the average citizen."'
    )
    assert _speakers(extractor, text) == ["George W. Harlan"]


def test_the_person_a_relative_clause_describes_speaks_not_a_body_inside_it(extractor) -> None:
    text = (
        "The court ruled on Friday. Cate McKenzie, who is the chief of the Kestrel Equal "
        'Opportunities Commission also supports the ruling saying, "This would undermine the '
        'rights of the women."'
    )
    assert _speakers(extractor, text) == ["Cate McKenzie"]


def test_the_owner_of_a_role_is_not_the_one_who_speaks(extractor) -> None:
    text = (
        "Anna Lowell died in March after a long court fight. But Lowell's lawyer did respond, "
        'saying, "Obviously, there is a lot of pain and the case is now concluded."'
    )
    assert _speakers(extractor, text) == [None]


def test_he_reaches_a_man_whose_given_name_women_also_bear(extractor) -> None:
    text = (
        '"All that has been done can be undone very rapidly," said Dominique Lavergne, the '
        "managing director of the fund.\n\n"
        '"Children will be suffering from hunger for all their lives," he said.'
    )
    assert _speakers(extractor, text) == ["Dominique Lavergne", "Dominique Lavergne"]


def test_the_spokesperson_for_a_place_speaks_for_it(extractor) -> None:
    text = (
        "Fog closed the runway on Monday. The spokesperson for Kestrel Airport added: "
        '"The airport is closed until further notice."'
    )
    assert _speakers(extractor, text) == ["Kestrel Airport"]


def test_the_airport_is_the_one_airport_the_article_names(extractor) -> None:
    text = (
        'A jet crashed on approach in fog. A spokesperson for the airport said: "We can '
        'confirm that an incident has occurred."\n\n'
        "Flights at Kestrel Airport were diverted to Lydd."
    )
    assert _speakers(extractor, text) == ["Kestrel Airport"]


def test_the_minister_for_the_environment_is_not_a_person_named_environment(extractor) -> None:
    text = (
        "Dumping in the bay went on all summer. The Minister for the Environment said "
        '"we will not allow the dumping to continue" on Tuesday.'
    )
    assert "Environment" not in _speakers(extractor, text)


def test_the_government_of_a_country_the_article_names_is_that_country(extractor) -> None:
    text = (
        "Switzerland has criticised the blockade of Gaza. The Swiss government has said Israel "
        'has "not taken the precautions required by international law" in its offensive.'
    )
    assert _speakers(extractor, text) == ["Switzerland"]


def test_the_government_of_a_people_whose_country_goes_unnamed_stays_a_description(
    extractor,
) -> None:
    text = (
        "Tehran tested nine missiles on Wednesday. The Valdorian government stated that it "
        '"underlines the need for restraint on every side of the dispute".'
    )
    assert _speakers(extractor, text) == ["Valdorian government"]


def test_the_british_government_is_the_uk_the_article_names(extractor) -> None:
    text = (
        "Troops left the UK for Iraq in 2003. The British government insisted on Tuesday that "
        '"the prime minister acted only after the vote in the House of Commons."'
    )
    assert _speakers(extractor, text) == ["UK"]


def test_a_fragment_in_the_clause_of_a_persons_speech_verb_is_theirs(extractor) -> None:
    text = (
        "Rioting went on for a third night. Chief Constable Hugh Bellamy has praised the "
        'officers for being "heroes" and asked for calm.\n\n'
        "Dana Whitlock met the bankers on Monday. She complained the lenders acted like a "
        '"colonial force" in the talks.'
    )
    assert _speakers(extractor, text) == ["Hugh Bellamy", "Dana Whitlock"]


def test_a_fragment_whose_clause_has_no_speaking_person_stays_a_scare_quote(extractor) -> None:
    text = (
        "The suit names Anna Lowell as the agency's head, and the suit claims that hundreds of "
        'people were "needlessly exposed" to the dust.'
    )
    assert _speakers(extractor, text) in ([], [None])


def test_an_unnamed_subject_after_a_closed_quote_is_not_the_speaker_before(extractor) -> None:
    text = (
        'Michael Garner, whose sister was on board, said, "We want to know what happened." '
        "An attorney for several families said some had yet to come to terms with the loss, "
        'saying "There has been no burial and there is a lot of suffering."'
    )
    assert _speakers(extractor, text) == ["Michael Garner", None]


def test_the_one_a_news_agency_quotes_speaks_not_the_agency(extractor) -> None:
    text = (
        "The aid talks broke down on Monday. The Associated Press quotes the Belgian aid "
        'minister saying, "There are no objections from the other countries."\n\n'
        "The head of the channel, John Ryley, was quoted by the AFP news agency as saying that "
        '"the conflict is one of the hardest stories to cover."'
    )
    assert _speakers(extractor, text) == [None, "John Ryley"]
