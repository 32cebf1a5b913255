#!/usr/bin/env python3
"""ODT per document: VanBan against relatorio on the same document.

usage: relatorio_odt.py VANBAN_BINARY DATA.json TEMPLATE N

The relatorio template is VanBan's own .odt of DATA, with every string of the data whose
XML-escaped form appears in content.xml replaced by a relatorio text placeholder that
reads that string from the data. Loops are unrolled and the layout is done, so
relatorio does less work than VanBan: a lower bound of relatorio's cost. Before timing,
the script checks that relatorio's content.xml holds exactly VanBan's text (the ODF
packages differ in zip details, so the comparison is on content.xml's text nodes).

Prints one line: relatorio_ms vanban_ms ratio (CPU milliseconds per document, one thread).
"""
import io, json, re, subprocess, sys, tempfile, time, zipfile
from xml.sax.saxutils import escape
from relatorio.templates.opendocument import Template

binary, data_path, template, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
work = tempfile.mkdtemp()
odt = work + "/v.odt"
subprocess.run([binary, "render", template, data_path, "-f", "odt", "-o", odt], check=True, capture_output=True)
data = json.load(open(data_path, encoding="utf-8"))
z = zipfile.ZipFile(odt)
content = z.read("content.xml").decode("utf-8")

leaves = []
def walk(v, path):
    if isinstance(v, dict):
        for k, x in v.items(): walk(x, path + [k])
    elif isinstance(v, list):
        for i, x in enumerate(v): walk(x, path + [i])
    elif isinstance(v, str) and len(v) >= 4:
        leaves.append((path, v))
walk(data, [])

text = content
subs = {}
for path, s in sorted(leaves, key=lambda x: -len(x[1])):
    esc = escape(s)
    if esc in text:
        key = "\x02%d\x03" % len(subs)
        expr = "o" + "".join("[%s]" % json.dumps(p, ensure_ascii=False) for p in path)
        subs[key] = '<text:placeholder text:placeholder-type="text">' + escape("<" + expr + ">") + "</text:placeholder>"
        text = text.replace(esc, key)
for key, e in subs.items():
    text = text.replace(key, e)

tpl_path = work + "/t.odt"
with zipfile.ZipFile(tpl_path, "w") as out:
    for info in z.infolist():
        body = text.encode("utf-8") if info.filename == "content.xml" else z.read(info.filename)
        out.writestr(info, body, compress_type=zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED)

tpl = Template(source="", filepath=tpl_path)
def render():
    return tpl.generate(o=data).render().getvalue()

def texts(xml):
    return re.sub(r"<[^>]+>", "", xml.split("?>", 1)[-1]).strip()
got = zipfile.ZipFile(io.BytesIO(render())).read("content.xml").decode("utf-8")
if texts(got) != texts(content):
    sys.exit("relatorio_odt: relatorio's text differs from VanBan's; not timing")

for _ in range(5): render()
t0 = time.process_time()
for _ in range(n): render()
rel_ms = (time.process_time() - t0) * 1000 / n

bench = subprocess.run([binary, "bench", "--workloads", "render", "--formats", "odt", "--n", str(max(n * 10, 500)), "--jobs", "1"],
                       check=True, capture_output=True).stdout.decode()
vanban_ms = None
for line in bench.splitlines():
    cells = line.split()
    if len(cells) > 7 and cells[0] == "render" and cells[2] == "odt":
        vanban_ms = float(cells[7])
if vanban_ms is None:
    sys.exit("relatorio_odt: could not read the bench's odt row:\n" + bench)
print("%d substitutions; %.4f %.4f %.3f" % (len(subs), rel_ms, vanban_ms, vanban_ms / rel_ms))
