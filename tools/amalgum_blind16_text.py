"""Rebuild an AMALGUM news document's text for tests/data/nlp/wikinews-blind16/.

Provenance: AMALGUM (public repository gucorpling/amalgum; the commit of each file is in the
set's README and in each article's ``source.origin``) holds English Wikinews articles (texts CC BY
2.5, Wikinews contributors; annotations CC BY 4.0) as ``amalgum/news/xml/AMALGUM_news_*.xml``:
the ``<text>`` element carries ``sourceURL``, ``title`` and ``dateCreated``; the body is one token
a line (``token<TAB>xpos<TAB>lemma``) inside ``<head>``, ``<p>``, ``<figure>``/``<caption>``,
``<item>`` and ``<hi>`` elements. (The same repository's ``dep/*.conllu`` files hold the same
tokens, but their ``# text`` lines are tokenised, "do n't", and carry no ``# newpar``, so
paragraphs come from the XML.) Only tokens and block elements are read: no annotation layer.

The rule, applied in this order:
1. Blocks: every ``<p>``, ``<head>``, ``<item>`` or ``<quote>`` opens a paragraph. Dropped: the
   first ``<head>`` (the title); every ``<figure>`` (image captions and credits); a paragraph
   with a ``style`` attribute and any sentence outside a block (a pull-quote box and its
   "— name" credit, which repeat words of the article); a dateline ("Friday, March 5, 2010")
   opening the first paragraph. Each dropped block is reported on stderr.
2. Tokens are joined with one space, except: no space before , . ; : ! ? % ) ] } ... n't and the
   clitics 's 'm 're 've 'll 'd ', or a token opening with a hyphen ("-club"); no space after
   ( [ { $ £ € or a token ending with a hyphen ("Israeli-"), unless "or", "and", "nor" or "to"
   follows ("E- or M-type");
   an opening mark has a space before and none after, a closing mark no space before. Straight
   double marks (" or written ``/'', which come out as ") alternate opening and closing within
   a paragraph when the paragraph holds an even number of them (the tagger sometimes tags an
   opening mark as closing); otherwise, and for single marks, the tag decides (xpos `` opens,
   '' closes), except that a straight mark opening a paragraph or standing alone as a sentence
   opens and one ending a paragraph closes. Curly marks (“ ” ‘ ’) stay as written. The
   tokeniser's other spacing stays ("six - member").
3. A paragraph's sentences are joined with one space; paragraphs with one blank line.

XML character references in tokens are decoded ("R&amp;B" is "R&B"). The text keeps its words exactly; only the spacing around punctuation is rebuilt, so it may
differ from the live page where the original spacing was unusual.

Usage: ``python tools/amalgum_blind16_text.py PATH/AMALGUM_news_X.xml [...]`` prints one JSON
line per file: ``doc``, ``url``, ``title``, ``date``, ``text``.
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

BLOCKS = ("p", "head", "item", "quote")
DATELINE = re.compile(r"(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \w+ \d{1,2}, \d{4}\.?")
NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "...", "n't", "N'T"}
CLITICS = {
    "'s",
    "'m",
    "'re",
    "'ve",
    "'ll",
    "'d",
    "'",
    "’s",
    "’m",
    "’re",
    "’ve",
    "’ll",
    "’d",
    "’",
    "n’t",
}
SUSPENDED = {"or", "and", "nor", "to"}  # "E- or M-type": a hyphen left hanging before these
NO_SPACE_AFTER = {"(", "[", "{", "$", "£", "€", "US$"}
TAG = re.compile(r"<(/?)([a-z]+)([^>]*)>")
ATTR = re.compile(r'(\w+)="([^"]*)"')


def join(tokens: list[tuple[str, str]]) -> str:
    """One sentence's or paragraph's tokens (form, xpos) as text, by rule 2."""
    out = ""
    glue = True  # no space before the next token
    doubles = [n for n, (form, _) in enumerate(tokens) if form in ('"', "``", "''")]
    alternate = len(doubles) % 2 == 0  # an even count of straight double marks: they pair up
    for n, (form, xpos) in enumerate(tokens):
        if form in ('"', "``", "''") and alternate:
            opening = doubles.index(n) % 2 == 0
        elif form in ('"', "'", "``", "''"):
            if n == 0:  # a straight mark opening a paragraph opens, whatever its tag
                opening = True
            elif n == len(tokens) - 1:  # and one ending it closes
                opening = False
            else:
                opening = xpos == "``" if xpos else form == "``"
        else:
            opening = form in ("“", "‘")
        closing = not opening and form in ('"', "'", "``", "''", "”")
        shown = '"' if form in ("``", "''") else form
        attach = (
            closing
            or form in NO_SPACE_BEFORE
            or (form in CLITICS and not opening)
            or (len(form) > 1 and form.startswith("-"))
        )
        if out and not glue and not attach:
            out += " "
        out += shown
        following = tokens[n + 1][0] if n + 1 < len(tokens) else ""
        glue = (
            opening
            or form in NO_SPACE_AFTER
            or (len(form) > 1 and form.endswith("-") and following not in SUSPENDED)
        )
    return out


def lone_mark(tokens: list[tuple[str, str]], start: int) -> None:
    """A straight double mark that is a whole sentence opens the quotation after it."""
    if len(tokens) - start == 1 and tokens[start][0] in ('"', "''", "``"):
        tokens[start] = ('"', "``")


def rebuild(xml: str) -> tuple[dict[str, str], str, list[str]]:
    """The document's metadata, its text and the blocks dropped (as text)."""
    meta: dict[str, str] = {}
    paragraphs: dict[object, tuple[str, list[tuple[str, str]]]] = {}  # key: (kind, tokens)
    stack: list[tuple[str, str, int]] = []  # open elements: (name, attributes, serial)
    serial = heads = events = 0
    kinds: dict[int, str] = {}  # a block element's serial: its kind
    starts: dict[int, int] = {}  # a paragraph's token list: where its current sentence starts
    for line in xml.splitlines():
        line = line.strip()
        if not line or line.startswith("<?"):
            continue
        tag = TAG.fullmatch(line)
        if tag:
            closing, name, attrs = tag.groups()
            if name == "s" and closing:
                for kind_tokens in paragraphs.values():
                    lone_mark(kind_tokens[1], starts.get(id(kind_tokens[1]), 0))
            elif name == "s":
                for kind_tokens in paragraphs.values():
                    starts[id(kind_tokens[1])] = len(kind_tokens[1])
            if name == "text" and not closing:
                meta = {k: html.unescape(v) for k, v in ATTR.findall(attrs)}
            elif closing:
                while stack and stack.pop()[0] != name:
                    pass
                events += name in (*BLOCKS, "figure")
            else:
                serial += 1
                stack.append((name, attrs, serial))
                events += name == "figure"
                if name in BLOCKS and not any(n in BLOCKS for n, _, _ in stack[:-1]):
                    events += 1
                    heads += name == "head"
                    if any(n == "figure" for n, _, _ in stack):
                        kinds[serial] = "figure"
                    elif name == "head" and heads == 1:
                        kinds[serial] = "title"
                    elif "style=" in attrs:
                        kinds[serial] = "box"
                    else:
                        kinds[serial] = "p"
            continue
        outer = next((s for n, _, s in stack if n in BLOCKS), None)
        if outer is not None:
            key: object = outer
            kind = kinds[outer]
        else:  # a sentence outside any block: a caption, or a pull-quote box
            key = ("loose", events)
            kind = "figure" if any(n == "figure" for n, _, _ in stack) else "box"
        tokens = paragraphs.setdefault(key, (kind, []))[1]
        fields = line.split("\t")
        if len(fields) >= 2:
            tokens.append((html.unescape(fields[0]), fields[1]))
        else:  # a transcribed sentence: tokens separated by spaces
            starts[id(tokens)] = len(tokens)
            tokens.extend((html.unescape(form), "") for form in fields[0].split(" ") if form)
            lone_mark(tokens, starts[id(tokens)])
    kept: list[str] = []
    dropped: list[str] = []
    for kind, tokens in paragraphs.values():
        text = join(tokens)
        if kind in ("title", "figure", "box"):
            dropped.append(f"{kind}: {text}")
        elif not kept and (date := DATELINE.match(text)) and text[date.end() :][:1] in ("", " "):
            dropped.append(f"dateline: {date.group()}")
            if text[date.end() :].strip():
                kept.append(text[date.end() :].strip())
        elif text:
            kept.append(text)
    return meta, "\n\n".join(kept), dropped


def main(argv: list[str]) -> int:
    for name in argv:
        path = Path(name)
        meta, text, dropped = rebuild(path.read_text(encoding="utf-8"))
        for block in dropped:
            print(f"{path.name}: dropped {block}", file=sys.stderr)
        record = {
            "doc": meta.get("id", path.stem),
            "url": meta.get("sourceURL", ""),
            "title": meta.get("title", ""),
            "date": meta.get("dateCreated", ""),
            "text": text,
        }
        print(json.dumps(record, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
