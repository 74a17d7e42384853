"""gunicorn configuration of the portal (systemd: deploy/systemd/congdoan.service).

    gunicorn -c deploy/gunicorn.conf.py

Everything can be overridden from the environment (the benchmark does: GUNICORN_BIND on loopback,
2 workers). gunicorn's `asgi` worker runs congdoan/asgi.py: page-cache hits answered in its event
loop, Django in one thread per worker (pagecache/asgi.py says why and what it measured).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "unix:/run/congdoan/gunicorn.sock")
# (2 x cores) + 1 is gunicorn's rule of thumb for sync workers doing database I/O.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
# The asgi worker (HTTP parsed in an event loop, connections kept alive), not sync or gthread:
# a page-cache hit costs gunicorn's sync worker a new connection and ~130 us of Python per
# request, a third of that in the event loop (pagecache/asgi.py). Django still runs one request at
# a time per worker. (gthread was tried too: a threaded worker keeps the keep-alive connections it
# accepted, and all 16 of wrk's stayed on one of the two workers.)
# GUNICORN_WORKER_CLASS=sync (or gthread) runs the WSGI stack, congdoan/wsgi.py, as before.
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "asgi")
wsgi_app = os.environ.get(
    "GUNICORN_APP", "congdoan.asgi:application" if worker_class == "asgi" else "congdoan.wsgi:application"
)
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Workers are recycled now and then (a slow leak never grows without bound), not all at once.
# Rarely: a new worker starts with an empty local-memory page cache. A million requests: a worker
# answers up to ~7 000 page-cache hits a second, and 100 000 had it restarting every 15 s under load.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "1000000"))
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
