"""Rules-49: speakers whose given name no list held (user test r47 M5).

"Gérald Darmanin", "Éric Ciotti", "Frédéric Mion", "Émilie Martin" were lost where only a known
given name makes a person: in English outside a clause of saying ("Gérald Darmanin visited
Marseille"), and in French text, where capitals alone name nobody ("« … », a déclaré Gérald
Darmanin, ministre de l'Intérieur"). Given names written with accents (Faker's European
providers, nlp/data/first_names_accented.txt) now open a person's name, and in a text that is
not English two or three capitalised words right after a quote and its verb of saying, then a
role set off by a comma, are a person without any list ("a déclaré Gwendal Rouillard, le député
du Morbihan").
"""

from __future__ import annotations

from extracted import person_names, quotes_and_speakers, type_by_name

from newstui.nlp.language import reads_as_english


def test_an_accented_given_name_makes_a_person_outside_a_clause_of_saying(extractor) -> None:
    text = (
        "Gérald Darmanin visited Marseille on Monday. According to Éric Ciotti, the alliance "
        "was agreed in June, while Émilie Martin, who lives near the station, heard the blast."
    )
    assert {"Gérald Darmanin", "Éric Ciotti", "Émilie Martin"} <= person_names(extractor, text)


def test_an_english_speaker_with_an_accented_given_name_and_a_role(extractor) -> None:
    text = (
        "France will deploy 45,000 police officers on New Year's Eve. \"We will not give in to "
        "violence,\" said Gérald Darmanin, France's interior minister. Darmanin added that "
        "riots were expected in several cities."
    )
    assert quotes_and_speakers(extractor, text) == [
        ("We will not give in to violence,", "Gérald Darmanin")
    ]
    assert type_by_name(extractor, text)["Gérald Darmanin"] == "PERSON"


def test_a_given_name_written_without_its_accents_makes_a_person(extractor) -> None:
    text = "Frederique Lanvin visited Marseille on Monday with the mayor."
    assert "Frederique Lanvin" in person_names(extractor, text)


FRENCH = (
    "Le ministre de l'Intérieur a annoncé le déploiement de 45 000 policiers pour la nuit du "
    "Nouvel An. « Nous ne céderons pas à la violence », a déclaré Gérald Darmanin, ministre de "
    "l'Intérieur, lors d'une conférence de presse à Paris.\n"
    "Les Républicains se sont divisés mardi. « C'est une trahison pour notre famille politique "
    "», a affirmé Éric Ciotti devant les journalistes.\n"
    "« J'ai commis des erreurs », a reconnu Frédéric Mion dans une lettre aux étudiants.\n"
    "« J'ai eu très peur, les vitres ont tremblé », a raconté Émilie Martin, une infirmière qui "
    "habite près de la gare."
)


def test_french_speakers_with_accented_given_names_are_found(extractor) -> None:
    assert not reads_as_english(FRENCH)
    assert quotes_and_speakers(extractor, FRENCH) == [
        ("Nous ne céderons pas à la violence", "Gérald Darmanin"),
        ("C'est une trahison pour notre famille politique", "Éric Ciotti"),
        ("J'ai commis des erreurs", "Frédéric Mion"),
        ("J'ai eu très peur, les vitres ont tremblé", "Émilie Martin"),
    ]
    people = person_names(extractor, FRENCH)
    assert {"Gérald Darmanin", "Éric Ciotti", "Frédéric Mion", "Émilie Martin"} <= people


def _french(after_quote: str) -> str:
    return (
        "Le gouvernement a présenté son projet de loi sur l'immigration mardi matin. "
        f"« Nous ne voterons pas ce texte », {after_quote} Les débats reprendront jeudi."
    )


def test_a_french_speaker_no_list_knows_is_found_by_the_frame_and_the_role(extractor) -> None:
    text = _french("a déclaré Gwendal Rouillard, le député du Morbihan, mardi soir.")
    assert quotes_and_speakers(extractor, text) == [
        ("Nous ne voterons pas ce texte", "Gwendal Rouillard")
    ]
    assert type_by_name(extractor, text) == {"Gwendal Rouillard": "PERSON"}


def test_the_frame_keeps_a_hyphenated_surname_and_words_before_the_name(extractor) -> None:
    text = _french("a déclaré pour sa part Yannig Braun-Kerlan, présidente du groupe.")
    assert quotes_and_speakers(extractor, text) == [
        ("Nous ne voterons pas ce texte", "Yannig Braun-Kerlan")
    ]


def test_two_capitalised_words_after_the_verb_without_a_role_are_nobody(extractor) -> None:
    text = _french("a affirmé Médecins Solidaires dans un communiqué.")
    assert quotes_and_speakers(extractor, text) == []
    assert type_by_name(extractor, text) == {}


def test_a_newspaper_after_the_verb_is_no_person(extractor) -> None:
    text = _french("a estimé Le Parisien, le quotidien francilien, dans son éditorial.")
    assert "PERSON" not in type_by_name(extractor, text).values()
    assert all(speaker != "Le Parisien" for _, speaker in quotes_and_speakers(extractor, text))


def test_a_pronoun_or_preposition_after_the_verb_names_nobody(extractor) -> None:
    text = _french("a-t-il déclaré après avoir rencontré Gwendal Rouillard, le député du Morbihan.")
    assert quotes_and_speakers(extractor, text) == []


def test_a_german_title_and_surname_are_no_name_found_by_the_frame(extractor) -> None:
    text = (
        "Die Regierung will das Gesetz noch vor dem Sommer beschließen und hat einen Entwurf "
        "vorgelegt. „Wir bleiben bei unserem Kurs“, sagte Ministerpräsident Söder, der auch "
        "Parteichef ist. Die Opposition kritisierte den Plan."
    )
    assert not reads_as_english(text)
    assert type_by_name(extractor, text) == {}
    assert quotes_and_speakers(extractor, text) == []


def test_a_city_spelt_as_a_given_name_stays_out_of_the_list(extractor) -> None:
    text = "The factory in León, Guanajuato, employs 3,000 workers, the company said."
    assert type_by_name(extractor, text).get("León") != "PERSON"


def test_every_mention_of_a_framed_name_is_found(extractor) -> None:
    text = _french(
        "a déclaré Gwendal Rouillard, le député du Morbihan. Gwendal Rouillard a ensuite quitté "
        "la salle sans répondre aux questions."
    )
    people = [e for e in extractor.analyse(text).entities if e.type == "PERSON"]
    assert [(e.name, len(e.mentions)) for e in people] == [("Gwendal Rouillard", 2)]
    assert all(text[m.start : m.end] == "Gwendal Rouillard" for m in people[0].mentions)


def test_a_courtesy_title_before_a_framed_name_is_no_part_of_it(extractor) -> None:
    text = _french("a dit Mme Gwenola Rouillard, la députée du Morbihan, mardi soir.")
    assert quotes_and_speakers(extractor, text) == [
        ("Nous ne voterons pas ce texte", "Gwenola Rouillard")
    ]
    assert type_by_name(extractor, text) == {"Gwenola Rouillard": "PERSON"}
