#!/usr/bin/env python3
"""Render the fixtures and look at them in a real browser (headless
Debian chromium): screenshots of the index and one article, and through the
DOM, for every article page, that the number of highlighted mentions equals
the number of mentions in the record, and that article text holding
`<script>` and `&` stays text. Prints 'N passed, M failed'.

usage: tests/tools/render_check.py [DATELINE_BINARY]   (installs chromium with apt-get if missing)"""
import json
import os
import re
import shutil
import subprocess
import sys

from tally import Tally

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target/release/dateline"))
OUT = os.path.join(ROOT, "target/render-check")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", f"--user-data-dir={OUT}/profile"]


def chromium():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    subprocess.run(["apt-get", "update", "-qq"], check=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True, stdout=subprocess.DEVNULL)
    return shutil.which("chromium")


def dom(browser, page):
    r = subprocess.run([browser, *FLAGS, "--dump-dom", f"file://{page}"], capture_output=True, text=True, timeout=120)
    return r.stdout


def main():
    browser = chromium()
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)
    pages = os.path.join(OUT, "pages")
    subprocess.run([BIN, "render", "fixtures/articles", "--out-dir", pages], check=True, cwd=ROOT)
    records = [json.loads(l) for l in subprocess.run(
        [BIN, "convert", "--quiet", "fixtures/articles"], capture_output=True, text=True, check=True, cwd=ROOT).stdout.splitlines()]
    tally = Tally("render")
    check = tally.check

    index = dom(browser, os.path.join(pages, "index.html"))
    check(index.count("<tr>") >= len(records), "index lists every article")
    for r in records:
        page = os.path.join(pages, "articles", r["id"] + ".html")
        html = dom(browser, page)
        marked = set(re.findall(r'data-m="(\d+)"', html))
        want = sum(len(e["mentions"]) for k in ("people", "organizations", "places") for e in r[k])
        check(len(marked) == want, f"{r['id']}: {len(marked)} highlighted mentions, record has {want}")
        check("<script" not in html.lower(), f"{r['id']}: a <script> element in the DOM")
        if r["id"] == "d25_markup_in_text":
            check('&lt;script&gt;alert("x")&lt;/script&gt; &amp; other' in html, "markup in text is not shown as text")
    for name, page in (("index.png", "index.html"), ("article.png", "articles/003_3b7b3d4abb43cb73.html"
                                                                   if os.path.exists(os.path.join(pages, "articles/003_3b7b3d4abb43cb73.html"))
                                                                   else "articles/b01_courtesy_visit.html")):
        shot = os.path.join(OUT, name)
        subprocess.run([browser, *FLAGS, "--window-size=1280,1000", f"--screenshot={shot}", f"file://{os.path.join(pages, page)}"],
                       capture_output=True, timeout=120)
        check(os.path.exists(shot) and os.path.getsize(shot) > 10_000, f"screenshot {name}")
    return tally.report()


if __name__ == "__main__":
    sys.exit(main())
