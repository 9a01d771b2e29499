#!/usr/bin/env bash
# releng/bench.sh BENCHMARK [RUNS] — measures Oko and prints figures (benchmarks are not tests).
#   startup   time from starting the product to its workbench window being mapped, on a fresh
#             data directory, under Xvfb (needs x11-utils for xwininfo). Default 3 runs.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
product="$root/releng/oko.product/target/products/oko.app.product/linux/gtk/x86_64/oko"

startup() {
    local runs=${1:-3}
    [ -x "$product/oko" ] || { echo "bench: build the product first (./oko help or ./test.sh)" >&2; exit 1; }
    command -v xwininfo >/dev/null || { echo "bench: xwininfo missing (apt-get install x11-utils)" >&2; exit 1; }
    if [ -z "${DISPLAY:-}" ]; then
        exec xvfb-run -a -s "-screen 0 1600x1000x24" "$0" startup "$runs"
    fi
    echo "product: $(du -sh "$product" | cut -f1), $(ls "$product/plugins" | wc -l) plugins"
    local total=0 i
    for i in $(seq 1 "$runs"); do
        local data; data=$(mktemp -d)
        local start; start=$(date +%s%N)
        "$product/oko" --data "$data" >"$data/out.log" 2>&1 &
        local pid=$! ms=""
        for _ in $(seq 1 600); do
            if xwininfo -root -tree 2>/dev/null | grep -q '"Oko — '; then
                ms=$(( ($(date +%s%N) - start) / 1000000 ))
                break
            fi
            sleep 0.05
        done
        kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
        rm -rf "$data"
        [ -n "$ms" ] || { echo "run $i: no window within 30 s" >&2; exit 1; }
        echo "run $i: first window after $ms ms"
        total=$((total + ms))
    done
    echo "mean: $((total / runs)) ms over $runs runs"
}

case "${1:-}" in
    startup) shift; startup "$@" ;;
    *) echo "usage: releng/bench.sh startup [RUNS]" >&2; exit 2 ;;
esac
