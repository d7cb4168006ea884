"""sitemap.xml and robots.txt (lastmod comes from the data, never the build time)."""

from __future__ import annotations

from xml.sax.saxutils import escape


def sitemap_xml(site_url: str, pages: list[tuple[str, str | None]]) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for path, lastmod in sorted(pages):
        lines.append(f"  <url><loc>{escape(f'{site_url}/{path}')}</loc>"
                     + (f"<lastmod>{escape(lastmod)}</lastmod>" if lastmod else "") + "</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots_txt(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url}/sitemap.xml\n"
