#!/usr/bin/env python3
"""Checks the translations of the bundles' plugin.properties (Russian, default) and plugin_en.properties (English).

    releng/scripts/check-nls.py [BUNDLE_DIR...]     (default: every bundles/*/ that has a plugin.properties)

Problems (printed as file:line: message, exit status 1):
  - a file is not valid UTF-8 (Java 9+ PropertyResourceBundle reads UTF-8), or plugin_en.properties is missing;
  - a key is defined twice, or is in one file and not in the other;
  - a value of plugin.properties has no Cyrillic letter (e.g. an untranslated "# TODO translate" key appended by
    the code generator), unless it is only placeholders/punctuation ("{0}", "{1} {0}") or a proper name (PROPER_NAMES);
  - the {n} placeholders of a key differ between the two files.
Warning only: build.properties does not package plugin_en.properties (bin.includes).
"""
import os
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
PROPER_NAMES = {"Oko"}  # values that are the same in every language
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
PLACEHOLDER = re.compile(r"\{\d+\}")


def parse(path, problems):
    """Returns {key: (value, line)} of a .properties file (comments, continuations and escapes as java.util.Properties)."""
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as e:
        problems.append(f"{path}:1: not UTF-8 ({e})")
        return {}
    entries, lines, i = {}, text.splitlines(), 0
    while i < len(lines):
        start, logical = i + 1, lines[i].lstrip()
        i += 1
        if not logical or logical[0] in "#!":
            continue
        while re.search(r"(?<!\\)(\\\\)*\\$", logical) and i < len(lines):  # odd number of trailing backslashes
            logical = logical[:-1] + lines[i].lstrip()
            i += 1
        m = re.match(r"((?:\\.|[^\s=:\\])*)\s*[=:]?\s*(.*)$", logical)
        key, value = unescape(m.group(1)), unescape(m.group(2))
        if key in entries:
            problems.append(f"{path}:{start}: duplicate key {key} (first at line {entries[key][1]})")
        entries[key] = (value, start)
    return entries


def unescape(s):
    def repl(m):
        c = m.group(1)
        if c.startswith("u"):
            return chr(int(c[1:], 16))
        return {"t": "\t", "n": "\n", "r": "\r", "f": "\f"}.get(c, c)
    return re.sub(r"\\(u[0-9a-fA-F]{4}|.)", repl, s)


def exempt(value):
    """No translation needed: only placeholders, digits and punctuation, or a proper name."""
    return value.strip() in PROPER_NAMES or not re.search(r"[^\W\d_]", PLACEHOLDER.sub("", value))


def check(bundle, problems, warnings):
    default, english = bundle / "plugin.properties", bundle / "plugin_en.properties"
    ru = parse(default, problems)
    if not english.is_file():
        problems.append(f"{english}:0: missing (English texts of {default.name})")
        return
    en = parse(english, problems)
    for key in ru.keys() - en.keys():
        problems.append(f"{default}:{ru[key][1]}: key {key} is not in {english.name}")
    for key in en.keys() - ru.keys():
        problems.append(f"{english}:{en[key][1]}: key {key} is not in {default.name}")
    for key, (value, line) in ru.items():
        if not CYRILLIC.search(value) and not exempt(value):
            problems.append(f"{default}:{line}: {key} = {value!r} is not in Russian")
        if key in en and set(PLACEHOLDER.findall(value)) != set(PLACEHOLDER.findall(en[key][0])):
            problems.append(f"{default}:{line}: {key}: placeholders differ from {english.name}:{en[key][1]}")
    build = bundle / "build.properties"
    if build.is_file():
        includes = re.search(r"^bin\.includes\s*=((?:.*\\\n)*.*)", build.read_text(encoding="utf-8"), re.M)
        items = {s.strip() for s in re.split(r"[,\\\n]", includes.group(1))} if includes else set()
        if not items & {"plugin_en.properties", "plugin*.properties"}:
            warnings.append(f"{build}:1: bin.includes does not package plugin_en.properties")


def main(args):
    bundles = [pathlib.Path(a) for a in args] or sorted(
        pathlib.Path(os.path.relpath(p.parent)) for p in ROOT.glob("bundles/*/plugin.properties"))
    problems, warnings = [], []
    for bundle in bundles:
        if not (bundle / "plugin.properties").is_file():
            problems.append(f"{bundle / 'plugin.properties'}:0: missing")
            continue
        check(bundle, problems, warnings)
    for w in warnings:
        print("warning: " + w)
    for p in problems:
        print(p)
    print(f"check-nls: {len(bundles)} bundle(s), {len(problems)} problem(s), {len(warnings)} warning(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
