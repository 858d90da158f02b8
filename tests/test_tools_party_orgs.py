"""tools/build_party_orgs.py reads every name a Party Facts core party goes by: its name, English
name and other names, each "/" part, but no technical entry nor a name labelled with its script."""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _tool():
    sys.path.insert(0, str(ROOT / "tools"))
    spec = importlib.util.spec_from_file_location(
        "build_party_orgs", ROOT / "tools/build_party_orgs.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_name_of_a_party_but_technical_rows_and_labelled_scripts(tmp_path) -> None:
    source = tmp_path / "core.csv"
    with source.open("w", encoding="utf-8", newline="") as out:
        rows = csv.writer(out)
        rows.writerow(["country", "technical", "name", "name_english", "name_other"])
        rows.writerow(["XYZ", "", "Partia Zora", "Dawn Party / Dawn", "Greek: Κόμμα / Zora"])
        rows.writerow(["XYZ", "1", "Independents", "Independents", ""])
        rows.writerow(["XYZ", "", "Volkspartei\u2019s Liste", "", ""])
    names = _tool().party_names(source)
    assert names == {"Partia Zora", "Dawn Party", "Dawn", "Zora", "Volkspartei's Liste"}
