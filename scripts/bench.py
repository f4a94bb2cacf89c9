#!/usr/bin/env python3
"""Issue 12's benchmark: every goal of the warm path and the footprint, each against its baseline
measured in the same run, alternately (ABAB), over several rounds; prints a table of medians,
spread (min-max) and ratios. Started by scripts/bench.sh, which builds the jar when needed.

Load comes from `hey` (Debian: apt-get install -y hey). Closed loop at 16 clients for throughput
and CPU per request (the server is saturated: the question is its capacity); at one client the
requests are paced (`-q`, a fixed rate well below capacity), so a slow answer does not hide the
ones that would have queued behind it. See docs/benchmarks.md."""

import argparse
import http.client
import http.server
import json
import os
import re
import shutil
import socket
import socketserver
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

TICK = os.sysconf("SC_CLK_TCK")
NOOP = "def f(event, context):\n    return {}\n"


def log(*parts):
    print("#", *parts, file=sys.stderr, flush=True)


class Coordinator:
    """The jar as a JVM of its own, on a free loopback port, a fresh data dir and its own label."""

    def __init__(self, java, jar, opts, data, env_extra):
        self.port = free_port()
        self.data = data
        self.instance = "bench%x" % os.getpid()
        cmd = [java] + opts + ["-jar", jar, "--server.port=%d" % self.port, "--server.address=127.0.0.1",
                               "--edgecoord.data-dir=" + data,
                               "--edgecoord.execution.docker.instance-id=" + self.instance,
                               "--spring.main.banner-mode=off",
                               # Its broker on loopback, on a free port: never the site's 1883.
                               "--edgecoord.mqtt.host=127.0.0.1", "--edgecoord.mqtt.port=0",
                               # The async goal is the accept path's rate: the queue's bound (1,000,
                               # 250 a task) would answer 429 after a fraction of a second.
                               "--edgecoord.scheduler.max-queue-length=100000",
                               "--edgecoord.scheduler.max-queue-length-per-task=100000",
                               # One key makes every call: its own limit (2,000/s by default) would
                               # cap the async accept rate below the goal being measured.
                               "--edgecoord.security.requests-per-second=1000000"]
        env = dict(os.environ, **env_extra)
        self.log = open(os.path.join(data, "..", "coordinator.log"), "ab")
        self.started = time.monotonic()
        self.proc = subprocess.Popen(cmd, stdout=self.log, stderr=subprocess.STDOUT, env=env)
        self.pid = self.proc.pid
        self.startup = self.await_ready()
        with open(os.path.join(data, "admin.key")) as f:
            self.key = f.read().strip()

    def await_ready(self, timeout=180):
        while time.monotonic() - self.started < timeout:
            if self.proc.poll() is not None:
                sys.exit("coordinator exited with %s; see %s" % (self.proc.returncode, self.log.name))
            try:
                with urllib.request.urlopen("http://127.0.0.1:%d/actuator/health/readiness" % self.port, timeout=2) as r:
                    if r.status == 200:
                        return time.monotonic() - self.started
            except OSError:
                pass
            time.sleep(0.05)
        sys.exit("coordinator not ready after %d s" % timeout)

    def url(self, path):
        return "http://127.0.0.1:%d%s" % (self.port, path)

    def call(self, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        h = {"Authorization": "Bearer " + self.key, "Content-Type": "application/json"}
        h.update(headers or {})
        conn.request(method, path, None if body is None else json.dumps(body), h)
        r = conn.getresponse()
        data = r.read()
        conn.close()
        return r.status, (json.loads(data) if data and data[:1] in (b"{", b"[") else data)

    def cpu_ticks(self):
        with open("/proc/%d/stat" % self.pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime, stime (fields 14, 15)

    def rss_mb(self):
        with open("/proc/%d/status" % self.pid) as f:
            return int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1)) / 1024

    def heap_after_gc_mb(self, jcmd):
        subprocess.run([jcmd, str(self.pid), "GC.run"], capture_output=True)
        time.sleep(1)
        out = subprocess.run([jcmd, str(self.pid), "GC.heap_info"], capture_output=True, text=True).stdout
        # The generations' (serial) or the heap's (G1) lines; not Metaspace's or class space's.
        used = [int(u) for line in out.splitlines() if "space" not in line.lower()
                for u in re.findall(r"used (\d+)K", line)]
        return sum(used) / 1024 if used else float("nan")

    def deploy(self, name, min_warm, max_envs):
        status, body = self.call("POST", "/api/v1/tasks", {
            "name": name, "runtime": "python3.11", "handler": "m.f", "timeoutSeconds": 30,
            "execution": {"minWarm": min_warm, "maxEnvironments": max_envs}, "code": {"inline": NOOP}})
        if status not in (200, 201):
            sys.exit("deploy %s: %s %s" % (name, status, body))

    def environments(self, task):
        status, body = self.call("GET", "/api/v1/environments?size=500")
        items = body.get("items", body.get("content", [])) if isinstance(body, dict) else body
        return [e for e in items if e.get("task") == task]

    def await_idle_envs(self, task, n, timeout=300):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if sum(1 for e in self.environments(task) if e.get("state") == "IDLE") >= n:
                return
            time.sleep(0.5)
        sys.exit("%s: %d idle environments not reached" % (task, n))

    def drain_environments(self, task):
        for e in self.environments(task):
            self.call("DELETE", "/api/v1/environments/" + e["id"])
        deadline = time.monotonic() + 60
        while self.environments(task) and time.monotonic() < deadline:
            time.sleep(0.1)

    def await_quiet(self, timeout=120):
        """Waits until no call is queued or running (the async backlog ran) and the JVM is calm."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            _, s = self.call("GET", "/api/v1/scheduler")
            if isinstance(s, dict) and not s.get("queued") and not s.get("running"):
                break
            time.sleep(0.5)
        t0 = self.cpu_ticks()
        time.sleep(1)
        return self.cpu_ticks() - t0

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def hey(coordinator, path, seconds, clients, method="GET", headers=(), rate=None):
    cmd = ["hey", "-z", "%ds" % seconds, "-c", str(clients), "-m", method,
           "-H", "Authorization: Bearer " + coordinator.key]
    for h in headers:
        cmd += ["-H", h]
    if method == "POST":
        cmd += ["-T", "application/json", "-d", "{}"]
    if rate:
        cmd += ["-q", str(rate)]
    cmd.append(coordinator.url(path))
    t0 = coordinator.cpu_ticks()
    out = subprocess.run(cmd, capture_output=True, text=True).stdout
    ticks = coordinator.cpu_ticks() - t0
    codes = {int(c): int(n) for c, n in re.findall(r"\[(\d{3})\]\s+(\d+) responses", out)}
    pct = {int(p): float(s) * 1000 for p, s in re.findall(r"(\d+)%% in ([\d.]+) secs".replace("%%", "%"), out)}
    total = sum(codes.values())
    ok = sum(n for c, n in codes.items() if c < 300)
    return {"rps": ok / seconds, "ok": ok, "total": total, "codes": codes,
            "cpu_ms": ticks * 1000.0 / TICK / max(ok, 1), "p50": pct.get(50), "p99": pct.get(99)}


# Where a sample's CPU goes, by the first rule that matches its thread or any frame of its stack:
# the costs docs/benchmarks.md tracks, from the outermost in.
PROFILE_GROUPS = [
    ("invocation-writer (the write-behind journal: Hibernate inserts, H2 commits)", "thread", "invocation-writer"),
    ("h2-maintenance (sync and compaction of the embedded file)", "thread", "h2-maintenance"),
    ("the dispatcher (scheduling rounds, placement)", "thread", "edgecoord-dispatcher"),
    ("Jetty and the Runtime API (/next, /response)", "frame", "org.eclipse.jetty."),
    ("key authentication and everything below it (MVC, controller, the call)", "frame",
     "io.edgecoord.security.KeyAuthenticationFilter."),
    ("the security chain above the key filter", "frame", "org.springframework.security."),
    ("Tomcat outside the filters", "thread", "tomcat-handler"),
    ("Tomcat's poller and acceptor", "thread", "http-nio"),
]


def profile_summary(java, path):
    """Shares of a JFR recording's execution samples by PROFILE_GROUPS, and its top self frames."""
    jfr = os.path.join(os.path.dirname(java), "jfr")
    out = subprocess.run([jfr, "print", "--stack-depth", "256", "--events", "jdk.ExecutionSample", path],
                         capture_output=True, text=True).stdout
    groups, tops, n = {}, {}, 0
    for event in out.split("jdk.ExecutionSample {")[1:]:
        thread = (re.search(r'sampledThread = "([^"]*)"', event) or re.search(r"()", "")).group(1)
        frames = re.findall(r"^\s+([\w$.<>]+)\(", event, re.M)
        if not frames:
            continue
        n += 1
        name = next((g for g, kind, mark in PROFILE_GROUPS
                     if (thread.startswith(mark) if kind == "thread" else any(f.startswith(mark) for f in frames))),
                    "other threads")
        groups[name] = groups.get(name, 0) + 1
        tops[frames[0]] = tops.get(frames[0], 0) + 1
    lines = ["%s: %d samples" % (path, n)]
    lines += ["  %5.1f %%  %s" % (100.0 * c / n, g) for g, c in sorted(groups.items(), key=lambda i: -i[1])]
    lines.append("  top self frames:")
    lines += ["  %5.1f %%  %s" % (100.0 * c / n, f) for f, c in sorted(tops.items(), key=lambda i: -i[1])[:12]]
    return "\n".join(lines)


def profiled(c, jcmd, java, directory, name, load):
    """Runs load() under a JFR recording (settings=profile) written to <directory>/<name>.jfr."""
    os.makedirs(directory, exist_ok=True)
    path = os.path.abspath(os.path.join(directory, name + ".jfr"))
    subprocess.run([jcmd, str(c.pid), "JFR.start", "name=" + name, "settings=profile"], capture_output=True, check=True)
    try:
        return load()
    finally:
        subprocess.run([jcmd, str(c.pid), "JFR.stop", "name=" + name, "filename=" + path],
                       capture_output=True, check=True)
        print(profile_summary(java, path), file=sys.stderr, flush=True)


class RuntimeStub(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    """The least a Runtime API can be: one event on the first /next, then records the response."""
    daemon_threads = True

    def __init__(self, path):
        self.first_next = threading.Event()
        self.responded = threading.Event()
        self.served = False
        super().__init__(path, StubHandler)


class StubHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def address_string(self):
        return "stub"

    def log_message(self, *args):
        pass

    def do_GET(self):
        if not self.path.endswith("/invocation/next") or self.server.served:
            self.server.responded.wait(30)
            time.sleep(30)
            return
        self.server.served = True
        self.server.first_next.set()
        body = b"{}"
        self.send_response(200)
        for k, v in (("Lambda-Runtime-Aws-Request-Id", "bench-1"), ("Lambda-Runtime-Deadline-Ms",
                     str(int(time.time() * 1000) + 30000)), ("Lambda-Runtime-Invoked-Function-Arn",
                     "arn:aws:lambda:local:0:function:cold"), ("Content-Type", "application/json"),
                     ("Content-Length", str(len(body)))):
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        self.send_response(202)
        self.send_header("Content-Length", "0")
        self.end_headers()
        self.server.responded.set()


def docker_api(method, path, body=None):
    cmd = ["curl", "-sS", "--unix-socket", "/var/run/docker.sock", "-X", method,
           "-H", "Content-Type: application/json", "http://docker/v1.41" + path, "-w", "\n%{http_code}"]
    if body is not None:
        cmd += ["-d", json.dumps(body)]
    out = subprocess.run(cmd, capture_output=True, text=True).stdout.rsplit("\n", 1)
    return int(out[1]), (json.loads(out[0]) if out[0].strip() else None)


def containers_cpu_ns(coordinator, task):
    """CPU each of the task's containers has used so far (the engine's stats, cgroup v1 or v2 alike)."""
    used = {}
    for env in coordinator.environments(task):
        status, st = docker_api("GET", "/containers/%s/stats?stream=false&one-shot=true" % env.get("backendId"))
        if status != 200:
            log("stats of container %s: HTTP %s" % (env.get("backendId"), status))
            continue
        used[env["backendId"]] = st["cpu_stats"]["cpu_usage"]["total_usage"]
    return used


def cpu_between(before, after):
    """CPU (ns) of the containers there at both reads; a container that came or went is named."""
    if before.keys() != after.keys():
        log("the task's containers changed during the run; counted only the %d there throughout"
            % len(before.keys() & after.keys()))
    return sum(after[i] - before[i] for i in before.keys() & after.keys())


def container_template(coordinator, task):
    """What the coordinator told the engine for one of the task's containers (docker inspect)."""
    env = coordinator.environments(task)[0]
    _, c = docker_api("GET", "/containers/%s/json" % env["backendId"])
    return c


def bare_cold_start(template, workdir, i):
    """Engine API create + start of the same image, flags and code mount, up to the runtime's answer
    to one event from a stub Runtime API: the coordinator's cold call without the coordinator."""
    sockdir = os.path.join(workdir, "stub%d" % i)
    os.makedirs(sockdir)
    os.chmod(sockdir, 0o777)
    stub = RuntimeStub(os.path.join(sockdir, "runtime.sock"))
    os.chmod(os.path.join(sockdir, "runtime.sock"), 0o777)
    threading.Thread(target=stub.serve_forever, daemon=True).start()
    host = json.loads(json.dumps(template["HostConfig"]))
    host["Binds"] = [b if not b.split(":")[1] == "/run/edgecoord" else sockdir + ":/run/edgecoord:rw"
                     for b in host["Binds"]]
    cfg = {k: template["Config"][k] for k in ("Image", "Env", "User", "Cmd", "Entrypoint", "WorkingDir")
           if template["Config"].get(k) is not None}
    cfg["Labels"] = {"edgecoord.bench": "bare"}
    cfg["HostConfig"] = host
    name = "edgecoord-bench-bare-%d-%d" % (os.getpid(), i)
    t0 = time.monotonic()
    status, created = docker_api("POST", "/containers/create?name=" + name, cfg)
    if status != 201:
        sys.exit("bare create: %s %s" % (status, created))
    docker_api("POST", "/containers/%s/start" % created["Id"])
    stub.first_next.wait(30)
    t_next = time.monotonic()
    ok = stub.responded.wait(30)
    t_end = time.monotonic()
    docker_api("DELETE", "/containers/%s?force=true" % created["Id"])
    stub.shutdown()
    stub.server_close()
    if not ok:
        sys.exit("bare cold start: no response from the runtime")
    return {"first_next_ms": (t_next - t0) * 1000, "total_ms": (t_end - t0) * 1000}


def coordinator_cold_start(coordinator):
    coordinator.drain_environments("cold")
    t0 = time.monotonic()
    status, body = coordinator.call("POST", "/api/v1/tasks/cold/invoke", {})
    ms = (time.monotonic() - t0) * 1000
    if status != 200:
        sys.exit("cold invoke: %s %s" % (status, body))
    return {"total_ms": ms}


def stats(values):
    values = [v for v in values if v is not None]
    if not values:
        return None, None, None
    return statistics.median(values), min(values), max(values)


def fmt(v, unit=""):
    if v is None:
        return "-"
    if abs(v) >= 100:
        return "%.0f%s" % (v, unit)
    if abs(v) >= 10:
        return "%.1f%s" % (v, unit)
    return "%.2f%s" % (v, unit)


def cell(values, unit=""):
    m, lo, hi = stats(values)
    if m is None:
        return "-"
    return "%s (%s–%s)" % (fmt(m, unit), fmt(lo), fmt(hi))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--jar", required=True)
    ap.add_argument("--java", default=os.path.join(os.environ.get("JAVA_HOME", "/usr"), "bin", "java"))
    ap.add_argument("--java-opts", default=os.environ.get("BENCH_JAVA_OPTS", ""),
                    help="JVM options before -jar (default: none, the jar's shipped defaults)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--seconds", type=int, default=5, help="length of each load measurement")
    ap.add_argument("--warmup", type=int, default=30, help="seconds of load on each path before round 1")
    ap.add_argument("--warm", type=int, default=4, help="warm environments of the no-op task")
    ap.add_argument("--cold", type=int, default=3, help="cold starts per round, each side")
    ap.add_argument("--rate", type=int, default=100, help="requests/s of the paced one-client runs")
    ap.add_argument("--footprint", action="store_true",
                    help="only start-up, idle RSS and memory per warm environment (no load)")
    ap.add_argument("--keep", action="store_true", help="keep the data dir and log")
    ap.add_argument("--profile", metavar="DIR",
                    help="after the warm-up, record JFR profiles of the trivial request and of warm sync and async "
                         "calls at 16 clients into DIR (not counted in the rounds) and print where the samples go")
    a = ap.parse_args()
    jcmd = os.path.join(os.path.dirname(a.java), "jcmd")
    work = tempfile.mkdtemp(prefix="edgecoord-bench-")
    data = os.path.join(work, "data")
    os.makedirs(data)
    load = os.getloadavg()
    log("work dir", work, "load average", "%.2f %.2f %.2f" % load)
    opts = a.java_opts.split()
    env_extra = {}
    c = Coordinator(a.java, a.jar, opts, data, env_extra)
    try:
        return run(a, c, jcmd, work, load)
    finally:
        c.stop()
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            log("kept", work)


def run(a, c, jcmd, work, load):
    r = {}
    r["startup"] = [c.startup]
    time.sleep(5)
    r["idle_rss"] = [c.rss_mb()]
    log("ready in %.2f s, idle RSS %.0f MB" % (c.startup, r["idle_rss"][0]))
    # Memory per warm environment: 0 warm (task deployed, one call run, its environment gone: the
    # code paths are loaded) against N warm, each after a full GC.
    c.deploy("noop", 0, a.warm)
    c.call("POST", "/api/v1/tasks/noop/invoke", {})
    c.drain_environments("noop")
    c.await_quiet()
    heap0 = c.heap_after_gc_mb(jcmd)
    rss0 = c.rss_mb()
    c.deploy("noop", a.warm, a.warm)
    c.await_idle_envs("noop", a.warm)
    c.await_quiet()
    heap1 = c.heap_after_gc_mb(jcmd)
    rss1 = c.rss_mb()
    r["env_rss"] = [(rss1 - rss0) / a.warm]
    r["env_heap"] = [(heap1 - heap0) / a.warm]
    log("0 warm: RSS %.0f MB heap %.1f MB; %d warm: RSS %.0f MB heap %.1f MB" % (rss0, heap0, a.warm, rss1, heap1))
    if a.footprint:
        print("start-up %.2f s, idle RSS %.0f MB, per warm environment: RSS %.2f MB, heap %.2f MB (%s)"
              % (c.startup, r["idle_rss"][0], r["env_rss"][0], r["env_heap"][0], a.java_opts or "defaults"))
        return 0
    c.deploy("cold", 0, 1)
    template = None
    # Warm-up of every path measured (JIT, pools) before anything counts: on 2 cores C2 takes tens
    # of seconds of load to compile the warm path, and a shorter warm-up shows as a trend over rounds.
    hey(c, "/actuator/health/liveness", a.warmup, 16)
    hey(c, "/api/v1/tasks/noop/invoke", a.warmup, 16, "POST")
    hey(c, "/api/v1/tasks/noop/invoke", max(1, a.warmup // 4), 16, "POST", headers=["Prefer: respond-async"])
    c.await_quiet(timeout=300)
    if a.profile:
        for name, path, extra in (("trivial", "/actuator/health/liveness", None),
                                  ("warm-sync", "/api/v1/tasks/noop/invoke", []),
                                  ("async", "/api/v1/tasks/noop/invoke", ["Prefer: respond-async"])):
            profiled(c, jcmd, a.java, a.profile, name,
                     lambda: hey(c, path, 3 * a.seconds, 16, "GET" if extra is None else "POST", headers=extra or ()))
            c.await_quiet(timeout=300)
    keys = ["t_cpu", "w_cpu", "t_rps", "w_rps", "t_p50", "w_p50", "t_p99", "w_p99", "async_rps", "async_rej",
            "cold_coord", "cold_bare", "cold_bare_next", "w_rps_errors", "w_task_cpu"]
    for k in keys:
        r[k] = []
    for rnd in range(1, a.rounds + 1):
        t = hey(c, "/actuator/health/liveness", a.seconds, 16)
        task0 = containers_cpu_ns(c, "noop")
        w = hey(c, "/api/v1/tasks/noop/invoke", a.seconds, 16, "POST")
        r["w_task_cpu"].append(cpu_between(task0, containers_cpu_ns(c, "noop")) / 1e6 / max(w["ok"], 1))
        r["t_cpu"].append(t["cpu_ms"]); r["w_cpu"].append(w["cpu_ms"])
        r["t_rps"].append(t["rps"]); r["w_rps"].append(w["rps"])
        r["w_rps_errors"].append(w["total"] - w["ok"])
        t1 = hey(c, "/actuator/health/liveness", a.seconds, 1, rate=a.rate)
        w1 = hey(c, "/api/v1/tasks/noop/invoke", a.seconds, 1, "POST", rate=a.rate)
        r["t_p50"].append(t1["p50"]); r["w_p50"].append(w1["p50"])
        r["t_p99"].append(t1["p99"]); r["w_p99"].append(w1["p99"])
        ac = hey(c, "/api/v1/tasks/noop/invoke", a.seconds, 16, "POST", headers=["Prefer: respond-async"])
        r["async_rps"].append(ac["rps"]); r["async_rej"].append(ac["total"] - ac["ok"])
        log("answers by status: warm 16 clients %s, warm 1 client %s, async %s" % (w["codes"], w1["codes"], ac["codes"]))
        c.await_quiet(timeout=300)
        for i in range(a.cold):
            r["cold_coord"].append(coordinator_cold_start(c)["total_ms"])
            if template is None:
                template = container_template(c, "cold")
            bare = bare_cold_start(template, work, rnd * 100 + i)
            r["cold_bare"].append(bare["total_ms"]); r["cold_bare_next"].append(bare["first_next_ms"])
        log("round %d: trivial %.0f/s %.3f ms CPU, warm %.0f/s %.3f ms CPU, async %.0f/s, cold %.0f vs bare %.0f ms"
            % (rnd, t["rps"], t["cpu_ms"], w["rps"], w["cpu_ms"], ac["rps"], r["cold_coord"][-1], r["cold_bare"][-1]))
    table(a, r, load)
    return 0


def ratio(num, den):
    return [n / d for n, d in zip(num, den) if n is not None and d]


def table(a, r, load):
    m = lambda k: stats(r[k])[0]
    rows = [
        ("coordinator CPU per request (ms)", cell(r["t_cpu"]), cell(r["w_cpu"]),
         cell(ratio(r["w_cpu"], r["t_cpu"]), " ×"), "≤ 3 ×", m("w_cpu") / m("t_cpu") <= 3),
        ("the task's containers' CPU per warm call (ms)", "", cell(r["w_task_cpu"]), "", "", None),
        ("throughput, 16 clients (/s)", cell(r["t_rps"]), cell(r["w_rps"]),
         cell([x * 100 for x in ratio(r["w_rps"], r["t_rps"])], " %"), "≥ 30 %", m("w_rps") / m("t_rps") >= 0.30),
        ("latency p50, 1 client, %d/s (ms)" % a.rate, cell(r["t_p50"]), cell(r["w_p50"]),
         cell([w - t for w, t in zip(r["w_p50"], r["t_p50"])], " ms"), "≤ +1 ms", m("w_p50") - m("t_p50") <= 1),
        ("latency p99, 1 client, %d/s (ms)" % a.rate, cell(r["t_p99"]), cell(r["w_p99"]),
         cell([w - t for w, t in zip(r["w_p99"], r["t_p99"])], " ms"), "≤ +5 ms", m("w_p99") - m("t_p99") <= 5),
        ("async accepts, 16 clients (/s)", "", cell(r["async_rps"]), "", "≥ 2,000 /s", m("async_rps") >= 2000),
        ("cold start (ms): bare Engine API vs coordinator", cell(r["cold_bare"]), cell(r["cold_coord"]),
         cell(ratio(r["cold_coord"], r["cold_bare"]), " ×"), "≤ 1.1 ×", m("cold_coord") / m("cold_bare") <= 1.1),
        ("idle RSS after start (MB)", "", cell(r["idle_rss"]), "", "≤ 200 MB", m("idle_rss") <= 200),
        ("start-up to ready (s)", "", cell(r["startup"]), "", "≤ 4 s", m("startup") <= 4),
        ("memory per warm environment, RSS (MB)", "", cell(r["env_rss"]), "", "≤ 2 MB", m("env_rss") <= 2),
        ("memory per warm environment, heap after GC (MB)", "", cell(r["env_heap"]), "", "≤ 2 MB", m("env_heap") <= 2),
    ]
    print()
    print("Issue 12 benchmark: %d rounds of %d s, %d warm environments, %s, %d cores, load average at start %.2f %.2f %.2f"
          % (a.rounds, a.seconds, a.warm, time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), os.cpu_count(), *load))
    print("JVM options: %s" % (a.java_opts or "(none: the jar's defaults)"))
    print()
    print("| | baseline | edgecoord | ratio / difference | goal | met |")
    print("| --- | ---: | ---: | ---: | --- | --- |")
    for name, base, ours, rat, goal, met in rows:
        print("| %s | %s | %s | %s | %s | %s |" % (name, base, ours, rat, goal, "" if met is None else "yes" if met else "**no**"))
    print()
    print("Median (min–max) over rounds. Baselines: the trivial request GET /actuator/health/liveness; for the cold "
          "start, an Engine API create + start of the coordinator's own container config up to a stub Runtime "
          "API's answer (first /next at %s ms). Warm calls not 2xx at 16 clients: %s; async calls not accepted: %s (their status codes: the log above)."
          % (fmt(m("cold_bare_next")), sum(r["w_rps_errors"]), sum(r["async_rej"])))


if __name__ == "__main__":
    sys.exit(main())
