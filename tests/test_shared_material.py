"""Tests needing ../shared skip in a plain clone with one reason, and fail the run where it is required."""

from __future__ import annotations

from pathlib import Path

import pytest

NEEDS_FRESHRSS = """
import pytest

def test_talks_to_freshrss(shared_path):
    assert shared_path("freshrss").is_dir()

@pytest.mark.needs_shared("extraction-dev")
def test_reads_extraction_pages():
    pass

def test_needs_nothing():
    pass
"""


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    """Run the small suite in this process (the snapshot plugin's temp folder is process-wide)."""
    return pytester.runpytest(
        "-p", "no:textual-snapshot", "-p", "no:cacheprovider", "-p", "no:asyncio", *args
    )


@pytest.fixture
def suite(pytester: pytest.Pytester, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A small suite using the helper; ../shared is an empty folder unless a test fills it."""
    shared = tmp_path / "shared"
    shared.mkdir()
    monkeypatch.setenv("NEWSTUI_SHARED", str(shared))
    monkeypatch.delenv("NEWSTUI_REQUIRE_SHARED", raising=False)
    pytester.makeconftest('pytest_plugins = ["shared_material"]')
    pytester.makepyfile(test_suite=NEEDS_FRESHRSS)
    return shared


def test_without_shared_the_tests_needing_it_skip_with_one_clear_reason(
    pytester: pytest.Pytester, suite: Path
) -> None:
    result = run(pytester, "-rs")
    result.assert_outcomes(passed=1, skipped=2)
    assert result.ret == pytest.ExitCode.OK
    result.stdout.fnmatch_lines(
        [
            f"SKIPPED * needs ../shared/freshrss (not found at {suite / 'freshrss'}*",
            "SKIPPED * needs ../shared/extraction-dev (not found at *",
        ]
    )


def test_where_shared_is_required_a_skip_fails_the_run_naming_the_test(
    pytester: pytest.Pytester, suite: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSTUI_REQUIRE_SHARED", "1")
    result = run(pytester)
    result.assert_outcomes(passed=1, skipped=2)
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(
        [
            "*tests needing ../shared were skipped*",
            "SKIPPED test_suite.py::test_talks_to_freshrss: needs ../shared/freshrss*",
            "SKIPPED test_suite.py::test_reads_extraction_pages: needs ../shared/extraction-dev*",
            "NEWSTUI_REQUIRE_SHARED=1 and 2 test(s) needing ../shared did not run: this run fails",
        ]
    )


def test_where_shared_is_required_and_present_the_tests_run_and_pass(
    pytester: pytest.Pytester, suite: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSTUI_REQUIRE_SHARED", "1")
    (suite / "freshrss").mkdir()
    (suite / "extraction-dev").mkdir()
    result = run(pytester)
    result.assert_outcomes(passed=3)
    assert result.ret == pytest.ExitCode.OK
    assert "needing ../shared" not in result.stdout.str()


def test_other_skips_do_not_fail_a_run_that_requires_shared(
    pytester: pytest.Pytester, suite: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSTUI_REQUIRE_SHARED", "1")
    (suite / "freshrss").mkdir()
    (suite / "extraction-dev").mkdir()
    pytester.makepyfile(
        test_other="import pytest\n\n@pytest.mark.skip(reason='not on this OS')\ndef test_x():\n    pass\n"
    )
    result = run(pytester)
    result.assert_outcomes(passed=3, skipped=1)
    assert result.ret == pytest.ExitCode.OK


def test_a_failing_run_keeps_its_own_exit_status(
    pytester: pytest.Pytester, suite: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSTUI_REQUIRE_SHARED", "1")
    pytester.makepyfile(test_broken="def test_x():\n    assert False\n")
    result = run(pytester)
    result.assert_outcomes(passed=1, skipped=2, failed=1)
    assert result.ret == pytest.ExitCode.TESTS_FAILED


def test_ci_requires_shared_and_runs_the_readme_test_command() -> None:
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text("utf-8")
    assert "export NEWSTUI_REQUIRE_SHARED=1" in ci
    assert 'bash -c "$test_command"' in ci
