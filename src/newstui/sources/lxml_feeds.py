"""Well-formed RSS 2.0 and Atom 1.0 read with lxml into the entry values feedparser gives.

feedparser costs ~0.6 ms of Python per entry (a SAX callback per element and per text run).
Most feeds are well-formed UTF-8 RSS 2.0 or Atom using a handful of elements: this reads those
with one lxml parse (no entities, no network, no huge trees) and reproduces feedparser's values
for exactly the fields newstui reads (its own quirks included: relative guids resolved,
permalink guids as links, cp1252 repairs; an Atom id is a link only when written as an
absolute http(s) URL, a correction parse_feed makes of feedparser's entries too). Anything it does not know to be equivalent — another
format or encoding, an element feedparser would treat specially and this does not handle, a
repeated field, markup inside a text field — returns None and the caller uses feedparser.
tests/sources/test_lxml_feeds.py runs both over every feed the tests know and compares the
stored articles field by field.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from datetime import datetime, timedelta
from typing import Any

import lxml.etree

from newstui.sources.feedparser_parts import (
    HANDLED,
    NAMESPACES,
    RELATIVE_URI_KEYS,
    URIFIXER,
    make_safe_absolute_uri,
)
from newstui.sources.html import joiner_for
from newstui.sources.urls import is_http_url

Entry = dict[str, Any]

_PARSER = lxml.etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    huge_tree=False,
    load_dtd=False,
    dtd_validation=False,
    remove_blank_text=False,
    collect_ids=False,
)
ATOM = "http://www.w3.org/2005/Atom"
_XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_PREFIXES: dict[str, str] = {uri.lower(): prefix for uri, prefix in NAMESPACES.items()}
# Every element feedparser has a handler for (its own name for it: prefix_local).
_HANDLED = HANDLED
# Entry keys newstui reads: an unhandled element of one of these names would be stored under it.
_READ_KEYS = {
    "title",
    "title_detail",
    "link",
    "links",
    "content",
    "summary",
    "summary_detail",
    "enclosures",
    "id",
    "guid",
    "author",
    "author_detail",
    "authors",
    "published",
    "published_parsed",
    "updated",
    "updated_parsed",
    "created",
    "created_parsed",
    "itunes_duration",
}
# Handled by feedparser, but only into keys newstui never reads (nor changing its state in a way
# that matters here) — as long as they hold no element of their own that is not harmless too.
_HARMLESS = {
    "category",
    "comments",
    "cloud",
    "copyright",
    "rights",
    "dc_rights",
    "dc_subject",
    "dc_language",
    "language",
    "generator",
    "docs",
    "ttl",
    "tags",
    "keywords",
    "media_category",
    "media_content",
    "media_credit",
    "media_keywords",
    "media_license",
    "media_player",
    "media_rating",
    "media_restriction",
    "media_thumbnail",
    "itunes_block",
    "itunes_explicit",
    "itunes_keywords",
    "itunes_image",
    "itunes_category",
    "georss_point",
    "georss_line",
    "georss_polygon",
    "georss_box",
    "cc_license",
    "creativecommons_license",
    "creativeCommons_license",
    "expirationdate",
}
_TEXT_TYPES = {"text/plain", "text/html"}
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_URI_KEYS = RELATIVE_URI_KEYS
_ENCODING_DECL = re.compile(rb"^<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']*)[\"']", re.I)
_C1 = re.compile("[\x80-\x9f]")  # what feedparser's cp1252 table maps
# Where a C1 character of a well-formed UTF-8 document without entity declarations comes from:
# its two bytes in UTF-8, or a character reference (decimal 128-159, hex 80-9F).
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")
_C1_REFERENCE = re.compile(rb"&#(?:[xX]0*[89][0-9a-fA-F]|0*1(?:2[89]|[3-5][0-9]));")
_XML_TYPES = {"application/xml", "application/rss+xml", "application/atom+xml"}
# A summary_detail's or content's key (feedparser has no such key) holding its value's UTF-8
# when this reader has it already (the bytes of a CDATA section): see _long_text.
UTF8 = "newstui_utf8"


def feedparser_join(base: str, uri: str) -> str:
    """feedparser's _urljoin (its repair of slashes after the scheme, then urljoin; '' for a
    malformed URL), the base split once per document and the common links joined as they are."""
    if ":///" in uri:  # the only case the repair changes (slashes right after "://")
        uri = URIFIXER.sub(r"\1\3", uri)
    try:
        return joiner_for(base)(uri)
    except ValueError:
        return ""


def item_guid(written: str, base: str, *, permalink: bool = True) -> str:
    """An item's guid (RSS guid, Atom id) as feedparser gives it and newstui stores it: trimmed,
    and joined to its base (the feed's address, or an xml:base) unless the feed says it is no
    permalink (RSS isPermaLink="false"): `ep1` in http://host/pod.xml is http://host/ep1. Marks
    newsboat keeps by the guid as written find their article through it (newsboat_cache)."""
    value = written.strip()
    return feedparser_join(base, value) if permalink and value else value


class _Unusual(Exception):
    """Something this reader does not reproduce exactly: feedparser reads the document."""


def read_well_formed(
    body: bytes, url: str, content_type: str | None
) -> tuple[Entry, list[Entry]] | None:
    """(feed values, entries) as feedparser would give them, or None when the document is not a
    well-formed UTF-8 RSS 2.0 / Atom 1.0 feed of the kind read here."""
    if not _plain_utf8(body, content_type):
        return None
    root, sections = _parsed(body)
    if root is None:
        return None
    if root.getroottree().docinfo.doctype:
        return None
    token = _SECTIONS.set(sections)
    try:
        return _read_root(root, body, url)
    finally:
        _SECTIONS.reset(token)


def _parsed(body: bytes) -> tuple[Any, list[bytes] | None]:
    """The document's root element (None when libxml2 refuses it), and its CDATA sections when
    they were taken out before parsing (see _cdata_apart; None when they were not)."""
    apart = _cdata_apart(body)
    if apart is not None:
        skeleton, sections = apart
        try:
            root = lxml.etree.fromstring(skeleton, _PARSER)
        except (lxml.etree.XMLSyntaxError, ValueError):
            root = None  # the document itself tells (its error, or what it holds)
        # a reference inside an attribute value: the document's "<" there is an error
        if root is not None and not _REFERENCE_IN_ATTRIBUTE(root):
            return root, sections
    try:
        return lxml.etree.fromstring(body, _PARSER), None
    except (lxml.etree.XMLSyntaxError, ValueError):
        return None, None


# CDATA sections (the HTML of most feeds' descriptions) cost libxml2 ~65 instructions a byte: it
# reads them a character at a time (xmlParseCDSect), then lxml decodes each to a str. Taken out
# before parsing, as slices of the document, each is one reference in the tree ("\ue000" its
# number "\ue001"), read back by _text as the section's text (the ingest benchmark's feeds:
# read_well_formed 450K -> 292K instructions an article). Only where libxml2 would read the very
# same text: sections found by a scan that skips comments and processing instructions, no
# character XML refuses (C0 controls but tab and line breaks, U+FFFE, U+FFFF), line breaks
# normalised as libxml2 does, no reference character outside the sections (nor a character
# reference to one), no reference in an attribute value (where "<" is an error), a document
# below libxml2's text limit; else the document is parsed whole. The sections' texts are
# found by _text through _SECTIONS (set while a document is read: the parse thread and the
# app's threads each have their own).
_CDATA_OPEN = b"<![CDATA["
_MARKUP_WITH_CDATA = re.compile(rb"<!\[CDATA\[|<!--|<\?")  # what may hide "<![CDATA["
_MARKUP_END = {b"<![CDATA[": b"]]>", b"<!--": b"-->", b"<?": b"?>"}
_NOT_XML_BYTES = bytes(set(range(32)) - {9, 10, 13})  # controls XML refuses
_REFERENCE_CHARACTER = re.compile(rb"&#(?:[xX]0*[eE]000|0*57344);")  # one to U+E000
_TEXT_LIMIT = 10_000_000  # libxml2's longest text node without huge_tree
_SECTION = re.compile("\ue000([0-9]+)\ue001")
_REFERENCE_IN_ATTRIBUTE = lxml.etree.XPath("boolean(//@*[contains(., '\ue000')])")
_SECTIONS: ContextVar[list[bytes] | None] = ContextVar("cdata_sections", default=None)


def _cdata_apart(body: bytes) -> tuple[bytes, list[bytes]] | None:
    """The document with each CDATA section replaced by its reference, and the sections' bytes
    as libxml2 reads them; None when it has none or may not be read the same way."""
    if _CDATA_OPEN not in body or len(body) >= _TEXT_LIMIT:
        return None
    if len(body.translate(None, _NOT_XML_BYTES)) != len(body):  # (a search in C: ~0.4 ns a byte)
        return None
    if b"\xef" in body and (b"\xef\xbf\xbe" in body or b"\xef\xbf\xbf" in body):
        return None  # U+FFFE or U+FFFF (a search for one byte first: memchr)
    pieces: list[bytes] = []
    sections: list[bytes] = []
    at = scan = 0
    while (markup := _MARKUP_WITH_CDATA.search(body, scan)) is not None:
        start, opening = markup.start(), markup.group()
        end = _markup_end(body, opening, markup.end())
        if end == -1:
            return None  # unclosed: libxml2's error
        scan = end + len(_MARKUP_END[opening])
        if opening != _CDATA_OPEN:  # a comment or processing instruction, left as it is
            continue
        section = body[markup.end() : end]
        if b"\r" in section:  # XML's line breaks: CR LF and a lone CR are LF
            section = section.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        pieces += [body[at:start], b"\xee\x80\x80%d\xee\x80\x81" % len(sections)]
        sections.append(section)
        at = scan
    if not sections:
        return None
    pieces.append(body[at:])
    skeleton = b"".join(pieces)
    # The references' characters must mean nothing else outside the sections (inside them
    # they are text that is never searched for references).
    if skeleton.count(b"\xee\x80\x80") != len(sections) or (
        b"&#" in skeleton and _REFERENCE_CHARACTER.search(skeleton) is not None
    ):
        return None
    return skeleton, sections


def _markup_end(body: bytes, opening: bytes, start: int) -> int:
    """Where the markup opened by `opening` before `start` closes (-1: it does not). A CDATA
    section's "]]>" is found by a search for "]" (memchr, rare in HTML): a search for the three
    bytes scanned a 3 KB section in ~6 us."""
    if opening != _CDATA_OPEN:
        return body.find(_MARKUP_END[opening], start)
    end = body.find(b"]", start)
    while end != -1 and body[end : end + 3] != b"]]>":
        end = body.find(b"]", end + 1)
    return end


def _restored(text: str) -> str:
    """A text of the tree with its CDATA sections' references replaced by their texts."""
    sections = _SECTIONS.get()
    if sections is None or "\ue000" not in text:
        return text
    return _SECTION.sub(lambda m: sections[int(m.group(1))].decode(), text)


def _long_text(el: Any) -> tuple[str, bytes | None]:
    """_text(el) for a summary or content, and its UTF-8 when that is one CDATA section's bytes
    (most feeds' HTML: html_to_text then need not encode it again, ~35K instructions an article
    of the ingest benchmark). Blank space around the one section is left out: _finish strips
    it, as it strips the same text with it."""
    if len(el):
        raise _Unusual("markup inside a text field")
    text = el.text or ""
    sections = _SECTIONS.get()
    if sections is None or "\ue000" not in text:
        return text, None
    reference = text.strip()
    number = reference[1:-1]
    if reference[:1] == "\ue000" and reference[-1:] == "\ue001" and number.isdecimal():
        section = sections[int(number)]  # (isdecimal: only ASCII digits follow U+E000 here)
        return section.decode(), section
    return _restored(text), None


def _read_root(root: Any, body: bytes, url: str) -> tuple[Entry, list[Entry]] | None:
    """read_well_formed's reading of a parsed document."""
    try:
        base = make_safe_absolute_uri(url) or url
        if root.tag == "rss" and not _has_unusual_attributes(root):
            channels = [c for c in root if c.tag == "channel"]
            if len(channels) != 1 or len(root) != 1:
                return None
            c1 = _may_hold_c1(body)
            # (the channel's own xml:base too: feedparser resolves its items' links against it)
            channel_base = _reader_base(channels[0], _reader_base(root, base))
            # (a channel's xml:lang is its texts', not the feed's language: feedparser's)
            lang = _reader_lang(channels[0], None)
            return _read(channels[0], "item", channel_base, atom=False, c1=c1, lang=lang)
        if root.tag == f"{{{ATOM}}}feed":
            c1 = _may_hold_c1(body)
            lang = _reader_lang(root, None)  # the feed's language, as feedparser reads it
            feed, entries = _read(
                root, f"{{{ATOM}}}entry", _reader_base(root, base), atom=True, c1=c1, lang=lang
            )
            if lang and "language" not in feed:
                feed["language"] = lang
            return feed, entries
    except _Unusual:
        return None
    return None


def _may_hold_c1(body: bytes) -> bool:
    """False when no text of the (well-formed UTF-8, entity-free) document can hold a C1
    character: two searches of its bytes instead of encoding every summary again for _has_c1
    (the Latin-1 repair in _finish cannot make one: C1's UTF-8 needs a C1 byte)."""
    return (b"\xc2" in body and _C1_UTF8.search(body) is not None) or (
        b"&#" in body and _C1_REFERENCE.search(body) is not None
    )


def _plain_utf8(body: bytes, content_type: str | None) -> bool:
    """True when feedparser would read the body as UTF-8 XML without complaint."""
    mime, _, params = (content_type or "application/xml").partition(";")
    if mime.strip().lower() not in _XML_TYPES:
        return False
    charset = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", params, re.I)
    if charset and charset.group(1).lower() not in ("utf-8", "utf8"):
        return False
    head = body[3:] if body[:3] == b"\xef\xbb\xbf" else body
    if head[:1] != b"<":
        return False
    declared = _ENCODING_DECL.match(head[:200])
    if declared and declared.group(1).lower() not in (b"utf-8", b"utf8"):
        return False
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _has_unusual_attributes(el: Any) -> bool:
    return any(
        key in ("base", "lang") or (key.startswith("{") and key != _XML_BASE)
        for key in el.attrib
        if key != "version"
    )


def _reader_base(el: Any, base: str) -> str:
    """The base URI inside `el`, as feedparser tracks xml:base (most elements have no attribute:
    one call of keys() says so, where `"base" in el.attrib` made an attributes object)."""
    if not el.keys():
        return base
    if el.get("base") is not None:
        raise _Unusual("a bare base attribute")
    if el.get("lang") is not None:  # (feedparser reads it as xml:lang)
        raise _Unusual("a bare lang attribute")
    declared = el.get(_XML_BASE)
    if declared is None:
        return base
    return make_safe_absolute_uri(base, declared) or base


def _reader_lang(el: Any, lang: str | None) -> str | None:
    """The language in scope inside `el`, as feedparser tracks xml:lang: its own, else the
    one around it; xml:lang="" declares none ("_" written as "-")."""
    if not el.keys():
        return lang
    declared = el.get(_XML_LANG)
    if declared is None:
        return lang
    return declared.replace("_", "-") or None


def _name(el: Any) -> str:
    """feedparser's name for an element: its namespace's usual prefix, '_', its lowered name."""
    tag = el.tag
    if not isinstance(tag, str):
        raise _Unusual("a comment or processing instruction")
    if tag[0] != "{":
        return tag.lower()
    uri, local = tag[1:].split("}", 1)
    prefix = _PREFIXES.get(uri.lower(), el.prefix)
    if prefix is None:
        raise _Unusual("a default namespace feedparser does not know")
    return f"{prefix}_{local.lower()}" if prefix else local.lower()


def _text(el: Any) -> str:
    """The text of an element that must hold no element (else feedparser keeps markup)."""
    if len(el):
        raise _Unusual("markup inside a text field")
    return _restored(el.text or "")


def _finish(value: str, key: str, base: str, resolve: bool = True, c1: bool = True) -> str:
    """What feedparser's pop() makes of a text field (strip, relative URIs, utf-8 repair, cp1252);
    `c1` False: the document holds no C1 character (_may_hold_c1), nothing for cp1252 to map."""
    value = value.strip()
    if key in _URI_KEYS and value and resolve:
        value = feedparser_join(base, value)
    if value.isascii():
        return value  # both repairs below leave ASCII as it is
    value = _utf8_read_as_latin1(value)
    if c1 and _has_c1(value):
        from feedparser.html import _cp1252  # (feedparser is imported only when needed)

        return value.translate(_cp1252)
    return value


def _utf8_read_as_latin1(value: str) -> str:
    """`value` repaired when it is UTF-8 read as Latin-1, else as it is (a try, not
    contextlib.suppress, whose methods run as Python code)."""
    try:
        return value.encode("iso-8859-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return value


def _has_c1(value: str) -> bool:
    """True when `value` holds a C1 character (U+0080-U+009F). Every one is b"\\xc2" and a byte
    in UTF-8: a search for that byte in C first (a 3 KB text: ~3 us, where the character class
    alone scanned it in ~15 us)."""
    return b"\xc2" in value.encode("utf-8", "surrogatepass") and _C1.search(value) is not None


def _attrs(el: Any) -> dict[str, str]:
    """Attributes as feedparser names them (lowered; rel/type values lowered)."""
    out: dict[str, str] = {}
    for key, value in el.attrib.items():
        if key.startswith("{"):
            uri, local = key[1:].split("}", 1)
            prefix = (
                "xml"
                if uri == "http://www.w3.org/XML/1998/namespace"
                else _PREFIXES.get(uri.lower())
            )
            if prefix is None:
                raise _Unusual("an attribute in an unknown namespace")
            key = f"{prefix}:{local}" if prefix else local
        key = key.lower()
        out[key] = value.lower() if key in ("rel", "type") else value
    return out


def _check_harmless(el: Any) -> None:
    """An element newstui's fields never see: itself and everything inside must be harmless."""
    for node in el.iter():
        name = _name(node)
        if name in _READ_KEYS:
            raise _Unusual(f"element {name} where it is not read here")
        if name in _HANDLED and name not in _HARMLESS:
            raise _Unusual(f"element {name} feedparser treats specially")
        if node is not el and node.get("base") is not None:
            raise _Unusual("a bare base attribute")


def _read(
    container: Any, entry_tag: str, base: str, *, atom: bool, c1: bool, lang: str | None = None
) -> tuple[Entry, list[Entry]]:
    """The feed's title, link and declared language, and its entries, from the channel (RSS)
    or feed (Atom); `c1`: whether the document may hold a C1 character (_may_hold_c1); `lang`:
    the xml:lang in scope."""
    feed: Entry = {}
    entries: list[Entry] = []
    titled = False
    for child in container:
        if child.tag == entry_tag:
            entries.append(
                _entry(child, _reader_base(child, base), atom, c1, _reader_lang(child, lang))
            )
            continue
        name = _name(child)
        child_base = _reader_base(child, base)
        if name == "title":
            if entries:  # feedparser's title tracking then depends on the entries' titles
                raise _Unusual("a feed title after entries")
            titled = _title(feed, child, child_base, atom, titled=titled)
        elif name == "link":
            _link(feed, child, child_base, atom)
        elif name in ("language", "dc_language"):
            feed["language"] = _finish(_text(child), name, child_base)
        else:
            _check_feed_level(child)
    return feed, entries


# Feed-level elements whose text feedparser gives the feed's title or link, or which change
# how it reads the entries after them (content sets a flag that outlives the element).
_FEED_FIELDS = {"title", "link", "dc_title", "media_title", "itunes_link", "item", "entry"}
_FEED_FIELDS |= {"content", "content_encoded", "fullitem", "body", "xhtml_body"}
# Inside these, feedparser keeps title and link apart from the feed's (while every child is one
# of the names it expects there).
_NESTED = {
    "image": {"title", "link", "description", "url", "href", "width", "height"},
    "textinput": {"title", "link", "description", "name"},
}


def _check_feed_level(el: Any) -> None:
    """A feed-level element other than title and link: nothing inside may reach the feed's
    title or link, nor change how entries are read."""
    name = _name(el)
    allowed = _NESTED.get(name)
    if allowed is not None:
        for child in el:
            if _name(child) not in allowed or len(child):
                raise _Unusual(f"{name} holding {_name(child)}")
        return
    for node in el.iter():
        if _name(node) in _FEED_FIELDS:
            raise _Unusual(f"element {_name(node)} inside a feed-level element")


def _content_type(el: Any, default: str) -> str:
    """A text construct's type as feedparser maps it; only plain text and HTML are read here."""
    kind = _mapped_type(_attrs(el).get("type", default))
    if kind not in _TEXT_TYPES:
        raise _Unusual(f"content of type {kind}")
    return kind


def _mapped_type(content_type: str) -> str:
    """feedparser's _FeedParserMixin.map_content_type (a type's short names made MIME types),
    here so that it runs compiled: it is called twice an entry."""
    content_type = content_type.lower()
    if content_type == "text" or content_type == "plain":
        return "text/plain"
    if content_type == "html":
        return "text/html"
    if content_type == "xhtml":
        return "application/xhtml+xml"
    return content_type


_LOOSE_ENTITY = re.compile("&([A-Za-z0-9_]+);")


def _link(context: Entry, el: Any, base: str, atom: bool) -> None:
    """feedparser's _start_link/_end_link."""
    attrs = _attrs(el)
    href = attrs.get("url", attrs.get("uri", attrs.get("href")))
    if href is None:
        if atom or el.tag != "link":
            raise _Unusual("an Atom link without href")
        value = _finish(_text(el), "link", base)
        if "&" in value:  # (both changes below need one)
            value = _LOOSE_ENTITY.sub(r"&\g<1>", value.replace("&amp;", "&"))
        context["link"] = value
        return
    if len(el):
        raise _Unusual("a link with content")
    rel = attrs.get("rel", "alternate")
    kind = attrs.get("type", "application/atom+xml" if rel == "self" else "text/html")
    href = feedparser_join(base, href)
    details = {k: v for k, v in attrs.items() if k not in ("url", "uri", "href")}
    details.update(rel=rel, type=kind, href=href)
    context.setdefault("links", []).append(details)
    if rel == "alternate" and _mapped_type(kind) in _HTML_TYPES:
        context["link"] = href


def _entry(item: Any, base: str, atom: bool, c1: bool = True, lang: str | None = None) -> Entry:
    """One item/entry, its direct children applied in order as feedparser's handlers do (`c1`:
    see _read; the long fields, summary and content, skip the C1 check when it is False;
    `lang`: the xml:lang in scope, which its summary and content are written in)."""
    entry: Entry = {}
    seen: set[str] = set()
    titled = has_content = False
    for child in item:
        if not isinstance(child.tag, str):
            raise _Unusual("a comment or processing instruction in an entry")
        name = _name(child)
        where = _reader_base(child, base)
        if name in seen and name not in ("link", "enclosure", "category", "atom_link"):
            raise _Unusual(f"a repeated {name}")
        seen.add(name)
        if name == "title":
            titled = _title(entry, child, where, atom, titled=titled)
        elif name == "link":
            _link(entry, child, where, atom)
        elif name in ("description", "summary") and (atom or name == "description"):
            if "summary" in entry and not has_content:
                raise _Unusual("a summary after a summary")
            kind = _content_type(child, "text/plain" if atom else "text/html")
            raw, utf8 = _long_text(child)
            value = _finish(raw, name, where, c1=c1)
            entry["summary"] = value
            entry["summary_detail"] = {
                "type": kind,
                "language": _reader_lang(child, lang),
                "base": where,
                "value": value,
            }
            if value is raw and utf8 is not None:  # (_finish changed nothing)
                entry["summary_detail"][UTF8] = utf8
        elif name == "content_encoded" or (atom and name == "content"):
            if atom and "src" in child.attrib:
                raise _Unusual("content by reference")
            kind = _content_type(child, "text/plain" if atom else "text/html")
            has_content = True
            raw, utf8 = _long_text(child)
            value = _finish(raw, "content", where, c1=c1)
            content: Entry = {
                "type": kind,
                "language": _reader_lang(child, lang),
                "base": where,
                "value": value,
            }
            if value is raw and utf8 is not None:  # (_finish changed nothing)
                content[UTF8] = utf8
            entry.setdefault("content", []).append(content)
            entry.setdefault("summary", value)
        elif name in ("guid", "id"):
            permalink = _attrs(child).get("ispermalink", "true") == "true"
            written = _text(child)
            value = _finish(
                item_guid(written, where, permalink=permalink), "id", where, resolve=False
            )
            entry["id"] = value
            # An Atom id names the entry, it is no address: a link only when written as one
            # (feedparser made "12345" https://site/12345; see feeds.py's _id_links_written)
            if permalink and (not atom or is_http_url(written.strip())):
                entry.setdefault("link", value)
        elif name in ("pubdate", "published", "issued", "dcterms_issued"):
            _date(entry, "published", _finish(_text(child), "published", where))
        elif name in ("updated", "modified", "lastbuilddate", "dc_date", "dcterms_modified"):
            _date(entry, "updated", _finish(_text(child), "updated", where))
        elif name in ("created", "dcterms_created"):
            _date(entry, "created", _finish(_text(child), "created", where))
        elif name in ("author", "dc_creator", "dc_author"):
            if "author" in seen - {name} or "dc_creator" in seen - {name}:
                raise _Unusual("several authors")
            _author(entry, child, where)
        elif name == "enclosure":
            if len(child):
                raise _Unusual("an enclosure with content")
            attrs = _attrs(child)
            href = attrs.get("url", attrs.get("uri", attrs.get("href")))
            details = {k: v for k, v in attrs.items() if k not in ("url", "uri", "href")}
            if href is not None:
                details["href"] = href
            details["rel"] = "enclosure"
            entry.setdefault("links", []).append(details)
        elif name == "itunes_duration":
            entry["itunes_duration"] = _finish(_text(child), name, where)
        elif name in ("language", "dc_language"):
            entry["language"] = _finish(_text(child), name, where)
        elif name == "source" and not atom:
            if len(child):
                raise _Unusual("a source with content")
        elif name in _READ_KEYS or (name in _HANDLED and name not in _HARMLESS):
            raise _Unusual(f"element {name} feedparser treats specially")
        else:
            _check_harmless(child)
    entry["enclosures"] = [
        {k: v for k, v in link.items() if k != "rel"}
        for link in entry.get("links", [])
        if link.get("rel") == "enclosure"
    ]
    return entry


def _date(entry: Entry, key: str, value: str) -> None:
    entry[key] = value
    entry[key + "_parsed"] = parsed_date(value)


_MONTHS = {
    name: number
    for number, name in enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(), 1)
}
# The date most RSS feeds write ("Mon, 01 Nov 2026 09:30:00 GMT" or "+0100"), in ASCII digits.
_RFC822_DATE = re.compile(
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), ([0-9]{1,2}) "
    r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([0-9]{4}) "
    r"([0-9]{2}):([0-9]{2}):([0-9]{2}) (GMT|UTC|UT|Z|[+-][0-9]{4})"
)


def parsed_date(value: str) -> Any:
    """feedparser's _parse_date(value). A date in _RFC822_DATE's form is computed here as its
    RFC 822 handler computes it (the one handler tried before, W3C-DTF's, declines a date that
    opens with a day name), without trying feedparser's handlers in turn (~28K instructions an
    entry); tests/sources/test_lxml_feeds.py compares the two."""
    match = _RFC822_DATE.fullmatch(value)
    if match is not None:
        day, month, year, hour, minute, second, zone = match.groups()
        hours = minutes = 0
        if zone[0] in "+-":
            hours, minutes = int(zone[1:3]), int(zone[3:])
            if zone[0] == "-":
                hours, minutes = -hours, -minutes
        try:
            stamp = datetime(
                int(year), _MONTHS[month], int(day), int(hour), int(minute), int(second)
            )
            if hours or minutes:  # (GMT, UTC, UT, Z and +0000 need no timedelta: ~6K instructions)
                stamp -= timedelta(minutes=minutes, hours=hours)
            return stamp.utctimetuple()
        except (OverflowError, ValueError):
            pass  # not a date to the RFC 822 handler: feedparser's other handlers may read it
    from feedparser.datetimes import _parse_date  # (feedparser is imported only when needed)

    return _parse_date(value)


def _author(entry: Entry, el: Any, base: str) -> None:
    """RSS author text kept as written; Atom name/email combined as feedparser does."""
    if not len(el):
        entry["author"] = _finish(_restored(el.text or ""), "author", base)
        return
    if _restored(el.text or "").strip():
        raise _Unusual("an author with text and elements")
    parts: dict[str, str] = {}
    for node in el:
        part = _name(node)
        if part in parts or part not in ("name", "email", "uri", "url"):
            raise _Unusual(f"author element {part}")
        parts[part] = _text(node).strip()
        if _restored(node.tail or "").strip():
            raise _Unusual("text between author elements")
    name, email = parts.get("name"), parts.get("email")
    if name and email:
        entry["author"] = f"{name} ({email})"
    elif name:
        entry["author"] = name
    elif email:
        entry["author"] = email
    else:
        entry["author"] = ""


def _title(target: Entry, child: Any, base: str, atom: bool, *, titled: bool) -> bool:
    """Set a feed's or an entry's title as feedparser does (the first non-empty one wins, RSS
    text that looks like HTML is typed text/html); returns whether a title is now set."""
    kind = _content_type(child, "text/plain")
    value = _finish(_text(child), "title", base)
    if not atom and kind == "text/plain" and _looks_like_html(value):
        kind = "text/html"
    if titled:
        return True
    target["title"] = value
    target["title_detail"] = {"type": kind, "base": base, "value": value}
    return bool(value)


def _looks_like_html(value: str) -> bool:
    """feedparser's _FeedParserMixin.looks_like_html(value), which is False unless `value` has a
    closing tag or an entity reference: a text holding neither "</" nor "&" (most titles) is
    answered without its two searches."""
    if "</" not in value and "&" not in value:
        return False
    from feedparser.mixin import _FeedParserMixin  # (feedparser is imported only when needed)

    return bool(_FeedParserMixin.looks_like_html(value))
