"""An article as JSON for scripts and as rich Text with quotes and entity mentions marked."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from rich.text import Text

from newstui.model import Analysis, ArticleRow, Entity, Mention, Quote, StoredArticle
from newstui.text import terminal_safe, terminal_safe_with_offsets


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
)
LIGHT_PALETTE = Palette(
    person="bold #00507a",
    org="bold #7a1f7a",
    place="bold #1d5e1d",
    group="#6e4a00",
    quote="italic #6b4200",
    speaker="bold #6b4200",
    meta="#555555",
)


def _line(value: str | None) -> str | None:
    """An optional one-line field, safe for a terminal."""
    return None if value is None else terminal_safe(value, line=True)


def safe_analysis(text: str, analysis: Analysis) -> tuple[str, Analysis]:
    """A stored text and its analysis made safe to show, offsets moved to match the safe text."""
    safe, moved = terminal_safe_with_offsets(text)
    if safe is text and not _needs_cleaning(analysis):
        return text, analysis
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
    return safe, Analysis(entities, quotes)


def _needs_cleaning(analysis: Analysis) -> bool:
    names = [n for e in analysis.entities for n in (e.name, e.type, *(m.text for m in e.mentions))]
    names += [t for q in analysis.quotes for t in (q.text, q.speaker or "")]
    return any(terminal_safe(n) != n for n in names)


def article_row_json(row: ArticleRow) -> dict[str, Any]:
    """The list/search JSON fields of an article (every string safe for a terminal)."""
    return {
        "id": row.id,
        "title": terminal_safe(row.title, line=True),
        "feed": _line(row.feed),
        "url": _line(row.url),
        "author": _line(row.author),
        "published": _line(row.published),
        "read": row.read,
        "starred": row.starred,
    }


def article_json(stored: StoredArticle, analysis: Analysis) -> dict[str, Any]:
    """The `show --json` object: row fields, text, links, entities and quotes with offsets."""
    data = article_row_json(stored.row)
    text, analysis = safe_analysis(stored.text, analysis)
    data["text"] = text
    data["summary"] = terminal_safe(stored.summary)
    data["links"] = [
        {"text": terminal_safe(link.text, line=True), "url": _line(link.url), "kind": link.kind}
        for link in stored.links
    ]
    data["fulltext"] = {"status": stored.fulltext_status, "error": _line(stored.fulltext_error)}
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
    return data


def highlighted_body(
    text: str,
    analysis: Analysis,
    *,
    speakers: bool = True,
    palette: Palette = TERMINAL_PALETTE,
) -> Text:
    """The article text with entity mentions coloured by type and quotes styled with speakers."""
    text, analysis = safe_analysis(text, analysis)
    body = Text(text)
    for entity in analysis.entities:
        style = palette.entity(entity.type)
        for m in entity.mentions:
            body.stylize(style, m.start, m.end)
    quotes = sorted(analysis.quotes, key=lambda q: q.start)
    for q in quotes:
        body.stylize(palette.quote, max(q.start - 1, 0), min(q.end + 1, len(text)))
    if not speakers or not quotes:
        return body
    # Insert "[— Speaker]" after the sentence each quote belongs to (`“…,” X said. [— X]`), or
    # after its closing mark when the quote ends the sentence; from the start, cursor-wise.
    out = Text()
    cursor = 0
    for i, q in enumerate(quotes):
        limit = quotes[i + 1].start - 1 if i + 1 < len(quotes) else len(text)
        end = max(_tag_position(text, q, limit), cursor)
        out.append_text(body[cursor:end])
        out.append(f" [— {q.speaker or 'unknown speaker'}]", style=palette.speaker)
        cursor = end
    out.append_text(body[cursor:])
    return out


_SENTENCE_END = re.compile(r"[.!?][\"”’)\]]*(?=\s|$)")


def _tag_position(text: str, quote: Quote, limit: int) -> int:
    """Where a quote's speaker tag goes: the end of its sentence, within its paragraph and
    before the next quote; right after the closing mark when the quote ends the sentence."""
    after = min(quote.end + 1, len(text))
    if quote.text.rstrip()[-1:] in (".", "!", "?"):
        return after
    paragraph_end = text.find("\n", after)
    stop = min(limit, paragraph_end if paragraph_end >= 0 else len(text))
    match = _SENTENCE_END.search(text, after, max(stop, after))
    return match.end() if match else after


def render_article_text(
    stored: StoredArticle,
    analysis: Analysis,
    palette: Palette = TERMINAL_PALETTE,
    *,
    speakers: bool = True,
) -> Text:
    """The whole article for a terminal: title, byline, highlighted body and numbered links."""
    row = stored.row
    out = Text()
    out.append(terminal_safe(row.title, line=True) + "\n", style="bold")
    meta = " · ".join(
        terminal_safe(x, line=True)
        for x in (row.feed, row.author, (row.published or "")[:16].replace("T", " "))
        if x
    )
    if meta:
        out.append(meta + "\n", style=palette.meta)
    if row.url:
        out.append(terminal_safe(row.url, line=True) + "\n", style=f"{palette.meta} underline")
    out.append("\n")
    out.append_text(
        highlighted_body(
            stored.text or stored.summary, analysis, speakers=speakers, palette=palette
        )
    )
    out.append("\n")
    if stored.links:
        out.append("\nLinks\n", style="bold")
        for i, link in enumerate(stored.links, 1):
            label = terminal_safe(link.text, line=True)
            label = f"[image] {label}" if link.kind == "image" else label
            out.append(f"[{i}] ", style=palette.meta)
            out.append(f"{label} " if label else "")
            out.append(terminal_safe(link.url, line=True) + "\n", style=palette.meta)
    return out
