#!/usr/bin/env python3
"""Run textrepair over a directory of JSONL and Parquet shards on a Dask cluster.

    textrepair_dask.py IN_DIR OUT_DIR [--scheduler ADDRESS] [--workers N] [--textrepair CMD] -- ARGS...

Every ``*.jsonl`` and ``*.parquet`` file under IN_DIR is one task: ``textrepair ARGS... SHARD -o OUT_DIR/SHARD``
(the same relative path). With no ``--scheduler`` a LocalCluster of N worker processes (default 2, one thread
each) is started over TCP on localhost; with one, the tasks go to that scheduler (every worker must see IN_DIR and
OUT_DIR at the same paths and have the tool).

Each worker keeps one ``textrepair serve`` process (a worker plugin) and sends it shard after shard, so the tool
starts once per worker, not once per shard. A shard that fails fails alone; a tool process that dies fails only the
shard it was on (retried) and is replaced for the next one.

The contract, the same for Spark and Ray (docs/corpora.md): one output shard per input shard, one output record
per input record, in order. textrepair writes each output to a temporary file and renames it when complete, so a
task can run twice (a worker killed mid-task is retried elsewhere) and the output is still whole and written once.

Exit status: 0 when every shard succeeded; 1 when any shard failed after its retries, or textrepair isolated
records it failed on (exit code 1 with a complete output: reported, not retried, since it would fail again).
Needs Debian's python3-distributed (or dask[distributed] from pip).
"""

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
import threading
import time

import dask
from distributed import WorkerPlugin

SHARD_SUFFIXES = (".jsonl", ".parquet")

# textrepair's exit code when it completed the shard but passed some records through unchanged.
EXIT_RECORDS_FAILED = 1

# The name of the worker plugin that keeps each worker's textrepair serve process.
PLUGIN_NAME = "textrepair-tool-processes"

# How long a closing tool process may take to finish its shard and exit before it is killed.
STOP_SECONDS = 30

# Dask settings for the LocalCluster this script starts (a cluster given with --scheduler keeps its own). Dask's
# defaults wake every process 50 times a second (the event loop's tick check, 20 ms), sample the running task's stack
# 100 times a second (the worker profiler) and poll memory and the system 10 and 2 times a second; a task here is one
# blocking call into the tool process, so none of that tells anything. Measured on this 2-core machine
# (docs/corpora.md): a LocalCluster of 2 workers whose 2 tasks wait 20 s burns 13.2% of a core with the defaults and
# 2.8% with these, CPU taken from the tool processes. Work stealing is off: the scheduler queues the shard tasks and
# hands one to each worker that is free (distributed >= 2022.11), so there is nothing to steal, only a 100 ms poll.
QUIET_CLUSTER_CONFIG = {
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.tick.limit": "60s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.profile.enabled": False,
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.scheduler.work-stealing": False,
}


class ShardFailed(Exception):
    """textrepair failed on a shard (Dask retries the task)."""


def find_shards(in_dir):
    """Relative paths of the shards under in_dir, in ordinal order."""
    shards = []
    for root, dirs, files in os.walk(in_dir):
        dirs.sort()
        for name in files:
            if name.endswith(SHARD_SUFFIXES):
                shards.append(os.path.relpath(os.path.join(root, name), in_dir))
    return sorted(shards)


class ToolProcess:
    """One long-lived ``textrepair serve`` process that runs shard after shard (one JSON line each way).

    Starting the tool costs about 0.7 s (JIT, tables, models: measured on this machine, docs/corpora.md), as much as
    repairing a 5 MB shard; a worker pays it once. A request fails alone: the process answers with that run's exit
    code and goes on. If the process dies (killed, crashed), the shard it was on raises ShardFailed (Dask retries it)
    and the next shard starts a fresh process.
    """

    def __init__(self, tool):
        self.tool = list(tool)
        self.process = None
        self.errors = None
        self.lock = threading.Lock()

    def pid(self):
        """The process's id, or None when none is running."""
        process = self.process
        return process.pid if process is not None and process.poll() is None else None

    def run(self, args):
        """Runs ``textrepair ARGS...`` in the process; returns (exit code, stderr, pid). Raises ShardFailed if it died."""
        with self.lock:
            self._ensure_started()
            process = self.process
            try:
                process.stdin.write((json.dumps(list(args)) + "\n").encode("utf-8"))
                process.stdin.flush()
                line = process.stdout.readline()
            except OSError:  # the pipe broke: the process is gone
                line = b""
            if not line:
                raise ShardFailed(f"the textrepair serve process {process.pid} ended: {self._stop()}")
            answer = json.loads(line)
            return answer["exit"], answer["stderr"], process.pid

    def start(self):
        """Starts the process now if none is running (it then loads while the cluster starts, not on the first shard)."""
        with self.lock:
            self._ensure_started()

    def close(self):
        with self.lock:
            self._stop()

    def _ensure_started(self):
        if self.process is None or self.process.poll() is not None:
            self._start()

    def _start(self):
        self._stop()
        self.errors = tempfile.TemporaryFile()  # the server's own stderr (a crash's stack), read when it dies
        self.process = subprocess.Popen(
            [*self.tool, "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.errors)

    def _stop(self):
        """Ends the process (closing its input ends it); returns how it ended."""
        if self.process is None:
            return "not started"
        process, errors, self.process, self.errors = self.process, self.errors, None, None
        try:
            process.stdin.close()
        except OSError:
            pass
        try:
            code = process.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            code = process.wait()
        process.stdout.close()
        errors.seek(0)
        tail = errors.read()[-2000:].decode("utf-8", "replace").strip()
        errors.close()
        return f"exit code {code}" + (f": {tail}" if tail else "")


class ToolProcesses(WorkerPlugin):
    """Dask worker plugin: the worker's ToolProcess per tool command, closed when the worker closes.

    The tool commands given are started as soon as the plugin is set up on a worker.
    """

    name = PLUGIN_NAME

    def __init__(self, tools=()):
        self.tools = [list(tool) for tool in tools]

    def setup(self, worker=None):
        # Here, not in __init__: the plugin is pickled to the workers, and a lock cannot be.
        self.processes = {}
        self.lock = threading.Lock()
        for tool in self.tools:
            self.get(tool).start()

    def get(self, tool):
        with self.lock:
            return self.processes.setdefault(tuple(tool), ToolProcess(tool))

    def pids(self):
        """The ids of the running tool processes (tests use them)."""
        with self.lock:
            return [pid for pid in (process.pid() for process in self.processes.values()) if pid is not None]

    def teardown(self, worker=None):
        with self.lock:
            processes, self.processes = list(self.processes.values()), {}
        for process in processes:
            process.close()


def tool_processes():
    """The ToolProcesses of the Dask worker running this task (one for the process when not on a Dask worker)."""
    global _local_processes
    try:
        from distributed import get_worker

        plugin = get_worker().plugins.get(PLUGIN_NAME)
        if plugin is not None:
            return plugin
    except ValueError:  # not on a worker
        pass
    if _local_processes is None:
        _local_processes = ToolProcesses()
        _local_processes.setup()
    return _local_processes


_local_processes = None


def tool_pids(dask_worker):
    """The ids of the worker's running tool processes (for client.run, which passes dask_worker)."""
    plugin = dask_worker.plugins.get(PLUGIN_NAME)
    return plugin.pids() if plugin is not None else []


def run_shard(tool, args, in_path, out_path):
    """One task: textrepair on one shard, in the worker's persistent tool process.

    Returns (shard, status, seconds, stderr, pid); raises ShardFailed to be retried.
    """
    os.makedirs(os.path.dirname(out_path) or ".", exist_ok=True)
    started = time.monotonic()
    code, stderr, pid = tool_processes().get(tool).run([*args, in_path, "-o", out_path])
    seconds = time.monotonic() - started
    if code == 0:
        return in_path, "ok", seconds, stderr, pid
    if code == EXIT_RECORDS_FAILED and os.path.exists(out_path) and os.path.getmtime(out_path) >= time.time() - seconds - 1:
        return in_path, "records failed", seconds, stderr, pid
    raise ShardFailed(f"{in_path}: textrepair exited with {code}: {stderr}")


def register(client, tool=None):
    """Installs the ToolProcesses plugin on every worker of the client's cluster (and on workers that join later),
    starting a tool process on each worker at once when a tool command is given."""
    plugin = ToolProcesses([tool] if tool else [])
    if hasattr(client, "register_plugin"):
        client.register_plugin(plugin, name=PLUGIN_NAME)
    else:  # distributed before 2023.9 (Debian 12 has 2022.12)
        client.register_worker_plugin(plugin, name=PLUGIN_NAME)


def run(in_dir, out_dir, args, tool, scheduler=None, workers=2, retries=2, client=None, log=sys.stderr):
    """Runs every shard; returns (results, failures): lists of (shard, status, seconds, stderr, tool pid) and (shard, message)."""
    from distributed import Client, LocalCluster, as_completed

    shards = find_shards(in_dir)
    own_cluster = None
    if client is None:
        if scheduler:
            client = Client(scheduler)
        else:
            with dask.config.set(QUIET_CLUSTER_CONFIG):
                own_cluster = LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, protocol="tcp", host="127.0.0.1",
                    dashboard_address=":0")
                client = Client(own_cluster)
    try:
        register(client, tool)
        ready = time.monotonic()
        futures = {}
        # Largest shards first (a higher priority runs earlier): uneven shards then end together instead of one large
        # shard running alone at the end while the other workers idle.
        for shard in shards:
            size = os.path.getsize(os.path.join(in_dir, shard))
            future = client.submit(
                run_shard, tool, args, os.path.abspath(os.path.join(in_dir, shard)),
                os.path.abspath(os.path.join(out_dir, shard)), key=f"textrepair-{shard}", retries=retries, pure=False,
                priority=size)
            futures[future] = shard
        results, failures = [], []
        for future in as_completed(futures):
            shard = futures[future]
            try:
                result = future.result()
                results.append(result)
                message = None if result[1] == "ok" else result[3]
            except Exception as error:  # the task failed after its retries
                message = str(error)
            if message is not None:
                failures.append((shard, message))
                print(f"textrepair_dask: {shard}: {message}", file=log)
        print(f"textrepair_dask: the shards took {time.monotonic() - ready:.1f} s once the cluster was up", file=log)
        return results, failures
    finally:
        if own_cluster is not None:
            client.close()
            own_cluster.close()


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if "--" not in argv:
        print("usage: textrepair_dask.py IN_DIR OUT_DIR [--scheduler ADDRESS] [--workers N] -- ARGS...", file=sys.stderr)
        return 2
    split = argv.index("--")
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("in_dir")
    parser.add_argument("out_dir")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler (default: start a LocalCluster)")
    parser.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes (default 2)")
    parser.add_argument("--retries", type=int, default=2, help="retries of a failed shard (default 2)")
    parser.add_argument(
        "--textrepair", default=os.environ.get("TEXTREPAIR", "textrepair"),
        help="command that runs the tool (default: $TEXTREPAIR or textrepair on PATH)")
    options = parser.parse_args(argv[:split])
    if not os.path.isdir(options.in_dir):
        print(f"textrepair_dask: {options.in_dir}: not a directory", file=sys.stderr)
        return 2
    started = time.monotonic()
    results, failures = run(
        options.in_dir, options.out_dir, argv[split + 1:], shlex.split(options.textrepair),
        scheduler=options.scheduler, workers=options.workers, retries=options.retries)
    seconds = time.monotonic() - started
    size = sum(os.path.getsize(os.path.join(options.in_dir, shard)) for shard in find_shards(options.in_dir))
    print(
        f"textrepair_dask: {len(results)} shards done, {len(failures)} failed, "
        f"{size / 1e6:.1f} MB in {seconds:.1f} s ({size / 1e6 / max(seconds, 1e-9):.1f} MB/s)", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
