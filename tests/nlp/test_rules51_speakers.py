"""Rules-51: who speaks, on real news the rules were never tuned on (issue 10, classes 3-6).

Read on wikinews-dev12's misses after its first run was recorded: a name inside an aside set
off by dashes is not the subject; a surname written alone is the full name's, also when an
Arabic article opens it there or it is written in capitals there; a role the leading person
spoke to ("Osei advised the sergeant") names someone else; whose campaign manager or supporter
speaks is not the one who speaks; "advised" attributes; "was the view of X" gives X's words; the
source a sentence credits at its end ("…, according to X.") goes on speaking as "he"; a two-word
surname stands for the article's full name (a generation does not: a father and his son). The examples are written for these
tests.
"""

from __future__ import annotations

from extracted import speaker_of, type_by_name


def test_a_name_in_a_dash_aside_is_not_the_subject(extractor) -> None:
    text = (
        'Health Minister Mira Osei - a close ally of Prime Minister Tomas Berg - said "the '
        'clinics will open in May".'
    )
    assert speaker_of(extractor, text, "the clinics") == "Mira Osei"


def test_a_surname_alone_is_the_full_name_with_its_arabic_article(extractor) -> None:
    text = (
        "The commander Khalid al-Rashdi appeared in a new recording on Friday.\n\n"
        '"We will not leave the valley," said Rashidi.'
    )
    assert speaker_of(extractor, text, "We will not leave") == "Khalid al-Rashdi"


def test_a_surname_alone_is_the_full_name_written_in_capitals(extractor) -> None:
    text = (
        "Karin BRANDT, the bloc's envoy, welcomed the deal on Tuesday. Brandt added: "
        '"I call on both sides to keep their word."'
    )
    assert type_by_name(extractor, text).get("Karin BRANDT") == "PERSON"
    assert speaker_of(extractor, text, "I call on both") == "Karin BRANDT"


def test_the_role_the_leading_person_spoke_to_is_someone_else(extractor) -> None:
    text = (
        "Dana Whitlock met an army officer at a dinner in Tarvick.\n\n"
        'Whitlock advised the sergeant, "Never fire on the market."\n\n'
        '"We see it another way," the sergeant replied.'
    )
    assert speaker_of(extractor, text, "Never fire") == "Dana Whitlock"
    assert speaker_of(extractor, text, "We see it") is None


def test_advised_attributes_a_quote(extractor) -> None:
    text = (
        'Dana Whitlock spoke first: "We are ready." Anna Olsen spoke last. "Keep the gates open '
        'at night," Whitlock advised.'
    )
    assert speaker_of(extractor, text, "Keep the gates") == "Dana Whitlock"


def test_a_campaign_manager_speaks_not_the_candidate(extractor) -> None:
    text = (
        "Maria Lindqvist lost the primary on Sunday. Lindqvist's campaign manager called the "
        'result a "narrow defeat in a hard state" and thanked volunteers.'
    )
    assert speaker_of(extractor, text, "narrow defeat") in (None, "")


def test_a_supporter_named_for_a_leader_is_not_the_leader(extractor) -> None:
    text = (
        "General Oskar Vann died on Sunday. Crowds gathered outside the hospital.\n\n"
        '"It is a sad day for all of us," one Vann supporter told reporters.'
    )
    assert speaker_of(extractor, text, "It is a sad day") in (None, "")


def test_a_quote_given_as_someone_s_view_is_theirs(extractor) -> None:
    text = (
        "The raid was a blow to the network.\n\n"
        '"It is a setback, but not a fatal one," was the view of Ruth Adeyemi at the '
        "Institute of Security Studies."
    )
    assert speaker_of(extractor, text, "It is a setback") == "Ruth Adeyemi"


def test_the_source_credited_at_a_sentence_s_end_goes_on_speaking(extractor) -> None:
    text = (
        "The rebel leader, Ahmed Karimi, was killed in an air strike, according to the Interior "
        'Minister Nouri Haddad.\n\n"Today Karimi has been stopped," he said on Thursday.'
    )
    assert speaker_of(extractor, text, "Today Karimi") == "Nouri Haddad"


def test_a_two_word_surname_alone_is_the_full_name(extractor) -> None:
    text = (
        "The analyst Samir Abdel Karim runs the Tarvick Centre for Policy.\n\n"
        '"Both leaders are weak at home," Abdel Karim explained.'
    )
    assert speaker_of(extractor, text, "Both leaders") == "Samir Abdel Karim"


def test_a_name_without_a_generation_stays_its_own_person(extractor) -> None:
    text = (
        "Roberto Lantz Jr. took his father's seat. Roberto Lantz, 81, retired in May.\n\n"
        '"I have done my part," Roberto Lantz said.'
    )
    assert speaker_of(extractor, text, "I have done") == "Roberto Lantz"


def test_a_west_african_honorific_is_no_part_of_the_name(extractor) -> None:
    text = (
        'The chairman, Mallam Sani Dogo, called the theft "a national shame". "We are tired '
        'of it," Dogo said.'
    )
    assert type_by_name(extractor, text).get("Sani Dogo") == "PERSON"
    assert speaker_of(extractor, text, "We are tired") == "Sani Dogo"


def test_an_event_s_name_ends_before_the_subject_after_it(extractor) -> None:
    text = "During the 2031 Summer Olympics Paris hosted teams from 200 nations."
    types = type_by_name(extractor, text)
    assert types.get("Paris") == "PLACE"
    assert not any("Olympics" in name for name in types)
    text = "After the 2029 Regional Election Marta Ruiz formed a government in Leeds."
    assert type_by_name(extractor, text).get("Marta Ruiz") == "PERSON"


def test_a_consortium_is_a_body(extractor) -> None:
    text = 'Another industry group, the Kelmar Retail Consortium, said shops would "adapt".'
    assert type_by_name(extractor, text).get("Kelmar Retail Consortium") == "ORG"


def test_a_place_s_dotted_letters_before_an_officer_s_title_are_no_speaker(extractor) -> None:
    text = (
        "Three co-defendants were found guilty.\n\n"
        '"This was a good day for justice," said U.S. Attorney Ann Kessler, who led the case.'
    )
    assert speaker_of(extractor, text, "This was a good day") == "Ann Kessler"
    types = type_by_name(extractor, text)
    assert types.get("U.S") != "PERSON" and types.get("U.S.") != "PERSON"
