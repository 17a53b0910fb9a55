#!/usr/bin/env bash
# What a one-shot rebuild costs under each way of starting the JVM: a timer that runs `build`
# every few minutes pays the JVM's start and its JIT compilers on every run, and they are most of
# a small rebuild's CPU. For each configuration below, ROUNDS interleaved rounds of two rebuilds
# into the same output: +20 items on the last day (bench/corpus-edits.sh), then no change; wall
# and CPU (user + system) from /usr/bin/time, medians. Not part of CI; a few minutes at 365 days.
#
#     bench/rebuild-jvm.sh                  # 365 days, 3 rounds
#     DAYS=3650 ROUNDS=3 bench/rebuild-jvm.sh
#
# Configurations (a JDK 25 row only when JAVA25 names a JDK 25 `java`):
#   jdk17            java -jar (the default: tiered C1 + C2)
#   jdk17-c1         -XX:TieredStopAtLevel=1: only the quick compiler, no C2
#   jdk17-cds        -XX:SharedArchiveFile: class data of a training rebuild (AppCDS)
#   jdk17-cds-c1     both
#   jdk25-aot        -XX:AOTCache made by a training rebuild (JEP 483/515)
#   jdk25-aot-c1     that and -XX:TieredStopAtLevel=1
#
# Environment: DAYS (365), BENCH_WORK (/tmp/telegraph-bench), BENCH_CORPUS (WORK/corpus-N,
# generated if missing), BENCH_XMX (1g), BENCH_JAR (target/telegraph.jar, built if missing),
# ROUNDS (3), JAVA17 (java), JAVA25 (/usr/lib/jvm/temurin-25-jdk-amd64/bin/java if present).
# The corpus's last day is restored afterwards, also on error or Ctrl-C.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
JAVA17=${JAVA17:-java}
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
. "$ROOT/bench/corpus-edits.sh"   # rebuild_bench, append_items
rebuild_bench jvm
trap 'cp -p "$LAST_BACKUP" "$LAST_FILE"' EXIT
trap 'exit 130' INT TERM

CONFIGS=(jdk17 jdk17-c1 jdk17-cds jdk17-cds-c1)
[ -x "$JAVA25" ] && "$JAVA25" -version 2>&1 | grep -q '"25' && CONFIGS+=(jdk25-aot jdk25-aot-c1)

# command CONFIG: the java command line of a configuration, up to the jar
command_of() {
    case $1 in
        jdk17) echo "$JAVA17 -Xmx$XMX" ;;
        jdk17-c1) echo "$JAVA17 -Xmx$XMX -XX:TieredStopAtLevel=1" ;;
        jdk17-cds) echo "$JAVA17 -Xmx$XMX -XX:SharedArchiveFile=$STEPS/app17.jsa" ;;
        jdk17-cds-c1) echo "$JAVA17 -Xmx$XMX -XX:SharedArchiveFile=$STEPS/app17.jsa -XX:TieredStopAtLevel=1" ;;
        jdk25-aot) echo "$JAVA25 -Xmx$XMX -XX:AOTCache=$STEPS/app25.aot" ;;
        jdk25-aot-c1) echo "$JAVA25 -Xmx$XMX -XX:AOTCache=$STEPS/app25.aot -XX:TieredStopAtLevel=1" ;;
    esac
}

# build ARGS...: one build of the corpus into OUT; prints "wall cpu"
build() {
    /usr/bin/time -f "%e %U %S" -o "$STEPS/time" "$@" -jar "$JAR" build -q --content "$CORPUS" --out "$OUT" \
        >"$STEPS/build.out" 2>"$STEPS/build.err" || [ $? = 1 ]
    awk '{ printf "%s %.2f\n", $1, $2 + $3 }' "$STEPS/time"
}

rm -rf "$OUT"
build "$JAVA17" "-Xmx$XMX" >/dev/null
# training: each cache is made by the kind of run it serves, a rebuild after the open day grew
APPENDS=0
grow() {
    APPENDS=$((APPENDS + 1))
    append_items "$LAST_FILE" 20 "$APPENDS"
}
grow
rm -f "$STEPS/app17.jsa" "$STEPS/app25.aot"
build "$JAVA17" "-Xmx$XMX" "-XX:ArchiveClassesAtExit=$STEPS/app17.jsa" >/dev/null
if [[ " ${CONFIGS[*]} " == *" jdk25-aot "* ]]; then
    grow
    build "$JAVA25" "-Xmx$XMX" "-XX:AOTCacheOutput=$STEPS/app25.aot" >/dev/null
fi

declare -A GROWN NOCHANGE
for ((r = 1; r <= ROUNDS; r++)); do
    for c in "${CONFIGS[@]}"; do
        grow
        # shellcheck disable=SC2046
        GROWN[$c]+="$(build $(command_of "$c"))"$'\n'
        # shellcheck disable=SC2046
        NOCHANGE[$c]+="$(build $(command_of "$c"))"$'\n'
    done
done

# median COLUMN: the median of that column of stdin
median() {
    awk -v c="$1" 'NF { print $c }' | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "| JVM ($DAYS days, median of $ROUNDS) | +20 items: wall (s) | +20 items: CPU (s) | no change: wall (s) | no change: CPU (s) |"
echo "|---|---:|---:|---:|---:|"
for c in "${CONFIGS[@]}"; do
    printf '| %s | %s | %s | %s | %s |\n' "$c" "$(median 1 <<<"${GROWN[$c]}")" "$(median 2 <<<"${GROWN[$c]}")" \
        "$(median 1 <<<"${NOCHANGE[$c]}")" "$(median 2 <<<"${NOCHANGE[$c]}")"
done
