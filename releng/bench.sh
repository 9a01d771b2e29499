#!/usr/bin/env bash
# releng/bench.sh BENCHMARK [RUNS] — measures Oko and prints figures (benchmarks are not tests).
#   startup   time from starting the product to its workbench window being mapped and to the
#             navigator showing the repository's systems: once on a fresh data directory (that
#             start loads the sample), then RUNS times on it (default 3), under Xvfb (needs
#             x11-utils for xwininfo).
#   repository  commit of 100,000 small model objects into the repository (embedded H2, audits),
#             their load in a fresh session (lazy and with prefetch, warm and restarted server),
#             and the plain EMF XMI save/load of the same model. -Doko.bench.objects=N via
#             BENCH_OPTS changes the size. Each store runs in each mode: CDO's own paths
#             (-Doko.store.bulk=false), on PostgreSQL the bulk paths without COPY
#             (-Doko.store.copy=false), then the bulk paths; -Doko.bench.modes=cdo,batch,bulk picks
#             some; -Doko.bench.postgresql=URL via BENCH_OPTS adds PostgreSQL (a new database on that
#             server; releng/scripts/postgres.sh start).
#   monitoring  all indicators, ranks, medians, scores and risk groups for 1,000 schools × 50
#             indicators × 5 periods (10 runs; median of the last 5 = warm), and a 250,000-row CSV import
#             including the commit, with CDO's own paths and with the bulk paths (on PostgreSQL also
#             without COPY), on H2 and (with -Doko.bench.postgresql=URL via BENCH_OPTS) on PostgreSQL.
#             Then the rows CDO's schema needs for those values, by plain JDBC without CDO (the
#             physical floor). -Doko.bench.importOnly=true: the import alone;
#             -Doko.bench.modes=bulk (or cdo, batch): one mode (profiling: docs/repository.md).
#   import-memory [N]  memory of a large raw-value import: a CSV of N values (default 200,000; ask
#             1000000 for the figures of issue 25) imported by a client JVM into a server JVM over
#             TCP (load the model, read, check, create, one commit): the client's time and peak heap
#             (used after GC), the server's heap after its start and after a client loaded the model
#             on the store with the values, with Oko's bounded revision cache and with CDO's own.
#             -Doko.bench.clientXmx=… / -Doko.bench.serverXmx=… via BENCH_OPTS limit the JVMs (2g).
#   region    a region on one server: a regional system over 40 municipalities × 50 schools × 5
#             periods × 30 raw measures (300,000 raw values) loaded into an OkoServer JVM (one commit
#             per municipality), then 8 client threads for 60 s (each operation on a session of its
#             own, over TCP on loopback): navigator-like loads, a municipality's values, the
#             monitoring report's data, imports of a municipality's period, edits; a table per
#             operation (throughput, p50/p95/p99, errors, conflicts), the server's heap after GC and
#             the plain JDBC batch insert of the same rows. On embedded H2, then on PostgreSQL (a
#             throw-away cluster of releng/scripts/postgres.sh, unless -Doko.bench.postgresql=URL
#             is given). BENCH_OPTS: -Doko.bench.municipalities=, schools=, periods=, measures=,
#             clients=, seconds=, pool= (database connections), stores=h2,postgresql, serverXmx=.
#   import    a register of 2,000 organisations (CSV and XLSX) read, checked, applied and committed
#             into an embedded repository (2 warm-up runs, median of 5; goal < 2 s warm), and the same
#             file again into the filled model; -Doko.bench.organisations=N via BENCH_OPTS changes the
#             size. Then a DOCX function table of 20 sections × 300 functions read, prepared and
#             applied into a new system (3 warm-up runs, median of 7; goal < 2 s warm).
#   diagrams  open (interpret the shipped description) + Arrange All (ELK layered) of generated
#             diagrams of 100, 1,000 and 5,000 nodes.
#   reports   BIRT engine start, then the monitoring report for 1,000 generated schools to PDF and
#             HTML (8 runs each; median of runs 4-8 = warm), inside the product's OSGi platform.
#             -Doko.bench.schools=N via BENCH_OPTS changes the size.
#   tables    open of the RACI cross-table (the shipped description) for 200 roles × 300 generated
#             functions: interpretation, the editor's grid created, one paint in 1600x1000, then a
#             scroll to the middle repainted; first and warm (needs a display; runs itself under
#             xvfb-run when there is none). -Doko.bench.roles=N / -Doko.bench.functions=N.
#   drawing   the same plus the diagram editor's draw2d figures, painted in a 1600x1000 window
#             (needs a display; runs itself under xvfb-run when there is none).
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
    local work; work=$(mktemp -d)
    # one start: prints "WINDOW_MS NAVIGATOR_MS" — the window mapped (seen from outside), and the
    # navigator showing the repository's systems (the workbench's own milestone, -Doko.startupProbe)
    start_once() {
        local data=$1 probe="$work/probe" start pid window="" navigator=""
        rm -f "$probe"
        start=$(date +%s%N)
        OKO_VMARGS="-Doko.startupProbe=$probe" "$product/oko" --data "$data" >"$work/out.log" 2>&1 &
        pid=$!
        for _ in $(seq 1 1800); do
            if [ -z "$window" ] && xwininfo -root -tree 2>/dev/null | grep -q '"Oko — '; then
                window=$(( ($(date +%s%N) - start) / 1000000 ))
            fi
            if [ -z "$navigator" ] && grep -q '^navigator ' "$probe" 2>/dev/null; then
                navigator=$(( ($(date +%s%N) - start) / 1000000 ))
            fi
            [ -n "$window" ] && [ -n "$navigator" ] && break
            sleep 0.05
        done
        kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
        [ -n "$window" ] && [ -n "$navigator" ] || { echo "bench: no window or navigator within 90 s" >&2; cat "$work/out.log" >&2; exit 1; }
        echo "$window $navigator"
    }
    # the first start on a new data directory loads the sample model (with progress)
    local first; first=$(start_once "$work/data")
    echo "first start (loads the sample): window ${first% *} ms, navigator ${first#* } ms"
    local total_w=0 total_n=0 i
    for i in $(seq 1 "$runs"); do
        local r; r=$(start_once "$work/data")
        echo "run $i (existing data): window ${r% *} ms, navigator ${r#* } ms"
        total_w=$((total_w + ${r% *})); total_n=$((total_n + ${r#* }))
    done
    echo "mean over $runs runs: window $((total_w / runs)) ms, usable navigator $((total_n / runs)) ms"
    rm -rf "$work"
}

# plain Java on the product's bundles plus one benchmark jar (no OSGi needed headless)
run_bench() {
    local module=$1 main=$2 extra
    shift 2
    [ -x "$product/oko" ] || { echo "bench: build the product first (./oko help or ./test.sh)" >&2; exit 1; }
    local bench; bench=$(ls "$root"/bundles/"$module"/target/"$module"-*.jar 2>/dev/null | head -1)
    [ -n "$bench" ] || { echo "bench: build first (./mvnw verify -DskipTests)" >&2; exit 1; }
    . "$root/features/oko.feature/rootfiles/find-java.sh"
    oko_find_java
    local cp="$bench" jar
    # further bench modules the benchmark builds on (their jars are not in the product)
    for extra in "$@"; do cp="$cp:$(ls "$root"/bundles/"$extra"/target/"$extra"-*.jar | head -1)"; done
    for jar in "$product"/plugins/*.jar; do cp="$cp:$jar"; done
    "$JAVA_HOME/bin/java" -Xmx2g -Doko.root="$root" ${BENCH_OPTS:-} -cp "$cp" "$main"
}

# an OSGi application of a bench bundle, started by the product with that bundle added to a copy of
# its configuration (for what needs the platform: BIRT's extensions, the fonts inside oko.reports)
run_osgi_bench() {
    local module=$1 application=$2
    [ -x "$product/oko" ] || { echo "bench: build the product first (./oko help or ./test.sh)" >&2; exit 1; }
    local bench; bench=$(ls "$root"/bundles/"$module"/target/"$module"-*.jar 2>/dev/null | head -1)
    [ -n "$bench" ] || { echo "bench: build first (./mvnw verify -DskipTests)" >&2; exit 1; }
    . "$root/features/oko.feature/rootfiles/find-java.sh"
    oko_find_java
    local work; work=$(mktemp -d)
    trap 'rm -rf "$work"' RETURN
    mkdir -p "$work/configuration/org.eclipse.equinox.simpleconfigurator"
    cp "$product/configuration/config.ini" "$work/configuration/"
    local info="$work/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"
    # the product's entries are relative to its install area: make them absolute
    sed -E "s#,plugins/#,file:$product/plugins/#" \
        "$product/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info" > "$info"
    # simpleconfigurator installs a bundle only under its exact version
    local version; version=$(unzip -p "$bench" META-INF/MANIFEST.MF | tr -d '\r' | sed -n 's/^Bundle-Version: //p')
    echo "$module,$version,file:$bench,4,false" >> "$info"
    "$JAVA_HOME/bin/java" -Xmx2g -Dfile.encoding=UTF-8 ${BENCH_OPTS:-} \
        -jar "$(ls "$product"/plugins/org.eclipse.equinox.launcher_*.jar | head -1)" \
        -install "$product" -configuration "$work/configuration" -data "$work/data" -nl ru \
        -application "$application" -consoleLog
    local pdf="${TMPDIR:-/tmp}/oko-bench-$module.pdf"
    if [ -f "$pdf" ] && command -v pdfinfo >/dev/null; then
        echo "last PDF: $(pdfinfo "$pdf" | sed -n 's/^Pages: *//p') pages ($pdf)"
    fi
}

case "${1:-}" in
    startup) shift; startup "$@" ;;
    repository) run_bench oko.repository.bench oko.repository.bench.RepositoryBenchmark ;;
    monitoring) run_bench oko.monitoring.bench oko.monitoring.bench.MonitoringBenchmark oko.repository.bench ;;
    import-memory)
        BENCH_OPTS="-Doko.bench.values=${2:-200000} ${BENCH_OPTS:-}" \
            run_bench oko.monitoring.bench oko.monitoring.bench.ImportMemoryBenchmark ;;
    region)
        if [[ "${BENCH_OPTS:-}" != *oko.bench.postgresql=* && "${BENCH_OPTS:-}" != *oko.bench.stores=h2\ * \
              && "${BENCH_OPTS:-}" != *oko.bench.stores=h2 ]]; then
            url=$("$root/releng/scripts/postgres.sh" start) || { echo "bench: no PostgreSQL (see releng/scripts/postgres.sh)" >&2; exit 1; }
            trap '"$root/releng/scripts/postgres.sh" stop >/dev/null 2>&1' EXIT
            BENCH_OPTS="-Doko.bench.postgresql=$url ${BENCH_OPTS:-}"
        fi
        BENCH_OPTS="${BENCH_OPTS:-}" run_bench oko.monitoring.bench oko.monitoring.bench.RegionBenchmark ;;
    import)
        run_bench oko.exchange.bench oko.exchange.bench.ImportBenchmark
        run_bench oko.exchange.tests oko.exchange.tests.FunctionTableBench ;;
    reports) run_osgi_bench oko.reports.bench oko.reports.bench.application ;;
    diagrams) run_bench oko.diagram.bench oko.diagram.bench.DiagramBenchmark ;;
    tables)
        if [ -z "${DISPLAY:-}" ]; then
            exec xvfb-run -a -s "-screen 0 1600x1000x24" "$0" tables
        fi
        run_bench oko.table.bench oko.table.bench.CrossTableBenchmark ;;
    drawing)
        if [ -z "${DISPLAY:-}" ]; then
            exec xvfb-run -a -s "-screen 0 1600x1000x24" "$0" drawing
        fi
        run_bench oko.diagram.ui.bench oko.diagram.ui.bench.DiagramDrawingBenchmark oko.diagram.bench ;;
    *) echo "usage: releng/bench.sh startup [RUNS] | repository | monitoring | import-memory [N] | region | import | reports | diagrams | drawing | tables" >&2; exit 2 ;;
esac
