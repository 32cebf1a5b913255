#!/bin/bash
# Replays issue 21's hostile cases (all but the batch-integrity ones) against a vanban
# binary and prints one line per case: exit status (or the signal that killed it), wall
# seconds, peak RSS (VmHWM, from /usr/bin/time -v) and the first line of stderr.
#   Scripts/robustness-cases.sh BIN [CASE…]     (default: every case; SIZE=small for a quick run)
# Used for Docs/Robustness.md: run once against the binary before the limits (the
# bounds merge's parent) and once against the current one. Each case has TIMEOUT seconds
# (default 60): "timeout" means it had not finished.
# Needs /usr/bin/time (GNU time). Works in a scratch folder under ${TMPDIR:-/tmp}.
set -u
BIN=$(realpath "$1"); shift
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TIMEOUT=${TIMEOUT:-60}
W=$(mktemp -d "${TMPDIR:-/tmp}/vanban-robustness.XXXXXX")
trap 'rm -rf "$W"' EXIT
cd "$W"
VALID=$ROOT/Fixtures/errors/data/valid.json
# The shipped templates, wherever BIN was built.
export VANBAN_TEMPLATES=$ROOT/Templates

# run NAME [--stdout FILE] [--stderr FILE] -- ARGS…: runs BIN ARGS… and prints the line.
run() {
    local name=$1; shift
    local out=/dev/null err=$W/stderr
    while [ "$1" != "--" ]; do
        case $1 in --stdout) out=$2 ;; --stderr) err=$2 ;; esac
        shift 2
    done
    shift
    : > "$W/stderr"
    timeout -s KILL "$TIMEOUT" /usr/bin/time -v -o "$W/time" "$BIN" "$@" > "$out" 2> "$err"
    local rc=$?
    local status=$rc
    if [ $rc -eq 137 ] && ! grep -q "Exit status" "$W/time" 2>/dev/null; then status="timeout(${TIMEOUT}s)"
    elif grep -q "Command terminated by signal" "$W/time" 2>/dev/null; then
        status="signal $(sed -n 's/.*Command terminated by signal \([0-9]*\).*/\1/p' "$W/time")"
    fi
    local secs rss
    secs=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$W/time" 2>/dev/null)
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$W/time" 2>/dev/null)
    [ -n "$rss" ] && rss="$((rss / 1024)) MB"
    local msg
    msg=$(grep -v '^\s*$' "$W/stderr" 2>/dev/null | head -1 | cut -c1-200)
    printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$status" "${secs:--}" "${rss:--}" "$msg"
}

want() { [ ${#CASES[@]} -eq 0 ] && return 0; local c; for c in "${CASES[@]}"; do [ "$c" = "$1" ] && return 0; done; return 1; }
CASES=("$@")
echo '{}' > empty.json

# --- Crashes ---------------------------------------------------------------------------
if want include-chain; then
    mkdir -p inc && cd inc
    echo '<template title="T"><body><include src="p0.xml"/></body></template>' > t.xml
    for i in $(seq 0 4999); do echo "<part><include src=\"p$((i + 1)).xml\"/></part>" > p$i.xml; done
    echo '<part><p>end</p></part>' > p5000.xml
    cd ..; run include-chain-5000 -- render inc/t.xml empty.json -o out.txt
fi
if want attach-chain; then
    mkdir -p att && cd att
    for i in $(seq 0 4999); do echo "<template title=\"A\"><body><attach template=\"a$((i + 1))\" data=\"x\"/></body></template>" > a$i.xml; done
    echo '<template title="A"><body><p>end</p></body></template>' > a5000.xml
    cd ..; run attach-chain-5000 -- render att/a0.xml empty.json --templates att -o out.txt
fi
if want nested-lists; then
    mkdir -p nl && cd nl
    echo '<template title="T"><body><include src="p0.xml"/></body></template>' > t.xml
    for i in $(seq 0 4999); do echo "<part><list><item>x<include src=\"p$((i + 1)).xml\"/></item></list></part>" > p$i.xml; done
    echo '<part><p>end</p></part>' > p5000.xml
    cd ..; VANBAN_MAX_INCLUDE_DEPTH=10000 run nested-lists-5000 -- render nl/t.xml empty.json -o out.txt
fi
if want expressions; then
    mkdir -p ex
    python3 - <<'EOF'
n = 10000
cases = {
    "parens": "<p>{{ " + "(" * n + "x" + ")" * n + " }}</p>",
    "not": '<p if="' + "not " * n + 'x">x</p>',
    "and": '<p if="x' + " and x" * n + '">x</p>',
    "filters": "<p>{{ x" + " | upper" * n + " }}</p>",
    "arguments": "<p>{{ " + "x | default(" * n + "x" + ")" * n + " }}</p>",
}
for k, body in cases.items():
    open(f"ex/{k}.xml", "w").write('<template title="T"><body>' + body + "</body></template>")
EOF
    echo '{"x": "a"}' > ex/data.json
    for k in parens not and filters arguments; do run "expression-$k-10000" -- render ex/$k.xml ex/data.json -o out.txt; done
fi
if want huge-template; then
    mkdir -p big && printf '<template title="T">' > big/t.xml && truncate -s 2200000000 big/t.xml
    run template-2.2GB-sparse -- render big/t.xml empty.json -o out.txt
    rm -f big/t.xml
fi
if want fan-out; then
    mkdir -p fan && cd fan
    for k in 0 1 2 3; do echo "<template title=\"A\"><body><attach each=\"x in xs\" template=\"a$((k + 1))\" data=\"n\"/></body></template>" > a$k.xml; done
    echo '<template title="A"><body><p>leaf</p></body></template>' > a4.xml
    python3 -c '
import json
lv = {"date": "2024-01-02", "issuer": {"name": "X"}}
for _ in range(4): lv = {"date": "2024-01-02", "issuer": {"name": "X"}, "xs": list(range(100)), "n": lv}
json.dump(lv, open("data.json", "w"))'
    cd ..; run attach-fan-out-100^4 -- render fan/a0.xml fan/data.json --templates fan -o out.txt
fi

# --- Hangs and blow-ups ----------------------------------------------------------------
if want exponential-includes; then
    mkdir -p exp && cd exp
    echo '<template title="T"><body><include src="p0.xml"/></body></template>' > t.xml
    for i in $(seq 0 29); do echo "<part><group><include src=\"p$((i + 1)).xml\"/><include src=\"p$((i + 1)).xml\"/></group></part>" > p$i.xml; done
    echo '<part><p>x</p></part>' > p30.xml
    cd ..; run exponential-includes-2^30 -- render exp/t.xml empty.json -o out.txt
fi
if want loops; then
    mkdir -p loop
    echo '<template title="T"><body><p each="a in xs"><group each="b in xs"><group each="c in xs">x</group></group></p></body></template>' > loop/t.xml
    python3 -c 'import json; json.dump({"xs": list(range(1000))}, open("loop/data.json", "w"))'
    run loops-1000^3 -- render loop/t.xml loop/data.json -o out.txt
fi
if want interpolations; then
    mkdir -p interp
    python3 -c 'open("interp/t.xml", "w").write("<template title=\"T\"><body><p>" + "{{ x }} " * 100000 + "</p></body></template>")'
    echo '{"x": "a"}' > interp/data.json
    run interpolations-100000-one-paragraph -- render interp/t.xml interp/data.json -o out.txt
    python3 -c 'open("interp/pb.xml", "w").write("<template title=\"T\"><body>" + "<page-break/>" * 100000 + "</body></template>")'
    run page-breaks-100000-one-line -- render interp/pb.xml empty.json -o out.txt
fi
if want inline-details; then
    # A plan (ke-hoach) whose N items each carry two inline details: 4× the items should be 4× the time.
    for n in 2000 8000; do
        python3 - "$n" "$ROOT" <<'EOF'
import json, sys
n, root = int(sys.argv[1]), sys.argv[2]
d = json.load(open(f"{root}/Fixtures/seed-binh-dinh-2019/ke-hoach.json"))
d["sections"] = [{"title": "Tiến độ", "items": [{"text": f"Việc số {k}", "by": "Văn phòng",
                  "details": [f"Chi tiết {k} thứ nhất.", f"Chi tiết {k} thứ hai."]} for k in range(n)]}]
json.dump(d, open(f"plan-{n}.json", "w"), ensure_ascii=False)
EOF
        run "plan-inline-details-$n-items" -- render ke-hoach "plan-$n.json" -f text -o out.txt
    done
fi
if want huge-list; then
    mkdir -p list
    echo '<template title="T"><body><list><item each="x in xs">{{ x }}</item></list></body></template>' > list/t.xml
    echo '<template title="T"><body><p each="x in xs">{{ x }}</p></body></template>' > list/loop.xml
    python3 -c '
import json
json.dump({"xs": [f"mục {k}" for k in range(2000000)]}, open("list/2m.json", "w"), ensure_ascii=False)
json.dump({"xs": [f"mục {k}" for k in range(1000000)]}, open("list/1m.json", "w"), ensure_ascii=False)
json.dump({"xs": [f"mục {k}" for k in range(999990)]}, open("list/999990.json", "w"), ensure_ascii=False)'
    run list-2M-items-fodt -- render list/t.xml list/2m.json -f fodt -o out.fodt
    run loop-1M-items-text -- render list/loop.xml list/1m.json -f text -o out.txt
    run loop-999990-items-text -- render list/loop.xml list/999990.json -f text -o out.txt
    [ -f out.txt ] && echo "  (output: $(stat -c %s out.txt) bytes)"
    run loop-999990-items-fodt -- render list/loop.xml list/999990.json -f fodt -o out.fodt
    [ -f out.fodt ] && echo "  (output: $(stat -c %s out.fodt) bytes)"
    VANBAN_MAX_NODES=3000000 run list-2M-items-fodt-raised -- render list/t.xml list/2m.json -f fodt -o out2.fodt
    [ -f out2.fodt ] && echo "  (output: $(stat -c %s out2.fodt) bytes)"
    rm -f out.fodt out2.fodt out.txt
fi
if want sparse-include; then
    mkdir -p si
    echo '<template title="T"><body><include src="big.xml"/></body></template>' > si/t.xml
    printf '<part>' > si/big.xml && truncate -s 1073741824 si/big.xml
    run include-1GB-sparse -- render si/t.xml empty.json -o out.txt
    rm -f si/big.xml
fi

# --- Output to things that are not files; bad output ------------------------------------
if want output; then
    # Private copies of /dev/null and /dev/full (mknod needs root): a binary from before the
    # fix renames a regular file over its --output, and run as root over /dev/null itself
    # it replaces the system's /dev/null. Never point an old binary at the real ones.
    FULL=/dev/full
    if mknod -m 666 null c 1 3 2>/dev/null && mknod -m 666 full c 1 7 2>/dev/null && mknod -m 666 stdfull c 1 7 2>/dev/null; then
        FULL=$W/stdfull # for redirections only: -o full may replace full
        run output-dev-null -- render giay-moi "$VALID" -o null
        echo "  (the null device is now: $(stat -c %F null))"
        run output-dev-full -- render giay-moi "$VALID" -o full
        echo "  (the full device is now: $(stat -c %F full))"
    else
        echo "output-dev-null/full: skipped (mknod needs root)"
    fi
    mkfifo fifo; (timeout 10 cat fifo > fifo.out &) ; run output-fifo -- render giay-moi "$VALID" -o fifo
    sleep 1; echo "  (fifo is now: $(stat -c %F fifo); $(wc -c < fifo.out) bytes read through it)"
    run render-stdout-full --stdout "$FULL" -- render giay-moi "$VALID"
    run schema-stdout-full --stdout "$FULL" -- schema giay-moi
    run render-stderr-full --stderr "$FULL" -- render giay-moi "$ROOT/Fixtures/errors/data/inconsistent.json"
    run check-stdout-full --stdout "$FULL" -- check giay-moi "$ROOT/Fixtures/errors/data/inconsistent.json"
    run example-stdout-full --stdout "$FULL" -- example giay-moi
    run templates-stdout-full --stdout "$FULL" -- templates
    run help-stdout-full --stdout "$FULL" -- --help
    run version-stdout-full --stdout "$FULL" -- --version
    run help-render-stdout-full --stdout "$FULL" -- help render
    run usage-error-stderr-full --stderr "$FULL" -- render
    run usage-error -- render
    printf 'old' > private.txt && chmod 600 private.txt
    run output-over-0600-file -- render giay-moi "$VALID" -o private.txt
    echo "  (private.txt is now mode $(stat -c %a private.txt))"
fi

# --- Bad manifests -----------------------------------------------------------------------
if want manifests; then
    for v in 9223372036854775000 -5 1e10; do
        rm -rf m && mkdir m
        for k in 1 2; do "$BIN" batch giay-moi "$ROOT/Fixtures/seed-binh-duong-2022/giay-moi.json" \
            --recipients "$ROOT/Fixtures/seed-binh-duong-2022/members.csv" -f text --out m --shard $k/2 > /dev/null 2>&1; done
        for k in 1 2; do sed -i -E "s/\"records\" *: *[0-9]+/\"records\": $v/" m/manifest-$k-of-2.json; done
        run "manifest-records-$v" -- batch-merge-manifests m
    done
fi

# --- Smaller -----------------------------------------------------------------------------
if want smaller; then
    printf '\xff\xfe\x00\x00{\x00\x00\x00}\x00\x00\x00' > utf32.json
    run utf32-data -- check giay-moi utf32.json
    sed 's/"name": "Lai Xuân Thành"/"name": "\xe2\x80\xaeLai Xuân Thành"/' "$VALID" > rlo.json
    run rlo-in-signer-check --stdout rlo.out -- check giay-moi rlo.json
    echo "  (check says: $(grep -m1 -i 'U+202E\|bidi' rlo.out | cut -c1-160))"
    sed -E 's/"number": [0-9]+/"number": 18446744073709551621/' "$VALID" > bignum.json
    run number-beyond-64-bits-check --stdout big.out -- check giay-moi bignum.json
    echo "  (check says: $(grep -m1 'too large' big.out | cut -c1-160))"
    run number-beyond-64-bits-render -- render giay-moi bignum.json
fi
