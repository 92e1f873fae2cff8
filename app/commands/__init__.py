"""Headless subcommands. Each module defines ``register(subparsers)``; app.cli discovers them."""
