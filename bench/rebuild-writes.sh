#!/usr/bin/env bash
# What a rebuild writes: our full build of a synthetic corpus, then the three rebuilds of
# bench/run.sh (no change, +20 items on the last day, a new day file) and one more, the day after
# that with its first item only (as the feed starts a day at 05:30), each with its wall and
# CPU time, the bytes and files it wrote by part (the build's own `written:` line), and the files
# it wrote again with the bytes they had (compared on disk: inode or time changed, same SHA-1),
# which should be none. A few minutes at 365 days; not part of CI.
#
#     bench/rebuild-writes.sh                 # 365 days
#     DAYS=3650 bench/rebuild-writes.sh
#
# Environment: DAYS (365), BENCH_WORK (/tmp/telegraph-bench: corpus-N is generated there by
# ../shared/tools/gen-corpus.py if missing, and shared with bench/run.sh), BENCH_XMX (1g),
# BENCH_JAR (target/telegraph.jar, built if missing; another jar compares another version).
# Prints a markdown table; the corpus is restored afterwards, also on error or Ctrl-C.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
DAYS=${DAYS:-365}
WORK=${BENCH_WORK:-/tmp/telegraph-bench}
XMX=${BENCH_XMX:-1g}
CORPUS=$WORK/corpus-$DAYS
OUT=$WORK/out-writes-$DAYS
STEPS=$WORK/writes-$DAYS
. "$ROOT/bench/corpus-edits.sh"   # append_items, next_day, jar_and_corpus

jar_and_corpus "${BENCH_JAR:-target/telegraph.jar}" "$STEPS" "$CORPUS" "$DAYS"
JAR=$STEPS/telegraph.jar

LAST_FILE=$(find "$CORPUS" -name '*.md' -type f | sort | tail -n 1)
LAST_BACKUP=$STEPS/last-day.backup
NEW_FILE="" FIRST_FILE=""
cp -p "$LAST_FILE" "$LAST_BACKUP"
restore() {
    cp -p "$LAST_BACKUP" "$LAST_FILE"
    for added in $FIRST_FILE $NEW_FILE; do
        rm -f "$added"
        rmdir -p --ignore-fail-on-non-empty "$(dirname "$added")" 2>/dev/null || true
    done
}
trap restore EXIT
trap 'exit 130' INT TERM

# snapshot DIR FILE: path, inode, mtime and SHA-1 of every file under DIR
snapshot() {
    python3 - "$1" "$2" <<'PY'
import hashlib, json, os, sys
root, out = sys.argv[1], sys.argv[2]
files = {}
for folder, _, names in os.walk(root):
    for name in names:
        path = os.path.join(folder, name)
        st = os.stat(path)
        with open(path, "rb") as f:
            files[os.path.relpath(path, root)] = [st.st_ino, st.st_mtime_ns, hashlib.sha1(f.read()).hexdigest()]
json.dump(files, open(out, "w"))
PY
}

# same_bytes BEFORE AFTER: how many files were written again with their old bytes, and the first few
same_bytes() {
    python3 - "$1" "$2" <<'PY'
import json, sys
before, after = (json.load(open(p)) for p in sys.argv[1:3])
same = sorted(p for p, (ino, mtime, sha) in after.items()
              if p in before and p != ".telegraph/lock" and before[p][:2] != [ino, mtime] and before[p][2] == sha)
print(len(same), " ".join(same[:3]))
PY
}

# first_item_only FILE: cuts a day file after its first item
first_item_only() {
    python3 - "$1" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
stamps = [m.start() for m in re.finditer(r"^\*\*\[\d\d:\d\d\]\*\*", text, re.M)]
with open(sys.argv[1], "w", encoding="utf-8", newline="\n") as f:
    f.write(text[:stamps[1]] if len(stamps) > 1 else text)
PY
}

ROWS=""
# step ID LABEL: one build into OUT, measured
step() {
    snapshot "$OUT" "$STEPS/$1.before.json"
    /usr/bin/time -f "%e %U %S" -o "$STEPS/$1.time" java "-Xmx$XMX" -jar "$JAR" build --content "$CORPUS" \
        --out "$OUT" >"$STEPS/$1.out" 2>"$STEPS/$1.err" || true
    snapshot "$OUT" "$STEPS/$1.after.json"
    read -r wall user sys <"$STEPS/$1.time"
    local written total same
    written=$(sed -n 's/^  written: //p' "$STEPS/$1.out")
    total=$(sed -n 's/.* \([0-9]* files written ([0-9.]* MB)\).*/\1/p' "$STEPS/$1.out")
    same=$(same_bytes "$STEPS/$1.before.json" "$STEPS/$1.after.json")
    ROWS+="| $2 | $wall | $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.1f", u + s }') | ${total:-none} | ${written:-nothing} | $same |"$'\n'
}

rm -rf "$OUT"
java "-Xmx$XMX" -jar "$JAR" build --content "$CORPUS" --out "$OUT" >"$STEPS/full.out" 2>"$STEPS/full.err" || true
step nochange "no change"
append_items "$LAST_FILE" 20
step append20 "+20 items on the last day"
NEW_FILE=$(next_day "$LAST_BACKUP" "$CORPUS")
step newday "a new day file (a copy of the last day)"
FIRST_FILE=$(next_day "$NEW_FILE" "$CORPUS")
first_item_only "$FIRST_FILE"
step firstitem "the day after, its first item only ($(basename "$FIRST_FILE" .md))"

echo "| rebuild ($DAYS days) | wall (s) | CPU (s) | written | by part | written again with the same bytes |"
echo "|---|---:|---:|---|---|---|"
printf '%s' "$ROWS"
