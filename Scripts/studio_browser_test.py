#!/usr/bin/env python3
"""The drafting desk (vanban-studio) driven by a real browser: headless Chromium and Selenium.

The script owns the server process: it starts it on a free port with a data folder, waits
on /healthz, and stops and starts it again half way (drafts must survive a restart).

Steps (each printed as it runs; the first failure stops the run with exit status 1, a
screenshot and the page's HTML in --artifacts):
  1. open the studio; the template list has giay-moi; start a draft from it; the page
     loads nothing from outside the studio;
  2. change the meeting date with the date picker (typed as a clerk types); the live
     preview shows the new date and a warning appears next to the date field;
  3. save; restart the server; the draft is listed (status nháp) and still holds the date;
  4. issue it: a number comes from the register, the status becomes đã ban hành, the
     download links are there; the .odt is downloaded, unzipped and every XML part is
     validated with jing against the ODF 1.3 schemas (../shared/odf);
  5. batch: upload the seed members CSV (23 rows), see the rows, run with the progress
     bar, download the zip: 23 documents per format, the merged file per format and the
     manifest, whose sizes and SHA-256 sums match the files;
  6. the same form flow with JavaScript disabled: starting a draft, changing the date,
     adding a row to a list and saving are plain HTML posts and still work;
  7. the server restarted with --password-file: the browser is sent to the login page, a
     wrong password is refused, the right one lets in; the session cookie is HttpOnly and
     SameSite=Strict; posts without the right CSRF token are refused (403); a path in a
     URL parameter reaches no file (a 4xx answer).

Usage:
  Scripts/studio_browser_test.py --studio .build/debug/vanban-studio [--data DIR]
      [--port N] [--pid-file FILE] [--artifacts DIR] [-- EXTRA SERVER ARGUMENTS]

Exit status: 0 every step passed; 1 a step failed; 2 a usage error or a missing tool.
"""

from __future__ import annotations

import argparse
import hashlib
import http.cookiejar
import io
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from pathlib import Path
from typing import Callable, Optional, TypeVar

REPO = Path(__file__).resolve().parent.parent
T = TypeVar("T")


class StepFailed(Exception):
    """A check of the browser test did not hold."""


def fail(message: str) -> None:
    raise StepFailed(message)


def check(condition: object, message: str) -> None:
    if not condition:
        fail(message)


def say(message: str) -> None:
    print(message, flush=True)


# MARK: - The server


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Studio:
    """One vanban-studio process on 127.0.0.1:port with a data folder; can be restarted."""

    def __init__(self, binary: str, data: Path, port: int, extra: list[str], log: Path,
                 pid_file: Optional[Path] = None) -> None:
        self.binary = binary
        self.data = data
        self.port = port
        self.extra = extra
        self.log = log
        self.pid_file = pid_file
        self.process: Optional[subprocess.Popen[bytes]] = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def command(self) -> list[str]:
        return [self.binary, "--host", "127.0.0.1", "--port", str(self.port), "--data", str(self.data), *self.extra]

    def start(self, timeout: float = 90) -> None:
        self.data.mkdir(parents=True, exist_ok=True)
        with open(self.log, "ab") as log:
            log.write(f"\n$ {' '.join(self.command())}\n".encode())
            log.flush()
            self.process = subprocess.Popen(self.command(), cwd=REPO, stdout=log, stderr=subprocess.STDOUT,
                                            stdin=subprocess.DEVNULL, start_new_session=True)
        if self.pid_file:
            self.pid_file.write_text(f"{self.process.pid}\n")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                fail(f"the studio exited with status {self.process.returncode} before answering /healthz:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2) as r:
                    body = r.read().decode("utf-8", "replace").strip()
                    if r.status == 200 and body == "ok":
                        return
            except (urllib.error.URLError, ConnectionError, socket.timeout, OSError):
                pass
            time.sleep(0.2)
        fail(f"/healthz did not answer 200 \"ok\" within {timeout:.0f} s:\n{self.log_tail()}")

    def stop(self) -> None:
        p = self.process
        if p is None:
            return
        self.process = None
        if p.poll() is None:
            p.send_signal(signal.SIGTERM)
            try:
                p.wait(timeout=15)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait(timeout=15)
        if self.pid_file and self.pid_file.exists():
            self.pid_file.unlink()

    @property
    def pid(self) -> int:
        check(self.process is not None, "the studio is not running")
        assert self.process is not None
        return self.process.pid

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


# MARK: - The browser


def find_tool(explicit: Optional[str], *names: str) -> Optional[str]:
    if explicit:
        return explicit
    for n in names:
        p = shutil.which(n)
        if p:
            return p
    return None


def make_driver(chromium: str, chromedriver: str, javascript: bool = True, size: tuple[int, int] = (1280, 900),
                downloads: Optional[Path] = None):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for a in ["--headless=new", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
              "--no-default-browser-check", "--lang=en-US", f"--window-size={size[0]},{size[1]}",
              "--hide-scrollbars", "--force-device-scale-factor=1"]:
        options.add_argument(a)
    if os.geteuid() == 0:
        options.add_argument("--no-sandbox")  # Chromium refuses to run as root with its sandbox
    prefs: dict[str, object] = {"intl.accept_languages": "en-US"}
    if not javascript:
        options.add_argument("--disable-javascript")
        prefs["profile.managed_default_content_settings.javascript"] = 2
    if downloads:
        prefs["download.default_directory"] = str(downloads)
    options.add_experimental_option("prefs", prefs)
    # The driver is given: Selenium Manager must not try to fetch one.
    return webdriver.Chrome(service=Service(chromedriver), options=options)


def wait_until(what: str, condition: Callable[[], Optional[T]], timeout: float = 60, interval: float = 0.2) -> T:
    """Polls `condition` until it returns a truthy value; fails naming `what` otherwise."""
    from selenium.common.exceptions import StaleElementReferenceException, NoSuchElementException

    deadline = time.monotonic() + timeout
    last_error: Optional[BaseException] = None
    while True:
        try:
            value = condition()
            if value:
                return value
        except (StaleElementReferenceException, NoSuchElementException) as e:
            last_error = e
        if time.monotonic() > deadline:
            fail(f"timed out after {timeout:.0f} s waiting for {what}" + (f" ({type(last_error).__name__})" if last_error else ""))
        time.sleep(interval)


def css(driver, selector: str):
    from selenium.webdriver.common.by import By
    return driver.find_elements(By.CSS_SELECTOR, selector)


def one(driver, selector: str, what: str = ""):
    found = css(driver, selector)
    where = getattr(driver, "current_url", None) or "the element"
    check(found, f"no element matches {selector!r}{' (' + what + ')' if what else ''} on {where}")
    return found[0]


def attr_selector(name: str, value: str) -> str:
    return f'[{name}="{value}"]'


def field_input(driver, path: str):
    return one(driver, f'#draft-form {attr_selector("name", path)}', f"the input of {path}")


def field_problems(driver, path: str) -> list[tuple[str, str]]:
    """(class, text) of each problem shown next to the field whose JSON path is `path`."""
    items = css(driver, f'div.field{attr_selector("data-path", path)} ul.field-problems li.problem')
    return [(li.get_attribute("class") or "", li.text.strip()) for li in items]


def date_warnings(driver) -> set[tuple[str, str]]:
    """(path, text) of the warnings shown next to the meeting date and the document date."""
    return {(p, " ".join(t.split())) for p in ("$.meeting.date", "$.date")
            for (c, t) in field_problems(driver, p) if "warning" in c.split()}


def preview_text(driver) -> str:
    """The text of the live preview: iframe#preview (srcdoc) or div#preview."""
    from selenium.webdriver.common.by import By

    frames = driver.find_elements(By.CSS_SELECTOR, "iframe#preview")
    if frames:
        driver.switch_to.frame(frames[0])
        try:
            return driver.find_element(By.TAG_NAME, "body").text
        finally:
            driver.switch_to.default_content()
    return one(driver, "div#preview", "the preview").text


def mentions_date(text: str, iso: str) -> bool:
    """Whether `text` writes the date `iso` as a letter does ("ngày 20 tháng 12 năm 2022", "20/12/2022")."""
    y, m, d = iso.split("-")
    text = " ".join(text.split())
    return f"{d}/{m}/{y}" in text or re.search(rf"ngày 0?{int(d)} tháng 0?{int(m)} năm {y}", text) is not None


def draft_id(driver) -> int:
    m = re.search(r"/drafts/(\d+)", driver.current_url)
    check(m, f"the page is not a draft (/drafts/ID): {driver.current_url}")
    assert m
    return int(m.group(1))


def submit_button(driver, selector: str) -> None:
    """Clicks a submit button and waits for the next page to load."""
    button = one(driver, selector)
    old = one(driver, "html")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", button)
    button.click()
    from selenium.common.exceptions import StaleElementReferenceException

    def reloaded() -> bool:
        try:
            old.tag_name
            return False
        except StaleElementReferenceException:
            return driver.execute_script("return document.readyState") == "complete"
    wait_until(f"the page after clicking {selector}", reloaded)


def type_date(driver, element, iso: str) -> None:
    """Types a date into an <input type=date> as a clerk does (en-US picker: mm/dd/yyyy)."""
    y, m, d = iso.split("-")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
    element.clear()
    element.send_keys(f"{m}/{d}/{y}")
    value = element.get_attribute("value")
    check(value == iso, f"typing {m}/{d}/{y} into the date picker gave {value!r}, not {iso}")


def start_draft(driver, base: str, template: str) -> int:
    """From the list of templates, starts a draft of `template`; returns its id."""
    driver.get(base + "/")
    link = one(driver, f'a.template-link{attr_selector("data-template", template)}', f"the link to start a {template}")
    link.click()
    wait_until("a page after the template link", lambda: urllib.parse.urlsplit(driver.current_url).path != "/"
               and driver.execute_script("return document.readyState") == "complete")
    if not re.search(r"/drafts/\d+", driver.current_url):
        # The link leads to a page that starts the draft with a POST (from the example).
        check(css(driver, "form#new-draft button#start-draft"),
              f"the template link led to {driver.current_url}, which neither is a draft nor has form#new-draft")
        submit_button(driver, "form#new-draft button#start-draft")
    wait_until("the draft form", lambda: css(driver, "form#draft-form"))
    return draft_id(driver)


def cookie_header(driver) -> str:
    return "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())


def http_get(url: str, cookies: str = "", timeout: float = 120) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Cookie": cookies} if cookies else {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()
    except urllib.error.HTTPError as e:
        return e.code, {k.lower(): v for k, v in e.headers.items()}, e.read()


# MARK: - Outside readers


def jing_odt(odt: bytes, name: str, schemas: Path, scratch: Path) -> int:
    """Validates every XML part of an .odt with jing; returns the number of parts checked."""
    with zipfile.ZipFile(io.BytesIO(odt)) as z:
        names = z.namelist()
        check(names and names[0] == "mimetype", f"{name}: the first entry is {names[:1]}, not mimetype")
        check(z.read("mimetype") == b"application/vnd.oasis.opendocument.text", f"{name}: the mimetype is not ODF text")
        check(z.getinfo("mimetype").compress_type == zipfile.ZIP_STORED, f"{name}: the mimetype entry is compressed")
        bad = z.testzip()
        check(bad is None, f"{name}: the zip entry {bad} is corrupt")
        parts = [n for n in names if n.endswith(".xml")]
        check("content.xml" in parts and "styles.xml" in parts and "META-INF/manifest.xml" in parts,
              f"{name}: content.xml, styles.xml or META-INF/manifest.xml is missing ({names})")
        for part in parts:
            path = scratch / (name.replace("/", "-") + "--" + part.replace("/", "-"))
            path.write_bytes(z.read(part))
            schema = schemas / ("OpenDocument-v1.3-manifest-schema.rng" if part == "META-INF/manifest.xml"
                                else "OpenDocument-v1.3-schema.rng")
            r = subprocess.run(["jing", "-i", str(schema), str(path)], capture_output=True, text=True)
            messages = [line for line in (r.stdout + r.stderr).splitlines() if "[warning]" not in line]
            check(r.returncode == 0, f"jing: {name}/{part} is not valid ODF 1.3:\n" + "\n".join(messages[:20]))
        return len(parts)


def odt_text(odt: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(odt)) as z:
        xml = z.read("content.xml").decode("utf-8")
    return re.sub(r"<[^>]+>", "", re.sub(r"<text:s[^>]*/>", " ", xml))


# MARK: - The steps


class Run:
    def __init__(self, args: argparse.Namespace, studio: Studio, scratch: Path) -> None:
        self.args = args
        self.studio = studio
        self.scratch = scratch
        self.driver = None
        self.draft: Optional[int] = None
        self.issued = False
        self.drivers: list[object] = []

    def new_driver(self, javascript: bool = True):
        d = make_driver(self.args.chromium, self.args.chromedriver, javascript=javascript)
        self.drivers.append(d)
        return d

    @property
    def base(self) -> str:
        return self.studio.base

    # 1
    def open_and_start(self) -> None:
        d = self.driver = self.new_driver()
        d.get(self.base + "/")
        check(d.title.strip(), "the studio's home page has no title")
        check(one(d, "html").get_attribute("lang") == "vi", "the studio's pages are not marked lang=\"vi\"")
        links = css(d, "a.template-link")
        check(len(links) >= 2, f"the home page lists {len(links)} template(s)")
        self.draft = start_draft(d, self.base, "giay-moi")
        say(f"   draft {self.draft} started from the giay-moi example; {len(links)} templates listed")
        for path in ["$.date", "$.meeting.date", "$.meeting.start", "$.signer.authority"]:
            field_input(d, path)
        check(field_input(d, "$.meeting.date").get_attribute("type") == "date", "the meeting date is not an <input type=date>")
        check(field_input(d, "$.meeting.start").get_attribute("type") == "time", "the meeting start is not an <input type=time>")
        authority = field_input(d, "$.signer.authority")
        check(authority.tag_name == "select", "the signing authority is not a <select>")
        offered = {o.get_attribute("value") for o in css(authority, "option")}
        check({"TM.", "KT.", "Q."} <= offered, f"the signing authority offers {sorted(offered)}, not TM., KT., Q.")
        check(one(d, "button#save").get_attribute("value") == "save", "button#save does not post action=save")
        one(d, "button#issue")
        one(d, "ul#problems")
        # Self-contained: every resource the page loaded (style sheet, script) came from the studio.
        loaded = d.execute_script("return performance.getEntriesByType('resource').map(function (e) { return e.name; })")
        outside = [u for u in loaded if not u.startswith(self.base + "/")]
        check(not outside, f"the draft page loaded resources from outside the studio: {outside}")
        check(any(u.endswith(".js") for u in loaded), f"the page's script was not loaded ({loaded})")

    # 2
    def change_meeting_date(self) -> None:
        d = self.driver
        assert d
        before = preview_text(d)
        check("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in before, "the preview does not show the letter (no national title)")
        document_date = field_input(d, "$.date").get_attribute("value")
        check(re.fullmatch(r"\d{4}-\d{2}-\d{2}", document_date or ""), f"the document date is {document_date!r}")
        # A meeting date before the document's own date: the date-order check warns.
        y, m, day = (int(x) for x in document_date.split("-"))
        new = f"{y}-{m:02d}-{max(day - 8, 1):02d}" if day > 1 else f"{y - 1}-12-20"
        self.new_date = new
        ny, nm, nd = new.split("-")
        shown = f"{nd}/{nm}/{ny}"
        check(not mentions_date(before, new), f"the preview already shows {shown}")
        warnings_before = date_warnings(d)
        check(not any(shown in t for (_, t) in warnings_before), "a warning about the new date is there before the date is typed")
        type_date(d, field_input(d, "$.meeting.date"), new)
        # The live preview (JavaScript) follows without a click.
        wait_until(f"the preview to show the meeting date {shown}", lambda: mentions_date(preview_text(d), new))
        after = preview_text(d)
        check(after != before, "the preview did not change")

        # A warning that was not there appears next to the date field (the one naming the
        # new date first; the wording is the message catalogue's, English or Vietnamese).
        found = wait_until("a new warning next to the date field", lambda: sorted(date_warnings(d) - warnings_before,
                                                                                   key=lambda w: shown not in w[1]))
        path, text = found[0]
        say(f"   preview shows {shown}; {len(found)} new warning(s) next to the date fields, e.g. at {path}: {text[:110]}")
        listed = [" ".join(li.text.split()) for li in css(d, "ul#problems li.problem.warning")]
        check(" ".join(text.split()) in listed, f"the list above the preview does not have the warning ({listed})")

    # 3
    def save_and_restart(self) -> None:
        d = self.driver
        assert d and self.draft
        submit_button(d, "button#save")
        check(draft_id(d) == self.draft, f"saving led to {d.current_url}")
        check(field_input(d, "$.meeting.date").get_attribute("value") == self.new_date, "the saved page lost the date")
        say(f"   saved; restarting the studio (pid {self.studio.pid})")
        self.studio.stop()
        self.studio.start()
        d.get(self.base + "/")
        row = one(d, f'table#drafts tr{attr_selector("data-draft", str(self.draft))}', "the saved draft after the restart")
        status = one(row, "td.status").text.strip()
        check(status.lower() == "nháp", f"the draft's status is {status!r}, not nháp")
        links = css(row, "a[href]")
        check(links, "the draft's row has no link")
        links[0].click()
        wait_until("the draft page", lambda: css(d, "form#draft-form"))
        check(draft_id(d) == self.draft, f"the row's link led to {d.current_url}")
        value = field_input(d, "$.meeting.date").get_attribute("value")
        check(value == self.new_date, f"after the restart the meeting date is {value!r}, not {self.new_date}")
        say(f"   after the restart (pid {self.studio.pid}) draft {self.draft} is listed as nháp with the date {value}")

    # 4
    def issue_and_download(self) -> None:
        d = self.driver
        assert d and self.draft
        submit_button(d, "button#issue")
        if not css(d, "#issued-number"):
            # A confirmation page: its submit button issues.
            buttons = css(d, "form button[type=submit], form button:not([type])")
            check(buttons, f"after clicking Issue there is neither #issued-number nor a confirmation ({d.current_url})")
            buttons[0].click()
        number = wait_until("#issued-number", lambda: css(d, "#issued-number")).__getitem__(0).text.strip()
        check(re.search(r"\b01/GM-LHH\b", number), f"#issued-number is {number!r}, not the register's first number 01/GM-LHH")
        formats = {a.get_attribute("data-format"): a.get_attribute("href") for a in css(d, "a.download")}
        for f in ["text", "html", "fodt", "odt", "docx"]:
            check(f in formats, f"no download link for {f} (links: {sorted(formats)})")
        saves = css(d, "button#save")
        check(not saves or not saves[0].is_enabled(), "an issued draft can still be saved")
        inputs = css(d, '#draft-form [name="$.meeting.date"]')
        check(not inputs or not inputs[0].is_enabled() or inputs[0].get_attribute("readonly"), "an issued draft's fields can still be edited")
        cookies = cookie_header(d)
        status, headers, odt = http_get(formats["odt"], cookies)
        check(status == 200, f"GET {formats['odt']} answered {status}")
        check(headers.get("content-type", "").startswith("application/vnd.oasis.opendocument.text"),
              f"the .odt is served as {headers.get('content-type')}")
        check("attachment" in headers.get("content-disposition", ""), "the .odt is not served as an attachment")
        parts = jing_odt(odt, "issued.odt", self.args.schemas, self.scratch)
        text = odt_text(odt)
        check(mentions_date(text, self.new_date), f"the .odt does not hold the meeting date {self.new_date}")
        check("01/GM-LHH" in text, "the .odt does not carry the issued number 01/GM-LHH")
        for f in sorted(set(formats) - {"odt"}):
            s, _, body = http_get(formats[f], cookies)
            check(s == 200 and body, f"GET {formats[f]} answered {s} with {len(body)} bytes")
            if f == "text":
                check("01/GM-LHH" in body.decode("utf-8"), "the .txt does not carry the issued number")
            elif f == "docx":
                check(body[:2] == b"PK" and b"word/document.xml" in body, "the .docx is not a Word package")
            elif f == "pdf":
                check(body[:5] == b"%PDF-", "the .pdf is not a PDF")
        d.get(self.base + "/")
        row = one(d, f'table#drafts tr{attr_selector("data-draft", str(self.draft))}')
        status_text = one(row, "td.status").text.strip().lower()
        check(status_text == "đã ban hành", f"the issued draft's status is {status_text!r}")
        self.issued = True
        say(f"   issued as {number}; .odt ({len(odt)} bytes): {parts} XML parts valid ODF 1.3 (jing); also downloaded: {', '.join(sorted(set(formats) - {'odt'}))}")

    # 5
    def batch(self) -> None:
        d = self.driver
        assert d
        d.get(self.base + "/batch")
        form = one(d, "form#batch-form")
        check((form.get_attribute("enctype") or "") == "multipart/form-data", "the batch form is not multipart")
        one(d, "form#batch-form input[type=file][name=members]").send_keys(str(self.args.members.resolve()))
        from selenium.webdriver.support.ui import Select
        Select(one(d, "form#batch-form select[name=template]")).select_by_value("giay-moi")
        # The shared data: the draft issued in step 4 (its date, its number), when listed.
        drafts = css(d, f'form#batch-form select[name=draft] option[value="{self.draft}"]')
        if drafts:
            Select(one(d, "form#batch-form select[name=draft]")).select_by_value(str(self.draft))
        boxes = css(d, "form#batch-form input[name=format]")
        check(boxes, "the batch form has no format checkboxes")
        formats = []
        for box in boxes:
            if not box.is_selected():
                box.click()
            formats.append(box.get_attribute("value"))
        buttons = css(d, "form#batch-form button[type=submit], form#batch-form button:not([type]), form#batch-form input[type=submit]")
        check(buttons, "the batch form has no submit button")
        old = one(d, "html")
        buttons[0].click()
        rows = wait_until("the batch rows page", lambda: css(d, "table#batch-rows tbody tr") or None, timeout=60)
        check(len(rows) == 23, f"the batch rows table has {len(rows)} rows, not 23")
        check("Hội Dược học tỉnh Bình Dương" in rows[0].text, f"the first row is {rows[0].text!r}")
        errors = css(d, "table#batch-rows li.problem.error")
        check(not errors, f"the seed members have errors: {[e.text for e in errors[:3]]}")
        submit_button(d, "button#run-batch")
        seen: set[str] = set()

        def finished() -> bool:
            # The page follows the status route (JavaScript) and reloads when the run ends.
            bars = css(d, "progress#batch-progress")
            if not bars:
                return False
            bar = bars[0]
            seen.add(f"{bar.get_attribute('value')}/{bar.get_attribute('max')}")
            state = bar.get_attribute("data-state")
            check(state != "failed", f"the batch failed: {[e.text for e in css(d, '.error-message')]}")
            value, top = float(bar.get_attribute("value") or 0), float(bar.get_attribute("max") or 1)
            link = css(d, "a#batch-download")
            return value >= top and bool(link) and bool(link[0].get_attribute("href"))
        wait_until("the batch to finish and offer a#batch-download", finished, timeout=600, interval=0.1)
        href = one(d, "a#batch-download").get_attribute("href")
        status, headers, body = http_get(href, cookie_header(d), timeout=300)
        check(status == 200, f"GET {href} answered {status}")
        check(headers.get("content-type", "").startswith("application/zip"), f"the zip is served as {headers.get('content-type')}")
        (self.scratch / "batch.zip").write_bytes(body)
        self.check_zip(body, formats)
        say(f"   batch: 23 rows shown, progress values seen {', '.join(sorted(seen, key=lambda v: float(v.split('/')[0] or 0)))}, "
            f"zip of {len(body)} bytes: 23 documents × {len(formats)} formats ({', '.join(formats)}), merged files, manifest")

    def check_zip(self, body: bytes, formats: list[str]) -> None:
        ext = {"text": "txt", "txt": "txt"}
        with zipfile.ZipFile(io.BytesIO(body)) as z:
            check(z.testzip() is None, "a zip entry is corrupt")
            names = [n for n in z.namelist() if not n.endswith("/")]
            for n in names:
                check(not n.startswith("/") and ".." not in n.split("/"), f"unsafe name in the zip: {n}")
            base = {n.split("/")[-1]: n for n in names}
            check("manifest.json" in base, f"no manifest.json in the zip ({names[:10]}…)")
            manifest = json.loads(z.read(base["manifest.json"]))
            check(manifest.get("summary", {}).get("documents") == 23 and manifest["summary"].get("failed") == 0,
                  f"the manifest's summary is {manifest.get('summary')}")
            entries = manifest.get("entries", [])
            check(len(entries) == 23, f"the manifest has {len(entries)} entries")
            prefix = base["manifest.json"][: -len("manifest.json")]
            for f in formats:
                e = ext.get(f, f)
                docs = [n for n in base if n.endswith("." + e) and not n.startswith("merged.")]
                check(len(docs) == 23, f"the zip has {len(docs)} .{e} documents, not 23")
                check(f"merged.{e}" in base, f"the zip has no merged.{e}")
            for entry in entries:
                for f in entry["files"]:
                    data = z.read(prefix + f["path"])
                    check(len(data) == f["bytes"] and hashlib.sha256(data).hexdigest() == f["sha256"],
                          f"{f['path']}: size or SHA-256 differs from the manifest")
            for m in manifest.get("merged", []):
                data = z.read(prefix + m["path"])
                check(m["documents"] == 23 and hashlib.sha256(data).hexdigest() == m["sha256"],
                      f"{m['path']}: {m['documents']} documents or a SHA-256 that differs from the manifest")
            recipients = [e["recipient"] for e in entries]
            check(recipients[0] == "Hội Dược học tỉnh Bình Dương" and len(set(recipients)) == 23, "the recipients are not the 23 members")
            if "odt" in formats:
                first = prefix + entries[0]["name"] + ".odt"
                jing_odt(z.read(first), "batch-" + entries[0]["name"] + ".odt", self.args.schemas, self.scratch)
                check("Hội Dược học tỉnh Bình Dương" in odt_text(z.read(first)), "the first .odt is not addressed to its member")

    # 6
    def without_javascript(self) -> None:
        d = self.new_driver(javascript=False)
        self.driver = d
        d.get(self.base + "/")
        draft = start_draft(d, self.base, "giay-moi")
        check(draft != self.draft, "a new draft was not created")
        before = preview_text(d)
        warnings_before = date_warnings(d)
        new = "2022-12-21"
        type_date(d, field_input(d, "$.meeting.date"), new)
        time.sleep(1.0)
        check(preview_text(d) == before, "the preview changed without JavaScript before the form was posted (is JS really off?)")
        basis = css(d, '#draft-form input[name^="$.basis["], #draft-form textarea[name^="$.basis["]')
        add = css(d, '#draft-form button[name=action][value="add:$.basis"]')
        check(add, "there is no button to add a basis row (action=add:$.basis)")
        submit_button(d, '#draft-form button[name=action][value="add:$.basis"]')
        check(draft_id(d) == draft, f"adding a row led to {d.current_url}")
        check(field_input(d, "$.meeting.date").get_attribute("value") == new, "adding a row lost the typed date")
        rows = css(d, '#draft-form input[name^="$.basis["], #draft-form textarea[name^="$.basis["]')
        check(len(rows) == len(basis) + 1, f"adding a basis row gave {len(rows)} rows, not {len(basis) + 1}")
        rows[-1].send_keys("Căn cứ Điều lệ Liên hiệp Hội;")
        submit_button(d, "button#save")
        after = preview_text(d)
        check(mentions_date(after, new) and "Căn cứ Điều lệ Liên hiệp Hội" in after,
              "after the plain post the preview lacks the new date or the new basis row")
        # Server-rendered problems: the new warnings are there without JavaScript too.
        check(date_warnings(d) - warnings_before, "no new warning next to the date field after the post")
        remove = css(d, f'#draft-form button[name=action][value="remove:$.basis[{len(rows) - 1}]"]')
        check(remove, f"there is no button remove:$.basis[{len(rows) - 1}]")
        submit_button(d, f'#draft-form button[name=action][value="remove:$.basis[{len(rows) - 1}]"]')
        rows2 = css(d, '#draft-form input[name^="$.basis["], #draft-form textarea[name^="$.basis["]')
        check(len(rows2) == len(basis), f"removing the row left {len(rows2)} rows")
        check("Căn cứ Điều lệ Liên hiệp Hội" not in preview_text(d), "the removed row is still in the preview")
        say(f"   without JavaScript: draft {draft} started, date typed, a basis row added, saved (preview 21/12/2022), removed")

    # 7
    def with_password(self) -> None:
        password = "mật-khẩu văn phòng 2022"
        secret = self.scratch / "password.txt"
        secret.write_text(password + "\n", encoding="utf-8")
        secret.chmod(0o600)
        self.studio.stop()
        self.studio.extra = [*self.studio.extra, "--password-file", str(secret)]
        self.studio.start()
        d = self.driver = self.new_driver()
        d.get(self.base + "/")
        check(urllib.parse.urlsplit(d.current_url).path == "/login", f"with a password, / led to {d.current_url}, not /login")
        field = one(d, "form#login-form input[type=password][name=password]")
        field.send_keys("sai mật khẩu")
        submit_button(d, "form#login-form button[type=submit]")
        check(css(d, "form#login-form") and css(d, ".error-message"), "a wrong password did not give the login page with an error")
        one(d, "form#login-form input[type=password][name=password]").send_keys(password)
        submit_button(d, "form#login-form button[type=submit]")
        row = one(d, f'table#drafts tr{attr_selector("data-draft", str(self.draft))}', "the issued draft after logging in")
        expected = "đã ban hành" if self.issued else "nháp"
        check(one(row, "td.status").text.strip().lower() == expected, f"after the restart draft {self.draft} is not listed as {expected}")
        cookies = {c["name"]: c for c in d.get_cookies()}
        check(cookies, "no session cookie after logging in")
        for c in cookies.values():
            check(c.get("httpOnly") is True and c.get("sameSite") == "Strict",
                  f"the cookie {c['name']} is not HttpOnly and SameSite=Strict: {c}")
        header = cookie_header(d)
        # A forged post: the right session cookie (as a cross-site page cannot even send)
        # but no CSRF token, then a wrong one. Neither may start a draft.
        before = len(css(d, "table#drafts tbody tr"))
        for body in [b"template=giay-moi", b"template=giay-moi&csrf=" + b"0" * 64]:
            request = urllib.request.Request(self.base + "/drafts", data=body, method="POST",
                                             headers={"Cookie": header, "Content-Type": "application/x-www-form-urlencoded"})
            try:
                with urllib.request.urlopen(request, timeout=30) as r:
                    status = r.status
            except urllib.error.HTTPError as e:
                status = e.code
            check(status == 403, f"a POST with {body[:40]!r}… answered {status}, not 403")
        # Without the session: the login page, not the data.
        status, _, page = http_get(self.base + f"/drafts/{self.draft}/download/odt")
        check(status in (302, 303, 401, 403) or b"login-form" in page, f"an .odt was served without logging in ({status})")
        # A path in a parameter reaches no file.
        for probe in ["/new/..%2F..%2F..%2Fetc%2Fpasswd", "/drafts/..%2Fstudio.sqlite", f"/drafts/{self.draft}/download/..%2F..%2Fstudio.sqlite"]:
            status, _, page = http_get(self.base + probe, header)
            check(400 <= status < 500 and b"root:" not in page and b"SQLite format" not in page,
                  f"GET {probe} answered {status}")
        d.get(self.base + "/")
        check(len(css(d, "table#drafts tbody tr")) == before, "a forged post created a draft")
        say(f"   login refused a wrong password and took the right one; cookie {', '.join(cookies)}: HttpOnly, SameSite=Strict; "
            "forged posts 403; paths in parameters refused (4xx)")

    def artifacts(self, label: str) -> None:
        out = self.args.artifacts
        if not out or not self.driver:
            return
        out.mkdir(parents=True, exist_ok=True)
        try:
            self.driver.save_screenshot(str(out / f"{label}.png"))
            (out / f"{label}.html").write_text(self.driver.page_source)
            say(f"   (screenshot and page source in {out}/{label}.*)")
        except Exception as e:  # noqa: BLE001 - best effort after a failure
            say(f"   (no screenshot: {e})")

    def close(self) -> None:
        for d in self.drivers:
            try:
                d.quit()  # type: ignore[attr-defined]
            except Exception:  # noqa: BLE001
                pass


def parse_arguments(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    extra: list[str] = []
    if "--" in argv:
        i = argv.index("--")
        argv, extra = argv[:i], argv[i + 1:]
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--studio", required=True, help="the vanban-studio binary")
    p.add_argument("--data", type=Path, help="the data folder (default: a new temporary folder)")
    p.add_argument("--port", type=int, default=0, help="the port (default: a free one)")
    p.add_argument("--pid-file", type=Path, help="write the server's process id here while it runs")
    p.add_argument("--artifacts", type=Path, help="on failure, keep a screenshot, the page and the server log here")
    p.add_argument("--members", type=Path, default=REPO / "Fixtures/seed-binh-duong-2022/members.csv")
    p.add_argument("--schemas", type=Path, default=Path(os.environ.get("VANBAN_SHARED", REPO.parent / "shared")) / "odf")
    p.add_argument("--chromium", help="the Chromium binary (default: chromium on the PATH)")
    p.add_argument("--chromedriver", help="chromedriver (default: on the PATH)")
    p.add_argument("--only", help="comma-separated step numbers to run (1 and 2 always run first)")
    return p.parse_args(argv), extra


def main(argv: list[str]) -> int:
    args, extra = parse_arguments(argv)
    args.chromium = find_tool(args.chromium, "chromium", "chromium-browser", "google-chrome")
    args.chromedriver = find_tool(args.chromedriver, "chromedriver")
    missing = [n for n, v in [("chromium", args.chromium), ("chromedriver", args.chromedriver), ("jing", shutil.which("jing"))] if not v]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append(f"selenium (for {sys.executable}: pip install selenium)")
    schema = args.schemas / "OpenDocument-v1.3-schema.rng"
    if not schema.is_file():
        missing.append(f"the ODF schemas ({schema})")
    if missing:
        print(f"error: missing: {', '.join(missing)}", file=sys.stderr)
        return 2
    if not os.access(args.studio, os.X_OK):
        print(f"error: {args.studio} is not an executable (swift build --product vanban-studio)", file=sys.stderr)
        return 2
    scratch = Path(tempfile.mkdtemp(prefix="studio-browser-"))
    data = args.data or scratch / "data"
    studio = Studio(os.path.abspath(args.studio), data, args.port or free_port(), extra, scratch / "studio.log", args.pid_file)
    run = Run(args, studio, scratch)
    steps = [
        ("1. open the studio and start a giay-moi draft", run.open_and_start),
        ("2. change the meeting date: live preview and a warning next to the date", run.change_meeting_date),
        ("3. save, restart the server, find the draft again", run.save_and_restart),
        ("4. issue it and validate the downloaded .odt with jing", run.issue_and_download),
        ("5. batch of the 23 seed members: rows, progress, zip", run.batch),
        ("6. the same form flow with JavaScript disabled", run.without_javascript),
        ("7. with a password: login, cookie flags, forged posts, paths in parameters", run.with_password),
    ]
    only = {s.strip() for s in args.only.split(",")} if args.only else None
    started = time.monotonic()
    current = ""
    ran = 0
    try:
        studio.start()
        say(f"studio: {' '.join(studio.command())} (pid {studio.pid}), data {data}")
        for label, step in steps:
            number = label.split(".")[0]
            if only and number not in only and number not in {"1", "2"}:
                continue
            current = label
            ran += 1
            say(f"== {label}")
            t = time.monotonic()
            step()
            say(f"   ok ({time.monotonic() - t:.1f} s)")
    except StepFailed as e:
        print(f"FAIL in step {current}: {e}", file=sys.stderr)
        run.artifacts("failure")
        if args.artifacts:
            shutil.copy(studio.log, args.artifacts / "studio.log")
        print(f"--- studio log (last lines):\n{studio.log_tail()}", file=sys.stderr)
        return 1
    finally:
        run.close()
        studio.stop()
        shutil.rmtree(scratch, ignore_errors=True)
    say(f"studio browser test: {ran} of {len(steps)} steps run, all passed, in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
