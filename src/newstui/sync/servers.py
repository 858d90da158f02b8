"""What a Google Reader API server does its own way, told by its API address: FreshRSS's
fullwidth `＆ ＜ ＞` in titles (and `？ ＼ ／ ， ；` in feed names), its item body under `summary`,
each server's default folder."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from newstui.model import carries_full_article
from newstui.sources.urls import host_within
from newstui.text import halfwidth_signs

# The folder every feed without one is in, which no user made: FreshRSS's default category (id 1,
# named in the user's language: app/i18n/*/gen.php `default_category`, FreshRSS 1.24.3);
# Miniflux's first category, "All" (made with each user; quickadd files feeds in it). A hosted
# service (HOSTED_SERVICES) has none.
FRESHRSS_DEFAULT_FOLDERS = frozenset(
    {
        "Uncategorized",
        "Nezařazeno",
        "Unkategorisiert",
        "Sin categorizar",
        "دسته بندی نشده",
        "Sans catégorie",
        "ללא קטגוריה",
        "Kategória nélküli",
        "Senza categoria",
        "未分類",
        "분류 없음",
        "Neklasificēts",
        "Niet ingedeeld",
        "Pas triat",
        "Brak kategorii",
        "Sem categoria",
        "Без категории",
        "Bez kategórie",
        "Kategorisiz",
        "未分类",
    }
)
MINIFLUX_DEFAULT_FOLDERS = frozenset({"All"})

# The signs FreshRSS 1.24 also writes fullwidth in a subscription's title (p/api/greader.php
# `escapeToUnicodeAlternative($name, true)`: its "extended" array adds only these, being joined
# to the first with `+=`, by key); `' " ^` come as they are (checked on FreshRSS 1.24.3).
_FEED_NAME_SIGNS = str.maketrans({"？": "?", "＼": "\\", "／": "/", "，": ",", "；": ";"})


# Chinese, Japanese and Korean writing: its scripts, punctuation and fullwidth forms (emoji
# are wide too, but no such writing: review r36 S7, "🔥 Politics， Economy" kept its `，`)
_CJK_WRITING = re.compile(
    "[\u1100-\u11ff\u2e80-\u2fff\u3000-\u303f\u3040-\u33ff\u3400-\u4dbf"
    "\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f"
    "\uff00-\uffef\U00020000-\U0003ffff]"
)


# What those blocks hold that is no writing: FreshRSS's stand-in signs, and the four emoji
# inside them, 〰 〽 ㊗ ㊙ (review r37 S1: "〽 Politics， Economy" kept its `，`)
_NOT_CJK_WRITING = "？＼／，；＆＜＞\u3030\u303d\u3297\u3299"


def _wide_besides_signs(text: str) -> bool:
    """Whether `text` is written with Chinese, Japanese or Korean characters (a fullwidth
    letter too) other than FreshRSS's stand-in signs and emoji: a title written so may use `，`
    or `／` of its own."""
    return any(c not in _NOT_CJK_WRITING for c in _CJK_WRITING.findall(text))


@dataclass(frozen=True)
class ServerWays:
    """How one server's answers are read."""

    # titles and authors carry `＆ ＜ ＞` for `& < >`: FreshRSS's compat mode, every Google Reader
    # answer of FreshRSS 1.24 (p/api/greader.php, lib_rss escapeToUnicodeAlternative);
    # subscription titles also `？ ＼ ／ ， ；` for `? \ / , ;` (_FEED_NAME_SIGNS)
    fullwidth_titles: bool = False
    # an item's `summary` holds what the feed gave, its content or only its summary, and the
    # answer does not say which (FreshRSS keeps one body per entry: SimplePie's get_content,
    # the description when there is no content)
    summary_may_be_content: bool = False
    default_folders: frozenset[str] = frozenset()  # folder names that are no user's folder

    def unescaped(self, text: str) -> str:
        """A title or author as the feed gave it (FreshRSS's fullwidth forms folded back)."""
        return halfwidth_signs(text) if self.fullwidth_titles else text

    def feed_name(self, text: str) -> str:
        """A subscription's title as the feed gave it: FreshRSS's fullwidth `？ ＼ ／ ， ；` folded
        back too, unless the title is written in wide characters (Chinese, Japanese, Korean),
        whose own punctuation these may be."""
        if not self.fullwidth_titles:
            return text
        text = halfwidth_signs(text)
        return text if _wide_besides_signs(text) else text.translate(_FEED_NAME_SIGNS)

    def body_is_content(self, key: str, text: str) -> bool:
        """Whether an item's body under `key` ("content" or "summary") is the entry's content,
        not only its summary: `content` is; FreshRSS's `summary` only when its text carries the
        whole article (a summary-only feed's teaser comes under it too)."""
        if key == "content":
            return True
        return self.summary_may_be_content and carries_full_article(text)


FRESHRSS = ServerWays(True, True, FRESHRSS_DEFAULT_FOLDERS)
OTHER = ServerWays(default_folders=MINIFLUX_DEFAULT_FOLDERS)  # (Miniflux, self-hosted anywhere)
HOSTED = ServerWays()  # a service of its own host: no folder it made, "All" is the user's

# The hosted Google Reader API services (their sites and API hosts): none files feeds in a folder
# of its own, so a folder named "All" there is one the user made (review r35 S3).
HOSTED_SERVICES = ("inoreader.com", "innoreader.com", "theoldreader.com", "bazqux.com")


def server_ways(api_url: str) -> ServerWays:
    """FreshRSS's ways for its API address (`…/api/greader.php`, the only one it serves the
    Google Reader API at); a hosted service's (Inoreader, The Old Reader, BazQux, by their
    hosts); else Miniflux's (self-hosted, its API at its site root)."""
    parts = urlsplit(api_url.strip())
    if parts.path.rstrip("/").endswith("/greader.php"):
        return FRESHRSS
    host = (parts.hostname or "").rstrip(".")
    if host_within(host, HOSTED_SERVICES):
        return HOSTED
    return OTHER
