"""Pelican plugin: RSS and Atom feeds of the site and of every listing, and an iCalendar of the
open jobs' last dates."""

from pelican import signals

from .generator import FeedsGenerator


def get_generators(pelican):
    return FeedsGenerator


def register():
    signals.get_generators.connect(get_generators)
