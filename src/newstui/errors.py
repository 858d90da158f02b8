"""The one exception hierarchy: each carries a message fit to show a user."""


class NewstuiError(Exception):
    """Base class: an error caused by input or environment, shown as one line, never a traceback."""


class ConfigError(NewstuiError):
    """The config file is missing, unreadable or invalid."""


class SourceError(NewstuiError):
    """A feed, page or file could not be fetched or parsed."""


class StoreError(NewstuiError):
    """The database cannot be opened or is not a newstui database."""
