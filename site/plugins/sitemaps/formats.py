"""Sitemaps (an index of files below the 50,000-URL limit) and robots.txt.

``lastmod`` comes from the data, never the build time, so an unchanged site gives identical files.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

SITEMAP_LIMIT = 45_000  # Google's limit is 50,000 URLs (and 50 MB) per file


def urlset_xml(site_url: str, pages: list[tuple[str, str | None]]) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for path, lastmod in pages:
        lines.append(f"<url><loc>{escape(f'{site_url}/{path}')}</loc>"
                     + (f"<lastmod>{escape(lastmod)}</lastmod>" if lastmod else "") + "</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def sitemap_files(site_url: str, pages: list[tuple[str, str | None]],
                  limit: int = SITEMAP_LIMIT) -> dict[str, str]:
    """{relative path: XML}: ``sitemap.xml`` is the index, the URLs are in ``sitemaps/N.xml``."""
    pages = sorted(set(pages))
    chunks = [pages[i:i + limit] for i in range(0, len(pages), limit)] or [[]]
    files: dict[str, str] = {}
    index = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for n, chunk in enumerate(chunks, start=1):
        path = f"sitemaps/{n}.xml"
        files[path] = urlset_xml(site_url, chunk)
        lastmod = max((m for _, m in chunk if m), default=None)
        index.append(f"<sitemap><loc>{escape(f'{site_url}/{path}')}</loc>"
                     + (f"<lastmod>{escape(lastmod)}</lastmod>" if lastmod else "") + "</sitemap>")
    index.append("</sitemapindex>")
    files["sitemap.xml"] = "\n".join(index) + "\n"
    return files


def robots_txt(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url}/sitemap.xml\n"
