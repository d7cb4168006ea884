"""Every argument and flag of every ``jobs`` command (and sub-action) says what it does."""

from __future__ import annotations

import argparse

from cli.main import build_parser


def parsers(parser: argparse.ArgumentParser, path: str = "jobs"):
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from parsers(sub, f"{path} {name}")


def test_every_argument_has_help():
    missing = [f"{path} {'/'.join(a.option_strings) or a.dest}"
               for path, parser in parsers(build_parser()) for a in parser._actions
               if not isinstance(a, argparse._HelpAction | argparse._SubParsersAction)
               and not (a.help or "").strip()]
    assert missing == []


def test_every_command_and_action_has_a_summary():
    missing = [f"{path} {choice.dest}" for path, parser in parsers(build_parser())
               for action in parser._actions if isinstance(action, argparse._SubParsersAction)
               for choice in action._choices_actions if not (choice.help or "").strip()]
    assert missing == []
