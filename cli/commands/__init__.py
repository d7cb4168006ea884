"""Subcommands of ``jobs`` beyond the core ones: one module each, with ``add_parser(subparsers)``.

A module sets ``func`` on its parser (``parser.set_defaults(func=run)``); ``run(args) -> int``.
"""
