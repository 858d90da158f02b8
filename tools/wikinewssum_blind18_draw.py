"""Draw the texts of the blind set tests/data/nlp/wikinews-blind18 (round 54).

Provenance: the public repository airKlizz/WikinewsSum (the code of "Generating Extended and
Multilingual Summaries with Pre-trained Transformers"), commit
1d985031625909c908766812e8a18d0c88116ec8, file ``endataset.json``: 101 English Wikinews
articles of November 2004 onward, one JSON object a line with ``title``, ``text`` (the page's
wikitext split at blank lines, categories and the Sources section already cut off by the
repository's own extraction), ``categories`` and ``sources``. The file was deleted at later
commits; read it with ``git show 1d985031…:endataset.json``. Licence: Wikinews articles
published before 25 September 2005 (``{{PD-Article}}``) are in the public domain, later ones
CC BY 2.5 (Wikinews contributors). No earlier set of newstui used this repository.

Rule:

- records in file order; the record's number is its line (1-based), its URL is built from its
  title as MediaWiki does (``wikinews_tosca.record_url``);
- every URL of ``tests/data/wikinews-evaluation-urls.txt`` (every set's source, blind sets
  included) and of the shared sample ``/work/shared/wikinews/articles.jsonl`` excluded, compared
  with ``wikinews_dev12_draw.url_key``;
- the text: each blank-line passage is one paragraph; images (``[[File:…]]``, ``[[Image:…]]``),
  templates (``{{…}}``, nested) except Wikipedia links, HTML comments and tags are removed;
  ``{{w|target|label}}`` and ``[[target|label]]`` keep the label, ``{{w|name}}`` and
  ``[[name]]`` the name, ``[url label]`` the label; an indented line (``:``) is a paragraph of
  its own without the colon; a horizontal rule goes; bold/italic marks are dropped; HTML
  entities decoded; spaces squeezed; a paragraph left empty is dropped; the text ends before
  a "Sources", "Related news", "External links" or "See also" heading or an interview's
  "Have your say" line; remnants of templates the repository's extraction half ate
  (``{publish}}``) and interlanguage links go; the date is the ``{{date|…}}`` template's or a
  leading bold dateline's (``DATELINE``, removed from the text);
- not eligible: a record whose lead the repository's extraction cut (``CUT_LEAD``: its
  footnote pattern deleted from ``{{byline|date=`` through the first paragraph and the next
  one's first letter, a visible gap);
- eligible: a date, 250-2,500 words (``len(text.split())``), two or more quotations (pairs of
  straight double marks plus curly opening marks) and no problem found by
  ``wikinews_dev12_draw.PROBLEMS`` (leftover markup, visible gaps);
- the eligible list is shuffled with ``random.Random(20261207)``; a record's place in that
  order is its file number (``w000-…``). The annotator then reads the order and skips any text
  that does not read as a whole article.

Usage::

    git -C WikinewsSum show 1d985031625909c908766812e8a18d0c88116ec8:endataset.json > en.json
    python tools/wikinewssum_blind18_draw.py en.json OUT.jsonl --used LIST [--used LIST]...

To re-make round 54's draw, pass the URL list as it stood before blind18's own URLs were added
(``git show be39c90e:tests/data/wikinews-evaluation-urls.txt``); with today's list the three
drawn articles count as used. The script
writes one JSON line per eligible record in shuffled order (place, url, title, date, origin,
licence, text) and prints the counts.
"""

from __future__ import annotations

import argparse
import datetime
import html
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import wikinews_dev12_draw
import wikinews_tosca

COMMIT = "1d985031625909c908766812e8a18d0c88116ec8"
SEED = 20261207
MIN_WORDS, MAX_WORDS = 250, 2500
CC_BY = "CC BY 2.5 (Wikinews contributors)"
PUBLIC_DOMAIN = "Public domain (Wikinews article published before 25 September 2005)"

END = re.compile(
    r"^\s*=+\s*(Sources?|Related news|Related|External links?|See also)\b.*$",
    re.IGNORECASE | re.MULTILINE,
)
HAVE_YOUR_SAY = re.compile(r"\{\{\s*haveyoursay", re.IGNORECASE)
DATE = re.compile(r"\{\{\s*date\s*\|\s*([^}|]+?)\s*\}\}", re.IGNORECASE)
# A bold dateline opening the first passage ("'''December 22, 2004'''"), the older articles' form.
DATELINE = re.compile(r"\A\s*'''\s*([A-Z][a-z]+ \d{1,2}, \d{4})\s*'''\s*")
# The repository's footnote pattern cut "{{byline|date=..." through the first paragraph's first
# letter: such a record lost its lead (a visible gap), so it is not eligible.
CUT_LEAD = re.compile(r"byline\s*\|\s*date(?!\s*=)", re.IGNORECASE)


def _strip_nested(text: str, opener: str, closer: str, keep: Any) -> str:
    """Remove ``opener…closer`` spans (nested); ``keep(inner)`` gives the text left for one."""
    out: list[str] = []
    i = 0
    while i < len(text):
        if text.startswith(opener, i):
            depth, j = 1, i + len(opener)
            while j < len(text) and depth:
                if text.startswith(opener, j):
                    depth += 1
                    j += len(opener)
                elif text.startswith(closer, j):
                    depth -= 1
                    j += len(closer)
                else:
                    j += 1
            inner = text[i + len(opener) : j - len(closer) if not depth else j]
            out.append(keep(inner))
            i = j
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def _template(inner: str) -> str:
    """A Wikipedia link template keeps its label; every other template goes."""
    parts = inner.split("|")
    if parts[0].strip().lower() == "w" and len(parts) > 1:
        return parts[-1]
    return ""


def _link(inner: str) -> str:
    """An internal link keeps its label; an image or file goes."""
    target = inner.split("|", 1)[0].strip()
    if re.match(r"(File|Image|Category|Media)\s*:", target, re.IGNORECASE):
        return ""
    if re.match(r"[a-z]{2,3}(-[a-z]+)?:", target):  # an interlanguage link
        return ""
    return inner.split("|")[-1]


def convert(passages: list[str]) -> str:
    """The plain text of one record's wikitext passages."""
    raw = DATELINE.sub("", "\n\n".join(passages))
    m = END.search(raw) or HAVE_YOUR_SAY.search(raw)
    if m:
        raw = raw[: m.start()]
    m = HAVE_YOUR_SAY.search(raw)
    if m:
        raw = raw[: m.start()]
    raw = re.sub(r"<!--.*?(-->|$)", "", raw, flags=re.S)
    # remnants of the repository's extraction, which ate one brace of a closing template
    # ("{publish}}", "{archive}}") and of a comment opener ("!-- ... -->"); interlanguage links
    raw = re.sub(r"(?<!\{)\{[A-Za-z -]+\}\}(?!\})", "", raw)
    raw = re.sub(r"(?m)^!--.*?(-->|$)", "", raw, flags=re.S)
    raw = re.sub(r"(?m)^[a-z]{2,3}(-[a-z]+)?:\S.*$", "", raw)
    raw = re.sub(r"<ref.*?(</ref>|/>)", "", raw, flags=re.S | re.I)
    raw = _strip_nested(raw, "{{", "}}", _template)
    raw = _strip_nested(raw, "[[", "]]", _link)
    raw = re.sub(r"\[(?:https?|ftp)://[^\s\]]+ ?([^\]]*)\]", r"\1", raw)
    raw = re.sub(r"<[^<>]+>", "", raw)
    raw = raw.replace("'''", "").replace("''", "")
    raw = html.unescape(raw)
    raw = re.sub(r"(?m)^-{4,}\s*$", "", raw)  # a horizontal rule
    raw = re.sub(r"(?m)^:+\s*(.*)$", r"\n\n\1\n\n", raw)  # an indented line is its own block
    paras = []
    for block in re.split(r"\n\s*\n", raw):
        para = re.sub(r"\s+", " ", block).strip()
        if para:
            paras.append(para)
    return "\n\n".join(paras)


def record_date(passages: list[str]) -> str | None:
    raw = "\n\n".join(passages)
    m = DATE.search(raw) or DATELINE.search(raw)
    if not m:
        return None
    for fmt in ("%B %d, %Y", "%d %B %Y", "%B %d %Y"):
        try:
            return datetime.datetime.strptime(m.group(1).strip(), fmt).date().isoformat()
        except ValueError:
            continue
    return None


def licence(date: str | None) -> str:
    """Wikinews articles published before 25 September 2005 are in the public domain."""
    return PUBLIC_DOMAIN if date and date < "2005-09-25" else CC_BY


def records(path: Path) -> list[dict[str, Any]]:
    """Every record of the file in order, converted, with its origin."""
    out = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        rec = json.loads(line)
        title = rec["title"]
        raw = "\n\n".join(rec["text"])
        date = record_date(rec["text"])
        out.append(
            {
                "url": wikinews_tosca.record_url(title),
                "title": title,
                "date": date,
                "origin": f"github:airKlizz/WikinewsSum@{COMMIT}:endataset.json#{i}",
                "licence": licence(date),
                "text": convert(rec["text"]),
                "cut_lead": bool(CUT_LEAD.search(raw)),
            }
        )
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("endataset", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--used", type=Path, action="append", default=[])
    args = parser.parse_args(argv)
    used = wikinews_dev12_draw.used_keys(args.used)
    recs = records(args.endataset)
    counts = {"records": len(recs), "repeated url": 0, "used url": 0, "lead cut": 0, "no date": 0}
    counts.update({"words out of range": 0, "fewer than 2 quotations": 0, "pattern check": 0})
    seen: set[str] = set()
    eligible = []
    for rec in recs:
        key = wikinews_dev12_draw.url_key(rec["url"])
        text = rec["text"]
        if key in seen:
            counts["repeated url"] += 1
            continue
        seen.add(key)
        if key in used:
            counts["used url"] += 1
        elif rec.pop("cut_lead"):
            counts["lead cut"] += 1
        elif not rec["date"]:
            counts["no date"] += 1
        elif not MIN_WORDS <= len(text.split()) <= MAX_WORDS:
            counts["words out of range"] += 1
        elif wikinews_dev12_draw.quotations(text) < 2:
            counts["fewer than 2 quotations"] += 1
        elif wikinews_dev12_draw.problems(text):
            counts["pattern check"] += 1
        else:
            eligible.append(rec)
    random.Random(SEED).shuffle(eligible)
    counts["eligible"] = len(eligible)
    with args.out.open("w", encoding="utf-8") as fh:
        for place, rec in enumerate(eligible):
            fh.write(json.dumps({"place": place, **rec}, ensure_ascii=False) + "\n")
    for name, n in counts.items():
        print(f"{name}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
