"""Pelican plugin: the site's HTML pages from the snapshot (job pages, listings, group indexes,
the home page, the 404 page) and the theme's CSS; editorial pages become sanitised Markup."""

import nh3
from markupsafe import Markup
from pelican import signals
from pelican.contents import Page

from .generator import JobPagesGenerator


def get_generators(pelican):
    return JobPagesGenerator


def trust_editorial_html(content):
    """Editorial Markdown becomes sanitised Markup, so templates need no ``|safe``."""
    if isinstance(content, Page) and content._content and not isinstance(content._content, Markup):
        content._content = Markup(nh3.clean(content._content))


def register():
    signals.get_generators.connect(get_generators)
    signals.content_object_init.connect(trust_editorial_html)
