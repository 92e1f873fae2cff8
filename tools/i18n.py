"""Developer tool for the per-feature translation files.

    python -m tools.i18n update FEATURE SOURCE.py...   # extract tr() strings (keeps translations)
    python -m tools.i18n fill FEATURE FILE.tsv         # set translations: "context<TAB>source<TAB>zh"
    python -m tools.i18n unfinished [FEATURE]          # list strings without a translation
    python -m tools.i18n compile                       # .ts -> .qm
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from app.i18n import compile_translations
from app.paths import TRANSLATIONS_DIR


def ts_path(feature: str) -> Path:
    return TRANSLATIONS_DIR / f"{feature}_zh_CN.ts"


def update(feature: str, sources: list[str]) -> None:
    TRANSLATIONS_DIR.mkdir(parents=True, exist_ok=True)
    cmd = ["pyside6-lupdate"]
    exe = Path(sys.executable).parent / "pyside6-lupdate"
    if exe.exists():
        cmd = [str(exe)]
    subprocess.run(cmd + ["-no-obsolete", "-locations", "none", *sources, "-ts", str(ts_path(feature))], check=True)
    tree = ET.parse(ts_path(feature))
    tree.getroot().set("language", "zh_CN")
    tree.write(ts_path(feature), encoding="utf-8", xml_declaration=True)


def fill(feature: str, tsv: str) -> None:
    table: dict[tuple[str, str], str] = {}
    for line in Path(tsv).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        context, source, target = line.split("\t")
        table[(context, source.replace("\\n", "\n"))] = target.replace("\\n", "\n")
    path = ts_path(feature)
    tree = ET.parse(path)
    missing = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            key = (name, source)
            if key in table:
                translation.text = table[key]
                translation.attrib.pop("type", None)
            elif translation.get("type") == "unfinished":
                missing += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    print(f"{path.name}: {missing} string(s) still unfinished")


def unfinished(feature: str | None) -> int:
    paths = [ts_path(feature)] if feature else sorted(TRANSLATIONS_DIR.glob("*_zh_CN.ts"))
    count = 0
    for path in paths:
        for context in ET.parse(path).getroot().iter("context"):
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is None or translation.get("type") == "unfinished" or not (translation.text or "").strip():
                    count += 1
                    print(f"{path.name}\t{context.findtext('name')}\t{message.findtext('source')}\t")
    return count


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.i18n")
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("update")
    p.add_argument("feature")
    p.add_argument("sources", nargs="+")
    p = sub.add_parser("fill")
    p.add_argument("feature")
    p.add_argument("tsv")
    p = sub.add_parser("unfinished")
    p.add_argument("feature", nargs="?")
    sub.add_parser("compile")
    args = parser.parse_args()
    if args.cmd == "update":
        update(args.feature, args.sources)
    elif args.cmd == "fill":
        fill(args.feature, args.tsv)
    elif args.cmd == "unfinished":
        return 1 if unfinished(args.feature) else 0
    else:
        for qm in compile_translations(force=True):
            print(qm)
    return 0


if __name__ == "__main__":
    sys.exit(main())
