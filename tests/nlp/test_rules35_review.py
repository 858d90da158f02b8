"""Review items of round 33 on rules-35's speaker classes, pinned by invented sentences: a role
noun's earlier title is not carried past another bearer of it ("Another tenant, …"); a qualified
role goes to the person credited with words only when he is named in the sentence before (not
across "But the government was unmoved."); a quotation alone after "a statement from X … read by
her lawyer, Y" is X's."""

from __future__ import annotations

from extracted import speakers


def test_a_noun_s_title_is_not_carried_past_another_bearer_of_it(extractor) -> None:
    text = (
        "Tenant Maria Lopez has lived in the block for 20 years. Another tenant, an elderly man, "
        "refused to leave. “I will die here,” the tenant said."
    )
    assert speakers(extractor, text) == [None]
    text = (
        "Homeowner Paul Green watched the water rise. Neighbours helped. Later a second "
        "homeowner arrived. “It is all gone,” the homeowner said."
    )
    assert speakers(extractor, text) == [None]


def test_the_noun_s_titled_person_still_speaks_without_another_bearer(extractor) -> None:
    text = (
        "Shipowner Walter Bexley was fined on Monday. The court heard the case for an hour. "
        "“I regret nothing,” the shipowner said."
    )
    assert speakers(extractor, text) == ["Walter Bexley"]


def test_a_qualified_role_is_not_given_to_a_speaker_across_another_sentence(extractor) -> None:
    text = (
        "“We will not back down,” said Smith. But the government was unmoved. “The figures "
        "speak for themselves,” the finance minister said."
    )
    assert speakers(extractor, text) == ["Smith", None]


def test_a_qualified_role_after_quotes_alone_is_still_the_speaker_before(extractor) -> None:
    text = (
        "“We will grow,” said Harper. “We will not stop.”\n\n“You know that open federalism is "
        "our way,” the prime minister added."
    )
    assert speakers(extractor, text)[-1] == "Harper"


def test_a_lone_quote_after_a_statement_from_someone_is_theirs(extractor) -> None:
    text = (
        "A statement from Mary Brown was read outside the court by her lawyer, John Smith.\n\n"
        "“I have done nothing wrong and I will clear my name.”"
    )
    assert speakers(extractor, text) == ["Mary Brown"]
    text = (
        "Tributes were paid to Mary Brown, who died on Sunday, by her colleague John Smith.\n\n"
        "“She was the best of us.”"
    )
    assert speakers(extractor, text) == ["John Smith"]
