"""Who a clause, description or pronoun names: the subjects, roles, text owners and antecedents that SpeakerFinder reads around a quote."""

from __future__ import annotations

import re
from operator import sub
from typing import Final

from newstui.model import Entity
from newstui.nlp.gazetteer import load_gazetteer
from newstui.nlp.quotes import QuoteSpan
from newstui.nlp.segment import (
    LiteralGuard,
    OpeningGuard,
    bisect_ints_left,
    bisect_ints_right,
    paragraph_spans,
    sentence_starts,
)
from newstui.nlp.sentence_closers import SentenceClosers
from newstui.nlp.speaker_cues import (
    _ACTING_ON_ROLES,
    _ADVERB,
    _AFFILIATION_ASIDE,
    _AND_TITLES,
    _ANY_TEXT_NOUN,
    _ANY_WORD,
    _APPOSITIVE_NOUN,
    _APPOSITIVE_OPENERS,
    _APPOSITIVE_UNTIL,
    _ARTICLES,
    _AUTHORED_BY,
    _AUX,
    _BODY_SPOKESPERSON,
    _BODY_VOICES,
    _CLAUSE_BREAK,
    _CLAUSE_SPLIT,
    _CONNECTIVE_OPENING,
    _COORDINATED,
    _COPULAS,
    _DASH_ASIDE_END,
    _DEMONYM_COUNTRIES,
    _DESCRIBED_AFTER_COMMA,
    _DESCRIBED_SPEAKERS,
    _DESCRIBED_SUBJECT,
    _DESCRIBED_TEXT_OWNER,
    _FOLLOWERS_AFTER,
    _GENDERED_NOUNS,
    _GENDERED_TITLES,
    _GENERIC_TEXTS,
    _GOVERNING_NOUNS,
    _INCLUDING_ASIDE,
    _INITIALS_STOP,
    _ISSUED_BY,
    _ISSUER_AFTER_TEXT,
    _ISSUER_BEFORE_TEXT,
    _IT_CLAUSE_OPENING,
    _LAST_THE,
    _LAST_THE_NEEDS,
    _LEADERS_RULE,
    _LEADING_ADVERBIAL,
    _LEADING_PHRASE,
    _LIST_GOES_ON,
    _LOCATIVE,
    _MEMBER_NOUNS,
    _NAME_PARTICLES,
    _NAMES_BREAK,
    _NOT_PLURAL_NOUNS,
    _OBJECT_PREPOSITIONS,
    _ON_BEHALF,
    _ON_BEHALF_NEEDS,
    _ON_SITE_OF,
    _OPENING_NOUN_PHRASE,
    _OTHER_HOLDER,
    _OWN_SUBJECT,
    _OWNED_SPEAKERS,
    _OWNED_WORDS,
    _OWNER_OF,
    _PARTICIPLE_ASIDE,
    _PARTICIPLE_GAP,
    _PASSED_BEFORE,
    _PASSIVE,
    _PASSIVE_IRREGULAR,
    _PERSON_NOUNS,
    _PERSON_OF_BODY,
    _PERSON_PLACED,
    _PHRASE_STOP,
    _POSSESSIVE_AFTER,
    _PREPOSITIONS,
    _PRONOUNS,
    _RELATIVE,
    _ROLE_APPOSITIVE,
    _RULE_INITIALS,
    _S_ENDS,
    _SAME_SUBJECT_GAP,
    _SITE_AFTER_OWNER,
    _SPEAKING_ORG_NOUNS,
    _SPEAKING_TYPES,
    _SPOKES_WORDS,
    _STOP,
    _SUBJECT_VERB,
    _TEXT_NOUNS,
    _TEXT_POSSESSORS,
    _TIME_PREFIX,
    _TITLE_STOP,
    _TITLE_WORDS,
    _TRAILING_APPOSITIVE,
    _TRAILING_AUX,
    _TRAILING_AUX_ENDS,
    _UNNAMED_OPENERS,
    _WHO_BEFORE_VERB,
    _WHO_BEFORE_VERB_NEEDS,
    _WORDS,
    _WRITTEN_NOUN,
    _WRITTEN_TEXTS,
    SPEECH_AFTER,
    VERB,
    _masked,
    _Mention,
    _new_mention,
    _outside,
    _qualifiers,
    _text_noun_of,
    _unpossessed,
    _whole_word,
    may_break_clause,
    mention_start,
    participle_at,
    search_last_commas,
    verb_search,
    word_after,
)

# A time phrase opening a clause with no comma after it: "On Thursday the", "Last week the"
_TIME_OPENING: Final = OpeningGuard(
    re.compile(
        r"\s*(?:(?:On|Late|Early|Earlier|Later|Last|This|By)\s+)?(?:(?:this|last|on)\s+)?"
        r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|weekend|month|year|"
        r"morning|afternoon|evening|night|today|yesterday|tonight)"
        r"(?:\s+(?:morning|afternoon|evening|night))?\s+(?=(?:the|The)\s)"
    )
)

# A sentence opened by "He" or "She" and a lower-case word (its verb, an adverb): not "She and
# Lee", "He or Moss"
_OPENING_PRONOUN: Final = {
    gender: re.compile(rf"\s*{word}\s+(?!and\b|or\b)[a-z]")
    for gender, word in (("m", "He"), ("f", "She"))
}
# Words that open a clause with a subject of its own: "He expects …, but Archer disagrees"
_OTHER_SUBJECT_CLAUSE: Final = re.compile(
    r";|\b(?:but|while|whereas|although|though|because|when|after|before|as|since|until|if)\b"
)
# ", and Senator Ann Lee replied": ", and", a name (with its title) and its verb open a clause
# of another subject just as "but" does
_AND_NAME_BEFORE: Final = re.compile(r",\s+and\s+(?:[A-Z][\w.'’-]*\s+)*$")
_VERB_AFTER_NAME: Final = re.compile(
    r"\s+(?:[a-z]+ly\s+)?(?:[a-z]+ed|said|says|spoke|told|gave|wrote|took|went|came|made|"
    r"began|rose|stood|left|hit|shot|won|lost|[a-z]+s)\b"
)

# "Lee (D-PA)", "Moss (37)": a short bracket right after a name, before its relative clause
_SHORT_BRACKET: Final = re.compile(r" \([^()\n]{0,16}\)")

# ", who a day before said", ", who on Monday said": a time phrase inside the relative clause
_WHO_WHEN_BEFORE_VERB: Final = re.compile(
    r",\s+who(?:\s+(?:a|an|the|on|in|at|last|this|earlier|before|ago|day|week|month|year|"
    r"days|weeks|months|years|yesterday|today|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|\d+))+\s+$"
)
_WHO_WHEN_BEFORE_VERB_NEEDS: Final = LiteralGuard(_WHO_WHEN_BEFORE_VERB)


# The longest stretch of the masked text read as one sentence. A hostile paragraph of thousands
# of quotations, each closed by its own stop, is one masked "sentence" (the mask hides the
# stops), and each fragment in it read the whole sentence before it: quadratic. Real sentences
# are shorter (the longest of the dev sets ~1,700 characters, of 5,117 open-pool texts two
# wiki tables of ~10,000 whose output the cut leaves as it was).
MAX_SENTENCE: Final = 4000


def bounded_sentences(starts: list[int], masked: str, spans: list[QuoteSpan]) -> list[int]:
    """`starts` with each sentence longer than MAX_SENTENCE characters cut into pieces of at
    most that length: after the last quotation closed in the second half of the piece and
    the blanks after it (where a quotation's own stop would end its sentence), else after the
    last space there (a quotation's masked inside has none), else at the limit."""
    if len(masked) <= MAX_SENTENCE:
        return starts
    ends = [*starts[1:], len(masked)]
    if max(map(sub, ends, starts)) <= MAX_SENTENCE:
        return starts  # every article we hold
    out: list[int] = []
    closes = sorted(s.close_mark for s in spans)
    for start, end in zip(starts, ends, strict=True):
        out.append(start)
        while end - start > MAX_SENTENCE:
            lo, hi = start + MAX_SENTENCE // 2, start + MAX_SENTENCE
            k = bisect_ints_left(closes, hi - 1) - 1  # the last close mark before hi - 1
            while k >= 0 and closes[k] >= lo and not masked[closes[k] + 1].isspace():
                k -= 1
            if k >= 0 and closes[k] >= lo:
                cut = closes[k] + 1
                while cut < hi and masked[cut].isspace():
                    cut += 1
            else:
                space = masked.rfind(" ", lo, hi)
                cut = space + 1 if space >= 0 else hi
            out.append(cut)
            start = cut
    return out


# Nouns of outlets after a nationality ("the British newspaper", "the Spanish daily"): the
# outlet named as the subject before
# The judges of a court, who speak for it ("the judges ruled"), and the words that name a court
_BENCH_WORDS: Final = frozenset(["judges", "justices"])
_COURT_NAMES: Final = frozenset(["Court", "Tribunal"])
# What a body that governs is called ("Iraqi Government", "Ministry of Defence"), and "the
# Iraqi government", which names the government of a country by its people
_GOVERNING_WORDS: Final = frozenset(
    ["Government", "Ministry", "Cabinet", "Administration", "Council"]
)
_PEOPLES_GOVERNMENT: Final = re.compile(r"\b([A-Z][a-z]+) [Gg]overnment\b")
_OUTLET_WORDS: Final = frozenset(
    "newspaper paper daily weekly tabloid broadsheet magazine broadcaster".split()
)


# A determiner that brings in another bearer of a noun: "Another tenant", "a second homeowner".
_ANOTHER_BEARER = re.compile(
    r"\b(?:[Aa]nother|[Oo]ther|[Aa] second|[Aa] third|[Aa] fellow|[Oo]ne other|[Aa] new)\s+$"
)
# A sentence that is only a quotation (its inside masked as x) and punctuation.
_QUOTE_ONLY = re.compile(r"[\sx“”\"‘’'.,;:!?…—–-]*")


def _speaking_mentions(text: str, entities: list[tuple[Entity, str, str]]) -> list[_Mention]:
    """The mentions of the entities (each with its name and type) that may speak, but a
    leader's name before "administration", "government" or "regime" (the rule speaks). Each
    entity's and mention's fields are read once: compiled, a field of these Python objects
    costs ~240 instructions."""
    found: list[_Mention] = []
    for e, _, kind in entities:
        if kind not in _SPEAKING_TYPES:
            continue
        person = kind == "PERSON"
        for m in e.mentions:
            end = m.end
            if (
                person
                and text[end + 1 : end + 2] in _RULE_INITIALS  # (no search else)
                and _LEADERS_RULE.match(text, end)
            ):
                continue
            found.append(_new_mention(m.start, end, e))
    return found


class _SubjectFinder:
    """The article state and the readings below the attribution: clause subjects, roles, descriptions, text owners, pronoun antecedents."""

    def __init__(
        self,
        text: str,
        spans: list[QuoteSpan],
        entities: list[Entity],
        short: set[QuoteSpan] | frozenset[QuoteSpan] = frozenset(),
    ) -> None:
        self.text = text
        self.spans = spans
        self.short = short
        self.open_marks = [s.open_mark for s in spans]
        # each entity with its name and type, read once (compiled, a field of these Python
        # objects costs ~100-240 instructions; the loops below read them again)
        named = [(e, e.name, e.type) for e in entities]
        self.types = {name: kind for _, name, kind in named}
        self.people: list[str] = []  # the names of its people, when it has a quotation
        if not spans:  # no quotation (many articles): nothing to attribute, nothing to prepare
            self.masked, self.sentences, self.paragraph_starts = text, [0], []
            self.mentions, self.mention_starts = [], []
        else:
            self.masked = _masked(text, spans)
            self.sentences = bounded_sentences(sentence_starts(self.masked), self.masked, spans)
            self.paragraph_starts = [s for s, _ in paragraph_spans(text)]
            self.mentions = _outside(
                sorted(_speaking_mentions(text, named), key=mention_start),  # by start
                spans,
            )
            self._particle_surnames(named)
            self.mention_starts = [m.start for m in self.mentions]
            self._namesakes_named_last()
        # Speakers named by a description ("the Syrian army"): name → offsets of its first use
        self.described: dict[str, tuple[int, int]] = {}
        self.first_names = load_gazetteer().first_names
        self._genders: dict[str, str | None] = {}  # `_article_gender` of each person asked
        self._it_asked: set[int] = set()  # the "it"s being resolved (see `_it_antecedent`)
        # by kind and gender, runs of sentences that carry a pronoun on (see `_subject_before`)
        self._chain_floors: dict[tuple[str, str | None], dict[int, int]] = {}
        self.sentences_read = 0  # by `_subject_before`, all walks together: linear in the text
        self.closers: SentenceClosers | None = None  # made when first asked (SpeakerFinder)
        # How `speakers()` found each: after, before, carried, context, nobody; short fragments
        self.how: list[str] = []

    def _particle_surnames(self, entities: list[tuple[Entity, str, str]]) -> None:
        """'“…,” said bin Laden.' after "Osama bin Laden": a surname opened by a lower-case
        particle ("bin", "de", "van" …), written alone or capitalised at a sentence's start, is
        a mention of the person of that full name (the entities leave it out)."""
        added: list[_Mention] = []
        for e, name, kind in entities:  # (each with its name and type)
            if kind != "PERSON" or " " not in name:
                continue
            words = name.split()
            at = next((i for i, w in enumerate(words[1:-1], 1) if w in _NAME_PARTICLES), 0)
            if not at:
                continue
            surname = " ".join(words[at:])
            for form in (surname, surname[0].upper() + surname[1:]):
                pos = self.masked.find(form)
                while pos >= 0:
                    end = pos + len(form)
                    if (
                        not self.masked[pos - 1 : pos].isalnum()
                        and not self.masked[end : end + 1].isalnum()
                        and not self._mentioned_at(pos, end)
                    ):
                        added.append(_new_mention(pos, end, e))
                    pos = self.masked.find(form, end)
        if added:
            self.mentions = sorted(self.mentions + added, key=mention_start)

    def _mentioned_at(self, start: int, end: int) -> bool:
        """Whether a mention of `self.mentions` overlaps text[start:end]."""
        k = bisect_ints_left([m.start for m in self.mentions], end)
        return any(m.end > start for m in self.mentions[max(0, k - 3) : k])

    def _namesakes_named_last(self) -> None:
        """'Aslan Kadirov … His son Ruslan Kadirov … Mr. Kadirov told': a surname alone, when two
        people of the article share it, stands for the one of them last named in full as the
        subject of a sentence (the entities give every such surname to the one named first)."""
        people = [n for n, kind in self.types.items() if kind == "PERSON"]
        self.people = people
        if len({n[n.rfind(" ") + 1 :] for n in people}) == len(people):
            return  # most articles: no two people share a surname
        by_surname: dict[str, list[str]] = {}
        for name in people:
            if " " in name:
                by_surname.setdefault(name[name.rfind(" ") + 1 :], []).append(name)
        sharing = {n: s for s, names in by_surname.items() if len(names) > 1 for n in names}
        named_last: dict[str, Entity] = {}  # surname → the person of it last named as a subject
        for i, m in enumerate(self.mentions):
            entity = m.entity
            surname = sharing.get(entity.name)
            if surname is None or entity.type != "PERSON":
                continue
            written = self.text[m.start : m.end]
            surface = _unpossessed(written)
            if " " in surface:
                # by the first name too ("Mr Kadirov" is no full name), and the sentence's
                # subject: not "the brother of its leader, Fidel Castro", "with his daughter",
                # nor an owner ("Hunter Biden's partner Tony Bobulinski claimed")
                if (
                    named_last.get(surname) is not entity
                    and surface == written
                    and not self.text.startswith(("'s", "’s", "' ", "’ "), m.end)
                    and surface.split(None, 1)[0] == entity.name.split(None, 1)[0]
                    and self._subject_of_sentence(m)
                ):
                    named_last[surname] = entity
            elif surface == surname and named_last.get(surname, entity) is not entity:
                self.mentions[i] = _new_mention(m.start, m.end, named_last[surname])

    def _subject_of_sentence(self, mention: _Mention) -> bool:
        """Whether the mention is its sentence's first person, with no preposition before it
        but in a leading adverbial ("In Baku, his son Ruslan Kadirov said")."""
        start, _ = self.sentence_bounds(mention.start)
        lead = self.masked[start : mention.start]
        opener = _LEADING_ADVERBIAL.match(lead)
        words = lead[opener.end() if opener else 0 :].lower().split()
        return not _PREPOSITIONS.intersection(words) and not any(
            m.entity.type == "PERSON" for m in self.mentions_in(start, mention.start)
        )

    def _in_quote(self, pos: int) -> bool:
        k = bisect_ints_right(self.open_marks, pos) - 1
        return k >= 0 and pos < self.spans[k].close_mark

    def mentions_in(self, start: int, end: int) -> list[_Mention]:
        """Mentions outside quotations that start in [start, end), in order."""
        lo = bisect_ints_left(self.mention_starts, start)
        hi = bisect_ints_left(self.mention_starts, end)
        return self.mentions[lo:hi]

    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        """Start and end of the sentence (of the masked text) that holds `pos`."""
        i = bisect_ints_right(self.sentences, pos) - 1
        end = self.sentences[i + 1] if i + 1 < len(self.sentences) else len(self.text)
        return self.sentences[i], end

    def _opens_clause(self, mention: _Mention, start: int) -> bool:
        """Whether the name is the first words of the clause from `start` (after "the" or a
        leading adverbial: "On Monday, the United States said"), not a possessive."""
        lead = self.masked[start : mention.start]
        opener = _LEADING_ADVERBIAL.match(lead)
        lead = lead[opener.end() if opener else 0 :].strip()
        return lead in ("", "the", "The") and not _POSSESSIVE_AFTER.match(self.masked, mention.end)

    def _opening_role(self, start: int, end: int) -> str | None:
        """The holder, named before, of a role that opens the clause in text[start:end] ("The
        spokesman declined …, but said", "The Attorney General attacked …, saying"); None when
        no role opens it or a preposition follows the role ("The spokesman for Acme")."""
        words = self.masked[start:end].split()
        if words[:1] != ["The"]:
            return None
        roles = load_gazetteer().role_words
        for i, w in enumerate(words[1:5], 1):
            # "The now-governor refused …, saying": the role, when held
            word = _unpossessed(w).lower()
            if (_TIME_PREFIX.sub("", word) if "-" in word else word) in roles:
                while i + 1 < len(words) and _unpossessed(words[i + 1]).lower() in roles:
                    i += 1  # "The Attorney General"
                if i + 1 < len(words) and words[i + 1].lower() in _PREPOSITIONS:
                    return None
                if words[i] != _unpossessed(words[i]) or any(
                    q.lower() in _OTHER_HOLDER or q.lower().startswith("ex-") for q in words[1:i]
                ):
                    return None  # "The coach's wife", "The former president": someone else
                return self._description(" ".join(words[: i + 1]), end)
        return None

    def _opening_body(self, start: int, pos: int) -> str | None:
        """'The company has refused to comment, only stating that': the body a clause opening
        with "The <company|ministry|…>" means (`_description`), else None; a time phrase may
        lead ("On Thursday the Turkish government released a statement saying")."""
        timed = _TIME_OPENING.match(self.masked, start, pos)
        words = self.masked[timed.end() if timed else start : pos].split()[:5]
        if len(words) > 3 and words[1] in _GOVERNING_NOUNS and words[2] == "of":
            # "The government of American Samoa issued a statement": that country
            named = 3
            while named < len(words) and words[named][:1].isupper():
                named += 1
            return self._description(" ".join(words[:named]), pos) if named > 3 else None
        named = 1
        while named < len(words) - 1 and words[named][:1].isupper():
            named += 1
        if named > 1 and words[named] in _GOVERNING_NOUNS:
            # "The British government", "The American Samoa government"
            return self._description(" ".join(words[: named + 1]), pos)
        words = words[:3]
        if len(words) < 2 or words[0] != ("the" if timed else "The"):
            return None
        if words[1] not in _SPEAKING_ORG_NOUNS:
            return None
        return self._description(" ".join(words[:2]), pos)

    def _relative_subject(self, start: int, verb_start: int) -> str | None:
        """The person or organisation right before ", who" when that relative clause's verb
        starts at `verb_start` ("…welcomed by Moss, who said"), or the person an appositive
        ending in an organisation or place describes, else None."""
        relative = (
            _WHO_BEFORE_VERB.search(self.masked, start, verb_start)
            if _WHO_BEFORE_VERB_NEEDS.may_match(self.masked, start, verb_start)
            else None
        ) or (
            _WHO_WHEN_BEFORE_VERB.search(self.masked, start, verb_start)
            if _WHO_WHEN_BEFORE_VERB_NEEDS.may_match(self.masked, start, verb_start)
            else None
        )
        if relative:
            before = self.mentions_in(start, relative.start())
            if (
                before
                # "Rep. John Murtha (D-PA), who said": a short bracket between
                and (
                    before[-1].end == relative.start()
                    or _SHORT_BRACKET.fullmatch(self.masked, before[-1].end, relative.start())
                )
                and before[-1].entity.type in ("PERSON", "ORG", "PLACE")
            ):
                if before[-1].entity.type != "PERSON":
                    # "O'Reilly, an expert at Acme University, who said", "Patey, its
                    # ambassador to Baghdad, who said": the person the appositive describes,
                    # not the body or place that ends it
                    for m in reversed(before[:-1]):
                        if m.entity.type == "PERSON" and (
                            _APPOSITIVE_UNTIL.fullmatch(self.masked, m.end, before[-1].start)
                            # "Tim Reid of Creative Strategies, who said": Reid, placed
                            or _PERSON_OF_BODY.fullmatch(self.masked, m.end, before[-1].start)
                        ):
                            return m.entity.name
                if before[-1].entity.type == "PLACE":
                    return None  # a place is no "who"
                return before[-1].entity.name
        return None

    def _nameless_relative(self, start: int, verb_start: int) -> bool:
        """Whether the verb at `verb_start` opens a relative clause of a nameless antecedent
        ("heckled by campaigners in Sydney, who accused her of", "former minister Ann Lee with
        health experts, who said"): those words are nobody's named."""
        relative = (
            _WHO_BEFORE_VERB.search(self.masked, start, verb_start)
            if _WHO_BEFORE_VERB_NEEDS.may_match(self.masked, start, verb_start)
            else None
        )
        if relative is None:
            return False
        end = relative.start()
        words = self.masked[max(start, end - 40) : end].split()
        word = words[-1] if words else ""
        if not (word.isalpha() and word.islower() and word not in _PRONOUNS):
            return False
        before = self.mentions_in(start, end)[-1:]
        # "said Melody Roth of the city's office, who added": the person those words place
        return not (
            before
            and before[0].entity.type == "PERSON"
            and _PERSON_PLACED.match(self.masked, before[0].end, end) is not None
        )

    def _statement_before(self, sent_start: int) -> str | None:
        """The author of the written text ("statement", "letter"…) the sentence before
        `sent_start` names, else the organisation "it" refers to."""
        i = bisect_ints_right(self.sentences, sent_start - 1) - 1
        if i >= 0:
            nouns = list(_WRITTEN_NOUN.finditer(self.masked, self.sentences[i], sent_start))
            if nouns:
                author = self._author_of(nouns[-1].group(1), sent_start)
                if author:
                    return author
        return self._resolve_pronoun("it", sent_start)

    def _first_named(self, start: int, end: int, pos: int) -> str | None:
        """The subject of a clause that has no attribution verb: its leading pronoun, else its
        first person or organisation that is not the object of a preposition."""
        clause = self.masked[start:end]
        opener = _LEADING_ADVERBIAL.match(clause)
        skip = opener.end() if opener else 0
        if skip and self._opens_with_subject(start, start + skip):
            skip = 0  # "Earlier the IDF made phone calls, using …": the subject, no adverbial
        words = clause[skip:].split()
        if words and words[0].lower() in ("he", "she"):
            return self._resolve_pronoun(words[0].lower(), start + skip)
        named = self.mentions_in(start + skip, end)
        for k, m in enumerate(named):
            if m.entity.type not in ("PERSON", "ORG"):
                continue
            before = self.masked[max(start, m.start - 12) : m.start].split()
            if before and before[-1].lower() in _PREPOSITIONS - {"by", "from"}:
                continue
            holder = named[k + 1] if k + 1 < len(named) else None
            if holder and holder.entity.type == "PERSON" and self._modifies_role(m, holder):
                return holder.entity.name  # "by AU spokesperson Noureddine Mezni": Mezni
            return m.entity.name
        for m in self.mentions_in(start, start + skip):
            # "The new governor, Pavel Orlov, in his speech, offered:": a person set off by
            # commas in the opening phrases is the subject they describe, when it opens the
            # clause or follows the noun phrase that opens it ("Asked about his deputy, Ivan
            # Petrov, …, the governor offered:" is the governor's)
            if (
                m.entity.type == "PERSON"
                and self.masked[m.end : m.end + 1] == ","
                and (
                    not self.masked[start : m.start].strip()
                    or _OPENING_NOUN_PHRASE.match(self.masked[start : m.start])
                    or self._bare_role_phrase(self.masked[start : m.start])
                )
            ):
                return m.entity.name
        return None

    def _bare_role_phrase(self, phrase: str) -> bool:
        """'Spokesman for the government, ': an opening phrase up to its comma that is a role
        with no article ("Spokesman", "Foreign Minister of Ghana"), so the name set off by commas
        after it is the one who holds it and the clause's subject."""
        if not phrase.endswith(", ") or phrase.count(",") != 1:
            return False
        words = phrase[:-2].split()
        if not words or len(words) > 6 or not words[0][:1].isupper():
            return False
        roles = load_gazetteer().role_words
        # the role's word is the last before "for"/"of" or the phrase's end, capitalised
        head = next((k for k, w in enumerate(words) if w in ("for", "of", "to")), len(words))
        if head == 0 or not all(w[:1].isupper() for w in words[:head]):
            return False
        return words[head - 1].lower() in roles

    def _opens_with_subject(self, start: int, end: int) -> bool:
        """Whether text[start:end], read as an opening phrase up to its comma, starts with a
        person or organisation within its first three words and no preposition before it (a
        clause's subject, "Earlier the IDF made calls,"; not "Speaking at the UN,")."""
        for m in self.mentions_in(start, end):
            if m.entity.type not in ("PERSON", "ORG"):
                continue
            lead = self.masked[start : m.start].lower().split()
            return len(lead) <= 2 and not _PREPOSITIONS.intersection(lead)
        return False

    def _speaker_in(self, start: int, end: int, pos: int, allow_pronoun: bool = True) -> str:
        """The speaker named in text[start:end] (a person, else an organisation or place); "" if unnamed."""
        return self._named_in(start, end, pos, allow_pronoun) or ""

    def _named_in(self, start: int, end: int, pos: int, allow_pronoun: bool) -> str | None:
        words = self.masked[start:end].split()
        while words and (words[-1].lower() in _AUX or _ADVERB.fullmatch(words[-1])):
            words.pop()  # "he has said", "she once said", "Moss quickly denied"
        if words and (words[0] == "They" or (allow_pronoun and words[-1] == "they")):
            they = self._they_antecedent(start, end)
            if they is not None:  # "Acme criticised it. They released a statement which said"
                return they
        if allow_pronoun and words and words[-1].lower() in _PRONOUNS:
            # "He argued that if Moss wins, “…”": resolved from where the pronoun stands
            at = self.masked.rfind(words[-1], start, end)
            return self._resolve_pronoun(words[-1].lower(), at if at >= 0 else pos)
        if not allow_pronoun and words and words[0].lower() in _PRONOUNS:
            return self._resolve_pronoun(words[0].lower(), pos)
        inside = [m for m in self.mentions_in(start, end) if m.end <= end]
        lead = _LEADING_PHRASE.match(self.masked, start, end) if allow_pronoun else None
        if lead and any(m.start >= lead.end() for m in inside):
            # "Despite the claim by Press TV, a spokesperson for the IDF states": names in a
            # leading prepositional phrase are not the subject that follows it
            inside = [m for m in inside if m.start >= lead.end()]
        if allow_pronoun and len(inside) > 1:
            chain = self._appositive_chain_subject(inside, start, end)
            if chain is not None:
                return chain.entity.name
        if allow_pronoun and len(inside) > 1 and self._next_to_verb(inside[-2], inside[-1], end):
            # "Mayor Ann Lee condemned it and the Red Cross said", "Brushing off Reid, who
            # called it …, Moss stressed": the name right before the verb, opening a clause of
            # its own, is its subject, whatever its kind and the names before it
            return inside[-1].entity.name
        if _UNNAMED_OPENERS.match(self.masked[start:end]):
            # "an unnamed U.S. official", "one aid official in Port Sudan": a speaker left
            # unnamed; a place, or a name after "from"/"in", only says where that one is
            inside = [
                m
                for m in inside
                if m.entity.type != "PLACE" and not self._located(m) and not self._member_of(m)
            ]
        if allow_pronoun:
            inside = self._subject_candidates(inside, start, end)
        for kind in ("PERSON", "ORG"):
            found = [m for m in inside if m.entity.type == kind and not self._the_thing(m)]
            if found and allow_pronoun:
                # "Leader Ann Reid and Speaker Jo Lee responded": the first of the pair speaks
                while len(found) > 1 and _AND_TITLES.fullmatch(
                    self.masked, found[-2].end, found[-1].start
                ):
                    found.pop()
                if kind == "ORG":
                    # "A spokeswoman for Acme, Ann Lee, said …. “…,” the Acme spokeswoman
                    # said": the body's role held by the person named in it before
                    holder = self._body_role_holder(found[-1], words, start)
                    if holder:
                        return holder
                return found[-1].entity.name
            if kind == "PERSON":  # "Moss's lawyer did respond, saying": not Moss
                found = [m for m in found if not self._owner_of_role(m)]
            if found:
                if len(found) > 1 and self._modifies_role(found[0], found[1]):
                    return found[1].entity.name  # "said Acme lawyer Ann Reid": Reid
                return found[0].entity.name
        places = [m for m in inside if m.entity.type == "PLACE"]
        if not allow_pronoun:  # "The man focused on Australia, saying": not Australia
            places = [m for m in places if not self._object_within(m, start)]
        if (
            places
            and (
                not allow_pronoun
                or self._is_subject(places[-1], end)
                # "The spokesperson for Birmingham Airport added": the place the role speaks for
                or (
                    self._role_of(places[-1])
                    and self._after_preposition(places[-1])
                    # "the British ambassador in Iraq said": where the role is held, not for whom
                    and self.masked[: places[-1].start].split()[-1:] not in (["in"], ["near"])
                )
            )
        ):
            return places[-1].entity.name if allow_pronoun else places[0].entity.name
        if allow_pronoun and not inside and len(words) <= 6 and words[:1] in (["He"], ["She"]):
            # "She went on to say, “…”", "He then told reporters": the clause's own subject
            return self._resolve_pronoun(words[0].lower(), start)
        # 'the company noted that … PET …, “…”': the body meant comes before its description
        return self._description(self.masked[start:end], min(pos, end), start)

    def _appositive_chain_subject(
        self, inside: list[_Mention], start: int, end: int
    ) -> _Mention | None:
        """'Raul Castro, the brother of Cuba's leader, Fidel Castro and its defence minister, has
        asked', 'Ann Reid, Chairman, Acme Appeals Body, said': the person opening the clause
        speaks when an appositive (after an article, possessive or role word) runs from its
        comma to a comma right before the verb; names inside it are whom it describes."""
        first = inside[0]
        if first.entity.type != "PERSON" or self.masked[first.end : first.end + 2] != ", ":
            return None
        lead = self.masked[start : first.start]
        opener = _LEADING_ADVERBIAL.match(lead)
        titles = load_gazetteer().titles
        if any(  # "Lord Mandelson, Secretary of State for …, said": a title may stand before
            w not in titles and w.rstrip(".") not in _TITLE_WORDS
            for w in lead[opener.end() if opener else 0 :].split()
        ):
            return None  # "Asked about Reid, …": not the clause's opening name
        words = self.masked[first.end + 2 : end].split()
        while words and (words[-1].lower() in _AUX or _ADVERB.fullmatch(words[-1])):
            words.pop()  # "…, has asked", "…, also said"
        if words and not words[-1].endswith(",") and self._appositive_ends_in_name(inside, end):
            # "Ann Reid, a teacher in Tyler, Texas told", "Ann Reid, representing the Acme
            # Party stated": the appositive's closing comma left out before the verb
            return first
        if len(words) < 2 or not words[-1].endswith(",") or words[-1] == ",":
            return None
        opening = words[0].lower()
        if opening not in _APPOSITIVE_OPENERS and opening.rstrip(",") not in (
            load_gazetteer().role_words
        ):
            return None
        return first

    def _appositive_ends_in_name(self, inside: list[_Mention], end: int) -> bool:
        """Whether the appositive after the clause's first name (a person's) ends in a place or
        an organisation right before the verb at `end`: it opens with an article, a possessive,
        a role word or "representing", joins nothing with "and", and any comma inside it stands
        between two names ("in Tyler, Texas")."""
        first, last = inside[0], inside[-1]
        if last is first or last.entity.type not in ("PLACE", "ORG"):
            return False
        rest = self.masked[last.end : end].split()
        if any(w.lower() not in _AUX and not _ADVERB.fullmatch(w) for w in rest):
            return False
        between = self.masked[first.end + 2 : last.start]
        opening = between.split()[:1]
        if not opening or (
            opening[0].lower() not in _APPOSITIVE_OPENERS
            and opening[0] != "representing"
            and opening[0] not in load_gazetteer().role_words
        ):
            return False
        if " and " in between or ";" in between or "(" in between:
            return False
        starts = {m.start for m in inside}
        ends = {m.end for m in inside}
        base = first.end + 2
        return all(
            base + i in ends and base + i + 2 in starts for i, c in enumerate(between) if c == ","
        )

    def _modifies_role(self, name: _Mention, holder: _Mention) -> bool:
        """'Trump lawyer Rudy Giuliani', 'Liberal strategist Scott Reid': whether only
        lower-case words ending with a role word stand between the two names (the first then
        names whom the second works for, not who speaks)."""
        words = self.masked[name.end : holder.start].split()
        return (
            0 < len(words) <= 3
            and all(w.islower() and w.isalpha() for w in words)
            and words[-1] in load_gazetteer().role_words
        )

    def _subject_candidates(self, inside: list[_Mention], start: int, end: int) -> list[_Mention]:
        """Mentions before a verb that can be its subject: in the verb's own clause, not the object
        of a preposition ("lawyer for Moss"), not inside an appositive ("Reid, a friend of Moss,
        said"), not a possessive modifier ("Moss's lawyer") when another name is there."""
        clause = self.masked[start:end]
        # each search only when the clause holds what any match must (a literal word, a comma)
        including = _INCLUDING_ASIDE.search(clause) if "including" in clause else None
        if including:  # "Fifty officials, including Moss and Reid, signed": examples, no subject
            inside = [
                m for m in inside if not including.start() <= m.start - start < including.end()
            ]
        trailing = search_last_commas(_TRAILING_APPOSITIVE, clause)
        aside = trailing  # ", who paid for Reid, said": an aside
        if aside and not aside.group().rstrip().endswith(","):
            aside = None  # ", which Moss has called": the relative clause's own verb
        breaks = (
            [
                b
                for b in _CLAUSE_BREAK.finditer(clause)
                if not (aside and b.start() >= aside.start())
            ]
            if may_break_clause(clause)
            else []
        )
        who = next((b for b in reversed(breaks) if b.group().strip() == "who"), None)
        if who is not None and (who is breaks[-1] or "," not in clause[who.end() :]):
            # "Cate Reid, who is the chief of the Acme Commission also supports it, saying":
            # the person the relative clause describes, not a name inside it (nor after a
            # break inside it: "Ann Moss, 37, who was freed after a year at Acme Prison told")
            at = start + who.start()
            person = [m for m in inside if m.end <= at][-1:]
            between = self.masked[person[0].end : at].strip() if person else ""
            if (
                person
                and person[0].entity.type == "PERSON"
                # "Ann Moss, 37, who …": her age between
                and (between in (",", "") or between.strip(" ,").isdigit())
            ):
                return person
            # "Writer Marc Jacobson, of the New York magazine, who co-appeared with Sheen said":
            # the person an affiliation aside follows
            person = [m for m in inside if m.end <= at and m.entity.type == "PERSON"][-1:]
            if person and _AFFILIATION_ASIDE.fullmatch(self.masked, person[0].end, at):
                return person
        if breaks:  # "X welcomed it but said": with no name after the break, X is still the subject
            cut = start + breaks[-1].end()
            after_break = [m for m in inside if m.start >= cut]
            if after_break or not _OWN_SUBJECT.search(self.masked, cut, end):
                inside = after_break or inside
            else:  # "X wrote that …, but … and officials said": the last clause's own subject
                inside = []
        # "with Moss calling it …": after "with", a name is the subject of the participle
        participle = participle_at(self.masked, end)
        kept: list[_Mention] = []  # here: the objects of prepositions, "by A and B" both
        for m in inside:
            before = self.masked[max(start, m.start - 20) : m.start].split()
            if len(before) > 1 and (
                before[-1].rstrip(".") in _TITLE_WORDS or before[-1] in load_gazetteer().titles
            ):
                # "at St. Ann's said", "for Dr. Moss", "ascribed to President Dorne": the
                # title's preposition
                before.pop()
            if not before:
                continue
            word = before[-1].lower()
            if word in _ARTICLES and len(before) > 1:
                word = before[-2].lower()  # "to play for the Acme Federation, saying": its object
            if word == "by" and len(before) > 1 and before[-2].lower() in _AUTHORED_BY:
                continue  # "The letter, signed by Moss, said": Moss wrote it
            if (word in _PREPOSITIONS and not (participle and word == "with")) or (
                word == "and" and kept and m.start - kept[-1].end <= 6
            ):
                kept.append(m)
        # "analysts at Barclays said": people named by their role speak for the body after it
        kept = [m for m in inside if m not in kept] or [m for m in kept if self._role_of(m)]
        appositive = trailing  # the search above, on the same clause
        by_role = appositive is None and (appositive := self._role_appositive(clause)) is not None
        if appositive and _COORDINATED.match(appositive.group()):
            appositive = None  # "…, something Reid saw, and Moss had said": a clause of its own
        if (
            appositive
            and not by_role  # ", Dean of Acme Law School": its names are objects of "of"
            and not appositive.group().rstrip().endswith(",")
            and appositive.group()[1:].split()[0].lower() not in ("the", "a", "an")
            and any(
                m.start >= start + appositive.start() and m.entity.type == "PERSON" for m in kept
            )
        ):  # "In a post to Reid, council leader Moss writes": the subject after an adverbial
            appositive = None
        if appositive and any(
            m.start < start + appositive.start() and m.entity.type in ("PERSON", "ORG")
            for m in kept
        ):
            kept = [m for m in kept if m.start < start + appositive.start()]
        dash = (
            _DASH_ASIDE_END.search(clause)
            if " - " in clause or " – " in clause or " — " in clause
            else None
        )
        if dash and any(
            m.start < start + dash.start() and m.entity.type in ("PERSON", "ORG") for m in kept
        ):  # "Haim Ramon - a close confidant of Ehud Olmert - said": the one before the aside
            kept = [m for m in kept if m.start < start + dash.start()]
        for m in kept:
            aside = (
                _AFFILIATION_ASIDE.match(self.masked, m.end, end)
                if m.entity.type == "PERSON"
                else None
            )
            if aside:  # "Nancy Pollina, of Don Apparel at 1119 Elmwood, who …, said": no
                # name inside the aside after a person speaks
                kept = [k for k in kept if not m.end <= k.start < aside.end()]
                break
        plain = [m for m in kept if not _POSSESSIVE_AFTER.match(self.masked, m.end)]
        if not plain:  # "Acme's attorney Stoltz said": the attorney speaks, not Acme
            kept = [m for m in kept if not self._owner_of_role(m)]
        return [
            m
            for m in (plain or kept)
            if not self._object_relative(m) and not _FOLLOWERS_AFTER.match(self.masked, m.end)
        ]

    def _role_appositive(self, clause: str) -> re.Match[str] | None:
        """', Dean of UC Berkeley School of Law' before the verb: an appositive opening with a
        capitalised role word ("Erwin Chemerinsky, Dean of … called it"), else None."""
        found = search_last_commas(_ROLE_APPOSITIVE, clause)
        if found and found.group(1).lower() in load_gazetteer().role_words:
            return found
        return None

    def _owner_of_role(self, m: _Mention) -> bool:
        """Whether a possessive name is followed by a role word ("Acme's lawyer")."""
        after = _POSSESSIVE_AFTER.match(self.masked, m.end)
        if after is None:
            return False
        word = word_after(self.masked, after.end() - 1)
        if word is None:
            # "Jangeli's Sudanese counterpart, Deng Alor": a nationality before the role
            at = after.end()
            cut = self.masked.find(" ", at, at + 30)
            if cut < 0 or self.types.get(self.masked[at:cut]) != "GROUP":
                return False
            word = word_after(self.masked, cut)
            return word is not None and word in load_gazetteer().role_words
        if word in load_gazetteer().role_words:
            return True
        # "Day's animal foundation said", "Moss's family": they speak, not the one named;
        # "Moss's campaign manager", "Moss's chief of staff": a role a word or two on
        owned = _OWNED_WORDS.match(self.masked, after.end() - 1)
        if owned is None:
            return False
        roles = load_gazetteer().role_words
        return any(w in _OWNED_SPEAKERS or w in roles for w in owned.groups() if w)

    def _owns_object(self, m: _Mention) -> bool:
        """Whether a possessive name owns a thing, not a role ("Plame's identity", not "Acme's
        lawyer" nor "Kerr's old friend"): after a verb it names the verb's object."""
        after = _POSSESSIVE_AFTER.match(self.masked, m.end)
        if after is None:
            return False
        words = self.masked[after.end() : after.end() + 40].split()[:3]
        if not words or not words[0][:1].islower():
            return False  # "said Acme's Jane Moss"
        roles = load_gazetteer().role_words
        for word in words:
            noun = word.rstrip(",.;:")
            if noun in roles or noun[:-1] in roles or noun in _WRITTEN_TEXTS:
                return False  # "said Acme's statement": the text's author
            if noun != word or not noun.isalpha() or not noun.islower():
                break
        return True

    def _role_of(self, m: _Mention) -> bool:
        """'analysts at Barclays', 'a spokesman for Acme': a role word before the preposition."""
        before = self.masked[max(0, m.start - 40) : m.start].split()
        if before and before[-1].lower() in _ARTICLES:
            before.pop()  # "a spokesperson for the Department"
        if len(before) < 2:
            return False
        role = before[-2].lower().rstrip(",")  # "One analyst, from Acme, said": the firm
        if role in _WRITTEN_TEXTS and before[-1].lower() in ("by", "from"):
            return True  # '“…” a statement by the Revenue Office said': its author
        roles = load_gazetteer().role_words
        return role in roles or (role.endswith("s") and role[:-1] in roles)

    def _object_relative(self, m: _Mention) -> bool:
        """'the protesters Wikinews interviewed said': a name between a plural noun and a verb
        of its own is the subject of a relative clause, not of the attribution verb."""
        before = self.masked[max(0, m.start - 20) : m.start].split()
        verb = word_after(self.masked, m.end)
        if not before or verb is None:
            return False
        return (
            before[-1].islower()
            and before[-1].endswith("s")
            and before[-1] not in _NOT_PLURAL_NOUNS  # "But, as Moss pointed out:"
            and verb.endswith("ed")
            # "pointed out", not "pointed" (the word opens where it is first found after m.end:
            # only blanks come before it)
            and not VERB.match(self.masked, self.masked.find(verb, m.end))
        )

    def _next_to_verb(self, previous: _Mention, mention: _Mention, verb_start: int) -> bool:
        """Whether `mention` is the subject right before the verb at `verb_start` (past
        auxiliaries and adverbs), opening a clause after the `previous` name's ("Lee condemned
        it and the Red Cross said", "After meeting Lee, Acme said"), not the second of a pair
        ("Ann Reid and Jo Lee said"), a possessor ("Acme's lawyer said") or a name in a
        phrase describing the one before ("Ann Lee of the Red Cross said")."""
        between = self.masked[previous.end : mention.start]
        if between == ", " and self._town_and_region(previous, mention):
            return False  # "a teacher in Kingston, Ontario told": one place, no new clause
        breaks = [*_NAMES_BREAK.finditer(between)]
        return (
            bool(breaks)
            and not _PREPOSITIONS.intersection(between[breaks[-1].end() :].lower().split())
            and self._is_subject(mention, verb_start)
            and not self._the_thing(mention)
            and not _POSSESSIVE_AFTER.match(self.masked, mention.end)
            and not _AND_TITLES.fullmatch(self.masked, previous.end, mention.start)
        )

    def _town_and_region(self, town: _Mention, region: _Mention) -> bool:
        """Whether two places joined by a comma after a preposition of place name one place
        ("in Kingston, Ontario", "from Tyler, Texas"), not a clause of the second's."""
        before = self.masked[max(0, town.start - 30) : town.start].split()
        while len(before) > 1 and before[-1][:1].isupper():
            before.pop()  # "in Port Elizabeth, …": the town's own first words
        return (
            town.entity.type == "PLACE"
            and region.entity.type == "PLACE"
            and bool(before)
            and before[-1].lower() in _LOCATIVE
        )

    def _is_subject(self, mention: _Mention, verb_start: int) -> bool:
        """A place speaks only as the subject right before the verb ("Qatar said", "Qatar has
        also said"), not "in Murcia, said"."""
        between = self.masked[mention.end : verb_start].split()
        if any(w not in _AUX and not _ADVERB.fullmatch(w) for w in between):
            return False
        before = self.masked[max(0, mention.start - 12) : mention.start].split()
        return not before or before[-1].lower() not in (
            "in",
            "at",
            "from",
            "of",
            "to",
            "near",
            "across",
            "for",
        )

    def _owned_body(self, words: list[str]) -> str | None:
        """'Day's animal foundation' → the one organisation of the article whose name holds the
        possessor's word and ends with the noun ("Doris Day Animal Foundation"), else None."""
        owner, noun = words[0][:-2], words[-1].capitalize()
        if not owner[:1].isupper() or not all(w.isalpha() and w.islower() for w in words[1:]):
            return None
        bodies = [
            n
            for n, kind in self.types.items()
            if kind == "ORG" and n.endswith(" " + noun) and owner in n.split()
        ]
        return bodies[0] if len(bodies) == 1 else None

    def _description(self, phrase: str, pos: int, phrase_start: int = -1) -> str | None:
        """'the Syrian army' → 'Syrian army'; 'the agency' → the organisation meant; 'a relative' → None."""
        if phrase.rstrip().endswith(_TRAILING_AUX_ENDS):  # (no search where it cannot match)
            phrase = _TRAILING_AUX.sub("", phrase)  # "The commission has argued": "The commission"
        # "Moreover the report states", "However the company said": a connective, no comma
        # (anchored at the phrase's start: `sub` removes the one match there, if any)
        connective = _CONNECTIVE_OPENING.match(phrase)
        if connective:
            phrase = phrase[connective.end() :]
        timed = _TIME_OPENING.match(phrase)
        if timed:  # "On Thursday the Turkish government said": the subject after the time
            phrase = phrase[timed.end() :]
        on_behalf = _ON_BEHALF.search(phrase) if _ON_BEHALF_NEEDS.may_match(phrase) else None
        if on_behalf:  # "a spokesperson for the union said": the union speaks
            phrase = "the " + on_behalf.group(1)
        clause = [
            c for c in _CLAUSE_SPLIT.split(phrase.strip()) if c.strip() and not _RELATIVE.match(c)
        ]  # "The 21-year-old Spaniard, who grew up in Murcia, said": the description
        while len(clause) > 1 and _PARTICIPLE_ASIDE.match(clause[-1]):
            clause.pop()  # "The vice president, anticipating a debate, said": the description
        last = clause[-1] if clause else ""
        spokes = _BODY_SPOKESPERSON.match(last)
        if spokes and spokes.group(1).lower() in _SPEAKING_ORG_NOUNS:  # "A company spokesman said"
            return self._body_nearby(pos)
        trailing = _LAST_THE.search(last) if _LAST_THE_NEEDS.may_match(last) else None
        role_only = False
        if (  # 'Calling it a “…” the archbishop said': a role named at the clause's end
            trailing
            and trailing.start() > 0
            and trailing.group().split()[-1] in load_gazetteer().role_words
        ):
            last, role_only = trailing.group(), True
        elif (  # 'To avoid “…” the report recommends that': the written text right before
            trailing
            and trailing.start() > 0
            and len(trailing.group().split()) <= 3
            and trailing.group().split()[-1] in _WRITTEN_TEXTS
            # "said this of the report:": the object of a preposition is nobody's subject
            and not _PREPOSITIONS.intersection(last[: trailing.start()].lower().split()[-1:])
        ):
            last = trailing.group()
        words = last.split()
        if [w.lower() for w in words] == ["police"]:  # "In a statement, police said": Acme Police
            for m in reversed(self.mentions_in(max(0, pos - 3000), pos)):
                if m.entity.type == "ORG" and "police" in m.entity.name.lower().split():
                    return m.entity.name
            return None
        if len(words) in (2, 3) and words[0].lower() in _TEXT_POSSESSORS:
            # "His statement said", "Its report found": the owner the pronoun stands for
            return self._text_possessor(words, phrase_start if phrase_start >= 0 else pos)
        if (
            len(words) == 2
            and words[1] in _BODY_VOICES
            and words[0][:1].isupper()
            and words[0].lower() not in _ARTICLES
        ):
            # "Amnesty officials asked": the one organisation of the article of that first word
            bodies = [
                n
                for n, kind in self.types.items()
                if kind == "ORG" and n.startswith(words[0] + " ")
            ]
            return bodies[0] if len(bodies) == 1 else None
        if 1 < len(words) <= 4 and words[-1] in _OWNED_SPEAKERS and words[0][-2:] in _S_ENDS:
            # "Day's animal foundation said": the body of the article named for her so
            return self._owned_body(words)
        if len(words) < 2 or words[0].lower() != "the" or len(words) > 5:
            return None
        rest = [w.strip(".,") for w in words[1:]]
        of = rest.index("of") if "of" in rest else -1
        if (
            of > 0
            and of + 1 < len(rest)
            and rest[of - 1].lower() in _GOVERNING_NOUNS
            and all(w[:1].isupper() for w in rest[of + 1 :])
        ):
            # "the government of Georgia said", "The foreign ministry of Ghana", "the
            # government of American Samoa": that country
            return self._country_named(rest[of + 1 :])
        rest[-1] = _TIME_PREFIX.sub("", rest[-1])  # "the now-governor", "the then-minister"
        gaz = load_gazetteer()
        head = rest[-1].lower()
        if head == "presidency":  # "“…,” the presidency said in a statement": the president's
            head = rest[-1] = "president"
        sentence_start = self.sentences[bisect_ints_right(self.sentences, pos) - 1]
        if head in gaz.role_words:  # "the prosecutor added": the person named in that role
            holder = self._described_holder(rest, sentence_start)
            if not holder and head in _SPOKES_WORDS and len(rest) == 1:
                # "An Interpol spokesperson said …. The spokesperson added": the body
                return self._spokes_body(head, sentence_start)
            if not holder and len(rest) == 1 and head not in _SPOKES_WORDS:
                # 'in what the judge called “…”. … US District Judge Diane Humetewa told': a
                # role no one held before, named with its holder in the sentences after
                holder = self._role_holder_after(head, pos)
            if holder or role_only:  # only its named holder
                return holder
            qualified = bool(_qualifiers(rest))
            if qualified and (len(rest) > 2 or self._role_holder(head, sentence_start)):
                # "the local health minister said" after "Civil Aviation Minister Puri": another
                # minister; a qualified role with no holder of either named goes on below, to
                # one credited as a speaker just before ("“…,” said Harper. … the prime
                # minister added")
                return None
            # no one named in that role: the person who opens or speaks the sentence before
            # ("Brell, who scored twice, …. ‘…,’ the winger said"), never one it acts on ("The
            # court jailed Hale. … the judge said": nobody)
            leading = self._leading_person_before(sentence_start, head)
            if (
                qualified
                and leading
                and not (
                    self._credited_before(leading, sentence_start)
                    and self._named_in_sentence_before(leading, sentence_start)
                )
            ):
                # "The GDP has fallen. “…,” said the chief economist at …"; "“…,” said Smith.
                # But the government was unmoved. “…,” the finance minister said": the one
                # who answers him (review r33 F13)
                return None
            if leading and self._role_met_by(leading, head, sentence_start):
                return None  # "Byers advised the colonel, “…” …. “…” the colonel said": the
                # one the leading person spoke to, named by that role, is someone else
            return leading
        if (
            head in _OUTLET_WORDS
            and 1 < len(rest) < 4
            and all(gaz.known.get(w) in ("GROUP", "PLACE") for w in rest[:-1])
        ):
            # "Britain's The Guardian lambasts …. The British newspaper described": the outlet
            # that is the subject of the sentences before, when one is
            return self._subject_before(sentence_start, "ORG", None)
        if (
            any(w[:1].isupper() for w in rest)
            and rest[-1].islower()
            # "The British newspaper described …", "The Portuguese request, pointed out …": a
            # thing that cannot speak, or one named elsewhere, is no group of speakers
            and (head in _DESCRIBED_SPEAKERS or head.endswith("s"))
        ):
            if head == "government" and all(w[:1].isupper() for w in rest[:-1]):
                country = self._country_named(rest[:-1])
                if country:  # "the Swiss government said": Switzerland, as annotated
                    return country
                people = " ".join(rest[:-1])
                if self.types.get(people) == "GROUP":
                    return people  # no country named: "the German government" is the Germans'
            name = " ".join(rest)  # "the Syrian army": a group speaks; it becomes an entity
            at = self.masked.rfind(name, 0, pos)
            if at < 0:
                at = self.masked.find(name, pos, pos + 300)  # '“…,” the Valdorian army said'
            if at >= 0:
                self.described[name] = (at, at + len(name))
            return name
        if gaz.known.get(rest[-1]) == "GROUP" or rest[0].endswith("-year-old"):
            if len(rest) == 1 and rest[0].endswith("s") and rest[0][:1].isupper():
                # "The Liberals have defended it": the group speaks, not a person before
                return rest[0] if self.types.get(rest[0]) == "GROUP" else None
            return self._subject_before(sentence_start, "PERSON", None)
        text_noun = _text_noun_of(head)
        if text_noun and len(rest) <= 2 and (head in _WRITTEN_TEXTS or not rest[0][:1].isupper()):
            # '“…,” the statement added', "the 35-page document says", "the website said": the
            # author a sentence before gave that text (any text, for a generic "document")
            head = text_noun
            author = None
            if len(rest) == 2:
                start = phrase_start if phrase_start >= 0 else pos
                author = self._text_modifier(rest[0], start, start + len(phrase))
            return author or self._author_of(
                head, min(pos, phrase_start) if phrase_start >= 0 else pos
            )
        if head in _BENCH_WORDS and all(w.islower() for w in rest):
            # "the high court judges ruled that …": the court named last before them
            for m in reversed(self.mentions_in(max(0, pos - 3000), pos)):
                if m.entity.type == "ORG" and not _COURT_NAMES.isdisjoint(m.entity.name.split()):
                    return m.entity.name
            return None
        if head not in _SPEAKING_ORG_NOUNS:
            # "A spokesperson for the airport said": the one body or place of the article
            # whose name ends with that noun ("Birmingham Airport")
            bodies = [
                name
                for name, kind in self.types.items()
                if kind in ("ORG", "PLACE") and name.rsplit(None, 1)[-1].lower() == head
            ]
            if len(rest) == 1 and not bodies and head.isalpha():
                # "The Economist magazine asserts …. the magazine claims": the body the same
                # noun stood beside when the article brought it in
                at = phrase_start if phrase_start >= 0 else pos
                # "US financier Bernard Madoff …. “…,” the financier stated": a noun of no
                # list, used as the title of a person named before
                return self._introduced_as(head, at) or self._titled_person(head, at)
            return bodies[0] if len(bodies) == 1 and len(rest) == 1 else None
        before = [m for m in self.mentions_in(max(0, pos - 3000), pos) if m.entity.type == "ORG"]
        for m in reversed(before):
            if head in m.entity.name.lower():
                return m.entity.name
        body = self._subject_before(pos, "ORG", None)
        if head == "government" and not (body and _GOVERNING_WORDS.intersection(body.split())):
            # "called on the Australian government …. The government stated": that country;
            # never a body that governs nothing ("the government said" after "Reuters noted")
            peoples = list(_PEOPLES_GOVERNMENT.finditer(self.masked, max(0, pos - 1500), pos))
            return self._country_named([peoples[-1].group(1)]) if peoples else None
        kind = body.split(" of ")[0].rsplit(None, 1)[-1].lower() if body else ""
        # "The company described …" after "the Metalworkers Union of Osasco claimed": a body
        # of another kind is not the one meant
        return None if kind in _SPEAKING_ORG_NOUNS and kind != head else body

    def _text_modifier(self, word: str, start: int, end: int) -> str | None:
        """'“…,” the U.S. statement said', 'the Acme report found': the place or organisation
        that the capitalised word before a written text's noun (in text[start:end]) names, or
        the one organisation of the article whose name opens with it; else None ("the joint
        statement"; "the Moss report": a person's name, not its author)."""
        if not word[:1].isupper():
            return None
        for m in self.mentions_in(start, end):
            if (
                m.entity.type in ("PLACE", "ORG")
                and self.masked[m.start : m.end].rstrip(".") == word
            ):
                return m.entity.name
        country = self._country_named([word])
        if country:
            return country
        bodies = [
            name
            for name, kind in self.types.items()
            if kind == "ORG" and (name == word or name.startswith(word + " "))
        ]
        return bodies[0] if len(bodies) == 1 else None

    def _introduced_as(self, noun: str, before: int) -> str | None:
        """The organisation an earlier use of the lower-case `noun` stood right beside ("The
        Economist magazine", "the magazine The Economist"), at its latest use before `before`."""
        lower = re.compile(rf"\b{noun}\b")  # "the memo", not "the Downing Street Memo"
        uses = [m.start() for m in lower.finditer(self.masked, max(0, before - 2000), before)]
        for use in reversed(uses):
            for m in self.mentions_in(max(0, use - 80), use + len(noun) + 2):
                word_before = self.masked[max(0, m.start - 30) : m.start].split()[-1:]
                if m.entity.type != "ORG" or (
                    word_before
                    and word_before[0][:1].isalnum()
                    and not word_before[0][:1].islower()
                    and word_before[0] not in ("The", "A", "An")
                ):
                    continue  # "30A Network website": a name cut short is nobody to name
                if m.end <= use and not self.masked[m.end : use].strip():
                    return m.entity.name  # "The Economist magazine"
                if m.start > use and not self.masked[use + len(noun) : m.start].strip():
                    return m.entity.name  # "the magazine The Economist"
        return None

    def _credited_before(self, name: str, before: int) -> bool:
        """Whether the last mention of `name` before `before` is credited with words: right
        after a verb of speech ("said Harper") or right before one ("Harper said")."""
        mentions = [
            m for m in self.mentions_in(max(0, before - 3000), before) if m.entity.name == name
        ]
        if not mentions:
            return False
        m = mentions[-1]
        lead = self.masked[max(0, m.start - 30) : m.start].split()[-1:]
        if lead and VERB.fullmatch(lead[-1]):
            return True
        return (
            VERB.match(self.masked, m.end + 1) is not None and self.masked[m.end : m.end + 1] == " "
        )

    def _titled_person(self, noun: str, before: int) -> str | None:
        """The person an earlier use of the lower-case `noun` titled ("financier Bernard
        Madoff") or described right after a comma ("Bernard Madoff, the financier,"), at its
        latest use before `before` (within 2,000 characters); else None."""
        lower = _whole_word(noun)
        uses = [m for m in lower.finditer(self.masked, max(0, before - 2000), before)]
        for use in reversed(uses):
            for m in self.mentions_in(max(0, use.start() - 60), use.end() + 2):
                if m.entity.type != "PERSON":
                    continue
                if m.start >= use.end() and not self.masked[use.end() : m.start].strip():
                    return m.entity.name  # "financier Bernard Madoff"
                if m.end <= use.start() and _DESCRIBED_AFTER_COMMA.fullmatch(
                    self.masked, m.end, use.start()
                ):
                    return m.entity.name  # "Bernard Madoff, the former financier"
            if _ANOTHER_BEARER.search(self.masked, max(0, use.start() - 12), use.start()):
                # "Another tenant, an elderly man, refused …. “…,” the tenant said": a bearer
                # of the noun after the one titled before, not named (review r33 F3)
                return None
        return None

    def _named_in_sentence_before(self, name: str, sentence_start: int) -> bool:
        """Whether `name` is mentioned in the sentence before the one at `sentence_start`,
        passing over sentences that are only quotations ("“…,” said Harper. “…” ¶ “…,” the prime
        minister added")."""
        i = bisect_ints_right(self.sentences, sentence_start) - 1
        while i > 0:
            start, end = self.sentences[i - 1], self.sentences[i]
            if not _QUOTE_ONLY.fullmatch(self.masked, start, end):
                return any(m.entity.name == name for m in self.mentions_in(start, end))
            i -= 1
        return False

    def _role_met_by(self, name: str, role: str, before: int) -> bool:
        """Whether the role word comes after the last mention of `name` before `before` in the
        same sentence ("Byers advised the colonel"): someone that person acts on or speaks to."""
        mentions = [
            m for m in self.mentions_in(max(0, before - 600), before) if m.entity.name == name
        ]
        if not mentions:
            return False
        m = mentions[-1]
        k = bisect_ints_right(self.sentences, m.start)
        end = min(self.sentences[k], before) if k < len(self.sentences) else before
        found = _whole_word(re.escape(role)).search(self.masked, m.end, end)
        return found is not None and self.masked[found.start() - 4 : found.start()] in (
            "the ",
            "The ",
        )

    def _leading_person_before(self, before: int, role: str) -> str | None:
        """The likely subject of the sentences before `before` (`_subject_before`) when its
        mention opens its sentence after names, titles and role words only ("Ireland captain
        Doris", "Doris, who …") or follows a verb of speaking ("said co-author Ann Lee"), else
        None (an object: "The court jailed Hale"; one a passive acts on, when `role`, the
        speaking role noun, acts on people: "Venn was sentenced …. the judge said")."""
        name = self._subject_before(before, "PERSON", None)
        if name is None:
            return None
        mentions = [
            m for m in self.mentions_in(max(0, before - 3000), before) if m.entity.name == name
        ]
        if not mentions:
            return None
        m = mentions[-1]
        start = self.sentences[bisect_ints_right(self.sentences, m.start) - 1]
        lead = self.masked[self._after_closed_quotes(start, m.start) : m.start]
        if verb_search(lead):
            return name
        verb = _SUBJECT_VERB.match(self.masked, m.end, before)
        passive = verb and (
            _PASSIVE.match(self.masked, verb.start(1), before)
            or _PASSIVE_IRREGULAR.match(self.masked, verb.start(1), before)
        )
        if passive:
            after = word_after(self.masked, passive.end())
            if (after is None or after in _PREPOSITIONS) and (
                role in _ACTING_ON_ROLES or after == "by"
            ):
                # "Orla Venn, 41, was sentenced to …. “…,” the judge said": one acted on, by
                # someone else, is not who the role noun names ("Tully was made captain ….
                # the batsman said": a complement gives the role, so Tully; "Moro was recalled
                # to the squad …. the striker said": a role no one acts on people in, so Moro)
                return None
        roles = load_gazetteer().role_words
        words = re.findall(r"[\w'’-]+", lead)
        held = [w.lower() for w in words if w.lower() in roles]
        if held and role not in held:
            return None  # "Prime Minister Ariel Sharon underwent surgery. The Chief Surgeon said"
        if all(w[:1].isupper() or w.lower() in roles for w in words):
            return name
        return None

    def _spokes_body(self, noun: str, before: int) -> str | None:
        """The organisation whose spokesperson an earlier sentence named ("an Interpol
        spokesperson", "a spokesman for Acme"), at the latest use of `noun` before `before`."""
        pattern = _whole_word(noun)
        uses = [m.start() for m in pattern.finditer(self.masked, max(0, before - 1500), before)]
        for use in reversed(uses):
            for m in self.mentions_in(max(0, use - 40), use + len(noun) + 40):
                if m.entity.type != "ORG":
                    continue
                if m.end <= use and not self.masked[m.end : use].strip(" '’s"):
                    return m.entity.name  # "an Interpol spokesperson", "Acme's spokesman"
                gap = self.masked[use + len(noun) : m.start].split()
                if m.start > use and gap[:1] in (["for"], ["of"], ["at"]) and len(gap) <= 2:
                    return m.entity.name  # "a spokesman for (the) Acme"
        return None

    def _body_nearby(self, pos: int) -> str | None:
        """'Acme said …. A company spokesman said': the first organisation of the sentence
        before `pos` or of its own, else nobody (a spokesperson of a body named long before)."""
        i = bisect_ints_right(self.sentences, pos) - 1
        for k in (i, i - 1):
            start = self.sentences[max(0, k)]
            end = pos if k == i else self.sentences[i]
            for m in self.mentions_in(start, end):
                if m.entity.type == "ORG":
                    return self._full_name(m.entity.name)
        return None

    def _full_name(self, name: str) -> str:
        """'Halden' (of "Halden and Marsh said") → the one organisation named in full by it,
        'Halden and Marsh Pharmaceuticals'; else the name itself."""
        longer = [n for n, t in self.types.items() if t == "ORG" and n.startswith(name + " ")]
        return longer[0] if len(longer) == 1 else name

    def _described_holder(self, words: list[str], before: int) -> str | None:
        """The earlier holder of a role described by `words` ("Crown prosecutor"): a lower-case
        qualifier must be in the earlier use too ('the local health minister' is not 'Civil
        Aviation Minister Puri'); time words ("former") and capitalised ones need not be."""
        qualifiers = _qualifiers(words)
        if qualifiers:
            return self._role_holder(f"{qualifiers[-1]} {words[-1].lower()}", before)
        return self._role_holder(words[-1].lower(), before)

    def _author_of(self, noun: str, pos: int) -> str | None:
        """'UNRWA said in a statement that …. “…,” the statement added': the person or body
        whose statement (letter, report…) a sentence before `pos` (where the description
        starts, or the quote it follows) named."""
        pattern = _ANY_TEXT_NOUN if noun in _GENERIC_TEXTS else _whole_word(noun)
        uses = [m for m in pattern.finditer(self.masked, max(0, pos - 1500), pos)]
        for found in reversed(uses):
            use = found.start()
            noun = found.group().lower()
            if noun == "resolution" and not _PASSED_BEFORE.search(
                self.masked, max(0, use - 40), use
            ):
                continue  # "Lee told Reuters the resolution was welcome": not its author
            owner = self.masked[max(0, use - 4) : use].split()[-1:]
            if owner and owner[0].lower() in _TEXT_POSSESSORS:  # "His message was delivered"
                return self._text_possessor([owner[0], noun], use)
            start, end = self.sentence_bounds(use)
            # "The orange warning issued by Met Éireann", "The report by the Acme committee"
            issuer = self._issuer_after(use + len(noun), end)
            if issuer:
                return issuer
            # "In a statement posted on an Acme website, …", "an Acme report": its issuer
            named = self._named_issuer(use, use + len(noun), end)
            if named:
                return named[0]
            start = self._after_closed_quotes(start, use)
            verb = verb_search(self.masked, use, end)
            if verb and not verb_search(self.masked, start, use):
                # "In the letter to GitHub, EFF's attorney Stoltz said": the verb's subject
                author = self._named_in(start, verb.start(), use, allow_pronoun=True)
            else:  # "UNRWA said in a statement that": the clause's subject
                author = self._first_named(start, use, use)
            if not author and _TIME_OPENING.match(self.masked, start, use):
                # "On Thursday the Turkish government released a statement": the body after the
                # time phrase, read as the clause's subject would be without it
                author = self._opening_body(start, use)
            if author:
                return author
        return None

    def _issuer_after(self, at: int, end: int) -> str | None:
        """'“…,” read a statement issued by Acme spokesman Carl Benning': the person or body
        after "by", "issued by" or "from" that follows a written text's noun at `at` (a person named
        in that phrase after titles and roles, else the body that opens it)."""
        agent = _ISSUED_BY.match(self.masked, at, end)
        if agent is None:
            return None
        stop = _PHRASE_STOP.search(self.masked, agent.end(), end)
        found = [
            m
            for m in self.mentions_in(agent.end(), stop.start() if stop else end)
            if m.entity.type in ("PERSON", "ORG")
        ]
        for m in found:
            between = self.masked[agent.end() : m.start].lower().split()
            if m.entity.type == "PERSON" and not _PREPOSITIONS.intersection(between):
                return m.entity.name  # "issued by U.S. Commerce spokesman Carl Benning"
        lead = self.masked[agent.end() : found[0].start].split() if found else []
        if found and not any(w[:1].islower() for w in lead):  # "by the Valdorian Senate's …"
            k = 0
            while k + 1 < len(found) and _POSSESSIVE_AFTER.match(self.masked, found[k].end):
                k += 1  # "by the House of Representatives' Intelligence Committee": its own
            return found[k].entity.name  # "a report by the International Monetary Fund"
        return None

    def _named_issuer(self, start: int, end: int, limit: int) -> tuple[str, int] | None:
        """The body (or country) that issued the written text whose noun is text[start:end], when
        its own noun phrase names it before `limit`: "a UN Security Council report", "an Acme
        press release", "an Instruction issued in October by the DoD", "That Directive, from
        the Department of Homeland Security,", "a statement posted on an Acme website"; with
        where that phrase ends. A person's name before the noun is no issuer ("the Moss
        report": a report about Moss as often as by him)."""
        masked = self.masked
        for m in reversed(self.mentions_in(max(0, start - 120), start)):
            gap = _ISSUER_BEFORE_TEXT.fullmatch(masked, m.end, start)
            if gap is None:
                break  # only the name right before the noun
            if m.entity.type == "ORG":
                return m.entity.name, end
            if m.entity.type == "PLACE":
                country = self._country_named([m.entity.name])
                return (country, end) if country else None
            break
        after = _ISSUER_AFTER_TEXT.match(masked, end, limit)
        site = None if after else _ON_SITE_OF.match(masked, end, limit)
        link = after or site
        if link is None:
            return None
        found = self.mentions_in(link.end(), link.end() + 1)
        if (
            not found
            or found[0].start != link.end()
            or found[0].entity.type not in (("PERSON", "ORG") if after else ("ORG",))
        ):
            return None
        m = found[0]
        if site:
            owner = _SITE_AFTER_OWNER.match(masked, m.end, limit)
            return (m.entity.name, owner.end()) if owner else None
        phrase_end = m.end
        if masked[end : end + 1] == "," and masked[m.end : m.end + 1] == ",":
            phrase_end += 1  # "That Directive, from Acme, says": the aside ends with its comma
        return m.entity.name, phrase_end

    def _text_possessor(self, words: list[str], pos: int) -> str | None:
        """Who "his"/"her"/"its" stands for in "His statement", "its latest report" (`words`,
        written at `pos`), when the last word is a written or spoken text's noun; else None."""
        if words[-1].lower() not in _TEXT_NOUNS:
            return None
        return self._resolve_pronoun(_TEXT_POSSESSORS[words[0].lower()], pos)

    def _described_text_owner(self, head: str, pos: int) -> str | None:
        """The holder of the role whose written text `head` describes: "the judge's statement"
        (the judge named before), "a statement from the king"; a body ("the court's
        summary") gives None."""
        owner = _DESCRIBED_TEXT_OWNER.search(head) if "the" in head.lower() else None
        if not owner:
            return None
        phrase = owner.group(1) or owner.group(2)
        if owner.group(2) and phrase.split()[-1].lower() in _SPEAKING_ORG_NOUNS:
            # "A statement from the group said": the body that noun stands for
            return self._description(phrase, pos)
        if phrase.lower() in ("the court", "the tribunal"):
            # "The court's summary concluded with the statement:": the court, when the article
            # names only one
            return self.sole_court(pos)
        if phrase.split()[-1].lower() not in load_gazetteer().role_words:
            return None  # "the regulator's summary": which body is not sure enough
        return self._description(phrase, pos)

    def sole_court(self, pos: int) -> str | None:
        """The one court (or tribunal) the article names before `pos`, else None (none, or
        several: which one gave the text is not sure)."""
        courts = {
            m.entity.name
            for m in self.mentions_in(0, pos)
            if m.entity.type == "ORG" and not _COURT_NAMES.isdisjoint(m.entity.name.split())
        }
        return courts.pop() if len(courts) == 1 else None

    def _after_closed_quotes(self, start: int, pos: int) -> int:
        """Where the sentence holding `pos` really starts: after the last quotation between
        `start` and `pos` that ends with its own stop ('…fair use.”  The letter stressed'), which
        the masked text, hiding that stop, joins to the sentence after it."""
        k = bisect_ints_left(self.open_marks, start)
        while k < len(self.spans) and self.spans[k].close_mark < pos:
            span = self.spans[k]
            if self.text[span.start : span.end].rstrip()[-1:] in (".", "!", "?"):
                start = span.close_mark + 1
            k += 1
        return start

    def _text_owner(self, noun: str, noun_end: int) -> str | None:
        """The owner of "the <noun>" (a statement, an opinion…) that opens a sentence at
        `noun_end`: the body after "of" ("the opinion of the Court"), else the author an
        earlier sentence gave the same noun ("In the letter to Acme, Moss said")."""
        owner = _OWNER_OF.match(self.masked, noun_end)
        if owner:
            return self._description(owner.group(1), noun_end)
        return self._author_of(noun, noun_end - len(noun))

    def _body_role_holder(self, body: _Mention, words: list[str], start: int) -> str | None:
        """'the Acme spokeswoman', "the World Bank's chief economist": the person an earlier
        sentence names in that role beside that body, when the subject is only the body and
        the role (None when nobody was: the body speaks)."""
        role = words[-1].lower() if words else ""
        if role not in load_gazetteer().role_words:
            return None
        if self.masked[start : body.start].lower().split() not in ([], ["the"]):
            return None  # "a rival of the Acme spokeswoman": not that role's holder
        subject = " ".join(words)
        surface = self.masked[body.start : body.end]
        at = subject.find(surface)
        if at < 0:
            return None
        tail = subject[at + len(surface) :].removeprefix("'s").removeprefix("’s").split()
        if not tail or len(tail) > 3 or not all(w.islower() and w.isalpha() for w in tail):
            return None
        return self._role_holder(role, start, beside=body.entity.name)

    def _role_holder(self, role: str, before: int, beside: str = "") -> str | None:
        """The person an earlier sentence names in this role ("prosecutor Ann Lee", "Lee, the
        prosecutor"): the name nearest to the role word's latest use before `before`; with
        `beside`, only a use with that body named within a few words of it."""
        pattern = _whole_word(re.escape(role))
        uses = [m.start() for m in pattern.finditer(self.masked, max(0, before - 4000), before)]
        for use in reversed(uses):
            around = self.mentions_in(max(0, use - 80), use + 80)
            if beside and not any(
                m.entity.name == beside and -40 <= m.start - use <= 40 for m in around
            ):
                continue
            near = [
                m
                for m in around
                if m.entity.type == "PERSON"
                and (
                    0 <= m.start - use - len(role) <= 40
                    or (0 <= use - m.end <= 40 and self._holds_role_after(m, use))
                )
            ]
            if near:
                return min(near, key=lambda m: abs(m.start - use)).entity.name
        return None

    def _holds_role_after(self, m: _Mention, use: int) -> bool:
        """'Kim Bentley, the Treasurer', 'Lee (Labor), shadow treasurer', 'Lee became treasurer',
        not 'Kim Bentley asked the Treasurer', 'Lee attacked the treasurer over …', 'Lee's
        question to the Treasurer': whether the role word at `use` is said of the name before it
        (set off by a comma or parenthesis, or after a copula; no verb between them and no
        preposition right before the role)."""
        between = self.masked[m.end : use]
        words = between.lower().split()
        while words and words[-1] in _ARTICLES:
            words.pop()
        if words and words[-1] in _PREPOSITIONS:
            return False
        if between.lstrip()[:1] not in (",", "(") and words[:1] not in _COPULAS:
            return False
        if self.masked[max(0, m.start - 13) : m.start].lower() == "according to ":
            return False  # "According to Byers, the colonel felt": the role opens the clause
        return verb_search(self.masked, m.end, use) is None

    def _role_holder_after(self, role: str, after: int) -> str | None:
        """The person a later sentence of the next few hundred characters names by this role,
        right after it as a title ("Judge Diane Humetewa") or after a comma ("Ann Lee, the
        judge"): the first such name."""
        pattern = _whole_word(re.escape(role))
        for use in pattern.finditer(self.masked, after, min(len(self.masked), after + 600)):
            for m in self.mentions_in(use.start() - 40, use.end() + 4):
                if m.entity.type == "PERSON" and (
                    0 <= m.start - use.end() <= 1
                    or (0 <= use.start() - m.end <= 8 and "," in self.masked[m.end : use.start()])
                ):
                    return m.entity.name
        return None

    def _resolve_pronoun(self, pronoun: str, pos: int) -> str | None:
        gender = _PRONOUNS[pronoun]
        if gender == "it":
            return self._it_antecedent(pos)
        return self._subject_before(pos, "PERSON", gender)

    def _they_antecedent(self, start: int, end: int) -> str | None:
        """The body "they" in a clause text[start:end] naming nobody stands for: the
        organisation opening the sentence before, after "the" or a time ("This Thursday the
        Acme Commission criticized the move. They released a statement"), its subject; None
        when another name opens that sentence (people, a pair, a place) or this clause names one."""
        if any(m.entity.type in ("PERSON", "ORG") for m in self.mentions_in(start, end)):
            return None
        i = bisect_ints_right(self.sentences, start) - 1
        if i < 1:
            return None
        before = self.sentences[i - 1]
        timed = _TIME_OPENING.match(self.masked, before, self.sentences[i])
        lead = timed.end() if timed else before
        first = next(iter(self.mentions_in(lead, self.sentences[i])), None)
        if (
            first is None
            or first.entity.type != "ORG"
            or self.masked[lead : first.start].strip() not in ("", "the", "The")
            or _POSSESSIVE_AFTER.match(self.masked, first.end)
            or self.masked.startswith(" and ", first.end)  # "Acme and Lee said": several
        ):
            return None
        return first.entity.name

    def _it_antecedent(self, pos: int) -> str | None:
        """The organisation "it" at `pos` stands for (`_it_antecedent_of`), nobody when finding it
        leads back to the same "it" ('The report outlined …. It also stated': the report's author
        sought through a clause whose subject is that "it"; endless before, a crash compiled)."""
        if pos in self._it_asked:
            return None
        self._it_asked.add(pos)
        found = self._it_antecedent_of(pos)
        self._it_asked.discard(pos)
        return found

    def _it_antecedent_of(self, pos: int) -> str | None:
        """The organisation "it" at `pos` stands for: the subject of the nearest clause before
        it that has one ('Acme said …. It added'; a state opening that clause: 'Iran is …, and it
        has stated'), not the last body named ('…called by the Union. It said'); when that subject is only described, the body it describes ('The
        company cut …. It said') or the author of the text it describes ('The review urged ….
        It also asks'), else nobody ('The appeal ruling lets …. It said')."""
        i = bisect_ints_right(self.sentences, pos) - 1
        stretches = []  # each sentence's stretches, the last first: a quotation closed by its
        for k in range(i, max(-1, i - 6), -1):  # own stop ends one ('…on you.” It also urged')
            start = self.sentences[k]
            end = pos if k == i else self.sentences[k + 1]
            cut = self._after_closed_quotes(start, end)
            stretches += [(cut, end), (start, cut)] if cut > start else [(start, end)]
        for start, end in stretches:
            opening = _IT_CLAUSE_OPENING.match(self.masked, start, end)
            if opening is None:
                continue  # an empty stretch, or one opening with "it" itself: the same referent
            at = opening.start(1)
            if opening.group(2):  # "The court decision", "This report": a thing described
                of_name = self.mentions_in(opening.end(3), opening.end(3) + 1)
                if opening.group(3).endswith(" of ") and of_name:
                    # "The government of Georgia announced …, in what it described as"
                    phrase = self.masked[opening.start(2) : of_name[0].end]
                    return self._description(phrase, at)
                described = self._described_antecedent(opening.group(2), opening.group(3), end)
                if described != "":
                    return described
            for m in self.mentions_in(at, end):
                if m.entity.type == "ORG" and not self._object_of(m):
                    return m.entity.name
                if (
                    m.entity.type == "PLACE"
                    and m.start == at
                    and not _POSSESSIVE_AFTER.match(self.masked, m.end)
                ):
                    return m.entity.name  # "Iran is …, and it has stated that": the state
        return None

    def _described_antecedent(self, determiner: str, words: str, end: int) -> str | None:
        """What "it" stands for when a clause ending at `end` opens with `determiner` and the
        lower-case `words` after it: the body a speaking noun of its noun phrase describes
        ("The company", "The court decision"), else the author of the text one names ("The
        review"), else None (a thing); "" when a name follows the noun ("The group Acme")."""
        noun_phrase: list[str] = []
        for word in _WORDS.findall(words.split(",")[0])[:4]:
            if word in _AUX or _ADVERB.fullmatch(word) or VERB.fullmatch(word):
                break  # "The company also said", "The review urged"
            noun_phrase.append(word)
        else:
            if "," not in words and len(words.split()) == len(noun_phrase) < 4:
                return ""  # "The group Acme Relief said": its name follows
        for k, word in enumerate(noun_phrase):
            if word in _SPEAKING_ORG_NOUNS:
                phrase = " ".join(["the", *noun_phrase[: k + 1]])
                return self._description(phrase, end)
        texts = [w for w in noun_phrase if w in _TEXT_NOUNS]
        if texts and determiner.lower() != "a":
            return self._author_of(texts[-1], end)
        return None

    def _subject_before(self, pos: int, kind: str, gender: str | None) -> str | None:
        """The first fitting entity of the nearest earlier sentence that has one (its likely subject)."""
        i = bisect_ints_right(self.sentences, pos) - 1
        paragraphs_crossed = 0
        chained = 0  # sentences the same pronoun runs through ("…,” he said. ¶ He added …)
        same = _whole_word("he" if gender == "m" else "she") if gender in ("m", "f") else None
        # sentences floor..top that each run the pronoun on, as earlier walks found (top → floor)
        floors: dict[int, int] | None = None  # (asked only when a sentence runs it on)
        top = below = -1  # the first sentence of the run walked now; the next one it may take
        k = i + 1
        while k > max(0, i - 5 - chained):
            k -= 1
            self.sentences_read += 1
            start = self.sentences[k]
            end = pos if k == i else self.sentences[k + 1]
            found = self._fitting(start, end, kind, gender)
            cut = self._after_closed_quotes(start, end) if found else start
            later = [m for m in found if m.start >= cut]
            if cut > start and later and self._opens_with_name(cut, later[0]):
                # '…described him as “loyal.” Prime Minister Lee offered condolences. He stated':
                # a quotation closed by its own stop ends a sentence the masked text runs on,
                # and the name opening the sentence after it is the nearer subject
                start, found = cut, later
            if (
                found
                and kind == "PERSON"
                and _UNNAMED_OPENERS.match(self.masked[start:end])
                and all(self._located(m) for m in found)
            ):
                return None  # "One customer, a nurse from Swindon, said …. She added"
            if found and kind == "PERSON" and gender:
                if self._pronoun_before(start, found[0].start, gender) or (
                    k < i and self._pronoun_opens(start, found[0].start, gender, found[0].end)
                ):
                    continue  # "…, he had criticized Bush's handling. He told": the same "he"
                # "for Kuroyedov's dismissal, although Baltin said": a possessor is no subject
                found = [
                    m for m in found if not _POSSESSIVE_AFTER.match(self.masked, m.end)
                ] or found
                found = [m for m in found if not self._object_of(m)] or found
                if all(self._object_of(m) for m in found):
                    continue  # "the election of Barack Obama …. He told": not the subject
            if found and kind == "ORG":
                # "urged governments to work with the UN. It also asks": "it" is no object
                found = [m for m in found if not self._object_of(m)]
                if not found:
                    continue
            if found:
                if (
                    kind == "PERSON"
                    and k < i
                    and len(found) > 1
                    and not self.masked[found[-1].end : end].strip(" .\n")
                    and "according to"
                    in self.masked[max(start, found[-1].start - 60) : found[-1].start]
                ):
                    # "Zarqawi has been killed, according to Prime Minister Nouri Maliki. ¶ “…,”
                    # he said": the source the sentence credits at its end goes on speaking
                    return found[-1].entity.name
                speaking = [m for m in found if self._speaks_after(m)]
                if kind == "PERSON" and speaking:  # "Moss said … while Reid wrote …. He added"
                    return speaking[-1].entity.name
                return found[0].entity.name
            if kind == "PERSON" and _UNNAMED_OPENERS.match(self.masked[start:end]):
                return None
            described = _DESCRIBED_SUBJECT.match(self.masked[start:end]) if gender else None
            if kind == "PERSON" and described:
                head = described.group(2)
                if head in load_gazetteer().role_words:  # "The IATA boss said that": its holder
                    holder = self._described_holder([*described.group(1).split(), head], start)
                    if holder is None and head in _SPOKES_WORDS:
                        # "The Acme spokesman expressed …. “…,” he said": whom he speaks for
                        return self._spokes_body(head, end)
                    return holder
                if head in _PERSON_NOUNS:  # "The masked man on the video said": unnamed
                    return None
            if same and k < i and same.search(self.masked, start, end):
                # '“…,” he said. ¶ “…” ¶ He added': the pronoun of a sentence naming no one
                # is the same one, which the sentences before it name
                if k != below:
                    top = k
                # what a sentence before the quote's own says does not depend on the quote:
                # a run an earlier walk went through is taken at once (a transcript of
                # '“…,” he said.' walked back to its start once a quote)
                if floors is None:
                    floors = self._chain_floors.setdefault((kind, gender), {})
                floor = floors.get(k, k)
                floors[top] = floor
                chained += k - floor + 1
                k, below = floor, floor - 1
                paragraphs_crossed = 0
            elif k < i and start in self.paragraph_starts:  # not the pronoun's own paragraph
                paragraphs_crossed += 1
                if paragraphs_crossed > 2:
                    break
        return None

    def _opens_with_name(self, start: int, m: _Mention) -> bool:
        """Whether only capitalised words (titles, "Prime Minister") stand before the mention
        from `start`: the name is the subject opening that sentence, not an object in it."""
        return all(w[:1].isupper() for w in self.masked[start : m.start].split())

    def _fitting(self, start: int, end: int, kind: str, gender: str | None) -> list[_Mention]:
        """The mentions in [start, end) of `kind` and `gender` that are no modifier ("the Moss
        report"): the candidates a pronoun may stand for."""
        return [
            m
            for m in self.mentions_in(start, end)
            if m.entity.type == kind
            and self._gender_fits(m.entity, gender)
            and not self._attributive(m)
        ]

    def _speaks_after(self, m: _Mention) -> bool:
        """Whether a speech verb follows the name ("Moss said"), also past the comma closing an
        appositive the name ends ("The correspondent for Acme, Fred Weir, told")."""
        if SPEECH_AFTER.match(self.masked, m.end):
            return True
        return (
            self.masked[m.start - 2 : m.start] == ", "
            and self.masked[m.end : m.end + 1] == ","
            and SPEECH_AFTER.match(self.masked, m.end + 1) is not None
        )

    def _pronoun_before(self, start: int, end: int, gender: str) -> bool:
        """Whether a subject pronoun of `gender` opens the clause that runs up to `end`
        ("In a lunch, which …, he had criticized Bush's …"), not a leading clause ("Asked
        whether he sees it, Moss laughed")."""
        pronoun = "he" if gender == "m" else "she"
        clause = self.masked[start:end].rsplit(",", 1)[-1]
        return _whole_word(pronoun).search(clause) is not None

    def _pronoun_opens(self, start: int, end: int, gender: str, name_end: int) -> bool:
        """'She argued that …, and called on Treasurer Jan Ellery to drop them': whether the
        sentence from `start` opens with a subject pronoun of `gender` and its verb, and no
        clause of another subject ("but", "while", ";", ", and Senator Ann Lee replied" …)
        opens before the name at `end`..`name_end`: a name there is in what the pronoun's
        person did or said, not the subject a later pronoun stands for."""
        return (
            _OPENING_PRONOUN[gender].match(self.masked, start, end) is not None
            and _OTHER_SUBJECT_CLAUSE.search(self.masked, start, end) is None
            and not (
                _AND_NAME_BEFORE.search(self.masked, start, end)
                and _VERB_AFTER_NAME.match(self.masked, name_end)
            )
        )

    def _object_of(self, mention: _Mention) -> bool:
        """'the election of Barack Obama', 'a letter to Moss', 'working with the UN': a name
        after a preposition (and its article)."""
        before = self.masked[max(0, mention.start - 48) : mention.start].split()
        gaz = load_gazetteer()
        while len(before) > 1 and (
            before[-1] in gaz.titles
            or before[-1].rstrip(".") in _TITLE_WORDS
            or (before[-1][:1].isupper() and before[-1].lower() in gaz.role_words)
            or before[-1] in _OTHER_HOLDER
            or before[-1] == "retired"
        ):
            before.pop()  # "charges against retired Major General Jovito Palparan": his titles
        if before[-2:] in (["according", "to"], ["According", "to"]):
            return False  # "…, according to Moss. “…,” he said": the credited source speaks on
        if len(before) > 1 and before[-1].lower() in _ARTICLES:
            before.pop()
        return bool(before) and before[-1].lower() in _OBJECT_PREPOSITIONS

    def _after_preposition(self, mention: _Mention) -> bool:
        """'a protester from Kibera', 'a lawyer for Moss': a name after any preposition."""
        before = self.masked[max(0, mention.start - 12) : mention.start].split()
        return bool(before) and before[-1].lower() in _PREPOSITIONS

    def _object_within(self, mention: _Mention, start: int) -> bool:
        """Whether a preposition after `start` governs the name ('focused on Australia')."""
        before = self.masked[start : mention.start].split()
        while len(before) > 1 and before[-1][:1].isupper():
            before.pop()  # "on South Australia": the name's own first words
        return bool(before) and before[-1].lower() in _PREPOSITIONS

    def _member_of(self, mention: _Mention) -> bool:
        """'a former CIA official', 'a Kyrgyz National University student': someone of a body
        who does not speak for it (it left, or only belongs to it), named by the body."""
        if mention.entity.type != "ORG":
            return False
        before = self.masked[max(0, mention.start - 12) : mention.start].split()[-1:]
        after = self.masked[mention.end : mention.end + 20].split()[:1]
        return (before[:1] in (["former"], ["ex-"])) or (
            bool(after) and after[0].lower().strip(",") in _MEMBER_NOUNS
        )

    def _located(self, mention: _Mention) -> bool:
        """'a nurse from Swindon', 'an official in Port Sudan': a name after a preposition of
        place (an organisation there is whom the speaker works for: 'an official from Acme')."""
        before = self.masked[max(0, mention.start - 30) : mention.start].split()
        while len(before) > 1 and before[-1][:1].isupper():
            before.pop()  # "in Port Sudan": the name's own first words
        word = before[-1].lower() if before else ""
        if len(before) > 1 and before[-2].lower() in _WRITTEN_TEXTS:
            return False  # "a statement from Moss's office": its author, not a place
        return word in _LOCATIVE and mention.entity.type != "ORG"

    def _country_named(self, words: list[str]) -> str | None:
        """The place of the article that `words` name or whose people they name ("United
        States", "Swiss" → "Switzerland", "Israeli" → "Israel"), else None."""
        said = " ".join(words)
        stem = _DEMONYM_COUNTRIES.get(said, said)
        aliases = load_gazetteer().aliases  # "UK" and "Britain" are "United Kingdom"
        stem = aliases.get(stem.casefold(), stem)
        places = [n for n, kind in self.types.items() if kind == "PLACE"]
        for name in places:
            if name == stem or aliases.get(name.casefold()) == stem:
                return name
        if len(words) == 1 and len(said) > 4:
            for name in places:  # "Israeli" → "Israel", "Lebanese" → "Lebanon"
                if " " not in name and len(name) > 3 and said[:4] == name[:4]:
                    return name
        return None

    def _the_thing(self, mention: _Mention) -> bool:
        """'The Minister for the Environment said': a one-word "person" right after "the" is
        a thing or a portfolio, not someone who speaks."""
        return (
            mention.entity.type == "PERSON"
            and " " not in mention.entity.name
            and self.masked[max(0, mention.start - 4) : mention.start].lower() == "the "
        )

    def _attributive(self, mention: _Mention) -> bool:
        """'the Moss decision', 'the Moss report': a name used as a modifier is no one's subject."""
        return (
            self.masked[max(0, mention.start - 4) : mention.start].lower() == "the "
            and mention.entity.type == "PERSON"
            and self.masked[mention.end : mention.end + 2][1:2].islower()
        )

    def _gender_fits(self, entity: Entity, gender: str | None) -> bool:
        if gender is None:
            return True
        said = self._article_gender(entity)
        if said is not None:
            return said == gender
        first = entity.name.split()[0]
        return self.first_names.get(first, "u") in ("u", gender)

    def _article_gender(self, entity: Entity) -> str | None:
        """The sex the article itself gives a person, by a title before one of its mentions
        ("Mr Lee", "Mullah Omar") or the noun of an appositive after one ("Lee, a spokeswoman
        for …", "Lee, his wife,"); None when it gives none, or both."""
        found = self._genders.get(entity.name, "")
        if found == "":
            seen = set()
            for m in entity.mentions:
                title = self.text[max(0, m.start - 9) : m.start].split()[-1:]
                if title and title[0] in _GENDERED_TITLES:
                    seen.add(_GENDERED_TITLES[title[0]])
                noun = _APPOSITIVE_NOUN.match(self.text, m.end, m.end + 60)
                if noun and _LIST_GOES_ON.match(self.text, noun.end()):
                    noun = None  # "Paul Ames, his wife, and their sons": a list, no appositive
                if noun and noun.group(1) in _GENDERED_NOUNS:
                    seen.add(_GENDERED_NOUNS[noun.group(1)])
            found = seen.pop() if len(seen) == 1 else None
            self._genders[entity.name] = found
        return found

    def _unnamed_paragraph_between(self, start: int, end: int) -> bool:
        """Whether a whole paragraph of text naming nobody lies between two quotes: the speaker
        of the first is not carried over it ("…,” Moss said. ¶ Tickets sold out. ¶ “…”)."""
        lo = bisect_ints_right(self.paragraph_starts, start)
        hi = bisect_ints_right(self.paragraph_starts, end) - 1
        for k in range(lo, hi):
            p_start, p_end = self.paragraph_starts[k], self.paragraph_starts[k + 1]
            if _ANY_WORD.search(self.masked, p_start, p_end) and not any(
                m.entity.type in ("PERSON", "ORG") for m in self.mentions_in(p_start, p_end)
            ):
                return True
        return False

    def _continues_previous(self, prev: QuoteSpan, span: QuoteSpan, prev_tail: bool) -> bool:
        """A quote standing alone right after an attributed one continues it (news convention)."""
        gap = self.masked[prev.close_mark + 1 : span.open_mark]
        if len(gap) > 160:
            return False  # (asked first: the searches below read the whole gap)
        participle_gap = bool(
            _PARTICIPLE_GAP.match(gap) or _SAME_SUBJECT_GAP.match(gap)
        ) and not self.mentions_in(prev.close_mark, span.open_mark)
        if not prev_tail and _ANY_WORD.search(gap) and not participle_gap:
            return False
        if self._unnamed_paragraph_between(prev.close_mark, span.open_mark):
            return False
        if not gap and self.text[prev.start : prev.end].rstrip()[-1:] in (".", "!", "?"):
            # '“…from community groups.”“Hockey Canada receives …”': the space between two
            # quotations lost, as scraped text loses it; the same words going on
            return True
        # "said Dr. Reid. “…”", "issued by U.S. spokesman Carl M. Benning. “…”": no stops (the
        # titles' and initials' stops are counted only where there are two stops or more)
        stops = len(_STOP.findall(gap))
        if stops > 1:
            stops -= len(_TITLE_STOP.findall(gap)) + len(_INITIALS_STOP.findall(gap))
        if stops > 1:
            return False
        sent_start, _ = self.sentence_bounds(span.open_mark)
        # '…,” Moss said. “…all.” “And…”': a quotation closed by its own stop ends a sentence
        sent_start = self._after_closed_quotes(sent_start, span.open_mark)
        return not self.masked[sent_start : span.open_mark].strip(" \t\n\"“‘'")
