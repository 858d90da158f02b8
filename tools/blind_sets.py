"""The blind NLP sets: folders under tests/data/nlp that the project's tools never read or run.

A folder is blind when its name contains "blind", in any case (`blind/`, `wikinews-blind/`,
`wikinews-blind5/`, and any set added later under such a name); a selection key of
/work/annot/selection.json likewise. Only `bench/nlp_eval.py`, given a blind folder explicitly as
`--data` by whoever reports figures, measures them, once per extractor version.
"""

from __future__ import annotations

import os
from pathlib import Path

BLIND = "blind"


def is_blind(name: str) -> bool:
    """Whether a folder (or selection key) of this name is a blind set."""
    return BLIND in name.casefold()


def annotated_files(data: Path, suffix: str = ".json") -> list[Path]:
    """Every file ending in `suffix` under `data`, sorted, from folders that are not blind: a
    blind folder is never entered, listed or read (nor anything below it)."""
    if is_blind(data.name):
        return []
    found: list[Path] = []
    for folder, subfolders, files in os.walk(data):
        subfolders[:] = sorted(s for s in subfolders if not is_blind(s))
        found += (Path(folder) / f for f in files if f.endswith(suffix))
    return sorted(found)
