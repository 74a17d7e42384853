"""Throughput on loopback: gunicorn (production settings, 2 workers) against nginx's static rate.

Servers, each measured with `duration` seconds of wrk on the home page, all in the same run:

1. nginx serving a saved copy of the home page as a static file (the yardstick);
2. gunicorn alone, page cache off (PAGECACHE_ENABLED=0);
3. gunicorn alone, page cache on (local memory), and with Redis when 127.0.0.1:6379 answers;
4. nginx as in production (deploy/nginx.conf without TLS: micro-cache 1 s) in front of the
   gunicorn with the page cache on.

Rounds (`rounds`, default 3). This shared VM's speed moves between minutes (in-process, the same
uncached home page took 5.2 ms of CPU at one time and 8.4 ms at another), so a ratio of two rates
taken minutes apart partly measures the machine. (The largest swings seen before, 123 against 265
uncached req/s for the same code, came from the gunicorn workers instead: gthread workers kept all
of wrk's keep-alive connections on one worker; deploy/gunicorn.conf.py now runs the asgi worker,
whose front closes a connection now and then so the workers share them: pagecache/asgi.py.) So
every server is started once and kept up (an idle server's processes sleep; the CPU they use while
another server is measured is reported), and each round measures every server right next to an nginx
static run (server, static, server: a server's ratio in a round is taken against the static run just
before or after it, seconds apart; every other round runs in reverse order). A server's reported
ratio is the median of its per-round ratios, with their min and max; the rates, latencies and CPU
per request shown are medians too, and the JSON keeps every run's raw figures.

Besides wrk's rate, each run reports the CPU time the server's processes used per request (from
/proc, user + system): on a machine shared with other work the rate follows whatever share of the
CPU the server gets, the CPU per request much less. Before the wrk runs, the home page is also
timed in-process through congdoan.wsgi.application (page-cache hits and uncached renders), the
cost of the application without any HTTP server.

Only 127.0.0.1; every process started here is stopped at the end, even on failure. wrk and nginx
are Debian packages, installed with apt-get when missing.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import BASE_DIR, RESULTS, free_port, process_group, settings_env, wait_for

CONNECTIONS = 16
THREADS = 2
TARGETS = {
    "gunicorn, no page cache": 1 / 200,
    "gunicorn + page cache": 1 / 8,
    "nginx micro-cache + gunicorn": 1 / 2,
}


def ensure_tools() -> None:
    missing = [
        pkg
        for pkg, binary in (("wrk", "wrk"), ("nginx", "nginx"))
        if not shutil.which(binary) and not Path(f"/usr/sbin/{binary}").exists()
    ]
    if missing:
        print(f"apt-get install {' '.join(missing)} ...", flush=True)
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        subprocess.run([*sudo, "apt-get", "update", "-qq"], check=True)
        subprocess.run(
            [*sudo, "apt-get", "install", "-y", "-qq", *missing],
            check=True,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        )


def nginx_binary() -> str:
    return shutil.which("nginx") or "/usr/sbin/nginx"


def process(command: list[str], env: dict | None = None, log: Path | None = None):
    return process_group(command, env=env, log=log, grace=15)


@contextlib.contextmanager
def gunicorn(db: str, size: int, port: int, pagecache: bool, redis_url: str = "", worker_class: str = ""):
    env = settings_env(db, size, pagecache=pagecache, redis_url=redis_url)
    if worker_class:
        env["GUNICORN_WORKER_CLASS"] = worker_class
    env.update(
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS="2",
        GUNICORN_LOGLEVEL="warning",
        PAGECACHE_GENERATION_FILE=str(RESULTS / "pagecache-generation"),
    )
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "-c",
        str(BASE_DIR / "deploy" / "gunicorn.conf.py"),
    ]
    with process(command, env=env, log=RESULTS / "gunicorn.log") as proc:
        wait_for(f"http://127.0.0.1:{port}/")
        yield proc


def render_nginx(workdir: Path, listen: int, upstream_port: int, static_root: Path) -> Path:
    """deploy/nginx.conf for loopback: no TLS, our ports, our folders; plus the static yardstick."""
    template = (BASE_DIR / "deploy" / "nginx.conf").read_text()
    site = re.sub(r"^[ \t]*# tls-begin\n.*?^[ \t]*# tls-end\n", "", template, flags=re.S | re.M)
    site = (
        site.replace("@UPSTREAM@", f"127.0.0.1:{upstream_port}")
        .replace("@CACHE_DIR@", str(workdir / "cache"))
        .replace("@SERVER_NAME@", "127.0.0.1")
        .replace("@APP_DIR@", str(RESULTS))
        .replace("@MEDIA_DIR@", str(workdir / "media"))
        .replace("static_collected/", "static/")
    )
    site = site.replace(
        "    server_name 127.0.0.1;", f"    listen 127.0.0.1:{listen};\n    server_name 127.0.0.1;", 1
    )
    user = "user root;" if os.geteuid() == 0 else ""  # workers must read this temporary folder
    conf = f"""
{user}
worker_processes 1;
pid {workdir}/nginx.pid;
error_log {workdir}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    client_body_temp_path {workdir}/body;
    proxy_temp_path {workdir}/proxy;
    fastcgi_temp_path {workdir}/fastcgi;
    uwsgi_temp_path {workdir}/uwsgi;
    scgi_temp_path {workdir}/scgi;
{site}
    server {{
        listen 127.0.0.1:{listen + 1};
        root {static_root};
        location = / {{ try_files /home.html =404; default_type text/html; }}
    }}
}}
"""
    path = workdir / "nginx.conf"
    path.write_text(conf)
    return path


WRK_LATENCY = re.compile(r"^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s)\s*$", re.M)


def wrk(url: str, duration: int) -> dict:
    output = subprocess.run(
        ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{duration}s", "--timeout", "10s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
        timeout=duration + 30,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    latency = {f"p{p}": float(v) * scale[u] for p, v, u in WRK_LATENCY.findall(output)}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {"rps": rps, "latency_ms": latency, "non_2xx": int(errors.group(1)) if errors else 0}


TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def cpu_by_group(pgids: list[int]) -> dict[int, float]:
    """User + system CPU seconds of the live processes of each process group (Linux /proc, one pass)."""
    ticks = dict.fromkeys(pgids, 0)
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        pgid = int(fields[2])
        if pgid in ticks:
            ticks[pgid] += int(fields[11]) + int(fields[12])
    return {pgid: value / TICK for pgid, value in ticks.items()}


def measured(url: str, duration: int, proc, idle: list | tuple = ()) -> dict:
    """wrk against `url` (after a 1-second warm-up), with the CPU `proc`'s group used per request.

    `idle`: the other servers' processes, not involved in this run; the CPU they used meanwhile is
    reported (idle_cpu_ms), to show that an idle server takes nothing from the measured one.
    """
    wrk(url, 1)
    groups = [proc.pid, *(other.pid for other in idle)]
    before = cpu_by_group(groups)
    result = wrk(url, duration)
    after = cpu_by_group(groups)
    used = after[proc.pid] - before[proc.pid]
    requests = result["rps"] * duration
    result["cpu_us_per_request"] = used / requests * 1e6 if requests else 0.0
    result["idle_cpu_ms"] = round(sum(after[g] - before[g] for g in groups[1:]) * 1000, 1)
    return result


INPROCESS = """
import io, sys, time
from congdoan.wsgi import application
def get():
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": "/", "QUERY_STRING": "", "SERVER_NAME": "127.0.0.1",
               "SERVER_PORT": "80", "HTTP_HOST": "127.0.0.1", "SERVER_PROTOCOL": "HTTP/1.1",
               "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(), "wsgi.errors": sys.stderr}
    status = []
    body = application(environ, lambda s, h, e=None: status.append(s))
    b"".join(body)
    body.close() if hasattr(body, "close") else None
    assert status[0].startswith("200"), status
def cpu_ms(n):
    get()
    started = time.process_time()
    for _ in range(n):
        get()
    return (time.process_time() - started) / n * 1000
print(cpu_ms(int(sys.argv[1])))
"""


def inprocess_ms(db: str, size: int, pagecache: bool, requests: int, redis_url: str = "") -> float:
    """CPU milliseconds per home page through congdoan.wsgi.application, no HTTP server."""
    env = settings_env(db, size, pagecache=pagecache, redis_url=redis_url)
    env["PAGECACHE_GENERATION_FILE"] = str(RESULTS / "pagecache-generation")
    output = subprocess.run(  # noqa: S603 - this interpreter, fixed code
        [sys.executable, "-c", INPROCESS, str(requests)],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    ).stdout
    return float(output.strip().splitlines()[-1])


def redis_available() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


STATIC = "nginx static file"
REDIS_URL = "redis://127.0.0.1:6379/14"


def round_groups(servers: list[str], round_: int) -> list[list[str]]:
    """One round's wrk runs, in order, as groups: server, nginx static, server.

    Each server's ratio is taken against the static run of its group, the run right before or
    after it. Every other round runs in reverse order, so that no server is always measured
    before (or always after) its static run.
    """
    groups = [
        [pair[0], STATIC, *pair[1:]] for pair in (servers[i : i + 2] for i in range(0, len(servers), 2))
    ]
    if round_ % 2:
        groups = [group[::-1] for group in reversed(groups)]
    return groups


def summarize(runs: list[dict]) -> dict:
    """One server's runs over the rounds: medians, the ratios' min and max, and every run as measured."""
    median = statistics.median
    ratios = [run["ratio_to_static"] for run in runs]
    return {
        "rps": median(run["rps"] for run in runs),
        "latency_ms": {
            key: median(run["latency_ms"].get(key, 0.0) for run in runs) for key in runs[0]["latency_ms"]
        },
        "non_2xx": sum(run["non_2xx"] for run in runs),
        "cpu_us_per_request": median(run["cpu_us_per_request"] for run in runs),
        "ratio_to_static": median(ratios),
        "ratio_min": min(ratios),
        "ratio_max": max(ratios),
        "cpu_ratio_to_static": median(run["cpu_ratio_to_static"] for run in runs),
        "idle_cpu_ms": max(run["idle_cpu_ms"] for run in runs),
        "rounds": runs,
    }


def distinct_free_ports(count: int) -> list[int]:
    """`count` free loopback ports, none equal to or next to another (nginx also listens on port + 1)."""
    ports: list[int] = []
    while len(ports) < count:
        port = free_port()
        if all(abs(port - other) > 1 for other in ports):
            ports.append(port)
    return ports


def run(db: str, size: int, duration: int = 10, worker_class: str = "", rounds: int = 3) -> dict:
    ensure_tools()
    rounds = max(1, rounds)
    redis_url = REDIS_URL if redis_available() else ""
    inprocess = {
        "page-cache hit": inprocess_ms(db, size, pagecache=True, requests=2000),
        "uncached render": inprocess_ms(db, size, pagecache=False, requests=10),
    }
    if redis_url:
        inprocess["page-cache hit (Redis)"] = inprocess_ms(
            db, size, pagecache=True, requests=2000, redis_url=redis_url
        )
    plain_port, cached_port, redis_port, nginx_port = distinct_free_ports(4)
    app = {"db": db, "size": size, "worker_class": worker_class}
    with (
        tempfile.TemporaryDirectory(prefix="congdoan-bench-nginx-") as tmp,
        contextlib.ExitStack() as stack,  # exits first: every server stopped, then the folder removed
    ):
        workdir = Path(tmp)
        for sub in ("cache", "media", "site"):
            (workdir / sub).mkdir()
        # Every server started once, all kept up; only the one measured gets requests.
        servers: dict[str, tuple[str, subprocess.Popen]] = {}
        print("throughput: starting gunicorn (no page cache) ...", flush=True)
        url = f"http://127.0.0.1:{plain_port}/"
        servers["gunicorn, no page cache"] = (
            url,
            stack.enter_context(gunicorn(**app, port=plain_port, pagecache=False)),
        )
        # The yardstick's bytes: the same home page, saved for nginx to serve as a static file.
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - loopback only
            (workdir / "site" / "home.html").write_bytes(response.read())
        page_bytes = (workdir / "site" / "home.html").stat().st_size
        print("throughput: starting gunicorn + page cache ...", flush=True)
        cached = stack.enter_context(gunicorn(**app, port=cached_port, pagecache=True))
        servers["gunicorn + page cache"] = (f"http://127.0.0.1:{cached_port}/", cached)
        if redis_url:
            print("throughput: starting gunicorn + page cache in Redis ...", flush=True)
            servers["gunicorn + page cache (Redis)"] = (
                f"http://127.0.0.1:{redis_port}/",
                stack.enter_context(gunicorn(**app, port=redis_port, pagecache=True, redis_url=redis_url)),
            )
        print(
            "throughput: starting nginx (static file; micro-cache in front of gunicorn + page cache) ...",
            flush=True,
        )
        conf = render_nginx(workdir, nginx_port, cached_port, workdir / "site")
        nginx = [nginx_binary(), "-c", str(conf), "-g", "daemon off;", "-e", str(workdir / "error.log")]
        front = stack.enter_context(process(nginx, log=workdir / "nginx.out"))
        static_url, front_url = f"http://127.0.0.1:{nginx_port + 1}/", f"http://127.0.0.1:{nginx_port}/"
        wait_for(static_url)
        wait_for(front_url)
        # The front's CPU per request: nginx only (gunicorn renders about once a second).
        servers["nginx micro-cache + gunicorn"] = (front_url, front)
        targets = {**servers, STATIC: (static_url, front)}
        everyone = [front, *(proc for _, proc in servers.values() if proc is not front)]
        taking_part = {name: {proc.pid} for name, (_, proc) in targets.items()}
        taking_part["nginx micro-cache + gunicorn"].add(cached.pid)

        names = list(servers)
        per_round = sum(len(group) for group in round_groups(names, 0))
        print(
            f"throughput: {rounds} round(s) of {per_round} wrk runs of {duration} s "
            f"(about {rounds * per_round * (duration + 1.5) / 60:.1f} min)",
            flush=True,
        )
        runs: dict[str, list[dict]] = {name: [] for name in [STATIC, *names]}
        started = time.monotonic()
        for round_ in range(rounds):
            for group in round_groups(names, round_):
                group_runs = {}
                for name in group:
                    print(f"throughput round {round_ + 1}/{rounds}: {name} ...", flush=True)
                    target_url, proc = targets[name]
                    idle = [other for other in everyone if other.pid not in taking_part[name]]
                    at = time.monotonic() - started
                    group_runs[name] = {"round": round_ + 1, "started_s": round(at, 1)}
                    group_runs[name].update(measured(target_url, duration, proc, idle))
                yardstick = group_runs[STATIC]
                for name, item in group_runs.items():
                    item["static_rps"] = yardstick["rps"]
                    item["static_cpu_us_per_request"] = yardstick["cpu_us_per_request"]
                    item["ratio_to_static"] = item["rps"] / yardstick["rps"] if yardstick["rps"] else 0.0
                    cpu = item["cpu_us_per_request"]
                    item["cpu_ratio_to_static"] = yardstick["cpu_us_per_request"] / cpu if cpu else 0.0
                    runs[name].append(item)
        elapsed = time.monotonic() - started
    return {
        "duration": duration,
        "rounds": rounds,
        "elapsed_s": round(elapsed, 1),
        "connections": CONNECTIONS,
        "page_bytes": page_bytes,
        "worker_class": worker_class or "deploy/gunicorn.conf.py",
        "load_average": os.getloadavg(),
        "inprocess_ms": inprocess,
        "runs": {name: summarize(items) for name, items in runs.items()},
    }


def share(ratio: float) -> str:
    return f"1/{1 / ratio:.1f}" if ratio else "-"


def print_table(data: dict) -> None:
    print()
    load = ", ".join(f"{value:.1f}" for value in data["load_average"])
    print(
        f"Throughput: wrk {THREADS} threads, {data['connections']} connections, {data['duration']} s each, "
        f"{data['rounds']} round(s); home page {data['page_bytes']} bytes; gunicorn workers: "
        f"{data['worker_class']}; load average {load}"
    )
    print(
        "Medians over the rounds; 'of static' and 'CPU of static': the median of the rounds' ratios, each "
        "against the nginx static run next to it"
    )
    header = (
        f"{'server':<34}{'req/s':>9}{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}{'of static':>11}"
        f"{'CPU us/req':>12}{'CPU of static':>15}  ratios (rounds)"
    )
    print(header)
    print("-" * len(header))
    for name, item in data["runs"].items():
        lat = item["latency_ms"]
        rounds = "" if name == STATIC else " ".join(share(run["ratio_to_static"]) for run in item["rounds"])
        row = (
            f"{name:<34}{item['rps']:>9.0f}{lat.get('p50', 0):>9.2f}{lat.get('p90', 0):>9.2f}"
            f"{lat.get('p99', 0):>9.2f}{share(item['ratio_to_static']):>11}"
            f"{item.get('cpu_us_per_request', 0):>12.0f}{share(item['cpu_ratio_to_static']):>15}  {rounds}"
        )
        print(row.rstrip())
    static_runs = data["runs"][STATIC]["rounds"]
    print(
        "nginx static req/s, run by run: "
        + ", ".join(f"{run['rps']:.0f}" for run in sorted(static_runs, key=lambda run: run["started_s"]))
    )
    idle = max(item["idle_cpu_ms"] for item in data["runs"].values())
    print(
        f"CPU used by the idle servers during another server's run: at most {idle:.0f} ms "
        f"per {data['duration']} s run"
    )
    errors = {name: item["non_2xx"] for name, item in data["runs"].items() if item["non_2xx"]}
    if errors:
        print("Non-2xx/3xx responses: " + ", ".join(f"{name} {count}" for name, count in errors.items()))
    print("In-process, CPU per home page through congdoan.wsgi.application (no HTTP server):")
    for name, ms in data["inprocess_ms"].items():
        print(f"  {name:<32}{ms * 1000:>10.0f} us")


def checks(data: dict) -> list[dict]:
    out = []
    for name, target in TARGETS.items():
        item = data["runs"][name]
        ratio = item["ratio_to_static"]
        spread = ""
        if data["rounds"] > 1:
            low, high = share(item["ratio_min"]), share(item["ratio_max"])
            spread = f", median of {data['rounds']} rounds ({low} to {high})"
        out.append(
            {
                "target": f"{name} >= 1/{round(1 / target)} of nginx static",
                "pass": ratio >= target,
                "detail": f"1/{1 / ratio:.1f}{spread}" if ratio else "no requests",
            }
        )
    return out


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument(
        "--rounds", type=int, default=3, help="measure every server this many times, interleaved (medians)"
    )
    parser.add_argument("--worker-class", default="", help="gunicorn worker class (default: deploy's)")
    parser.add_argument("--json", default="", help="also write the figures, every run's included, to FILE")
    args = parser.parse_args()
    result = run(args.db, args.size, args.duration, args.worker_class, args.rounds)
    print_table(result)
    if args.json:
        import json

        Path(args.json).write_text(json.dumps(result, indent=2), encoding="utf-8")
    for item in checks(result):
        print(f"{'PASS' if item['pass'] else 'FAIL'}  {item['target']}  ({item['detail']})")
