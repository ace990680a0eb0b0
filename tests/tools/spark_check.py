#!/usr/bin/env python3
"""Run both Spark examples in local mode (local[2]) on fixtures/articles and
check their records equal `dateline convert fixtures/articles`, order aside
and source.path aside (Spark passes absolute paths): nothing lost, nothing
changed. Prints 'N passed, M failed'.

usage: tests/tools/spark_check.py [DATELINE_BINARY]"""
import glob
import json
import os
import shutil
import subprocess
import sys

from tally import Tally

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target/release/dateline"))
FIXTURES = os.path.join(ROOT, "fixtures/articles")
OUT = os.path.join(ROOT, "target/spark-check")


def key(record):
    r = dict(record)
    r["source"] = {k: v for k, v in r["source"].items() if k != "path"}
    return json.dumps(r, sort_keys=True, ensure_ascii=False)


def read_parts(folder):
    out = []
    for part in sorted(glob.glob(os.path.join(folder, "part-*"))):
        with open(part, encoding="utf-8") as f:
            out.extend(json.loads(l) for l in f if l.strip())
    return out


def main():
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)
    expected = subprocess.run([BIN, "convert", "--quiet", FIXTURES], capture_output=True, text=True, check=True, cwd=ROOT)
    want = sorted(key(json.loads(l)) for l in expected.stdout.splitlines())
    tally = Tally("spark")
    check = tally.check

    py = sys.executable
    subprocess.run([py, os.path.join(ROOT, "examples/spark/convert.py"), FIXTURES, os.path.join(OUT, "folder"),
                    "--master", "local[2]", "--dateline", BIN, "--partitions", "4"], check=True, cwd=ROOT)
    got = read_parts(os.path.join(OUT, "folder/jsonl"))
    check(len(got) == len(want), f"folder job: {len(got)} records, expected {len(want)}")
    check(sorted(key(r) for r in got) == want, "folder job: records differ from dateline convert")
    check(len(glob.glob(os.path.join(OUT, "folder/parquet/*.parquet"))) > 0, "folder job: no parquet files")

    paths = os.path.join(OUT, "paths.txt")
    with open(paths, "w") as f:
        f.write("\n".join(sorted(glob.glob(os.path.join(FIXTURES, "*.txt")))) + "\n")
    subprocess.run([py, os.path.join(ROOT, "examples/spark/convert_file_list.py"), paths, os.path.join(OUT, "list"),
                    "--master", "local[2]", "--dateline", BIN, "--partitions", "3"], check=True, cwd=ROOT)
    got = read_parts(os.path.join(OUT, "list/jsonl"))
    check(sorted(key(r) for r in got) == want, "file-list job: records differ from dateline convert")
    return tally.report()


if __name__ == "__main__":
    sys.exit(main())
