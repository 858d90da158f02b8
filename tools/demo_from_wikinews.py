"""Write the demo feeds (src/newstui/demo/wikinews-*.xml) from ../shared/wikinews/articles.jsonl.

Run from the repository root: `python tools/demo_from_wikinews.py [--shared ../shared]`.
The texts are English Wikinews articles (CC BY 2.5); each item ends with its attribution, and
src/newstui/demo/LICENSE.md lists them. Articles held out for evaluating the NLP (the annotated
sets' files, and every index in /work/annot/selection.json, which names the blind sets' articles
without anyone opening their folders) are refused, so the demo never shows them.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from datetime import UTC, date, datetime
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent))  # blind_sets.py beside this file
from blind_sets import annotated_files

# feed file, feed title, tag, Wikinews article indices (0-based lines of articles.jsonl)
FEEDS = (
    ("wikinews-world.xml", "World · Wikinews", "world", (33, 121, 135, 130, 171, 72)),
    ("wikinews-politics.xml", "Politics · Wikinews", "politics", (17, 5, 165, 227, 124)),
    ("wikinews-science.xml", "Science · Wikinews", "science", (27, 142, 157, 71, 100)),
    ("wikinews-sport.xml", "Sport · Wikinews", "sport", (104, 91, 202, 156)),
    ("wikinews-culture.xml", "Culture · Wikinews", "culture", (203, 210)),
)
LICENCE_URL = "https://creativecommons.org/licenses/by/2.5/"
EVALUATION_SETS = Path(__file__).resolve().parent.parent / "tests" / "data" / "nlp"
SELECTION = Path("/work/annot/selection.json")
_DATELINE = re.compile(r"^\s*[A-Z][a-z]+day, [A-Z][a-z]+ \d{1,2}, \d{4}[\s\u00a0]*\n")


def held_out(data: Path = EVALUATION_SETS, selection: Path = SELECTION) -> set[int]:
    """Indices of the NLP development sets (data/wikinews-*/wNNN-*.json, NNN = the article's
    line in articles.jsonl; blind folders are never listed) and every index of the selection
    file (the blind sets' too): never demo content."""
    found = {
        int(match.group(1))
        for path in annotated_files(data)
        if path.parent.name.startswith("wikinews-") and (match := re.match(r"w(\d+)-", path.name))
    }
    if not found:
        sys.exit(f"{data}: no annotated Wikinews sets found to keep out of the demo")
    if selection.exists():
        chosen = json.loads(selection.read_text("utf-8"))
        found |= {i for indices in chosen.values() for i in indices}
    else:
        print(
            f"warning: no {selection}: the blind sets' articles are not known here", file=sys.stderr
        )
    return found


def item_xml(article: dict[str, str]) -> str:
    """One RSS item: the text as paragraphs, then the attribution (what was changed, if anything)."""
    text, dateline = _DATELINE.subn("", article["text"], count=1)
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]
    url = article["url"]
    change = "; the dateline was removed" if dateline else ""
    body = "".join(f"<p>{html.escape(p, quote=False)}</p>\n" for p in paragraphs)
    body += (
        f'<p>Source: <a href="{html.escape(url)}">Wikinews</a>, licensed '
        f'<a href="{LICENCE_URL}">CC BY 2.5</a> (© Wikinews contributors){change}.</p>'
    )
    # Wikinews gives a day, no time: written so (RFC 822's date without its time), the reader shows
    # that day in every zone rather than midnight UTC as a time (schema 53's timed_midnight)
    midnight = datetime.combine(date.fromisoformat(article["date"]), datetime.min.time(), UTC)
    published = format_datetime(midnight, usegmt=True).removesuffix(" 00:00:00 GMT")
    assert "]]>" not in body
    return (
        "    <item>\n"
        f"      <title>{escape(article['title'])}</title>\n"
        f"      <link>{escape(url)}</link>\n"
        f'      <guid isPermaLink="true">{escape(url)}</guid>\n'
        f"      <pubDate>{published}</pubDate>\n"
        "      <dc:creator>Wikinews contributors</dc:creator>\n"
        f"      <description><![CDATA[{body}]]></description>\n"
        "    </item>\n"
    )


def feed_xml(title: str, articles: list[dict[str, str]]) -> str:
    """A whole RSS 2.0 document, newest item first."""
    items = "".join(item_xml(a) for a in sorted(articles, key=lambda a: a["date"], reverse=True))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        "  <channel>\n"
        f"    <title>{escape(title)}</title>\n"
        "    <link>https://en.wikinews.org/</link>\n"
        "    <description>English Wikinews articles (CC BY 2.5, © Wikinews contributors), "
        "shipped as newstui's demo; see LICENSE.md.</description>\n"
        "    <language>en</language>\n"
        f"{items}"
        "  </channel>\n"
        "</rss>\n"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--out", type=Path, default=Path("src/newstui/demo"))
    args = parser.parse_args()
    lines = (args.shared / "wikinews" / "articles.jsonl").read_text("utf-8").splitlines()
    forbidden = held_out()
    for name, title, _tag, indices in FEEDS:
        if used := forbidden.intersection(indices):
            sys.exit(f"{name}: articles {sorted(used)} are held out for evaluation")
        articles = [json.loads(lines[i]) for i in indices]
        (args.out / name).write_text(feed_xml(title, articles), "utf-8")
        print(f"{name}: {len(articles)} articles")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
