#!/usr/bin/env bash
# ./test.sh — the whole test suite, as CI runs it (.ci/run calls exactly this).
# On a fresh Debian machine, run as root: installs what is missing (X virtual frame buffer,
# GTK 3, fonts), then builds everything and runs every test bundle under Xvfb.
# Extra arguments go to Maven, e.g. ./test.sh -o  or  ./test.sh -pl bundles/oko.cli.tests -am
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
cd "$root"

packages=(xvfb xauth xdotool libgtk-3-0 libwebkit2gtk-4.1-0 fonts-dejavu-core poppler-utils python3 chromium)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then
        echo "test.sh: installing ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
        echo "test.sh: missing packages ${missing[*]}; run as root or install them" >&2
        exit 1
    fi
fi

# Texts first (seconds, before a 20-minute build): every Russian/English pair of plugin*.properties and
# messages*.properties complete, every message field with its key; the checker's own self-test too.
python3 -m unittest -q releng/scripts/test_check_nls.py
python3 releng/scripts/check-nls.py

. "$root/features/oko.feature/rootfiles/find-java.sh"
oko_find_java
echo "test.sh: JAVA_HOME=$JAVA_HOME"

# The repository tests also run against PostgreSQL: a throw-away cluster under target/postgres.
pg_url=$(releng/scripts/postgres.sh start)
trap 'releng/scripts/postgres.sh stop >/dev/null 2>&1 || true' EXIT
echo "test.sh: PostgreSQL for the repository tests at $pg_url"

# The seed documents (the customer's, not in the repository) are ../shared/seeds next to the
# checkout. When they are there, the test comparing the sample's texts with them must run: a skip
# fails it. When they are not, say so here, not only in a test report.
seeds_args=()
if [ -d "$root/../shared/seeds" ]; then
    echo "test.sh: seed documents at $(cd "$root/../shared/seeds" && pwd): SeedTextsTest must run"
    seeds_args=(-Doko.seeds.required=true)
else
    echo "test.sh: WARNING: no seed documents at $root/../shared/seeds: SeedTextsTest will be SKIPPED" >&2
fi

# The published site is rendered in Debian's chromium (oko.publish.tests BrowserRenderTest): required here,
# so a missing browser fails the test instead of skipping it.
export OKO_BROWSER_REQUIRED=1

# UI tests need a display; Tycho does not start one.
xvfb-run -a -s "-screen 0 1600x1000x24" ./mvnw -B -ntp verify -Doko.test.postgresql="$pg_url" \
    ${seeds_args[@]+"${seeds_args[@]}"} "$@"

# The product itself, started the way users start it: commands need no display.
releng/scripts/product-smoke.sh
