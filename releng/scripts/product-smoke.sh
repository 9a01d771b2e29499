#!/usr/bin/env bash
# Runs the materialized product the way a user does, without a display, and checks the
# command-line contract: help works headless, mistakes give one line and exit code 2.
set -uo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
oko="$root/releng/oko.product/target/products/oko.app.product/linux/gtk/x86_64/oko/oko"
work="$root/releng/oko.product/target/smoke"
rm -rf "$work"; mkdir -p "$work"
passed=0; failed=0

# check NAME EXPECTED_EXIT EXPECTED_STDERR_LINES STDOUT_PATTERN -- ARGS...
check() {
    local name=$1 want_code=$2 want_err_lines=$3 pattern=$4; shift 5
    local out="$work/$name.out" err="$work/$name.err" code
    env -u DISPLAY -u WAYLAND_DISPLAY "$oko" --data "$work/data" "$@" >"$out" 2>"$err" </dev/null
    code=$?
    local err_lines; err_lines=$(grep -c . "$err" || true)
    if [ "$code" -eq "$want_code" ] && { [ "$want_err_lines" = any ] || [ "$err_lines" -eq "$want_err_lines" ]; } \
        && grep -qE -- "$pattern" "$out" "$err"; then
        echo "product-smoke: PASS $name (exit $code)"
        passed=$((passed + 1))
    else
        echo "product-smoke: FAIL $name: exit $code (want $want_code), $err_lines stderr lines (want $want_err_lines)"
        sed 's/^/    out: /' "$out" | head -n 20; sed 's/^/    err: /' "$err" | head -n 20
        failed=$((failed + 1))
    fi
}

check help-headless          0 0 '^  help \[COMMAND\]' -- help
check help-english           0 0 'Usage: ./oko'        -- -nl en help
check help-one-command       0 0 '^\./oko help'        -- help help
check unknown-command        2 1 'bogus'               -- bogus
check unknown-option         2 1 '--frobnicate'        -- --frobnicate
check data-without-value     2 1 '--data'              -- help --data
check bad-server-address     2 1 'nowhere'             -- --server nowhere help

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
