"""Times every report over HTTP (HTTP Basic, demo accounts) and writes the results as JSON and Markdown."""
import argparse
import base64
import datetime
import json
import os
import platform
import subprocess
import time
import urllib.request

# (name, account, path): a month and a year for the range reports, the city and one district.
REPORTS = [
    ("annual 2025", "director", "/api/reports/annual?year=2025"),
    ("annual 2025, one district (manager-xl)", "manager-xl", "/api/reports/annual?year=2025"),
    ("throughput 2025 per month", "manager", "/api/reports/throughput?from=2025-01-01&to=2025-12-31&period=month"),
    ("throughput June 2025 per day", "manager", "/api/reports/throughput?from=2025-06-01&to=2025-06-30&period=day"),
    ("cycle time June 2025", "manager", "/api/reports/cycle-time?from=2025-06-01&to=2025-06-30"),
    ("cycle time 2025", "manager", "/api/reports/cycle-time?from=2025-01-01&to=2025-12-31"),
    ("cycle time by district June 2025", "manager",
     "/api/reports/cycle-time/breakdown?from=2025-06-01&to=2025-06-30&by=district"),
    ("cycle time by week Q2 2025", "manager",
     "/api/reports/cycle-time/breakdown?from=2025-04-01&to=2025-06-30&by=period&period=week"),
    ("cycle time by step June 2025", "manager",
     "/api/reports/cycle-time/breakdown?from=2025-06-01&to=2025-06-30&by=step"),
    ("cycle time by clerk June 2025", "manager",
     "/api/reports/cycle-time/breakdown?from=2025-06-01&to=2025-06-30&by=clerk"),
    ("cycle time by clerk 2025, one district (manager-xl)", "manager-xl",
     "/api/reports/cycle-time/breakdown?from=2025-01-01&to=2025-12-31&by=clerk"),
    ("SLA June 2025 + overdue open cases", "manager", "/api/reports/sla?from=2025-06-01&to=2025-06-30"),
    ("SLA 2025 + overdue open cases", "manager", "/api/reports/sla?from=2025-01-01&to=2025-12-31"),
    ("backlog (100,000 open cases)", "manager", "/api/reports/backlog"),
    ("backlog, one district (manager-xl)", "manager-xl", "/api/reports/backlog"),
    ("quality 2025", "manager", "/api/reports/quality?from=2025-01-01&to=2025-12-31"),
    ("quality June 2025, marriage", "manager",
     "/api/reports/quality?from=2025-06-01&to=2025-06-30&service=marriage-registration"),
]


def call(base, account, path, accept="application/json"):
    request = urllib.request.Request(base + path, headers={
        "Authorization": "Basic " + base64.b64encode(f"{account}:demo".encode()).decode(), "Accept": accept})
    start = time.perf_counter()
    with urllib.request.urlopen(request, timeout=120) as response:
        body = response.read()
        status = response.status
    return time.perf_counter() - start, status, len(body)


def percentile(sorted_values, p):
    rank = max(1, -(-p * len(sorted_values) // 100))
    return sorted_values[int(rank) - 1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--db", default="")
    parser.add_argument("--generate-seconds", default="")
    parser.add_argument("--backfill-seconds", default="")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    only = [o.strip() for o in os.environ.get("ONLY", "").split(",") if o.strip()]
    reports = [r for r in REPORTS if not only or any(o in r[0] for o in only)]
    rows = []
    load_before = open("/proc/loadavg").read().split()[:3]
    for name, account, path in reports:
        for _ in range(2):
            call(args.base, account, path)
        times = []
        size = 0
        for _ in range(args.runs):
            seconds, status, size = call(args.base, account, path)
            if status != 200:
                raise SystemExit(f"{path}: HTTP {status}")
            times.append(seconds * 1000)
        times.sort()
        row = {"report": name, "account": account, "path": path, "runs": args.runs, "bytes": size,
               "p50_ms": round(percentile(times, 50), 1), "p95_ms": round(percentile(times, 95), 1),
               "max_ms": round(times[-1], 1), "load_average": open("/proc/loadavg").read().split()[0]}
        rows.append(row)
        print(f"{row['p95_ms']:9.1f} ms p95  {name}", flush=True)
    counts = subprocess.run(["mysql", "--protocol=socket", "-uroot", "-N", args.db, "-e",
                             "select count(*) from application where decided_at is not null;"
                             "select count(*) from application where decided_at is null;"
                             "select count(*) from ACT_HI_TASKINST;"
                             "select count(*) from rp_case; select count(*) from rp_task;"],
                            capture_output=True, text=True).stdout.split()
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    mem_gb = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30)
    mariadb = subprocess.run(["mysql", "--protocol=socket", "-uroot", "-N", "-e", "select version()"],
                             capture_output=True, text=True).stdout.strip()
    result = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "machine": {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": mem_gb, "os": platform.platform(),
                    "mariadb": mariadb, "jvm_heap": "-Xmx1g",
                    "load_average_before": load_before, "load_average_after": open("/proc/loadavg").read().split()[:3]},
        "data": {"decided_cases": int(counts[0]) if counts else None,
                 "open_cases": int(counts[1]) if len(counts) > 1 else None,
                 "task_history_rows": int(counts[2]) if len(counts) > 2 else None,
                 "generate_seconds": int(args.generate_seconds) if args.generate_seconds else None,
                 "rp_case_rows": int(counts[3]) if len(counts) > 3 else None,
                 "rp_task_rows": int(counts[4]) if len(counts) > 4 else None,
                 "backfill_seconds_waited": int(args.backfill_seconds) if args.backfill_seconds else None},
        "command": " ".join(f"{k}={os.environ[k]}" for k in ("SKIP_GENERATE", "RUNS", "ONLY") if os.environ.get(k))
                   + (" " if any(os.environ.get(k) for k in ("SKIP_GENERATE", "RUNS", "ONLY")) else "")
                   + "bench/reports/run.sh",
        "reports": rows,
        "all_p95_under_1s": all(r["p95_ms"] < 1000 for r in rows),
    }
    os.makedirs(args.out, exist_ok=True)
    stem = os.path.join(args.out, "reports-" + result["date"][:10] + ("-" + "-".join(only).lower().replace(" ", "")
                                                                      if only else ""))
    with open(stem + ".json", "w") as f:
        json.dump(result, f, indent=2, ensure_ascii=False)
    with open(stem + ".md", "w") as f:
        f.write(f"# Reports benchmark, {result['date']}\n\n")
        f.write("Reproduce: `bench/reports/run.sh` (generates the data with `bench/reports/generate.sql`, starts the "
                "packaged jar on MariaDB with the `mysql` profile, times each report over HTTP).\n\n")
        m = result["machine"]
        f.write(f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB, {m['os']}; MariaDB {m['mariadb']}; "
                f"application JVM {m['jvm_heap']}; shared with other builds while it ran (load average "
                f"{' '.join(m['load_average_before'])} before, {' '.join(m['load_average_after'])} after).\n\n")
        d = result["data"]
        f.write(f"Data: {d['decided_cases']:,} ended cases, {d['open_cases']:,} open cases, "
                f"{d['task_history_rows']:,} task history rows"
                + (f"; generated in {d['generate_seconds']} s" if d["generate_seconds"] else "")
                + f"; facts: {d['rp_case_rows']:,} rp_case and {d['rp_task_rows']:,} rp_task rows (start-up backfill"
                + f" waited for {d['backfill_seconds_waited']} s).\n\n")
        f.write(f"Command: `{result['command']}`.\n\n")
        f.write(f"{args.runs} timed calls per report after 2 warm-ups; nearest-rank percentiles; "
                f"every p95 under 1 s: **{'yes' if result['all_p95_under_1s'] else 'no'}**.\n\n")
        f.write("| report | account | p50 ms | p95 ms | max ms | bytes | load avg (1 min) |\n"
                "|---|---|---:|---:|---:|---:|---:|\n")
        for r in rows:
            f.write(f"| {r['report']} | {r['account']} | {r['p50_ms']} | {r['p95_ms']} | {r['max_ms']} | "
                    f"{r['bytes']:,} | {r['load_average']} |\n")
    print("wrote", stem + ".json", stem + ".md")


if __name__ == "__main__":
    main()
