"""Throughput on loopback: gunicorn (production settings, 2 workers) against nginx's static rate.

Runs, each `duration` seconds of wrk on the home page, all in the same run:

1. nginx serving a saved copy of the home page as a static file (the yardstick);
2. gunicorn alone, page cache off (PAGECACHE_ENABLED=0);
3. gunicorn alone, page cache on (local memory), and with Redis when 127.0.0.1:6379 answers;
4. nginx as in production (deploy/nginx.conf without TLS: micro-cache 1 s) in front of gunicorn
   with the page cache on.

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
import subprocess
import sys
import tempfile
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
        "congdoan.wsgi",
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


def group_cpu_seconds(pgid: int) -> float:
    """User + system CPU time of the live processes of a process group (Linux /proc)."""
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[2]) == pgid:
            total += int(fields[11]) + int(fields[12])
    return total / TICK


def measured(url: str, duration: int, proc) -> dict:
    """wrk against `url` (after a 1-second warm-up), with the CPU `proc`'s group used per request."""
    wrk(url, 1)
    before = group_cpu_seconds(proc.pid)
    result = wrk(url, duration)
    used = group_cpu_seconds(proc.pid) - before
    requests = result["rps"] * duration
    result["cpu_us_per_request"] = used / requests * 1e6 if requests else 0.0
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


def run(db: str, size: int, duration: int = 10, worker_class: str = "") -> dict:
    ensure_tools()
    results: dict[str, dict] = {}
    inprocess = {
        "page-cache hit": inprocess_ms(db, size, pagecache=True, requests=2000),
        "uncached render": inprocess_ms(db, size, pagecache=False, requests=10),
    }
    if redis_available():
        inprocess["page-cache hit (Redis)"] = inprocess_ms(
            db, size, pagecache=True, requests=2000, redis_url="redis://127.0.0.1:6379/14"
        )
    app_port, nginx_port = free_port(), free_port()
    app = {"db": db, "size": size, "port": app_port, "worker_class": worker_class}
    url = f"http://127.0.0.1:{app_port}/"
    with tempfile.TemporaryDirectory(prefix="congdoan-bench-nginx-") as tmp:
        workdir = Path(tmp)
        for sub in ("cache", "media", "site"):
            (workdir / sub).mkdir()
        print("throughput: gunicorn (no page cache) ...", flush=True)
        with gunicorn(**app, pagecache=False) as proc:
            # The yardstick's bytes: the same home page, saved for nginx to serve as a static file.
            with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - loopback only
                (workdir / "site" / "home.html").write_bytes(response.read())
            results["gunicorn, no page cache"] = measured(url, duration, proc)
        print("throughput: gunicorn + page cache ...", flush=True)
        with gunicorn(**app, pagecache=True) as proc:
            results["gunicorn + page cache"] = measured(url, duration, proc)
        if redis_available():
            print("throughput: gunicorn + page cache in Redis ...", flush=True)
            with gunicorn(**app, pagecache=True, redis_url="redis://127.0.0.1:6379/14") as proc:
                results["gunicorn + page cache (Redis)"] = measured(url, duration, proc)
        conf = render_nginx(workdir, nginx_port, app_port, workdir / "site")
        nginx = [nginx_binary(), "-c", str(conf), "-g", "daemon off;", "-e", str(workdir / "error.log")]
        print("throughput: nginx static, nginx micro-cache + gunicorn ...", flush=True)
        with gunicorn(**app, pagecache=True), process(nginx, log=workdir / "nginx.out") as front:
            wait_for(f"http://127.0.0.1:{nginx_port + 1}/")
            wait_for(f"http://127.0.0.1:{nginx_port}/")
            results["nginx static file"] = measured(f"http://127.0.0.1:{nginx_port + 1}/", duration, front)
            # The front's CPU per request: nginx only (gunicorn renders about once a second).
            results["nginx micro-cache + gunicorn"] = measured(
                f"http://127.0.0.1:{nginx_port}/", duration, front
            )
        page_bytes = (workdir / "site" / "home.html").stat().st_size
    static = results["nginx static file"]
    for item in results.values():
        item["ratio_to_static"] = item["rps"] / static["rps"] if static["rps"] else 0.0
        cpu = item.get("cpu_us_per_request") or 0.0
        item["cpu_ratio_to_static"] = static["cpu_us_per_request"] / cpu if cpu else 0.0
    return {
        "duration": duration,
        "connections": CONNECTIONS,
        "page_bytes": page_bytes,
        "worker_class": worker_class or "deploy/gunicorn.conf.py",
        "load_average": os.getloadavg(),
        "inprocess_ms": inprocess,
        "runs": results,
    }


def share(ratio: float) -> str:
    return f"1/{1 / ratio:.1f}" if ratio else "-"


def print_table(data: dict) -> None:
    print()
    load = ", ".join(f"{value:.1f}" for value in data["load_average"])
    print(
        f"Throughput: wrk {THREADS} threads, {data['connections']} connections, {data['duration']} s each; "
        f"home page {data['page_bytes']} bytes; gunicorn workers: {data['worker_class']}; load average {load}"
    )
    header = (
        f"{'server':<34}{'req/s':>9}{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}{'of static':>11}"
        f"{'CPU us/req':>12}{'CPU of static':>15}"
    )
    print(header)
    print("-" * len(header))
    for name, item in data["runs"].items():
        lat = item["latency_ms"]
        print(
            f"{name:<34}{item['rps']:>9.0f}{lat.get('p50', 0):>9.2f}{lat.get('p90', 0):>9.2f}"
            f"{lat.get('p99', 0):>9.2f}{share(item['ratio_to_static']):>11}"
            f"{item.get('cpu_us_per_request', 0):>12.0f}{share(item['cpu_ratio_to_static']):>15}"
        )
    print("In-process, CPU per home page through congdoan.wsgi.application (no HTTP server):")
    for name, ms in data["inprocess_ms"].items():
        print(f"  {name:<32}{ms * 1000:>10.0f} us")


def checks(data: dict) -> list[dict]:
    out = []
    for name, share in TARGETS.items():
        ratio = data["runs"][name]["ratio_to_static"]
        out.append(
            {
                "target": f"{name} >= 1/{round(1 / share)} of nginx static",
                "pass": ratio >= share,
                "detail": f"1/{1 / ratio:.1f}" if ratio else "no requests",
            }
        )
    return out


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--worker-class", default="", help="gunicorn worker class (default: deploy's)")
    args = parser.parse_args()
    result = run(args.db, args.size, args.duration, args.worker_class)
    print_table(result)
    for item in checks(result):
        print(f"{'PASS' if item['pass'] else 'FAIL'}  {item['target']}  ({item['detail']})")
