"""The reading app (Textual): sources, headlines, reader and an entities/quotes sidebar."""

from newstui.tui.textual_types import defer_textual_types

defer_textual_types()  # before anything imports Textual's App (see textual_types)
