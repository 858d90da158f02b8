"""A place of the hand-written lists that is also a common person's name is not listed: "Diego
Garcia" with a person's evidence (an age, an apposition, a verb of saying) is that person."""

from newstui.nlp import get_extractor


def _types(text: str) -> dict[str, str]:
    return {e.name: str(e.type) for e in get_extractor("rules").analyse(text).entities}


def test_a_common_person_name_with_an_age_is_a_person() -> None:
    types = _types("Police said Diego Garcia, 19, was arrested on Friday in Los Angeles.")
    assert types.get("Diego Garcia") == "PERSON"


def test_a_common_person_name_with_a_job_is_a_person() -> None:
    text = "Diego Garcia, a 34-year-old teacher from Madrid, said the school had been closed."
    assert _types(text).get("Diego Garcia") == "PERSON"
