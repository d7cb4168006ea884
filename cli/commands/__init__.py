"""The subcommands of ``jobs``: one module each, with ``add_parser(subparsers)``.

A module sets ``func`` on its parser (``parser.set_defaults(func=run)``); ``run(args) -> int``.
What a command needs beyond the standard library and ``core.config`` is imported inside ``run``:
``jobs --help`` and every other command then start in a fraction of a second instead of paying
for Prefect (~4 s), Scrapy (~1 s) or the ingest path (~1.5 s) they do not use.
"""
