# Corpus edits of the rebuild steps, sourced by bench/run.sh, bench/rebuild-writes.sh,
# bench/watch-latency.sh and bench/rebuild-jvm.sh: the feed growing the open day, and the feed
# starting a new day; and the setup the last three share.

# jar_and_corpus JAR STEPS CORPUS DAYS: copies JAR (built if missing) to STEPS/telegraph.jar, so
# that a concurrent `mvn package` cannot change what is measured, and generates CORPUS if missing.
jar_and_corpus() {
    [ -f "$1" ] || mvn -q -o package -DskipTests
    mkdir -p "$2"
    cp "$1" "$2/telegraph.jar"
    if [ ! -d "$3" ]; then
        python3 ../shared/tools/gen-corpus.py --days "$4" --out "$3" >/dev/null
    fi
}

# rebuild_bench NAME: the settings of a bench of rebuilds, from the environment: DAYS (365), WORK
# (BENCH_WORK, /tmp/telegraph-bench), CORPUS (BENCH_CORPUS, WORK/corpus-DAYS), XMX (BENCH_XMX, 1g),
# ROUNDS (3); its folders STEPS (WORK/NAME-DAYS) and OUT (WORK/out-NAME-DAYS); then the jar
# (BENCH_JAR, target/telegraph.jar) copied to JAR, and the corpus's last day file, LAST_FILE,
# copied to LAST_BACKUP for the caller to restore.
rebuild_bench() {
    DAYS=${DAYS:-365}
    WORK=${BENCH_WORK:-/tmp/telegraph-bench}
    CORPUS=${BENCH_CORPUS:-$WORK/corpus-$DAYS}
    XMX=${BENCH_XMX:-1g}
    ROUNDS=${ROUNDS:-3}
    STEPS=$WORK/$1-$DAYS
    OUT=$WORK/out-$1-$DAYS
    jar_and_corpus "${BENCH_JAR:-target/telegraph.jar}" "$STEPS" "$CORPUS" "$DAYS"
    JAR=$STEPS/telegraph.jar
    LAST_FILE=$(find "$CORPUS" -name '*.md' -type f | sort | tail -n 1)
    LAST_BACKUP=$STEPS/last-day.backup
    cp -p "$LAST_FILE" "$LAST_BACKUP"
}

# append_items FILE COUNT [ROUND]: COUNT new items after the file's last item (same minute at the
# latest, capped at 05:29, the end of the window), in the file's own `**[HH:MM]** text` layout;
# ROUND goes into their titles, so that a second round's items are new items, not re-posts of the
# first round's (same title).
append_items() {
    python3 - "$1" "$2" "${3:-}" <<'PY'
import datetime as dt, re, sys
path, count, tag = sys.argv[1], int(sys.argv[2]), sys.argv[3]
text = open(path, encoding="utf-8").read()
day = dt.date.fromisoformat(re.search(r"^# .* - (\d{4}-\d\d-\d\d)\s*$", text, re.M).group(1))
h, m = map(int, re.findall(r"^\*\*\[(\d\d):(\d\d)\]\*\*", text, re.M)[-1])
last = (h * 60 + m - 330) % 1440                      # minutes after 05:30
lines = []
for i in range(1, count + 1):
    off = min(last + i, 1439)
    clock = (off + 330) % 1440
    date = day + dt.timedelta(days=1) if off >= 1440 - 330 else day
    lines.append(f"**[{clock // 60:02d}:{clock % 60:02d}]** 【基准测试{tag}追加快讯第{i}条】"
                 f"财联社{date.month}月{date.day}日电，基准测试在当日文件末尾追加的第{i}条电报："
                 f"某公司公告，预计年度净利润同比增长{10 + i}%，主要系芯片业务订单增加所致。")
if not text.endswith("\n\n"):
    text = text.rstrip("\n") + "\n\n"
with open(path, "w", encoding="utf-8", newline="\n") as f:
    f.write(text + "".join(line + "\n\n" for line in lines))
PY
}

# next_day SOURCE CORPUS: writes the next date's file (SOURCE with heading and window line
# changed) and prints its path.
next_day() {
    python3 - "$1" "$2" <<'PY'
import datetime as dt, os, re, sys
src, corpus = sys.argv[1], sys.argv[2]
text = open(src, encoding="utf-8").read()
old = re.search(r"^# .* - (\d{4}-\d\d-\d\d)\s*$", text, re.M).group(1)
new = (dt.date.fromisoformat(old) + dt.timedelta(days=1)).isoformat()
text = re.sub(r"^(# .* - )" + old, lambda m: m.group(1) + new, text, count=1, flags=re.M)
text = re.sub(r"^(> 统计周期：)" + old, lambda m: m.group(1) + new, text, count=1, flags=re.M)
path = os.path.join(corpus, new[:4], new[5:7], new + ".md")
if os.path.exists(path):
    sys.exit(f"{path} already exists")
os.makedirs(os.path.dirname(path), exist_ok=True)
with open(path, "w", encoding="utf-8", newline="\n") as f:
    f.write(text)
print(path)
PY
}
