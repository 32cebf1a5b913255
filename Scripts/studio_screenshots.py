#!/usr/bin/env python3
"""Screenshots of the drafting desk for the documentation (Docs/Studio.md, README).

Starts vanban-studio with a temporary data folder, drives headless Chromium (1280×900)
and saves:
  Docs/images/studio-form.png      a giay-moi draft: the form beside the live preview;
  Docs/images/studio-problems.png  the same draft after the meeting date was moved before
                                   the document's date: the problems list above the
                                   preview, which shows the new date;
  Docs/images/studio-batch.png     the batch page for the 23 seed members after the run.

Usage:
  Scripts/studio_screenshots.py --studio .build/debug/vanban-studio [--out Docs/images]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in Scripts/
sys.path.insert(0, str(Path(__file__).resolve().parent))
from studio_browser_test import (  # noqa: E402
    REPO, Studio, css, mentions_date, field_input, find_tool, free_port, make_driver, one, preview_text, start_draft, type_date,
    wait_until,
)


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--studio", required=True)
    p.add_argument("--out", type=Path, default=REPO / "Docs/images")
    p.add_argument("--members", type=Path, default=REPO / "Fixtures/seed-binh-duong-2022/members.csv")
    p.add_argument("--width", type=int, default=1280)
    p.add_argument("--height", type=int, default=900)
    args = p.parse_args(argv)
    chromium = find_tool(None, "chromium", "chromium-browser", "google-chrome")
    chromedriver = find_tool(None, "chromedriver")
    if not chromium or not chromedriver:
        print("error: chromium and chromedriver are needed", file=sys.stderr)
        return 2
    scratch = Path(tempfile.mkdtemp(prefix="studio-shots-"))
    studio = Studio(os.path.abspath(args.studio), scratch / "data", free_port(), [], scratch / "studio.log")
    studio.start()
    driver = make_driver(chromium, chromedriver, size=(args.width, args.height))
    # The page's own area is WIDTH×HEIGHT exactly (the window size includes the browser's frame).
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": args.width, "height": args.height, "deviceScaleFactor": 1, "mobile": False})
    args.out.mkdir(parents=True, exist_ok=True)
    try:
        d = driver
        start_draft(d, studio.base, "giay-moi")
        wait_until("the preview", lambda: "CỘNG HÒA" in preview_text(d))
        time.sleep(0.5)
        d.save_screenshot(str(args.out / "studio-form.png"))
        print(f"wrote {args.out / 'studio-form.png'}")

        date = field_input(d, "$.date").get_attribute("value") or "2022-12-28"
        y, m, day = (int(x) for x in date.split("-"))
        new = f"{y}-{m:02d}-{max(day - 8, 1):02d}"
        type_date(d, field_input(d, "$.meeting.date"), new)
        wait_until("the preview with the new date", lambda: mentions_date(preview_text(d), new))
        wait_until("the problems list", lambda: css(d, "ul#problems li"))
        # The top of the page: the problems list above the preview (which shows the new date).
        d.execute_script("document.activeElement.blur(); window.scrollTo(0, 0);")
        time.sleep(0.5)
        d.save_screenshot(str(args.out / "studio-problems.png"))
        print(f"wrote {args.out / 'studio-problems.png'}")

        d.get(studio.base + "/batch")
        one(d, "form#batch-form input[type=file][name=members]").send_keys(str(args.members.resolve()))
        from selenium.webdriver.support.ui import Select
        Select(one(d, "form#batch-form select[name=template]")).select_by_value("giay-moi")
        for box in css(d, "form#batch-form input[name=format]"):
            if not box.is_selected():
                box.click()
        css(d, "form#batch-form button[type=submit], form#batch-form button:not([type]), form#batch-form input[type=submit]")[0].click()
        wait_until("the batch rows", lambda: len(css(d, "table#batch-rows tbody tr")) >= 23, timeout=60)
        one(d, "button#run-batch").click()
        wait_until("the finished batch", lambda: css(d, "a#batch-download") and css(d, "a#batch-download")[0].is_displayed(), timeout=600)
        d.execute_script("window.scrollTo(0, 0);")
        time.sleep(0.5)
        d.save_screenshot(str(args.out / "studio-batch.png"))
        print(f"wrote {args.out / 'studio-batch.png'}")
    finally:
        driver.quit()
        studio.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
