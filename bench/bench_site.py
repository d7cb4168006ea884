"""Site build at scale: a full build of N jobs against Hugo on the same data, in the same run,
then an unchanged rebuild and rebuilds after one job changes.

    .venv/bin/python bench/bench_site.py [--jobs 10000] [--repeat 1] [--workers 0] [--json]

The jobs are expanded from the real aggregator posts (tests/site/realposts.py) and written as a
real snapshot file. Our build (``services.build.build_site``: Pelican with the site's plugins,
its work shared with a ``concurrent.futures`` process pool) runs in a child process; its wall
time counts from the process start (bytecode caches warmed first, in a private
PYTHONPYCACHEPREFIX), and the time inside ``build_site`` is shown next to it. Hugo (Debian's
/usr/bin/hugo) builds the equivalent site written by bench/hugo_site.py: only the ``hugo`` run
is timed, the writing of its content files is shown apart. Memory is the peak of the whole
process tree's summed PSS (sampled every 50 ms: the pool's processes share memory with the
build) and the largest process's peak RSS (the kernel's VmHWM, exact); the larger counts.

With ``--repeat N`` the full builds run as N back-to-back pairs (ours then Hugo's, then the
other way round, and so on) and the one-job rebuilds (a different job each time) N times. The
ratio is the median of the N pairs' ratios: the machine is shared, its load drifts within a
run, and a pair's two builds see about the same load while the best of each side need not. The
table shows the pair with the median ratio; the rebuild figure is the median rebuild.

Targets (the exit status is 1 when one is missed): pages/s ≥ 2× Hugo's, a one-job change
rebuilt in ≤ 2 s, peak memory ≤ 500 MB.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TODAY = "2026-01-20"  # the capture day of the real posts
SITE_URL = "https://jobs.example.in"
TARGET_RATIO = 2.0
TARGET_INCREMENTAL_S = 2.0
TARGET_MEMORY_MB = 500
HUGO = "/usr/bin/hugo"


# -- data -----------------------------------------------------------------------------------

def make_snapshot(count: int) -> dict:
    """A snapshot of ``count`` distinct jobs made from the real posts."""
    from tests.site.realposts import expanded_postings, snapshot_of

    return snapshot_of(expanded_postings(count), dt.date.fromisoformat(TODAY))


def change_one_job(snapshot: dict, today: str = TODAY, nth: int = 0) -> tuple[dict, str]:
    """The snapshot after one open job got a new notice (a new title, an update dated today);
    ``nth`` picks another job for each rebuild of a series."""
    changed = copy.deepcopy(snapshot)
    live = [j for j in changed["jobs"] if (j["facts"].get("apply_last") or "") >= today]
    job = live[(len(live) // 2 + 7 * nth) % len(live)]
    job["facts"]["title"] = f"{job['facts']['title']} (revised)"
    job["content_hash"] = f"{job['content_hash']}-revised"
    job["last_seen"] = today
    job["events"].append({**job["events"][0], "title": job["facts"]["title"],
                          "first_seen": today, "date": today})
    return changed, job["slug"]


# -- measuring a child process --------------------------------------------------------------

def _proc_kb(pid: int, file: str, field: str) -> int:
    try:
        with open(f"/proc/{pid}/{file}") as stream:
            for line in stream:
                if line.startswith(field):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _tree(pid: int) -> list[int]:
    try:
        import psutil

        return [pid] + [c.pid for c in psutil.Process(pid).children(recursive=True)]
    except Exception:  # psutil missing or the process is gone
        return [pid]


def measure(command: list[str], env: dict | None = None) -> dict:
    """Run ``command``; its wall time, output, the peak RSS of its largest process (VmHWM:
    ru_maxrss would count the memory of this process, from which the child was forked) and the
    peak of the PSS summed over its process tree."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(command, stdout=out, stderr=err, env=env, cwd=ROOT)
        wall, pss, hwm = _wait(proc)
        out.seek(0)
        err.seek(0)
        return {"returncode": proc.returncode, "wall": wall - started,
                "stdout": out.read().decode(), "stderr": err.read().decode(),
                "maxrss_mb": hwm / 1024, "pss_mb": pss / 1024}


def _wait(proc: subprocess.Popen) -> tuple[float, int, int]:
    """Wait for ``proc`` while sampling its tree: (end time, peak PSS sum, peak VmHWM) in kB."""
    pss, hwm = [0], {}
    done = threading.Event()

    def sample():
        while not done.wait(0.05):
            tree = _tree(proc.pid)
            pss[0] = max(pss[0], sum(_proc_kb(p, "smaps_rollup", "Pss:") for p in tree))
            for p in tree:
                hwm[p] = max(hwm.get(p, 0), _proc_kb(p, "status", "VmHWM:"))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    proc.wait()
    ended = time.perf_counter()
    done.set()
    sampler.join()
    return ended, pss[0], max(hwm.values(), default=0)


def child_env(work: Path, workers: int) -> dict:
    env = {**os.environ, "JOBS_VAR_DIR": str(work / "var"), "PYTHONPATH": str(ROOT),
           "PYTHONPYCACHEPREFIX": str(work / "pycache"), "JOBS_BUILD_WORKERS": str(workers)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # our build, like any deployment, has .pyc files
    return env


def run_build(snapshot: Path, output: Path, env: dict, today: str = TODAY) -> dict:
    """One build in a child process: timings, HTML files, files written, memory."""
    result = measure([sys.executable, __file__, "--worker", str(snapshot), str(output), today],
                     env)
    if result["returncode"] != 0:
        raise SystemExit(f"site build failed:\n{result['stderr'][-3000:]}")
    inside = json.loads(result["stdout"].strip().splitlines()[-1])
    return {**inside, "wall": result["wall"],
            "maxrss_mb": max(result["maxrss_mb"], inside.pop("largest_rss_mb")),
            "pss_mb": result["pss_mb"]}


def worker(snapshot: str, output: str, today: str) -> None:
    """The child: build the site, print what the build did as one JSON line (with its own and
    its helpers' peak RSS, exact where the sampling could miss a short peak)."""
    started = time.perf_counter()
    import pelican  # noqa: F401  (build_site imports it: counted with the start-up)

    from services.build import build_site, last_build

    imported = time.perf_counter()
    html = build_site(Path(snapshot), Path(output), today, SITE_URL)
    seconds = time.perf_counter() - imported
    report = last_build(Path(output))
    helpers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    own = _proc_kb(os.getpid(), "status", "VmHWM:")
    print(json.dumps({"build_seconds": seconds, "import_seconds": imported - started,
                      "html": html, "written": report["written"], "removed": report["removed"],
                      "largest_rss_mb": max(own, helpers) / 1024}))


# -- Hugo -------------------------------------------------------------------------------------

def hugo_version() -> str | None:
    if not Path(HUGO).is_file():
        return None
    proc = subprocess.run([HUGO, "version"], capture_output=True, text=True, timeout=60)
    return proc.stdout.strip().split(" BuildDate")[0] if proc.returncode == 0 else None


def run_hugo(snapshot: dict, root: Path, today: str = TODAY) -> dict:
    from bench.hugo_site import write_hugo_site

    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    started = time.perf_counter()
    contents = write_hugo_site(snapshot, root, dt.date.fromisoformat(today), SITE_URL)
    written = time.perf_counter() - started
    result = measure([HUGO, "--quiet", "--buildFuture", "-s", str(root), "-d",
                      str(root / "public"), "--cacheDir", str(root / "cache")])
    if result["returncode"] != 0:
        raise SystemExit(f"hugo failed:\n{result['stderr'][-3000:]}")
    html = [p for p in (root / "public").rglob("*.html")]
    aliases = sum(1 for p in html if p.stat().st_size < 1024
                  and 'http-equiv="refresh"' in p.read_text(encoding="utf-8", errors="replace"))
    return {"wall": result["wall"], "content_files": contents, "write_seconds": written,
            "html": len(html), "aliases": aliases, "maxrss_mb": result["maxrss_mb"],
            "pss_mb": result["pss_mb"]}


# -- the run ----------------------------------------------------------------------------------

def shows_job(output: Path, path: str, slug: str) -> bool:
    return path == "sitemap.xml" or slug in (output / path).read_text(encoding="utf-8")


def bench(jobs: int, work: Path, *, repeat: int = 1, workers: int = 0, hugo: bool = True,
          log=print) -> dict:
    """Everything the bench measures, as a dict (``log`` gets progress lines)."""
    from core.storage.snapshot import write_snapshot

    started = time.perf_counter()
    snapshot = make_snapshot(jobs)
    path = write_snapshot(snapshot, work / "snapshot.json")
    log(f"{len(snapshot['jobs'])} jobs expanded from the real posts in "
        f"{time.perf_counter() - started:.1f} s ({path.stat().st_size / 1e6:.1f} MB snapshot)")
    env = child_env(work, workers)
    # warm-up: bytecode caches and the page cache, so no run pays for them
    warm = {**snapshot, "jobs": snapshot["jobs"][:20]}
    run_build(write_snapshot(warm, work / "warm.json"), work / "warm", env)
    version = hugo_version() if hugo else None
    skipped = ("--no-hugo" if not hugo else f"not found at {HUGO}") if version is None else None
    if skipped:
        log(f"Hugo {skipped}: the baseline is skipped")

    pairs = []  # (ours, Hugo's or None, ratio or None)
    for n in range(repeat):
        def mine(n=n):
            return run_build(path, work / f"site-{n}", env)

        def hugos():
            return run_hugo(snapshot, work / "hugo") if version else None

        if n % 2:
            theirs = hugos()
            ours = mine()
        else:
            ours, theirs = mine(), hugos()
        ratio = (ours["html"] / ours["wall"]) / (theirs["html"] / theirs["wall"]) if theirs else None
        pairs.append((ours, theirs, ratio))
        log(f"  pair {n + 1}: ours {ours['wall']:.2f} s, {ours['html']} HTML files"
            + (f"; Hugo {theirs['wall']:.2f} s, {theirs['html']} HTML files; ratio {ratio:.2f}"
               if theirs else ""))
    by_ratio = sorted(range(repeat), key=lambda n: (pairs[n][2] or 0, -pairs[n][0]["wall"]))
    median = by_ratio[len(by_ratio) // 2]
    full, baseline, _ = pairs[median]
    output = work / f"site-{median}"

    unchanged = run_build(path, output, env)
    rebuilds = []
    for n in range(repeat):
        snapshot, slug = change_one_job(snapshot, nth=n)
        write_snapshot(snapshot, path)
        rebuilds.append({**run_build(path, output, env), "slug": slug})
        rebuilds[-1]["shows_the_job"] = all(shows_job(output, p, slug)
                                            for p in rebuilds[-1]["written"])
        log(f"  one job changed, run {n + 1}: {rebuilds[-1]['wall']:.2f} s, "
            f"{len(rebuilds[-1]['written'])} files written")
    incremental = sorted(rebuilds, key=lambda r: r["wall"])[len(rebuilds) // 2]  # the median
    slug, written = incremental["slug"], incremental["written"]
    report = {
        "jobs": len(snapshot["jobs"]),
        "ours": {**{k: full[k] for k in ("wall", "build_seconds", "import_seconds", "html",
                                          "maxrss_mb", "pss_mb")},
                 "files_written": len(full["written"]),
                 "pages_per_s": full["html"] / full["wall"]},
        "hugo_skipped": skipped,
        "hugo": None if baseline is None else {
            **baseline, "version": version, "pages_per_s": baseline["html"] / baseline["wall"]},
        "unchanged": {"wall": unchanged["wall"], "build_seconds": unchanged["build_seconds"],
                      "files_written": len(unchanged["written"])},
        "incremental": {
            "slug": slug, "wall": incremental["wall"],
            "build_seconds": incremental["build_seconds"], "files_written": len(written),
            "written": written,
            "job_page_written": f"jobs/{slug}/index.html" in written,
            "all_show_the_job": all(r["shows_the_job"] for r in rebuilds),
            "runs": [r["wall"] for r in rebuilds],
            "maxrss_mb": incremental["maxrss_mb"], "pss_mb": incremental["pss_mb"]},
    }
    ratio = pairs[median][2]
    memory = max(max(r["maxrss_mb"], r["pss_mb"]) for r, _, _ in pairs)
    report["ratio"] = ratio
    report["pair_ratios"] = [r for _, _, r in pairs]
    report["memory_mb"] = memory
    report["verdict"] = {
        "pages_per_s": None if ratio is None else ratio >= TARGET_RATIO,
        "incremental": incremental["wall"] <= TARGET_INCREMENTAL_S,
        "memory": memory <= TARGET_MEMORY_MB,
    }
    return report


def _ok(flag) -> str:
    return "skipped" if flag is None else ("PASS" if flag else "FAIL")


def print_report(report: dict) -> None:
    ours, hugo = report["ours"], report["hugo"]
    inc, same, verdict = report["incremental"], report["unchanged"], report["verdict"]
    memory = report["memory_mb"]
    rows = [  # (figure, ours, Hugo, target, verdict)
        ("full build, wall s", f"{ours['wall']:.2f}", hugo and f"{hugo['wall']:.2f}", "", ""),
        ("  inside build_site, s", f"{ours['build_seconds']:.2f}", "", "", ""),
        ("HTML files", f"{ours['html']}",
         hugo and f"{hugo['html']} ({hugo['aliases']} redirects)", "", ""),
        ("pages/s", f"{ours['pages_per_s']:.0f}", hugo and f"{hugo['pages_per_s']:.0f}", "", ""),
        ("pages/s, ours ÷ Hugo", "" if report["ratio"] is None else f"{report['ratio']:.2f}",
         "", f"≥ {TARGET_RATIO:.1f}", _ok(verdict["pages_per_s"])),
        ("peak memory, tree PSS MB", f"{ours['pss_mb']:.0f}", hugo and f"{hugo['pss_mb']:.0f}",
         "", ""),
        ("peak memory, largest RSS MB", f"{ours['maxrss_mb']:.0f}",
         hugo and f"{hugo['maxrss_mb']:.0f}", "", ""),
        ("peak memory counted, MB", f"{memory:.0f}", "", f"≤ {TARGET_MEMORY_MB}",
         _ok(verdict["memory"])),
        ("rebuild, one job changed, s", f"{inc['wall']:.2f}", "", f"≤ {TARGET_INCREMENTAL_S:.0f}",
         _ok(verdict["incremental"])),
        ("  files written", f"{inc['files_written']}", "", "", ""),
        ("rebuild, nothing changed, s", f"{same['wall']:.2f}", "", "", ""),
        ("  files written", f"{same['files_written']}", "", "", ""),
    ]
    print()
    print(f"{report['jobs']} jobs; Hugo: "
          + (hugo["version"] if hugo else f"{report['hugo_skipped']}, no baseline"))
    print(f"{'figure':30} {'ours':>10} {'Hugo':>24} {'target':>18} {'':>7}")
    for figure, mine, theirs, target, ok in rows:
        print(f"{figure:30} {mine:>10} {theirs or '':>24} {target:>18} {ok:>7}")
    print(f"\nfull build: start-up and imports {ours['import_seconds']:.2f} s; Hugo's content "
          + (f"files written in {hugo['write_seconds']:.1f} s (not timed)" if hugo else "skipped"))
    print(f"one-job rebuilds: {', '.join(f'{w:.2f}' for w in inc['runs'])} s (median counts); "
          f"the changed job's page written: {'yes' if inc['job_page_written'] else 'NO'}; "
          f"every other file written shows it: {'yes' if inc['all_show_the_job'] else 'NO'}")
    print(f"peak memory counted (the largest over the full builds): {memory:.0f} MB")
    if report["pair_ratios"] and report["pair_ratios"][0] is not None:
        print("pages/s ratio of each pair: "
              + ", ".join(f"{r:.2f}" for r in report["pair_ratios"]) + " (the median counts)")


def exit_status(verdict: dict) -> int:
    """1 when a target was missed (a skipped one, e.g. no Hugo, is not a miss)."""
    return 0 if all(v is not False for v in verdict.values()) else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=1, help="full builds of each (best pair counts) and one-job rebuilds (median counts)")
    parser.add_argument("--workers", type=int, default=0,
                        help="JOBS_BUILD_WORKERS for our build (0: one per CPU)")
    parser.add_argument("--no-hugo", action="store_true")
    parser.add_argument("--json", action="store_true", help="print the report as JSON too")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--worker", nargs=3, metavar=("SNAPSHOT", "OUTPUT", "TODAY"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(*args.worker)
        return 0
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-site-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        report = bench(args.jobs, work, repeat=args.repeat, workers=args.workers,
                       hugo=not args.no_hugo)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print_report(report)
    if args.json:
        print(json.dumps({k: v for k, v in report.items()}, default=str))
    return exit_status(report["verdict"])


if __name__ == "__main__":
    raise SystemExit(main())
