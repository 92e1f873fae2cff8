"""Command line: ``qualitybridge`` with no command starts the desktop app; subcommands run
headless over the same services and engines (see app/commands/).

Every command runs inside :func:`run_command`, the last-resort handler: whatever happens, the
user sees one line on stderr (in the language of ``--lang``) and a non-zero exit code, and an
unexpected error's traceback goes to the log file (``app.logs``), never to the terminal.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence

from app import __version__

LANGS = ("zh_CN", "en")
#: Exit codes: 1 a problem the user can fix, 70 an unexpected error (EX_SOFTWARE), 130 Ctrl+C,
#: 141 the reader of our output went away (like a process killed by SIGPIPE).
EXIT_PROBLEM, EXIT_UNEXPECTED, EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 1, 70, 130, 141


class OneLineParser(argparse.ArgumentParser):
    """A usage mistake is one ``error:`` line (not a usage block) and exit code 1."""

    def error(self, message: str):  # type: ignore[override]
        from app.commands.messages import argparse_text, t

        command = self.prog.split(" ", 1)[1] + " " if " " in self.prog else ""
        _print_err(t("error", message=t("usage", message=argparse_text(message), command=command)))
        raise SystemExit(EXIT_PROBLEM)


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="qualitybridge",
        description="QualityBridge — supplier quality control and customer relationship management "
        "(供应商质量控制与顾客关系管理). Without a command, starts the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"QualityBridge {__version__}")
    parser.add_argument("--db", metavar="PATH", help="open this database file")
    parser.add_argument("--database-url", metavar="URL", help="open this SQLAlchemy database URL (e.g. postgresql+psycopg://…)")
    parser.add_argument("--demo", action="store_true", help="open the demo database (created on first use)")
    parser.add_argument("--lang", choices=LANGS, help="user-interface language (also accepted after the command)")
    parser.add_argument("--busy-timeout", metavar="SECONDS", type=float,
                        help="how long to wait for another program's lock on the database (default 5)")
    parser.add_argument("--user", metavar="NAME", help="act as this user (password from the prompt or "
                        "QUALITYBRIDGE_PASSWORD); required in department mode, personal mode defaults to its user")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineParser)
    import app.commands as commands_pkg

    for info in sorted(pkgutil.iter_modules(commands_pkg.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"app.commands.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(subparsers)
    return parser


def _lang_in(argv: list[str]) -> str | None:
    """``--lang X`` or ``--lang=X`` anywhere on the line (before or after the subcommand)."""
    found = None
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            found = argv[i + 1]
        elif arg.startswith("--lang="):
            found = arg.split("=", 1)[1]
    return found if found in LANGS else None


def _refuse_empty_values(parser: argparse.ArgumentParser, argv: list[str]) -> None:
    """An option given an empty value (``--period ""``) is a mistake, not "use the default"."""
    for i, arg in enumerate(argv):
        if not arg.startswith("--"):
            continue
        if arg.endswith("=") or (i + 1 < len(argv) and argv[i + 1] == "" and "=" not in arg):
            from app.commands.messages import t

            parser.error(t("empty_value", option=arg.rstrip("=")))


def _without_lang(argv: list[str]) -> list[str]:
    """``argv`` less its valid ``--lang`` options, which :func:`main` applies itself (so every
    command takes ``--lang`` before or after its name, whether it declares one or not)."""
    out, skip = [], False
    for i, arg in enumerate(argv):
        if skip:
            skip = False
            continue
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in LANGS:
            skip = True
            continue
        if arg.startswith("--lang=") and arg.split("=", 1)[1] in LANGS:
            continue
        out.append(arg)
    return out


def _print_err(line: str) -> None:
    try:
        print(line, file=sys.stderr)
        sys.stderr.flush()
    except (OSError, ValueError):  # stderr closed too: nothing more can be said
        pass


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the interpreter's final flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def run_command(func, args: argparse.Namespace) -> int:
    """The last-resort handler around one command (see the module docstring)."""
    from app.commands.messages import error_text, t

    try:
        code = int(func(args) or 0)
        sys.stdout.flush()
        return code
    except KeyboardInterrupt:
        _print_err(t("interrupted"))
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # e.g. piped into head: the reader has all it wanted
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except SystemExit:
        raise
    except Exception as exc:  # noqa: BLE001 - the one place that catches everything
        from app.models.core.database import DatabaseOpenError

        from app.models.admin.identity import AccessError
        from app.models.admin.permissions import PermissionDenied

        if isinstance(exc, (DatabaseOpenError, AccessError, PermissionDenied)):  # refused: which permission, why
            _print_err(t("error", message=error_text(exc)))
            return EXIT_PROBLEM
        if isinstance(exc, OSError) and exc.filename:
            _print_err(t("error", message=t("cannot_write" if _writing(exc) else "cannot_read", path=exc.filename,
                                              reason=exc.strerror or type(exc).__name__)))
            return EXIT_PROBLEM
        from app.logs import log_exception

        path = log_exception(exc, context=f"qualitybridge {getattr(args, 'command', '')}")
        if path is not None:
            _print_err(t("error", message=t("unexpected", kind=type(exc).__name__, log=path)))
        else:
            _print_err(t("error", message=t("unexpected_nolog", kind=type(exc).__name__,
                                             detail=error_text(exc)[:200])))
        return EXIT_UNEXPECTED


def _writing(exc: OSError) -> bool:
    import errno

    return exc.errno in (errno.EACCES, errno.EROFS, errno.ENOSPC, errno.EISDIR, errno.EPERM)


def main(argv: Sequence[str] | None = None) -> int:
    from app.commands import messages

    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _lang_in(argv)
    messages.set_language(lang)
    try:
        parser = build_parser()
        _refuse_empty_values(parser, argv)
        args = parser.parse_args(_without_lang(argv))
    except SystemExit as exc:  # --help, --version, or a usage mistake already reported
        return int(exc.code or 0) if not isinstance(exc.code, str) else EXIT_PROBLEM
    if lang:
        args.lang = lang
    if args.busy_timeout is not None:
        os.environ["QUALITYBRIDGE_BUSY_TIMEOUT"] = str(args.busy_timeout)
    if args.command is None:
        from app.views.core.application import run_gui

        target = args.database_url or args.db
        return run_gui(target=target, demo=args.demo, lang=args.lang)
    from app.commands.common import set_user
    from app.logs import setup_logging

    set_user(args.user)
    setup_logging()
    return run_command(args.func, args)


if __name__ == "__main__":
    sys.exit(main())
