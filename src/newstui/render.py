"""An article as JSON for scripts and as rich Text with quotes and entity mentions marked."""

from __future__ import annotations

from typing import Any

from rich.text import Text

from newstui.model import Analysis, ArticleRow, StoredArticle

ENTITY_STYLES = {
    "PERSON": "bold cyan",
    "ORG": "bold magenta",
    "PLACE": "bold green",
    "NORP": "yellow",
}
QUOTE_STYLE = "italic #f0c674"
SPEAKER_STYLE = "bold #f0c674"


def article_row_json(row: ArticleRow) -> dict[str, Any]:
    """The list/search JSON fields of an article."""
    return {
        "id": row.id,
        "title": row.title,
        "feed": row.feed,
        "url": row.url,
        "author": row.author,
        "published": row.published,
        "read": row.read,
        "starred": row.starred,
    }


def article_json(stored: StoredArticle, analysis: Analysis) -> dict[str, Any]:
    """The `show --json` object: row fields, text, links, entities and quotes with offsets."""
    data = article_row_json(stored.row)
    data["text"] = stored.text
    data["summary"] = stored.summary
    data["links"] = [
        {"text": link.text, "url": link.url, "kind": link.kind} for link in stored.links
    ]
    data["fulltext"] = {"status": stored.fulltext_status, "error": stored.fulltext_error}
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


def highlighted_body(text: str, analysis: Analysis, *, speakers: bool = True) -> Text:
    """The article text with entity mentions coloured by type and quotes styled with speakers."""
    body = Text(text)
    for entity in analysis.entities:
        style = ENTITY_STYLES.get(entity.type, "bold")
        for m in entity.mentions:
            body.stylize(style, m.start, m.end)
    quotes = sorted(analysis.quotes, key=lambda q: q.start)
    for q in quotes:
        body.stylize(QUOTE_STYLE, max(q.start - 1, 0), min(q.end + 1, len(text)))
    if not speakers or not quotes:
        return body
    # Insert "[— Speaker]" after each quote's closing mark, working from the end so offsets hold.
    out = Text()
    cursor = 0
    for q in quotes:
        end = min(q.end + 1, len(text))
        out.append_text(body[cursor:end])
        out.append(f" [— {q.speaker or 'unknown speaker'}]", style=SPEAKER_STYLE)
        cursor = end
    out.append_text(body[cursor:])
    return out


def render_article_text(stored: StoredArticle, analysis: Analysis) -> Text:
    """The whole article for a terminal: title, byline, highlighted body and numbered links."""
    row = stored.row
    out = Text()
    out.append(row.title + "\n", style="bold")
    meta = " · ".join(
        x for x in (row.feed, row.author, (row.published or "")[:16].replace("T", " ")) if x
    )
    if meta:
        out.append(meta + "\n", style="dim")
    if row.url:
        out.append(row.url + "\n", style="dim underline")
    out.append("\n")
    out.append_text(highlighted_body(stored.text or stored.summary, analysis))
    out.append("\n")
    if stored.links:
        out.append("\nLinks\n", style="bold")
        for i, link in enumerate(stored.links, 1):
            label = f"[image] {link.text}" if link.kind == "image" else link.text
            out.append(f"[{i}] ", style="dim")
            out.append(f"{label} " if label else "")
            out.append(link.url + "\n", style="dim")
    return out
