#!/usr/bin/env python3
"""Rebuild eval/real/text/<id>.txt from a saved page excerpt and the gold's recipe, and check it.

    python3 eval/real/build.py            # rebuild every text whose excerpt is saved; check all
    python3 eval/real/build.py --check    # only check text/ against each gold's sha256
    python3 eval/real/build.py --sha ID   # rebuild one and print its sha256 (for annotators)

The excerpt of a page, exactly as the page store gives it, is saved as pages/<id>.txt (see
README.md). The gold's `rebuild` object says how the raw article is made from it; only the layout
changes, never a sentence:

    start, end   the article runs from the first occurrence of `start` to the first occurrence of
                 `end` after it, both included (exact substrings of the excerpt)
    format       "A": " date YYYY-MM-DD " then the text verbatim
                 "B": headline, blank, Vietnamese weekday date line, blank, the lede twice, then
                 each paragraph; a caption (a paragraph starting with one of `captions`) follows
                 a line "<headline>  -0"; paragraphs are separated by one blank line
    headline     the title (format B)
    date, time   the published date and time ("HH:MM" or null)
    captions     the first words of each caption paragraph
    crlf, nfd    end lines with CR LF / decompose to Unicode NFD, as some real scrapes do

Third-party text never enters git: pages/ and text/ are ignored.
"""
import datetime
import hashlib
import json
import pathlib
import sys
import unicodedata

HERE = pathlib.Path(__file__).resolve().parent
WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]


class RecipeError(Exception):
    pass


def cut(excerpt, start, end):
    i = excerpt.find(start)
    if i < 0:
        raise RecipeError(f"start {start!r} is not in the excerpt")
    j = excerpt.find(end, i)
    if j < 0:
        raise RecipeError(f"end {end!r} is not in the excerpt after start")
    return excerpt[i : j + len(end)]


def date_line(date, time):
    d = datetime.date.fromisoformat(date)
    line = f"{WEEKDAYS[d.weekday()]}, {d.day:02d}/{d.month:02d}/{d.year}"
    return f"{line}, {time}" if time else line


def build(excerpt, r):
    text = cut(excerpt.replace("\r\n", "\n"), r["start"], r["end"])
    if r["format"] == "A":
        raw = f" date {r['date']} " + text
    elif r["format"] == "B":
        paras = [line.strip() for line in text.split("\n") if line.strip()]
        if not paras:
            raise RecipeError("no paragraph between start and end")
        captions = r.get("captions") or []
        headline = r["headline"]
        blocks = [headline, date_line(r["date"], r.get("time")), paras[0]]
        for p in paras:
            if any(p.startswith(c) for c in captions):
                blocks.append(f"{headline}  -0\n{p}")
            else:
                blocks.append(p)
        raw = "\n\n".join(blocks)
    else:
        raise RecipeError(f"format {r['format']!r} is not A or B")
    if r.get("nfd"):
        raw = unicodedata.normalize("NFD", raw)
    if r.get("crlf"):
        raw = raw.replace("\n", "\r\n")
    return raw.encode("utf-8")


def golds():
    for path in sorted(HERE.glob("*.gold.json")):
        yield path.name[: -len(".gold.json")], json.loads(path.read_text(encoding="utf-8"))


def main(argv):
    only_check = "--check" in argv
    if "--sha" in argv:
        gid = argv[argv.index("--sha") + 1]
        gold = json.loads((HERE / f"{gid}.gold.json").read_text(encoding="utf-8"))
        raw = build((HERE / "pages" / f"{gid}.txt").read_text(encoding="utf-8"), gold["rebuild"])
        (HERE / "text").mkdir(exist_ok=True)
        (HERE / "text" / f"{gid}.txt").write_bytes(raw)
        print(hashlib.sha256(raw).hexdigest())
        return 0
    ok = bad = missing = 0
    (HERE / "text").mkdir(exist_ok=True)
    for gid, gold in golds():
        page = HERE / "pages" / f"{gid}.txt"
        out = HERE / "text" / f"{gid}.txt"
        if not only_check and page.exists():
            try:
                out.write_bytes(build(page.read_text(encoding="utf-8"), gold["rebuild"]))
            except RecipeError as e:
                print(f"{gid}: recipe: {e}")
                bad += 1
                continue
        if not out.exists():
            print(f"{gid}: missing: no text/{gid}.txt (save the page excerpt as pages/{gid}.txt)")
            missing += 1
            continue
        got = hashlib.sha256(out.read_bytes()).hexdigest()
        if got != gold["sha256"]:
            print(f"{gid}: sha256 differs: expected {gold['sha256'][:12]}…, got {got[:12]}…")
            bad += 1
        else:
            ok += 1
    print(f"rebuild check: {ok} ok, {bad} differ, {missing} missing")
    return 1 if bad or missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
