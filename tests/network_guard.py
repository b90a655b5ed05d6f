"""For tests that must not reach the network: only 127.0.0.1 is allowed, and attempts are recorded.

Python-level sockets and DNS lookups in this process are guarded (subprocesses are not): a lookup
or a connection to anything but loopback fails at once, as on a machine without a network, and
the test can assert that none was tried.
"""

from __future__ import annotations

import contextlib
import errno
import socket
from collections.abc import Iterator

LOOPBACK = {"127.0.0.1", "::1", "localhost"}


@contextlib.contextmanager
def loopback_only() -> Iterator[list[str]]:
    """Refuse and record every non-loopback DNS lookup and connection inside the block."""
    attempts: list[str] = []
    real_getaddrinfo, real_connect = socket.getaddrinfo, socket.socket.connect

    def getaddrinfo(host, *args, **kwargs):
        if host is not None and str(host) not in LOOPBACK:
            attempts.append(f"lookup {host}")
            raise socket.gaierror(socket.EAI_NONAME, f"{host}: only 127.0.0.1 in this test")
        return real_getaddrinfo(host, *args, **kwargs)

    def connect(sock, address):
        if sock.family in (socket.AF_INET, socket.AF_INET6) and address[0] not in LOOPBACK:
            attempts.append(f"connect {address[0]}:{address[1]}")
            raise OSError(errno.ENETUNREACH, f"{address[0]}: only 127.0.0.1 in this test")
        return real_connect(sock, address)

    socket.getaddrinfo, socket.socket.connect = getaddrinfo, connect
    try:
        yield attempts
    finally:
        socket.getaddrinfo, socket.socket.connect = real_getaddrinfo, real_connect
