"""gunicorn configuration of the portal (systemd: deploy/systemd/congdoan.service).

    gunicorn -c deploy/gunicorn.conf.py congdoan.wsgi

Everything can be overridden from the environment (the benchmark does: GUNICORN_BIND on loopback,
2 workers). Sync workers behind nginx: nginx buffers slow clients, so a worker is never held by one.
Page-cache hits are answered before Django (pagecache/wsgi.py): most of their cost is gunicorn's.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "unix:/run/congdoan/gunicorn.sock")
# (2 x cores) + 1 is gunicorn's rule of thumb for sync workers doing database I/O.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
# Sync workers, one request at a time each. Not gthread: a threaded worker keeps the keep-alive
# connections it accepted (nginx's upstream pool, deploy/nginx.conf `keepalive`), and measured with
# bench/throughput.py all 16 connections stayed on one of the two workers (111% and 0% CPU): 94
# uncached home pages a second against 212 with sync workers, both busy. gunicorn runs `sync`
# with threads > 1 as gthread, so threads stays 1 here (the earlier default of 4 did just that).
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "sync")
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Workers are recycled now and then (a slow leak never grows without bound), not all at once.
# Rarely: a new worker starts with an empty local-memory page cache.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "100000"))
max_requests_jitter = max_requests // 10
# Load the application once in the master: workers fork with it (faster start, shared memory).
preload_app = True
accesslog = os.environ.get("GUNICORN_ACCESSLOG") or None  # nginx keeps the access log
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
proc_name = "congdoan"
# Trust X-Forwarded-* from nginx on this host only.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")


def post_fork(server, worker):
    # Connections opened in the master (preload) must not be shared with the workers.
    from django.db import connections

    connections.close_all()


def when_ready(server):
    # What the master loaded (the whole application, preload_app) is never garbage: frozen, the
    # collector stops scanning it, and the workers' copies of its pages stay shared.
    import gc

    gc.freeze()


def post_request(worker, req, environ, resp):
    # Once per worker, after its first request: freeze what the application loads lazily
    # (templates, URL resolvers, compiled queries). A full collection over those objects cost tens
    # of milliseconds every few hundred requests (bench: max per-request CPU 150 ms -> 15 ms).
    if not getattr(worker, "gc_frozen", False):
        import gc

        gc.freeze()
        worker.gc_frozen = True
