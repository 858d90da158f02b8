"""Rules-38 (round 36): a company's abbreviated stop ("Bros.", "Inc.") inside the description of a
credit with no verb ends neither the sentence nor the credit ("“…,” Dana Whitlow, Vice President
of Carver Bros. Studio Operations. “…”" was nobody's)."""

from __future__ import annotations

from extracted import speakers


def test_bros_inside_a_bare_credit_ends_nothing(extractor) -> None:
    text = (
        "“We cannot allow this to go on,” Dana Whitlow, Vice President of Carver Bros. Studio "
        "Operations. “It costs the studio millions every year.”"
    )
    assert speakers(extractor, text) == ["Dana Whitlow", "Dana Whitlow"]


def test_inc_inside_a_bare_credit_ends_nothing(extractor) -> None:
    text = (
        "“The figures are better than we hoped,” Dana Whitlow, head of sales at Carver Inc. "
        "Pacific Division.\n\nThe shares rose."
    )
    assert speakers(extractor, text) == ["Dana Whitlow"]
