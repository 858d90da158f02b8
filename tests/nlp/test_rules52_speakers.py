"""Rules-52: who speaks when a text, a body or an outlet stands between the reader and the words
(issue 10, classes 1, 2 and 4).

A report's own noun phrase names its author ("A report by the Tarvick Institute “found …”"); a
generic "the document" stands for the text named before it and speaks for that text's author
(never the body a filing is made to, nor a study's co-author); "A statement from the group"
is the group named before; an outlet credited at a sentence's end ("…, according to Radio
Veld") does not take the words of the person its sentence names, even when a relative clause
about something else stands earlier; "as stated by the Information Minister" gives the
minister named in that role; "what doctors said was a “…”" keeps the fragment with no
speaker. And quotes whose paragraph names their source in a form the rules did not read ("to
quote X", "According to a spokesman from X", "reads a March 3, 2006 memo by X", the
resolution X introduced, "X, governor of the province, “…”" with no verb, "she did state that").
The examples are written for these tests.
"""

from __future__ import annotations

from extracted import quotes_and_speakers


def speaker_of(extractor, text: str, quote_start: str) -> str | None:
    """The speaker given to the quote opening with `quote_start`."""
    found = [s for q, s in quotes_and_speakers(extractor, text) if q.startswith(quote_start)]
    assert found, f"no quote opening {quote_start!r} in {quotes_and_speakers(extractor, text)}"
    return found[0]


def test_a_report_whose_verb_opens_the_quotation_speaks_for_its_author(extractor) -> None:
    text = (
        'A report from a Tarvick Energy Council mission "concludes that the grid was left '
        'to fail for a decade." Ministers rejected it on Monday.'
    )
    assert speaker_of(extractor, text, "concludes that") == "Tarvick Energy Council"


def test_a_report_about_a_body_is_not_its_report(extractor) -> None:
    text = (
        'A report about the Tarvick Energy Council "found that the grid was left to fail '
        'for a decade." Ministers rejected it on Monday.'
    )
    assert speaker_of(extractor, text, "found that") is None


def test_the_document_speaks_for_the_author_of_the_report_named_before(extractor) -> None:
    text = (
        "A report by the Halden Water Institute was published on Monday.\n\n"
        "The authors visited forty towns over the summer.\n\n"
        'To sum up, the 20-page document says: "Half of the wells are unsafe to drink '
        'from."\n\n'
        '"Repairs will take years," the document adds.'
    )
    assert speaker_of(extractor, text, "Half of the wells") == "Halden Water Institute"
    assert speaker_of(extractor, text, "Repairs will") == "Halden Water Institute"


def test_a_filing_is_not_the_document_of_the_body_it_is_made_to(extractor) -> None:
    text = (
        "The two carriers sent a joint application to the merger board. From the FMB "
        "filing:\n\n"
        '"Customers will keep their tickets," the document says.'
    )
    assert speaker_of(extractor, text, "Customers will") is None


def test_a_statement_from_the_group_is_the_group_named_before(extractor) -> None:
    text = (
        "The campaign group Friends of the Marsh is worried about the new road. A statement "
        'from the group said "The council must stop the diggers before the spring."'
    )
    assert speaker_of(extractor, text, "The council must") == "Friends of the Marsh"


def test_an_outlet_credited_at_the_end_does_not_take_the_named_persons_words(
    extractor,
) -> None:
    text = (
        "In a message posted on a website that could not be verified, the rebel commander "
        'Omar Haddadin reportedly said, "We will hold the bridge until the winter," '
        "according to Radio Veld."
    )
    assert speaker_of(extractor, text, "We will hold") == "Omar Haddadin"


def test_as_stated_by_a_role_gives_the_person_named_in_that_role(extractor) -> None:
    text = (
        "The Tarvick Times reports that Prime Minister Jonas Brell moved troops north. "
        'Radio Veld reports however, "There is no troop movement at all," and, "We are '
        'busy with the harvest," as stated by the Veldish Information Minister.\n\n'
        '"We will not be provoked," Information Minister Sara Okonjo told reporters.'
    )
    assert speaker_of(extractor, text, "There is no troop") == "Sara Okonjo"
    assert speaker_of(extractor, text, "We are busy") == "Sara Okonjo"


def test_what_doctors_said_keeps_the_fragment_with_no_speaker(extractor) -> None:
    text = (
        "Former premier Anton Veld (born Anton Veldman), 81, was taken to Halden hospital "
        'after suffering what doctors said was a "massive" stroke.'
    )
    assert ("massive", None) in quotes_and_speakers(extractor, text)


def test_what_a_named_doctor_said_is_his(extractor) -> None:
    text = (
        "Former premier Anton Veld, 81, was taken to hospital after suffering what Dr Omar "
        'Haddadin said was a "massive" stroke.'
    )
    assert speaker_of(extractor, text, "massive") == "Omar Haddadin"


def test_to_quote_an_outlet_gives_the_outlet(extractor) -> None:
    text = (
        "Since the ban was lifted, the hearings have been "
        '"more damaging than anyone expected", to quote the Tarvick Herald.'
    )
    assert speaker_of(extractor, text, "more damaging") == "Tarvick Herald"


def test_an_unnamed_spokesman_from_a_named_body_speaks_for_the_body(extractor) -> None:
    text = (
        "A cargo plane was hit on landing. According to a spokesman from the Halden Aviation "
        'Authority, the first view is that "a small rocket was fired at the plane from the '
        'fields nearby."'
    )
    assert speaker_of(extractor, text, "a small rocket") == "Halden Aviation Authority"


def test_a_dated_memo_by_a_person_is_his(extractor) -> None:
    text = (
        '"We gave the camp water that was not treated," reads a March 3, 2006 memo by '
        "Omar Haddadin, the firm's official in charge of water."
    )
    assert speaker_of(extractor, text, "We gave the camp") == "Omar Haddadin"


def test_the_resolution_is_its_sponsors(extractor) -> None:
    text = (
        "Representative Dana Whitlock introduced a resolution on Tuesday in the Halden "
        'Assembly. The resolution says "the governor has broken the law again and again."'
    )
    assert speaker_of(extractor, text, "the governor has broken") == "Dana Whitlock"


def test_a_person_described_before_the_quotation_with_no_verb_speaks(extractor) -> None:
    text = (
        "City officials stood behind the mayor. Sara Okonjo, governor of the province, "
        '"This is a hard day for everyone who cares about this city."'
    )
    assert speaker_of(extractor, text, "This is a hard day") == "Sara Okonjo"


def test_did_state_attributes_like_stated(extractor) -> None:
    text = (
        "The analyst Dana Whitlock spoke on Monday. Though Whitlock was gloomy about the "
        "merger, she did state that it would help travellers, "
        '"because the new airline has better service and lower fees."'
    )
    assert speaker_of(extractor, text, "because the new airline") == "Dana Whitlock"


def test_an_outlet_credited_first_does_not_take_the_words_it_reports(extractor) -> None:
    text = (
        "Omar Haddadin released a new tape on Friday. According to Radio Veld, in the tape, "
        'Haddadin talks about the "war in the valley and the hunger in the towns" and more.'
    )
    assert speaker_of(extractor, text, "war in the valley") == "Omar Haddadin"


def test_a_semicolon_before_the_quotation_leads_in_as_a_colon_does(extractor) -> None:
    text = (
        "Sara Okonjo is a member of the Halden Assembly. Okonjo attacked every part of the "
        'plan; "Any look at the figures shows that the new road will cost twice as much."'
    )
    assert speaker_of(extractor, text, "Any look at the figures") == "Sara Okonjo"
