#!/usr/bin/env python3
"""How long a normal request waits while other clients hold connections badly.

Starts the given bhm-server binary with the demo data on a free loopback port, then for each
scenario opens the bad connections from 127.0.0.2 and up (the normal client stays on 127.0.0.1),
and times GET /api/v1/health from a fresh connection, with a 20 s limit. Also times requests
whose framing is broken. Not a test: it prints a table (run it against two binaries to compare).

  tests/bench/connection_latency.py build/bin/bhm-server [--label after]
"""
import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

LIMIT = 20.0


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def connect(port, source="127.0.0.1"):
    s = socket.socket()
    s.bind((source, 0))
    s.connect(("127.0.0.1", port))
    return s


def timed_answer(port, request, limit=LIMIT):
    """Seconds until the first bytes of an answer arrive (or the connection closes), capped at limit."""
    start = time.monotonic()
    try:
        s = connect(port)
        s.settimeout(limit)
        s.sendall(request)
        data = s.recv(200)
        s.close()
        status = data[9:12].decode() if data.startswith(b"HTTP/") else "closed"
    except socket.timeout:
        status = "timeout"
    except OSError as e:
        status = type(e).__name__
    return time.monotonic() - start, status


HEALTH = b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n"


def scenario_idle(port, n):
    held = [connect(port, "127.0.0.%d" % (2 + i // 100)) for i in range(n)]
    time.sleep(0.3)
    result = timed_answer(port, HEALTH)
    for s in held:
        s.close()
    return result


def scenario_half_post(port, n):
    held = []
    for i in range(n):
        s = connect(port, "127.0.0.%d" % (2 + i // 100))
        s.sendall(b"POST /api/v1/scans HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n")
        held.append(s)
    time.sleep(0.3)
    result = timed_answer(port, HEALTH)
    for s in held:
        s.close()
    return result


def scenario_slowloris(port, n):
    held = [connect(port, "127.0.0.%d" % (2 + i // 100)) for i in range(n)]
    for s in held:
        s.sendall(b"G")
    time.sleep(0.3)
    result = timed_answer(port, HEALTH)
    for s in held:
        s.close()
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("server")
    parser.add_argument("--label", default="")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="bhm-latency-")
    port = free_port()
    log = open(os.path.join(folder, "server.log"), "w")
    server = subprocess.Popen([args.server, "--demo", "--port", str(port), "--db", os.path.join(folder, "b.db")],
                              stdout=subprocess.PIPE, stderr=log, text=True,
                              env={**os.environ, "BHM_DEMO_PASSWORD": "demo"})
    token = ""
    for line in server.stdout:
        if "token:" in line:
            token = line.rsplit(" ", 1)[1].strip()
        if line.startswith("bhm-server listening"):
            break
    try:
        rows = []
        for n in (8, 16, 500):
            rows.append(("%d idle connections, then GET /health" % n, scenario_idle(port, n)))
        rows.append(("16 POST heads stalled in the body, then GET /health", scenario_half_post(port, 16)))
        rows.append(("16 slowloris heads, then GET /health", scenario_slowloris(port, 16)))
        auth = ("Authorization: Bearer %s\r\n" % token).encode()
        rows.append(("POST /stations/1/revoke, no length, no body",
                     timed_answer(port, b"POST /api/v1/stations/1/revoke HTTP/1.1\r\nHost: x\r\n" + auth + b"\r\n")))
        rows.append(("BREW /api/v1/health", timed_answer(port, b"BREW /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n")))
        rows.append(("OPTIONS /api/v1/devices", timed_answer(port, b"OPTIONS /api/v1/devices HTTP/1.1\r\nHost: x\r\n\r\n")))
        rows.append(("chunk size zz", timed_answer(port, b"POST /api/v1/scans HTTP/1.1\r\nHost: x\r\n" + auth +
                                                   b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n")))
        rows.append(("Content-Length: abc", timed_answer(port, b"POST /api/v1/scans HTTP/1.1\r\nHost: x\r\n" + auth +
                                                         b"Content-Type: application/json\r\nContent-Length: abc\r\n\r\n{}")))
        print("bhm-server connection latency%s (limit %.0f s per request)" % (" (" + args.label + ")" if args.label else "", LIMIT))
        print("%-55s %10s  %s" % ("scenario", "seconds", "answer"))
        for name, (seconds, status) in rows:
            print("%-55s %10.3f  %s" % (name, seconds, status))
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
