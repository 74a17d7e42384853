"""gunicorn configuration of the portal (systemd: deploy/systemd/congdoan.service).

    gunicorn -c deploy/gunicorn.conf.py congdoan.wsgi

Everything can be overridden from the environment (the benchmark does: GUNICORN_BIND on loopback,
2 workers). Behind nginx, which buffers slow clients, so a worker is never held by one.
Page-cache hits are answered before Django (pagecache/wsgi.py): most of their cost is gunicorn's.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "unix:/run/congdoan/gunicorn.sock")
# (2 x cores) + 1 is gunicorn's rule of thumb for sync workers doing database I/O.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
# Threaded workers: a request waiting on PostgreSQL or object storage does not hold the worker,
# and nginx's upstream connections stay open (deploy/nginx.conf `keepalive`). Measured against
# one thread per worker (what `sync` is; gunicorn turns `sync` with threads > 1 into gthread), the
# same CPU per request within the machine's noise (bench/throughput.py, 100 000 posts: uncached
# home 5.2-6.0 ms both ways, page-cache hit 243-268 us).
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
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
