"""The classes mixed into the main screen and the app are plain classes (a Textual subclass costs
~2M instructions to create at every start), so their handlers go by the message's name."""

from __future__ import annotations

import pytest
from textual.message_pump import MessagePump

from newstui.tui.app import NewstuiApp
from newstui.tui.download_runner import RunsDownloads
from newstui.tui.saved_views import SavesViews
from newstui.tui.screens.article_actions import ArticleActions
from newstui.tui.screens.feed_adding import FeedAdding
from newstui.tui.screens.main import MainScreen
from newstui.tui.screens.panes import PaneLayout
from newstui.tui.screens.podcast_actions import PodcastActions
from newstui.tui.screens.refresh_reloads import RefreshReloads
from newstui.tui.screens.source_refresh import SourceRefresh
from newstui.tui.screens.status_row import StatusRow
from newstui.tui.screens.unread_steps import UnreadSteps

SCREEN_MIXINS = [
    ArticleActions,
    FeedAdding,
    PaneLayout,
    PodcastActions,
    RefreshReloads,
    SourceRefresh,
    StatusRow,
    UnreadSteps,
]
APP_MIXINS = [RunsDownloads, SavesViews]


@pytest.mark.parametrize("mixin", SCREEN_MIXINS + APP_MIXINS, ids=lambda m: m.__name__)
def test_a_mixin_is_no_textual_class_and_has_no_on_decorator(mixin):
    assert not issubclass(mixin, MessagePump)
    # `@on` is read from Textual classes only: in a plain mixin it would never be called
    decorated = [name for name, value in vars(mixin).items() if hasattr(value, "_textual_on")]
    assert decorated == []


def test_the_screen_and_the_app_still_have_every_mixin():
    assert all(issubclass(MainScreen, mixin) for mixin in SCREEN_MIXINS)
    assert all(issubclass(NewstuiApp, mixin) for mixin in APP_MIXINS)
