"""Distinct source URLs for notices that share one URL (or have none): page URL + ``#slug``.

OSSC links every row to ``archive.php``; OPSC's rows are postbacks. A notice's key must still
be stable from one crawl to the next, so the fragment is made from the notice's own text, and a
repeated text gets ``-2``, ``-3``… counted from the bottom of the board (new rows are added at
the top, so older rows keep their suffix when the board grows).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from urllib.parse import urldefrag

from slugify import slugify

MAX_SLUG = 80


def fragment_slug(*parts: str | None) -> str:
    """A readable slug of the text; a long one is cut and made unique by a hash of the whole."""
    full = slugify(" ".join(p for p in parts if p)) or "notice"
    if len(full) <= MAX_SLUG:
        return full
    digest = hashlib.sha1(full.encode()).hexdigest()[:6]
    return f"{full[: MAX_SLUG - 7].rsplit('-', 1)[0]}-{digest}"


class FragmentKeys:
    """Give each notice of one page a distinct ``base#fragment`` URL."""

    def __init__(self, base_url: str):
        self.base = urldefrag(base_url)[0]

    def urls(self, texts: list[str]) -> list[str]:
        """One URL per text, in the order given (top of the board first)."""
        slugs = [fragment_slug(t) for t in texts]
        seen: Counter[str] = Counter()
        suffixed = [""] * len(slugs)
        for index in range(len(slugs) - 1, -1, -1):
            seen[slugs[index]] += 1
            if seen[slugs[index]] > 1:
                suffixed[index] = f"-{seen[slugs[index]]}"
        return [f"{self.base}#{slug}{suffix}" for slug, suffix in zip(slugs, suffixed, strict=True)]

    def url(self, text: str) -> str:
        return self.urls([text])[0]
