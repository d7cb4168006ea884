"""Prefect flows. Importing this package sets the project-local Prefect defaults first."""

import os

from core.config import var_dir

os.environ.setdefault("PREFECT_HOME", str(var_dir() / "prefect"))
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "WARNING")
