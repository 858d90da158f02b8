"""What a Google Reader API server does its own way, told by its API address: FreshRSS's
fullwidth `＆ ＜ ＞` in titles, its item body under `summary`, each server's default folder."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from newstui.text import halfwidth_signs

# The folder every feed without one is in, which no user made: FreshRSS's default category (id 1,
# named in the user's language: app/i18n/*/gen.php `default_category`, FreshRSS 1.24.3);
# Miniflux's first category, "All" (made with each user; quickadd files feeds in it).
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


@dataclass(frozen=True)
class ServerWays:
    """How one server's answers are read."""

    # titles and authors carry `＆ ＜ ＞` for `& < >`: FreshRSS's compat mode, every Google Reader
    # answer of FreshRSS 1.24 (p/api/greader.php, lib_rss escapeToUnicodeAlternative);
    # subscription titles also get `' " ^ ? \ / , ;` fullwidth, left as given (a `’` or `／`
    # may be the feed's own)
    fullwidth_titles: bool = False
    summary_is_content: bool = False  # an item's `summary` is the entry's whole content
    default_folders: frozenset[str] = frozenset()  # folder names that are no user's folder

    def unescaped(self, text: str) -> str:
        """A title or author as the feed gave it (FreshRSS's fullwidth forms folded back)."""
        return halfwidth_signs(text) if self.fullwidth_titles else text


FRESHRSS = ServerWays(True, True, FRESHRSS_DEFAULT_FOLDERS)
OTHER = ServerWays(default_folders=MINIFLUX_DEFAULT_FOLDERS)


def server_ways(api_url: str) -> ServerWays:
    """FreshRSS's ways for its API address (`…/api/greader.php`, the only one it serves the
    Google Reader API at), else Miniflux's (whose API is its site root; others give their own
    folders and full `content`)."""
    path = urlsplit(api_url.strip()).path.rstrip("/")
    return FRESHRSS if path.endswith("/greader.php") else OTHER
