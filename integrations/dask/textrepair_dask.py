#!/usr/bin/env python3
"""Run textrepair over a directory of JSONL and Parquet shards on a Dask cluster.

    textrepair_dask.py IN_DIR OUT_DIR [--scheduler ADDRESS] [--workers N] [--textrepair CMD] -- ARGS...

Every ``*.jsonl`` and ``*.parquet`` file under IN_DIR is one task: ``textrepair ARGS... SHARD -o OUT_DIR/SHARD``
(the same relative path). With no ``--scheduler`` a LocalCluster of N worker processes (default 2, one thread
each) is started over TCP on localhost; with one, the tasks go to that scheduler (every worker must see IN_DIR and
OUT_DIR at the same paths and have the tool).

The contract, the same for Spark and Ray (docs/corpora.md): one output shard per input shard, one output record
per input record, in order. textrepair writes each output to a temporary file and renames it when complete, so a
task can run twice (a worker killed mid-task is retried elsewhere) and the output is still whole and written once.

Exit status: 0 when every shard succeeded; 1 when any shard failed after its retries, or textrepair isolated
records it failed on (exit code 1 with a complete output: reported, not retried, since it would fail again).
Needs Debian's python3-distributed (or dask[distributed] from pip).
"""

import argparse
import os
import shlex
import subprocess
import sys
import time

SHARD_SUFFIXES = (".jsonl", ".parquet")

# textrepair's exit code when it completed the shard but passed some records through unchanged.
EXIT_RECORDS_FAILED = 1


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


def run_shard(tool, args, in_path, out_path):
    """One task: textrepair on one shard. Returns (shard, status, seconds, stderr); raises ShardFailed to be retried."""
    os.makedirs(os.path.dirname(out_path) or ".", exist_ok=True)
    started = time.monotonic()
    process = subprocess.run(
        [*tool, *args, in_path, "-o", out_path], stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    seconds = time.monotonic() - started
    stderr = process.stderr.decode("utf-8", "replace").strip()
    if process.returncode == 0:
        return in_path, "ok", seconds, stderr
    if process.returncode == EXIT_RECORDS_FAILED and os.path.exists(out_path) and os.path.getmtime(out_path) >= started - 1:
        return in_path, "records failed", seconds, stderr
    raise ShardFailed(f"{in_path}: textrepair exited with {process.returncode}: {stderr}")


def run(in_dir, out_dir, args, tool, scheduler=None, workers=2, retries=2, client=None, log=sys.stderr):
    """Runs every shard; returns (results, failures): lists of (shard, status, seconds, stderr) and (shard, message)."""
    from distributed import Client, LocalCluster, as_completed

    shards = find_shards(in_dir)
    own_cluster = None
    if client is None:
        if scheduler:
            client = Client(scheduler)
        else:
            own_cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, protocol="tcp", host="127.0.0.1",
                dashboard_address=":0")
            client = Client(own_cluster)
    try:
        futures = {}
        for shard in shards:
            future = client.submit(
                run_shard, tool, args, os.path.abspath(os.path.join(in_dir, shard)),
                os.path.abspath(os.path.join(out_dir, shard)), key=f"textrepair-{shard}", retries=retries, pure=False)
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
