"""How the names of sources, tags and views are compared and sorted: in any case of any script
and either Unicode form ("SÜDDEUTSCHE" is "Süddeutsche", "ΚΑΘΗΜΕΡΙΝΉ" is "Καθημερινή"), and
listed by their letters without accents ("Ärzte Zeitung" under A, not after Z)."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

_T = TypeVar("_T")

# Dashes and quotes a keyboard types for the typographic ones (or the other way round): a
# name that differs only by them is offered as a "did you mean"
_LOOSE = str.maketrans(
    dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-")
    | dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u00b4`", "'")
    | dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"')
)
_DIGITS = re.compile(r"(\d+)")
# The format characters (Unicode category Cf, as this Python's unicodedata has them) that
# show nothing are taken by category, so a newer Unicode's come with it (r47: the Egyptian
# hieroglyph joiners U+13430-1343F, "Tech\U00013430" was a second Tech): all of them but the
# Prepended_Concatenation_Mark characters, signs that show (Arabic number sign U+0600 and the
# like: tests/store/test_feed_order checks it), which unicodedata does not tell.
_SHOWN_FORMAT = "\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\U000110bd\U000110cd"
# Then the default-ignorable characters that are no Cf and show nothing of their own (review r46
# L6: "Tech\ufe0f" was a second Tech), which unicodedata does not tell either (Unicode's
# Other_Default_Ignorable_Code_Point and Variation_Selector): the combining grapheme joiner, the
# Hangul fillers, Khmer's inherent vowels, Mongolian and Unicode variation selectors, the
# unassigned ones (U+2065, U+FFF0-FFF8, plane 14's); and the Khitan small script filler U+16FE4
# (a mark, a filler like Hangul's: r47).
_IGNORABLE = (
    "\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u2065\u3164\ufe00-\ufe0f\uffa0\ufff0-\ufff8"
    "\U00016fe4\U000e0000-\U000e0fff"
)
# (where Unicode has its format characters: planes 0 and 1; plane 14's are all in _IGNORABLE)
_FORMAT_PLANES = range(0x80, 0x20000)
# A run of the white space clean_line folds into one plain space (text._spaces) holding one
# that is not a plain space: a name written with a no-break or thin space shows as the one with
# a space (hostile r47 L5: `remove 'Tech\xa0News'` found no source, the config's being cleaned)
_WIDE = "\t\u00a0\u2000-\u200a\u202f\u205f\u3000"
_SPACES = re.compile(f"[ {_WIDE}]*[{_WIDE}][ {_WIDE}]*")


@functools.cache
def _format() -> re.Pattern[str]:
    """The characters shown_name drops: format characters (Cf) but the prepended concatenation
    marks, and the other default-ignorable ones (_IGNORABLE). Made at the first name not ASCII
    (~9 ms: a look at each character of planes 0 and 1)."""
    shown = re.compile(f"[{_SHOWN_FORMAT}]")
    category = unicodedata.category
    runs: list[list[int]] = []  # (as ranges: ~80 single characters were searched 2.5x slower)
    for c in map(chr, _FORMAT_PLANES):
        if category(c) == "Cf" and shown.match(c) is None:
            if runs and runs[-1][1] == ord(c) - 1:
                runs[-1][1] = ord(c)
            else:
                runs.append([ord(c), ord(c)])
    hidden = "".join(f"{chr(a)}-{chr(b)}" if b > a else chr(a) for a, b in runs)
    return re.compile(f"[{hidden}{_IGNORABLE}]")


def invisible_characters(name: str) -> list[str]:
    """The characters of `name` that shown_name drops: they show nothing in it."""
    return [] if name.isascii() else _format().findall(name)


# Invisible characters that change how the characters beside them look: joiners between two
# letters not ASCII (an emoji sequence, Persian's non-joiner), variation selectors after one (or
# a keycap's), and an emoji flag's tag sequence; visible_name keeps them
_JOINERS = "\u200c\u200d"
_SELECTORS = re.compile("[\u180b-\u180d\u180f\ufe00-\ufe0f\U000e0100-\U000e01ef]")
_FLAG_TAGS = re.compile("\U0001f3f4[\U000e0020-\U000e007e]+\U000e007f")


@functools.cache
def _unseen() -> re.Pattern[str]:
    """What visible_name writes as escapes: the characters shown_name drops, and the white
    space it makes a plain space."""
    return re.compile(f"{_format().pattern[:-1]}{_WIDE}]")


_SCHEME = re.compile(r"[a-zA-Z][\w+.-]*://")


def url_name(url: str) -> str:
    """A feed's name while it has none of its own: no `name` in feeds.toml and no title its
    document gives (newsboat's rule: a name given always, else the feed's own title once
    known, else its address). Its address without the scheme, as listed and sorted (`http://`
    sorted every such feed under h: user test r48 LOW-7); `url` with its password hidden."""
    start = _SCHEME.match(url)
    return url[start.end() :] if start and start.end() < len(url) else url


# A host's letters as site_name keeps them: letters and digits of any script, dots and hyphens
# (an underscore too, which some hosts have); anything else (markup, escapes, spaces) is no host
_HOST = re.compile(r"[^\W_](?:[\w.-]*[^\W_])?")


def site_name(site_url: str | None) -> str | None:
    """The name a feed with neither a `name` nor a title goes by when it declares its web site
    (RSS's `<link>`, Atom's alternate link, JSON Feed's `home_page_url`, OPML's `htmlUrl`): the
    site's host without `www.` (`example.org`), its port if one is written (`localhost:8080`),
    an IDNA host as it reads (`münchen.de`). None for anything but an http(s) address with a
    host of letters, digits, dots and hyphens: the link is the feed's text, untrusted."""
    if not site_url or len(site_url) > 2048:
        return None
    from urllib.parse import urlsplit  # (~17M instructions with pathlib: none for `show`)

    try:
        parts = urlsplit(site_url.strip())
        host, port = parts.hostname, parts.port
    except ValueError:  # (a port that is no number, a bracket unclosed)
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    host = host.rstrip(".")
    if ":" in host:  # an IPv6 address
        shown = f"[{host}]" if re.fullmatch(r"[0-9a-f:.]+", host) else None
    else:
        shown = _readable_host(host)
    if shown is None:
        return None
    shown = shown.removeprefix("www.") if shown.count(".") > 1 else shown
    default = {"http": 80, "https": 443}[parts.scheme.lower()]
    return f"{shown}:{port}" if port is not None and port != default else shown


def document_names(title: str | None, site_url: str | None) -> Iterator[str]:
    """The one rule naming a feed that has no `name` of its own (review r50 LOW-3, LOW-7: the
    store, a fetch's own lines and a sync named it three ways): the names its document gives
    it, in the order it takes the first no other listed source goes by: its title (the last
    one read; not one that shows nothing), then its web site's host (site_name). None free:
    it goes by its address without the scheme (url_name). The store (SQL's
    document_name()), a fetch's lines (ingest.configured_sources.TitleNames) and a sync's
    subscriptions (store.sync) all ask this. (Each in turn: the host is worked out only when
    asked for, not at every registering of a titled feed.)"""
    shown = title if title and not shows_nothing(title) else None
    if shown is not None:
        yield shown
    host = site_name(site_url)
    if host is not None and host != shown:
        yield host


def _readable_host(host: str) -> str | None:
    """`host` (lower case) as a reader reads it, its IDNA labels (`xn--…`) decoded; None when a
    label is empty or holds anything but letters, digits and inner hyphens."""
    labels = []
    for label in host.split("."):
        if label.startswith("xn--"):
            try:
                label = label.encode("ascii").decode("idna")
            except (UnicodeError, ValueError):
                return None
        if not _HOST.fullmatch(label) or "." in label:
            return None
        labels.append(unicodedata.normalize("NFC", label))
    return ".".join(labels)


def visible_name(name: str) -> str:
    """`name` for a line or table listing sources (`feeds`, `remove`): each character of it that
    shows nothing, and each space that is not a plain one, written as an escape (`Tech\\u200B`),
    so names that look alike are told apart (hostile r47 L5: `feeds` wrote U+200B, U+2061 and
    tag characters raw, each a second "Tech"). What joins or varies the characters beside it
    (an emoji sequence, a flag, Persian's non-joiner) is left as it is."""
    if name.isascii() or not (unseen := _unseen()).search(name):
        return name
    flags = {i for m in _FLAG_TAGS.finditer(name) for i in range(*m.span())}

    def escaped(found: re.Match[str]) -> str:
        c, at = found[0], found.start()
        before, after = name[at - 1 : at] if at else "", name[at + 1 : at + 2]
        if at in flags:
            return c
        if c in _JOINERS and before and after and not before.isascii() and not after.isascii():
            return c
        if _SELECTORS.match(c) and before and (not before.isascii() or after == "\u20e3"):
            return c
        return f"\\u{ord(c):04X}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08X}"

    return unseen.sub(escaped, name)


def shown_name(name: str) -> str:
    """`name` as a screen shows it: composed (NFC), without its format characters (category
    Cf: zero-width joiners and spaces, bidi marks, soft hyphens) and variation selectors and
    fillers (U+FE0F, U+3164), which show nothing in a name, its no-break and thin spaces plain.
    Two names equal here look the same: a user cannot tell them apart, or type one and not the
    other (hostile r46 M6: "Te\\u200dch" and "Tech" were two feeds, both shown as Tech)."""
    if name.isascii():
        return name
    shown = unicodedata.normalize("NFC", name)
    if _unseen().search(shown) is None:  # (most names: one look for both)
        return shown
    if (hidden := _format()).search(shown):
        shown = unicodedata.normalize("NFC", hidden.sub("", shown))
    return _SPACES.sub(" ", shown)


def shows_nothing(name: str) -> bool:
    """Whether `name` shows blank: only white space and characters shown_name drops (joiners,
    variation selectors, Hangul fillers) or the blank braille pattern. A source so named is a
    blank line in Sources and `feeds`, and no one can type it."""
    if name.isascii():
        return not name.strip()
    return not shown_name(name).replace("\u2800", "").strip()


def name_key(name: str) -> str:
    """`name` as names are compared (feeds, tags, views, everywhere: SQL's name_key() too):
    Unicode case folding (every script's letters; ß is ss) of the name as shown (shown_name)."""
    if name.isascii():
        return name.lower()  # (casefold's, for ASCII)
    return _folded(name)


@functools.lru_cache(maxsize=4096)
def _folded(name: str) -> str:
    """name_key of a name not ASCII, kept: the same few names (feeds, tags) are folded for
    every row (SQL's name_order() of `list --sort feed`), ~3 us each without (the look for
    format characters) and ~0.1 us again."""
    return unicodedata.normalize("NFC", shown_name(name).casefold())


def named(name: str, items: Iterable[_T], name_of: Callable[[_T], str]) -> list[_T]:
    """Of `items`, those `name` names (name_key); of several, the one whose name shows exactly
    as `name` (shown_name: its case too), if only one does. More than one left: `name` alone
    cannot choose (hostile r46 H2: `remove Café` deleted one of two feeds so named, unsaid)."""
    wanted = name_key(name)
    found = [item for item in items if name_key(name_of(item)) == wanted]
    if len(found) > 1:
        shown = shown_name(name)
        exact = [item for item in found if shown_name(name_of(item)) == shown]
        if len(exact) == 1:
            return exact
    return found


def loose_name_key(name: str) -> str:
    """name_key by its letters without accents (sort_letters, as Sources sorts names), every
    dash a hyphen, every quote a straight one and spaces collapsed: what a name typed on a
    keyboard (`cafe equipe`, `Zeitung - Munchen`) shares with the one it meant (`Café
    Équipe`, `Zeitung – München`; user test r47 L6)."""
    return " ".join(sort_letters(name_key(name)).translate(_LOOSE).split())


def sort_letters(name: str) -> str:
    """`name`'s letters as a reader looks them up in a list: without accents, any case
    (Ärzte with the A's, Équipe with the E's, ıslak with the I's)."""
    if name.isascii():
        return name.lower()
    return name.translate(_LETTERS)


def each_sort_letters(text: str) -> list[str]:
    """sort_letters of each character of `text`, in its order: one letter, several (æ: ae,
    ß: ss) or none (a combining mark), so a place in the letters leads back to one in `text`."""
    return list(map(_LETTERS.__getitem__, map(ord, text)))


class _SortLetters(dict[int, str]):
    """Each character's sort_letters, worked out when str.translate first asks for it (a title
    of `list --sort title` took ~5 us): its compatibility decomposition without combining marks,
    case folded, decomposed again (ı as i). Per character as for the whole text: the marks a
    text's decomposition reorders are the ones left out."""

    def __missing__(self, code: int) -> str:
        plain = unicodedata.normalize("NFKD", chr(code))
        plain = "".join(c for c in plain if not unicodedata.combining(c))
        letters = unicodedata.normalize("NFKD", plain.casefold()).replace("ı", "i")
        if not letters.isascii():
            letters = latin_base(chr(code)) or letters
        if len(self) < 65536:  # (a hostile feed's every character: not all kept)
            self[code] = letters
        return letters


_LETTERS = _SortLetters()

# A Latin letter without a decomposition to its base letter (user test r47 L1: Łódź, Øresund,
# Œuvre, Đà Nẵng, Ħamrun sorted after Zebra): its Unicode name says the letter it is made from
# (LATIN CAPITAL LETTER L WITH STROKE, LATIN SMALL LIGATURE OE, LATIN LETTER SMALL CAPITAL R),
# or, for the two that say no letter, _NAMED_BASE does.
_BASE_NAMED = re.compile(
    r"LATIN (?:(?:SMALL|CAPITAL) (?:LETTER|LIGATURE)|LETTER SMALL CAPITAL)"
    r" (?:DOTLESS )?([A-Z]{1,2})(?: WITH .*)?"
)
_NAMED_BASE = {"ETH": "d", "THORN": "th"}


def latin_base(letter: str) -> str | None:
    """The ASCII letters a Latin letter with no decomposition sorts as (ł as l, Æ as ae, Þ as
    th), from its Unicode name; None for any other character. Search reads them so too
    (store.search_fold)."""
    name = unicodedata.name(letter, "")
    base = _BASE_NAMED.fullmatch(name)
    if base:
        return base[1].lower()
    kind, _, word = name.partition(" LETTER ")
    return _NAMED_BASE.get(word) if kind in ("LATIN SMALL", "LATIN CAPITAL") else None


def name_order(name: str) -> tuple[tuple[str | int, ...], str]:
    """A sort key listing names as a reader counts: by their letters without accents and case
    (sort_letters), numbers by value ("News Desk 2" before "News Desk 10"); names that differ
    only by accents or case in a fixed order."""
    parts = _DIGITS.split(sort_letters(name))
    return tuple(int(p) if n % 2 else p for n, p in enumerate(parts)), name_key(name)


# The version of name_order_text's output: stores keep each title's (schema 54's title_order)
# with it and this Python's Unicode version (name_order_version), and work the keys out again
# at their next open when either differs. Add one to it with any change of what name_order_text
# returns (tests/model/test_name_order pins a few outputs to remind).
NAME_ORDER_VERSION = 2


def name_order_version() -> str:
    """What the keys of name_order_text depend on: NAME_ORDER_VERSION and the Unicode version
    of this Python's unicodedata (its decompositions, cases and format characters)."""
    return f"{NAME_ORDER_VERSION} unicode {unicodedata.unidata_version}"


def name_order_text(name: str) -> str:
    """name_order as one string that sorts as it does, code point by code point (SQL's
    name_order(), whose BINARY order is that): each run of letters ends with NUL, a number is
    its digit count then its digits, then \x01 and name_key."""
    return f"{_DIGITS.sub(_number_text, sort_letters(name))}\0\x01{name_key(name)}"


def _number_text(number: re.Match[str]) -> str:
    """A number of name_order_text, after the NUL that ends the letters before it: its digit
    count (a longer number is a larger one), then its digits."""
    digits = number[0].lstrip("0") or "0"
    return f"\0{chr(0x30 + len(digits))}{digits}"
