"""Pelican plugin: the sitemaps (an index and its files, with ``lastmod`` from the data) and
robots.txt."""

from pelican import signals

from .generator import SitemapsGenerator


def get_generators(pelican):
    return SitemapsGenerator


def register():
    signals.get_generators.connect(get_generators)
