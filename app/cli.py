"""Command line: ``qualitybridge`` with no command starts the desktop app; subcommands run
headless over the same services and engines (see app/commands/)."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from app import __version__

LANGS = ("zh_CN", "en")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qualitybridge",
        description="QualityBridge — supplier quality control and customer relationship management "
        "(供应商质量控制与顾客关系管理). Without a command, starts the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"QualityBridge {__version__}")
    parser.add_argument("--db", metavar="PATH", help="open this database file")
    parser.add_argument("--database-url", metavar="URL", help="open this SQLAlchemy database URL (e.g. postgresql+psycopg://…)")
    parser.add_argument("--demo", action="store_true", help="open the demo database (created on first use)")
    parser.add_argument("--lang", choices=LANGS, help="user-interface language")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    import app.commands as commands_pkg

    for info in sorted(pkgutil.iter_modules(commands_pkg.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"app.commands.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.command is None:
        from app.views.core.application import run_gui

        target = args.database_url or args.db
        return run_gui(target=target, demo=args.demo, lang=args.lang)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
