"""What the search box in the pages needs to know; ``site/pelicanconf.py`` takes its settings from here.

Only a *search-only* key ever reaches the browser: ``MEILI_SEARCH_KEY``, never the master or
admin key. Without one the box uses the site's own Pagefind bundle.
"""

from __future__ import annotations

import os

from search_index.index_settings import INDEX_UID


def search_page_settings(environ=None) -> dict:
    env = os.environ if environ is None else environ
    url = (env.get("MEILI_PUBLIC_URL") or env.get("MEILI_URL") or "").strip().rstrip("/")
    key = (env.get("MEILI_SEARCH_KEY") or "").strip()
    if not (url and key):
        return {"SEARCH_MEILI_URL": "", "SEARCH_MEILI_KEY": "", "SEARCH_MEILI_INDEX": ""}
    return {"SEARCH_MEILI_URL": url, "SEARCH_MEILI_KEY": key,
            "SEARCH_MEILI_INDEX": env.get("MEILI_INDEX", INDEX_UID)}
