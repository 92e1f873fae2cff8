#!/usr/bin/env bash
# One command: set up, then start QualityBridge on the demo database (created on first use).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh gui
exec .venv/bin/qualitybridge --demo "$@"
