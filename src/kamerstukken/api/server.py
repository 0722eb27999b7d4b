"""uvicorn glue: the HTTP protocol with TCP_NODELAY on every connection.

With several workers uvicorn binds the listening socket itself (protocol number 0), and asyncio
only sets TCP_NODELAY on sockets that say IPPROTO_TCP: small responses then wait ~40 ms for a
delayed ACK (Nagle). Setting the option per connection gives back ~1 ms responses.
"""
from __future__ import annotations

import socket

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
