"""Production settings: the public site URL; everything else as in pelicanconf."""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("JOBS_SITE_URL", "https://sarkarijobs.example.in").rstrip("/")
RELATIVE_URLS = False
