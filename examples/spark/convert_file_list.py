#!/usr/bin/env python3
"""Convert articles listed in a file, on a filesystem every executor sees.

Partitions of the path list are piped through `dateline convert
--files-from -`, so dateline itself reads each file's raw bytes (and so
detects legacy encodings such as Windows-1258, which a text reader in
Spark would already have mangled). Records are written as JSON Lines.

usage: convert_file_list.py PATHS_FILE OUTPUT_DIR [--dateline PATH] [--master URL] [--partitions N]

  PATHS_FILE  one absolute path per line (e.g. `find /shared/articles -name '*.txt'`)
"""
import argparse
import os

from pyspark.sql import SparkSession


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths")
    ap.add_argument("output")
    ap.add_argument("--dateline", default="dateline")
    ap.add_argument("--master", default=None)
    ap.add_argument("--partitions", type=int, default=None)
    args = ap.parse_args()

    builder = SparkSession.builder.appName("dateline-file-list").config("spark.ui.showConsoleProgress", "false")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    paths = sc.textFile(args.paths, minPartitions=args.partitions).filter(lambda p: p.strip())
    records = paths.pipe(f"{args.dateline} convert --files-from - --quiet")
    records.saveAsTextFile(os.path.join(args.output, "jsonl"))
    spark.stop()


if __name__ == "__main__":
    main()
