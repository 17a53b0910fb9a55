#!/usr/bin/env bash
# Benchmark: our `build` against Hugo (+ Pagefind) on the synthetic telegraph corpus.
#
# Not part of CI. Run from the repository root:
#
#     bench/run.sh                    # 365 and 3,650 days (~850 MB of markdown for 3,650)
#     DAYS=30 bench/run.sh            # quick check
#
# In one run, for each corpus size N in $DAYS it:
#   1. generates the corpus with ../shared/tools/gen-corpus.py --days N --out DIR --hugo HUGODIR
#      (once; the generator is deterministic, so an existing complete corpus is reused);
#   2. measures Hugo's full build of the generated Hugo site, then Pagefind over Hugo's output
#      (Hugo from Debian packages, Pagefind from the npm registry, both installed if missing);
#   3. measures our full build into a fresh output folder
#      (java -Xmx1g -jar telegraph.jar build --content CORPUS --out OUT);
#   3b. measures the floor: the corpus read and split into items and the same files written
#      (bench/Floor.java), which our build and Hugo's are given as multiples of;
#   4. measures our rebuilds into the same output folder: no change; 20 items appended to the
#      last day's file; a new day file (the last day copied to the next date). The corpus is
#      restored afterwards (also on error or Ctrl-C), so reruns are identical;
#   5. records wall time, CPU time, peak RSS (/usr/bin/time -v), output size (du -sb),
#      number of HTML pages and the exit code of every step;
#   6. measures search, on the output of our full build: the CPU time of the index (the build's
#      own per-stage timing, --timings; also from a third full build into a memory file system,
#      which leaves out the disk), the index's size, file count and largest shard; stock
#      elasticlunr.js 0.9.5 building one index over the same items in Node (bench/elasticlunr-build.js,
#      by default for the 365-day corpus only), the reference the issue compares with, twice (the
#      cheaper run counts, as our cheaper build does); our search stage alone in its own JVM, cold
#      and on one thread, as elasticlunr runs (bench/SearchStageRounds.java, same corpora only);
#      and, in headless Chromium driven by playwright-core (bench/search-bench.js), for a set
#      of queries, the time to the first page of results and the bytes it downloads;
#   7. writes bench/RESULTS.md (date, machine, versions, commands, tables per corpus size).
#
# Environment:
#   DAYS                 corpus sizes in days                    (default "365 3650")
#   BENCH_WORK           work folder: corpora, outputs, logs      (default /tmp/telegraph-bench)
#   BENCH_RESULTS        results file                             (default bench/RESULTS.md)
#   BENCH_XMX            heap of our build                        (default 1g)
#   BENCH_TIMEOUT        seconds before Hugo / Pagefind are killed (default 600)
#   BENCH_OURS_TIMEOUT   seconds before our build is killed        (default 600; when the full
#                        build times out, the three rebuilds are skipped)
#   BENCH_MEM_LIMIT_KB   ulimit -v for Hugo and Pagefind, so a runaway indexer cannot take the
#                        shared machine down with it (default 16777216 = 16 GiB; 0 = none)
#   BENCH_ELASTICLUNR_MAX_DAYS  largest corpus stock elasticlunr is run on (default 0: not run; the
#                        comparison with its builder is settled, see bench/README.md; 365 reproduces it,
#                        3,650 days would need ~30 GB)
#   BENCH_SETTLE         seconds to wait (after a sync) before each measured step   (default 15)
#   BENCH_TMPFS          a memory file system for one more full build per corpus, whose search-stage
#                        CPU shows the indexing cost without the disk (default none, e.g. /dev/shm; skipped when
#                        missing, or when the output of the disk build, plus 4 GB for the build, would
#                        not fit in it and in free memory); stock elasticlunr then writes its JSON there too
#   BENCH_PAGEFIND_MAX_DAYS  largest corpus Pagefind runs on (default 365: on 3,650 days it needs over
#                        16 GB and 7 minutes, and fails under the memory limit)
#   BENCH_REAL           a folder of real day files whose site size is measured too (default
#                        ../shared/corpus-real/cls-newspaper; "" to skip)
#   BENCH_QUERIES        the search queries, separated by "|" (default below; three more are picked
#                        from each built index by bench/search-bench.js)
#
# Old output folders are moved aside and deleted only at the end of the run: on this kind of
# virtual machine, deleting a large tree makes file creation in the following minutes several
# times more expensive in system time, which would be charged to whatever is measured next.
#
# Our jar and templates/ are snapshotted into the work folder at the start, so concurrent edits
# or `mvn package` runs in the repository cannot change the binary under measurement.
# Needs: python3, java 17, maven (only if target/telegraph.jar is missing), npm, and root or sudo
# for apt-get when hugo or /usr/bin/time are missing.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

DAYS=${DAYS:-"365 3650"}
WORK=${BENCH_WORK:-/tmp/telegraph-bench}
RESULTS=${BENCH_RESULTS:-$ROOT/bench/RESULTS.md}
XMX=${BENCH_XMX:-1g}
TIMEOUT=${BENCH_TIMEOUT:-600}
OURS_TIMEOUT=${BENCH_OURS_TIMEOUT:-600}
MEM_LIMIT_KB=${BENCH_MEM_LIMIT_KB:-16777216}
ELASTICLUNR_MAX_DAYS=${BENCH_ELASTICLUNR_MAX_DAYS:-0}
PAGEFIND_MAX_DAYS=${BENCH_PAGEFIND_MAX_DAYS:-365}
SETTLE=${BENCH_SETTLE:-15}
TMPFS=${BENCH_TMPFS:-}
EL_REFERENCE=""   # "CPU USER ITEMS DAYS" of stock elasticlunr's last run, for larger corpora
QUERIES=${BENCH_QUERIES:-"公司|英伟达|600519|HBM4|英伟达 机器人|委内瑞拉 美国"}
GEN="$ROOT/../shared/tools/gen-corpus.py"
INVOCATION="DAYS=\"$DAYS\""
for v in BENCH_WORK BENCH_RESULTS BENCH_XMX BENCH_TIMEOUT BENCH_OURS_TIMEOUT BENCH_MEM_LIMIT_KB \
         BENCH_ELASTICLUNR_MAX_DAYS BENCH_QUERIES BENCH_SETTLE; do
    [ -z "${!v:-}" ] || INVOCATION+=" $v=${!v}"
done
INVOCATION+=" bench/run.sh"

mkdir -p "$WORK/logs"
WORK=$(cd "$WORK" && pwd)
LOG="$WORK/logs"
RUN_STARTED=$(date +%s)

say() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
load1() { cut -d' ' -f1 /proc/loadavg; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# ---------------------------------------------------------------------------------------------
# Tools
# ---------------------------------------------------------------------------------------------
apt_updated=""
apt_install() {
    if [ -z "$apt_updated" ]; then as_root apt-get update -qq >"$LOG/apt-update.log" 2>&1 || true; apt_updated=1; fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >"$LOG/apt-$1.log" 2>&1
}
[ -x /usr/bin/time ] || { say "installing time"; apt_install time; }
command -v hugo >/dev/null || { say "installing hugo (Debian package)"; apt_install hugo; }
PAGEFIND="$WORK/node_modules/.bin/pagefind"
if [ ! -x "$PAGEFIND" ]; then
    say "installing pagefind (npm) into $WORK"
    (cd "$WORK" && npm install --no-audit --no-fund --silent pagefind >"$LOG/npm-pagefind.log" 2>&1)
fi
if [ ! -d "$WORK/node_modules/playwright-core" ]; then
    say "installing playwright-core (npm) into $WORK"
    (cd "$WORK" && npm install --no-audit --no-fund --silent playwright-core >"$LOG/npm-playwright.log" 2>&1)
fi
[ -x /usr/bin/chromium ] || { say "installing chromium"; apt_install chromium; }
ELASTICLUNR_JS="$ROOT/target/npm/package/elasticlunr.js"   # fetched from npm by the Maven build

if [ ! -f target/telegraph.jar ] || [ ! -f "$ELASTICLUNR_JS" ]; then
    say "target/telegraph.jar or elasticlunr.js missing: mvn -q package -DskipTests"
    mvn -q package -DskipTests
fi
# Snapshot the jar (wait for a concurrent `mvn package` to leave a readable jar) and templates.
for attempt in 1 2 3 4 5 6; do
    cp target/telegraph.jar "$WORK/telegraph.jar.tmp"
    if python3 -c 'import sys, zipfile; sys.exit(zipfile.ZipFile(sys.argv[1]).testzip() is not None)' \
        "$WORK/telegraph.jar.tmp" 2>/dev/null; then break; fi
    [ "$attempt" = 6 ] && { say "target/telegraph.jar is not a readable jar"; exit 2; }
    sleep 10
done
mv "$WORK/telegraph.jar.tmp" "$WORK/telegraph.jar"
JAR="$WORK/telegraph.jar"
rm -rf "$WORK/templates"
if [ -d templates ]; then cp -r templates "$WORK/templates"; fi
TEMPLATES="$WORK/templates"   # a missing folder means the jar's built-in templates
# the floor is compiled once here, so that its measured runs do not pay the compiler
FLOOR_CLASSES="$WORK/floor-classes"
rm -rf "$FLOOR_CLASSES"
javac -d "$FLOOR_CLASSES" bench/Floor.java

GIT_REV=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
GIT_DIRTY=$(git status --porcelain -- src pom.xml templates 2>/dev/null | wc -l)
JAR_SHA=$(sha256sum "$JAR" | cut -c1-12)
JAR_TIME=$(date -r target/telegraph.jar '+%Y-%m-%d %H:%M:%S %Z')

# ---------------------------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------------------------
# measure ID TIMEOUT MEMLIMIT_KB CMD...   ->  sets M_WALL M_CPU M_RSS_MB M_RC M_LOAD
measure() {
    local id=$1 to=$2 lim=$3; shift 3
    local tf="$LOG/$id.time"
    # let the previous step's writes reach the disk and its memory be freed before timing the next
    sync
    sleep "$SETTLE"
    M_LOAD=$(load1)
    printf '%s\n' "$*" >"$LOG/$id.cmd"
    say "$id: $*"
    set +e
    (
        if [ "$lim" != 0 ]; then ulimit -v "$lim"; fi
        exec /usr/bin/time -v -o "$tf" timeout --kill-after=15 "$to" "$@"
    ) >"$LOG/$id.out" 2>"$LOG/$id.err"
    M_RC=$?
    set -e
    M_WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0;
                for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' "$tf")
    M_CPU=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.1f", u + s }' "$tf")
    M_USER=$(awk -F': ' '/User time/ { printf "%.1f", $2 }' "$tf")
    M_SYS=$(awk -F': ' '/System time/ { printf "%.1f", $2 }' "$tf")
    M_RSS_MB=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$tf")
    if [ "$M_RC" = 124 ] || [ "$M_RC" = 137 ]; then M_NOTE="timed out after ${to}s"; else M_NOTE=""; fi
    if [ "$M_RC" != 0 ]; then
        local tail_err; tail_err=$( (grep -v '^  … ' "$LOG/$id.err" || true) | tail -n 5 | sed 's/^/      /')
        AUTO_NOTES+="- \`$id\` exited with $M_RC${M_NOTE:+ ($M_NOTE)}"
        if [ -n "$tail_err" ]; then AUTO_NOTES+=". Last lines of its stderr:"$'\n\n'"$tail_err"$'\n\n'
        else AUTO_NOTES+=" (no stderr)."$'\n'; fi
    fi
    if grep -q 'OutOfMemoryError\|Cannot allocate memory\|memory allocation of' "$LOG/$id.err" "$LOG/$id.out"; then
        AUTO_NOTES+="- \`$id\` reported a memory failure: \`$(grep -m1 -h 'OutOfMemoryError\|Cannot allocate memory\|memory allocation of' "$LOG/$id.err" "$LOG/$id.out" | tr -d '\`')\`"$'\n'
    fi
    say "$id: exit $M_RC, ${M_WALL}s wall, ${M_CPU}s CPU, ${M_RSS_MB} MB peak RSS ${M_NOTE}"
}
# Moves a folder out of the way; trash is deleted when the run ends (see the header).
TRASH="$WORK/trash"
discard() { if [ -e "$1" ]; then mkdir -p "$TRASH"; mv "$1" "$TRASH/$(basename "$1").$RANDOM$RANDOM"; fi; }
size_mb() { [ -d "$1" ] && du -sb "$1" | awk '{ printf "%.1f", $1 / 1e6 }' || echo "–"; }
html_pages() { [ -d "$1" ] && find "$1" -name '*.html' -type f | wc -l || echo "–"; }
# A results row: | step | wall | cpu | rss | size | pages | exit | load |
ROWS=""
row() { ROWS+="| $1 | $2 | $3 | $4 | $5 | $6 | $7 | $8 |"$'\n'; }
exitcell() { if [ -n "${2:-}" ]; then echo "$1 ($2)"; else echo "$1"; fi; }

# ---------------------------------------------------------------------------------------------
# Corpus edits for the rebuild steps (and their undo)
# ---------------------------------------------------------------------------------------------
LAST_FILE="" LAST_BACKUP="" NEW_FILE=""
restore_corpus() {
    if [ -n "$LAST_BACKUP" ] && [ -f "$LAST_BACKUP" ]; then
        cp -p "$LAST_BACKUP" "$LAST_FILE" && rm -f "$LAST_BACKUP"
    fi
    if [ -n "$NEW_FILE" ] && [ -f "$NEW_FILE" ]; then
        rm -f "$NEW_FILE"
        rmdir -p --ignore-fail-on-non-empty "$(dirname "$NEW_FILE")" 2>/dev/null || true
    fi
    LAST_BACKUP="" NEW_FILE=""
}
trap 'restore_corpus; rm -rf "$TRASH"' EXIT
trap 'exit 130' INT TERM

. "$ROOT/bench/corpus-edits.sh"   # append_items, next_day

# ---------------------------------------------------------------------------------------------
# Search, on the output of our full build (sets SEARCH_SECTION)
# ---------------------------------------------------------------------------------------------
# search_cpu LOG -> "USER SYSTEM" seconds of the search stage, from a build's --timings lines
search_cpu() {
    sed -n 's/^  cpu search: .*(user \([0-9.]*\) s, system \([0-9.]*\) s)$/\1 \2/p' "$1"
}
# search_ratio OUR_CPU OUR_USER OUR_ITEMS EL_CPU EL_USER EL_ITEMS -> the per-item comparison
search_ratio() {
    awk -v t="$1" -v u="$2" -v i="$3" -v e="$4" -v eu="$5" -v ei="$6" 'BEGIN { if (t > 0 && u > 0 && i > 0 && ei > 0)
        printf "per item, %.1f× less CPU than elasticlunr (%.1f× less user time)", (e / ei) / (t / i), (eu / ei) / (u / i); }'
}

# bench_search N CORPUS OUT ITEMS
bench_search() {
    local n=$1 corpus=$2 out=$3 items=$4
    # the search stage of the two full builds; the cheaper one is compared
    local s_user="" s_sys="" s_total="" s_other="" indexed log u y t
    for log in "$LOG/ours-full1-$n.out" "$LOG/ours-full-$n.out"; do
        read -r u y < <(search_cpu "$log")
        [ -n "$u" ] || continue
        t=$(awk -v u="$u" -v s="$y" 'BEGIN { printf "%.2f", u + s }')
        if [ -z "$s_total" ] || awk -v a="$t" -v b="$s_total" 'BEGIN { exit !(a + 0 < b + 0) }'; then
            [ -z "$s_total" ] || s_other="$s_total s (user $s_user s, system $s_sys s)"
            s_user=$u s_sys=$y s_total=$t
        else
            s_other="$t s (user $u s, system $y s)"
        fi
    done
    indexed=$(sed -n 's/^built .* days (.*), \([0-9]*\) items, .*/\1/p' "$LOG/ours-full-$n.out" | tail -n 1)
    local s_bytes s_files s_shards largest largest_any
    s_bytes=$(du -sb "$out/search" | cut -f1)
    s_files=$(find "$out/search" -type f -name '*.js' | wc -l)
    s_shards=$(find "$out/search" -type f -name 's-*.js' | wc -l)
    largest=$(find "$out/search" -type f -name 's-*.js' -printf '%s %P\n' | sort -n | tail -n 1)
    largest_any=$(find "$out/search" -type f -name '*.js' -printf '%s %P\n' | sort -n | tail -n 1)

    # a third full build with the output in memory: what indexing costs without this disk's file
    # creation, which on these machines is several times dearer in system time than elsewhere
    local m_user="" m_sys="" m_total="" m_row="" need tmpfs_free mem_free in_memory=0
    need=$(du -sb "$out" | cut -f1)
    tmpfs_free=$( (df -B1 --output=avail "$TMPFS" 2>/dev/null || echo 0) | tail -n 1)
    mem_free=$(awk '/^MemAvailable:/ { printf "%.0f", $2 * 1024 }' /proc/meminfo)
    if [ -z "$TMPFS" ]; then
        m_row="No build with the output in memory (BENCH_TMPFS not set)."
    elif [ ! -d "$TMPFS" ] || [ ! -w "$TMPFS" ]; then
        m_row="No build with the output in memory: $TMPFS is missing or not writable."
    elif [ "$tmpfs_free" -lt $((need * 12 / 10)) ] || [ "$mem_free" -lt $((need + 4 * 1024 * 1024 * 1024)) ]; then
        m_row="No build with the output in memory: the output ($(awk -v b="$need" 'BEGIN { printf "%.1f GB", b / 1e9 }')) and the build would not fit in $TMPFS and free memory."
    else
        in_memory=1
    fi

    # stock elasticlunr runs twice, before and after our in-memory build, and its cheaper run is
    # compared, as the cheaper of our two disk builds is: the machine's speed drifts by tens of
    # percent within minutes, so one run of each, minutes apart, could favour either
    local el_row="not run (corpus larger than BENCH_ELASTICLUNR_MAX_DAYS=$ELASTICLUNR_MAX_DAYS days)" el_found=""
    local el_cpu="" el_user="" el_other="" el_run=0
    # its one JSON file goes where our in-memory build goes, if there is one
    local el_out="$WORK"
    if [ "$in_memory" = 1 ]; then el_out="$TMPFS"; fi
    run_elasticlunr() {
        el_run=$((el_run + 1))
        measure "elasticlunr-$n-$el_run" "$TIMEOUT" 0 node --max-old-space-size=12288 "$ROOT/bench/elasticlunr-build.js" \
            "$ELASTICLUNR_JS" "$corpus" "$el_out/elasticlunr-$n.json"
        rm -f "$el_out/elasticlunr-$n.json"
        local el_json el_items el_bytes this
        el_json=$(tail -n 1 "$LOG/elasticlunr-$n-$el_run.out")
        el_items=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["items"])' "$el_json" 2>/dev/null || echo "?")
        el_bytes=$(python3 -c 'import json,sys; print("%.1f" % (json.loads(sys.argv[1])["bytes"] / 1e6))' "$el_json" 2>/dev/null || echo "?")
        this="$M_WALL s wall, $M_CPU s CPU (user $M_USER s, system $M_SYS s), $M_RSS_MB MB peak RSS, exit $M_RC"
        if [ -z "$el_cpu" ] || awk -v a="$M_CPU" -v b="$el_cpu" 'BEGIN { exit !(a + 0 < b + 0) }'; then
            [ -z "$el_cpu" ] || el_other="${el_row%%: *}"
            el_cpu=$M_CPU el_user=$M_USER
            el_found=$(python3 -c 'import json,sys; print(", ".join("%s: %d" % kv for kv in json.loads(sys.argv[1])["found"].items()))' "$el_json" 2>/dev/null || echo "?")
            EL_REFERENCE="$el_cpu $el_user $el_items $n"
            el_row="$this: $el_items items, one JSON of $el_bytes MB"
        else
            el_other="$this"
        fi
    }
    local run_el=0
    if [ "$n" -le "$ELASTICLUNR_MAX_DAYS" ]; then run_el=1; fi
    if [ "$run_el" = 1 ]; then run_elasticlunr; fi
    if [ "$in_memory" = 1 ]; then
        local mout="$TMPFS/telegraph-bench-$n"
        rm -rf "$mout"
        measure "ours-memory-$n" "$OURS_TIMEOUT" 0 java "-Xmx$XMX" -jar "$JAR" build --content "$corpus" --out "$mout" \
            --templates "$TEMPLATES" --timings
        rm -rf "$mout"
        read -r m_user m_sys < <(search_cpu "$LOG/ours-memory-$n.out")
        [ -z "$m_user" ] || m_total=$(awk -v u="$m_user" -v s="$m_sys" 'BEGIN { printf "%.2f", u + s }')
    fi
    # the index builder alone, as elasticlunr's runs: its own process, cold, one thread (the day
    # files are read and parsed first, which is not counted); only where elasticlunr runs, since
    # it holds the whole corpus in memory
    local a_row=""
    if [ "$run_el" = 1 ]; then
        local aout="$el_out/telegraph-stage-$n"
        rm -rf "$aout"; mkdir -p "$aout"
        measure "ours-stage-$n" "$OURS_TIMEOUT" 0 java "-Xmx$XMX" -cp "$JAR" "$ROOT/bench/SearchStageRounds.java" "$corpus" "$aout" 1
        rm -rf "$aout"
        local a_cpu a_user
        read -r a_cpu a_user < <(sed -n 's/^round 1: \([0-9.]*\) s CPU (user \([0-9.]*\) s).*/\1 \2/p' "$LOG/ours-stage-$n.out")
        if [ -n "$a_cpu" ]; then
            a_row="The search stage alone in its own JVM, cold, on one thread (\`bench/SearchStageRounds.java CORPUS $el_out 1\`, as elasticlunr runs: its own process; reading the day files not counted): **$a_cpu s CPU** (user $a_user s), **$(
                awk -v t="$a_cpu" -v i="${indexed:-0}" 'BEGIN { if (i > 0) printf "%.1f", t * 1e6 / i; else print "?" }') µs per item**"
        fi
    fi
    if [ "$run_el" = 1 ]; then run_elasticlunr; fi
    if [ -n "$el_other" ]; then el_row="the cheaper of two runs, $el_row; the other: $el_other"; fi
    local per_item ratio=""
    per_item=$(awk -v t="$s_total" -v i="${indexed:-0}" 'BEGIN { if (i > 0) printf "%.1f", t * 1e6 / i; else print "?" }')
    local el_counted=$items   # the items elasticlunr indexed: its figures are per item of these
    if [ -z "$el_cpu" ] && [ -n "$EL_REFERENCE" ]; then
        # elasticlunr cannot build this size; compare per item with its run on a smaller corpus
        local el_items_ref el_n_ref
        read -r el_cpu el_user el_items_ref el_n_ref <<<"$EL_REFERENCE"
        el_row+="; the comparisons above use its per-item cost on $el_n_ref days"
        el_counted=$el_items_ref
    fi
    if [ -n "$el_cpu" ]; then
        ratio=$(search_ratio "$s_total" "$s_user" "${indexed:-0}" "$el_cpu" "$el_user" "$el_counted")
    fi
    if [ -n "$a_row" ] && [ -n "$el_cpu" ]; then
        a_row+="; $(search_ratio "$a_cpu" "$a_user" "${indexed:-0}" "$el_cpu" "$el_user" "$el_counted")"
    fi
    [ -z "$a_row" ] || a_row+="."
    if [ -n "$m_total" ]; then
        m_row="With the output in memory ($TMPFS, a third full build): **$m_total s CPU** (user $m_user s, system $m_sys s), **$(
            awk -v t="$m_total" -v i="${indexed:-0}" 'BEGIN { if (i > 0) printf "%.1f", t * 1e6 / i; else print "?" }') µs per item**"
        if [ -n "$el_cpu" ]; then m_row+="; $(search_ratio "$m_total" "$m_user" "${indexed:-0}" "$el_cpu" "$el_user" "$el_counted")"; fi
        m_row+="."
    fi

    local qjson="$LOG/search-queries-$n.json"
    local args=() q
    IFS='|' read -r -a args <<<"$QUERIES"
    say "search-$n: ${#args[@]} queries (+3 picked) in headless Chromium"
    local q_rc=0
    NODE_PATH="$WORK/node_modules" timeout 900 node "$ROOT/bench/search-bench.js" "$out" "$qjson" "${args[@]}" \
        >"$LOG/search-queries-$n.out" 2>"$LOG/search-queries-$n.err" || q_rc=$?
    local qrows=""
    if [ "$q_rc" = 0 ]; then
        qrows=$(python3 - "$qjson" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1])):
    print("| `%s` | %s | %d | %.0f | %.0f | %d | %.0f | %d | %s |" % (r["query"], r["kind"], r["firstResultMs"],
          r.get("firstPageBytes", 0) / 1000, r["searchBytes"] / 1000, r["searchFiles"], r["totalBytes"] / 1000,
          r["shown"], r["status"]))
PY
)
    else
        AUTO_NOTES+="- \`search-bench.js\` on $n days exited with $q_rc: $(tail -n 1 "$LOG/search-queries-$n.err")"$'\n'
    fi
    SEARCH_SECTION="### Search ($n days)

Index build, from our full builds above (\`--timings\`: CPU time of the search stage, summed over the
worker threads; it writes the shards, directory, text store and per-month token lists), the cheaper of
the two: **$s_total s CPU** (user $s_user s, system $s_sys s) for $indexed items, **$per_item µs per item**${ratio:+; $ratio}.
The other full build: ${s_other:-–}.
${m_row:+$m_row
}${a_row:+$a_row
}Stock elasticlunr.js 0.9.5 over the same corpus in Node (\`bench/elasticlunr-build.js\`): $el_row${el_found:+; items it finds for $el_found}.

Index on disk: **$(awk -v b="$s_bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB** in $s_files files ($s_shards shards);
largest shard: $(echo "$largest" | awk '{ printf "%.0f kB (%s)", $1 / 1000, $2 }'); largest file: $(echo "$largest_any" | awk '{ printf "%.0f kB (%s)", $1 / 1000, $2 }').

First page of results in headless Chromium (\`bench/search-bench.js\`: fresh browser profile per query, site over
HTTP on 127.0.0.1, \`search.html?q=…\` opened as a shared link). Time: from the start of navigation to
the first result shown; first page kB: what the index (\`search/\` and the text store in \`data/\`) had
cost when the first page of results was complete (target < 1 MB); index kB/files: what the page fetched
from the index until it went quiet (the count's background reading included); all kB: everything fetched
(HTML, CSS, scripts, index).

| Query | Kind | First result (ms) | First page kB | Index kB | Index files | All kB | Shown | Status line |
|---|---|---:|---:|---:|---:|---:|---:|---|
$qrows

"
}

# ---------------------------------------------------------------------------------------------
# Site size by part (the lean-site targets: at most 3x the markdown, under 20,000 files, none over
# 25 MiB); .telegraph/ is the build's state, never published, and is shown apart
# ---------------------------------------------------------------------------------------------
# site_sizes OUT MARKDOWN_DIR -> a markdown table and a summary line
site_sizes() {
    python3 - "$1" "$2" <<'PY'
import os, re, sys
out, md = sys.argv[1], sys.argv[2]
def walk(d):
    for root, _, files in os.walk(d):
        for f in files:
            p = os.path.join(root, f)
            yield os.path.relpath(p, d).replace(os.sep, "/"), os.path.getsize(p)
md_bytes = sum(s for _, s in walk(md))
parts = {}
def part(rel):
    if rel.startswith(".telegraph/"): return "build state (.telegraph/, not published)"
    if rel.startswith("search/") or rel == "search.html": return "search"
    if rel.startswith("topics/"): return "topics"
    if rel.startswith("data/"): return "data export"
    if rel.startswith("assets/"): return "assets"
    if re.fullmatch(r"\d{4}/\d{2}/\d{4}-\d{2}-\d{2}\.html", rel): return "day pages"
    if re.fullmatch(r"\d{4}/\d{2}/index\.html", rel): return "month pages"
    return "other (home, feeds, reports, host files)"
largest = (0, "")
for rel, size in walk(out):
    k = part(rel)
    b, n = parts.get(k, (0, 0))
    parts[k] = (b + size, n + 1)
    if not rel.startswith(".telegraph/") and size > largest[0]:
        largest = (size, rel)
order = ["day pages", "month pages", "topics", "search", "data export", "assets",
         "other (home, feeds, reports, host files)", "build state (.telegraph/, not published)"]
pub_b = sum(b for k, (b, n) in parts.items() if not k.startswith("build state"))
pub_n = sum(n for k, (b, n) in parts.items() if not k.startswith("build state"))
print("| Part | MB | Files | × markdown |")
print("|---|---:|---:|---:|")
for k in order:
    if k in parts:
        b, n = parts[k]
        print("| %s | %.1f | %d | %.2f |" % (k, b / 1e6, n, b / md_bytes))
print("| **published site** | **%.1f** | **%d** | **%.2f** |" % (pub_b / 1e6, pub_n, pub_b / md_bytes))
print()
over = sum(1 for rel, size in walk(out) if size > 25 * 1024 * 1024 and not rel.startswith(".telegraph/"))
print("Markdown input %.1f MB. Published site **%.2f× the markdown** (target ≤ 3×), **%d files** (target ≤ 20,000),"
      " largest file %.1f MB (`%s`), %d files over 25 MiB." % (md_bytes / 1e6, pub_b / md_bytes, pub_n,
      largest[0] / 1e6, largest[1], over))
PY
}

# ---------------------------------------------------------------------------------------------
# One corpus size
# ---------------------------------------------------------------------------------------------
SECTIONS=""
bench_corpus() {
    local n=$1
    local corpus="$WORK/corpus-$n" hugo_src="$WORK/hugo-$n" done="$WORK/.generated-$n"
    local out="$WORK/out-ours-$n" hout="$WORK/out-hugo-$n"
    local gen_sha; gen_sha=$(sha256sum "$GEN" | cut -c1-16)
    local gen_note="reused: generated earlier by the same generator"
    if [ "$(cat "$done" 2>/dev/null)" != "$gen_sha" ] || [ ! -d "$corpus" ] || [ ! -d "$hugo_src" ]; then
        say "generating $n days into $corpus and $hugo_src"
        rm -rf "$corpus" "$hugo_src" "$done"
        local t0; t0=$(date +%s)
        python3 "$GEN" --days "$n" --out "$corpus" --hugo "$hugo_src"
        echo "$gen_sha" >"$done"
        gen_note="generated in $(( $(date +%s) - t0 )) s"
    fi
    local days items md_mb
    days=$(find "$corpus" -name '*.md' -type f | wc -l)
    items=$(find "$corpus" -name '*.md' -type f -print0 | xargs -0 cat | grep -c '^\*\*\[' || true)
    md_mb=$(size_mb "$corpus")
    say "corpus $n: $days day files, $items items, $md_mb MB"

    ROWS=""
    local load_start; load_start=$(loadavg)
    local t_start; t_start=$(date '+%H:%M:%S')

    # --- Hugo, then Pagefind over Hugo's output
    discard "$hout"
    measure "hugo-$n" "$TIMEOUT" "$MEM_LIMIT_KB" hugo --source "$hugo_src" --destination "$hout"
    local h_wall=$M_WALL h_cpu=$M_CPU h_rss=$M_RSS_MB h_rc=$M_RC h_note=$M_NOTE h_load=$M_LOAD
    local h_size h_pages; h_size=$(size_mb "$hout"); h_pages=$(html_pages "$hout")
    row "Hugo full build" "$h_wall" "$h_cpu" "$h_rss" "$h_size" "$h_pages" "$(exitcell "$h_rc" "$h_note")" "$M_LOAD"
    local p_wall="–" p_cpu="–" p_rss="–" p_rc="not run" p_note="" p_load="–"
    if [ "$h_rc" = 0 ] && [ "$n" -le "$PAGEFIND_MAX_DAYS" ]; then
        measure "pagefind-$n" "$TIMEOUT" "$MEM_LIMIT_KB" "$PAGEFIND" --site "$hout"
        p_wall=$M_WALL p_cpu=$M_CPU p_rss=$M_RSS_MB p_rc=$M_RC p_note=$M_NOTE p_load=$M_LOAD
    fi
    local hp_size hp_pages; hp_size=$(size_mb "$hout"); hp_pages=$(html_pages "$hout")
    local p_pages="–"
    if [ -f "$LOG/pagefind-$n.out" ] && [ "$h_rc" = 0 ]; then
        p_pages="$(awk '/Indexed [0-9]+ pages/ { print $2 " indexed" }' "$LOG/pagefind-$n.out")"
    fi
    row "Pagefind alone (over Hugo's output)" "$p_wall" "$p_cpu" "$p_rss" "$(size_mb "$hout/pagefind")" "${p_pages:-–}" "$(exitcell "$p_rc" "$p_note")" "$p_load"
    local hp_wall="–" hp_cpu="–" hp_rss="–"
    if [ "$p_wall" != "–" ] && [ "$p_rc" != 0 ]; then
        hp_wall="did not finish (> $(awk -v a="$h_wall" -v b="$p_wall" 'BEGIN { printf "%.2f", a + b }'))"
    elif [ "$p_wall" != "–" ]; then
        hp_wall=$(awk -v a="$h_wall" -v b="$p_wall" 'BEGIN { printf "%.2f", a + b }')
        hp_cpu=$(awk -v a="$h_cpu" -v b="$p_cpu" 'BEGIN { printf "%.1f", a + b }')
        hp_rss=$(( h_rss > p_rss ? h_rss : p_rss ))
    fi
    row "**Hugo + Pagefind**" "$hp_wall" "$hp_cpu" "$hp_rss" "$hp_size" "$hp_pages" "$(exitcell "$h_rc/$p_rc" "$h_note$p_note")" "$h_load"

    # --- ours
    local ours=(java "-Xmx$XMX" -jar "$JAR" build --content "$corpus" --out "$out" --templates "$TEMPLATES" --timings)
    local summaries=""
    ours_step() {  # ours_step ID LABEL
        measure "$1" "$OURS_TIMEOUT" 0 "${ours[@]}"
        row "$2" "$M_WALL" "$M_CPU" "$M_RSS_MB" "$(size_mb "$out")" "$(html_pages "$out")" "$(exitcell "$M_RC" "$M_NOTE")" "$M_LOAD"
        local last; last=$(grep "^built " "$LOG/$1.out" | tail -n 1 | tr -d '`')
        if [ -n "$last" ]; then last="\`$last\`"; else last="(no output)"; fi
        summaries+="- $2 (exit $M_RC): $last"$'\n'
        # what it wrote, part by part: a rebuild should write in proportion to the change
        # a rebuild that writes nothing prints no such line
        local written; written=$( (grep "^  written: " "$LOG/$1.out" || true) | tail -n 1 | sed 's/^  //' | tr -d '`')
        if [ -n "$written" ]; then summaries+="  \`$written\`"$'\n'; fi
        local errs; errs=$( (grep -v '^  … ' "$LOG/$1.err" || true) | wc -l)
        if [ "$errs" -gt 0 ]; then
            summaries+="  stderr: $errs lines besides progress lines, first ones:"$'\n\n'
            summaries+=$( (grep -v '^  … ' "$LOG/$1.err" || true) | head -n 8 | sed 's/^/      /')$'\n\n'
        fi
    }
    # two full builds into fresh folders, as system time varies from run to run on these machines
    discard "$out"
    ours_step "ours-full1-$n" "Ours, full build, first of two (fresh output folder)"
    local o_wall1=$M_WALL o_cpu1=$M_CPU o_rc1=$M_RC
    discard "$out"
    ours_step "ours-full-$n" "**Ours, full build**, second of two (fresh output folder)"
    local o_wall=$M_WALL o_cpu=$M_CPU o_rc=$M_RC
    if [ "$o_rc1" = 0 ] && awk -v a="$o_wall1" -v b="$o_wall" 'BEGIN { exit !(a + 0 < b + 0) }'; then o_wall=$o_wall1 o_cpu=$o_cpu1; fi
    SEARCH_SECTION=""
    SIZE_SECTION=""
    if [ "$M_RC" = 0 ] || [ "$M_RC" = 1 ]; then
        SIZE_SECTION="### Site size ($n days, after the full build)

$(site_sizes "$out" "$corpus")

"
    fi
    if [ "$M_RC" = 0 ] || [ "$M_RC" = 1 ]; then bench_search "$n" "$corpus" "$out" "$items"; fi
    [ "$M_RC" = 0 ] || [ "$M_RC" = 1 ] || o_wall=""   # no speed-up for a failed build
    # --- the floor: the same corpus read and split into items, the same files written (bench/Floor.java)
    f_wall="" f_cpu=""
    if [ -n "$o_wall" ]; then
        local f_out="$WORK/out-floor-$n"
        discard "$f_out"
        measure "floor-$n" "$OURS_TIMEOUT" 0 java "-Xmx$XMX" -cp "$FLOOR_CLASSES" Floor "$corpus" "$out" "$f_out"
        row "Floor: corpus read and split into items, the same files written" "$M_WALL" "$M_CPU" "$M_RSS_MB" \
            "$(size_mb "$f_out")" "–" "$(exitcell "$M_RC" "$M_NOTE")" "$M_LOAD"
        if [ "$M_RC" = 0 ]; then f_wall=$M_WALL f_cpu=$M_CPU; fi
        discard "$f_out"
    fi
    if [ "$o_rc" = 124 ] || [ "$o_rc" = 137 ]; then
        for label in "Ours, no-change rebuild" "Ours, rebuild after +20 items on the last day" "Ours, rebuild after a new day file"; do
            row "$label" "–" "–" "–" "–" "–" "skipped: full build timed out" "–"
        done
        bench_corpus_end "$n" "$days" "$items" "$md_mb" "$corpus" "$gen_note" "$t_start" "$load_start" "(none)" "(none)"
        return
    fi
    ours_step "ours-nochange-$n" "Ours, no-change rebuild"

    LAST_FILE=$(find "$corpus" -name '*.md' -type f | sort | tail -n 1)
    LAST_BACKUP="$WORK/last-day-$n.backup"
    cp -p "$LAST_FILE" "$LAST_BACKUP"
    append_items "$LAST_FILE" 20
    ours_step "ours-append20-$n" "Ours, rebuild after +20 items on the last day"

    NEW_FILE=$(next_day "$LAST_BACKUP" "$corpus")
    ours_step "ours-newday-$n" "Ours, rebuild after a new day file"
    local edited_last=${LAST_FILE#"$corpus"/} added=${NEW_FILE#"$corpus"/}
    restore_corpus
    bench_corpus_end "$n" "$days" "$items" "$md_mb" "$corpus" "$gen_note" "$t_start" "$load_start" "$edited_last" "$added"
}

# bench_corpus_end N DAYS ITEMS MD_MB CORPUS GEN_NOTE T_START LOAD_START EDITED ADDED (uses ROWS,
# summaries, h_wall, h_cpu, hp_wall, o_wall, o_cpu of the caller and f_wall, f_cpu) -> appends the section and rewrites RESULTS
bench_corpus_end() {
    local n=$1 days=$2 items=$3 md_mb=$4 corpus=$5 gen_note=$6 t_start=$7 load_start=$8
    local edited_last=$9 added=${10}
    local load_end; load_end=$(loadavg)
    local ratio_pages ratio_all
    ratio_pages=$(awk -v h="$h_wall" -v o="$o_wall" \
        'BEGIN { if (o + 0 > 0 && h + 0 > 0) printf "%.2f×", h / o; else print "n/a" }')
    ratio_all=$(awk -v h="$hp_wall" -v o="$o_wall" \
        'BEGIN { if (o + 0 > 0 && h + 0 > 0) printf "%.2f×", h / o; else print "n/a" }')
    if [ "${p_rc:-}" = "not run" ]; then ratio_all="n/a (Pagefind not run above BENCH_PAGEFIND_MAX_DAYS=$PAGEFIND_MAX_DAYS days)"
    elif [ "${p_rc:-}" != 0 ]; then ratio_all="n/a (Pagefind did not finish)"; fi
    local hugo_times hugo_cpu_times floor_times
    hugo_times=$(awk -v h="$h_wall" -v o="$o_wall" 'BEGIN { if (o + 0 > 0 && h + 0 > 0) printf "%.2f", o / h; else print "n/a" }')
    hugo_cpu_times=$(awk -v h="$h_cpu" -v o="${o_cpu:-}" 'BEGIN { if (o + 0 > 0 && h + 0 > 0) printf "%.2f", o / h; else print "n/a" }')
    floor_times=$(awk -v fw="${f_wall:-}" -v fc="${f_cpu:-}" -v ow="$o_wall" -v oc="${o_cpu:-}" -v hw="$h_wall" -v hc="$h_cpu" 'BEGIN {
        if (fw + 0 <= 0 || fc + 0 <= 0) { print "not measured"; exit }
        printf "ours **%.2f×** its wall time and **%.2f×** its CPU", ow / fw, oc / fc
        if (hw + 0 > 0 && hc + 0 > 0) printf "; Hugo (pages only) %.2f× and %.2f×", hw / fw, hc / fc }')

    SECTIONS+="## $n days

Corpus: **$days day files, $items items**, $md_mb MB of markdown (\`$corpus\`, $gen_note).
Steps ran from $t_start to $(date '+%H:%M:%S'); load average (1/5/15 min) at start: $load_start; at end: $load_end.

| Step | Wall (s) | CPU user+sys (s) | Peak RSS (MB) | Output (MB) | HTML pages | Exit | Load (1 min) at step start |
|---|---:|---:|---:|---:|---:|---|---:|
$ROWS
Speed-up of our full build (wall time of the faster of our two full builds; below 1× means ours is slower): over Hugo **$ratio_pages**;
over Hugo + Pagefind **$ratio_all**. Our full build takes **$hugo_times× Hugo's** pages-only build's wall time and **$hugo_cpu_times×** its CPU (targets: ≤ 3× at 365 days, ≤ 1.5× at 3,650 days).
Against the floor (the corpus read and split into items, the same files written: \`bench/Floor.java\`, all cores): $floor_times.
Edits for the rebuild steps: 20 items appended to \`$edited_last\`; new day \`$added\` (a copy of the original
last day with heading and window line changed). The corpus was restored afterwards.

Our build's summary line (the \`built …\` line of its output) per step:

$summaries
$SIZE_SECTION$SEARCH_SECTION"
    write_results
}

write_results() {
    local cpu mem os
    cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
    mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
    os="$(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
    local elapsed=$(( $(date +%s) - RUN_STARTED ))
    cat >"$RESULTS" <<EOF
# Benchmark results

Generated by \`bench/run.sh\` (see the header of that script and \`bench/README.md\`). Do not edit by hand:
rerun the script instead.

- **Date:** $(date -d "@$RUN_STARTED" '+%Y-%m-%d %H:%M %Z') (whole run: $((elapsed / 60)) min $((elapsed % 60)) s)
- **Command:** \`$INVOCATION\` (work folder \`$WORK\`, heap \`-Xmx$XMX\`)
- **Machine:** $cpu, $(nproc) cores (\`nproc\`), $mem RAM, $os
- **Java:** $(java -version 2>&1 | head -n 1)
- **Hugo:** $(hugo version 2>/dev/null | head -n 1)
- **Pagefind:** $("$PAGEFIND" --version 2>/dev/null | head -n 1) (npm)
- **Our build:** commit \`$GIT_REV\`$( [ "$GIT_DIRTY" -gt 0 ] && echo " with $GIT_DIRTY uncommitted changed paths under src/, pom.xml, templates/" ), \`target/telegraph.jar\` of $JAR_TIME (sha256 \`$JAR_SHA…\`), snapshotted with \`templates/\` before the run
- **Load average at start of run:** $LOAD_AT_START; **at end:** $(loadavg)

Commands measured (each under \`/usr/bin/time -v\` and \`timeout\`; CORPUS, HUGO_SITE and OUT are in the work folder):

- Hugo: \`hugo --source HUGO_SITE --destination HUGO_OUT\` (fresh HUGO_OUT), then
  Pagefind: \`node_modules/.bin/pagefind --site HUGO_OUT\`; both under \`ulimit -v $MEM_LIMIT_KB\` (KiB), timeout ${TIMEOUT} s
- Ours: \`java -Xmx$XMX -jar telegraph.jar build --content CORPUS --out OUT --templates TEMPLATES --timings\` (the snapshot of
  \`target/telegraph.jar\` and \`templates/\`), timeout ${OURS_TIMEOUT} s; full build into a fresh OUT, then the
  three rebuilds into the same OUT, in this order: no change, +20 items on the last day, a new day.
  The full build runs twice, each into a fresh OUT: system time (file creation) varies a lot between
  runs on these virtual machines, and the search figures below use the cheaper run.

Columns: wall time and peak RSS from \`/usr/bin/time -v\` (peak RSS is the largest single process);
output = \`du -sb\` of the output folder after the step; HTML pages = \`find OUT -name '*.html'\`.
Hugo + Pagefind: times added, peak RSS the larger of the two, output = Hugo's folder including \`pagefind/\`.
Exit codes of ours: 0 ok, 1 input problems reported (site built), 2 usage, 3 output/template failure;
124 or 137 = killed by \`timeout\`.

$SECTIONS## Notes

$NOTES${AUTO_NOTES}
EOF
    say "wrote $RESULTS"
}

LOAD_AT_START=$(loadavg)
AUTO_NOTES=""
NOTES="- The machine is shared: other engineers' builds and tests may run concurrently, so wall times can be
  inflated; compare the load average per step (a 2-core machine is saturated at a load of 2).
- Incremental builds, if any, are measured as whatever \`build\` does when run again on the same output folder.
- The 20 appended items get the minutes after the file's last item, capped at 05:29 (the end of the
  window); when the last item is late, several of them share the 05:29 minute.
${BENCH_NOTES:+$BENCH_NOTES
}"
say "work folder $WORK, corpus sizes: $DAYS, load average $LOAD_AT_START"
REAL=${BENCH_REAL-$ROOT/../shared/corpus-real/cls-newspaper}
if [ -n "$REAL" ] && [ -d "$REAL" ]; then
    say "real archive $REAL"
    real_out="$WORK/out-ours-real"
    discard "$real_out"
    measure "ours-real" "$OURS_TIMEOUT" 0 java "-Xmx$XMX" -jar "$JAR" build --content "$REAL" --out "$real_out" --templates "$TEMPLATES"
    SECTIONS+="## Real archive ($(find "$REAL" -name '*.md' -type f | wc -l) markdown files)

\`$(grep "^built " "$LOG/ours-real.out" | tail -n 1 | tr -d '\`')\` (exit $M_RC, $M_WALL s wall)

$(site_sizes "$real_out" "$REAL")

"
fi
for n in $DAYS; do
    bench_corpus "$n"
done
say "done in $(( $(date +%s) - RUN_STARTED )) s"
