"""Speaker attribution: who said each quotation, from the sentence around it and the article's entities."""

from __future__ import annotations

import re
from typing import Final

from newstui.model import Entity, Mention
from newstui.nlp.entities import DOTTED_TITLES
from newstui.nlp.gazetteer import load_gazetteer
from newstui.nlp.quotes import NAMING_CUE, QuoteSpan, title_cased
from newstui.nlp.segment import (
    LiteralGuard,
    WordNeedsGuard,
    bisect_ints_left,
    bisect_ints_right,
    last_blank_word,
    may_match,
)
from newstui.nlp.sentence_closers import SentenceClosers
from newstui.nlp.speaker_cues import (
    _ACCORDING_ASIDE,
    _ACCORDING_OPENS,
    _ADVERB,
    _AND_VERB,
    _AND_VERB_NEEDS,
    _ARTICLES,
    _AS_PUT_IT_AFTER,
    _AS_PUT_IT_BEFORE,
    _AS_SAID_BY_AFTER,
    _AS_VERBED_BY,
    _AUX,
    _BARE_CREDIT_END,
    _BY_AGENT,
    _BY_OWNER,
    _CLAIM_NOUNS,
    _CLAIM_OWNER_TAIL,
    _CLAUSE_AFTER,
    _CLAUSE_BREAK,
    _CLAUSE_ENDS,
    _CLAUSE_OPENING,
    _CLOSING_MARKS,
    _COMMA_AND_VERB,
    _COMMA_AND_VERB_NEEDS,
    _COURT_TEXTS,
    _CREDITING,
    _DASH_CREDIT,
    _DASHES,
    _DATE_WORDS,
    _DEEMED,
    _GAVE_VIEW,
    _IN_HIS_OPINION,
    _INFINITIVE_LABEL,
    _INITIAL,
    _INITIALS_STOP,
    _INTRODUCING,
    _INVERTED,
    _INVERTED_INITIALS,
    _ISSUED_BY,
    _ISSUER_PHRASE_TAIL,
    _IT_READ,
    _LABEL,
    _LABEL_AS,
    _LABEL_AS_HEADS,
    _LABEL_HEADS,
    _LABELLED_BY,
    _LEADING_ADVERBIAL,
    _LISTED_GAP,
    _LONE_ADVERB,
    _MADE_STATEMENT,
    _NAMING_VERB,
    _NESTED_SAYING,
    _NOT_A_VERB,
    _NOT_OBJECT,
    _NOT_SUBJECT,
    _NOUN_SUBJECT,
    _OTHER_CLAUSE,
    _OTHER_SPEECH,
    _OWN_CLAUSE_AFTER_QUOTE,
    _OWN_PARTICIPLE_SUBJECT,
    _OWNER_BEFORE,
    _OWNER_WAS,
    _PARAGRAPH_OR_QUOTE,
    _PARENTHESES,
    _PARTICIPLE_ALONE,
    _PARTICIPLE_OPENS,
    _PARTICIPLE_OR_ACCORDING,
    _PASSIVE,
    _PASSIVE_AUX_END,
    _PASSIVE_BEFORE,
    _PERSON_TITLE_STOP,
    _PHRASE_STOP,
    _PLATFORM_OWNED,
    _POSSESSIVE_AFTER,
    _PREPOSITIONS,
    _PRONOUN_OPENS,
    _PRONOUN_SPEAKS,
    _PRONOUN_SUBJECT,
    _QUOTED_AFTER,
    _QUOTED_AS,
    _QUOTES_SAYING,
    _READ_BY_TEXT,
    _READS_STATEMENT,
    _READS_STATEMENT_SEARCH,
    _RELATIVE_WHICH,
    _REPORT_OPENS_QUOTE,
    _REPORTED_CLAUSE_NEEDS,
    _REPORTED_CLAUSE_SEARCH,
    _REPORTED_THAT,
    _REVEALING,
    _ROLE_BEFORE_NAME,
    _ROLE_SPEAKS,
    _SAY_THEN_SPEAKER,
    _SENTENCE_CREDIT,
    _SENTENCE_STOP,
    _SIGNED_BY_ROLE,
    _SPEECH_ABOUT,
    _SPEECH_NOUN,
    _SPOKES_WORDS,
    _STATEMENT_READ,
    _STATEMENT_READ_ENDS,
    _SUBJECT_OF,
    _SUBJECT_PRONOUN,
    _SUBJECT_PRONOUN_WORD,
    _SUBJECT_PRONOUNS,
    _SUBJECT_TYPES,
    _SUBJECT_VERB,
    _SUBORDINATE_OPENER,
    _SUBORDINATE_SAID,
    _TEXT_AS_SUBJECT,
    _TEXT_ON_PAGE,
    _TEXT_POSSESSORS,
    _TEXT_READ_AFTER,
    _TEXT_REPORTS,
    _TEXT_SUBJECT,
    _TITLE_WORDS,
    _TO_QUOTE_AFTER,
    _TOLD_VERBS,
    _TOPIC_BEFORE,
    _UNCREDITED,
    _UNNAMED_VOICE_OF,
    _VERB_BEFORE_COMMA,
    _VERB_OBJECT_PHRASE,
    _VIEW_OF,
    _WHAT_THEY_SAID,
    _WRITTEN_FROM,
    _WRITTEN_TEXTS,
    VERB,
    _Mention,
    determiner_before,
    determiner_end,
    issued_texts,
    opening_after,
    verb_matches,
    verb_search,
)
from newstui.nlp.speaker_subjects import _SubjectFinder

# Who may label a fragment ('India called the bombing a “cowardly attack”'): states and groups too
_LABELLING_TYPES: Final = ("PERSON", "ORG", "PLACE", "GROUP")
# the cues searched in the sentence before a short quotation nobody speaks (bits 1, 2, 4, 8, 16),
# whose words are looked for in one pass over that head's words
_HEAD_NEEDS: Final = WordNeedsGuard(_LABEL, _SPEECH_ABOUT, _REPORTED_THAT, NAMING_CUE, _LABEL_AS)
# '…" of people in same-sex relationships said Judge Robert Hanson.': "said" and a name closing
# the sentence with no comma before them (not after "who", "and", a pronoun: their own clause)
_BARE_SENTENCE_CREDIT: Final = re.compile(
    r"(?<![,”\"])(?<!\bwho)(?<!\bwhich)(?<!\bthat)(?<!\band)(?<!\bbut)(?<!\bhe)(?<!\bshe)"
    r"(?<!\bthey)(?<!\bwe)(?<!\bI)(?<!\bit)(?<!\balso)\s+said\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,4})"
    r"[.!?]?\s*$"
)
# The sites a page or account is on, never the author of what it reads
_PLATFORMS: Final = frozenset("Twitter Facebook Instagram YouTube TikTok LinkedIn".split())
# 'casts himself as the', 'sees herself as': a label the subject gives itself
_REFLEXIVE_LABEL: Final = re.compile(r"\s(?:himself|herself|themselves|itself)\s")
# adverbs between a subject and its verb ("Martin now sees himself as")
_ADVERBS_ONLY: Final = re.compile(r"(?:\s+(?:now|also|then|still|even|again|often|[a-z]+ly))*\s+")
# the credit's verbs, one of which every match holds: a sentence's tail without one is not
# searched (a failing search backtracks through its 60 characters at every comma and mark)
_SENTENCE_CREDIT_NEEDS: Final = LiteralGuard(_SENTENCE_CREDIT)


# how many quotes back one sentence's quotes are read (real sentences hold a few)
_SENTENCE_QUOTES: Final = 64


# Verbs of remarking that credit the name after them only between commas ("The request,
# pointed out Spain’s El País, “…”", "…, noted the Harbor Times, “…”"), never after "that"
_CREDIT_BETWEEN_COMMAS: Final = frozenset(
    ["noted", "notes", "pointed out", "points out", "observed", "remarked", "explained"]
)
# "…, and vowed", "… but insisted": "and" or "but" right before a verb (adverbs between)
_AND_OR_BUT_BEFORE: Final = re.compile(r"\s(?:and|but)(?:\s+(?:also|later|then|[a-z]+ly))*\s+$")
# Verbs of saying and pledging that share the subject of a verb before them ("… and vowed to
# keep fighting “the good fight”"); not "and accused", "and described", which a passive shares
_PLEDGING_VERBS: Final = frozenset(
    "said says vowed vows pledged pledges promised promises insisted insists added adds argued "
    "argues warned warns".split()
)


# Words credited to the person they come from: "a statement from Mary Brown", "a letter from".
_WORDS_FROM = re.compile(
    r"\b(?:statement|letter|message|note|words|tweet|post|email|e-mail)s? from\s+$"
)
# A name set after a preposition's own noun: "for the family, Ann Lee", "with his lawyer, Ann
# Lee" (not "by": "… by her colleague John Smith" is who acts, and speaks).
_PREPOSITION_PHRASE = re.compile(
    r"\b(?:from|for|with|to|of|on behalf of)\s+(?:(?:his|her|their|its|the|a|an)\s+)?"
    r"(?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*,?\s+$"
)


# The abbreviations that end a company's or person's name with a stop the entity leaves out
_NAME_END_ABBREVIATIONS: Final = frozenset("Co Inc Corp Ltd Bros Plc Jr Sr".split())
# The end of a list's credit after a colon: a description and the stop, then a paragraph or the
# next item's quotation, a bullet before it ("…: Ana Ruiz, former mayor of Lima. *“…”")
_LISTED_CREDIT_END: Final = re.compile(r"\s*(?:,[^.;:!?]{1,160})?[.!?]?\s*[*•]?\s*$")
_NEXT_ITEM_OPENS: Final = re.compile(r"[ \t]*(?:[*•][ \t]*)?(?:\n|$|[\"“])")
# "protesters outside the office of Senator Lee", "a man in the crowd where Mayor Lee spoke": the
# words before a name that only say where a nameless speaker stands
_PLACING_WORDS: Final = frozenset(
    "of outside near at in from behind where beside inside on around opposite across among".split()
)
# Whose words a phrase before a placing word names all the same: a text or a spokesperson "from"
# or "of" someone ("said a statement from Senator Lee", "said a spokeswoman for the office of
# Senator Lee": review r35 N2).
_SAYERS_OF: Final = (
    _WRITTEN_TEXTS
    | _SPOKES_WORDS
    | frozenset(
        "email e-mail tweet post posting aide aides lawyer lawyers attorney representative behalf".split()
    )
)


def _owner_word(words: str) -> str:
    """The possessive opening `words` when one or two lower-case words follow it ("His last",
    "her final"), or `words` itself stripped and lower-cased ("his"); how "His last tweet"
    names its owner as "His tweet" does."""
    split = words.split()
    if 1 < len(split) <= 3 and all(w.isalpha() and w.islower() for w in split[1:]):
        return split[0].lower()
    return words.strip().lower()


def _holds_stop(text: str) -> bool:
    """`_SENTENCE_STOP.search(text) is not None`: whether a . ! or ? is in `text` (three finds
    in C, where the pattern's call from compiled code costs ~1,000 instructions)."""
    return "." in text or "!" in text or "?" in text


class SpeakerFinder(_SubjectFinder):
    """Attributes the speech quotes of one article."""

    def speakers(self) -> list[str | None]:
        """One speaker (or None) per span, in order."""
        out: list[str | None] = []
        self.how = []
        prev: tuple[QuoteSpan, str | None, str] | None = None  # the last quote kept, how found
        for span in self.spans:
            if span in self.short:
                speaker, found = self._short_speaker(span) or self._text_issuer(span), "after"
                # a fragment counts only with its own attribution, and a name ('named in the
                # film as “Carry Nation High”, said Ann Lee') not even then: its credit still
                # carries to the quote after it
                out.append(None if speaker and self._names_something(span) else speaker)
                self.how.append("short")
                if speaker:
                    prev = (span, speaker, found)
                continue
            speaker, found = self._after(span), "after"
            if not speaker and prev and prev[1] and self._goes_on_past_break(prev[0], span):
                speaker, found = prev[1], "carried"
            if not speaker:
                # "" is a verb after the quote with no name before it ('…them." Democrats
                # expressed…', '…," further remarking'): the sentence before may name one
                before = self._before(span)
                if before or speaker is None:
                    speaker, found = before, "before"
            if speaker is None:
                found = "none"
                if (
                    prev
                    and prev[1]
                    and (
                        self._continues_previous(prev[0], span, prev[2] == "after")
                        or self._sentence_ends_then_alone(prev[0], span)
                        or (prev[2] == "after" and self._split_by_credit(prev[0], span))
                    )
                ):
                    speaker, found = prev[1], "carried"
                else:
                    speaker = (
                        self._interviewee(span)
                        or self._closing_credit(span, self.sentence_bounds(span.close_mark)[1])
                        or self._sentence_before_names(span)
                        or self._clause_subject(span)
                    )
                    if (
                        not speaker
                        and prev
                        and prev[1]
                        and self._words_go_on(prev[0], span, prev[1])
                    ):
                        speaker, found = prev[1], "carried"
            if not speaker and found != "carried":
                # 'a UN Security Council report issued Thursday that found, “…”': the issuer
                speaker = self._text_issuer(span) or speaker
            if not speaker and found == "none":
                # '“… ourselves.” Board member Tom Baker said, commenting on the plan.'
                speaker = self._credit_sentence_after(span) or speaker
            if found in ("none", "carried") or not speaker:
                # '“…,” ¶ Liu Jianchao, a Foreign Ministry spokesman told a news conference.':
                # a paragraph that is only a credit names the speaker of the quote ending the
                # paragraph before it (a paragraph break where the credit's sentence went on)
                speaker = self._credit_paragraph_after(span) or speaker
            out.append(speaker or None)
            self.how.append(("context" if speaker else "nobody") if found == "none" else found)
            prev = (span, speaker or None, found)
        return self._fullest_forms(self._listed_alike(self._broken_back(out)))

    def _text_issuer(self, span: QuoteSpan) -> str | None:
        """The issuer a written text's own noun phrase names, when that text is the subject of
        the clause reporting `span` and no one else is named between ('The government rejected a
        UN Security Council report issued Thursday that found, “…”', 'That Directive, from the
        Department of Homeland Security, says in part, “…”', 'A commentary on the Voice of
        Russia web site claims that Bush's “…”'); else None."""
        sent_start, _ = self.sentence_bounds(span.open_mark)
        start = self._after_closed_quotes(sent_start, span.open_mark)
        masked = self.masked
        for noun in reversed(issued_texts(masked, start, span.open_mark)):
            named = self._named_issuer(noun.start(), noun.end(), span.open_mark)
            if named is None:
                continue
            issuer, phrase_end = named
            reports = _TEXT_REPORTS.match(masked[phrase_end : span.open_mark])
            if (
                reports is None
                and _ISSUER_PHRASE_TAIL.fullmatch(masked, phrase_end, span.open_mark)
                and _REPORT_OPENS_QUOTE.match(self.text, span.start)
                and not self.mentions_in(phrase_end, span.open_mark)
            ):
                return issuer  # 'A report from the Acme mission “concludes that …”'
            if (
                reports is None
                or span.open_mark - (phrase_end + reports.end()) > 60
                or self.mentions_in(phrase_end, phrase_end + reports.start(0) + reports.end())
                or verb_search(masked, phrase_end + reports.end(), span.open_mark)
            ):
                return None
            return issuer
        return None

    def _credited_role(self, phrase: str, span: QuoteSpan) -> str | None:
        """The holder of the role `phrase` names ("the Eritrean Information Minister"), named
        in that role before the quotation at `span` or in the sentences after it; a phrase that
        is no role goes to `_description`."""
        words = phrase.split()
        if words[0].lower() not in _ARTICLES or len(words) < 2:
            return self._description(phrase, span.close_mark)
        if words[-1].lower() not in load_gazetteer().role_words:
            return self._description(phrase, span.close_mark)
        for role in dict.fromkeys((" ".join(words[-2:]) if len(words) > 2 else "", words[-1])):
            if role:
                holder = self._role_holder(role, span.open_mark) or self._role_holder_after(
                    role, span.close_mark
                )
                if holder:
                    return holder
        return None

    def _words_go_on(self, prev: QuoteSpan, span: QuoteSpan, speaker: str) -> bool:
        """'With “Abe, I wanted accuracy,” Chapman told Wikinews. The costume “is very warm …”':
        a quotation in the sentence right after the one holding `prev` (`speaker`'s), in the
        same paragraph, whose sentence has no verb of speech and names no one else (nor
        does the text between them), goes on in `speaker`'s words."""
        if title_cased(self.text[span.start : span.end]):
            return False  # 'The plan is called “Safe Streets”': a name, not words
        p = bisect_ints_right(self.paragraph_starts, prev.close_mark)
        if p < len(self.paragraph_starts) and self.paragraph_starts[p] <= span.open_mark:
            return False
        i = bisect_ints_right(self.sentences, span.open_mark) - 1
        if i < 1 or not (self.sentences[i - 1] <= prev.close_mark < self.sentences[i]):
            return False  # only the very next sentence
        sent_start, sent_end = self.sentence_bounds(span.open_mark)
        if verb_search(self.masked, sent_start, sent_end):
            return False
        for m in self.mentions_in(prev.close_mark, sent_end):
            if m.entity.name == speaker:
                continue
            if m.entity.type == "PERSON" or (
                # "Chapman told Wikinews. The costume “…”": the outlet told is nobody's voice
                m.start >= sent_start
                and (m.entity.type == "ORG" or self._opens_clause(m, sent_start))
            ):
                return False  # "Mr Murphy has said. Until then, “…” in Northern Ireland": a place
        words = self.masked[sent_start:sent_end].lower().split()
        return not _SUBJECT_PRONOUNS.intersection(words)  # "he hopes", "they want": who?

    def _sentence_ends_then_alone(self, prev: QuoteSpan, span: QuoteSpan) -> bool:
        """'…a statement which read, “We note his decision to apply” Resolution 1559. “We expect
        him to withdraw.”': `prev` ended inside its sentence, a few words with no verb of speech
        nor any person end that sentence, and `span` opens the next one alone in the
        same paragraph: the next sentence of the same words."""
        if self.text[prev.start : prev.end].rstrip()[-1:] in ".!?,;:":
            return False
        gap = self.masked[prev.close_mark + 1 : span.open_mark]
        words = gap.split()
        return (
            0 < len(words) <= 6
            and "\n" not in gap
            and words[-1][-1:] in (".", "!", "?")
            and len(_SENTENCE_STOP.findall(gap)) == 1
            and self.text[span.open_mark - 1 : span.open_mark] in (" ", "\t")
            and not verb_search(gap)
            and not any(
                m.entity.type == "PERSON" for m in self.mentions_in(prev.close_mark, span.open_mark)
            )
        )

    def _split_by_credit(self, prev: QuoteSpan, span: QuoteSpan) -> bool:
        """'“Huber was respected,” reads an AEW press release, “a fierce talent.”': `prev`
        broke off at a comma, its credit after it (found there) ends in a comma, and `span`
        opens right after in the same sentence: the second half of the same words. The comma
        may stand outside the marks ('“… in every way”, reads an AEW press release, “…”')."""
        gap = self.masked[prev.close_mark + 1 : span.open_mark]
        if self.text[prev.start : prev.end].rstrip()[-1:] != "," and gap[:1] != ",":
            return False
        return (
            len(gap) <= 120
            and gap.rstrip().endswith(",")
            and "\n" not in gap
            and not _SENTENCE_STOP.search(gap)
            and ";" not in gap
        )

    def _goes_on_past_break(self, prev: QuoteSpan, span: QuoteSpan) -> bool:
        """'“Sunni families left on their own.¶¶The Americans come here…,”': whether `span` is
        the piece after a paragraph break of the quotation `prev` opened (neither piece has a
        mark at the break), so the credit of the first piece carries to it."""
        text = self.text
        return (
            text[span.open_mark] == "\n"
            and text[prev.close_mark : prev.close_mark + 1] == "\n"
            and prev.close_mark < span.open_mark
            and not text[prev.close_mark : span.open_mark].strip()
        )

    def _broken_back(self, speakers: list[str | None]) -> list[str | None]:
        """'“We thought long and hard. ¶ We believe it is fair,” said Smith.': a quotation broken
        by a paragraph break is one speaker's; a piece that found no one of its own takes the
        speaker of the piece that goes on after it (its credit comes at the quotation's end)."""
        out = speakers
        if "nobody" not in self.how:  # most articles: every quote found its own or none at all
            return out
        text = self.text
        for i in range(len(self.spans) - 2, -1, -1):
            span, then = self.spans[i], self.spans[i + 1]
            if (
                out[i] is None
                and out[i + 1]
                and self.how[i] == "nobody"
                and text[span.close_mark : span.close_mark + 1] == "\n"
                and text[then.open_mark] == "\n"
                and not text[span.close_mark : then.open_mark].strip()
            ):
                if out is speakers:
                    out = list(speakers)
                out[i] = out[i + 1]
        return out

    def _listed_alike(self, speakers: list[str | None]) -> list[str | None]:
        """'…was “soft on tax cheats”, “soft on donors”': quotations listed in one sentence (only
        a comma, "and" or "or" between them) are one speaker's words. A credit after the last
        of them counts for those before it; else the first one's speaker for those after."""
        listed = [
            i
            for i in range(1, len(self.spans))
            if speakers[i - 1] != speakers[i]
            and self._listed_after(self.spans[i - 1], self.spans[i])
        ]
        if not listed:
            return speakers
        out = list(speakers)
        for i in reversed(listed):  # '“…,” “…,” says Jim Paulsen': the credit after the last
            if out[i] and self.how[i] == "after" and self.how[i - 1] in _UNCREDITED:
                out[i - 1] = out[i]
        for i in listed:
            if out[i - 1] and out[i] != out[i - 1] and self.how[i] in _UNCREDITED:
                out[i] = out[i - 1]
        return out

    def _listed_after(self, first: QuoteSpan, then: QuoteSpan) -> bool:
        """Whether `then` follows `first` in a list of quotations of one sentence: a comma, "and",
        "or" or "but" between them, or only a space after a quotation ending with a comma."""
        gap = self.text[first.close_mark + 1 : then.open_mark]
        if "\n" in gap or not _LISTED_GAP.fullmatch(gap):
            return False
        return bool(gap.strip()) or self.text[first.start : first.end].rstrip()[-1:] == ","

    def _fullest_forms(self, speakers: list[str | None]) -> list[str | None]:
        """Each person speaker by the article's fullest name of them: "Ann Lee" is "Ann B. Lee"
        when that is the one person entity with the same names and middle initials added."""
        fuller: dict[str | None, str] = {}
        for name in {s for s in speakers if s and " " in s and self.types.get(s) == "ORG"}:
            # "Department of Justice" is the article's one "U.S. Department of Justice"
            longer = [
                n for n, kind in self.types.items() if kind == "ORG" and n.endswith(" " + name)
            ]
            if len(longer) == 1:
                fuller[name] = longer[0]
        for name in {s for s in speakers if s and " " not in s and self.types.get(s) == "PERSON"}:
            # "Beazley" kept apart from "Kim Beazley" (as by "a Beazley Labor government"): the
            # one person of the article whose full name ends with that surname
            title, dot, surname = name.partition(".")
            if not (dot and surname and title in DOTTED_TITLES):
                surname = name  # "Mr.Bush", a title glued to the surname: the surname
            full = [n for n in self.people if n.endswith(" " + surname)]
            if not full:
                # "Mekdad" for "Fayssal Mekhdad", "Wiraydua" for "Hassan Wirayuda": the one
                # person whose surname is the same name spelled with one letter off; "Zawahiri"
                # for "Ayman al-Zawahri": the surname without its article, spelled so too
                full = [n for n in self.people if " " in n and _spelt_surname(surname, n)]
            if not full:
                # "Mario" for "Mario J. Lucero" (also written "Mario Lucero"): the one person
                # of the article whose full name opens with that first name
                full = _widest([n for n in self.people if n.startswith(surname + " ")])
            if len(full) == 1:
                fuller[name] = full[0]
        named = {s for s in speakers if s and " " in s and self.types.get(s) == "PERSON"}
        # a fuller form has three words or more: most articles have none, and stop here
        people = [n for n in self.people if n.count(" ") > 1]
        if not named or not people:
            return [fuller.get(s, s) for s in speakers] if fuller else speakers
        for name in named:
            words = name.split()
            longer = [
                other
                for other in people
                if len(other) > len(name)
                and len(other_words := other.split()) > len(words)
                and other_words[0] == words[0]
                and other_words[-1] == words[-1]
                and set(words) < set(other_words)
                # only initials added ("Ann B. Lee"): "Ann Ruiz Lee" may be another Ann Lee
                and all(_INITIAL.fullmatch(w) for w in other_words if w not in words)
            ]
            if not longer:
                # "Abdel Hadi" for "Mahdi Abdel Hadi": a given name before a surname of two
                # words (not "Ian Paisley" for "Ian Paisley Jr": a father and his son)
                longer = [
                    other
                    for other in people
                    if len(other_words := other.split()) == len(words) + 1
                    and other_words[1:] == words
                    and other_words[0][:1].isupper()
                ]
            if len(longer) == 1:
                fuller[name] = longer[0]
        return [fuller.get(s, s) for s in speakers] if fuller else speakers

    def _short_speaker(self, span: QuoteSpan) -> str | None:
        """The person or organisation a fragment of three words or fewer is attributed to, if the
        sentence says so: '“We stand ready,” tweeted Moss', 'Moss called the plan “lousy”', or
        beside a longer quote of the same sentence; otherwise it is a scare quote (None)."""
        # '“a mess.” Biden called Trump a “…”': a fragment closed by its own stop is not spoken
        # by the next sentence, which runs into the next quotation
        speaker = None if self._next_sentence_opens_quote(span) else self._after(span)
        labelling = False  # 'Russia called the revolution “illegal”': a state labels too
        beside = False  # a longer quotation of the same sentence
        state_says = False  # a fragment closed by its stop, or ending a reported clause
        if not speaker:
            sent_start, _ = self.sentence_bounds(span.open_mark)
            head = self.masked[sent_start : span.open_mark]
            what_said = _WHAT_THEY_SAID.search(head) if "what " in head else None
            if what_said and all(
                w.islower() and w not in ("he", "she", "they", "we", "i", "you", "it")
                for w in what_said.group(1).split()
            ):
                return None  # 'what doctors said was a “massive” stroke': no one named said it
            # each search only when the head holds a word opening one of its matches
            cues = _HEAD_NEEDS.may_match(head)  # bits 1, 2, 4, 8, 16: see _HEAD_NEEDS
            label_ends = [m.end() for m in _LABEL.finditer(head)] if cues & 1 else []
            if cues & 2:
                label_ends += [m.end() for m in _SPEECH_ABOUT.finditer(head)]
            labelled = bool(label_ends) and len(head) - max(label_ends) <= 60
            # 'Moscow continues to call the war a “…”': a habit of naming, not a statement
            labelling = labelled and not _INFINITIVE_LABEL.search(head)
            according = _ACCORDING_OPENS.match(head) or (
                _ACCORDING_ASIDE.search(head) if "according to" in head else None
            )
            credited = according is not None and any(
                m.entity.type in ("PERSON", "ORG")
                and not _PREPOSITIONS.intersection(
                    self.masked[sent_start + according.start(1) : m.start].lower().split()
                )
                for m in self.mentions_in(
                    sent_start + according.start(1), sent_start + according.end(1)
                )
            )  # "According to the magazine Salon, …", not "According to data from Acme, …"
            _, sent_end = self.sentence_bounds(span.open_mark)
            beside = self._closers().beside(sent_start, sent_end, span.open_mark)
            # "was “contrived.”": a fragment closed by its own stop or comma, after a speech verb
            stopped = self.text[span.start : span.end].rstrip()[-1:] in ".,!?"
            # 'He told the BBC that police suspect they had been “exposed to radicalism”.':
            # a fragment closing a sentence of reported speech is the reporter's words
            reported = (
                bool(cues & 4)
                and _REPORTED_THAT.search(head) is not None
                and self._closes_sentence(span)
            ) or self._inside_reported_clause(span, sent_start)
            if cues & 8 and NAMING_CUE.search(head):
                return None  # 'the term “subject to”', 'he named it “Operation Spring”': a name
            labelled_as = _LABEL_AS.search(head) if cues & 16 else None
            labelling = labelling or labelled_as is not None
            verb_start = sent_start + labelled_as.start() if labelled_as else 0
            if labelled_as:  # "…such as Chris Moss, who denounced the claims as “…”"
                speaker = self._relative_subject(sent_start, verb_start)
                if not speaker and _REFLEXIVE_LABEL.search(labelled_as.group()):
                    # 'In reference to the Fox News debates, Martin casts himself as the “…”':
                    # the one named right before the verb (and its adverbs) labels himself
                    speaker = self._named_right_before(sent_start, verb_start)
            # 'would — as Moss had put it — “kill the bill”': whose words they are
            put_it = "put" in head and _AS_PUT_IT_BEFORE.search(head) is not None
            # '(Bloomberg.com says “thousands of Filipinos”)': a speech verb right before it
            # ("Znak.com reported its source said “…”": a name right before the verb only)
            bare = head.rstrip(" ,:")
            said = bare[bare.rfind(" ") + 1 :]
            said_it = said in _SAY_THEN_SPEAKER and any(
                m.end == sent_start + len(bare) - len(said) - 1
                for m in self.mentions_in(max(sent_start, span.open_mark - 80), span.open_mark)
            )
            state_says = stopped or reported
            if not speaker and (
                labelled
                or beside
                or stopped
                or reported
                or credited
                or labelled_as
                or put_it
                or said_it
            ):
                speaker = self._before(span)
            if (
                not speaker
                and not (labelled or beside or stopped or reported or credited)
                and not title_cased(self.text[span.start : span.end])
                and not _TOPIC_BEFORE.search(head)  # "posted a report about the “scandal”"
            ):
                clause = self._after_closed_quotes(sent_start, span.open_mark)
                if self._person_speaks_in(clause, span.open_mark):
                    # 'Hugh Orde has praised the police for being “heroes”': the words of the
                    # person whose speech verb heads the fragment's sentence
                    subject = self._before(span)
                    speaker = subject if self.types.get(subject or "") == "PERSON" else None
                if not speaker:  # "The president did not concede, and vowed to fight “…”"
                    speaker = self._pledging_subject(clause, span.open_mark)
            if not speaker and labelled_as:  # "Acme justified the strike as “defensive”"
                speaker = self._first_named(sent_start, verb_start, span.open_mark)
                if not speaker:  # "The U.S. criticized the launch as “…”": a state labels too
                    speaker = next(
                        (
                            m.entity.name
                            for m in self.mentions_in(sent_start, verb_start)[:1]
                            if m.entity.type in ("PLACE", "GROUP")
                            and self._opens_clause(m, sent_start)
                        ),
                        None,
                    )
            if not speaker:  # 'The missile used a “kinetic impact” to hit it, said Lee.'
                speaker = self._closing_credit(span, sent_end)
        # 'Iran said that from "…" on, it will run "3,000 centrifuges"': a state speaks a
        # fragment beside a longer quotation of its own sentence
        kinds = _LABELLING_TYPES if labelling or beside else ("PERSON", "ORG")
        if speaker and self.types.get(speaker) not in kinds:
            # 'Iran has stated that it is not “hindering” the inspections': a state that opens
            # the clause of the verb of saying reporting the fragment speaks it too
            return speaker if state_says and self._state_says(speaker, span) else None
        return speaker

    def _named_right_before(self, start: int, verb_start: int) -> str | None:
        """The person or organisation whose mention ends right before the verb at `verb_start`,
        adverbs apart ("Martin now sees himself as"), within text[start:verb_start]; else None."""
        named = self.mentions_in(start, verb_start)
        if not named or named[-1].entity.type not in ("PERSON", "ORG"):
            return None
        if _ADVERBS_ONLY.fullmatch(self.masked, named[-1].end, verb_start) is None:
            return None
        return named[-1].entity.name

    def _state_says(self, state: str, span: QuoteSpan) -> bool:
        """Whether `state` (a place or group) is named opening the clause before `span`, after
        any quotation closed in its sentence, with a verb of saying between it and `span` ("China
        … suggested that “…”"; not "the conflict with Lebanon saying", "a movement inside
        Somalia has stated"), a lower-case word right after it and no passive ("Kinshasa was
        reported as “tense”" is what others said of it)."""
        sent_start, _ = self.sentence_bounds(span.open_mark)
        start = self._after_closed_quotes(sent_start, span.open_mark)
        masked = self.masked
        for m in self.mentions_in(start, span.open_mark)[:1]:
            if (
                m.entity.name == state
                and self._opens_clause(m, start)
                and masked[m.end : m.end + 2][:1] == " "
                and masked[m.end + 1 : m.end + 2].islower()
            ):
                verb = verb_search(masked, m.end, span.open_mark)
                return verb is not None and not _PASSIVE_AUX_END.search(masked, m.end, verb.start())
        return False

    def _credit_sentence_after(self, span: QuoteSpan) -> str | None:
        """'“We rely on ourselves.” Board member Tom Baker said, commenting on the plan.': a
        quotation closed by its own stop, followed in its paragraph by a sentence that is only
        a credit (titles or role words, a person, a verb of saying with nothing said after
        it), is that person's; else None."""
        if self.text[span.start : span.end].rstrip()[-1:] not in (".", "!", "?"):
            return None
        start = span.close_mark + 1
        end = self.text.find("\n", start)
        end = len(self.text) if end < 0 else end
        k = bisect_ints_right(self.open_marks, span.close_mark)
        if k < len(self.open_marks):
            end = min(end, self.open_marks[k])
        for m in self.mentions_in(start, min(end, start + 80)):
            if m.entity.type != "PERSON":
                return None
            lead = self.masked[start : m.start].split()
            roles = load_gazetteer().role_words
            if not all(w[:1].isupper() or w in roles for w in lead):
                return None
            credit = _BARE_CREDIT_VERB.match(self.masked, m.end, end)
            return m.entity.name if credit else None
        return None

    def _credit_paragraph_after(self, span: QuoteSpan) -> str | None:
        """The person a credit paragraph right after the quotation names, when the quotation
        ends its paragraph: the paragraph's first sentence is only a person (after titles or
        role words; a description set off by a comma may follow), a verb of saying and what
        it was said to ("William Fallon said.", "Liu Jianchao, a Foreign Ministry spokesman
        told a news conference."), with no quotation mark in it; else None."""
        start = span.close_mark + 1
        newline = self.text.find("\n", start)
        if newline < 0 or self.text[start:newline].strip(" \t.,"):
            return None
        p = bisect_ints_right(self.paragraph_starts, newline)
        if p >= len(self.paragraph_starts):
            return None
        begin = self.paragraph_starts[p]
        if self.text[newline:begin].count("\n") > 3:
            return None
        _, end = self.sentence_bounds(begin)
        if any(c in self.text[begin:end] for c in '"“”'):
            return None
        named = self.mentions_in(begin, min(end, begin + 80))[:1]
        if not named or named[0].entity.type != "PERSON":
            return None
        lead = self.masked[begin : named[0].start].split()
        roles = load_gazetteer().role_words
        if not all(w[:1].isupper() or w in roles for w in lead):
            return None
        return (
            named[0].entity.name
            if _CREDIT_PARAGRAPH.fullmatch(self.masked, named[0].end, end)
            else None
        )

    def _closing_credit(self, span: QuoteSpan, sent_end: int) -> str | None:
        """'…a “kinetic impact” to hit it, said Lee.', '“…,” named as “…”, said designer Ann
        Lee.': the one a credit closing the sentence after the quotation names (after a role,
        the holder set off by a comma: "said a spokesman for Acme, Tom Casey."), else None."""
        credit = (
            _SENTENCE_CREDIT.search(self.masked, span.close_mark + 1, sent_end)
            if _SENTENCE_CREDIT_NEEDS.may_match(self.masked, span.close_mark + 1, sent_end)
            else None
        )
        bare = False  # '…" of people in same-sex relationships said Judge Robert Hanson.'
        if credit is None and " said " in self.masked[span.close_mark : sent_end]:
            credit = _BARE_SENTENCE_CREDIT.search(self.masked, span.close_mark + 1, sent_end)
            bare = credit is not None
        if credit is None:
            return None
        k = bisect_ints_left(self.open_marks, span.open_mark)
        while k < len(self.spans) and self.spans[k].close_mark < credit.start(1):
            quote = self.spans[k]
            if self.text[quote.start : quote.end].rstrip()[-1:] in (".", "!", "?"):
                return None  # '“We will appeal.” “We expect to win,” said Tom Marsh.': ended
            k += 1
        gaz = load_gazetteer()
        found = [
            m
            for m in self.mentions_in(credit.start(1), credit.end(1))[:1]
            # "said production designer Rusty Smith": lower-case role words before the name;
            # "said Judge Robert Hanson": a title
            if m.start == credit.start(1)
            or (
                m.entity.type == "PERSON"
                and (
                    self.masked[credit.start(1) : m.start].islower()
                    or all(
                        w in gaz.titles or w.lower() in gaz.role_words
                        for w in self.masked[credit.start(1) : m.start].split()
                    )
                )
            )
        ]
        if bare and (
            not found
            or found[0].entity.type != "PERSON"
            or self.masked[found[0].end : credit.end(1)].strip(". ")
        ):
            return None  # with no comma before "said", only a person's name closing the sentence
        if not found and credit.group(2):
            found = [
                m
                for m in self.mentions_in(credit.start(2), credit.start(2) + 1)
                if m.entity.type == "PERSON"
            ]
        return found[0].entity.name if found else None

    def _names_something(self, span: QuoteSpan) -> bool:
        """'named in the film as “Carry Nation High”', 'the “MIC” mark', 'the CBS network “60
        Minutes”': a fragment of capitalised words (or one acronym) is a name, not anyone's words,
        unless a verb of labelling heads it ('referred to the vote as “The Impeachment Hoax”')."""
        content = self.text[span.start : span.end].strip(" ,.")
        words = content.split()
        if not words or not title_cased(content) or (len(words) == 1 and not content.isupper()):
            return False
        head = self.masked[max(0, span.open_mark - 60) : span.open_mark]
        return not (
            (may_match(head, _LABEL_HEADS) and _LABEL.search(head))
            or (may_match(head, _LABEL_AS_HEADS) and _LABEL_AS.search(head))
        )

    def _person_speaks_in(self, start: int, end: int) -> bool:
        """Whether a person named in text[start:end] ("Hugh Orde has praised"), a "he" or "she"
        opening it, or a role opening it whose holder was named before ("The minister said:"),
        is followed by a speech verb there."""
        if _PRONOUN_SPEAKS.match(self.masked, start, end):
            return True
        role = _ROLE_SPEAKS.match(self.masked, start, end)
        if role and self._opening_role(start, role.end(1)):
            return True
        return any(
            m.entity.type == "PERSON" and self._speaks_after(m)
            for m in self.mentions_in(start, end)
        )

    def _pledging_subject(self, start: int, end: int) -> str | None:
        """The person who opens the clause in text[start:end] (by name, "he"/"she" or a role
        whose holder was named before) when a verb of saying or pledging there follows "and" or
        "but" with nothing but adverbs between ("Lee did not concede, however, and vowed to keep
        fighting", "The president lost the vote but insisted"): the verb shares that subject.
        None otherwise (not "Police arrested Lee and said")."""
        text = self.masked
        if text.find(" and ", start, end) < 0 and text.find(" but ", start, end) < 0:
            return None
        for verb in verb_matches(text, start, end):
            at = verb.start()
            if verb.group() not in _PLEDGING_VERBS or not _AND_OR_BUT_BEFORE.search(
                text, max(start, at - 30), at
            ):
                continue
            words = text[start:at].split()
            if words[:1] in (["He"], ["She"]):
                found = self._resolve_pronoun(words[0].lower(), start)
            else:
                found = self._opening_role(start, at)
                if found is None:
                    first = self.mentions_in(start, at)[:1]
                    if first and self._opens_clause(first[0], start):
                        found = first[0].entity.name
            return found if found and self.types.get(found) == "PERSON" else None
        return None

    def _next_sentence_opens_quote(self, span: QuoteSpan) -> bool:
        """Whether the quotation ends with its own stop and the text after it, a new sentence
        in the same paragraph with no stop of its own, runs into the next quotation."""
        if self.text[span.start : span.end].rstrip()[-1:] not in (".", "!", "?"):
            return False
        k = bisect_ints_right(self.open_marks, span.close_mark)
        if k >= len(self.open_marks):
            return False
        tail = self.masked[span.close_mark + 1 : self.open_marks[k]]
        return (
            tail[:1].isspace()
            and tail.lstrip()[:1].isupper()
            and "\n" not in tail
            and not _holds_stop(tail)
        )

    def _inside_reported_clause(self, span: QuoteSpan, sent_start: int) -> bool:
        """'Lee said there had been a “major lull” in the rioting': whether the fragment sits in a
        clause of reported speech opened in its own sentence (not before a quotation that closed
        an earlier sentence the masked text could not see)."""
        sent_start = self._closers().start_after_closed(sent_start, span.open_mark)
        clause = (
            _REPORTED_CLAUSE_SEARCH.search(self.masked, sent_start, span.open_mark)
            if _REPORTED_CLAUSE_NEEDS.may_match(self.masked, sent_start, span.open_mark)
            else None
        )
        if clause is None:
            return False
        # 'Acme reported its source said “…”': the words of the later verb's unnamed subject
        for verb in verb_matches(self.masked, clause.start() + 1, span.open_mark):
            if verb.group() not in _NESTED_SAYING:
                continue  # "writes that the rule asks parents to be subject to “…”"
            words = self.masked[clause.start() : verb.start()].split()
            while len(words) > 1 and (words[-1] in _AUX or _ADVERB.fullmatch(words[-1])):
                words.pop()
            if words[-1].islower() and words[-1] not in _SUBJECT_PRONOUNS:
                return False
        return True

    def _closes_sentence(self, span: QuoteSpan) -> bool:
        """Whether only a full stop (or nothing) follows the quotation in its paragraph."""
        after = self.text[span.close_mark + 1 : span.close_mark + 3]
        return after[:1] in (".", "") or after[:1] == "\n"

    def _closers(self) -> SentenceClosers:
        """The quotations that close their sentence (`_ends_sentence_before`), for the
        sentence's quotations at once; made on the first short fragment's question."""
        if self.closers is None:
            self.closers = SentenceClosers(self.text, self.spans, self.short)
        return self.closers

    def _ends_sentence_before(self, quote: QuoteSpan, later: QuoteSpan) -> bool:
        """'“…on it.” After her speech, the “Big Mike” slur…': a quotation before `later` that
        ends with its own full stop and is followed by a capitalised word closes its sentence
        (the masked text, which hides the stop, cannot tell)."""
        if quote.close_mark >= later.open_mark:
            return False
        ends = self.text[quote.start : quote.end].rstrip().rstrip("]")[-1:] in (".", "!", "?")
        after = self.text[quote.close_mark + 1 : later.open_mark]
        return ends and after[:1].isspace() and after.lstrip()[:1].isupper()

    def _interviewee(self, span: QuoteSpan) -> str | None:
        """A paragraph that is only a quote, after a paragraph ending on a sentence about a
        person ("Moss bristles at talk of…"), is that person speaking, as in interviews."""
        k = bisect_ints_right(self.paragraph_starts, span.open_mark) - 1
        if k < 1 or self.masked[self.paragraph_starts[k] : span.open_mark].strip():
            return None
        prev_end = self.paragraph_starts[k] - 1
        last_start, _ = self.sentence_bounds(max(0, prev_end - 1))
        sentence = self.masked[last_start:prev_end]
        if (
            self._in_quote(prev_end - 1)
            or any(
                self.spans[j] not in self.short
                for j in range(
                    bisect_ints_left(self.open_marks, last_start),
                    bisect_ints_left(self.open_marks, prev_end),
                )
            )
        ):  # a fragment there ('bristles at talk of “elevating” food') leaves it a sentence about her
            return None
        people = [m for m in self.mentions_in(last_start, prev_end) if m.entity.type == "PERSON"]
        if people:
            # "President of the firm behind Robby Bubble, Darryl Weinbren, defended it.": the
            # first person not after a preposition
            author = next(
                (
                    m
                    for m in people
                    if _WORDS_FROM.search(self.masked, max(0, m.start - 30), m.start)
                ),
                None,
            )
            if author is not None:  # "A statement from Mary Brown was read … by her lawyer,
                return author.entity.name  # John Smith.¶“…”": hers (review r33 F12)
            subject = next(
                (
                    m
                    for m in people
                    if not self._after_preposition(m)
                    and not _PREPOSITION_PHRASE.search(self.masked, max(0, m.start - 40), m.start)
                ),
                people[0],
            )
            return subject.entity.name
        role = self._opening_role(last_start, prev_end)
        if role:  # "The Queen herself mentioned the visit in her speech.¶“…”": its holder
            return role
        if sentence.rstrip().endswith(":"):
            # 'The UN asked the government to act:' as a paragraph of its own: what follows is
            # said by the subject of that introduction, an organisation as well as a person
            verb = verb_search(self.masked, last_start, prev_end)
            named = (
                self._named_in(last_start, verb.start(), prev_end, allow_pronoun=True)
                if verb
                else self._first_named(last_start, prev_end, prev_end)
            )
            if named:
                return named
        pronoun = _SUBJECT_PRONOUN.search(sentence)
        return self._resolve_pronoun(pronoun.group(1).lower(), last_start) if pronoun else None

    def _sentence_before_names(self, span: QuoteSpan) -> str | None:
        """'Comic artist Jo Lee told of a hard start. “In my first stint, …”': a quote that opens
        its own sentence with no attribution, after a sentence of the same paragraph that names
        one person only (or opens with "he"/"she"), is that person speaking."""
        i = bisect_ints_right(self.sentences, span.open_mark) - 1
        if i < 1 or self.masked[self.sentences[i] : span.open_mark].strip(" \t\n\"“‘'"):
            return None
        start, end = self.sentences[i - 1], self.sentences[i]
        p = bisect_ints_right(self.paragraph_starts, start)  # the first paragraph after it
        if p < len(self.paragraph_starts) and self.paragraph_starts[p] <= end:
            return None
        # '…of expression.” Pelosi also said in a statement. “…”': a quotation closed by its own
        # stop ends the sentence before it
        start = self._after_closed_quotes(start, end)
        o = bisect_ints_left(self.open_marks, start)  # the first quotation from it on
        if o < len(self.open_marks) and self.open_marks[o] < end:
            return None
        people = {
            m.entity.name
            for m in self.mentions_in(start, end)
            if m.entity.type == "PERSON"
            and not self._in_parentheses(start, m.start)
            and not self._in_dash_aside(start, m.start)
            and not self._attributive(m)  # "He praised the Moss administration.": no subject
        }  # "Jo Lee (Nancy Drew, Jem) told of…": credits in parentheses name no speaker
        if len(people) > 1:
            # "Robert Solow, Krugman's former professor, dismissed the claims.": a possessor
            # that describes another person is not the sentence's subject
            owners = {
                m.entity.name
                for m in self.mentions_in(start, end)
                if m.entity.type == "PERSON" and _POSSESSIVE_AFTER.match(self.masked, m.end)
            }
            owned_only = owners - {
                m.entity.name
                for m in self.mentions_in(start, end)
                if m.entity.type == "PERSON" and not _POSSESSIVE_AFTER.match(self.masked, m.end)
            }
            if len(people - owned_only) == 1:
                people = people - owned_only
        if len(people) == 1:
            return people.pop()
        verb = verb_search(self.masked, start, end) if people else None
        if (
            verb
            and not verb.group().endswith("ing")
            and verb.group()[:1].islower()
            # one name before the verb, but for those after a preposition ("Ann Lee, an
            # analyst with Acme Partners, said")
            and self._one_subject_name(start, verb.start())
            # 'Moss said Reid had written to the court. “…”': Reid's words, perhaps
            and not verb_search(self.masked, verb.end(), end)
            and not _OTHER_SPEECH.search(self.masked, verb.end(), end)
        ):
            # 'Moss said that her talks with Reid were good. “We put aside …”': of several
            # people, the one subject of the sentence's speech verb ("Moss and Reid argued"
            # names two: nobody)
            subject = self._first_named(start, verb.start(), verb.start())
            if subject not in people:  # "Acme Council president Ann Lee said": the person
                subject = self._named_in(start, verb.start(), verb.start(), True)
            if subject in people:
                return subject
        sentence = self.masked[start:end]
        # "Underwhelmed by it, she left."; but "He claimed that in the solar industry, margins
        # are thin.": a leading pronoun is the subject, however long the words before a comma
        leading_pronoun = sentence.split()[:1] in (["He"], ["She"])
        opener = None if leading_pronoun else _LEADING_ADVERBIAL.match(sentence)
        words = sentence[opener.end() if opener else 0 :].split()
        if not people and words[:1] and words[0].lower() in ("he", "she"):
            return self._resolve_pronoun(words[0].lower(), start)
        if not people and words[:1] == ["The"] and verb_search(sentence):
            # 'The Premier said it would be wise to wait. “…”': the role's holder goes on
            return self._opening_role(start, end)
        return None

    def _one_subject_name(self, start: int, end: int) -> bool:
        """Whether text[start:end], before a verb, names one speaker only: names after a
        preposition ("Ann Lee, an analyst with Acme Partners") and a body before its member's
        role ("Acme Council president Ann Lee") say whom the subject is with."""
        mentions = [m for m in self.mentions_in(start, end) if not self._after_preposition(m)]
        if len({m.entity.name for m in mentions}) == 1:
            return True
        last = mentions[-1] if mentions else None
        if last is None or last.entity.type != "PERSON":
            return False
        role = self.masked[max(start, last.start - 30) : last.start].split()[-1:]
        return (
            bool(role)
            and role[0] in load_gazetteer().role_words
            and all(m.entity.type != "PERSON" for m in mentions[:-1])
        )

    def _clause_subject(self, span: QuoteSpan) -> str | None:
        """'Lee believed the plan would “…”', 'and the bank will “…”': a quote inside a clause
        with no verb of speaking is the words of that clause's subject, when the subject is the
        last person or organisation before the quote, opens its clause (the sentence, or after
        "and"/"but"/";") and is followed by its verb in the active voice; a leading "he"/"she"
        with no name after it stands for its person. A quotation that is a name ("Keeper of the
        Seal"), or one the clause names something with, is nobody's words."""
        start, _ = self.sentence_bounds(span.open_mark)
        head = self.masked[start : span.open_mark]
        if not head.strip() or self._in_parentheses(start, span.open_mark):
            return None  # a quote opening its sentence: `_sentence_before_names` decides
        if title_cased(self.text[span.start : span.end]):
            return None  # 'Lee took the title of "Keeper of the Seal"': a name, not words
        named = [
            m for m in self.mentions_in(start, span.open_mark) if m.entity.type in _SUBJECT_TYPES
        ]
        if named:
            m = named[-1]
            lead = self.masked[start : m.start]
            opening = _LEADING_ADVERBIAL.match(head)
            if opening and start + opening.end() > m.end and lead.strip():
                return None  # "Asked about his deputy, Ivan Lee, at the hearing, …": no subject
            opener = _LEADING_ADVERBIAL.match(lead)  # "In May, Lee …"
            if not (
                _CLAUSE_OPENING.search(lead)
                or (opener and _CLAUSE_OPENING.match(lead[opener.end() :]))
            ):
                return None
            subject_end = m.end
        else:
            opener = _LEADING_ADVERBIAL.match(head)
            pronoun = _PRONOUN_SUBJECT.match(head, opener.end() if opener else 0)
            if pronoun is None:
                return None
            subject_end = start + pronoun.end(1)
        verb = _SUBJECT_VERB.match(self.masked, subject_end, span.open_mark)
        if (
            verb is None
            or verb.group(1) in _NOT_A_VERB
            # "Lee and the council were mocked with chants of “…”": not their words
            or _PASSIVE.match(self.masked, verb.start(1), span.open_mark)
            # "The board named the new ward “…”": a name it gives, not its words
            or _NAMING_VERB.search(self.masked, subject_end, span.open_mark)
            # "opposes a bill that would let …", "mocked the council's promise to …", "…, and
            # the crowd joined in for …": a text, another holder or another clause in between
            or _OTHER_CLAUSE.search(self.masked, verb.end(1), span.open_mark)
        ):
            return None
        if named:
            return named[-1].entity.name
        return self._resolve_pronoun(self.masked[start:subject_end].split()[-1].lower(), start)

    def _subject_of_sentence_before(self, sent_start: int) -> str | None:
        """The person or organisation opening the sentence before the one at `sent_start`, in
        the same paragraph (`_first_named`), else None."""
        if sent_start == 0:
            return None
        start, _ = self.sentence_bounds(sent_start - 1)
        if any(start < p <= sent_start for p in self.paragraph_starts):
            return None
        return self._first_named(start, sent_start, sent_start)

    def _in_dash_aside(self, start: int, pos: int) -> bool:
        """Whether a spaced dash after `start` opens an aside still open at `pos` ("Ann Lee -
        whose family owns it with Jo Reid - said": Reid is in the aside)."""
        before = self.masked[start:pos]
        return (before.count(" - ") + before.count(" – ") + before.count(" — ")) % 2 == 1

    def _in_parentheses(self, start: int, pos: int) -> bool:
        """Whether an opening parenthesis after `start` is still open at `pos`."""
        before = self.masked[start:pos]
        return before.count("(") > before.count(")")

    def _after(self, span: QuoteSpan) -> str | None:
        _, sent_end = self.sentence_bounds(span.close_mark)
        k = bisect_ints_right(self.open_marks, span.close_mark)
        next_open = self.open_marks[k] if k < len(self.open_marks) else len(self.text)
        newline = self.text.find("\n", span.close_mark, sent_end)
        tail_end = min(sent_end, next_open, newline if newline >= 0 else sent_end)
        tail = self.masked[span.close_mark + 1 : tail_end]
        # the four frames below open the tail, after blanks and commas (and dashes: "as … put
        # it"), with a word of their own: each is matched only when its first letter is there
        word_at = opening_after(tail, ",", 0)
        opening = tail[word_at : word_at + 1]
        statement = _READS_STATEMENT.match(tail) if opening in ("r", "s") else None
        if statement:  # '“…,” reads Judge Moss's ruling': the owner of the text speaks
            base = span.close_mark + 1
            owner = self._first_named(base, base + statement.end(1), span.close_mark)
            if owner:
                return owner
        read_by = _READ_BY_TEXT.match(tail) if opening == "r" else None
        if read_by:  # '“…”, read the warning.': the text's author
            base = span.close_mark + 1
            for m in self.mentions_in(base + read_by.start(1), base + read_by.end(1)):
                if m.entity.type in ("PERSON", "ORG"):
                    return m.entity.name  # '“…”, reads an Acme press release'
            if any(w[:1].isupper() and w not in _DATE_WORDS for w in read_by.group(1).split()):
                return None  # its author is named there, by a name no entity holds
            issuer = self._issuer_after(base + read_by.end(2), base + len(tail))
            return issuer or self._author_of(read_by.group(2), span.open_mark)
        read_by = _TEXT_READ_AFTER.match(tail) if opening == "t" else None
        if read_by:  # '“…”, the letter read.': the text's author
            return self._author_of(read_by.group(1), span.open_mark)
        dashed = opening_after(tail, ",—–-", word_at)
        put_it = _AS_PUT_IT_AFTER.match(tail) if tail[dashed : dashed + 2] == "as" else None
        if put_it:  # '“…” — as the Supreme Court decision put it —': whose words they are
            base = span.close_mark + 1
            return self._first_named(base + put_it.start(1), base + put_it.end(1), span.close_mark)
        to_quote = _TO_QUOTE_AFTER.match(tail) if tail[dashed : dashed + 2] == "to" else None
        if to_quote:  # '“…”, to quote Canada's CTV News.': the one quoted
            base = span.close_mark + 1
            for m in self.mentions_in(base + to_quote.start(1), base + to_quote.end(1)):
                if m.entity.type in ("PERSON", "ORG"):
                    return m.entity.name
        as_said_by = _AS_SAID_BY_AFTER.match(tail) if tail[dashed : dashed + 2] == "as" else None
        if as_said_by:  # '“…,” as stated by the Eritrean Information Minister': the one credited
            base = span.close_mark + 1
            named = self._first_named(
                base + as_said_by.start(1), base + as_said_by.end(1), span.close_mark
            )
            return named or self._credited_role(as_said_by.group(1), span) or ""
        quoted = _QUOTED_AFTER.match(tail) if " as " in tail else None
        if quoted:  # '“…,” Reuters quotes him as saying': the one quoted, not the outlet
            if quoted.group(1):
                return self._resolve_pronoun(quoted.group(1).lower(), span.open_mark) or ""
            base = span.close_mark + 1
            people = self.mentions_in(base + quoted.start(2), base + quoted.end(2))
            return next((m.entity.name for m in people if m.entity.type == "PERSON"), "")
        view = _VIEW_OF.match(tail) if " of " in tail[:60] else None
        if view:  # '“…” was the view of Rohan Gumaratna at the institute': whose view it is
            base = span.close_mark + 1
            viewer = self.mentions_in(base + view.end(), base + view.end() + 1)[:1]
            if viewer and viewer[0].entity.type in ("PERSON", "ORG"):
                return viewer[0].entity.name
        if "by" in tail[:4] and _BY_AGENT.match(tail):
            # 'He was deemed a “threat” by the Department, according to Acme': the passive's
            # agent, before any later credit of the sentence
            agent = self._agent_after(span, tail)
            if agent:
                return agent
        verb = verb_search(tail[:160])
        while verb and determiner_end(tail, verb.start()):
            # '“…,” the warning said': a noun; 'for “derailing” its promised reforms': an
            # adjective (a verb right after a determiner is no verb of the credit)
            verb = verb_search(tail[:160], verb.end())
        if not verb:
            open_end = self.text[span.start : span.end].rstrip()[-1:] == ","
            return self._dash_credit(span.close_mark + 1, tail, open_end) or self._agent_after(
                span, tail
            )
        base = span.close_mark + 1
        # the verb's offsets and words, read once (each a method call of the match, compiled)
        verb_start, verb_end_at, verb_text = verb.start(), verb.end(), verb.group()
        before = tail[:verb_start]
        last_char = self.text[span.start : span.end].rstrip().rstrip("[]")[-1:]
        if (
            last_char in ".?!"
            and tail_end == next_open
            # '“…a bench?” wrote Moss, the sculptor, in an e-mail. “…”': a tail that ends with
            # its own stop is the quote's attribution, not a sentence leading into the next
            and not tail.rstrip().endswith((".", "!", "?"))
            # '“…involved.” said Ann Lee, adding that “…”': a lower-case verb opening the tail
            # goes on with the quote's sentence
            and not (verb_start == word_at and tail[word_at : word_at + 1].islower())
        ):
            # '“…exempt?” Moss said, “People…”', '“…use.” The letter stressed “…”', '“…States.”
            # Reid praised it on X, stating he was “…”', '“…own.” Reeve called it an “odd” one':
            return None  # a new sentence with no stop of its own leads into the next quote
        if last_char in ".?!" and _CLAUSE_AFTER.match(tail, verb_end_at):
            return None  # '“…genocidal war.” Reid then explained he was …': a new sentence
        if (
            last_char in ".?!"
            and tail[:1].isspace()
            and tail[word_at : word_at + 1].isupper()
            and self._reported_before(span)
        ):
            # 'Lee alleged the media lied about “strokes.” Then Ann Moss wrote a story on it.',
            # 'Lee called it an “idea.” Moss disagreed.': a quotation closing a sentence that
            # names who says it is theirs; the next sentence's verb is its own subject's
            return None
        if last_char in ".?!" and _INTRODUCING.search(
            self.masked,
            max(self.sentence_bounds(span.open_mark)[0], span.open_mark - 60),
            span.open_mark,
        ):
            return None  # 'Moss said at a briefing: “…attacker.” Acme has called for …'
        # '“…”, the club's coach Ann Lee said': a comma or dash right after the closing mark
        # leaves the sentence open as one inside the marks would (British and Wikinews style)
        ends_open = last_char in ",!?—–…-" or tail.lstrip(" ")[:1] in (",", "—", "–")
        if last_char in ".?!" and verb_text == "According to" and not before.strip():
            return None  # '“…revoked them.” According to the report, Moss…': a new sentence
        if verb_text == "according to" and not before.strip(" ,\t"):
            sent_start = self.sentence_bounds(span.open_mark)[0]
            said_by = verb_matches(self.masked, sent_start, span.open_mark)[-1:]
            # the verb's own clause, after the last comma before it ('In a statement from a
            # website that could not be confirmed, Zarqawi said': the relative is the site's)
            clause = self.masked.rfind(",", sent_start, said_by[0].start()) if said_by else -1
            if said_by and not _RELATIVE_WHICH.search(
                self.masked, max(sent_start, clause), said_by[0].start()
            ):
                # 'Khan denied it, saying “…”, according to IRNA': the agency reports what the
                # person its sentence names said; that person speaks ('the audit, which
                # called it “…”': the audit's words, so the outlet stays)
                said = self._before_from(span, sent_start)
                if said and self.types.get(said) == "PERSON":
                    return said
        # '“…,” angrily said Ann Lee': one adverb before the inverted verb changes nothing
        if not before.strip(" ,\t") or (before[-3:] == "ly " and _LONE_ADVERB.fullmatch(before)):
            after = tail[verb_end_at:]
            written = _WRITTEN_FROM.match(after)
            if written:  # '“…,” said a statement from Moss's office': the statement's author
                at = base + verb_end_at + written.end()
                for m in self.mentions_in(at, at + 1):
                    if m.entity.type in ("PERSON", "ORG"):
                        return m.entity.name
            if verb_text.endswith("ing") and after.split()[:1] not in (["he"], ["she"]):
                return None  # '“…,” praising Reid': the name after a participle is its object
            if after.startswith((" they ", " we ", " there ")):
                # 'Lee, who called it “…”, said they are on the track of Moss': the verb
                # heads a clause of its own; its subject stands before the quotation
                return ""
            stop = _PHRASE_STOP.search(after)
            phrase_end = base + verb_end_at + (stop.start() if stop else len(after.rstrip(" .")))
            named = self._named_in(
                base + verb_end_at, phrase_end, span.close_mark, allow_pronoun=False
            )
            possessor = self.mentions_in(base + verb_end_at, phrase_end)[:1]
            if possessor and _POSSESSIVE_AFTER.match(self.masked, possessor[0].end):
                # "writes Kerr's old friend Dan Boyd", "said Moss's lawyer, Ann Reid": the
                # possessive names whose friend speaks; the person right after its role noun
                # (or after one comma) is the speaker, never one in a later clause or sentence
                end = min(self.sentence_bounds(phrase_end)[1], phrase_end + 60)
                for m in self.mentions_in(possessor[0].end, end)[:1]:
                    if (
                        m.entity.type == "PERSON"
                        and _ROLE_BEFORE_NAME.match(self.masked[possessor[0].end : m.start])
                        and not self._after_preposition(m)
                        and not _POSSESSIVE_AFTER.match(self.masked, m.end)
                    ):
                        return m.entity.name
                if possessor[0].entity.type == "PERSON" and self._owner_of_role(possessor[0]):
                    return ""  # "said Senator Clark's spokesman, adding that …": unnamed
                if not self.masked[base + verb_end_at : possessor[0].start].strip() and (
                    self._owns_object(possessor[0])
                ):
                    return None  # '“…” disclosed Plame's identity': the verb's object
            if self.types.get(named or "") != "PERSON":
                # "said Acme's chancellor, Jane Moss", "said a protester using the name Kit"
                later = [
                    m
                    for m in self.mentions_in(phrase_end, base + len(tail))
                    if m.entity.type == "PERSON"
                    and m.start - phrase_end <= 60
                    and not self._after_preposition(m)  # "said a student from Kibera"
                ]
                if later:
                    if self._placed_by_name(base + verb_end_at, later[0]):
                        return ""  # "yelled a man in the crowd where Mayor Ann Lee spoke"
                    return later[0].entity.name
            else:
                placed = self.mentions_in(base + verb_end_at, phrase_end)[:1]
                if (
                    placed
                    and placed[0].entity.name == named
                    and self._placed_by_name(base + verb_end_at, placed[0])
                ):
                    # "screamed protesters outside the office of Senator Ann Lee": the crowd's;
                    # "said a friend of Lee, Eddie Moss": the name set off after it
                    set_off = self.mentions_in(placed[0].end, base + len(tail))[:1]
                    comma = self.masked[placed[0].end : set_off[0].start].strip() if set_off else ""
                    if (  # (the name's own end may be left out of it: "of Chang-am, Park")
                        comma.endswith(",")
                        and set_off[0].entity.type == "PERSON"
                        and len(comma) <= 6
                        and " " not in comma
                    ):
                        return set_off[0].entity.name
                    return ""
            if named is None and _PARTICIPLE_OR_ACCORDING.search(verb_text):
                return None  # '…,” adding that …': the speaker is the subject before the quote
            return named or ""
        if self._said_right_before(span):
            return None  # 'When an official said “…,” he responded': the quote's verb came first
        # "(which Bartlett noted as …)": a relative clause in brackets, too
        first = (before.lstrip(" ,—–(").split() or [""])[0]
        if first in _NOT_SUBJECT or ";" in before:
            return None  # '“interesting” case; Reid said': the verb of another clause
        subject_end = verb_start
        quoted_as = _QUOTED_AS.search(before) if "quoted" in before else None
        if quoted_as:  # '“…,” he was quoted as saying': the subject of "was quoted"
            before, subject_end = before[: quoted_as.start()], quoted_as.start()
        elif verb_text in _TOLD_VERBS and _PASSIVE_AUX_END.search(before):
            return ""  # '“…,” Moss was told': Moss listened; who spoke is not named
        if "." in before:
            # '“…,” the union president, Robert Meegan Jr., said': the stop of a name ("Jr.",
            # "Amazon.com", a company's "Co." after it) ends nothing (offsets of `before` are
            # still the tail's here)
            for m in self.mentions_in(base, base + len(before)):
                if m.entity.type not in ("PERSON", "ORG") or m.end >= base + len(before):
                    continue  # not "U.S." ("the U.S. statement said")
                end = m.end - base
                if before[end] == "." and before[m.start - base : end].rsplit(None, 1)[-1] in (
                    _NAME_END_ABBREVIATIONS
                ):
                    end += 1  # "Phil Chen of Grand Cathay Securities Investment Trust Co. told"
                inside = before[m.start - base : end].replace(".", " ")
                before = before[: m.start - base] + inside + before[end:]
        if (
            not ends_open
            and len((_PARENTHESES.sub("", before) if "(" in before else before).split()) > 3
            and not self._attribution_sentence(span, tail, verb)
        ):
            # '“…” Ann Reid (chair of Acme) remarked': an aside adds no words; but '“…” of
            # people in same-sex relationships said Judge Robert Hanson.' closes with a credit
            return self._closing_credit(span, sent_end)
        # '“…,” State Sen. Ann Reid said': the stop of a person's dotted title ends nothing, in
        # a subject with no preposition ('neighbours of Mr. Reid said' is about Reid)
        if "." in before and not _PREPOSITIONS.intersection(before.lower().split()):
            before = _PERSON_TITLE_STOP.sub(" ", before)  # (each match holds a stop)
            # '“…,” AITA spokeswoman Laura E. Jones said': nor does a name's initial
            before = _INITIALS_STOP.sub(lambda m: m.group().replace(".", " "), before)
        if _holds_stop(before):
            return None
        if len(before.split()) > 14:
            # '“…,” Ann Reid, vice president of Acme, a group for …, said': the name that
            # opens a subject set off by commas, however long its description
            lead = self.mentions_in(base, base + 4)
            if (
                lead
                and lead[0].entity.type == "PERSON"
                and not self.masked[base : lead[0].start].strip(" ,")
                and self.masked[lead[0].end : lead[0].end + 1] == ","
                and (
                    before.rstrip().endswith(",")
                    # '“…” Ann Reid, head of the Centre for … at the University of … told AP.':
                    # a description no comma closes, naming no other person
                    or self._description_until(lead[0].end, base + subject_end)
                )
            ):
                return lead[0].entity.name
            return None
        # 'The ban “violated the rights …” of people, said Judge Robert Hanson.': the words after
        # the quotation go on with the sentence, whose closing credit names the speaker
        return self._closing_credit(span, sent_end) or self._speaker_in(
            base, base + subject_end, span.close_mark
        )

    def _reported_before(self, span: QuoteSpan) -> bool:
        """Whether the quotation closes a sentence opened before it in which someone is named
        saying it ("Lee alleged the media lied about “strokes.”"), not one standing alone."""
        sent_start, _ = self.sentence_bounds(span.open_mark)
        if len(self.masked[sent_start : span.open_mark].split()) < 2:
            return False
        name = self._before(span)
        if not name:
            return False
        clause = _SUBORDINATE_OPENER.match(self.masked, sent_start, span.open_mark)
        if clause is None or _SUBJECT_PRONOUN_WORD.search(
            self.masked, clause.end(), span.open_mark
        ):
            return True
        # 'When Reed arrived, the crowd chanted “…”': a name only in the subordinate clause
        # does not say the quotation
        return any(m.entity.name == name for m in self.mentions_in(clause.end(), span.open_mark))

    def _placed_by_name(self, start: int, person: _Mention) -> bool:
        """'screamed protesters outside the office of Senator Ann Lee', 'yelled a man in the
        crowd where Mayor Ann Lee spoke': whether the inverted subject from `start` is a common
        noun phrase that `person` (its first name, past any titles) only places, after a word
        of place or "of"/"where" ("said a spokesman for Senator Lee", "said a statement by Lee"
        still name whose words they are)."""
        if person.entity.type != "PERSON":
            return False
        lead = self.masked[start : person.start].split()
        titles = load_gazetteer().titles
        while lead and (lead[-1] in titles or lead[-1].rstrip(".") in _TITLE_WORDS):
            lead.pop()  # "Senator", "Mayor", "Gov."
        return (
            len(lead) >= 2
            and lead[-1] in _PLACING_WORDS
            and all(w.isalpha() and w.islower() for w in lead)
            and _SAYERS_OF.isdisjoint(lead)
        )

    def _description_until(self, comma: int, verb_start: int) -> bool:
        """Whether the words from the comma at `comma` to the verb at `verb_start` describe the
        person before the comma ("…, coordinator of the Acme Centre at the University of Kent")
        with no other person, clause or stop among them."""
        words = self.masked[comma + 1 : verb_start].split()
        return (
            bool(words)
            and words[0][:1].islower()
            and words[0] not in _NOT_SUBJECT
            and not _CLAUSE_BREAK.search(self.masked, comma + 1, verb_start)
            and not any(m.entity.type == "PERSON" for m in self.mentions_in(comma + 1, verb_start))
        )

    def _said_right_before(self, span: QuoteSpan) -> bool:
        """'When an official said “…,” he responded': whether the quotation closes a clause
        opened by a subordinating word whose verb of saying stands right before it, so the
        subject and verb after it are the main clause's, not its attribution."""
        sent_start, _ = self.sentence_bounds(span.open_mark)
        return _SUBORDINATE_SAID.match(self.masked, sent_start, span.open_mark) is not None

    def _attribution_sentence(self, span: QuoteSpan, tail: str, verb: re.Match[str]) -> bool:
        """'“…support” EU Trade Commissioner Ann Lee said.': a quotation that opens its sentence,
        then a subject and a speech verb that end it, is attributed even with no comma between."""
        sent_start, _ = self.sentence_bounds(span.open_mark)
        return (
            not self.masked[sent_start : span.open_mark].strip()
            and _CLAUSE_ENDS.match(tail, verb.end()) is not None
        )

    def _agent_after(self, span: QuoteSpan, tail: str) -> str | None:
        """'It was declared a “pandemic” by the WHO': the person or organisation after "by"
        when the quotation is the complement of a passive speech verb before it."""
        by_at = opening_after(tail, ",", 0)  # "by" opens the tail after blanks and commas
        by = _BY_AGENT.match(tail) if tail[by_at : by_at + 2] == "by" else None
        if by is None:
            return None
        sent_start, _ = self.sentence_bounds(span.open_mark)
        verbs = verb_matches(self.masked, sent_start, span.open_mark)
        if (
            not verbs or not _PASSIVE_BEFORE.search(self.masked, sent_start, verbs[-1].start())
        ) and not _DEEMED.search(self.masked, sent_start, span.open_mark):
            return None
        base = span.close_mark + 1
        return self._first_named(base + by.start(1), base + by.end(1), span.close_mark)

    def _dash_credit(self, base: int, tail: str, open_end: bool) -> str | None:
        """'“…” — Aparna Garg, Mysore Divisional Railway Manager': the person right after a
        dash that follows the quotation is its author; so is the person of a sentence that
        is only a credit after a quotation ending with a comma ('“It's awful,” Ann Lee, a
        professor of design. “…”'), when a paragraph or another quotation follows it."""
        dash_at = opening_after(tail, "", 0)  # a dash opens the tail after blanks
        if tail[dash_at : dash_at + 1] == ":":
            return self._colon_credit(base, tail, dash_at + 1)
        dash = _DASH_CREDIT.match(tail) if tail[dash_at : dash_at + 1] in _DASHES else None
        at = dash.end() if dash else len(tail) - len(tail.lstrip())
        bare = (
            not dash
            and open_end
            and _PARAGRAPH_OR_QUOTE.match(self.masked, base + len(tail)) is not None
        )
        for m in self.mentions_in(base + at, base + at + 1):
            if m.entity.type == "PERSON" and (
                dash or (bare and _BARE_CREDIT_END.match(self.masked, m.end, base + len(tail)))
            ):
                # '“…,” Ann Lee, a professor of design.': the whole sentence is the credit
                return m.entity.name
        return None

    def _colon_credit(self, base: int, tail: str, at: int) -> str | None:
        """'“I respect the ruling”: Ana Ruiz, former mayor of Lima.': a list's credit, a colon,
        the person (and a description) ending the sentence before a paragraph or the next
        quotation: the person is the author."""
        at += len(tail) - at - len(tail[at:].lstrip())
        end = base + len(tail)
        if _NEXT_ITEM_OPENS.match(self.masked, end) is None:
            return None
        for m in self.mentions_in(base + at, base + at + 1):
            if m.entity.type == "PERSON" and _LISTED_CREDIT_END.match(self.masked, m.end, end):
                return m.entity.name
        return None

    def _before(self, span: QuoteSpan) -> str | None:
        sent_start, _ = self.sentence_bounds(span.open_mark)
        lead = self.masked[:sent_start].rstrip()
        if (
            sent_start
            and not self.masked[sent_start : span.open_mark].strip()
            and (
                (lead.endswith(":") and self.masked.count("\n", len(lead), span.open_mark) == 1)
                # 'He questioned the war, saying,¶¶"Do you think…"': a speech verb and a comma
                or (
                    lead.endswith(",")
                    and _VERB_BEFORE_COMMA.search(lead[-40:]) is not None
                    and self.masked.count("\n", len(lead), span.open_mark) <= 2
                )
            )
        ):  # 'Moss writes:¶"It's a long shot…"': a colon introduction on the line before
            sent_start, _ = self.sentence_bounds(len(lead) - 1)
        own_start = sent_start
        # '…victims[.]” She went on to say, “…”': the last quote of the sentence before this one
        # that ended a sentence; looked for backwards and at most _SENTENCE_QUOTES quotes back
        # (an article of thousands of quotes in one masked "sentence" was quadratic)
        k = bisect_ints_left(self.open_marks, span.open_mark) - 1
        stop = max(-1, k - _SENTENCE_QUOTES)
        while k > stop:
            s = self.spans[k]
            if s.open_mark < sent_start:
                break
            if s.close_mark < span.open_mark and self._ends_sentence_before(s, span):
                own_start = s.close_mark + 1
                break
            k -= 1
        opener = self.masked[own_start : span.open_mark]
        as_by = _AS_VERBED_BY.match(opener) if " by " in opener else None
        if as_by:  # 'As explained by Kyodo News, “…”': the agent speaks
            at = own_start + as_by.start(1)
            return self._first_named(at, own_start + as_by.end(1), span.open_mark) or ""
        participle = _PARTICIPLE_OPENS.match(opener) if "ing" in opener else None
        if (
            participle
            and VERB.fullmatch(participle.group(1).lower())
            # VERB is case-sensitive: the capitalised participle ("Calling") is no match, so
            # this finds a speech verb elsewhere in the opener only. An IGNORECASE VERB would
            # match the participle itself and switch the rule off without any error.
            and not verb_search(opener)
            and "," not in opener
        ):
            # 'Calling it “just another apology”, Anna Franowska … told': the participle's
            # subject is the main clause's, after the quotation
            return self._subject_after(span)
        # 'Petrov backs a strong state. Saying, “…”': a speech participle alone opening its
        # sentence goes on the one before (same paragraph), whose subject speaks
        alone = (
            _PARTICIPLE_ALONE.match(opener)
            if participle is None and opener.rstrip(" ,").endswith("ing")
            else None
        )
        if alone and VERB.fullmatch(alone.group(1).lower()):
            return self._subject_of_sentence_before(own_start) or ""
        found = self._before_from(span, own_start)
        if own_start != sent_start and (
            found is None or (found == "" and not _NOUN_SUBJECT.match(opener))
        ):  # '…now.” During the premiere, “…”', '…all.” They said that “…”'
            return self._before_from(span, sent_start)
        return found  # '…plane.” An attorney for the families said “…”': someone unnamed

    def _speech_noun_owner(self, start: int, pos: int) -> str | None:
        """'Lee's January 31 declaration that he would “…”', 'a plea by Adams for the group to
        “…”', 'his pledge to “…”': the owner of the noun of speech (in a clause with no verb of
        speech) whose words the quotation at `pos` gives; None when no one owns it."""
        # (an empty window, the quotation opening its sentence, holds no noun: not searched)
        nouns = [*_SPEECH_NOUN.finditer(self.masked, start, pos)] if start < pos else []
        if not nouns or pos - nouns[-1].end() > 80:
            return None
        noun = nouns[-1]
        by = _BY_OWNER.match(self.masked, noun.end(), pos)
        if by:  # "a plea by Adams in April for …"
            found = self.mentions_in(by.end(), by.end() + 1)
            if found and found[0].entity.type in ("PERSON", "ORG"):
                return found[0].entity.name
            return None
        owner = _OWNER_BEFORE.search(self.masked, max(start, noun.start() - 60), noun.start())
        if owner is None:
            lead = self.masked[max(start, noun.start() - 30) : noun.start()].lower().split()
            if self.masked[noun.end() : pos].strip(" ,") or _NOT_OBJECT.intersection(lead[-3:]):
                return None  # "Acme rejected it after a warning, “…”": someone else's
            # "In his resignation, Jobs left this farewell, “…”": the clause's subject
            return self._first_named(start, noun.start(), pos)
        if owner.group(1):  # "his pledge to “…”"
            return self._resolve_pronoun(_TEXT_POSSESSORS[owner.group(1).lower()], owner.start())
        for m in self.mentions_in(max(start, owner.start() - 60), owner.start()):
            if m.entity.type in ("PERSON", "ORG") and m.end == owner.start(2):
                return m.entity.name  # "Mr Rajoelina's January 31 declaration that he would"
        return None

    def _claim_owner(self, head: str, start: int, sent_start: int, span: QuoteSpan) -> str | None:
        """'…worried by a statement by Ann Reid in May that “…”': the owner after "by"/"from" of
        a noun of speech in head[start:] that leads into the quotation, else None."""
        for link in (" by ", " from "):
            at = head.find(link, start)
            while at >= 0:
                if (
                    head[head.rfind(" ", start, at) + 1 : at] in _CLAIM_NOUNS
                    and _CLAIM_OWNER_TAIL.match(head, at) is not None
                ):
                    return self._issuer_after(sent_start + at, span.open_mark)
                at = head.find(link, at + 1)
        return None

    def _text_subject_author(self, head: str, sent_start: int, pos: int, verb: int) -> str | None:
        """'A report released by the Acme Institute today found that': the author named after a
        written text that opens the clause in `head` (the sentence up to the quotation at
        `pos`), when the clause's verb follows the author within a few words (at `verb`, or
        the word before "that" when no speech verb is there); else None."""
        text = _TEXT_SUBJECT.match(head)
        if text is None:
            return None
        at = sent_start + text.end()
        agent = _ISSUED_BY.match(self.masked, at, pos)
        named = self.mentions_in(agent.end(), agent.end() + 1) if agent else []
        if not named:
            return None
        if verb < 0:  # "… today found that": the verb is the word before "that"
            verb = self.masked.find(" that ", named[0].end, pos)
        between = self.masked[named[0].end : verb] if verb >= 0 else ","
        if len(between.split()) > 5 or "," in between or _CLAUSE_BREAK.search(between):
            return None  # "A report by Acme was criticised by Reid, who said that": Reid's
        if named[0].entity.type == "PLACE":  # "a statement issued by the United States"
            return named[0].entity.name
        return self._issuer_after(at, pos)

    def _subject_after(self, span: QuoteSpan) -> str | None:
        """The first person or organisation after the quotation, in its sentence and not after
        a preposition: the subject of the clause an opening participle phrase leads into."""
        _, sent_end = self.sentence_bounds(span.close_mark)
        for m in self.mentions_in(span.close_mark + 1, min(sent_end, span.close_mark + 150)):
            if m.entity.type in ("PERSON", "ORG") and not self._after_preposition(m):
                return m.entity.name
        return None

    def _before_from(self, span: QuoteSpan, sent_start: int) -> str | None:
        head = self.masked[sent_start : span.open_mark]
        # Each pattern below is tried only when the head holds what any match must hold (a
        # search for a pattern led by \b or a wide class tries it at every character).
        put_it = _AS_PUT_IT_BEFORE.search(head) if "put" in head else None
        if put_it:  # 'As Moss put it, “…”': whose words they are
            named = self._first_named(
                sent_start + put_it.start(1), sent_start + put_it.end(1), span.open_mark
            )
            if named:
                return named
        according = _ACCORDING_OPENS.match(head) if "ccording to" in head[:20] else None
        voice = _UNNAMED_VOICE_OF.match(head, according.start(1)) if according else None
        if according and voice:
            # "According to a spokesman from the Civil Aviation Authority, the preliminary view
            # is that “…”": the body whose unnamed voice is credited, when no one else is named
            body = self.mentions_in(sent_start + voice.end(), sent_start + voice.end() + 1)
            if (
                body
                and body[0].start == sent_start + voice.end()
                and body[0].entity.type == "ORG"
                and not any(
                    m.entity.type == "PERSON"
                    for m in self.mentions_in(sent_start + according.start(1), span.open_mark)
                )
            ):
                return body[0].entity.name
        opens_at = opening_after(head, "", 0)  # the capital of an inverted opener after blanks
        inverted = (
            _INVERTED.match(head) if head[opens_at : opens_at + 1] in _INVERTED_INITIALS else None
        )
        if inverted:
            named = self._named_in(
                sent_start + inverted.start(1),
                sent_start + inverted.end(1),
                span.open_mark,
                allow_pronoun=False,
            )
            if named and self.types.get(named) == "PERSON":
                return named
        tail = head.rstrip()  # what `\s*$` leaves: the match ends with the last visible mark
        reads = _READS_STATEMENT_SEARCH.search(head) if tail[-1:] in (",", ":") else None
        if reads:
            owner = self._first_named(
                sent_start + reads.start(1), sent_start + reads.end(1), span.open_mark
            )
            if owner:
                return owner
        if tail[-1:] in (",", ":"):
            tail = tail[:-1].rstrip()
        statement = _STATEMENT_READ.search(head) if tail.endswith(_STATEMENT_READ_ENDS) else None
        if statement and not any(  # "In the letter, Acme's lawyer Stoltz said": Stoltz speaks
            m.entity.type == "PERSON"
            for m in self.mentions_in(sent_start + statement.start(), span.open_mark)
        ):  # "Moss's statement read:", "a letter from Acme reads"
            # "The government of American Samoa issued a statement …: “…” Their statement also
            # read “…”": the body that opens the sentence, not a name after its verb
            author = self._opening_body(sent_start, span.open_mark) or self._first_named(
                sent_start, span.open_mark, span.open_mark
            )
            if not author:  # "A statement on Apple's website, …, states:": the site's owner
                author = next(
                    (
                        m.entity.name
                        for m in self.mentions_in(sent_start, span.open_mark)
                        if m.entity.type in ("PERSON", "ORG")
                        and _PLATFORM_OWNED.match(self.masked, m.end)
                    ),
                    None,
                )
            signer = None if author else _SIGNED_BY_ROLE.search(head)
            if signer:  # "The decree signed by the Pope read": the holder of that role
                author = self._description(signer.group(1), span.open_mark)
            elif not author and _owner_word(head[: statement.start()]) in _TEXT_POSSESSORS:
                # "His statement read:", "His last tweet read:": the one "his" stands for
                author = self._text_possessor(
                    [_owner_word(head[: statement.start()]), statement.group(1)],
                    sent_start + statement.start(),
                )
            elif not author and head[: statement.start()].strip().lower() == "the":
                # "The opinion of the Court read", "The letter read": the text named before
                author = self._text_owner(statement.group(1), sent_start + statement.end(1))
            if not author:  # "Part of the judge's statement reads": the judge in office
                author = self._described_text_owner(head, span.open_mark)
            if not author and statement.group(1) in _COURT_TEXTS:
                # "The summary of the decision read in part:": the article's one court
                author = self.sole_court(span.open_mark)
            if author in _PLATFORMS and statement.group(1) in ("account", "blog"):
                author = None  # "his Twitter account, which read": its owner, never Twitter
            if author or statement.group().split()[-1].rstrip(":") in ("read", "reads"):
                return author  # else "In a statement, police said:": who "police" are
        response = (
            _OWNER_WAS.search(head)
            if last_blank_word(head.rstrip(" \t\n,:")) in ("was", "were", "read", "reads")
            else None
        )
        if response:  # "Moss's response was, “…”": the owner of the response
            named = self._first_named(
                sent_start + response.start(1), sent_start + response.end(1), span.open_mark
            )
            if named:
                return named
        # the verbs not after a determiner ("a threatened cut-off", "the alleged victim": a
        # participle as an adjective); only the last two are read, so only they are tested
        verbs: list[re.Match[str]] = []
        for v in reversed(verb_matches(head)):
            at = v.start()
            if not determiner_before(head, at):
                verbs.insert(0, v)
                if len(verbs) == 2:
                    break
        # 'Lee said he was worried by a statement by Ann Reid that “…”': Reid's words
        if " by " in head or " from " in head:
            owner = self._claim_owner(head, verbs[-1].end() if verbs else 0, sent_start, span)
            if owner:
                return owner
        if not verbs or " that " in head[verbs[-1].end() :]:
            # 'A report released by the Acme Institute found that …“…”' (found: no speech verb),
            # 'A statement issued by Acme in May pointed out that': the text's author
            verb_start = sent_start + verbs[-1].start() if verbs else -1
            author = self._text_subject_author(head, sent_start, span.open_mark, verb_start)
            if author:
                return author
        if not verbs:
            made = _MADE_STATEMENT.search(head) if "statement" in head or "ation" in head else None
            if made:  # "Spokesman Ann Lee made a statement that the law “…”": the subject's
                named = self._first_named(sent_start, sent_start + made.start(), span.open_mark)
                if named:
                    return named
            gave = _GAVE_VIEW.search(head) if "gave " in head else None
            if gave:  # "Peter Hain, the former minister, gave his response, “…”"
                named = self._first_named(sent_start, sent_start + gave.start(), span.open_mark)
                if named:
                    return named
            opinion = _IN_HIS_OPINION.match(head)
            if opinion:  # "In his opinion, doctors who rely on tests “…”": whose opinion
                return self._resolve_pronoun(_SUBJECT_OF[opinion.group(1).lower()], sent_start)
            if head.rstrip().endswith(","):
                # "Martin O'Malley, state governor of Maryland, “…”": the person the sentence
                # opens with and describes, with no verb
                first = self.mentions_in(sent_start, span.open_mark)[:1]
                if (
                    first
                    and first[0].entity.type == "PERSON"
                    and not self.masked[sent_start : first[0].start].strip()
                    and self.masked[first[0].end : first[0].end + 2] == ", "
                ):
                    return first[0].entity.name
            if _IT_READ.match(head):  # "Acme released a statement. It read, “…”"
                return self._statement_before(sent_start)
            if head.rstrip().endswith((":", ";")):
                # "Moss opposed the plan:", "Bishara lambasted Israel's position; “…”": the
                # clause's subject
                # "The government of American Samoa issued a statement agreeing the issue
                # should be decided by Congress:": the body that opens the clause, not a name
                # after its verb
                named = self._opening_body(sent_start, span.open_mark) or self._first_named(
                    sent_start, span.open_mark, span.open_mark
                )
                if named is None:  # "The agency issued a statement from the king:"
                    named = self._described_text_owner(head, span.open_mark)
                if named is None and _PRONOUN_OPENS.match(head):
                    return ""  # "He sent Moss a message:": "he" spoke, though unresolved
                return named
            return self._speech_noun_owner(sent_start, span.open_mark)
        verb = verbs[-1]
        # the verb's offsets and words, read once (each a method call of the match, compiled)
        verb_start, verb_end_at, verb_text = verb.start(), verb.end(), verb.group()
        lead_in = head[verb_end_at:]
        # the anchored match first: it fails at once after most verbs, where the search for a
        # passive before the verb (anchored at its end) is tried from every character of the head
        agent = _LABELLED_BY.match(lead_in)
        if agent and not _PASSIVE_BEFORE.search(head, 0, verb_start):
            agent = None
        if agent:  # 'Moss was described by the council as “…”': the council's words
            start = sent_start + verb_end_at + agent.start(1)
            named = self._first_named(
                start, sent_start + verb_end_at + agent.end(1), span.open_mark
            )
            return named or self._description(agent.group(1), span.open_mark) or ""
        quoted = (
            _QUOTES_SAYING.search(head, 0, verb_end_at) if "quot" in head or "cit" in head else None
        )
        if quoted and not _PASSIVE_AUX_END.search(head, 0, quoted.start()):
            # "The AP quotes the Belgian minister saying, “…”", "Ansa cited Sgrena as telling
            # prosecutors", "The Times quoted him as saying his plan “…”": the one quoted
            # speaks, never the outlet; nobody named when the one quoted is nameless
            # (group 1: "quoted X saying", no comma; group 2: "quoted/cited X as saying")
            g = 1 if quoted.group(1) is not None else 2
            pronoun = quoted.group(g).strip().lower()
            if pronoun in ("him", "her"):
                return self._resolve_pronoun(pronoun, span.open_mark) or ""
            within = self.mentions_in(sent_start + quoted.start(g), sent_start + quoted.end(g))
            for kind in ("PERSON", "ORG", "PLACE"):
                # "an unnamed Downing Street source": the body a nameless one speaks for
                found = next((m.entity.name for m in within if m.entity.type == kind), None)
                if found:
                    return found
            return ""
        if (
            (
                verb_text in _SAY_THEN_SPEAKER
                # "The request, pointed out Spain’s El País, “…”": a credit set off by commas
                or (
                    verb_text in _CREDIT_BETWEEN_COMMAS
                    and head[:verb_start].rstrip().endswith(",")
                    and lead_in.rstrip().endswith(",")
                )
            )
            and (
                lead_in.rstrip().endswith((",", ":"))
                or head[:verb_start].rstrip().endswith(_CLOSING_MARKS)
            )
            and len(lead_in.split()) <= 8
            and lead_in.split()[:1] != []
            and lead_in.lstrip(" ,").split()[:1] != []
            # "said of Moss, “…”", "said, in remarks published by CNN, “…”"
            and lead_in.lstrip(" ,").split()[0].lower() not in _PREPOSITIONS
            and not self._verb_object_named(head, verb, lead_in)
        ):
            named = self._named_in(
                sent_start + verb_end_at, span.open_mark, span.open_mark, allow_pronoun=False
            )
            if named:
                return named
        if (
            verb_text in _SAY_THEN_SPEAKER
            and lead_in.rstrip().endswith(",")
            and head[:verb_start].rstrip().endswith(_CLOSING_MARKS)
        ):
            # '“…,” said Pat Mooney, head of the ETC Group in Ottawa, “…”': the person right
            # after the verb goes on speaking, however long the appositive after the name
            verb_end = sent_start + verb_end_at
            first = self.mentions_in(verb_end, span.open_mark)[:1]
            if (
                first
                and first[0].entity.type == "PERSON"
                and not self.masked[verb_end : first[0].start].strip()
                and self.masked[first[0].end : first[0].end + 1] == ","
            ):
                return first[0].entity.name
        if verb_text.lower() in _CREDITING:
            after = head[verb_end_at:]
            stop = _PHRASE_STOP.search(after)
            while (
                stop and stop.group() == "(" and 0 <= after.find(")", stop.end()) < stop.end() + 12
            ):
                # "according to Acme (ACM) director of safety, …": a short form goes on
                stop = _PHRASE_STOP.search(after, after.find(")", stop.end()) + 1)
            end = sent_start + verb_end_at + (stop.start() if stop else len(after))
            roles = load_gazetteer().role_words
            phrase = head[verb_end_at : end - sent_start].split()
            if self.masked[end : end + 1] == "," and (
                (bool(phrase) and phrase[-1] in roles)
                # "according to a spokesman for Akayev, Abdil Seghizbayev,": the role's holder
                or (len(phrase) > 2 and phrase[1] in roles and phrase[2] in ("for", "of"))
                # "according to Acme director of safety, Ann Reid “…”": a role of no name
                or (
                    any(w in roles for w in phrase if w.islower())
                    and not any(
                        m.entity.type == "PERSON" for m in self.mentions_in(sent_start, end)
                    )
                )
            ):
                # "in the words of the Crown prosecutor, Mark Tedeschi, QC,": the name after
                for m in self.mentions_in(end, end + 3):
                    if m.entity.type == "PERSON" and (
                        self.masked[m.end : m.end + 1] in (",", "")
                        or not self.masked[m.end : span.open_mark].strip()
                    ):
                        return m.entity.name
            written = _WRITTEN_FROM.match(after)
            if written:  # "According to a statement from Acme, “…”": the statement's author
                for m in self.mentions_in(sent_start + verb_end_at + written.end(), span.open_mark):
                    if m.start == sent_start + verb_end_at + written.end():
                        return m.entity.name if m.entity.type in ("PERSON", "ORG") else None
            return self._speaker_in(
                sent_start + verb_end_at, end, span.open_mark, allow_pronoun=False
            )
        if verb_text.endswith("ing") and (
            (verb_start and head[verb_start - 2] == ",")
            # "He reiterated it, urging Hezbollah to …, and calling on Israel to …, terming
            # them “…”": a participle after ", and" is the clause subject's too
            or head.endswith(", and ", 0, verb_start)
        ):
            # "Moss thanked Reid on X, writing that “…”": the subject, not the object, speaks;
            # "he told RTÉ, accusing them of “…”": the subject of the verb before, not its object
            if len(verbs) > 1 and not verbs[-2].group().endswith("ing"):
                found = self._speaker_in(sent_start, sent_start + verbs[-2].start(), span.open_mark)
                if found:
                    return found
            found = self._speaker_in(
                sent_start, sent_start + verb_start, span.open_mark, allow_pronoun=False
            )
            # "The Attorney General attacked the act, saying": the role that opens the clause
            return (
                found
                or self._opening_role(sent_start, sent_start + verb_start)
                or self._opening_body(sent_start, span.open_mark)
                or found
            )
        if (
            verb_text.endswith("ing")
            and len(verbs) > 1
            and not verbs[-2].group().endswith("ing")
            and verbs[-2].group()[:1].islower()
            and not _CLAUSE_BREAK.search(head, verbs[-2].end(), verb_start)
            # "quoting Lee as saying", "heard Lee saying", "told … that Lee …": Lee's words
            and not _OWN_PARTICIPLE_SUBJECT.search(head, verbs[-2].end(), verb_start)
        ):
            # "Moss wrote to Reid saying: “…”": the participle's subject is the finite
            # verb's, not the name between them
            found = self._speaker_in(sent_start, sent_start + verbs[-2].start(), span.open_mark)
            if found:
                return found
        page = (
            _TEXT_ON_PAGE.match(head, 0, verb_start)
            if " on " in head and span not in self.short  # a fragment there: a term ('sub-sea')
            else None
        )
        if page:  # "A statement on the Acme web site said that": the page's owner wrote it
            end = sent_start + page.end(1)
            for m in self.mentions_in(sent_start + page.start(1), end):
                if m.end == end and m.entity.type in ("PERSON", "ORG"):
                    return m.entity.name
        relative = self._relative_subject(sent_start, sent_start + verb_start)
        if relative:  # "…welcomed by Moss, who said it was “…”": Moss
            return relative
        if self._nameless_relative(sent_start, sent_start + verb_start):
            return ""  # "heckled by campaigners, who accused her of “…”": nobody named
        if _AND_VERB_NEEDS.may_match(head, max(0, verb_start - 40), verb_start) and (
            _AND_VERB.search(head, max(0, verb_start - 40), verb_start)
        ):
            # "Moss thanked Reid for his help and said she was “…”": the first verb's subject
            subject = self._coordinated_subject(sent_start, sent_start + verb_start)
            if subject is not None:  # "" when the only names are the first verb's objects
                return subject
        elif (
            verbs
            and _COMMA_AND_VERB_NEEDS.may_match(head, max(0, verb_start - 30), verb_start)
            and _COMMA_AND_VERB.search(head, max(0, verb_start - 30), verb_start)
        ):
            # "He alleged that Iran had a plan, and said the world “…”": the opening subject
            subject = self._sole_coordinated_subject(sent_start, sent_start + verb_start)
            if subject:
                return subject
        own = self._clause_after_quote(sent_start, sent_start + verb_start, span)
        if own is not None:
            return own
        found = self._speaker_in(sent_start, sent_start + verb_start, span.open_mark)
        if not found:
            # "The judge's summary concluded with the statement:": the judge's; only when the
            # text is the verb's subject ("The judge's ruling sparked protests, where
            # supporters chanted:" is the supporters')
            subject = head[:verb_start]
            if _TEXT_AS_SUBJECT.match(subject):
                found = self._described_text_owner(subject, span.open_mark) or ""
        if not found and len(verbs) > 1 and verb_text.endswith("ing"):
            # "The governor tweeted her reasoning saying, “…”": the subject of the main verb
            return self._speaker_in(sent_start, sent_start + verbs[-2].start(), span.open_mark)
        if (
            not found
            and verb_text in _REVEALING
            and len(verbs) > 1
            and head[verbs[-2].end() :].startswith(" that ")
        ):
            # "He said that tests had revealed “…”": the reporter of a clause whose own subject
            # (a thing that shows) names nobody; "said that officials said" stays unnamed
            return self._speaker_in(sent_start, sent_start + verbs[-2].start(), span.open_mark)
        if not found and verb_text.endswith("ing"):
            return self._opening_body(sent_start, span.open_mark) or found
        return found

    def _verb_object_named(self, head: str, verb: re.Match[str], lead_in: str) -> bool:
        """'Moss tweeted a tribute to Reid: “…”', 'Moss, a friend, posted a message for Reid's
        family,': the verb has a subject of its own before it and an object phrase after it (not
        a role: "said a spokesman for Acme, Tom Casey:"), so the name after it is no speaker."""
        if " " not in lead_in.strip():
            return False
        before = head[: verb.start()].rstrip()
        if not before or before.endswith(_CLOSING_MARKS):
            return False  # "“…,” said the head of the firm, Ann Lee:": inverted
        phrase = _VERB_OBJECT_PHRASE.match(lead_in)
        return phrase is not None and phrase.group(1) not in load_gazetteer().role_words

    def _clause_after_quote(self, sent_start: int, verb_start: int, span: QuoteSpan) -> str | None:
        """'Lee warned that "…", and the German government described it as "…"': the subject of
        a clause of its own after an earlier quotation of the sentence ("" when it names
        nobody known), not the earlier speaker; None when the verb has no such clause."""
        k = bisect_ints_left(self.open_marks, sent_start)
        before = None
        while k < len(self.spans) and self.spans[k].close_mark < verb_start:
            before = self.spans[k]
            k += 1
        if before is None or before.open_mark >= span.open_mark:
            return None
        clause = _OWN_CLAUSE_AFTER_QUOTE.match(self.masked[before.close_mark : verb_start])
        if clause is None:
            return None
        at = before.close_mark + clause.start(1)
        return self._speaker_in(at, verb_start, span.open_mark)

    def _coordinated_subject(self, start: int, end: int) -> str | None:
        """The subject of a clause whose second verb starts at `end` ("Moss thanked Reid and
        said"): its leading "he"/"she", else its first person (else organisation) that is not
        the object of a preposition nor of the first verb ("Police arrested Reid and said": ""
        when nothing else names the subject)."""
        words = self.masked[start:end].split()
        if words and words[0].lower() in ("he", "she"):
            return self._resolve_pronoun(words[0].lower(), start) or None
        named = [m for m in self.mentions_in(start, end) if not self._after_preposition(m)]
        free = [m for m in named if not self._object_of_opening_verb(m, start)]
        clause = self.masked[start:end]
        cut = max(clause.rfind(", but "), clause.rfind("; "), clause.rfind(", while "))
        later = [m for m in free if m.start > start + cut] if cut > 0 else []
        if (
            later
            and later[0].entity.type in ("PERSON", "ORG")
            # its own subject opens the clause ("but Acme is calling"; not "but stated that Lee")
            and len(self.masked[start + cut : later[0].start].split()) <= 3
        ):
            # "Lee promised it, but Acme is calling it “…” and demanded": the last clause's
            free = later
        # "Acme is calling Lee's promise “…” and demanded": a possessor modifies the object
        owned = [m for m in free if _POSSESSIVE_AFTER.match(self.masked, m.end)]
        if owned and len(owned) < len(free):
            free = [m for m in free if m not in owned]
        for kind in ("PERSON", "ORG"):
            for m in free:
                if m.entity.type == kind:
                    return m.entity.name
        if free and free[0].entity.type == "PLACE" and self._opens_clause(free[0], start):
            return free[0].entity.name  # "Norway expressed regret and said": a country speaks
        # "The spokesman declined to give details, but said": the role's holder named before;
        # "The company did not deny it, but insisted": the body the description means
        found = self._opening_role(start, end) or self._opening_body(start, end)
        if len(free) < len(named) and (not found or any(m.entity.name == found for m in named)):
            return ""  # "The judge sentenced Reid and said": not Reid, the only one named before
        return found

    def _sole_coordinated_subject(self, start: int, end: int) -> str | None:
        """The subject of a clause whose verb at `end` follows ", and" ("He alleged that Iran
        had a plan, and said"): its leading "he"/"she", else its one person or organisation
        not after a preposition nor the first verb's object, when it names no other."""
        words = self.masked[start:end].split()
        if words and words[0].lower() in ("he", "she"):
            return self._resolve_pronoun(words[0].lower(), start) or None
        mentions = self.mentions_in(start, end)
        named = [
            m
            for m in mentions
            if m.entity.type in ("PERSON", "ORG")
            and not self._after_preposition(m)
            and not self._object_of_opening_verb(m, start)
        ]
        # the first name of the clause, a few words at most after its start ("Moldovan Premier
        # Vasile Tarlev accused …, and"), not a possessor ("But Lee's lawyer, Ann Moss, …")
        if (
            len({m.entity.name for m in named}) == 1
            and named[0] is mentions[0]
            and len(self.masked[start : named[0].start].split()) <= 4
            and not _POSSESSIVE_AFTER.match(self.masked, named[0].end)
        ):
            return named[0].entity.name
        return None

    def _object_of_opening_verb(self, mention: _Mention, start: int) -> bool:
        """'Police arrested Reid and said', 'The company sued Acme and said': a name right after
        the past-tense verb of a subject of its own that opens the clause is that verb's
        object, not the subject of the verb after "and"."""
        lead = self.masked[start : mention.start]
        opener = _LEADING_ADVERBIAL.match(lead)
        words = lead[opener.end() if opener else 0 :].split()
        return (
            2 <= len(words) <= 4
            and words[-1].endswith("ed")
            and words[-1].isalpha()
            and words[-1].islower()
            and not any(m.start < mention.start for m in self.mentions_in(start, mention.start))
        )


# "Tom Baker said." / "Tom Baker said, commenting on …": a verb of saying with nothing said
# What follows the name in a paragraph that is only a credit: an optional description set off
# by a comma, the verb, an optional listener ("told a news conference"), the stop
_CREDIT_PARAGRAPH: Final = re.compile(
    r"(?:,\s[^,.;:]{2,80}?,?)?\s+(?:said|says|added|stated|explained|noted|wrote|"
    r"told\s+(?:a|an|the)\s+[a-z][a-z ]{2,40}|told\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})"
    r"(?:\s+(?:on|in|at)\s+[A-Z]?[a-z]+)?\.\s*"
)
_BARE_CREDIT_VERB: Final = re.compile(
    r"\s+(?:said|says|added|stated|explained|noted|wrote)(?:\.|,\s+[a-z][^.;:\"“”]{0,120}\.)"
)


def _widest(names: list[str]) -> list[str]:
    """`names` without those whose words are all among a longer one's ("Mario Lucero" beside
    "Mario J. Lucero"): the different people they can be."""
    return [
        n
        for n in names
        if not any(len(o) > len(n) and set(n.split()) < set(o.split()) for o in names)
    ]


# The Arabic article as a surname opens with it ("al-Zawahri", "el-Araby", "ad-Dawla"), left out
# when the surname stands alone ("Zawahiri said")
_SURNAME_ARTICLES: Final = frozenset(("al", "el", "ad", "as", "ar", "at", "az"))


def _spelt_surname(surname: str, name: str) -> bool:
    """Whether `name`'s last word is `surname` spelled one letter off or in capitals, or is it
    (or so spelled) after an Arabic article: "Mekdad" of "Fayssal Mekhdad", "Solana" of "Javier
    SOLANA", "Zawahiri" of "Ayman al-Zawahri"."""
    last = name.rsplit(None, 1)[1]
    if _one_letter_off(surname, last) or (last.isupper() and last == surname.upper()):
        return True  # (and "Solana" of "Javier SOLANA", the surname written in capitals)
    return (
        last[2:3] == "-"
        and last[:2] in _SURNAME_ARTICLES
        and (last[3:] == surname or _one_letter_off(surname, last[3:]))
    )


def _one_letter_off(a: str, b: str) -> bool:
    """Whether two surnames of five letters or more, with the same first letter, differ by one
    letter added, dropped or changed, or two neighbours swapped ("Mekdad"/"Mekhdad",
    "Wiraydua"/"Wirayuda"): one name misspelt in one article."""
    if a == b or len(a) < 5 or len(b) < 5 or a[0] != b[0] or abs(len(a) - len(b)) > 1:
        return False
    k = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    if len(a) == len(b):
        return a[k + 1 :] == b[k + 1 :] or (
            a[k + 2 :] == b[k + 2 :] and a[k : k + 2] == b[k + 1 : k - 1 : -1]
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return short[k:] == long[k + 1 :]


def described_entities(
    described: dict[str, tuple[int, int]], speakers: set[str | None], entities: list[Entity]
) -> list[Entity]:
    """Entities for speakers named only by a description ("the Syrian army said"), so
    choosing the speaker in the app finds the article like choosing a person: an organisation
    for a named service ("the Russian air force"), else a group ("the Syrian army")."""
    known = {e.name for e in entities}
    return [
        Entity(
            name,
            "ORG" if name.lower().endswith(_DESCRIBED_SERVICES) else "GROUP",
            (Mention(start, end, name),),
        )
        for name, (start, end) in described.items()
        if name not in known and name in speakers
    ]


# How a described speaker that is a service of a state ends: "the Russian air force" is an
# organisation (as annotated), "the Syrian army" a group (as since rules-4)
_DESCRIBED_SERVICES: Final = (
    " air force",
    " navy",
    " coast guard",
    " border guard",
    " national guard",
)


def without_overlaps(entities: list[Entity], added: list[Entity]) -> list[Entity]:
    """`entities` minus mentions inside an `added` entity's ("Syrian" in "Syrian army"), then
    `added`: one mention per stretch of text, as the store keeps it."""
    spans = [(m.start, m.end) for e in added for m in e.mentions]
    out = []
    for entity in entities:
        kept = tuple(
            m for m in entity.mentions if not any(s < m.end and m.start < e for s, e in spans)
        )
        if kept:
            out.append(
                entity
                if len(kept) == len(entity.mentions)
                else Entity(entity.name, entity.type, kept)
            )
    return out + added
