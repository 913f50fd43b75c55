"""Running texts through the textrepair CLI for the probes in tools/: one JSON line per text, one document each."""
import json, subprocess


def repair_with_report(cli, texts, timeout=7200):
    """Each text repaired on its own (`repair --to keep --jsonl --report`): a list of (output text, flagged lossy)."""
    payload = ''.join(json.dumps({'text': t}, ensure_ascii=False) + '\n' for t in texts)
    r = subprocess.run([cli, 'repair', '--to', 'keep', '--jsonl', '--report', '-'], input=payload.encode(), capture_output=True, timeout=timeout)
    out = [json.loads(l) for l in r.stdout.decode().splitlines()]
    assert len(out) == len(texts), r.stderr.decode()[-2000:]
    return [(o['text'], o['textrepair']['lossy']) for o in out]
