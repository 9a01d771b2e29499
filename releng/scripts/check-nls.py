#!/usr/bin/env python3
"""Checks the translations of the bundles: every pair of a Russian default file and its English one,
plugin.properties / plugin_en.properties (texts of plugin.xml and MANIFEST.MF) and
messages.properties / messages_en.properties (texts of a Java message class, org.eclipse.osgi.util.NLS).

    releng/scripts/check-nls.py [BUNDLE_DIR...]     (default: every bundles/*/)

Problems (printed as file:line: message, exit status 1):
  - a file is not valid UTF-8 (Java 9+ PropertyResourceBundle reads UTF-8), or its English file is missing;
  - a key is defined twice, or is in one file and not in the other;
  - a value of the Russian file has no Cyrillic letter (e.g. an untranslated "# TODO translate" key appended by
    the code generator), unless it is only placeholders/punctuation ("{0}", "{1} {0}"), a proper name (PROPER_NAMES),
    or locale data rather than a text — a date pattern, a language code, a file name — marked by a comment line
    "# locale-data: <why>" right above the key;
  - the {n} placeholders of a key differ between the two files;
  - a field of an NLS message class (NLS.initializeMessages("pkg.messages", X.class)) has no key in
    pkg/messages.properties, or a key there has no field;
  - plugin.xml or META-INF/MANIFEST.MF uses a %key that plugin.properties does not define.
Warning only: build.properties does not package plugin_en.properties (bin.includes).
Bundles with only a messages_ru.properties (translation fragments of Eclipse's own texts) are not pairs: skipped.
"""
import os
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
PROPER_NAMES = {"Oko"}  # values that are the same in every language
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
LOCALE_DATA = re.compile(r"^[#!]\s*locale-data:")
locale_data = set()  # (path, key) of values marked as locale data, not texts
PLACEHOLDER = re.compile(r"\{\d+\}")


def parse(path, problems):
    """Returns {key: (value, line)} of a .properties file (comments, continuations and escapes as java.util.Properties)."""
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as e:
        problems.append(f"{path}:1: not UTF-8 ({e})")
        return {}
    entries, lines, i, marked = {}, text.splitlines(), 0, False
    locale_data.difference_update({entry for entry in locale_data if entry[0] == str(path)})
    while i < len(lines):
        start, logical = i + 1, lines[i].lstrip()
        i += 1
        if not logical or logical[0] in "#!":
            marked = bool(logical) and bool(LOCALE_DATA.match(logical))
            continue
        while re.search(r"(?<!\\)(\\\\)*\\$", logical) and i < len(lines):  # odd number of trailing backslashes
            logical = logical[:-1] + lines[i].lstrip()
            i += 1
        m = re.match(r"((?:\\.|[^\s=:\\])*)\s*[=:]?\s*(.*)$", logical)
        key, value = unescape(m.group(1)), unescape(m.group(2))
        if key in entries:
            problems.append(f"{path}:{start}: duplicate key {key} (first at line {entries[key][1]})")
        entries[key] = (value, start)
        if marked:
            locale_data.add((str(path), key))
        marked = False
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


def check_pair(default, problems):
    """The Russian default file and its English one (NAME_en.properties beside NAME.properties)."""
    english = default.with_name(default.stem + "_en.properties")
    ru = parse(default, problems)
    if not english.is_file():
        problems.append(f"{english}:0: missing (English texts of {default.name})")
        return ru
    en = parse(english, problems)
    for key in ru.keys() - en.keys():
        problems.append(f"{default}:{ru[key][1]}: key {key} is not in {english.name}")
    for key in en.keys() - ru.keys():
        problems.append(f"{english}:{en[key][1]}: key {key} is not in {default.name}")
    for key, (value, line) in ru.items():
        if not CYRILLIC.search(value) and not exempt(value) and (str(default), key) not in locale_data:
            problems.append(f"{default}:{line}: {key} = {value!r} is not in Russian")
        if key in en and set(PLACEHOLDER.findall(value)) != set(PLACEHOLDER.findall(en[key][0])):
            problems.append(f"{default}:{line}: {key}: placeholders differ from {english.name}:{en[key][1]}")
    return ru


SOURCE_DIRS = ("src", "src-gen")
NLS_INIT = re.compile(r'NLS\.initializeMessages\(\s*"([\w.]+)"\s*,\s*(\w+)\.class')
NLS_FIELD = re.compile(r"^\s*public\s+static\s+String\s+(\w+)\s*;", re.M)
PERCENT_KEY = re.compile(r"""(?:[=:]\s*|["'>])%([\w.\-]+)""")


def sources(bundle, pattern):
    for folder in SOURCE_DIRS:
        yield from sorted((bundle / folder).rglob(pattern)) if (bundle / folder).is_dir() else ()


def check_message_classes(bundle, problems):
    """Each NLS message class against its messages.properties: a field without a key, a key without a field."""
    for java in sources(bundle, "*.java"):
        text = java.read_text(encoding="utf-8")
        init = NLS_INIT.search(text)
        if not init:
            continue
        name = init.group(1).replace(".", "/") + ".properties"
        files = [bundle / folder / name for folder in SOURCE_DIRS if (bundle / folder / name).is_file()]
        if not files:
            problems.append(f"{java}:1: its messages file {name} is missing")
            continue
        keys = parse(files[0], [])
        fields = {m.group(1): text.count("\n", 0, m.start()) + 1 for m in NLS_FIELD.finditer(text)}
        for field, line in fields.items():
            if field not in keys:
                problems.append(f"{java}:{line}: field {field} has no key in {files[0]}")
        for key, (_, line) in keys.items():
            if key not in fields:
                problems.append(f"{files[0]}:{line}: key {key} has no field in {java.name}")


def check_percent_keys(bundle, ru, problems):
    """%key references of plugin.xml and the manifest must be defined in plugin.properties."""
    for file in (bundle / "plugin.xml", bundle / "META-INF" / "MANIFEST.MF"):
        if not file.is_file():
            continue
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            for m in PERCENT_KEY.finditer(line):
                if m.group(1) not in ru:
                    problems.append(f"{file}:{number}: %{m.group(1)} is not in plugin.properties")


def check(bundle, problems, warnings):
    if (bundle / "plugin.properties").is_file():
        ru = check_pair(bundle / "plugin.properties", problems)
        check_percent_keys(bundle, ru, problems)
        check_build(bundle, warnings)
    elif any(f.is_file() for f in (bundle / "plugin.xml", bundle / "META-INF" / "MANIFEST.MF")):
        check_percent_keys(bundle, {}, problems)
    for default in sources(bundle, "messages.properties"):
        check_pair(default, problems)
    check_message_classes(bundle, problems)


def check_build(bundle, warnings):
    build = bundle / "build.properties"
    if build.is_file():
        includes = re.search(r"^bin\.includes\s*=((?:.*\\\n)*.*)", build.read_text(encoding="utf-8"), re.M)
        items = {s.strip() for s in re.split(r"[,\\\n]", includes.group(1))} if includes else set()
        if not items & {"plugin_en.properties", "plugin*.properties"}:
            warnings.append(f"{build}:1: bin.includes does not package plugin_en.properties")


def main(args):
    bundles = [pathlib.Path(a) for a in args] or sorted(
        pathlib.Path(os.path.relpath(p.parent.parent)) for p in ROOT.glob("bundles/*/META-INF/MANIFEST.MF"))
    problems, warnings = [], []
    for bundle in bundles:
        if not bundle.is_dir():
            problems.append(f"{bundle}:0: not a directory")
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
