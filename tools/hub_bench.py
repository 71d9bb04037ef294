"""`make hub-bench`: N learners on a real class hub on this machine, into build/hub-bench.json.

Each learner is created through the hub's REST API, their server started, the lessons pulled
by nbgitpuller, then in their own server lesson 00 is run and the exercises of lessons 00 and
02 answered through the widgets' own code (Submit), and the work handed in. Measured: server
start and lesson run (p50/p95, all learners at once), answers given / received by the service
/ lost, and the seconds from the last submit to the class view showing it. Loopback only;
bounded in count (at most 60 learners) and time (--timeout); everything started is stopped.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import hubrun  # noqa: E402 - the hub driver next to this file

ROOT = hubrun.ROOT
SECTIONS = {"00_start_here": ["first-reading", "observe"],
            "02_context_timeline": ["what-they-knew", "what-followed", "how-we-know"]}
LAST_SUBMIT = "import time; print('last-submit', time.time())"
HAND_IN = "from primary_source.handin import hand_in; print(hand_in().message)"


def pct(values: list[float], q: float) -> float | None:
    if not values:
        return None
    values = sorted(values)
    return round(values[min(len(values) - 1, int(round(q * (len(values) - 1))))], 2)


async def learner(hub: hubrun.Hub, name: str, token: str, lessons: Path, branch: str,
                  result: dict, arrivals: asyncio.Semaphore) -> None:
    async with arrivals:  # learners arrive a few at a time, as a class does
        result["server_start"] = await hub.start_server(name, timeout=600)
    await hub.pull(name, token, str(lessons), branch)
    home = hub.state / "homes" / name / "primary-source"
    t0 = time.monotonic()
    kernel = await hub.kernel(name, token, "primary-source/notebooks")
    try:
        await kernel.run_notebook(home / "notebooks" / "00_start_here.ipynb")
        given = 0
        for i, (notebook, sections) in enumerate(SECTIONS.items()):
            out = await kernel.run(hubrun.answer_code(notebook, sections,
                                                      wrong=(int(name[-2:]) + i) % 3 == 0))
            given += int(out.split("given")[-1].split()[0])
        last = float((await kernel.run(LAST_SUBMIT)).split()[-1])
        result["lesson_run"] = time.monotonic() - t0
        handed = await kernel.run(HAND_IN)
    finally:
        await kernel.close()
    result.update(given=given, last_submit=last, handed_in=handed.startswith("Handed in"))


def learners_memory_mb(roots: list[int]) -> float:
    """Resident memory of the learners' servers and their kernels (Linux /proc), in MB."""
    parent, rss = {}, {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            parent[int(entry.name)] = int(stat[1])
            rss[int(entry.name)] = int(stat[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    total, todo, seen = 0, list(roots), set()
    children: dict[int, list[int]] = {}
    for pid, ppid in parent.items():
        children.setdefault(ppid, []).append(pid)
    while todo:
        pid = todo.pop()
        if pid in seen or pid not in rss:
            continue
        seen.add(pid)
        total += rss[pid]
        todo += children.get(pid, [])
    return total / 1e6


async def watch(hub: hubrun.Hub, token: str, samples: list, memory: list,
                stop: asyncio.Event) -> None:
    """Poll the class view's data as the teacher's page does: (time, answers shown)."""
    while not stop.is_set():
        try:
            view = await hub.api("GET", "/services/handin/api/class", token=token)
            samples.append((time.time(), sum(ex["answered"] for ex in view["exercises"])))
        except Exception:  # noqa: BLE001 - a slow answer under load is not a result
            pass
        if len(samples) % 8 == 0:
            memory.append(learners_memory_mb(list(hub.server_pids.values())))
        await asyncio.sleep(0.25)


async def bench(hub: hubrun.Hub, n: int, lessons: Path, branch: str, arrive: int) -> dict:
    names = [f"learner{i:02d}" for i in range(1, n + 1)]
    tokens = {name: await hub.add_user(name) for name in [*names, "teacher"]}
    results: dict[str, dict] = {name: {} for name in names}
    samples: list[tuple[float, int]] = []
    memory: list[float] = []
    stop = asyncio.Event()
    watcher = asyncio.create_task(watch(hub, tokens["teacher"], samples, memory, stop))
    arrivals = asyncio.Semaphore(arrive)
    outcomes = await asyncio.gather(*(learner(hub, name, tokens[name], lessons, branch,
                                              results[name], arrivals) for name in names),
                                    return_exceptions=True)
    failures = {name: repr(o)[:300] for name, o in zip(names, outcomes, strict=True)
                if isinstance(o, BaseException)}
    given = sum(r.get("given", 0) for r in results.values())
    last_submit = max((r["last_submit"] for r in results.values() if "last_submit" in r),
                      default=time.time())
    expected = {(name, ex) for name in names for ex in _answered(hub, name)}
    for _ in range(240):  # at most a minute more for the view to catch up
        if samples and samples[-1][1] >= len(expected):
            break
        await asyncio.sleep(0.25)
    stop.set()
    await watcher
    shown = [t for t, count in samples if count >= len(expected)]
    seen_after = round(max(0.0, shown[0] - last_submit), 2) if shown else None
    received = sum(len(list((hub.state / "handins" / name / "answers").glob("*/*.json")))
                   for name in names)
    queued = sum(len(list((hub.state / "homes" / name / "responses" / ".handin-queue")
                          .glob("[0-9]*.json"))) for name in names)
    starts = [r["server_start"] for r in results.values() if "server_start" in r]
    runs = [r["lesson_run"] for r in results.values() if "lesson_run" in r]
    return {
        "learners": n,
        "arriving_at_once": arrive,
        "learners_finished": sum(1 for r in results.values() if "lesson_run" in r),
        "server_start_s": {"p50": pct(starts, 0.5), "p95": pct(starts, 0.95)},
        "lesson_run_s": {"p50": pct(runs, 0.5), "p95": pct(runs, 0.95),
                         "what": "lesson 00 run top to bottom, then the exercises of lessons "
                                 "00 and 02 answered and submitted through the widgets"},
        "answers_given": given,
        "answers_received": received,
        "answers_lost": given - received,
        "answers_still_queued": queued,
        "handed_in": sum(1 for r in results.values() if r.get("handed_in")),
        "seconds_last_submit_to_class_view": seen_after,
        "class_view_polls": len(samples),
        "learners_memory_mb_peak": round(max(memory, default=0.0)),
        "learners_memory_mb_end": round(learners_memory_mb(list(hub.server_pids.values()))),
        "failures": failures,
    }


def _answered(hub: hubrun.Hub, name: str) -> list[str]:
    path = hub.state / "homes" / name / "responses" / "me.json"
    try:
        return list(json.loads(path.read_text())["answers"])
    except (OSError, ValueError, KeyError):
        return []


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=30)
    parser.add_argument("--timeout", type=float, default=1800, help="seconds for the whole run")
    parser.add_argument("--arrive", type=int, default=5,
                        help="servers starting at the same time (learners arriving)")
    parser.add_argument("--out", default=str(ROOT / "build" / "hub-bench.json"))
    args = parser.parse_args()
    n = max(1, min(args.learners, 60))
    work = ROOT / "build" / "hub-bench"
    shutil.rmtree(work, ignore_errors=True)
    lessons = work / "lessons"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(lessons)], check=True)
    hub = hubrun.Hub(work / "state")
    t0 = time.monotonic()
    hub.start()
    try:
        report = asyncio.run(asyncio.wait_for(
            bench(hub, n, lessons, hubrun.git_branch(lessons), max(1, args.arrive)),
            args.timeout))
    finally:
        hub.stop()
    report.update(total_s=round(time.monotonic() - t0, 1), cpus=os.cpu_count(),
                  machine=platform.platform(),
                  load_average_after=[round(x, 2) for x in os.getloadavg()])
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))
    return 0 if report["answers_lost"] == 0 and not report["failures"] else 1


if __name__ == "__main__":
    sys.exit(main())
