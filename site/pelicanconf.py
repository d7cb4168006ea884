"""Pelican settings for the job site. Everything but the editorial pages comes from the snapshot,
through one plugin per concern: ``jobpages`` (the HTML pages), ``feeds`` (RSS, Atom, the
calendar), ``sitemaps`` (sitemaps and robots.txt) and ``indexnow``."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGIN_DIR = ROOT / "site" / "plugins"
# Pelican loads this file by path, not as a project module; the plugins import the project
# and ``jobsite``, the package they share, which sits beside them.
for folder in (ROOT, PLUGIN_DIR):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from search_index.site_config import search_page_settings  # noqa: E402

SITENAME = "Sarkari Jobs"
SITE_TAGLINE = "Government job notices, last dates, admit cards and results — checked daily"
SITEURL = os.environ.get("JOBS_SITE_URL", "http://localhost:8000").rstrip("/")
RELATIVE_URLS = False
TIMEZONE = "Asia/Kolkata"
DEFAULT_LANG = "en"

PATH = str(ROOT / "content")
PAGE_PATHS = ["pages"]
ARTICLE_PATHS = []
STATIC_PATHS = []
IGNORE_FILES = ["overrides", ".#*"]
OUTPUT_PATH = os.environ.get("JOBS_SITE_OUTPUT", str(ROOT / "site" / "output"))
# Off: each plugin's manifest deletes what a build no longer makes and keeps unchanged files.
DELETE_OUTPUT_DIRECTORY = False
OUTPUT_RETENTION = []

THEME = str(ROOT / "templates")
# The theme is templates/ itself (no templates/templates): Pelican finds it as an override.
THEME_TEMPLATES_OVERRIDES = [str(ROOT / "templates")]
THEME_STATIC_DIR = "theme"
THEME_STATIC_PATHS = ["static"]
PLUGIN_PATHS = [str(PLUGIN_DIR)]
PLUGINS = ["jobpages", "feeds", "sitemaps", "indexnow"]

# Pelican's own blog pages are off: every page of this site is ours.
DIRECT_TEMPLATES = []
PAGINATED_TEMPLATES = {}
ARTICLE_SAVE_AS = ""
ARTICLE_LANG_SAVE_AS = ""
DRAFT_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
PAGE_LANG_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
DRAFT_PAGE_LANG_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False

# Templates do not change during a build: no mtime check on every include.
JINJA_ENVIRONMENT = {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True,
                      "auto_reload": False}

JOBS_SNAPSHOT = os.environ.get("JOBS_SNAPSHOT", str(ROOT / "var" / "snapshot.json"))
JOBS_TODAY = os.environ.get("JOBS_TODAY", "")
# A folder for what a build keeps for the next one: each plugin's content-hash manifest, the rows
# of the jobs, the compiled templates (services.build sets one per output folder).
JOBS_BUILD_STATE = os.environ.get("JOBS_BUILD_STATE", str(ROOT / "var" / "site-build"))
# Processes that validate jobs and render pages (0: one per CPU, at most 4; 1: this process
# only); the files are the same for any number.
JOBS_BUILD_WORKERS = int(os.environ.get("JOBS_BUILD_WORKERS", "0"))
JOBS_SITEMAP_LIMIT = int(os.environ.get("JOBS_SITEMAP_LIMIT", "45000"))
# The search box: Meilisearch with a search-only key (MEILI_PUBLIC_URL or MEILI_URL, and
# MEILI_SEARCH_KEY) when both are set, else the site's Pagefind bundle.
_search = search_page_settings()
SEARCH_MEILI_URL = _search["SEARCH_MEILI_URL"]
SEARCH_MEILI_KEY = _search["SEARCH_MEILI_KEY"]
SEARCH_MEILI_INDEX = _search["SEARCH_MEILI_INDEX"]
# IndexNow: off unless an endpoint is set, e.g. https://api.indexnow.org/indexnow
JOBS_INDEXNOW_URL = os.environ.get("JOBS_INDEXNOW_URL", "")
JOBS_INDEXNOW_KEY = os.environ.get("JOBS_INDEXNOW_KEY", "")
