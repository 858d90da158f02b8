"""An article as JSON for scripts and as rich Text with quotes and entity mentions marked."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newstui.body_layout import laid_out
from newstui.headline_fields import article_row_json
from newstui.headline_fields import carries_time as _carries_time
from newstui.headline_fields import shown_date as _shown_date
from newstui.headline_fields import shown_url as _shown_url
from newstui.headline_fields import terminal_line as _line
from newstui.local_times import zone_label
from newstui.text import (
    HEADING_MARK,
    LINE_BREAK,
    heading_marks,
    one_width_with_offsets,
    terminal_safe,
    terminal_safe_with_offsets,
)

if TYPE_CHECKING:
    from datetime import tzinfo

    from rich.style import Style
    from rich.text import Text  # by the functions that build one: `list` needs none

    from newstui.model import Analysis, Download, Link, Quote, StoredArticle
    from newstui.model.store_upgrade import StoreUpgrade
    from newstui.model.views import ReadsAs


# Closing punctuation of Japanese and Chinese, which never starts a line (kinsoku)
NO_LINE_START = frozenset("。、，．：；？！）」』】〕〉》〙〗〟｝］")
# Chinese and Japanese, written without spaces: a line may break after any of their characters
# (Korean puts spaces between words: wrapped at them, as Latin)
_CJK = (
    "\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f"
    "\uff01-\uff9f\uffe0-\uffe6\U00020000-\U0003fffd"
)
# a word and the spaces around it, as rich divides a line; each Chinese or Japanese character is
# a word of its own (with the closing punctuation after it), so a paragraph of them wraps as the
# app's reader wraps it (user test r45 L3: `show` printed one 800 columns wide)
WORDS = re.compile(rf"\s*(?:[{_CJK}]|[^\s{_CJK}]+)[{''.join(sorted(NO_LINE_START))}]*\s*")


def at_spaces(line: str, width: int) -> list[str]:
    """`line` cut at spaces into lines of at most `width` terminal columns (a word longer than
    that, a URL, is kept whole on a line of its own)."""
    from rich.cells import cell_len  # (rich's widths alone: not its console)

    lines, current, used = [], "", 0
    for word in WORDS.finditer(line):
        text = word.group()
        if used and cell_len(text.rstrip()) > width - used:
            lines.append(current.rstrip())
            text, current, used = text.lstrip(), "", 0
        current += text
        used += cell_len(text)
    return [*lines, current.rstrip()]


def wrapped_at_spaces(text: str, width: int) -> str:
    """A plain text with each line cut at spaces to `width` columns (at_spaces), as `newstui
    show` prints an article: what a pager is given, which would break words at its edge."""
    return "\n".join(part for line in text.split("\n") for part in at_spaces(line, width))


@dataclass(frozen=True)
class Palette:
    """Rich styles for an article's marks; one per kind of background."""

    person: str
    org: str
    place: str
    group: str
    quote: str
    speaker: str
    meta: str  # byline, link list
    address: str = "underline"  # the article's link under the byline (with meta's colour)
    heading: str = "bold"  # a heading's words (<h1> … <h6>); its marks are drawn in meta's

    def entity(self, entity_type: str) -> str:
        """The style of an entity type's mentions."""
        styles = {"PERSON": self.person, "ORG": self.org, "PLACE": self.place, "GROUP": self.group}
        return styles.get(entity_type, "bold")


# Named ANSI colours: the terminal's own theme picks shades that read on its background, which
# the CLI cannot know. Magenta, blue and red keep contrast on both black and white in most themes.
TERMINAL_PALETTE = Palette(
    person="bold magenta",
    org="bold blue",
    place="bold",
    group="underline",
    quote="italic",
    speaker="bold",
    meta="dim",
)
# For the app: each colour reads at 4.5:1 or better on its kind of theme background.
DARK_PALETTE = Palette(
    person="bold #6cc4ff",
    org="bold #e2a4ff",
    place="bold #8fdc8f",
    group="#e6b86a",
    quote="italic #f0c674",
    speaker="bold #f0c674",
    meta="#9a9a9a",
    heading="bold #ffffff",
)
LIGHT_PALETTE = Palette(
    person="bold #00507a",
    org="bold #7a1f7a",
    place="bold #1d5e1d",
    group="#6e4a00",
    quote="italic #6b4200",
    speaker="bold #6b4200",
    meta="#555555",
    heading="bold #000000",
)
# For the app on a 16-colour terminal (TERM=xterm, the Linux console), where each colour above
# becomes its nearest of the 16: on the light theme the quotes turned yellow on white, people
# and places both grey (user test r38 L2). These are the 16's own (Rich's standard values, which
# stay themselves): dark ones on the light theme's white, bright ones on the dark theme's black.
LIGHT_16_PALETTE = Palette(
    person="bold #0000aa",  # blue
    org="bold #aa00aa",  # magenta
    place="bold #aa0000",  # red
    group="underline",
    quote="italic",
    speaker="bold",
    meta="dim",
)
DARK_16_PALETTE = Palette(
    person="bold #55ffff",  # bright cyan
    org="bold #ff55ff",  # bright magenta
    place="bold #55ff55",  # bright green
    group="underline",
    quote="italic #ffff55",  # bright yellow
    speaker="bold #ffff55",
    meta="dim",
)


def safe_analysis(text: str, analysis: Analysis) -> tuple[str, Analysis]:
    """A stored text and its analysis made safe to show, offsets moved to match the safe text."""
    safe, analysis, _ = _safe_text(text, analysis)
    return safe, analysis


def _safe_text(text: str, analysis: Analysis) -> tuple[str, Analysis, Callable[[int], int]]:
    """`safe_analysis`, and the function moving any other offset (a link's) into the safe text."""
    from newstui.model.analysis import Analysis, Entity, Mention, Quote

    safe, moved = terminal_safe_with_offsets(text)
    if safe is text and not _needs_cleaning(analysis):
        return text, analysis, moved
    entities = tuple(
        Entity(
            terminal_safe(e.name, line=True),
            terminal_safe(e.type, line=True),
            tuple(
                Mention(moved(m.start), moved(m.end), terminal_safe(m.text, line=True))
                for m in e.mentions
            ),
        )
        for e in analysis.entities
    )
    quotes = tuple(
        Quote(terminal_safe(q.text), moved(q.start), moved(q.end), _line(q.speaker))
        for q in analysis.quotes
    )
    return safe, Analysis(entities, quotes), moved


def _needs_cleaning(analysis: Analysis) -> bool:
    names = [n for e in analysis.entities for n in (e.name, e.type, *(m.text for m in e.mentions))]
    names += [t for q in analysis.quotes for t in (q.text, q.speaker or "")]
    return any(terminal_safe(n) != n for n in names)


def article_json(
    stored: StoredArticle,
    analysis: Analysis,
    downloads: Sequence[Download] = (),
    story: tuple[int, int] | None = None,
    reads_as: ReadsAs = "english",
) -> dict[str, Any]:
    """The `show --json` object: row fields (`story`: as article_row_json's), text, links,
    entities and quotes with offsets, and the language the text reads as for them."""
    data = article_row_json(stored.row, story)
    del data["language"]  # (its key comes last, as before lists had it: below)
    data["updated"] = _line(stored.updated)  # when a fetch stored a change of its entry
    text, analysis, moved = _safe_text(stored.text, analysis)
    data["text"] = text
    data["summary"] = terminal_safe(stored.summary)
    data["links"] = [
        {
            "text": terminal_safe(link.text, line=True),
            "url": _shown_url(link.url),
            "kind": link.kind,
            "offset": offset if (offset := _link_offset(link, stored.text, moved)) >= 0 else None,
        }
        for link in stored.links
    ]
    data["enclosures"] = [
        {
            "url": _shown_url(link.url),
            "type": terminal_safe(link.text, line=True),
            "size": link.size,
            "duration": link.duration,
            "download": next(
                ({"state": d.state, "path": d.path} for d in downloads if d.url == link.url), None
            ),
        }
        for link in enclosures(stored)
    ]
    data["fulltext"] = {"status": stored.fulltext_status, "error": _line(stored.fulltext_error)}
    data["damaged"] = stored.damaged or None
    data["entities"] = [
        {
            "name": e.name,
            "type": e.type,
            "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in e.mentions],
        }
        for e in analysis.entities
    ]
    data["quotes"] = [
        {"text": q.text, "speaker": q.speaker, "start": q.start, "end": q.end}
        for q in analysis.quotes
    ]
    data["reads_as"] = reads_as  # "other": few quotes and entities (README "reads English")
    data["language"] = _line(stored.language)  # what its entry or feed declares ("de"), or None
    return data


def _link_offset(link: Link, text: str, moved: Callable[[int], int]) -> int:
    """Where a link's marker goes in the safe text, or -1 (no stored place, or not in `text`)."""
    if link.offset is None or not 0 <= link.offset <= len(text):
        return -1
    return moved(link.offset)


def highlighted_body(
    text: str,
    analysis: Analysis,
    *,
    speakers: bool = True,
    palette: Palette = TERMINAL_PALETTE,
    links: Sequence[Link] = (),
    width: int | None = None,
) -> Text:
    """The article text with entity mentions coloured by type, quotes styled with speakers, each
    link's `[n]` marker (n: its number in the list below the article) after its words and each
    image's `[image n: its alt text]` where it stands (image_marker); its tables and lists laid
    out for `width` columns (body_layout.laid_out).

    Speaker tags and markers are inserted here, at display time: the stored offsets of quotes,
    mentions and links all index the text as stored."""
    from rich.text import Text

    original = text
    text, analysis, moved = _safe_text(text, analysis)
    body = Text(text)
    if "# " in text and (text.startswith(HEADING_MARK) or "\n#" in text or "> #" in text):
        for found in heading_marks().finditer(text):  # (under the entities' colours)
            end = text.find("\n", found.end())
            body.stylize(palette.meta, found.start(2), found.end())
            body.stylize(palette.heading, found.end(), len(text) if end < 0 else end)
    for entity in analysis.entities:
        style = palette.entity(entity.type)
        for m in entity.mentions:
            body.stylize(style, m.start, m.end)
    quotes = sorted(analysis.quotes, key=lambda q: q.start)
    for q in quotes:
        body.stylize(palette.quote, _opening_start(text, q), _closing_end(text, q))
    # (where, rank, what): at one place, an image on the line it starts first, then links'
    # markers (in their order), speaker tags, and an image ending a paragraph, drawn under it
    inserts: list[tuple[int, int, Text]] = []
    offsets = [_link_offset(link, original, moved) for link in links]
    linked = _linked_images(links, offsets)
    for number, (link, at) in enumerate(zip(links, offsets, strict=True), 1):
        if at < 0 or number - 1 in linked.values():
            continue  # (a link around an image: its marker is drawn with the image's)
        if link.kind == "image":
            around = linked.get(number - 1)
            marker = image_marker(
                number, link.text, text, at, palette, None if around is None else around + 1
            )
            rank = 0 if marker.plain.endswith("\n") else 3 if marker.plain[:1] == "\n" else 1
            inserts.append((at, rank, marker))
        else:
            spaced = at < len(text) and text[at].isalnum()  # (a link without words, first)
            marker = Text(f"[{number}]" + " " * spaced, style=palette.meta)
            marker.stylize(link_target(number), 0, len(marker.plain) - spaced)
            inserts.append((at, 1, marker))
    if speakers:
        # "[—Speaker]" after the sentence each quote belongs to (`“…,” X said. [—X]`), or
        # after its closing mark when the quote ends the sentence; from the start, cursor-wise.
        # No space after the dash: a line never ends in "[—" with the name on the next one.
        # (A <br>'s line break, LINE_BREAK, ends no paragraph: the same text with spaces there.)
        prose = terminal_safe(original.replace(LINE_BREAK, " ")) if LINE_BREAK in original else text
        cursor = 0
        for i, q in enumerate(quotes):
            limit = quotes[i + 1].start - 1 if i + 1 < len(quotes) else len(text)
            cursor = max(_tag_position(prose, q, limit), cursor)
            tag = Text(f" [—{q.speaker or 'unknown speaker'}]", style=palette.speaker)
            inserts.append((cursor, 2, tag))
    if not inserts:
        return laid_out(body, width, palette.meta)
    # One `divide` cuts the body at every insert (a slice per insert re-walks every span).
    places = sorted({at for at, _, _ in inserts})
    pieces = body.divide(places)
    at_place: dict[int, list[Text]] = {}
    for at, _, insert in sorted(inserts, key=lambda item: (item[0], item[1])):
        at_place.setdefault(at, []).append(insert)
    out = Text()
    out.append_text(pieces[0])
    for place, piece in zip(places, pieces[1:], strict=True):
        for insert in at_place[place]:
            out.append_text(insert)
        out.append_text(piece)
    return laid_out(out, width, palette.meta)


def _linked_images(links: Sequence[Link], offsets: Sequence[int]) -> dict[int, int]:
    """The links around an image (the link closing where the image stands, right after it in
    the list), by the image's index: their `[n]` goes with the image's marker, not onto the
    line after an image that has one of its own (user test r50 LOW-7)."""
    return {
        i: i + 1
        for i in range(len(links) - 1)
        if links[i].kind == "image"
        and links[i + 1].kind == "link"
        and offsets[i] >= 0
        and offsets[i] == offsets[i + 1]
    }


IMAGE_LABEL_LENGTH = 100  # an image's alt text in its marker, at most (whole in the link list)


def image_marker(
    number: int, alt: str, text: str, at: int, palette: Palette, link: int | None = None
) -> Text:
    """An image's marker for `text` at `at`: `[image n: alt]` (`[image n]` without one), as
    newsboat shows one; on a line of its own where it starts a line (a picture above its
    caption), between the paragraphs where it stands between two, on a paragraph of its own
    under the one it ends (an image in its own `<p>` after it), else among the words with a
    space either side. `link`: the number of the link around it, its `[n]` right after it."""
    from rich.text import Text

    label = terminal_safe(alt, line=True)
    if len(label) > IMAGE_LABEL_LENGTH:
        label = label[: IMAGE_LABEL_LENGTH - 1].rstrip() + "…"
    core = f"[image {number}: {label}]" if label else f"[image {number}]"
    line_start = at == 0 or text[at - 1] == "\n"
    line_end = at == len(text) or text[at] == "\n"
    if line_start and line_end and at:  # between two paragraphs ("…\n|\n…"), or after the last
        before, after = ("\n", "\n") if at < len(text) else ("\n\n", "")
    elif line_start:
        before, after = "", "" if line_end else "\n"
    elif at == len(text) or text.startswith("\n\n", at):  # (the end of a paragraph)
        before, after = "\n\n", ""
    else:
        before = "" if text[at - 1].isspace() else " "
        after = "" if line_end or text[at].isspace() else " "
    marker = Text(before + core, style=palette.meta)
    marker.stylize(link_target(number), len(before), len(before) + len(core))
    if link is not None:
        marker.append(f"[{link}]", style=palette.meta)
        marker.stylize(link_target(link), len(before) + len(core), len(marker.plain))
    marker.append(after, style=palette.meta)
    return marker


_SENTENCE_END = re.compile(r"[.!?][\"”’)\]]*(?=\s|$)")
# A quote's own text that ends its sentence: a stop, maybe in an editor's brackets ("[.]").
_ENDS_SENTENCE = re.compile(r"[.!?][)\]]*\s*$")


# The marks around a quote, and the spaces French sets inside guillemets (« … », often U+202F
# or U+00A0): the tag goes after the closing mark (user test r45 M1: `la France.  [—Emmanuel
# Macron]»`, the quote's span ending before the space)
_QUOTE_MARKS = frozenset("\"'“”‘’„‚«»‹›「」『』")
_INNER_SPACES = frozenset(" \u00a0\u202f\u2009")


def _opening_start(text: str, quote: Quote) -> int:
    """Where a quote's opening mark starts: the character before it, or before the spaces
    there when a mark stands before them."""
    at = quote.start - 1
    while at > 0 and text[at] in _INNER_SPACES and quote.start - at <= 2:
        at -= 1
    return at if at >= 0 and text[at] in _QUOTE_MARKS else max(quote.start - 1, 0)


def _closing_end(text: str, quote: Quote) -> int:
    """Just after a quote's closing mark: the character after it, or after the spaces there
    when a mark follows them."""
    at = quote.end
    while at < len(text) - 1 and text[at] in _INNER_SPACES and at - quote.end < 2:
        at += 1
    return at + 1 if at < len(text) and text[at] in _QUOTE_MARKS else min(quote.end + 1, len(text))


def _tag_position(text: str, quote: Quote, limit: int) -> int:
    """Where a quote's speaker tag goes: the end of its sentence (a stop after an initial or
    an abbreviation, "Jerome H. Powell", "Dr. Lee", ends none), within its paragraph and
    before the next quote; right after the closing mark when the quote ends the sentence."""
    after = _closing_end(text, quote)
    if _ENDS_SENTENCE.search(quote.text):  # ("…a commoner[.]": an edited stop ends it too)
        return after
    paragraph_end = text.find("\n", after)
    stop = min(limit, paragraph_end if paragraph_end >= 0 else len(text))
    for match in _SENTENCE_END.finditer(text, after, max(stop, after)):
        if text[match.start()] != "." or _full_stop_ends_sentence(text, match.start()):
            return match.end()
    return after


def _full_stop_ends_sentence(text: str, at: int) -> bool:
    """The extractor's own rule for a full stop (imported when a tag needs it: the app's first
    screen is sooner without the extractor's patterns)."""
    from newstui.nlp.segment import full_stop_ends_sentence

    return full_stop_ends_sentence(text, at)


LINK_TARGET = "newstui.link"  # a Style's meta key: which link a character of the text opens
ARTICLE_LINK = 0  # its value for the article's own link (under the byline); n for link [n]


def link_target(number: int) -> Style:
    """The style that says a span opens the article's link (ARTICLE_LINK) or link [`number`]:
    the app opens it when clicked (only a number is kept: the URL is looked up when opened)."""
    from rich.style import Style

    return Style(meta={LINK_TARGET: number})


def listed_links(stored: StoredArticle) -> list[Link]:
    """The links and images listed below an article, numbered from 1 in this order (the `[n]`
    markers in its text and `#` in the app use the same numbers); enclosures are listed apart."""
    return [link for link in stored.links if link.kind != "enclosure"]


def updated_phrase(
    published: str | None,
    updated: str | None,
    zone: tzinfo | None = None,
    date_only: bool | None = None,
) -> str:
    """The byline's "updated 11:30" (its date too when not the published one's), local times:
    when a fetch stored a change of the entry (a correction), or "" for one never updated.
    `date_only`: the published date's (ArticleRow.date_only); an update's time is the fetch's,
    a time even at midnight UTC."""
    if not updated:
        return ""
    shown = _shown_date(updated, zone=zone, date_only=False)
    if published and shown[:10] == _shown_date(published, zone=zone, date_only=date_only)[:10]:
        shown = shown[11:] or shown  # (one that is no time keeps its date)
    return f"updated {shown}{zone_label(zone) if _carries_time(updated, False) else ''}"


def claimed_phrase(claimed: str | None) -> str:
    """What the byline adds after the arrival shown for an article its feed dates later
    (ArticleRow.claimed): " (the feed dates it 9999-12-31)", the day alone; "" for none."""
    return f" (the feed dates it {claimed[:10]})" if claimed else ""


def byline_date(
    published: str | None, zone: tzinfo | None = None, date_only: bool | None = None
) -> str:
    """The byline's date: local, to the minute ("undated" without one; the column is blank);
    the day alone for one that came without a time (`date_only`, ArticleRow.date_only)."""
    if published is None:
        return "undated"
    label = zone_label(zone) if _carries_time(published, date_only) else ""
    return _shown_date(published, zone=zone, date_only=date_only) + label


# What the reader, the sidebar and `show` say of an article whose text reads as another language
# than English, of which the extractor keeps few quotes and entities (user test r46 M2: a German
# article's Quotes tab said only "No quotes found", a quote plainly in its text)
OTHER_LANGUAGE_EFFECT = "only quotes with a named speaker, and known names, are found."
# A tag as feeds write one (`pl`, `pt-BR`, `zh-Hant-TW`): shown as it is; anything else is cut
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8}){0,4}")


def other_language_note(article: StoredArticle) -> str:
    """That line for `article`, naming the language it was read as and who declares it (user
    test r49 LOW-10): "Reads as Polish (pl, as its feed declares): only quotes …"; a text that
    reads as another language than the English its feed declares, or than none, says that."""
    from newstui.language_names import language_name

    whose = "the article" if article.declared_by == "entry" else "its feed"
    tag = (article.language or "").strip()
    if tag and not _LANGUAGE_TAG.fullmatch(tag):
        tag = terminal_safe(tag, line=True)[:24]  # (untrusted: a feed's <language> as written)
    name = language_name(tag) if _LANGUAGE_TAG.fullmatch(tag) else None
    if not tag:
        read = f"Reads as another language than English ({whose} declares none)"
    elif name == "English":  # (its words are another language's: a feed's tag is wrong)
        read = f"Reads as another language than English, though {whose} declares English ({tag})"
    elif name is not None:
        read = f"Reads as {name} ({tag}, as {whose} declares)"
    else:
        read = f"Reads as the language {whose} declares ({tag}), not English"
    return f"{read}: {OTHER_LANGUAGE_EFFECT}"


def render_article_text(
    stored: StoredArticle,
    analysis: Analysis,
    palette: Palette = TERMINAL_PALETTE,
    *,
    speakers: bool = True,
    downloads: Sequence[Download] = (),
    fit_link: Callable[[str], str] | None = None,
    reads_as: ReadsAs = "english",
    width: int | None = None,
) -> Text:
    """The whole article for a terminal: title, byline, highlighted body, numbered enclosures
    (with where their downloads are) and numbered links. `fit_link` lays out the article's link
    under the byline (the app: broken into lines of the reader's width, all of it shown);
    `reads_as` "other": a line under it says why few quotes and entities are marked; `width`: the
    columns its tables are aligned in (None: any)."""
    from rich.text import Text

    row = stored.row
    out = Text()
    out.append(terminal_safe(row.title, line=True) + "\n", style="bold")
    # the byline is a phrase: an undated article is "undated" there (a column leaves it blank)
    date = byline_date(row.published, date_only=row.date_only) + claimed_phrase(row.claimed)
    updated = updated_phrase(row.published, stored.updated, date_only=row.date_only)
    meta = " · ".join(
        terminal_safe(x, line=True) for x in (row.feed, row.author, date, updated) if x
    )
    if meta:
        out.append(meta + "\n", style=palette.meta)
    if row.url:
        address = _shown_url(row.url)
        begin = len(out.plain)
        out.append(
            fit_link(address) if fit_link else address, style=f"{palette.meta} {palette.address}"
        )
        out.stylize(link_target(ARTICLE_LINK), begin, len(out.plain))
        out.append("\n")
    links = listed_links(stored)
    if stored.damaged:  # a damaged store: one line, and whatever else reads back
        out.append(f"\n{damage_line(stored)}\n", style="bold")
    if reads_as == "other" and stored.text.strip():
        out.append(f"\n{other_language_note(stored)}\n", style=palette.meta)
    if body := stored.text or stored.summary:  # an episode may come with no text at all
        out.append("\n")
        out.append_text(
            highlighted_body(
                body,
                analysis,
                speakers=speakers,
                palette=palette,
                links=links if stored.text else (),  # link offsets index the text
                width=width,
            )
        )
        out.append("\n")
    if attached := enclosures(stored):
        out.append("\nEnclosures\n", style="bold")
        for i, link in enumerate(attached, 1):
            out.append(f"[{ENCLOSURE_NUMBER_PREFIX}{i}] ", style=palette.meta)
            out.append(enclosure_label(link) + " ")
            out.append(_shown_url(link.url), style=palette.meta)
            state = next((download_state(d) for d in downloads if d.url == link.url), "")
            out.append(f" ({state})\n" if state else "\n", style=palette.meta)
    if links:
        out.append("\nLinks\n", style="bold")
        for i, link in enumerate(links, 1):
            label = terminal_safe(link.text, line=True)
            label = f"[image] {label}" if link.kind == "image" else label
            begin = len(out.plain)
            out.append(f"[{i}] ", style=palette.meta)
            out.append(f"{label} " if label else "")
            out.append(_shown_url(link.url), style=palette.meta)
            out.stylize(link_target(i), begin, len(out.plain))
            out.append("\n")
    return out


def one_width_text(text: Text) -> Text:
    """`text` drawn without emoji presentation selectors (text.one_width: terminals disagree
    on their width, which pushed the reader's lines past its border), each style still on its
    characters. Display only: `show`, the pager and `|` keep them."""
    from rich.text import Span, Text

    plain, moved = one_width_with_offsets(text.plain)
    if plain is text.plain:
        return text
    spans = [Span(moved(s.start), moved(s.end), s.style) for s in text.spans]
    return Text(
        plain,
        style=text.style,
        justify=text.justify,
        overflow=text.overflow,
        no_wrap=text.no_wrap,
        end=text.end,
        tab_size=text.tab_size,
        spans=[s for s in spans if s.end > s.start],
    )


def damage_line(stored: StoredArticle) -> str:
    """The one line that says what of an article a damaged store cannot give back ("" when
    nothing); its link still opens the article where it was published."""
    if not stored.damaged:
        return ""
    return f"Cannot show all of article {stored.row.id}: {stored.damaged} (the store is damaged)"


ENCLOSURE_NUMBER_PREFIX = "E"  # enclosures are listed [E1], [E2]…: [1] is the first of the links


def enclosures(stored: StoredArticle) -> list[Link]:
    """An article's enclosures (podcast episodes, files), in feed order."""
    return [link for link in stored.links if link.kind == "enclosure"]


def download_state(d: Download) -> str:
    """A download in a few words: "downloaded: PATH", "downloading 45%", "queued", "failed: …"."""
    if d.state == "done":
        return f"downloaded: {terminal_safe(d.path, line=True)}"
    if d.state == "failed":
        return f"download failed: {terminal_safe(d.error or '', line=True)}"
    if d.state == "downloading" and d.fraction is not None:
        return f"downloading {d.fraction:.0%}"
    return d.state


def human_size(size: int | None) -> str:
    """A byte count as people read it: 512 B, 3.4 KB, 24.3 MB, 1.2 GB (powers of 1000)."""
    if size is None:
        return "size unknown"
    value = float(size)
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if value < 1000 or unit == "TB":
            return f"{int(value)} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{size} B"  # pragma: no cover - the loop always returns


def duration_text(seconds: int | None) -> str:
    """A duration as a clock: 42:10, 1:02:03; "" when unknown."""
    if not seconds:
        return ""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def enclosure_label(link: Link) -> str:
    """An enclosure in one line: type · size · duration (what is known of them)."""
    parts = [terminal_safe(link.text, line=True) or "enclosure"]
    if link.size is not None:
        parts.append(human_size(link.size))
    if link.duration:
        parts.append(duration_text(link.duration))
    return " · ".join(parts)


def store_upgraded_line(upgrade: StoreUpgrade, store: str = "") -> str:
    """The notice of a store upgraded, in short sentences: what happened, where the copy an
    older newstui opens is (or why none was kept), and the room the copies beside the store
    take, with which of them can go (user test r46 L2: a 9-line notice, and after 5 restores 7
    full copies in the folder, none said to take room). `store`: the store as named (the app
    gives its file's name), else its path."""
    import os

    line = (
        f"upgraded {store or upgrade.file} from version {upgrade.old_version} to "
        f"{upgrade.new_version} (an older newstui cannot open it now)"
    )
    size = human_size(upgrade.copy_bytes)
    copy, moved = (os.path.basename(name) for name in (upgrade.copy, upgrade.copy_moved))
    passed = f" ({upgrade.passed_over})" if upgrade.passed_over else ""  # (a folder in its place)
    no_new = upgrade.copy_error or (
        f"{human_size(upgrade.free_bytes)} free on its disk, too little beside the store "
        f"({human_size(upgrade.store_bytes)})"
    )
    if upgrade.copy and upgrade.stale:  # (storefix r45: said "no copy", the old one still there)
        said = (
            f"Copy for older newstui: {copy} ({size}){passed}, made at an earlier upgrade, "
            f"before the store's last changes; no newer one was made: {no_new}"
        )
    elif upgrade.copy and upgrade.copy_made_before:
        made = "when this upgrade began" if upgrade.resumed else "at an earlier upgrade"
        said = f"Copy for older newstui: {copy} ({size}, made {made}){passed}"
    elif upgrade.copy:
        said = f"Copy for older newstui: {copy} ({size}){passed}"
        if upgrade.copy_moved:  # (review r45 H1: it was replaced)
            said += (
                f". The earlier copy, which may hold what was stored after a restore, is now "
                f"{moved}"
            )
    else:
        said = f"No copy of it was kept: {no_new}{passed}"
    return f"{line}. {said}{_copies_room(upgrade)}{_lost_indexes(upgrade)}"


def _lost_indexes(upgrade: StoreUpgrade) -> str:
    """The sentence naming the user's own indexes the upgrade rebuilt a table without: each
    other one on a rebuilt table was made again."""
    from newstui.word_lists import listed

    lost = upgrade.lost_indexes
    if not lost:
        return ""
    if len(lost) == 1:
        return (
            f". Your own index {lost[0]} is gone: the upgrade rebuilt its table and could not "
            "make it again"
        )
    return (
        f". Your own indexes {listed(list(lost))} are gone: the upgrade rebuilt their tables "
        "and could not make them again"
    )


_NUMBERED_NAME = re.compile(r"(.+?)(\.v?)([0-9]+)")  # NAME.4, NAME.v36: the stem, mark, number


def _file_names(paths: Iterable[str]) -> str:
    """Files beside each other by name, in their numbers' order: two as a list; more, numbered
    in a run from one stem (`newstui.db.v36.1 to .4 (4 files)`), as the first to the last with
    their count; versions' copies each (`newstui.db.v9, .v19, .v30`: review r47 L2, where
    text's order made it `newstui.db.v19 to newstui.db.v9 (3 files)`, a range that hid v30)."""
    import os

    def numbered(name: str) -> tuple[str, str, int]:
        found = _NUMBERED_NAME.fullmatch(name)
        return (found[1], found[2], int(found[3])) if found else (name, "", 0)

    names = sorted((os.path.basename(path) for path in paths), key=numbered)
    if len(names) <= 2:
        return ", ".join(names)
    stem, mark, _ = numbered(names[-1])
    if any(numbered(name)[0] != stem for name in names):  # (no one stem: each in full)
        return ", ".join(names)
    if mark == ".v":  # (an upgrade's copies, of the versions there were: no run)
        return ", ".join([names[0], *(name[len(stem) :] for name in names[1:])])
    return f"{names[0]} to {names[-1][len(stem) :]} ({len(names)} files)"


def _copies_room(upgrade: StoreUpgrade) -> str:
    """The sentence on the copies beside an upgraded store: the room they take, and which can
    go (earlier versions' copies now; this one once no older newstui needs it; the store
    before each restore once you will not go back to it; one kept aside at an earlier
    upgrade, which may hold what was stored after a restore, once you know it holds nothing
    you need: review r46 M4); when this upgrade's copy is the only one, when it can go."""
    mine = ((upgrade.copy, upgrade.copy_bytes),) if upgrade.copy else ()
    unneeded = ("once no older newstui needs it", "once no older newstui needs them")
    moved = ((upgrade.copy_moved, upgrade.moved_bytes),) if upgrade.copy_moved else ()
    aside = moved + tuple(
        c for c in upgrade.kept_aside if c[0] not in (upgrade.copy, upgrade.copy_moved)
    )
    groups = [  # (the copies, when they can go: of one, of several)
        # (earlier versions' copies: needless beside the new one, else kept as they were)
        (upgrade.older_copies, *(("now", "now") if upgrade.copy else unneeded)),
        (mine, *unneeded),
        (upgrade.restore_copies, "once you will not restore it", "once you will not restore them"),
        (
            aside,
            "once you know it holds nothing you need",
            "once you know they hold nothing you need",
        ),
    ]
    copies = [copy for group, _, _ in groups for copy in group]
    if len(copies) < 2:
        return f": delete it {unneeded[0]}" if mine else ""
    total = human_size(sum(held for _, held in copies))
    said = [  # ("X can go now, Y once …, Z once …")
        f"{_file_names(name for name, _ in group)}{' can go' * (not said_before)} "
        + (one if len(group) == 1 else several)
        for said_before, (group, one, several) in enumerate(g for g in groups if g[0])
    ]
    return f". {len(copies)} copies beside it take {total}: {', '.join(said)}"
