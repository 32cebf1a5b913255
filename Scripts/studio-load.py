#!/usr/bin/env python3
"""Load check of the drafting desk's live preview (not part of CI; figures go to Docs/Studio.md).

Starts vanban-studio (or uses --url), starts one giay-moi draft per clerk through the
plain HTML form (as a browser without JavaScript does), reads each draft's form fields,
then CLERKS threads post previews at once, each with its own keep-alive connection and a
meeting date that changes on every request (so no two consecutive previews are the
same), until TOTAL previews have been answered. Every answer must be 200 and hold the
letter (the national title) and the date that was sent; any other answer is an error.

Prints: the number of previews and errors, p50/p90/p99/max latency, previews per second,
the server's peak resident memory (VmHWM of /proc/PID/status; only when this script
started the server) and the load average before and after.

Usage:
  Scripts/studio-load.py --studio .build/debug/vanban-studio [--clerks 50] [--total 2000]
  Scripts/studio-load.py --url http://127.0.0.1:8080 [--pid PID]
Exit status: 0 no error; 1 at least one error; 2 a usage error.
"""

from __future__ import annotations

import argparse
import datetime
import html.parser
import http.client
import json
import os
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path
from typing import Optional

sys.dont_write_bytecode = True  # no __pycache__ in Scripts/
sys.path.insert(0, str(Path(__file__).resolve().parent))
from studio_browser_test import Studio, free_port, mentions_date  # noqa: E402


class FormReader(html.parser.HTMLParser):
    """The fields of form#draft-form as a browser would post them (no button)."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = False
        self.fields: list[tuple[str, str]] = []
        self.action = ""
        self.select: Optional[str] = None
        self.selected: Optional[str] = None
        self.first_option: Optional[str] = None
        self.textarea: Optional[str] = None
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and a.get("id") == "draft-form":
            self.inside = True
            self.action = a.get("action", "")
            return
        if not self.inside:
            return
        if tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            self.fields.append((a["name"], a.get("value", "")))
        elif tag == "select" and a.get("name"):
            self.select, self.selected, self.first_option = a["name"], None, None
        elif tag == "option" and self.select is not None:
            value = a.get("value", "")
            if self.first_option is None:
                self.first_option = value
            if "selected" in a:
                self.selected = value
        elif tag == "textarea" and a.get("name"):
            self.textarea, self.text = a["name"], ""

    def handle_data(self, data: str) -> None:
        if self.textarea is not None:
            self.text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "select" and self.select is not None:
            value = self.selected if self.selected is not None else (self.first_option or "")
            self.fields.append((self.select, value))
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            self.fields.append((self.textarea, self.text.removeprefix("\n")))
            self.textarea = None


class Client:
    """One keep-alive HTTP/1.1 connection with the studio's cookies."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.connection = http.client.HTTPConnection(host, port, timeout=60)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: Optional[bytes] = None,
                headers: Optional[dict[str, str]] = None) -> tuple[int, dict[str, str], bytes]:
        h = dict(headers or {})
        if self.cookies:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        for attempt in range(2):
            try:
                self.connection.request(method, path, body=body, headers=h)
                r = self.connection.getresponse()
                data = r.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                if attempt:
                    raise
                self.connection.close()
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        for k, v in r.getheaders():
            if k.lower() == "set-cookie":
                name, _, rest = v.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return r.status, {k.lower(): v for k, v in r.getheaders()}, data

    def follow(self, method: str, path: str, body: Optional[bytes] = None,
               headers: Optional[dict[str, str]] = None) -> tuple[str, int, bytes]:
        status, h, data = self.request(method, path, body, headers)
        while status in (301, 302, 303, 307):
            path = urllib.parse.urlsplit(h["location"]).path
            status, h, data = self.request("GET", path)
        return path, status, data


def start_draft(client: Client, template: str) -> tuple[str, list[tuple[str, str]]]:
    """Starts a draft through the template link and its start form; returns its path and fields."""
    _, status, page = client.follow("GET", "/")
    if status != 200:
        raise RuntimeError(f"GET / answered {status}")
    text = page.decode()
    marker = f'data-template="{template}"'
    i = text.find(marker)
    if i < 0:
        raise RuntimeError(f"no template link for {template}")
    tag = text[text.rfind("<a", 0, i): text.find(">", i)]
    href = tag.split('href="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    path, status, page = client.follow("GET", href)
    if "/drafts/" not in path:
        # A page with a form that starts the draft by a POST.
        start = StartForm()
        start.feed(page.decode())
        body = urllib.parse.urlencode(start.fields).encode()
        path, status, page = client.follow("POST", start.action or path, body,
                                           {"Content-Type": "application/x-www-form-urlencoded"})
    if status != 200 or "/drafts/" not in path:
        raise RuntimeError(f"starting a draft ended on {path} with {status}")
    form = FormReader()
    form.feed(page.decode())
    return path, form.fields


class StartForm(html.parser.HTMLParser):
    """form#new-draft (the form that starts a draft from the example) and its hidden fields."""

    def __init__(self) -> None:
        super().__init__()
        self.action = ""
        self.fields: list[tuple[str, str]] = []
        self.state = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and self.state == 0 and a.get("id") == "new-draft":
            self.state, self.action = 1, a.get("action", "")
        elif self.state == 1 and tag == "input" and a.get("type") == "hidden" and a.get("name"):
            self.fields.append((a["name"], a.get("value", "")))
        elif self.state == 1 and tag == "button" and a.get("name") and not any(n == a["name"] for n, _ in self.fields):
            self.fields.append((a["name"], a.get("value", "")))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self.state == 1:
            self.state = 2


def percentile(sorted_values: list[float], p: float) -> float:
    if not sorted_values:
        return float("nan")
    k = max(0, min(len(sorted_values) - 1, int(round(p / 100 * len(sorted_values) + 0.5)) - 1))
    return sorted_values[k]


def vm(pid: int, key: str) -> Optional[int]:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--studio", help="the vanban-studio binary (started here with a temporary data folder)")
    p.add_argument("--url", help="an already running studio, e.g. http://127.0.0.1:8080")
    p.add_argument("--pid", type=int, help="with --url: the server's process id, for its peak memory")
    p.add_argument("--clerks", type=int, default=50)
    p.add_argument("--total", type=int, default=2000)
    p.add_argument("--route", default="{draft}/preview", help="the preview route; {draft} is the draft's path")
    p.add_argument("--template", default="giay-moi")
    args = p.parse_args(argv)
    if bool(args.studio) == bool(args.url):
        p.error("give --studio or --url")
    studio: Optional[Studio] = None
    pid = args.pid
    if args.studio:
        scratch = Path(tempfile.mkdtemp(prefix="studio-load-"))
        studio = Studio(os.path.abspath(args.studio), scratch / "data", free_port(), [], scratch / "studio.log")
        studio.start()
        pid = studio.pid
        base = urllib.parse.urlsplit(studio.base)
    else:
        base = urllib.parse.urlsplit(args.url)
    host, port = base.hostname or "127.0.0.1", base.port or 80
    load_before = os.getloadavg()
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    remaining = [args.total]
    rss_peak_sampled = [0]

    def clerk(n: int, ready: threading.Barrier) -> None:
        client = Client(host, port)
        try:
            draft, fields = start_draft(client, args.template)
        except Exception as e:  # noqa: BLE001 - counted as an error
            with lock:
                errors.append(f"clerk {n}: {e}")
            ready.wait()
            return
        route = args.route.replace("{draft}", draft)
        ready.wait()
        i = 0
        while True:
            with lock:
                if remaining[0] <= 0:
                    return
                remaining[0] -= 1
            i += 1
            day = datetime.date(2022, 12, 1) + datetime.timedelta(days=(n * 7 + i) % 28)
            sent = [(k, day.isoformat() if k == "$.meeting.date" else v) for k, v in fields]
            body = urllib.parse.urlencode(sent).encode()
            t = time.perf_counter()
            try:
                status, headers, data = client.request("POST", route, body, {"Content-Type": "application/x-www-form-urlencoded",
                                                                         "Accept": "application/json"})
                elapsed = time.perf_counter() - t
                text = data.decode("utf-8", "replace")
                if status == 200 and headers.get("content-type", "").startswith("application/json"):
                    text = json.loads(text).get("html", "")  # what the page's script puts in the preview
                problem = None
                if status != 200:
                    problem = f"status {status}: {text[:200]}"
                elif "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in text or not mentions_date(text, day.isoformat()):
                    problem = f"the preview lacks the national title or the date {day.isoformat()}"
            except Exception as e:  # noqa: BLE001 - counted as an error
                elapsed, problem = time.perf_counter() - t, f"{type(e).__name__}: {e}"
            with lock:
                latencies.append(elapsed)
                if problem:
                    errors.append(f"clerk {n}: {problem}")

    def sampler(stop: threading.Event) -> None:
        while not stop.is_set() and pid:
            rss = vm(pid, "VmRSS") or 0
            rss_peak_sampled[0] = max(rss_peak_sampled[0], rss)
            stop.wait(0.05)

    ready = threading.Barrier(args.clerks + 1)
    threads = [threading.Thread(target=clerk, args=(n, ready), daemon=True) for n in range(args.clerks)]
    stop = threading.Event()
    sampling = threading.Thread(target=sampler, args=(stop,), daemon=True)
    try:
        for t in threads:
            t.start()
        ready.wait()
        sampling.start()
        started = time.perf_counter()
        for t in threads:
            t.join()
        wall = time.perf_counter() - started
        stop.set()
        sampling.join()
        hwm = vm(pid, "VmHWM") if pid else None
    finally:
        if studio:
            studio.stop()
    load_after = os.getloadavg()
    s = sorted(latencies)
    print(f"previews: {len(latencies)} by {args.clerks} clerks at once; errors: {len(errors)}")
    for e in errors[:10]:
        print(f"  error: {e}")
    if s:
        print(f"latency: p50 {percentile(s, 50) * 1000:.1f} ms, p90 {percentile(s, 90) * 1000:.1f} ms, "
              f"p99 {percentile(s, 99) * 1000:.1f} ms, max {s[-1] * 1000:.1f} ms, mean {statistics.mean(s) * 1000:.1f} ms")
        print(f"throughput: {len(s) / wall:.1f} previews/s over {wall:.1f} s")
    if hwm:
        print(f"server peak RSS (VmHWM): {hwm / 1024:.1f} MiB; highest VmRSS sampled during the load: {rss_peak_sampled[0] / 1024:.1f} MiB")
    print(f"load average before: {' '.join(f'{x:.2f}' for x in load_before)}; after: {' '.join(f'{x:.2f}' for x in load_after)}; "
          f"{os.cpu_count()} CPUs")
    return 1 if errors or len(latencies) != args.total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
