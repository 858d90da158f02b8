"""The query language: parse what a user types into a typed tree; store/ turns the tree into SQL.

    flood "river bank" evac*            words (all must match), phrases, prefixes
    flood OR storm, NOT flood, -flood   boolean operators (AND is implied), parentheses
    title:flood author: text:           a word or "phrase" in one part of the article
    feed:bbc tag:world                  sources (feed name or URL contains; tag exactly)
    unread starred has:fulltext has:fulltext-error has:enclosure has:quotes
    after:2026-11-01 before:2026-12-01 age:<3d age:>12h
    person:"Dmitry Peskov" org: place: group:   articles mentioning an entity
    speaker:Peskov                      articles quoting someone; quotes:"word" a quote saying it
    🎉                                  a title holding these symbols (the index keeps none)

The one parser serves the CLI, the app's search box, saved views and filters. Names in entity
fields are resolved to entity keys by a function the caller passes (the NLP layer's), so this
module stays pure. Errors are `QueryError`s: one line with the 1-based position of the problem.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Literal

from newstui.errors import NewstuiError

TextColumn = Literal["title", "author", "text"]
FactName = Literal["unread", "starred", "fulltext", "fulltext_error", "enclosure", "quotes"]
EntityKind = Literal["PERSON", "ORG", "PLACE", "GROUP"]
NameKeys = Callable[[str, str], tuple[str, ...]]
"""(name, entity kind) → the stored entity keys the name may stand for; a key starting with
SURNAME_PREFIX matches a person's stored surname key instead."""
SURNAME_PREFIX = "surname:"

ENTITY_FIELDS: dict[str, EntityKind] = {
    "person": "PERSON",
    "org": "ORG",
    "place": "PLACE",
    "group": "GROUP",
}
TEXT_FIELDS: dict[str, TextColumn] = {"title": "title", "author": "author", "text": "text"}
HAS_VALUES: dict[str, FactName] = {
    "fulltext": "fulltext",
    "fulltext-error": "fulltext_error",  # its page failed: the reader says why (r52 L6)
    "enclosure": "enclosure",
    "quotes": "quotes",
}
FIELDS = (
    *TEXT_FIELDS,
    "feed",
    "tag",
    "has",
    "is",
    "after",
    "before",
    "age",
    *ENTITY_FIELDS,
    "speaker",
    "quotes",
)
AGE_UNITS = {"m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}
MAX_QUERY_LENGTH = 2000
MAX_DEPTH = 50
MAX_TERMS = 64  # distinct words, phrases and fields: past this a query is refused, not slow


class QueryError(NewstuiError):
    """A query that does not parse: the message names the problem and its 1-based position."""

    def __init__(self, problem: str, position: int) -> None:
        super().__init__(f"{problem} at {position}")
        self.problem = problem
        self.position = position


# -- the tree ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """A word, a prefix (`evac*`) or a phrase, anywhere or in one column, matched by FTS5."""

    text: str
    column: TextColumn | None = None
    prefix: bool = False
    phrase: bool = False


@dataclass(frozen=True)
class Fact:
    """A property of the article: unread, starred, has full text / an enclosure / quotes."""

    name: FactName


@dataclass(frozen=True)
class Source:
    """Articles of feeds whose name or URL contains `value` (feed), or of sources with a tag."""

    kind: Literal["feed", "tag"]
    value: str


@dataclass(frozen=True)
class DateBound:
    """Published (else first seen) on or after a day, or before a day (the local day)."""

    op: Literal["after", "before"]
    day: date


@dataclass(frozen=True)
class Age:
    """Published less (`<`) or more (`>`) than `seconds` ago."""

    op: Literal["<", ">"]
    seconds: int


@dataclass(frozen=True)
class EntityRef:
    """Articles mentioning an entity (of one kind, or any) by name, alias or a person's surname."""

    kind: EntityKind | None
    name: str
    keys: tuple[str, ...] = ()


# Who may be quoted: a speaker is looked for among the entities of each of these types.
SPEAKER_KINDS = ("PERSON", "ORG", "GROUP")


def speaker_keys(name: str, name_keys: NameKeys) -> tuple[str, ...]:
    """The keys a speaker is looked up by: a person, or an organisation or group that speaks,
    under any name its entity goes by (`speaker:` queries and `quotes --speaker`)."""
    return tuple(dict.fromkeys(k for kind in SPEAKER_KINDS for k in name_keys(name, kind)))


@dataclass(frozen=True)
class Speaker:
    """Articles with a quote by this speaker: a person (full name or surname), or an organisation
    or group that speaks, under any name its entity goes by."""

    name: str
    keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class QuoteText:
    """Articles with a quote containing these words in this order."""

    text: str


@dataclass(frozen=True)
class TitleSymbols:
    """Articles whose title holds these symbols as written (an emoji, ™): the full-text index
    keeps letters and digits only, so a title is looked through for them (user test r45 L2)."""

    text: str


@dataclass(frozen=True)
class And:
    """Every part matches."""

    parts: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    """At least one part matches."""

    parts: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    """The part does not match."""

    part: Node


Node = (
    Term
    | Fact
    | Source
    | DateBound
    | Age
    | EntityRef
    | Speaker
    | QuoteText
    | TitleSymbols
    | And
    | Or
    | Not
)


@dataclass(frozen=True)
class Query:
    """A parsed query with the text it came from (shown as a view's title, saved in views)."""

    text: str
    root: Node = field(compare=True)

    def __str__(self) -> str:
        return self.text


# -- tokens -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Token:
    kind: Literal["(", ")", "AND", "OR", "NOT", "-", "word", "phrase", "field", "symbols"]
    text: str
    position: int  # 1-based
    prefix: bool = False  # a word or phrase ending in *
    value: _Token | None = None  # a field's value (word or phrase), None when empty


_SPACE = re.compile(r"\s+")
_WORD = re.compile(r'[^\s()"]+')
_FIELD = re.compile(r"([A-Za-z]+):")


def _phrase(text: str, start: int) -> tuple[_Token, int]:
    """The phrase opening at text[start] == '"' and the index after it (and an optional *).
    A `*` just after the last word inside the quotes (`"heav*"`, `"heavy ra*"`) is the prefix it
    would be after them: it was dropped as punctuation, and the phrase found nothing."""
    end = text.find('"', start + 1)
    if end < 0:
        raise QueryError("unterminated phrase: expected '\"'", len(text) + 1)
    prefix = text.startswith("*", end + 1)
    inside = text[start + 1 : end]
    words = inside.rstrip("*")
    if words != inside and words[-1:].isalnum():
        inside, prefix = words, True
    token = _Token("phrase", inside, start + 1, prefix=prefix)
    return token, end + 1 + text.startswith("*", end + 1)


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    i = 0
    while i < len(text):
        space = _SPACE.match(text, i)
        if space:
            i = space.end()
            continue
        ch = text[i]
        if ch in "()":
            tokens.append(_Token(ch, ch, i + 1))  # type: ignore[arg-type]
            i += 1
            continue
        if ch == '"':
            token, i = _phrase(text, i)
            tokens.append(token)
            continue
        if text.startswith("--", i) or ch in _LONG_DASHES:
            _refuse_dashes(text, i)
        if ch == "-" and i + 1 < len(text) and (text[i + 1] in '("' or text[i + 1].isalnum()):
            tokens.append(_Token("-", "-", i + 1))
            i += 1
            continue
        if ch == "-" and text[i + 1 :].lstrip()[:1] in ("", ")"):
            # `flood -` (or `(flood -)`): an exclusion left unfinished, an error as `flood NOT`
            # is, not `flood` (a `-` between words, `Tokyo - Osaka`, is punctuation: no word)
            tokens.append(_Token("-", "-", i + 1))
            i += 1
            continue
        field_match = _FIELD.match(text, i)
        if field_match and field_match.group(1).casefold() in FIELDS:
            name = field_match.group(1).casefold()
            j = field_match.end()
            if text.startswith("--", j) or text[j : j + 1] in _LONG_DASHES:
                _refuse_dashes(text, j, field=text[i:j])
            value: _Token | None = None
            if j < len(text) and text[j] == '"':
                value, j = _phrase(text, j)
            else:
                word = _WORD.match(text, j)
                if word:
                    raw = word.group(0)
                    value = _Token("word", raw.rstrip("*"), j + 1, prefix=raw.endswith("*"))
                    j = word.end()
            tokens.append(_Token("field", name, i + 1, value=value))
            i = j
            continue
        if field_match and field_match.group(1).isascii() and _WORD.match(text, i):
            word = _WORD.match(text, i)
            assert word is not None
            if word.group(0) == field_match.group(0) or _looks_like_field(word.group(0)):
                raise QueryError(
                    f"unknown field '{field_match.group(1)}:' (fields: {', '.join(FIELDS)})",
                    i + 1,
                )
        word = _WORD.match(text, i)
        assert word is not None
        raw = word.group(0)
        i = word.end()
        if raw in ("AND", "OR", "NOT"):
            tokens.append(_Token(raw, raw, word.start() + 1))  # type: ignore[arg-type]
        elif has_tokens(raw):  # a lone "&" or "*" is nothing to search for
            tokens.append(_Token("word", raw.rstrip("*"), word.start() + 1, raw.endswith("*")))
        elif has_symbols(raw):  # 🎉: looked for in titles
            tokens.append(_Token("symbols", raw, word.start() + 1))
    return tokens


# An en or em dash, which a keyboard's autocorrect makes of `--` (or `---`)
_LONG_DASHES = ("\u2013", "\u2014")


def _refuse_dashes(text: str, i: int, field: str = "") -> None:
    """`--flood` (dashes at text[i]; also `—flood`, `title:--flood`, where `field` is `title:`)
    before a term: an error, for one dash leaves a word out and two read as the word itself (or
    a double negation: flood again), neither what a user meant (a command line's --option?). A
    run of dashes before a space or the end is punctuation."""
    after = i + len(text[i:]) - len(text[i:].lstrip("-\u2013\u2014"))
    if after == len(text) or not (text[after] in '("' or text[after].isalnum()):
        return
    dashes = text[i:after]
    word = _WORD.match(text, after)
    at = i + 1 - len(field)
    if word is None or not word.group(0).isprintable() or len(word.group(0)) > 40:
        raise QueryError(
            f"'{field}{dashes}' before a term: one - leaves it out (-term or NOT term)", at
        )
    what = field + word.group(0)
    said = field + dashes + word.group(0)
    raise QueryError(f"'{said}': one - leaves a word out (-{what} or NOT {what})", at)


def _looks_like_field(word: str) -> bool:
    """`foo:bar` is a mistyped field; `10:30`, `http://x` and `a:b:c` are words."""
    name, _, rest = word.partition(":")
    return name.isalpha() and bool(rest) and not rest.startswith("/") and ":" not in rest


def has_tokens(text: str) -> bool:
    """Whether FTS5 (unicode61) finds any word in `text`: letters or digits."""
    return any(ch.isalnum() for ch in text)


def has_symbols(text: str) -> bool:
    """Whether `text` holds a symbol a title may show (an emoji, ™: Unicode's "other symbol"),
    which the full-text index keeps no word for."""
    return any(not ch.isascii() and unicodedata.category(ch) == "So" for ch in text)


# -- parser -----------------------------------------------------------------------------------


class _Parser:
    def __init__(self, text: str, name_keys: NameKeys | None) -> None:
        self.text = text
        self.tokens = _tokens(text)
        self.i = 0
        self.name_keys = name_keys
        self.depth = 0
        self.terms: set[Node] = set()  # distinct terms so far (words compared case-insensitively)

    def peek(self) -> _Token | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def end_position(self) -> int:
        return len(self.text.rstrip()) + 1

    def parse(self) -> Node:
        if not self.tokens:
            if self.text.strip():
                raise QueryError("nothing to search for: no letters or digits", 1)
            raise QueryError("empty query: expected a word, a phrase or a field", 1)
        node = self.or_expr()
        token = self.peek()
        if token is not None:
            # Only a stray ')' can stop the expression early.
            raise QueryError("unexpected ')'", token.position)
        return node

    def or_expr(self) -> Node:
        parts = [self.and_expr()]
        while (token := self.peek()) is not None and token.kind == "OR":
            self.i += 1
            parts.append(self.and_expr(after=token))
        parts = _distinct(parts)
        return parts[0] if len(parts) == 1 else Or(tuple(parts))

    def and_expr(self, after: _Token | None = None) -> Node:
        parts = [self.unary(after)]
        while (token := self.peek()) is not None and token.kind not in (")", "OR"):
            if token.kind == "AND":
                self.i += 1
                parts.append(self.unary(after=token))
            else:
                parts.append(self.unary())
        parts = _distinct(parts)
        return parts[0] if len(parts) == 1 else And(tuple(parts))

    def unary(self, after: _Token | None = None) -> Node:
        token = self.peek()
        if token is not None and token.kind in ("NOT", "-"):
            self.i += 1
            self.enter(token)
            node = Not(self.unary(after=token))
            self.depth -= 1
            return node
        return self.atom(after)

    def enter(self, token: _Token) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise QueryError(f"more than {MAX_DEPTH} nested parentheses or NOTs", token.position)

    def expected_term(self, after: _Token | None, token: _Token | None) -> QueryError:
        where = token.position if token is not None else self.end_position()
        if after is not None and after.kind in ("AND", "OR", "NOT", "-"):
            what = after.text
            return QueryError(f"expected a search term after {what}", where)
        if token is not None and token.kind in (")", "AND", "OR"):
            return QueryError(
                "unexpected ')'" if token.kind == ")" else f"unexpected {token.text}", where
            )
        return QueryError("expected a search term", where)

    def atom(self, after: _Token | None) -> Node:
        token = self.peek()
        if token is None or token.kind in (")", "AND", "OR"):
            raise self.expected_term(after, token)
        self.i += 1
        if token.kind == "(":
            self.enter(token)
            if (inner := self.peek()) is not None and inner.kind == ")":
                raise QueryError("expected a search term inside '()'", inner.position)
            node = self.or_expr()
            closing = self.peek()
            if closing is None or closing.kind != ")":
                where = closing.position if closing is not None else self.end_position()
                raise QueryError("expected ')'", where)
            self.i += 1
            self.depth -= 1
            return node
        if token.kind == "symbols":
            node = TitleSymbols(token.text)
        elif token.kind in ("word", "phrase"):
            node = self.term(token, None)
        else:
            node = self.field(token)
        self.terms.add(_same_key(node))
        if len(self.terms) > MAX_TERMS:
            raise QueryError(
                f"more than {MAX_TERMS} different search terms; keep the most telling ones",
                token.position,
            )
        return node

    def term(self, token: _Token, column: TextColumn | None) -> Node:
        if token.kind == "word" and column is None and not token.prefix:
            if token.text == "unread":
                return Fact("unread")
            if token.text == "starred":
                return Fact("starred")
        if not has_tokens(token.text):
            what = "phrase" if token.kind == "phrase" else f"'{token.text}'"
            raise QueryError(f"{what} has no letters or digits to search for", token.position)
        return Term(token.text, column, token.prefix, token.kind == "phrase")

    def field(self, token: _Token) -> Node:
        name, value = token.text, token.value
        if value is None or not value.text.strip():
            if name == "quotes" and value is None:  # bare `quotes:`: has quotes
                return Fact("quotes")
            raise QueryError(f"expected a value after '{name}:'", token.position + len(name) + 1)
        if value.prefix and name not in TEXT_FIELDS:
            raise QueryError(f"'{name}:' takes no prefix (*)", value.position)
        if name in TEXT_FIELDS:
            return self.term(value, TEXT_FIELDS[name])
        text = " ".join(value.text.split())
        if name in ("feed", "tag"):
            return Source(name, text)  # type: ignore[arg-type]
        if name in ("has", "is"):
            return self.fact(name, text, value.position)
        if name in ("after", "before"):
            try:
                day = date.fromisoformat(text) if re.fullmatch(r"\d{4}-\d\d-\d\d", text) else None
            except ValueError:
                day = None
            if day is None:
                raise QueryError(f"'{name}:' expects a date like 2026-11-01", value.position)
            return DateBound(name, day)  # type: ignore[arg-type]
        if name == "age":
            match = re.fullmatch(r"([<>]?)(\d{1,6})([mhdw])", text)
            if match is None:
                raise QueryError(
                    "'age:' expects e.g. <3d or >12h (units m, h, d, w)", value.position
                )
            seconds = int(match.group(2)) * AGE_UNITS[match.group(3)]
            return Age(">", seconds) if match.group(1) == ">" else Age("<", seconds)
        if name == "quotes":
            if not has_tokens(text):
                raise QueryError("'quotes:' needs words to find in a quote", value.position)
            return QuoteText(text)
        if not has_tokens(text):
            raise QueryError(f"'{name}:' needs a name", value.position)
        if name == "speaker":
            keys = speaker_keys(text, self.name_keys) if self.name_keys is not None else ()
            return Speaker(text, keys)
        kind = ENTITY_FIELDS[name]
        return EntityRef(kind, text, self.keys(text, kind))

    def fact(self, name: str, text: str, position: int) -> Fact:
        value = text.casefold()
        if name == "has" and value in HAS_VALUES:
            return Fact(HAS_VALUES[value])
        if name == "is" and value in ("unread", "starred"):
            return Fact(value)  # type: ignore[arg-type]
        choices = ", ".join(HAS_VALUES) if name == "has" else "unread, starred"
        raise QueryError(f"'{name}:' expects one of {choices}", position)

    def keys(self, name: str, kind: str) -> tuple[str, ...]:
        return self.name_keys(name, kind) if self.name_keys is not None else ()


def _same_key(node: Node) -> Node:
    """What makes two nodes the same search: FTS5 matches words whatever their case."""
    return replace(node, text=node.text.casefold()) if isinstance(node, Term) else node


def _distinct(parts: list[Node]) -> list[Node]:
    """The parts without repeats (`flood flood` is `flood`), first occurrence kept."""
    unique: dict[Node, Node] = {}
    for part in parts:
        unique.setdefault(_same_key(part), part)
    return list(unique.values())


def parse_query(text: str, name_keys: NameKeys | None = None) -> Query:
    """Parse a query; raises QueryError (message and 1-based position) when it is not valid."""
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryError(f"query longer than {MAX_QUERY_LENGTH} characters", MAX_QUERY_LENGTH + 1)
    if "\x00" in text:
        raise QueryError("query contains a NUL character", text.index("\x00") + 1)
    return Query(text.strip(), _Parser(text, name_keys).parse())


def tag_values(text: str) -> list[tuple[int, int, str]]:
    """Each `tag:` value of a query as written: (start, end) of its text in `text` (0-based,
    its quotes included) and the folder it names, spaces collapsed. A query that does not
    parse has none (a broken view is said elsewhere)."""
    try:
        tokens = _tokens(text)
    except QueryError:
        return []
    found: list[tuple[int, int, str]] = []
    for token in tokens:
        value = token.value
        if token.kind != "field" or token.text != "tag" or value is None:
            continue
        start = value.position - 1
        quoted = value.kind == "phrase"
        end = text.find('"', start + 1) + 1 if quoted else start + len(value.text)
        found.append((start, end, " ".join(value.text.split())))
    return found


def with_tags_renamed(text: str, renamed: Callable[[str], str | None]) -> str:
    """The query with each `tag:` value `renamed` gives a new folder for written as that folder
    (quoted when it holds a space or a parenthesis), the rest of the text as it was; a value
    `renamed` gives None, or a folder holding a `"`, stays."""
    parts: list[str] = []
    at = 0
    for start, end, folder in tag_values(text):
        new = renamed(folder)
        if new is None or '"' in new or not new.strip():
            continue
        quoted = text[start] == '"' or any(c.isspace() or c in "()*" for c in new)
        parts += [text[at:start], f'"{new}"' if quoted else new]
        at = end
    return "".join(parts) + text[at:]


def fts_string(text: str) -> str:
    """`text` as one FTS5 string: quoted, inner quotes doubled, so no user text is FTS syntax."""
    return '"' + text.replace('"', '""') + '"'


def walk_positive_terms(node: Node) -> list[Term]:
    """The text terms a match must (or may) contain: every Term not under a NOT."""
    if isinstance(node, Term):
        return [node]
    if isinstance(node, And | Or):
        return [t for part in node.parts for t in walk_positive_terms(part)]
    return []


def needs_analysis(node: Node) -> bool:
    """Whether a match depends on what the extractor found (entities, speakers, quotes): such a
    query judges an article only once its analysis is stored."""
    if isinstance(node, EntityRef | Speaker | QuoteText):
        return True
    if isinstance(node, Fact):
        return node.name == "quotes"
    if isinstance(node, And | Or):
        return any(needs_analysis(part) for part in node.parts)
    if isinstance(node, Not):
        return needs_analysis(node.part)
    return False


# `/tok.*/` or `title:/^Tok/` (slashes round a value) or `tok.*` (a word then .* or .+):
# regular expressions, which the query language reads as words and finds nothing with
_REGEX_VALUE = re.compile(r'(?:^|(?<=[\s(]))([A-Za-z]+:)?(/[^/\s"]+/|[^\s/:"()]+\.[*+])(?=$|[\s)])')


def regex_hint(text: str) -> str | None:
    """A hint for a query written as a regular expression (`title:/tok.*/`), which finds
    nothing: the prefix to write (`title:tok*`) or what the language has; None for any other."""
    found = _REGEX_VALUE.search(text)
    if found is None:
        return None
    field, value = found[1] or "", found[2].strip("/")
    word = re.fullmatch(r"\^?(\w+)(?:\.[*+]|\\w[*+])?\$?", value)
    instead = (
        f"write {field}{word[1]}* instead"
        if word is not None
        else 'write a prefix like tok* or a phrase like "tokyo tower"'
    )
    return f"no regular expressions in newstui queries: {instead} (README: Finding things)"
