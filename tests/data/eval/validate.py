#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 Fairnote contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks the independent wording evaluation set (passages.jsonl): every line is a JSON object in the
# documented format, ids are unique, every span is found at its nth occurrence, and no must-flag span
# overlaps a must-not-flag span. With --stats it also prints the counts quoted in README.md.
"""Validate tests/data/eval/passages.jsonl.

Usage: validate.py [--stats] [path/to/passages.jsonl]

Exit status: 0 when the file is valid, 1 when it has format or annotation errors (each is listed
with its line number and id), 2 when the file cannot be read or is not UTF-8.

Occurrences: a span's nth occurrence is found by searching the text from the start, case-sensitive,
each search starting one character after the previous match (so a span inside a longer word, such as
"compliant" inside "non-compliant", counts as an occurrence).
"""
import collections
import json
import os
import re
import statistics
import sys

TOPICS = ["disability", "mental-health", "substance-use", "descriptors", "park", "speculation",
          "certainty", "vague-time", "overgeneralisation", "homelessness", "fire-setting",
          "shorthand", "slang", "neutral"]
REASONS = ["quoted", "negated", "sourced", "name", "organisation", "other-sense", "dated",
           "defined", "common-abbreviation", "fact", "neutral"]
# The brief's eleven coverage bullets, as groups of topics.
BULLETS = [("1 disability", {"disability"}),
           ("2 mental health and substance use", {"mental-health", "substance-use"}),
           ("3 Sun et al. 2022 descriptors", {"descriptors"}),
           ("4 Park et al. 2021", {"park"}),
           ("5 speculation and certainty", {"speculation", "certainty"}),
           ("6 vague time", {"vague-time"}),
           ("7 overgeneralisation", {"overgeneralisation"}),
           ("8 homelessness as identity", {"homelessness"}),
           ("9 fire-setting", {"fire-setting"}),
           ("10 undefined shorthand", {"shorthand"}),
           ("11 slang", {"slang"})]
ID_RE = re.compile(r"^e\d{4}$")


def occurrence(text, span, nth):
    """Start index of the nth (1-based) occurrence of span in text, or -1."""
    start = -1
    for _ in range(nth):
        start = text.find(span, start + 1)
        if start == -1:
            return -1
    return start


def check_record(rec, errors, where):
    def err(msg):
        errors.append(f"{where}: {msg}")

    if not isinstance(rec, dict):
        err("not a JSON object")
        return None
    if set(rec) != {"id", "topic", "text", "flag", "keep"}:
        err(f"keys must be id, topic, text, flag, keep (found {', '.join(sorted(rec))})")
        return None
    if not isinstance(rec["id"], str) or not ID_RE.match(rec["id"]):
        err(f"id {rec['id']!r} is not of the form e0001")
    if rec["topic"] not in TOPICS:
        err(f"topic {rec['topic']!r} is not one of {', '.join(TOPICS)}")
    text = rec["text"]
    if not isinstance(text, str) or not text.strip():
        err("text is empty or not a string")
        return None
    if "\t" in text or any(ord(c) < 32 for c in text):
        err("text contains a tab or another control character")
    if text != text.strip():
        err("text has leading or trailing white space")
    if not isinstance(rec["flag"], list) or not isinstance(rec["keep"], list):
        err("flag and keep must be lists")
        return None
    if not rec["flag"] and not rec["keep"]:
        err("no annotated span (every passage needs at least one flag or keep span)")

    ranges = {"flag": [], "keep": []}
    for kind, note in (("flag", "why"), ("keep", "reason")):
        seen = set()
        for i, item in enumerate(rec[kind], 1):
            label = f"{kind}[{i}]"
            if not isinstance(item, dict) or set(item) != {"span", "nth", note}:
                err(f"{label} must have exactly the keys span, nth, {note}")
                continue
            span, nth = item["span"], item["nth"]
            if not isinstance(span, str) or not span or span != span.strip():
                err(f"{label} span must be a non-empty string without outer white space")
                continue
            if not isinstance(nth, int) or isinstance(nth, bool) or nth < 1:
                err(f"{label} nth must be an integer of at least 1")
                continue
            if not isinstance(item[note], str) or not item[note].strip():
                err(f"{label} {note} must be a non-empty string")
            if kind == "keep" and item[note] not in REASONS:
                err(f"{label} reason {item[note]!r} is not one of {', '.join(REASONS)}")
            if (span, nth) in seen:
                err(f"{label} {span!r} nth {nth} is annotated twice")
            seen.add((span, nth))
            start = occurrence(text, span, nth)
            if start == -1:
                count = text.count(span)
                err(f"{label} {span!r} nth {nth} not found (the text has {count} occurrence(s))")
                continue
            ranges[kind].append((start, start + len(span), span))
    for fs, fe, fspan in ranges["flag"]:
        for ks, ke, kspan in ranges["keep"]:
            if fs < ke and ks < fe:
                err(f"flag span {fspan!r} overlaps keep span {kspan!r}")
    return rec


def load(path):
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        print(f"validate.py: cannot read {path}: {exc.strerror}", file=sys.stderr)
        sys.exit(2)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        print(f"validate.py: {path} is not valid UTF-8 (byte {exc.start}); save it as UTF-8",
              file=sys.stderr)
        sys.exit(2)


def print_stats(records):
    topic_n = collections.Counter(r["topic"] for r in records)
    topic_flagged = collections.Counter(r["topic"] for r in records if r["flag"])
    topic_fspans = collections.Counter()
    topic_kspans = collections.Counter()
    for r in records:
        topic_fspans[r["topic"]] += len(r["flag"])
        topic_kspans[r["topic"]] += len(r["keep"])
    print("| topic | passages | with must-flag spans | clean (keep only) | must-flag spans | must-not spans |")
    print("|---|---:|---:|---:|---:|---:|")
    for t in TOPICS:
        print(f"| {t} | {topic_n[t]} | {topic_flagged[t]} | {topic_n[t] - topic_flagged[t]} | "
              f"{topic_fspans[t]} | {topic_kspans[t]} |")
    total = len(records)
    flagged = sum(1 for r in records if r["flag"])
    nf = sum(len(r["flag"]) for r in records)
    nk = sum(len(r["keep"]) for r in records)
    print(f"| **all** | **{total}** | **{flagged}** | **{total - flagged}** | **{nf}** | **{nk}** |")
    print()
    print("| brief's coverage bullet | passages with must-flag spans |")
    print("|---|---:|")
    for name, topics in BULLETS:
        print(f"| {name} | {sum(topic_flagged[t] for t in topics)} |")
    print()
    reasons = collections.Counter(k["reason"] for r in records for k in r["keep"])
    print("| must-not reason | spans |")
    print("|---|---:|")
    for reason in REASONS:
        print(f"| {reason} | {reasons[reason]} |")
    print()
    clean = total - flagged
    nk_names = nk - reasons["name"]
    words = [len(r["text"].split()) for r in records]
    print(f"- passages: {total}; entirely clean (keep spans only): {clean} ({100 * clean / total:.1f}%)")
    print(f"- annotated spans: {nf + nk}; must-flag {nf}; must-not {nk} "
          f"({100 * nk / (nf + nk):.1f}% of all spans; {100 * nk_names / (nf + nk_names):.1f}% "
          f"when the {reasons['name']} name spans are left out)")
    print(f"- words per passage: median {statistics.median(words):g}, range {min(words)}–{max(words)}; "
          f"{sum(30 <= w <= 70 for w in words)} passages have 30–70 words")


def main(argv):
    stats = "--stats" in argv
    args = [a for a in argv if a != "--stats"]
    if len(args) > 1:
        print("usage: validate.py [--stats] [passages.jsonl]", file=sys.stderr)
        return 2
    path = args[0] if args else os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                             "passages.jsonl")
    content = load(path)
    errors, records, ids = [], [], {}
    for lineno, line in enumerate(content.split("\n"), 1):
        if line == "" and lineno == len(content.split("\n")):
            break  # the newline that ends the last line
        where = f"line {lineno}"
        if not line.strip():
            errors.append(f"{where}: empty line (one JSON object per line)")
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        if isinstance(rec, dict) and isinstance(rec.get("id"), str):
            where = f"line {lineno} ({rec['id']})"
            if rec["id"] in ids:
                errors.append(f"{where}: id already used on line {ids[rec['id']]}")
            ids.setdefault(rec["id"], lineno)
        if check_record(rec, errors, where) is not None:
            records.append(rec)
    if not records and not errors:
        errors.append("the file holds no passages")
    for e in errors:
        print(e, file=sys.stderr)
    if errors:
        print(f"validate.py: {len(errors)} error(s) in {path}", file=sys.stderr)
        return 1
    nf = sum(len(r["flag"]) for r in records)
    nk = sum(len(r["keep"]) for r in records)
    print(f"OK: {len(records)} passages, {nf} must-flag spans, {nk} must-not spans, ids unique, "
          f"every span found at its nth occurrence, no must-flag span overlaps a must-not span")
    if stats:
        print()
        print_stats(records)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
