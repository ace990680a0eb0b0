#!/usr/bin/env python3
"""Validate JSON Lines records against schemas/article.schema.json with the
Python `jsonschema` package (Draft 2020-12, format checks on): a second,
independent implementation beside the Rust validator the tool uses.

usage: validate_independent.py SCHEMA RECORDS.jsonl
Prints 'N passed, M failed' and exits 1 on any invalid record."""
import json
import sys

import jsonschema


def main(schema_path, records_path):
    schema = json.load(open(schema_path, encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    passed = failed = 0
    with open(records_path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            errors = list(validator.iter_errors(json.loads(line)))
            if errors:
                failed += 1
                for e in errors:
                    print(f"{records_path}:{n}: /{'/'.join(map(str, e.absolute_path))}: {e.message}")
            else:
                passed += 1
    print(f"independent schema check: {passed} passed, {failed} failed")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
