"""Draw the texts of the blind set tests/data/nlp/wikinews-blind14 (round 51).

Provenance: English Wikinews records of the public repository Docma-TU/toscaData, commit
79923805871963be01827c4f70dc51c76272c106, ``data/economy.rda`` (category Economy_and_business)
then ``data/politics.rda`` (Politics_and_conflicts), converted by ``tools/wikinews_tosca.py``.
The rule is ``tools/wikinews_dev12_draw.py``'s (records, URL keys, quotation count, the
``PROBLEMS`` pattern check), drawn by ``tools/wikinews_blind13_draw.py``'s ``draw`` (imported),
except for the word band and seed:

- records in file order, economy then politics, by index; one per URL (the first record of a
  URL built from its title; later records repeating it are dropped);
- every URL of ``tests/data/wikinews-evaluation-urls.txt`` as it is on main when drawn (every
  set's source, blind sets and wikinews-dev12 included) and of the shared sample
  ``/work/shared/wikinews/articles.jsonl`` excluded (compared percent-decoded, spaces as
  underscores, the first letter's case ignored as MediaWiki does);
- eligible: a date, 1,301-2,500 words (``len(text.split())``; dev12 took 250-900 and
  wikinews-blind13 901-1,300), two or more quotations (pairs of straight double marks plus
  curly opening marks), and no visible gap or leftover markup by dev12's pattern check;
- the eligible list is shuffled with ``random.Random(20261209)``; a record's place in that order
  is its file number (``b000-…``).

Usage (reading ``.rda`` files needs the PyPI package ``rdata``, not a project dependency)::

    python tools/wikinews_blind14_draw.py ECONOMY.rda POLITICS.rda OUT.jsonl [--used FILE]...

writes one JSON line per eligible record in shuffled order: place, url, title, date, origin,
text; prints the counts.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import wikinews_blind13_draw as blind13

SEED = 20261209
MIN_WORDS, MAX_WORDS = 1301, 2500


def main(argv: list[str]) -> int:
    return blind13.main(argv, (MIN_WORDS, MAX_WORDS), SEED, __doc__ or "")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
