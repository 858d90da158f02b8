"""HTML → readable plain text: paragraphs kept, scripts and styles dropped, links collected."""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote, urljoin, urlsplit

import lxml.etree

from newstui.model import Link, LinkKind
from newstui.sources.urls import host_within, web_url_at
from newstui.text import (
    BULLETS,
    CELLS,
    GUTTER,
    HEADING_MARK,
    LINE_BREAK,
    QUOTE_LEVEL,
    clean_line,
    clean_text,
    gutter_block,
)

_DROP = {
    "script",
    "style",
    "noscript",
    "template",
    "object",
    "embed",
    "svg",
    "head",
    "form",
    "button",
    "select",
    "nav",
    "canvas",
}
_BLOCK = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "blockquote",
    "pre",
    "table",
    "ul",
    "ol",
    "dl",
    "dd",
    "dt",
    "figure",
    "figcaption",
    "address",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "details",
    "summary",
    "body",
    "html",
}


@dataclass(frozen=True, slots=True)
class _TagKind:
    """What the text walk does at an element's start and end, by its tag."""

    drop: bool = False  # skipped with everything inside (its tail is kept)
    opens: str = ""  # written at its start: a paragraph break, a line break or a bullet
    block: bool = False  # a paragraph break at its end too
    image: bool = False
    link: bool = False
    cell: bool = False  # a table cell: its row's cells are kept apart (_CELL)
    row: bool = False  # a table row: a line of its own (_ROW)
    item: bool = False  # a list item: a bullet, or its number in an <ol>
    listing: int = 0  # a list: 1 for <ol> (its items numbered), -1 for <ul>
    verbatim: bool = False  # <pre>: its text kept line for line (text.GUTTER)
    line_break: bool = False  # <br>: a line break inside the paragraph (text.LINE_BREAK)
    rule: bool = False  # <hr>: a rule of its own between paragraphs (RULE_LINE)
    superscript: bool = False  # <sup>: a footnote's or a power's number, after a caret
    media: bool = False  # <iframe>, <video>, <audio>: a line naming it, its address listed
    quotes: bool = False  # <blockquote>: each paragraph of its words after text.QUOTE_LEVEL
    struck: bool = False  # <s>, <del>, <strike>: its words between STRUCK marks (~~$10~~)
    heading: int = 0  # <h1> … <h6>: its level; its paragraph begins with as many HEADING_MARKs


def _kind_of(tag: object) -> _TagKind:
    """The walk's kind of an element (libxml2 gives HTML tags in lower case; a comment or
    processing instruction has a function for a tag and is dropped)."""
    if not isinstance(tag, str):
        return _TagKind(drop=True)
    tag = tag.lower()
    if not tag or tag in _DROP:
        return _TagKind(drop=True)
    if tag in _MEDIA:
        return _TagKind(opens="\n\n", block=True, media=True)
    block = tag in _BLOCK
    # a term opens a paragraph that its definition goes on, a line below
    opens = _LINE if tag == "dd" else "\n\n" if block else LINE_BREAK if tag == "br" else ""
    listing = 1 if tag == "ol" else -1 if tag in ("ul", "menu") else 0
    return _TagKind(
        False,
        opens,
        block and tag != "dt",
        tag == "img",
        tag == "a",
        tag in ("td", "th"),
        tag == "tr",
        tag == "li",
        listing,
        tag == "pre",
        tag == "br",
        tag == "hr",
        tag == "sup",
        quotes=tag == "blockquote",
        struck=tag in _STRUCK_TAGS,
        heading=int(tag[1]) if tag in _HEADINGS else 0,
    )


_SKIPPED = _TagKind(drop=True)  # an element the walk leaves out once it has looked at it
_INLINE = _TagKind()  # an element whose tag asks for nothing here

# Struck-out words (a correction, an old price): between two of these, as Markdown writes them,
# so "~~$12~~ $8" does not read as two prices (a terminal cannot be asked to strike them)
STRUCK = "~~"
_STRUCK_TAGS = frozenset({"s", "del", "strike"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


# An embedded player or page: a paragraph of its own naming it, "▶ Video: its title", its
# address listed as a link (what it shows when a feed's reader cannot play it: "Your browser
# does not support video" is left out)
_MEDIA = frozenset({"iframe", "video", "audio"})
EMBED_MARK = "▶ "
_VIDEO_HOSTS = ("youtube.com", "youtube-nocookie.com", "youtu.be", "vimeo.com", "dailymotion.com")
_AUDIO_HOSTS = ("soundcloud.com", "spotify.com", "podcasts.apple.com", "anchor.fm")
_YOUTUBE_EMBED = re.compile(
    r"https?://(?:www\.)?youtube(?:-nocookie)?\.com/embed/([A-Za-z0-9_-]{6,20})(?:[?#].*)?"
)
_VIMEO_PLAYER = re.compile(r"https?://player\.vimeo\.com/video/([0-9]{1,15})(?:[?#].*)?")


def _media_link(el: lxml.etree._Element, join: Callable[[str], str]) -> tuple[str, str] | None:
    """An embed's line ("▶ Video: Council meeting") and the address it plays or shows (a
    YouTube or Vimeo player's as its page there), or None for one without an http(s) one."""
    tag = str(el.tag).lower()
    src = _source_of(el)
    if not src:
        for source in el.iter("source"):
            src = _source_of(source)
            if src:
                break
    if not src:
        return None
    try:
        url = web_url_at(join(src.strip()))
    except ValueError:
        return None
    if url is None:
        return None
    if (found := _YOUTUBE_EMBED.fullmatch(url)) is not None:
        url = f"https://www.youtube.com/watch?v={found.group(1)}"
    elif (found := _VIMEO_PLAYER.fullmatch(url)) is not None:
        url = f"https://vimeo.com/{found.group(1)}"
    split = urlsplit(url)
    host = (split.hostname or "").removeprefix("www.")
    if tag == "video" or host_within(host, _VIDEO_HOSTS):
        what = "Video"
    elif tag == "audio" or host_within(host, _AUDIO_HOSTS):
        what = "Audio"
    else:
        what = "Embedded page"
    name = clean_line(el.get("title") or el.get("aria-label") or "", 200)
    if not name:  # (its file's name, its escapes decoded for reading only, else its site)
        name = split.path.rsplit("/", 1)[-1] if tag != "iframe" else ""
        name = clean_line(unquote(name, errors="replace"), 200) or host
    return f"{EMBED_MARK}{what}: {name}", url


# Where a lazily loaded page, player or image keeps its real address until a script moves it
# to `src` (which holds nothing, about:blank or a placeholder picture meanwhile)
_LAZY_SOURCES = ("data-src", "data-lazy-src", "data-original", "data-litespeed-src")


def _source_of(el: lxml.etree._Element) -> str | None:
    """An embed's or image's address: its `src`, or where a lazy loader keeps the real one
    when `src` is missing, blank, about:blank or a data: placeholder."""
    src = (el.get("src") or "").strip()
    if src and not src.startswith(("about:", "data:")):
        return src
    for name in _LAZY_SOURCES:
        lazy = (el.get(name) or "").strip()
        if lazy and not lazy.startswith(("about:", "data:")):
            return lazy
    return src or None


# An emoji drawn as a picture (WordPress's wp-smiley, Twemoji, GitHub's and Mastodon's custom
# emoji: a class of these, or "emoji" in its address): its alt text is the emoji, written among
# the words as a browser shows it, not a numbered image on a line of its own. A small picture
# whose alt is a symbol, not words, too.
_EMOJI_CLASSES = frozenset({"emoji", "wp-smiley", "emojione", "twemoji", "custom-emoji"})
_ICON_SIZE = 32  # pixels: an image this small or smaller beside words is an icon


def _emoji_text(img: lxml.etree._Element) -> str | None:
    """The text an emoji's picture stands for (its alt text), or None for a picture."""
    classes = img.get("class")
    emoji = classes is not None and not _EMOJI_CLASSES.isdisjoint(classes.lower().split())
    if emoji:
        return clean_line(img.get("alt") or "", 40)
    if "emoji" in (img.get("src") or "").lower():  # (an emoji's short name, not a caption)
        alt = clean_line(img.get("alt") or "", 40)
        return alt if len(alt) <= 12 and " " not in alt else None
    if img.get("width") is None or not _small(img):  # (most pictures: no more to ask)
        return None
    alt = clean_line(img.get("alt") or "", 40)
    return alt if alt and len(alt) <= 4 and not any(ch.isalnum() for ch in alt) else None


def _small(img: lxml.etree._Element) -> bool:
    """True when an image's width and height attributes are both a few pixels (an icon)."""
    sizes = [(img.get(side) or "").strip().removesuffix("px") for side in ("width", "height")]
    return all(size.isdigit() and int(size) <= _ICON_SIZE for size in sizes)


# A footnote's mark and its way back (Substack's, Ghost's, Markdown's): a link to a place in
# the same article, even written with the post's whole address; not listed as a link
_FOOTNOTE_PLACE = re.compile(r"#(?:footnote|fn)[-_:]?(?:anchor|ref|back)?[-_:]?[0-9]+$", re.I)
_BACK_MARKS = frozenset({"↩", "↩\ufe0e", "↩\ufe0f", "↑", "⤴", "^"})
_BRACKETED_NUMBER = re.compile(r"\[([0-9]{1,4})\]")


def _in_page(href: str | None) -> bool:
    """True for a link to a place in the same document: "#x", or a footnote's place."""
    href = (href or "").strip()
    return href.startswith("#") or _FOOTNOTE_PLACE.search(href) is not None


def _colspan(cell: lxml.etree._Element) -> int:
    """The columns a table cell spans (its `colspan`, 1 to 20)."""
    span = (cell.get("colspan") or "").strip()
    return min(int(span), 20) if span.isdigit() and 0 < len(span) <= 3 and int(span) > 0 else 1


# Numeric references to C0/C1 controls: lxml would turn them into real control characters.
# Character references to control characters (C0 but tab/newline, DEL, C1): lxml refuses real
# control characters in its tree, so they travel as private-use stand-ins and become real again
# for clean_text, which then strips whole escape sequences rather than leaving their tails.
_CONTROL_REF = re.compile(r"&#(?:x([0-9a-f]+)|([0-9]+));", re.I)
_STAND_IN = 0xE000
_STAND_INS = re.compile("[\ue000-\ue09f]")
_NUMERIC_REF = re.compile("&#")  # sre's literal search: faster than `in` on a wide string
# Where each collected link ends in the text: a private-use mark travels with the words through
# whitespace folding and cleaning, then becomes the link's offset (and is removed).
_LINK_MARK = "\ue0f0"
# A table row's start, a table cell's start, a numbered item's line break and a <pre> block's
# place: private-use marks kept through whitespace folding, then made the row's line break, the
# " | " between cells, the item's line and the block's gutter lines (_blocks_placed).
_ROW = "\ue0f1"
_CELL = "\ue0f2"
_ITEM = "\ue0f3"
_PRE = "\ue0f4"
# An image's place while the walk goes on: _images_placed moves it to the words it stands
# beside (the start of the next line's when the image starts a line), then makes it a link mark.
_IMAGE = "\ue0f5"
# A line break unless one is there already (a definition under its term, a nested list's end,
# a <pre> block in a list item): made one by _blocks_placed.
_LINE = "\ue0f6"
# stand-ins, link and block marks already in the document, and NUL
_DROPPED = re.compile("[\ue000-\ue09f\ue0f0-\ue0f6\x00]")
# What an <hr> is in the text: a paragraph of its own, between two others (none first or last
# in the text, nor right after another)
RULE_LINE = "─" * 10
_RULE_LAST = re.compile(f"{RULE_LINE}([\\s{_LINK_MARK}{_IMAGE}]*)$")


# The kinds of the tags documents use, looked up once each (other tags are classified per use,
# so a document cannot grow this table).
_KINDS: dict[object, _TagKind] = {
    tag: _kind_of(tag)
    for tag in (
        *_DROP,
        *_BLOCK,
        *_MEDIA,
        *"a abbr b big br cite code del em font i img ins kbd li mark q s small span strike strong"
        " sub sup tbody td tfoot th thead time tr tt u var wbr".split(),
    )
}


def _utf8(html: str, known: bytes | None = None) -> bytes | None:
    """`html` in UTF-8 when libxml2 should read it so; None, and it is parsed as a str, for
    ASCII (lxml hands that over as it is), for a text with a lone surrogate (it has no UTF-8)
    and for one opening with an XML declaration (which lxml refuses in a str only). `known`:
    html's UTF-8 when the caller has it."""
    if html.isascii() or html.startswith("<?xml"):
        return None
    if known is not None:
        return known
    try:
        return html.encode()
    except UnicodeEncodeError:
        return None


def _may_hold_dropped(html: str, encoded: bytes | None) -> bool:
    """False when `html` (`encoded`: _utf8's) holds nothing _DROPPED removes: in UTF-8 each
    stand-in and link mark starts with the byte 0xEE and NUL is 0x00, two searches for a byte
    in C (a 3 KB text: ~3 us, where _DROPPED's character class scanned it in ~10 us)."""
    if html.isascii():
        return "\x00" in html
    if encoded is None:  # no UTF-8 made (see _utf8): let _DROPPED look
        return True
    return b"\xee" in encoded or b"\x00" in encoded


def _control_ref(match: re.Match[str]) -> str:
    code = int(match.group(1), 16) if match.group(1) else int(match.group(2))
    if code in (9, 10, 13) or not (code < 32 or 127 <= code < 160):
        return match.group(0)
    return chr(_STAND_IN + code)


# lxml.etree's own HTML parser, not lxml.html's: its elements need no Python class lookup each
# time the walk touches one, and the walk starts at the document root (lxml.html.fromstring's
# choice of a fragment root only moves blank lines at the ends, which cleaning strips).
_PARSER = lxml.etree.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
# The same reading a document's UTF-8 bytes. Given a str, lxml hands libxml2 its buffer to
# convert to UTF-8 (two bytes a character for a text with curly quotes: ~16 instructions a
# character); html_to_text has the UTF-8 already. A named encoding overrides a <meta charset>
# inside, as the str's own encoding does (tests/sources/test_html_bytes.py compares the two).
_UTF8_PARSER = lxml.etree.HTMLParser(
    huge_tree=True, remove_comments=True, remove_pis=True, encoding="utf-8"
)
_STRING = lxml.etree.XPath("string()", smart_strings=False)  # lxml.html's text_content()

# Links urljoin leaves as they are (an absolute http(s) URL) or only prefixes with the base's
# scheme://host (a root-relative path without dot segments): plain ASCII, no params (;), no
# brackets, no empty query or fragment. Anything else goes through urljoin.
_P = "A-Za-z0-9\\-._~%!$&'()*+,=:@"  # path characters but '/'
_TAIL = rf"(?:\?[{_P}/?]+)?(?:#[{_P}/?#]+)?"  # a non-empty query and fragment, if any
_AS_IS = re.compile(rf"https?://[{_P}]+(?:/[{_P}/]*)?{_TAIL}")
_ROOTED = re.compile(rf"/(?!/)[{_P}/]*{_TAIL}")
# A relative path (a guid feedparser resolves, "story.html", "2026/11/x"): no scheme (no ':'),
# no dot segment, no empty segment; it replaces the base's last segment.
_RELATIVE = re.compile(rf"(?![.])[{_P.replace(':', '')}]+(?:/(?![./])[{_P}]+)*{_TAIL}")
_BASE_PATH = re.compile(rf"(?:/(?![./])[{_P}]+)*/?")  # nor in the base's path


def url_joiner(base_url: str | None) -> Callable[[str], str]:
    """`urljoin(base_url, href)` for the many links of one document: the base is split once and
    the common links are joined without parsing them (the same result; a test compares them).
    Raises ValueError, as urljoin does, for a malformed URL (e.g. an unclosed IPv6 bracket)."""
    if not base_url:
        return lambda href: href
    try:
        base = urlsplit(base_url)
    except ValueError:
        return lambda href: urljoin(base_url, href)
    origin = f"{base.scheme}://{base.netloc}"
    rooted = base.scheme in ("http", "https") and bool(base.netloc)
    folder = None  # what a relative path is appended to, when that is all urljoin does
    if rooted and _BASE_PATH.fullmatch(base.path) is not None:
        folder = origin + base.path[: base.path.rfind("/") + 1] if base.path else origin + "/"

    def join(href: str) -> str:
        if _AS_IS.fullmatch(href) is not None:
            return href
        if rooted and "/." not in href and _ROOTED.fullmatch(href) is not None:
            return origin + href
        if folder is not None and _RELATIVE.fullmatch(href) is not None:
            return folder + href
        return urljoin(base_url, href)

    return join


@lru_cache(maxsize=64)
def joiner_for(base_url: str | None) -> Callable[[str], str]:
    """url_joiner(base_url), made once for each base: a feed's articles share theirs, and making
    it (splitting the base, matching its path) cost ~10K instructions an article."""
    return url_joiner(base_url)


_TAG = re.compile(r"<[^>]*>")
_HIDDEN = re.compile(r"<(script|style|template|noscript)\b.*?</\1\s*>", re.I | re.S)


def _may_lose_text(html: str) -> bool:
    """False for a document too small to have nested past libxml2's limit (see _lost_text)."""
    return len(html) >= 20_000 or (len(html) >= 4_000 and html.count("<") >= 4_000)


def _lost_text(text: str, html: str) -> bool:
    """True when the parsed text is much shorter than the document's visible text."""
    if not _may_lose_text(html):
        return False
    visible = " ".join(_TAG.sub(" ", _HIDDEN.sub(" ", html)).split())
    return len(" ".join(text.split())) < 0.6 * len(visible)


def html_to_text(
    html: str | bytes, base_url: str | None = None, *, utf8: bytes | None = None
) -> tuple[str, list[Link]]:
    """Readable text (paragraphs separated by blank lines) and the http(s) links/images, in order.
    `utf8`: the str `html` in UTF-8 (`html.encode()`) when the caller has it already."""
    if isinstance(html, bytes):
        html, utf8 = html.decode("utf-8", "replace"), None
    encoded = _utf8(html, utf8)
    if _may_hold_dropped(html, encoded) and _DROPPED.search(html) is not None:
        html = _DROPPED.sub("", html)
        encoded = _utf8(html)
    # Stand-ins come only from numeric character references (literal ones were just dropped):
    # a document without any needs no substitution now and no stand-in search in its text.
    refs = _NUMERIC_REF.search(html) is not None
    if refs:
        replaced = _CONTROL_REF.sub(_control_ref, html)
        if replaced != html:
            html, encoded = replaced, _utf8(replaced)
    if not html.strip():
        return "", []
    try:
        if encoded is None:
            root = lxml.etree.fromstring(html, parser=_PARSER)
        else:
            root = lxml.etree.fromstring(encoded, parser=_UTF8_PARSER)
    except (lxml.etree.ParserError, ValueError):
        root = None
    if root is None:  # nothing libxml2 could read as a document
        return _clean(re.sub(r"<[^>]*>", " ", html), False, refs), []
    parts: list[str] = []
    links: list[tuple[str, str, LinkKind]] = []  # (text, url, kind); Links made at the end
    seen: set[str] = set()
    words_end = 0  # len(parts) after the last words (or mark): where a link's words end
    join = joiner_for(base_url)
    # A list's items that are each one paragraph (<li><p>…</p></li>, Markdown's loose lists)
    # read as a tight list: the break after an item's paragraph is kept by its index in
    # `parts` until the list ends, then emptied unless some item held more than one paragraph
    list_breaks: list[list[int]] = []  # of the lists open: their items' last breaks
    list_loose: list[bool] = []  # of the lists open: an item with paragraphs after its first
    item_break = -1  # the open item's break after its paragraph, with nothing after it yet

    def add_link(text: str, href: str | None, kind: LinkKind) -> None:
        nonlocal words_end, item_break
        if not href or (kind == "link" and _in_page(href)):
            return  # (a place in the same document: a footnote's, its way back)
        try:
            url = web_url_at(join(href.strip()))  # (no user:password@)
        except ValueError:  # a malformed URL (an unclosed IPv6 bracket): not a link
            return
        if url is not None and url not in seen:
            seen.add(url)
            links.append((clean_line(text, 300), url, kind))
            # a link's mark goes after its last words (not after blocks it closes), an image's
            # where it stands; marks stay in the order of `links`
            at = words_end if kind == "link" else len(parts)
            parts.insert(at, _LINK_MARK if kind == "link" else _IMAGE)
            words_end = at + 1
            if item_break >= at:  # (the list items' paragraph breaks kept by index move on)
                item_break += 1
            for breaks in list_breaks:
                breaks[:] = [i + 1 if i >= at else i for i in breaks]

    # Iterative walk: documents nest deeper than Python's recursion limit. Each read of tag,
    # text or tail makes a new string: each is read once, and an element's kind, looked up at
    # its start, is kept for its end (every start has its end, a skipped subtree's too).
    kinds: list[_TagKind] = []  # of the elements open, the innermost last
    lists: list[int] = []  # of the lists open: the last item number of an <ol>, -1 for a <ul>
    pres: list[str] = []  # the raw text of each <pre> block, in order (a _PRE mark each)
    pre_levels: list[int] = []  # the <blockquote>s each <pre> block is in
    blocks = False  # a table, a numbered item or a <pre> was seen: _blocks_placed has work
    cells = 0  # table cells open (a <br> in one is a space: a row stays a line)
    said = said_by_rule = 0  # pieces of words written; how many when the last rule was
    said_by_item = -1  # how many when the open list item's bullet was (-1: none open)
    quoting = 0  # <blockquote>s open
    # The marks due before the next words, written by the first of them (a text, a tail, a
    # struck run, an emoji): a quote's paragraph's QUOTE_LEVELs, then an open heading's marks
    # ("> ## "); `heading_due` is the heading's part, kept when a quote's part changes
    due = heading_due = ""
    said_by_note = -1  # `said` after a footnote's number: its text's block goes on its line
    walker = lxml.etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        if event == "start":
            tag = el.tag
            kind = _KINDS.get(tag) or _kind_of(tag)
            kinds.append(kind)
            if kind.drop:
                walker.skip_subtree()
                continue
            if kind.link and _in_page(el.get("href")):
                words = _STRING(el).strip()
                if words in _BACK_MARKS:  # a footnote's way back (↩): no words of the article
                    kinds[-1] = _SKIPPED
                    walker.skip_subtree()
                    continue
                if words.isdigit() and "footnote-number" in (el.get("class") or ""):
                    # (Substack's footnote: its number, a link back to its mark, then its text
                    # in a block: "2. The text", one paragraph)
                    kinds[-1] = _SKIPPED
                    parts.append(f"{words}. ")
                    words_end = len(parts)
                    said += 1
                    said_by_note = said
                    walker.skip_subtree()
                    continue
            if kind.struck:
                if not _STRING(el).strip():
                    kinds[-1] = _INLINE  # (nothing struck: no marks)
                else:
                    if due:
                        parts.append(due)
                        due = heading_due = ""
                    parts.append(STRUCK)
            if kind.quotes:
                quoting += 1
                due = QUOTE_LEVEL * quoting + heading_due
            if kind.heading and not cells and said_by_item < 0:  # (not in a cell or an item)
                marks = HEADING_MARK * kind.heading + " "
                due, heading_due = due[: len(due) - len(heading_due)] + marks, marks
            if kind.opens:
                opens = kind.opens
                if opens == "\n\n" and (
                    (lists and (kind.verbatim or _nested(kind.listing, lists[-1])))
                    or (said == said_by_item and not kind.rule)
                ):
                    # a list in a list, a <pre> in one: a line of its own, no blank line; an
                    # item's first paragraph: on its bullet's line (Markdown's loose lists)
                    opens = _LINE if kind.verbatim else ""
                    if item_break >= 0 and said != said_by_item:  # (under its paragraph)
                        parts[item_break] = ""
                        item_break = -1
                elif kind.line_break and cells:
                    opens = " "
                elif said == said_by_note and opens == "\n\n":
                    opens = ""
                if opens:
                    parts.append(opens)
                    blocks = blocks or opens == _LINE
                    # (a quote's paragraph, or its line after a <br>: the marks before its words)
                    if quoting and opens in ("\n\n", LINE_BREAK):
                        due = QUOTE_LEVEL * quoting + heading_due
            if kind.item:
                if lists and lists[-1] >= 0:
                    lists[-1] += 1
                    parts.append(f"{_ITEM}{lists[-1]}. ")
                    blocks = True
                else:
                    parts.append(_BULLETS[min(len(lists), len(_BULLETS)) - 1 if lists else 0])
                said_by_item = said
                due = heading_due  # (a list's items in a quote stay as they are)
            elif kind.listing:
                lists.append(_ol_start(el) - 1 if kind.listing > 0 else -1)
                list_breaks.append([])
                list_loose.append(False)
            elif kind.row or kind.cell:
                parts.append(_ROW if kind.row else _CELL)
                cells += kind.cell
                blocks = True
            elif kind.verbatim:
                pres.append(_pre_text(el))
                pre_levels.append(quoting)
                parts.append(_PRE)
                words_end = len(parts)  # (a link around the block ends after it)
                said += 1
                blocks = True
                walker.skip_subtree()
                continue
            elif kind.media:
                media = _media_link(el, join)
                if media is not None:
                    parts.append(media[0])
                    words_end = len(parts)
                    said += 1
                    add_link(media[0][len(EMBED_MARK) :], media[1], "link")
                walker.skip_subtree()
                continue
            elif kind.rule and said > said_by_rule:  # (words since the last one)
                parts.append(RULE_LINE)
                said_by_rule = said
            elif kind.superscript:
                sup = _STRING(el).strip()
                if _POWER.fullmatch(sup):
                    parts.append("^")  # x^2, a footnote's ^1: not x2, Claim1
                elif (number := _BRACKETED_NUMBER.fullmatch(sup)) is not None and all(
                    _in_page(a.get("href")) for a in el.iter("a")
                ):
                    # a footnote's [1] (Ghost's, Markdown's): ^1, never read as a link's [1]
                    parts.append(f"^{number.group(1)}")
                    words_end = len(parts)
                    said += 1
                    walker.skip_subtree()
                    continue
            if kind.image:
                emoji = _emoji_text(el)
                if emoji:  # an emoji's picture: its alt text among the words
                    if due:
                        parts.append(due)
                        due = heading_due = ""
                    parts.append(emoji)
                    words_end = len(parts)
                    said += 1
                elif emoji is None and not _pixel(el):
                    add_link(el.get("alt") or el.get("title") or "", _source_of(el), "image")
            words = el.text
        else:
            kind = kinds.pop()
            if not kind.drop:
                if kind.link:
                    # string() of an element holding only text is its text (comments are
                    # removed); a link around an image alone is named by the image
                    add_link(_link_words(el) if len(el) else el.text or "", el.get("href"), "link")
                elif kind.listing:
                    lists.pop()
                    breaks = list_breaks.pop()
                    if not list_loose.pop():  # (each item one paragraph: one line each)
                        for i in breaks:
                            parts[i] = ""
                elif kind.cell:
                    cells -= 1
                    if (span := _colspan(el)) > 1:  # (empty cells after it: its row lines up)
                        parts.append(_CELL * (span - 1))
                elif kind.item:
                    said_by_item = -1
                    if item_break >= 0 and list_breaks:
                        list_breaks[-1].append(item_break)
                    item_break = -1
                elif kind.struck:
                    parts.append(STRUCK)
                if kind.quotes:
                    quoting -= 1
                    due = QUOTE_LEVEL * quoting + heading_due
                if kind.heading and heading_due:  # (its marks were not written: none now)
                    due, heading_due = due[: len(due) - len(heading_due)], ""
                if kind.block:
                    # (after a list in a list, or a <pre> in one: the next line, not a paragraph)
                    nested = lists and (kind.verbatim or _nested(kind.listing, lists[-1]))
                    if nested:
                        parts.append(_LINE)
                        blocks = True
                    elif said != said_by_item:  # (an empty block first in an item: nothing)
                        parts.append("\n\n")
                        if quoting:  # (a quote's next paragraph: its marks before its words)
                            due = QUOTE_LEVEL * quoting + heading_due
                        if said_by_item >= 0 and lists and not kind.listing:
                            if item_break >= 0:  # (a block closing around the paragraph)
                                parts[item_break] = ""
                            item_break = len(parts) - 1
            words = el.tail
        if words:  # an element's text, or the tail after its end
            if words.isspace():
                parts.append(words)
            else:
                if due:  # (the marks due before the first words)
                    parts.append(due)
                    due = heading_due = ""
                parts.append(words)
                words_end = len(parts)
                said += 1
                if item_break >= 0:  # (words after the item's paragraph: a loose list)
                    if list_loose:
                        list_loose[-1] = True
                    item_break = -1

    marked = "".join(parts)
    # (the text without its link marks made only for a document large enough to lose text)
    if _may_lose_text(html) and _lost_text(
        (_MARKS.sub("", marked) if links else marked) + " ".join(pres), html
    ):
        # libxml2 stops building the tree past ~2,000 levels of nesting: keep the text anyway.
        text = _clean(html_lib.unescape(_TAG.sub(" ", _HIDDEN.sub(" ", html))), False, refs)
        return text, [Link(*link) for link in links]
    if said_by_rule and said == said_by_rule:  # a rule after the last words: it goes
        marked = _RULE_LAST.sub(r"\1", marked)
    alone: set[int] = set()  # the images standing alone between paragraphs (their numbers)
    if links:
        marked = _marks_off_spaces(marked)
        if _IMAGE in marked:
            marked, alone = _images_placed(marked)
            if marked.startswith(_LINK_MARK):  # (marks first go after the white space there)
                marked = _LEADING_MARKS.sub(r"\2\1", marked)
    folded, trimmed = _fold_paragraphs(marked)
    if blocks:
        folded, trimmed = _blocks_placed(folded, pres, pre_levels), False
    if not links:
        return _clean(folded, trimmed, refs), []
    if _MARKS_LINE.search(folded) or _MARKS_LINE.match(f"\n{folded[:64]}"):
        folded, trimmed = _marks_lines_joined(folded), False  # (rare: beside blocks' marks)
    if LINE_BREAK in folded:  # (marks never keep a <br> at a line's end or start)
        folded = _marks_off_line_breaks(folded)
    return _placed_links(_clean(folded, trimmed, refs), links, alone)


def _nested(listing: int, outer: int) -> bool:
    """Whether a list (`listing`: _TagKind's) in another (`outer`: its `lists` entry) goes on
    the lines of its item, no blank line around it: a numbered list in a numbered one keeps
    them (its "1." would read as the outer's)."""
    return listing != 0 and not (listing > 0 and outer >= 0)


def _pre_text(el: lxml.etree._Element) -> str:
    """A <pre> block's text, each <br> in it a line break (string() has none for them)."""
    for br in el.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return _STRING(el)


# A superscript that is a number (a footnote's, a power's, a range of them): written after a
# caret, `x^2`, `Claim^1`; an ordinal's letters or a sign (1st, ®) are not
_POWER = re.compile(r"[-−]?[0-9][0-9,–-]*")
_PIXEL = frozenset({"0", "1", "0px", "1px"})


def _pixel(img: lxml.etree._Element) -> bool:
    """True for an image of one pixel or none (a tracking pixel): nobody sees it, not listed."""
    return (img.get("width") or "").strip() in _PIXEL or (img.get("height") or "").strip() in _PIXEL


def _link_words(link: lxml.etree._Element) -> str:
    """A link's words; for a link around an image and no words, the image's alt text."""
    words = _STRING(link)
    if words.strip():
        return str(words)
    image = next(link.iter("img"), None)
    return (image.get("alt") or image.get("title") or "") if image is not None else words


def _fold_paragraphs(text: str) -> tuple[str, bool]:
    """Paragraphs at blank lines; inside a paragraph, single newlines from the source are spaces.
    And whether every line is trimmed: no newline was left inside a paragraph (a bullet's), so
    each line is a stripped paragraph or empty."""
    paragraphs: list[str] = []
    trimmed = True
    for paragraph in _PARAGRAPH_BREAK.split(text):
        if "\n" in paragraph:
            paragraph = _LINE_BREAK.sub(" ", paragraph).strip()
            trimmed = trimmed and "\n" not in paragraph
        else:
            paragraph = paragraph.strip()
        paragraphs.append(paragraph)
    return "\n\n".join(paragraphs), trimmed


_MARKS_AFTER_SPACE = re.compile(r"(?<!\s)\s++\ue0f0(?:\s*+\ue0f0)*+")
_LEADING_MARKS = re.compile(r"^(\ue0f0+)(\s+)")
_FIRST_MARKS = re.compile(r"^\s*\ue0f0[\s\ue0f0]*")  # marks and white space that begin a text


def _marks_last(match: re.Match[str]) -> str:
    """White space and marks, the marks after the white space."""
    run = match.group()
    return run.replace(_LINK_MARK, "") + _LINK_MARK * run.count(_LINK_MARK)


# A line of link marks alone, and the same with the words before it: the marks go after those
# words (a line of marks alone would be a blank line kept in the text)
_MARKS_LINE = re.compile("\n[ \t\u2028]*\ue0f0+[ \t\u2028]*(?:\n|$)")


def _marks_lines_joined(folded: str) -> str:
    """`folded` with each line of marks alone emptied, its marks at the end of the last line
    of words before it (at the start of the first line of words when none is before)."""
    lines = folded.split("\n")
    words = -1  # the last line holding words
    waiting = ""  # marks before any line of words
    for i, line in enumerate(lines):
        if not line.strip(f" \t{LINE_BREAK}{_LINK_MARK}"):  # (blank but for marks)
            if _LINK_MARK in line:
                marks = _LINK_MARK * line.count(_LINK_MARK)
                lines[i] = ""
                if words < 0:
                    waiting += marks
                else:  # (a <pre> block's line ends without white space: it stays so)
                    lines[words] = lines[words].rstrip() + marks
            continue
        if words < 0 and waiting:
            line = lines[i].lstrip(" \t")
            lines[i] = line + waiting if line.startswith(GUTTER) else waiting + line
        words = i
    if words < 0:  # (no words at all: the marks stay, at the start)
        lines[0] = waiting + lines[0]
    return "\n".join(lines)


def _marks_off_line_breaks(folded: str) -> str:
    """`folded` with link marks never keeping a <br>'s LINE_BREAK at a line's end or start
    (cleaning drops those; a mark beside one would keep it): marks that end a line go before
    the breaks and spaces before them, marks that begin one after those after them."""
    pieces: list[str] = []
    cursor = 0
    at = folded.find(_LINK_MARK)
    while at != -1:
        end = at
        while end < len(folded) and folded[end] == _LINK_MARK:
            end += 1
        after = end
        while after < len(folded) and folded[after].isspace() and folded[after] != "\n":
            after += 1
        if after == len(folded) or folded[after] == "\n":  # (they end a line)
            before = at
            while before > cursor and folded[before - 1].isspace() and folded[before - 1] != "\n":
                before -= 1
            if LINE_BREAK in folded[before:at]:
                pieces += [folded[cursor:before], folded[at:end], folded[before:at]]
                cursor = end
        elif at == 0 or folded[at - 1] == "\n":  # (they begin a line)
            after = end
            while after < len(folded) and folded[after].isspace() and folded[after] != "\n":
                after += 1
            if LINE_BREAK in folded[end:after]:
                pieces += [folded[cursor:at], folded[end:after], folded[at:end]]
                cursor = after
        at = folded.find(_LINK_MARK, max(end, cursor))
    pieces.append(folded[cursor:])
    return "".join(pieces)


_MARKS_AT_LINE_START = re.compile("(?<=\n)(\ue0f0+)([^\\S\n]+)")
_MARKS_AFTER_SPACES = re.compile("([^\\S\n\u2028]+)(\ue0f0+)(?=[^\\S\u2028]|$)")


def _marks_off_spaces(marked: str) -> str:
    """Link marks moved left over the whitespace before them (to the end of the words; marks at
    the very start after it), so they never split a run of spaces or newlines: the text folds
    and cleans exactly as it would without them (tests/sources/test_link_offsets.py)."""
    if _mark_after_space(marked):  # most links end with a word: no need for the slow pattern
        marked = _MARKS_AFTER_SPACE.sub(
            lambda m: _LINK_MARK * m.group().count(_LINK_MARK) + m.group().replace(_LINK_MARK, ""),
            marked,
        )
    return _LEADING_MARKS.sub(r"\2\1", marked) if marked.startswith(_LINK_MARK) else marked


def _mark_after_space(marked: str) -> bool:
    """True when some link mark follows white space."""
    at = marked.find(_LINK_MARK, 1)
    while at != -1:
        if marked[at - 1].isspace():
            return True
        at = marked.find(_LINK_MARK, at + 1)
    return False


def _placed_links(
    marked: str,
    links: list[tuple[str, str, LinkKind]],
    alone: AbstractSet[int] = frozenset(),
) -> tuple[str, list[Link]]:
    """The text without its link marks, and the links with the offsets of their marks (an
    image in `alone`, by its index, between the two line breaks before its paragraph)."""
    text = marked.replace(_LINK_MARK, "")
    if len(marked) - len(text) != len(links):  # cannot happen: each link left one mark
        return text, [Link(*link) for link in links]
    placed: list[Link] = []
    at = -1
    for before, (link_text, url, kind) in enumerate(links):
        # its mark's place in the text without the marks before it (one search, no pieces)
        at = marked.find(_LINK_MARK, at + 1)
        offset = at - before
        if before in alone and text[offset - 2 : offset] == "\n\n":
            offset -= 1
        placed.append(_placed_link(link_text, url, kind, offset))
    return text, placed


_MARKS = re.compile(f"[{_LINK_MARK}{_IMAGE}]")
# An image's mark with the white space and marks around it
_IN_RUN = frozenset(f"{_LINK_MARK}{_IMAGE}")


def _image_runs(marked: str) -> list[tuple[int, int]]:
    """Where each image mark is, with the white space and marks around it: (start, end), in
    order, apart (found by str.find: a pattern beginning with a class scans slowly)."""
    runs: list[tuple[int, int]] = []
    at = marked.find(_IMAGE)
    while at != -1:
        start = end = at
        while start and (marked[start - 1].isspace() or marked[start - 1] in _IN_RUN):
            start -= 1
        while end < len(marked) and (marked[end].isspace() or marked[end] in _IN_RUN):
            end += 1
        if runs and start < runs[-1][1]:  # (one run with the one before)
            start = runs.pop()[0]
        runs.append((start, end))
        at = marked.find(_IMAGE, end)
    return runs


_LINE_STARTS = frozenset(f"\n{LINE_BREAK}{_ROW}{_CELL}{_ITEM}{_LINE}")
_NOT_WORDS = frozenset(f"•◦▪{_ROW}{_CELL}{_ITEM}{_PRE}{_LINE}")


def _images_placed(marked: str) -> tuple[str, set[int]]:
    """`marked` with each image mark beside the words it stands with, made a link mark: an
    image that starts a line (a figure above its caption, one after a <br>) at the start of
    the next words, else after the words before it, as a link's; never inside a run of white
    space (the text folds as it would without them). And the indexes (in link order) of the
    images alone between paragraphs (a figure without a caption): _placed_links puts them
    between the paragraphs."""
    alone: set[int] = set()
    pieces: list[str] = []
    cursor = count = 0  # count: the marks before the run
    for start, end in _image_runs(marked):
        chunk = marked[start:end]
        count += marked.count(_LINK_MARK, cursor, start)
        found = _MARKS.findall(chunk)
        spaces = _MARKS.sub("", chunk)
        lead = _MARKS.sub("", chunk[: chunk.index(_IMAGE)])  # (the white space before it)
        # (a block's start, or a <br>'s; a new line in the source is a space)
        starts_line = (
            start == 0
            or marked[start - 1] in _LINE_STARTS
            or LINE_BREAK in lead
            or _PARAGRAPH_BREAK.search(lead) is not None
        )
        # (not onto a bullet or a block's mark, nor at the very end: after the last words)
        right = starts_line and end < len(marked) and marked[end] not in _NOT_WORDS
        first_image = found.index(_IMAGE)
        if right and _PARAGRAPH_BREAK.search(chunk, chunk.rindex(_IMAGE)):
            # a paragraph break after it: the image (and a link around it) has its lines
            alone.update(range(count + first_image, count + len(found)))
        count += len(found)
        # (the links ending before the first image stay with their words)
        before, after = "".join(found[:first_image]), "".join(found[first_image:])
        pieces += [
            marked[cursor:start],
            before + spaces + after if right else before + after + spaces,
        ]
        cursor = end
    pieces.append(marked[cursor:])
    return "".join(pieces).replace(_IMAGE, _LINK_MARK), alone


def _placed_link(text: str, url: str, kind: LinkKind, offset: int) -> Link:
    """`Link(text, url, kind, offset=offset)`, its fields set as the frozen dataclass's
    `__init__` sets them: that `__init__` runs as Python code (~12K instructions a link, this
    ~2K; an article of the ingest benchmark has 7.5 links). See the note above model.Link;
    tests/sources/test_link_offsets.py compares the two."""
    link = Link.__new__(Link)
    fields = link.__dict__
    fields["text"] = text
    fields["url"] = url
    fields["kind"] = kind
    fields["size"] = None
    fields["duration"] = None
    fields["offset"] = offset
    return link


_BULLETS = tuple(f"\n{bullet} " for bullet in BULLETS)  # a <ul>'s items by depth
# (spaces only around a mark: a paragraph break before a table's first row stays one)
_ROW_START = re.compile(f" *{_ROW} *(?:{_CELL} *)?")  # a row's line starts at its first cell
_CELL_START = re.compile(f" *{_CELL} *")
_ITEM_START = re.compile(f" *{_ITEM}")


def _ol_start(el: object) -> int:
    """The number an <ol>'s first item has: its `start` (1 when missing, not a number, or below
    1), so a list split around a figure goes on (review r36 U2)."""
    start = str(getattr(el, "get", lambda _: None)("start") or "").strip()
    return int(start) if start.isdigit() and 0 < len(start) <= 6 and int(start) > 0 else 1


_LONE_CELL = re.compile(f"{_CELL}[\\s{_LINK_MARK}]*")


def _lone_cells_joined(folded: str) -> str:
    """`folded` with the cell marks gone from each table row with fewer than two cells holding
    text: a layout table's row (an image beside the text) is no row of cells (review r36 U2:
    a stray " |" line)."""
    rows = folded.split(_ROW)
    for i in range(1, len(rows)):
        cells = rows[i].split(_CELL)[1:]
        if sum(1 for cell in cells if cell.strip(f" \n{_LINK_MARK}")) < 2:
            # (its text starts the row's line; link marks there stay)
            rows[i] = _LONE_CELL.sub(lambda m: _LINK_MARK * m.group().count(_LINK_MARK), rows[i])
    return _ROW.join(rows)


_BLANK = f"[^\\S\n{LINE_BREAK}]*"  # white space on a line
_LINES = re.compile(
    f"({_BLANK}\n)?{_BLANK}((?:{_LINK_MARK}{_BLANK})*{_LINE}{_BLANK}(?:[{_LINE}{_LINK_MARK}]{_BLANK})*)(\n)?"
)


def _line_made(match: re.Match[str]) -> str:
    """A run of _LINE marks: a line break, unless a line already breaks there (or the text
    starts or ends there). Link marks before it stay before it, those after it after it."""
    before, run, after = match.group(1) or "", match.group(2), match.group(3) or ""
    first = run.index(_LINE)
    ending = run[:first].count(_LINK_MARK) * _LINK_MARK  # (links that end the words before)
    starting = run[first:].count(_LINK_MARK) * _LINK_MARK
    if before or after or match.start() == 0 or match.end() == len(match.string):
        return before.lstrip() + ending + starting + after
    return ending + "\n" + starting


def _blocks_placed(folded: str, pres: list[str], levels: list[int]) -> str:
    """The folded text with its block marks made lines: each table row a line, its cells apart
    (" | "), each numbered item a line, each <pre> block its gutter lines (text.gutter_block;
    in a quote, each after the quote's marks: `levels`, the quotes each block is in)."""
    if _ROW in folded or _CELL in folded:
        folded = _CELL_START.sub(CELLS, _ROW_START.sub("\n", _lone_cells_joined(folded)))
    if _ITEM in folded:
        folded = _ITEM_START.sub("\n", folded)
    if _LINE in folded:
        folded = _LINES.sub(_line_made, folded)
    if pres:
        verbatim = iter(zip(pres, levels, strict=True))
        folded = re.sub(_PRE, lambda _: _quoted_block(*next(verbatim, ("", 0))), folded)
    if _LINK_MARK in folded:
        # (marks that begin the text after a block's line break; marks after spaces a cell's
        # " | " put there, before them: they never split a run of spaces)
        folded = _FIRST_MARKS.sub(_marks_last, _MARKS_AFTER_SPACES.sub(r"\2\1", folded))
        if f"\n{_LINK_MARK}" in folded:  # (marks that begin a row's line: after its spaces)
            folded = _MARKS_AT_LINE_START.sub(r"\2\1", folded)
    return folded


def _quoted_block(raw: str, level: int) -> str:
    """A <pre> block's gutter lines, each after `level` quote marks (a block in a quote)."""
    block = gutter_block(raw)
    if not level or not block:
        return block
    return "\n".join(QUOTE_LEVEL * level + line for line in block.split("\n"))


_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*(?![•◦▪]\ue0f0* )")  # a bullet's link mark stays with it
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _clean(text: str, trimmed: bool, refs: bool) -> str:
    """Clean converted text, stripping escape sequences that came in as character references
    (`refs`: the document had numeric references, the only source of stand-ins; `trimmed`: see
    _fold_paragraphs. A stand-in put back is a control character: clean_text's check of the
    characters finds it, whatever `trimmed` says)."""
    if refs and _STAND_INS.search(text) is not None:
        text = _STAND_INS.sub(lambda m: chr(ord(m.group(0)) - _STAND_IN), text)
    return clean_text(text, trimmed=trimmed)
