#!/usr/bin/env python3
"""Turns bench/run's results.tsv and meta.env into a Markdown section with the budgets checked.

A row measured in several rounds (the budgeted reads, ADR 34) is shown by its median round: the
round whose p99 is the median. Its budget is judged on that round, and the Budget column lists
every round's p99 with the CPU share stolen in it. Size ratios compare the medians of p50 and of
p99 over the rounds.

report.py WORKDIR                 print the section
report.py --splice README WORKDIR replace (or append) the engine's section in README
"""
import csv
import sys

READ_P99_MS = 20.0
REFERENCE_SHARE = 0.60
SIZE_RATIO = 1.2
CREATE_PER_S = 1000
SAVE_PER_S = 500
COLD_MS = 2000
RSS_MB = 300
SEED_S = 180

WRITES = ("candidate create API", "scorecard save API", "scorecard submit API")


def load(work):
    meta = {}
    with open(f"{work}/meta.env") as f:
        for line in f:
            key, _, value = line.rstrip("\n").partition("=")
            meta[key] = value
    rows = []
    with open(f"{work}/results.tsv") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            seconds = float(r["seconds"]) or 1.0
            rows.append({
                "name": r["name"],
                "c": int(r["connections"]),
                "rps": int(r["requests"]) / seconds,
                "p50": int(r["p50_us"]) / 1000,
                "p95": int(r["p95_us"]) / 1000,
                "p99": int(r["p99_us"]) / 1000,
                "errors": int(r["status_errors"]) + int(r["socket_errors"]),
                "requests": int(r["requests"]),
                "round": int(r.get("round") or 0),
                "steal": float(r["steal_pct"]) if r.get("steal_pct") else None,  # None: an older run
            })
    return meta, rows


def median(values):
    ordered = sorted(values)
    return ordered[(len(ordered) - 1) // 2]


def rounds_of(rows, name, c):
    return [r for r in rows if r["name"] == name and r["c"] == c]


def find(rows, name, c):
    """The row shown for (name, c): the round with the median p99 (the lower one of an even count)."""
    samples = rounds_of(rows, name, c)
    if not samples:
        return None
    p99 = median([r["p99"] for r in samples])
    return next(r for r in samples if r["p99"] == p99)


def shown(rows):
    """One row per (name, connections), in the order they were first measured."""
    seen, out = set(), []
    for r in rows:
        if (r["name"], r["c"]) not in seen:
            seen.add((r["name"], r["c"]))
            out.append(find(rows, r["name"], r["c"]))
    return out


def pct(value):
    return "–" if value is None else f"{value:.0f}%"


def round_list(rows, r):
    samples = rounds_of(rows, r["name"], r["c"])
    if len(samples) < 2:
        return ""
    return "; p99 by round " + ", ".join(f"{s['p99']:.1f}" for s in samples) + " ms (steal " + ", ".join(pct(s["steal"]) for s in samples) + ")"


def verdict(ok, miss):
    return "ok" if ok else f"**miss** {miss}"


def section(work):
    meta, rows = load(work)
    engine = meta["engine"]
    out = [f"<!-- bench:{engine}:start -->", f"### {meta['engine_version']} ({meta['date']})", ""]
    out.append(
        f"Machine: {meta['nproc']} cores, {meta['cpu']}, {int(meta['memory_mb']) // 1024} GB; .NET SDK {meta['dotnet']}; "
        f"load average at the end {meta['load']} (other work shared the machine). "
        f"wrk over loopback, {meta['duration']} s per row (submits 2 s), after a warm-up. "
        + (f"The reads at 16 connections ran in {meta['rounds']} interleaved rounds; the median round is shown. " if int(meta.get("rounds", "1")) > 1 else "")
        + "Steal: the share of the machine's CPU time the hypervisor took while the row ran.")
    out.append("")
    out.append("| Endpoint | Conn. | req/s | p50 ms | p95 ms | p99 ms | Errors | Steal % | Budget |")
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in shown(rows):
        budget = ""
        if r["name"].startswith("reference"):
            budget = "bare limit"
        elif r["name"] == "candidate create API":
            budget = verdict(r["rps"] >= CREATE_PER_S and r["errors"] == 0,
                             f"{r['rps']:.0f}/s of {CREATE_PER_S}/s ({r['rps'] / CREATE_PER_S:.0%})" + (f", {r['errors']} errors" if r["errors"] else ""))
        elif r["name"] == "scorecard save API":
            if r["c"] == 16:
                budget = verdict(r["rps"] >= SAVE_PER_S and r["errors"] == 0,
                                 f"{r['rps']:.0f}/s of {SAVE_PER_S}/s ({r['rps'] / SAVE_PER_S:.0%})" + (f", {r['errors']} errors" if r["errors"] else ""))
        elif r["name"] not in WRITES and r["c"] == 16:
            budget = verdict(r["p99"] < READ_P99_MS, f"p99 +{r['p99'] - READ_P99_MS:.1f} ms ({r['p99'] / READ_P99_MS:.1f}x)")
        if r["name"] == "pipeline API (100,000 apps)":
            ref = find(rows, "reference pipeline (100,000 apps)", r["c"])
            if ref and ref["rps"] > 0:
                share = r["rps"] / ref["rps"]
                note = f"{share:.0%} of reference " + ("ok" if share >= REFERENCE_SHARE else f"**miss** (budget {REFERENCE_SHARE:.0%})")
                budget = f"{budget}; {note}" if budget else note
        budget += round_list(rows, r)
        steal = "–" if r["steal"] is None else f"{r['steal']:.1f}"
        out.append(f"| {r['name']} | {r['c']} | {r['rps']:,.0f} | {r['p50']:.1f} | {r['p95']:.1f} | {r['p99']:.1f} | {r['errors']} | {steal} | {budget} |")
    out.append("")

    out.append("| Budget | Measured | Verdict |")
    out.append("|---|---|---|")
    for small, big, label in [
        ("pipeline API (1,000 apps)", "pipeline API (100,000 apps)", "pipeline API"),
        ("board page (1,000 apps)", "board page (100,000 apps)", "board page"),
        ("candidate list by job (1,000 apps)", "candidate list by job (100,000 apps)", "candidate list by job"),
    ]:
        ss, bs = rounds_of(rows, small, 16), rounds_of(rows, big, 16)
        if not ss or not bs:
            continue
        s50, s99 = median([r["p50"] for r in ss]), median([r["p99"] for r in ss])
        b50, b99 = median([r["p50"] for r in bs]), median([r["p99"] for r in bs])
        if s50 > 0 and s99 > 0:
            r50, r99 = b50 / s50, b99 / s99
            out.append(f"| {label}: latency at 100,000 within {SIZE_RATIO}x of 1,000 (16 conn., medians) | p50 {s50:.1f} → {b50:.1f} ms ({r50:.2f}x), p99 {s99:.1f} → {b99:.1f} ms ({r99:.2f}x) | "
                       + verdict(r50 <= SIZE_RATIO and r99 <= SIZE_RATIO, f"by {max(r50, r99) - SIZE_RATIO:.2f}x") + " |")
    cold = int(meta["cold_ms"])
    out.append(f"| Cold start to /readyz < {COLD_MS / 1000:.0f} s | {cold} ms | " + verdict(cold < COLD_MS, f"+{cold - COLD_MS} ms") + " |")
    rss = int(meta["rss_peak_kb"]) / 1024
    out.append(f"| Server peak RSS (VmHWM) < {RSS_MB} MB | {rss:.0f} MB (at the end {int(meta['rss_now_kb']) / 1024:.0f} MB) | " + verdict(rss < RSS_MB, f"+{rss - RSS_MB:.0f} MB") + " |")
    seed = float(meta["seed_seconds"])
    out.append(f"| `hirekit demo seed --scale large` < {SEED_S} s | {seed:.1f} s | " + verdict(seed < SEED_S, f"+{seed - SEED_S:.0f} s") + " |")
    out.append(f"<!-- bench:{engine}:end -->")
    return engine, "\n".join(out) + "\n"


def splice(readme, work):
    engine, text = section(work)
    start, end = f"<!-- bench:{engine}:start -->", f"<!-- bench:{engine}:end -->"
    with open(readme) as f:
        content = f.read()
    if start in content and end in content:
        before = content[: content.index(start)]
        after = content[content.index(end) + len(end) + 1:]
        content = before + text + after
    else:
        content = content.rstrip("\n") + "\n\n" + text
    with open(readme, "w") as f:
        f.write(content)


if __name__ == "__main__":
    if sys.argv[1] == "--splice":
        splice(sys.argv[2], sys.argv[3])
    else:
        sys.stdout.write(section(sys.argv[1])[1])
