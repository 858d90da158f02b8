"""Material outside the repository (../shared): one way for a test to need it, one rule for CI.

A plain clone has nothing beside it, so a test that needs `../shared/<name>` skips there with the
reason "needs ../shared/<name> …". CI has ../shared and sets NEWSTUI_REQUIRE_SHARED=1: then any
such skip makes the run fail, so CI never passes without running those tests.

Use it through the fixture `shared_path("freshrss")` (returns the path or skips) or, for a whole
module or class, the marker `@pytest.mark.needs_shared("extraction-dev")`. NEWSTUI_SHARED names
the folder when it is not beside the checkout (a git worktree, for example).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SKIP_PREFIX = "needs ../shared/"
REQUIRE_ENV = "NEWSTUI_REQUIRE_SHARED"
LOCATION_ENV = "NEWSTUI_SHARED"


def shared_root() -> Path:
    """The ../shared folder: NEWSTUI_SHARED, else the folder beside the checkout."""
    env = os.environ.get(LOCATION_ENV)
    return Path(env).expanduser() if env else REPO.parent / "shared"


def require_shared(name: str) -> Path:
    """The path of ../shared/<name>, or skip the calling test with one clear reason."""
    path = shared_root() / name
    if not path.exists():
        pytest.skip(
            f"{SKIP_PREFIX}{name} (not found at {path}; set {LOCATION_ENV} to the shared folder)"
        )
    return path


@pytest.fixture(scope="session")
def shared_path() -> Callable[[str], Path]:
    """`shared_path("freshrss")`: the path of ../shared/freshrss, or skip the test."""
    return require_shared


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "needs_shared(name): the test needs ../shared/<name>; skips without it"
    )
    config.pluginmanager.register(SharedSkipCheck(), "newstui-shared-skip-check")


def pytest_runtest_setup(item: pytest.Item) -> None:
    for marker in item.iter_markers("needs_shared"):
        for name in marker.args:
            require_shared(name)


def shared_required() -> bool:
    """True when this run must not skip tests that need ../shared (CI sets the variable)."""
    return os.environ.get(REQUIRE_ENV, "") not in ("", "0")


class SharedSkipCheck:
    """Collects the needs-../shared skips of one run; under NEWSTUI_REQUIRE_SHARED=1 they fail it."""

    def __init__(self) -> None:
        self.skipped: list[tuple[str, str]] = []

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.skipped and isinstance(report.longrepr, tuple):
            reason = str(report.longrepr[2]).removeprefix("Skipped: ")
            if reason.startswith(SKIP_PREFIX):
                self.skipped.append((report.nodeid, reason))

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        if self.skipped and shared_required() and session.exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        if not (self.skipped and shared_required()):
            return
        terminalreporter.section("tests needing ../shared were skipped", red=True, bold=True)
        for nodeid, reason in self.skipped:
            terminalreporter.write_line(f"SKIPPED {nodeid}: {reason}")
        terminalreporter.write_line(
            f"{REQUIRE_ENV}=1 and {len(self.skipped)} test(s) needing ../shared did not run: "
            "this run fails",
            red=True,
            bold=True,
        )
