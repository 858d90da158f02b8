"""Names typed by a corpus of unannotated news, and the experiment that judged them: tried in
round 30 and NOT used (docs/nlp-history.md, "Names typed by unannotated news").

    # the lexicon: name<TAB>TYPE lines, gzip; the same bytes on a rerun from the same jsonl
    PYTHONPATH=src python tools/build_name_evidence.py build /work/notes/corpus/wikinews-open.jsonl \\
        --out /tmp/names_news.txt.gz
    # leave-one-folder-out over development folders (never a blind one: refused)
    PYTHONPATH=src python tools/build_name_evidence.py cv CORPUS --data tests/data/nlp/wikinews-dev …

The corpus is JSON lines with "url" and "text" (tools/wikinews_tosca.py writes them). The
current extractor reads each article; a mention typed by a cue around it (a candidate of
strength 2: "X said", "President X", "X-based", "in X", "X's chief executive", "a spokesman
for X"; never the hand-written lists, which give 3, nor a lower list, 1) is evidence for its
name (possessive cut) in that article, one vote a type an article. A name goes into the lexicon
when one type has at least MIN_ARTICLES articles and MIN_SHARE of the articles typing it at all,
unless the hand-written lists know it, it is a given name alone, or every word of it is one the
corpus writes in lower case at least a quarter as often as with a capital inside a sentence
("Freedom", "Independent": common words a cue typed once too often).

`cv` measures the lexicon as weak evidence: for each held-out folder it builds the lexicon
without that folder's articles (matched by address and by the opening of the text), copies
this tree's package to a temporary folder with HOOK applied (a name the article gives no cue
and no hand-written list, a run left untyped, a two-word guess or a lower list's guess, takes
the lexicon's type), and scores the folder with bench/nlp_eval.py's counts against the same
copy with an empty lexicon (rules alone). The extractor itself never reads the lexicon.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import unquote

ROOT = Path(__file__).resolve().parent.parent
TYPES = ("PERSON", "ORG", "PLACE")
MIN_ARTICLES = 2
MIN_SHARE = 0.8
COMMON_RATIO = 4
JOINERS = frozenset(("of", "and", "for", "the", "&", "de", "al"))
HEADER = (
    "# Names typed by cues in English Wikinews 2004-2012 (toscaData, CC BY 2.5, changed: names"
    " only), learnt by tools/build_name_evidence.py. name<TAB>TYPE\n"
)

sys.path.insert(0, str(Path(__file__).resolve().parent))  # blind_sets.py beside this file
from blind_sets import is_blind  # noqa: E402

WordCases = tuple[Counter[str], Counter[str]]


def url_key(url: str) -> str:
    """An article's address, folded so two spellings of one Wikinews page match."""
    return unquote(url or "").replace(" ", "_").rstrip("/").lower()


def text_key(text: str) -> str:
    """The opening of an article's text, folded: the same article under another address."""
    return re.sub(r"\W+", "", text)[:120].lower()


def read_corpus(path: Path) -> Iterator[dict[str, str]]:
    """The corpus's records, each text once; a line that is no record stops with its place."""
    seen: set[str] = set()
    with path.open(encoding="utf-8") as lines:
        for n, line in enumerate(lines, 1):
            try:
                record = json.loads(line)
                text, url = record["text"], record.get("url", "")
            except (ValueError, KeyError, TypeError, AttributeError) as err:
                raise SystemExit(f"{path}:{n}: not a corpus record ({err})") from None
            if not isinstance(text, str) or not isinstance(url, str):
                raise SystemExit(f"{path}:{n}: not a corpus record (text and url are strings)")
            if text in seen:  # an article filed under both economy and politics
                continue
            seen.add(text)
            yield {"url": url_key(url), "key": text_key(text), "text": text}


def article_evidence(text: str) -> dict[str, list[str]]:
    """Each name a cue types in `text`, with the types its cues give (sorted)."""
    from newstui.nlp.entities import NAME_JOINERS, candidate_groups
    from newstui.nlp.names import strip_possessive
    from newstui.nlp.segment import datelines, name_tokens

    found = datelines(text)
    tokens = name_tokens(text, frozenset(d.end for d in found), NAME_JOINERS)
    typed: dict[str, set[str]] = defaultdict(set)
    for group in candidate_groups(text, tokens, found):
        for cand in group.cands:
            if cand.strength == 2 and cand.type in TYPES:
                typed[strip_possessive(cand.text)].add(cand.type)
    return {name: sorted(kinds) for name, kinds in sorted(typed.items())}


def corpus_evidence(records: Iterable[dict[str, str]]) -> list[dict]:
    """Every article's address, text key and evidence (see article_evidence)."""
    return [
        {"url": r["url"], "key": r["key"], "names": article_evidence(r["text"])} for r in records
    ]


_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_OPENER = re.compile(r"(?:^|[.!?:;\"“”‘’(\n]\s*)$")


def word_cases(texts: Iterable[str]) -> WordCases:
    """How often each word is written in lower case, and with a capital inside a sentence (not
    after a sentence's end, a quotation mark or a line break), across `texts`."""
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    for text in texts:
        for m in _WORD.finditer(text):
            word = m.group()
            if word.islower():
                lower[word] += 1
            elif word[0].isupper() and not _OPENER.search(text, max(0, m.start() - 3), m.start()):
                capital[word] += 1
    return lower, capital


def _common_words(name: str, cases: WordCases) -> bool:
    """Whether every word of `name` is one the corpus writes in lower case, at least a quarter as
    often as with a capital inside a sentence ("Freedom", "Independent")."""
    lower, capital = cases
    for word in name.split():
        if word in JOINERS:
            continue
        seen = lower[word.lower()]
        if not seen or seen * COMMON_RATIO < capital[word]:
            return False
    return True


def _plain_name(name: str) -> bool:
    """Whether `name` reads as a name: capitalised words (joiners aside), no markup."""
    if len(name) < 2 or any(c in name for c in '()[]{}|=*<>"“”\n\t'):
        return False
    words = name.split()
    return words[0][:1].isupper() and all(
        w[:1].isupper() or w[:1].isdigit() or w in JOINERS for w in words
    )


def lexicon(
    evidence: Iterable[dict],
    cases: WordCases,
    min_articles: int = MIN_ARTICLES,
    min_share: float = MIN_SHARE,
    left_out: tuple[set[str], set[str]] = (set(), set()),
) -> dict[str, str]:
    """name → type from the articles' evidence, but those whose address or text key is in
    `left_out` (a held-out folder's); `cases`: word_cases of the same articles."""
    from newstui.nlp.gazetteer import load_gazetteer

    urls, keys = left_out
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    articles: Counter[str] = Counter()
    for record in evidence:
        if record["url"] in urls or record["key"] in keys:
            continue
        for name, kinds in record["names"].items():
            articles[name] += 1
            for kind in kinds:
                votes[name][kind] += 1
    gaz = load_gazetteer()
    found: dict[str, str] = {}
    for name, counts in votes.items():
        kind, n = max(counts.items(), key=lambda item: (item[1], item[0]))
        if n < min_articles or n < min_share * articles[name] or name in gaz.known:
            continue
        if not _plain_name(name) or _common_words(name, cases):
            continue
        if " " not in name and name in gaz.first_names:
            continue  # "George", "Laura": a given name alone is anyone's
        found[name] = kind
    return found


def write_lexicon(out: Path, entries: dict[str, str]) -> None:
    """Write `entries` sorted by name, gzipped with no timestamp (a rebuild is the same bytes)."""
    text = HEADER + "".join(f"{name}\t{entries[name]}\n" for name in sorted(entries))
    out.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))


def build(corpus: Path, out: Path, min_articles: int, min_share: float) -> dict[str, str]:
    """The lexicon of the whole corpus, written to `out`."""
    records = list(read_corpus(corpus))
    entries = lexicon(
        corpus_evidence(records),
        word_cases(r["text"] for r in records),
        min_articles,
        min_share,
    )
    write_lexicon(out, entries)
    return entries


# The hook `cv` puts in a copy of the extractor: a module reading the lexicon, and a few lines
# where each group of mentions is typed, after every pass: a group no mention of which has a cue
# or a hand-written list (untyped, a two-word guess, a lower list's guess) takes the lexicon's
# type. (Typing the runs as they are found, before the passes, let the lexicon's type stop a cue
# that a later pass reads: "held in Quillex" stayed the lexicon's ORG.)
HOOK_MODULE = '''"""The lexicon of tools/build_name_evidence.py, read once (a copy made by its cv step only)."""

import gzip
from pathlib import Path

LEXICON = Path(__file__).with_name("names_news.txt.gz")
_loaded: dict[str, str] = {}


def corpus_type(name: str) -> str | None:
    if not _loaded:
        for line in gzip.decompress(LEXICON.read_bytes()).decode("utf-8").splitlines():
            if line and line[0] != "#":
                key, _, kind = line.partition("\\t")
                _loaded[key] = kind
        _loaded.setdefault("", "")
    return _loaded.get(name) or None
'''
HOOK_FILE = "nlp/entity_merge.py"
HOOK_ANCHOR = "        kind = rules_type(key, cands, confirmed)\n"
HOOK = (
    HOOK_ANCHOR
    + """        from newstui.nlp.gazetteer import tier_type
        from newstui.nlp.name_evidence import corpus_type
        from newstui.nlp.names import strip_possessive

        if all(c.strength == 0 or (c.strength == 1 and tier_type(c.text)) for c in cands):
            # no cue, no hand-written list in the article: untyped, a guess, a lower list's
            for c in cands:
                if (seen := corpus_type(strip_possessive(c.text))) is not None:
                    kind = seen  # what cues said of the name in other news
                    break
"""
)


def hooked_copy(into: Path, source: Path = ROOT / "src") -> Path:
    """This tree's package copied under `into` with HOOK in; the folder to put on sys.path.
    The lexicon it reads is `into`/newstui/nlp/names_news.txt.gz (empty until written)."""
    copy = into / "src"
    shutil.copytree(source / "newstui", copy / "newstui", ignore=shutil.ignore_patterns("*.so"))
    runs = copy / "newstui" / HOOK_FILE
    code = runs.read_text(encoding="utf-8")
    if code.count(HOOK_ANCHOR) != 1:
        raise SystemExit(f"{runs}: the hook's anchor is gone; update HOOK in {Path(__file__).name}")
    runs.write_text(code.replace(HOOK_ANCHOR, HOOK), encoding="utf-8")
    (copy / "newstui" / "nlp" / "name_evidence.py").write_text(HOOK_MODULE, encoding="utf-8")
    write_lexicon(lexicon_path(copy), {})
    return copy


def lexicon_path(copy: Path) -> Path:
    """Where the hooked copy at `copy` reads its lexicon."""
    return copy / "newstui" / "nlp" / "names_news.txt.gz"


def _folder_left_out(folder: Path) -> tuple[set[str], set[str]]:
    """The address and text keys of a folder's annotated articles."""
    urls, keys = set(), set()
    for path in sorted(folder.glob("*.json")):
        article = json.loads(path.read_text(encoding="utf-8"))
        source = article.get("source") or {}
        if source.get("url"):
            urls.add(url_key(source["url"]))
        keys.add(text_key(article["text"]))
    return urls, keys


_FOLD = """
import json, sys
from pathlib import Path
sys.path[:0] = [sys.argv[1], sys.argv[2]]
from nlp_eval import evaluate
_, counts = evaluate(Path(sys.argv[3]), "rules", False)
print("COUNTS " + json.dumps(counts))
"""


def _fold_counts(copy: Path, folder: Path) -> Counter[str]:
    """bench/nlp_eval.py's counts for `folder` by the hooked copy (a fresh process each)."""
    run = subprocess.run(
        [sys.executable, "-c", _FOLD, str(copy), str(ROOT / "bench"), str(folder)],
        check=True,
        capture_output=True,
        text=True,
    )
    line = next(x for x in run.stdout.splitlines() if x.startswith("COUNTS "))
    return Counter(json.loads(line[len("COUNTS ") :]))


def _f1(tp: int, pred: int, gold: int) -> float:
    p = tp / pred if pred else 1.0
    r = tp / gold if gold else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def figures(counts: Counter[str]) -> dict[str, float]:
    """F1 of entities (PERSON, ORG and PLACE together), each type, named speakers, spans."""
    out = {
        "spans": _f1(counts["q_tp"], counts["q_pred"], counts["q_gold"]),
        "speakers": _f1(counts["s_tp"], counts["s_pred"], counts["s_gold"]),
    }
    tp = pred = gold = 0
    for kind in TYPES:
        t, p, g = counts[f"{kind}_tp"], counts[f"{kind}_pred"], counts[f"{kind}_gold"]
        out[kind] = _f1(t, p, g)
        tp, pred, gold = tp + t, pred + p, gold + g
    out["entities"] = _f1(tp, pred, gold)
    return out


COLUMNS = ("entities", "ORG", "PERSON", "PLACE", "speakers", "spans")


def cross_validate(corpus: Path, folders: list[Path], min_articles: int, min_share: float) -> None:
    """Print a table: each folder rules alone → rules + the lexicon built without it, pooled."""
    for folder in folders:
        if is_blind(str(folder.resolve())):
            raise SystemExit(f"{folder}: a blind set; cv never reads one")
    records = list(read_corpus(corpus))
    evidence = corpus_evidence(records)
    lower, capital = word_cases(r["text"] for r in records)
    pooled_base: Counter[str] = Counter()
    pooled_lex: Counter[str] = Counter()
    print(f"min_articles {min_articles}, min_share {min_share}, {len(records)} corpus articles")
    print(
        "| folder | articles | corpus articles left out | lexicon names | "
        + " | ".join(COLUMNS)
        + " |"
    )
    print("|---|---|---|---|" + "---|" * len(COLUMNS))
    with tempfile.TemporaryDirectory() as tmp:
        copy = hooked_copy(Path(tmp))
        for folder in folders:
            left_out = _folder_left_out(folder)
            held = [r for r in records if r["url"] in left_out[0] or r["key"] in left_out[1]]
            held_lower, held_capital = word_cases(r["text"] for r in held)
            cases = (lower - held_lower, capital - held_capital)
            entries = lexicon(evidence, cases, min_articles, min_share, left_out)
            write_lexicon(lexicon_path(copy), {})
            base = _fold_counts(copy, folder)
            write_lexicon(lexicon_path(copy), entries)
            with_lex = _fold_counts(copy, folder)
            pooled_base += base
            pooled_lex += with_lex
            a, b = figures(base), figures(with_lex)
            cells = " | ".join(f"{a[c]:.3f} → {b[c]:.3f}" for c in COLUMNS)
            name = "top level (00–20)" if folder.resolve().name == "nlp" else folder.name
            print(f"| {name} | {base['articles']} | {len(held)} | {len(entries)} | {cells} |")
    a, b = figures(pooled_base), figures(pooled_lex)
    cells = " | ".join(f"{a[c]:.4f} → {b[c]:.4f}" for c in COLUMNS)
    print(f"| pooled | {pooled_base['articles']} | | | {cells} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    steps = parser.add_subparsers(dest="step", required=True)
    make = steps.add_parser("build", help="write the lexicon of the whole corpus")
    make.add_argument("corpus", type=Path)
    make.add_argument("--out", type=Path, required=True)
    cv = steps.add_parser("cv", help="leave-one-folder-out: rules alone against rules + lexicon")
    cv.add_argument("corpus", type=Path)
    cv.add_argument("--data", type=Path, nargs="+", required=True)
    for step in (make, cv):
        step.add_argument("--min-articles", type=int, default=MIN_ARTICLES)
        step.add_argument("--min-share", type=float, default=MIN_SHARE)
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        raise SystemExit(f"{args.corpus}: no such corpus file")
    if args.step == "build":
        entries = build(args.corpus, args.out, args.min_articles, args.min_share)
        kinds = Counter(entries.values())
        print(
            f"{args.out}: {len(entries)} names ({', '.join(f'{k} {kinds[k]}' for k in TYPES)}),"
            f" {args.out.stat().st_size:,} bytes"
        )
        return 0
    cross_validate(args.corpus, args.data, args.min_articles, args.min_share)
    return 0


if __name__ == "__main__":
    sys.exit(main())
