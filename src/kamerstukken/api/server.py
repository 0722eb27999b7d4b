"""Running the app: uvicorn worker processes that share the load evenly.

uvicorn's own `--workers` binds one listening socket in the parent and lets the children race
for connections. Kept-alive connections then stick to whichever worker won: 50 clients can land
28/22 or 50/0 on two workers, and the loaded one answers several times slower. Here each worker
binds its own socket with SO_REUSEPORT and the kernel spreads connections over them by hash.

Each socket is made with IPPROTO_TCP so asyncio sets TCP_NODELAY on accepted connections
(without it small responses wait ~40 ms for a delayed ACK); the protocol class below sets it too,
for sockets made elsewhere.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import socket
import sys
import time
from typing import Callable, Optional

from uvicorn.protocols.http.h11_impl import H11Protocol

PROTOCOL = "kamerstukken.api.server:NoDelayH11Protocol"


class NoDelayH11Protocol(H11Protocol):
    def connection_made(self, transport) -> None:  # type: ignore[override]
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            try:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            except OSError:
                pass
        super().connection_made(transport)


def listen(host: str, port: int, reuse_port: bool) -> socket.socket:
    family, kind, proto, _, addr = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                                      proto=socket.IPPROTO_TCP)[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if reuse_port:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind(addr)
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def _serve_one(url: str, host: str, port: int, token: Optional[str], cache_ttl: float,
               reuse_port: bool) -> None:
    import uvicorn

    from .app import create_app

    app = create_app(url, token, cache_ttl=cache_ttl)
    config = uvicorn.Config(app, http=NoDelayH11Protocol, log_level="warning", access_log=False,
                            timeout_graceful_shutdown=5)
    uvicorn.Server(config).run(sockets=[listen(host, port, reuse_port)])


def serve(url: str, host: str, port: int, token: Optional[str], workers: int = 1,
          cache_ttl: float = 30.0, ready: Callable[[], None] = lambda: None) -> None:
    """Serve until Ctrl+C or SIGTERM, with `workers` processes (one per core is right).
    `ready` is called once the port is ours."""
    reuse = workers > 1 and hasattr(socket, "SO_REUSEPORT")
    # bound here first, so a port in use is one clear error, not one per worker
    probe = listen(host, port, reuse_port=reuse)
    if not reuse:
        probe.close()
        ready()
        if workers > 1:  # no SO_REUSEPORT (Windows): uvicorn's shared socket is what remains
            _serve_uvicorn_workers(url, host, port, token, workers, cache_ttl)
        else:
            _serve_one(url, host, port, token, cache_ttl, reuse_port=False)
        return
    ready()
    ctx = multiprocessing.get_context("spawn")
    args = (url, host, port, token, cache_ttl, True)
    procs = [ctx.Process(target=_serve_one, args=args, daemon=True) for _ in range(workers)]
    for p in procs:
        p.start()
    probe.close()
    stopping = False

    def stop(*_):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        while not stopping:
            time.sleep(0.5)
            for i, p in enumerate(procs):
                if p.is_alive() or stopping:
                    continue
                if p.exitcode == 0:  # stopped on purpose (a signal to the group): stop them all
                    stopping = True
                    break
                # a worker that crashed (or was killed) is replaced; the others keep serving
                print(f"kst: worker {p.pid} exited ({p.exitcode}); starting another",
                      file=sys.stderr)
                procs[i] = ctx.Process(target=_serve_one, args=args, daemon=True)
                procs[i].start()
    finally:
        for p in procs:
            if p.is_alive():
                os.kill(p.pid, signal.SIGTERM)  # uvicorn finishes open requests, then exits
        for p in procs:
            p.join(timeout=10)
            if p.is_alive():
                p.kill()


def _serve_uvicorn_workers(url, host, port, token, workers, cache_ttl) -> None:
    import uvicorn

    os.environ["KST_SERVE_DB"] = url
    os.environ["KST_CACHE_TTL"] = str(cache_ttl)
    if token:
        os.environ["KST_API_TOKEN"] = token
    uvicorn.run("kamerstukken.api.app:app_from_env", factory=True, host=host, port=port,
                workers=workers, http=PROTOCOL, log_level="warning", access_log=False)
