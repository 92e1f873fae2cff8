#!/usr/bin/env bash
# Set up QualityBridge on a Debian/Ubuntu machine: system libraries and fonts (only those
# missing), a virtual environment in .venv, the app in editable mode, compiled translations.
# Usage: scripts/setup.sh [gui|test]   ("gui" adds the X11 libraries a real window needs, "test"
# a PostgreSQL server for the tests that run the app against a database URL)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libgl1 libegl1 libfontconfig1 libglib2.0-0 libdbus-1-3 libxkbcommon0
          fonts-noto-cjk fonts-wqy-microhei poppler-utils)
if [ "${1:-}" = "gui" ]; then
  packages+=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0 libxcb-render-util0
             libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0)
fi
if [ "${1:-}" = "test" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  packages+=(postgresql)
fi
if ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
  packages+=(python3-venv)
fi
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python3 -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "QualityBridge needs Python 3.11 or newer")'
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e '.[test]'
.venv/bin/python -m tools.i18n compile >/dev/null
