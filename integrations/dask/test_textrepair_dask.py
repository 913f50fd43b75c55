"""Tests of textrepair_dask.py on a real LocalCluster (2 worker processes over TCP on localhost).

Run: python3 -m pytest integrations/dask (Debian python3-distributed and python3-pytest), after building the tool
(dotnet build src/TextRepair.Cli -c Release); TEXTREPAIR overrides the command that runs it.
"""

import filecmp
import os
import shlex
import shutil
import signal
import subprocess
import sys
import threading
import time

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import textrepair_dask  # noqa: E402

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DEFAULT_TOOL = "dotnet " + os.path.join(REPO, "src", "TextRepair.Cli", "bin", "Release", "net10.0", "TextRepair.Cli.dll")
TOOL = shlex.split(os.environ.get("TEXTREPAIR", DEFAULT_TOOL))
ARGS = ["repair", "--jsonl", "--to", "hant", "--report"]
# A Parquet shard: two row groups, an INT64 id and a nullable string text ("发展(fā zhǎn)经济,", null; "後來"), written by
# the parquet fuzz harness's seed writer: dotnet fuzz/TextRepair.Fuzz/bin/Release/net10.0/TextRepair.Fuzz.dll parquet
# --write-seed FILE.
PARQUET_SHARD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "testdata", "shard.parquet")

# Simplified text with ASCII punctuation and pinyin annotations, so that repair changes most records.
SENTENCES = [
    "发展(fā zhǎn)经济,保障民生。", "鼠标里面的硅二极管坏了!", "后来他们去了北京:那里很冷。",
    "这是一个测试;没有错误。", "关于这个问题,我们已经讨论过了?", "English text stays as it is.",
]


def make_shards(root, shards, lines):
    """Writes shards of JSONL (some in a subdirectory); every record has a unique id."""
    paths = []
    for shard in range(shards):
        relative = os.path.join("sub", f"part-{shard:03}.jsonl") if shard % 3 == 2 else f"part-{shard:03}.jsonl"
        path = os.path.join(root, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as out:
            for line in range(lines):
                text = "".join(SENTENCES[(shard + line + k) % len(SENTENCES)] for k in range(6))
                out.write(f'{{"id":"{shard}-{line}","text":"{text}"}}\n')
        paths.append(relative)
    return paths


def single_process(in_dir, out_dir):
    """The reference: one textrepair process over the whole directory (-r IN -o OUT)."""
    subprocess.run([*TOOL, *ARGS, "-r", in_dir, "-o", out_dir], check=True, stderr=subprocess.PIPE)


def read_lines(path):
    with open(path, encoding="utf-8") as handle:
        return handle.read().splitlines()


def assert_same_records(expected_dir, actual_dir, shards):
    for shard in shards:
        expected = read_lines(os.path.join(expected_dir, shard))
        actual = read_lines(os.path.join(actual_dir, shard))
        assert len(actual) == len(expected), f"{shard}: {len(actual)} records, expected {len(expected)}"
        assert actual == expected, f"{shard}: records differ"
    produced = sorted(textrepair_dask.find_shards(actual_dir))
    assert produced == sorted(shards), f"unexpected output shards: {produced}"


def run_killing_after_first_shard(cluster, in_dir, out_dir, kill):
    """Runs the shards in a thread and calls kill() once the first output shard is written.

    Returns (results, failures, shards done when kill() was called); fails if the run does not end in 300 s.
    """
    outcome = {}

    def target():
        outcome["value"] = textrepair_dask.run(in_dir, out_dir, ARGS, TOOL, client=cluster, retries=3)

    thread = threading.Thread(target=target)
    thread.start()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not textrepair_dask.find_shards(out_dir):
        time.sleep(0.05)
    done_at_kill = len(textrepair_dask.find_shards(out_dir))
    kill()
    thread.join(timeout=300)
    assert not thread.is_alive(), "the run did not end after the kill"
    results, failures = outcome["value"]
    return results, failures, done_at_kill


@pytest.fixture(scope="module")
def cluster():
    from distributed import Client, LocalCluster

    local = LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, protocol="tcp", host="127.0.0.1", dashboard_address=":0")
    client = Client(local)
    yield client
    client.close()
    local.close()


def test_find_shards_takes_jsonl_and_parquet_in_order(tmp_path):
    for name in ["b.parquet", "a.jsonl", "sub/c.jsonl", "notes.txt", "sub/d.parquet.tmp"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    assert textrepair_dask.find_shards(str(tmp_path)) == ["a.jsonl", "b.parquet", os.path.join("sub", "c.jsonl")]


def test_two_workers_give_the_single_process_output_record_for_record(tmp_path, cluster):
    in_dir, out_dir, reference = str(tmp_path / "in"), str(tmp_path / "out"), str(tmp_path / "reference")
    shards = make_shards(in_dir, shards=6, lines=200)
    single_process(in_dir, reference)

    results, failures = textrepair_dask.run(in_dir, out_dir, ARGS, TOOL, client=cluster)

    assert failures == []
    assert len(results) == len(shards)
    assert len({worker for worker in cluster.scheduler_info()["workers"]}) == 2
    assert_same_records(reference, out_dir, shards)
    # Persistent tool processes: 6 shards ran in at most one textrepair process per worker, and they are still up.
    pids = {result[4] for result in results}
    assert len(pids) <= 2, f"{len(pids)} tool processes for {len(shards)} shards"
    assert pids <= {pid for worker in cluster.run(textrepair_dask.tool_pids).values() for pid in worker}


def test_parquet_shards_beside_jsonl_ones_give_the_single_process_output_file_for_file(tmp_path, cluster):
    in_dir, out_dir, reference = str(tmp_path / "in"), str(tmp_path / "out"), str(tmp_path / "reference")
    shards = make_shards(in_dir, shards=3, lines=50)
    for relative in ["a.parquet", os.path.join("sub", "b.parquet")]:
        os.makedirs(os.path.dirname(os.path.join(in_dir, relative)), exist_ok=True)
        shutil.copyfile(PARQUET_SHARD, os.path.join(in_dir, relative))
        shards.append(relative)
    args = [*ARGS, "--field", "text"]
    subprocess.run([*TOOL, *args, "-r", in_dir, "-o", reference], check=True, stderr=subprocess.PIPE)

    results, failures = textrepair_dask.run(in_dir, out_dir, args, TOOL, client=cluster)

    assert failures == []
    assert len(results) == len(shards)
    for shard in shards:
        assert filecmp.cmp(os.path.join(reference, shard), os.path.join(out_dir, shard), shallow=False), shard
    # The Parquet shards were rewritten (repaired text, a report column), not copied.
    assert not filecmp.cmp(PARQUET_SHARD, os.path.join(out_dir, "a.parquet"), shallow=False)
    assert sorted(textrepair_dask.find_shards(out_dir)) == sorted(shards)


def test_registering_with_a_tool_starts_its_process_on_every_worker_before_any_shard(cluster):
    textrepair_dask.register(cluster, TOOL)

    pids = cluster.run(textrepair_dask.tool_pids)

    assert len(pids) == 2
    assert all(len(worker) == 1 for worker in pids.values()), pids


def test_a_worker_killed_mid_run_loses_and_duplicates_no_record(tmp_path, cluster):
    in_dir, out_dir, reference = str(tmp_path / "in"), str(tmp_path / "out"), str(tmp_path / "reference")
    shards = make_shards(in_dir, shards=8, lines=1500)
    single_process(in_dir, reference)
    worker_pids = list(cluster.run(os.getpid).values())

    # Kill one worker once the first shard is written and before the last one: its running task is retried elsewhere.
    results, failures, done_at_kill = run_killing_after_first_shard(
        cluster, in_dir, out_dir, lambda: os.kill(worker_pids[0], signal.SIGKILL))

    assert done_at_kill < len(shards), "the worker was killed after the run: the test proves nothing"
    assert failures == []
    assert_same_records(reference, out_dir, shards)
    leftovers = [name for _, _, files in os.walk(out_dir) for name in files if not name.endswith(".jsonl")]
    assert all(name.endswith(".textrepair-tmp") for name in leftovers), leftovers


def test_a_tool_process_killed_mid_run_is_replaced_and_loses_no_record(tmp_path, cluster):
    in_dir, out_dir, reference = str(tmp_path / "in"), str(tmp_path / "out"), str(tmp_path / "reference")
    shards = make_shards(in_dir, shards=8, lines=1500)
    single_process(in_dir, reference)
    killed = {}

    def kill_a_tool_process():
        killed["pid"] = [pid for worker in cluster.run(textrepair_dask.tool_pids).values() for pid in worker][0]
        os.kill(killed["pid"], signal.SIGKILL)

    # Kill one worker's textrepair serve process once the first shard is written: the shard it was on (if any) is
    # retried, and the worker starts a fresh process for its next shard.
    results, failures, done_at_kill = run_killing_after_first_shard(cluster, in_dir, out_dir, kill_a_tool_process)
    killed = killed["pid"]

    assert done_at_kill < len(shards), "the process was killed after the run: the test proves nothing"
    assert failures == []
    assert_same_records(reference, out_dir, shards)
    assert killed not in {pid for worker in cluster.run(textrepair_dask.tool_pids).values() for pid in worker}
    later = [result for result in results if result[4] != killed]
    assert len(later) > 0


def test_the_script_exits_1_when_a_shard_fails_after_its_retries(tmp_path):
    in_dir = tmp_path / "in"
    in_dir.mkdir()
    (in_dir / "good.jsonl").write_text('{"text":"发展"}\n', encoding="utf-8")
    (in_dir / "bad.jsonl").write_text('{"text":"发展"}\nnot json\n', encoding="utf-8")
    out_dir = tmp_path / "out"

    code = textrepair_dask.main(
        [str(in_dir), str(out_dir), "--workers", "2", "--retries", "1", "--textrepair", shlex.join(TOOL), "--", *ARGS])

    assert code == 1
    assert (out_dir / "good.jsonl").exists()
    assert not (out_dir / "bad.jsonl").exists()
