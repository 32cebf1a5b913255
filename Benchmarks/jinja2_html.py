#!/usr/bin/env python3
"""HTML per document: VanBan against Jinja2 on the same page.

usage: jinja2_html.py VANBAN_BINARY DATA.json TEMPLATE N

The Jinja2 template is derived from VanBan's own HTML output of DATA: every string of
the data whose escaped form appears in the page becomes a Jinja2 expression reading
that string from the data (autoescaped), the rest is literal text. Loops are unrolled
and VanBan's formatting (dates, numbering, layout) is already done, so Jinja2 does
less work than VanBan: the comparison is a lower bound of Jinja2's cost. The script
checks that Jinja2's output is byte-identical to VanBan's before timing anything.

Prints one line: jinja2_ms vanban_ms ratio (CPU milliseconds per document, one thread).
"""
import json, subprocess, sys, time
import jinja2, markupsafe

binary, data_path, template, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
html = subprocess.run([binary, "render", template, data_path, "-f", "html"], check=True, capture_output=True).stdout.decode("utf-8")
data = json.load(open(data_path, encoding="utf-8"))

leaves = []
def walk(v, path):
    if isinstance(v, dict):
        for k, x in v.items(): walk(x, path + [k])
    elif isinstance(v, list):
        for i, x in enumerate(v): walk(x, path + [i])
    elif isinstance(v, str) and len(v) >= 4:
        leaves.append((path, v))
walk(data, [])

# Replace the longest strings first; each occurrence becomes a marker, then an expression.
START, END = "\x01{", "}\x01"
text = html
exprs = {}
for path, s in sorted(leaves, key=lambda x: -len(x[1])):
    esc = str(markupsafe.escape(s))
    if esc in text:
        key = "\x02%d\x03" % len(exprs)
        exprs[key] = START + " d" + "".join("[%s]" % json.dumps(p, ensure_ascii=False) for p in path) + " " + END
        text = text.replace(esc, key)
for key, e in exprs.items():
    text = text.replace(key, e)

env = jinja2.Environment(autoescape=True, variable_start_string=START, variable_end_string=END,
                         block_start_string="\x01%", block_end_string="%\x01", comment_start_string="\x01#", comment_end_string="#\x01",
                         keep_trailing_newline=True)
tpl = env.from_string(text)
out = tpl.render(d=data)
if out != html:
    sys.exit("jinja2_html: the Jinja2 output differs from VanBan's; not timing")

for _ in range(50): tpl.render(d=data)
t0 = time.process_time()
for _ in range(n): tpl.render(d=data)
jinja_ms = (time.process_time() - t0) * 1000 / n

bench = subprocess.run([binary, "bench", "--workloads", "render", "--formats", "html", "--n", str(n), "--jobs", "1"],
                       check=True, capture_output=True).stdout.decode()
vanban_ms = None
for line in bench.splitlines():
    cells = line.split()
    if len(cells) > 7 and cells[0] == "render" and cells[2] == "html":
        vanban_ms = float(cells[7])
if vanban_ms is None:
    sys.exit("jinja2_html: could not read the bench's html row:\n" + bench)
print("%d substitutions; %.4f %.4f %.2f" % (len(exprs), jinja_ms, vanban_ms, vanban_ms / jinja_ms))
