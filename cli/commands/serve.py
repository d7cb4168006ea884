"""``jobs serve``: serve the published site on localhost."""

from __future__ import annotations

import contextlib
import functools
import http.server

from core import config


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("serve", help="serve the published site on localhost")
    parser.add_argument("--port", type=int, default=8000, help="the port (default 8000)")
    parser.add_argument("--host", default="127.0.0.1",
                        help="the address to listen on (default 127.0.0.1, this machine only)")
    parser.set_defaults(func=run)


def run(args) -> int:
    root = config.publish_dir() if config.publish_dir().exists() else config.site_output_dir()
    if not root.exists():
        raise SystemExit("no site yet: run `make demo` first")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root.resolve()))
    with http.server.ThreadingHTTPServer((args.host, args.port), handler) as server:
        print(f"serving {root} at http://{args.host}:{args.port}/ (Ctrl-C stops)")
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
    return 0
