"""The ASGI front gunicorn runs (deploy/gunicorn.conf.py, worker class `asgi`).

Why ASGI at all, when every view is synchronous: gunicorn's `asgi` worker keeps connections alive
and parses HTTP in an event loop, at a fraction of the cost of its `sync` and `gthread` workers.
Measured with bench/throughput.py's wrk on loopback, a WSGI app that only returns 52 KB: sync
9 400 req/s (a new connection per request), gthread 12 000-15 500, asgi 41 500, nginx serving the
same bytes 87 000-97 000. So a page-cache hit is answered here, in the event loop, without a thread.

Everything else is the WSGI application as before (congdoan/wsgi.py: PageCacheApp around Django),
run in one thread per worker process: one Django request at a time per process, like the `sync`
worker, so its database connection and per-process memo stay as they were. The response streams
back chunk by chunk (file downloads are not held in memory), and the response's close() is always
called, which ends Django's request (request_finished: database connections, signals).

A hit looks up the generation in the event loop: a stat of a file (local memory cache) or a GET of
a few bytes on Redis.
"""

from __future__ import annotations

import asyncio
import contextvars
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

from .wsgi import PageCacheApp

# Request bodies above this size are spooled to a temporary file, not kept in memory.
SPOOL_BYTES = 1024 * 1024
# A connection kept alive stays with the worker that accepted it, and an event loop accepts every
# connection waiting when it wakes: measured, all 16 of wrk's connections sometimes landed on one
# of the two workers (8 100 page-cache hits/s against 13 500-18 700 when shared; uncached pages
# 172 against 390). So, as nginx's keepalive_requests does, connections are closed now and then:
# every DJANGO_KEEPALIVE-th answer from Django and every STORED_KEEPALIVE-th stored page of a
# worker announces "Connection: close". The client's next connection goes to whichever worker
# wakes first, the idle one, so the load evens out within a second. (Closing after every answer
# from Django, like the sync worker, balanced as well but cost 7 % of the uncached rate.)
DJANGO_KEEPALIVE = 10
STORED_KEEPALIVE = 1000
CLOSE = (b"connection", b"close")


def environ_from_scope(scope: dict, body) -> dict:
    """The WSGI environ of an ASGI HTTP request (PEP 3333 strings: latin-1 of the UTF-8 bytes).

    Not asgiref's WsgiToAsgiInstance.build_environ: it joins repeated Cookie headers with ","
    (a cookie value then swallows the next cookie) and never calls the response's close()."""
    script_name = scope.get("root_path", "").encode("utf-8").decode("latin-1")
    path_info = scope["path"].encode("utf-8").decode("latin-1")
    if script_name and path_info.startswith(script_name):
        path_info = path_info[len(script_name) :]
    server = scope.get("server") or ("localhost", 80)
    environ = {
        "REQUEST_METHOD": scope["method"],
        "SCRIPT_NAME": script_name,
        "PATH_INFO": path_info,
        "QUERY_STRING": scope.get("query_string", b"").decode("latin-1"),
        "SERVER_NAME": str(server[0]),
        "SERVER_PORT": str(server[1] if server[1] is not None else 80),
        "SERVER_PROTOCOL": f"HTTP/{scope.get('http_version', '1.1')}",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": scope.get("scheme", "http"),
        "wsgi.input": body,
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    client = scope.get("client")
    if client:
        environ["REMOTE_ADDR"] = client[0]
    for raw_name, raw_value in scope.get("headers", ()):
        name = raw_name.decode("latin-1").upper().replace("-", "_")
        if name not in ("CONTENT_LENGTH", "CONTENT_TYPE"):
            name = "HTTP_" + name
        value = raw_value.decode("latin-1")
        # Repeated headers are joined, as a WSGI server does (cookies with "; ").
        if name in environ:
            value = environ[name] + ("; " if name == "HTTP_COOKIE" else ",") + value
        environ[name] = value
    return environ


def start_message(status: str, headers, close: bool) -> dict:
    """The ASGI start of a WSGI response, announcing the connection's close when `close`."""
    encoded = [(name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in headers]
    if close:
        encoded.append(CLOSE)
    return {"type": "http.response.start", "status": int(status[:3]), "headers": encoded}


class PageCacheASGI:
    """ASGI application: page-cache hits in the event loop, the rest to `front` in a thread."""

    def __init__(self, front: PageCacheApp):
        self.front = front
        # One thread: Django runs one request at a time in each worker process.
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="django")
        self.served = {"django": 0, "stored": 0}
        # Django keeps its cache clients per context, and each request is a task of its own: one
        # context for every lookup made in the event loop, or each request would build a new cache
        # client (a new connection to Redis: measured 984 us of CPU per hit against 71 in-process).
        self.loop_context = contextvars.Context()

    async def __call__(self, scope, receive, send):
        if scope["type"] == "lifespan":
            await self.lifespan(receive, send)
        elif scope["type"] == "http":
            await self.http(scope, receive, send)
        # The portal has no WebSocket endpoint: any other scope is refused by returning.

    @staticmethod
    async def lifespan(receive, send):
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def http(self, scope, receive, send):
        # A stored page is answered before the request body is read: a GET has none.
        environ = environ_from_scope(scope, body=None)
        found = self.loop_context.run(self.front.lookup, environ)
        if found is not None and found[2] is not None:
            await self.send_stored(environ, found[2], send)
            return
        body = environ["wsgi.input"] = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)
        try:
            while True:
                message = await receive()
                if message["type"] == "http.disconnect":
                    return
                body.write(message.get("body", b""))
                if not message.get("more_body"):
                    break
            body.seek(0)
            loop = asyncio.get_running_loop()
            whole = await loop.run_in_executor(self.executor, self.run_wsgi, environ, found, send, loop)
            if whole is not None:
                start, content = whole
                await send(start)
                await send({"type": "http.response.body", "body": content})
        finally:
            body.close()

    def closes(self, kind: str, every: int) -> bool:
        """Whether this answer of `kind` closes its connection (see DJANGO_KEEPALIVE)."""
        self.served[kind] += 1
        return self.served[kind] % every == 0

    async def send_stored(self, environ, entry, send):
        started = {}
        closing = self.closes("stored", STORED_KEEPALIVE)

        def start_response(status, headers, exc_info=None):
            started["message"] = start_message(status, headers, closing)

        chunks = PageCacheApp.serve(environ, start_response, entry)
        await send(started["message"])
        await send({"type": "http.response.body", "body": b"".join(chunks)})

    def run_wsgi(self, environ, found, send, loop):
        """In the worker's Django thread: the WSGI answer. A page (a response already in memory)
        is returned whole, for the event loop to send; a streamed one (a file, an export) is sent
        from here chunk by chunk as it comes, each chunk handed to the loop and waited for."""
        started = {}
        closing = self.closes("django", DJANGO_KEEPALIVE)

        def emit(message):
            asyncio.run_coroutine_threadsafe(send(message), loop).result()

        def start_response(status, headers, exc_info=None):
            if exc_info and "sent" in started:
                raise exc_info[1].with_traceback(exc_info[2])
            started["message"] = start_message(status, headers, closing)
            return lambda data: None  # the write() callable: Django never uses it

        result = self.front.respond(environ, start_response, found)
        try:
            if not getattr(result, "streaming", False):
                # Each hand-over to the loop costs a thread switch: a page goes over in one.
                return started["message"], b"".join(result)
            for chunk in result:
                if not chunk:
                    continue
                if "sent" not in started:
                    started["sent"] = True
                    emit(started["message"])
                emit({"type": "http.response.body", "body": chunk, "more_body": True})
            if "sent" not in started:
                emit(started["message"])
            emit({"type": "http.response.body", "body": b""})
        finally:
            close = getattr(result, "close", None)
            if close is not None:
                close()
