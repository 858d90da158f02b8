"""The blind NLP sets: folders under tests/data/nlp that the project's tools never read or run.

A folder is blind when its name contains one of `BLIND_SETS` (`wikinews-blind2/`, …). Only
`bench/nlp_eval.py`, run by whoever reports figures, measures them, once per extractor version.
"""

from __future__ import annotations

BLIND_SETS = ("blind2", "blind3", "blind4", "blind5")


def is_blind(name: str) -> bool:
    """Whether a folder (or selection key) of this name is a blind set."""
    return any(b in name for b in BLIND_SETS)
