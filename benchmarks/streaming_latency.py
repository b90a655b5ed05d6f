"""Streaming latency: object uploaded -> its rows (quotes included) readable in the output.

Starts the GCS and Pub/Sub emulators on 127.0.0.1, runs `newsbeam run --streaming` as a
subprocess (Beam's streaming DirectRunner), uploads N articles one by one at a steady pace,
publishes the OBJECT_FINALIZE notification GCS would send for each, and polls the gs:// output.
An article's latency runs from the end of its upload to the first poll that finds its articles
row and all its quotes rows. Prints median / p95 / max and a Markdown block for
docs/streaming_latency.md.

    .venv/bin/python benchmarks/streaming_latency.py --articles 60 --window_seconds 5

Articles are BBC News files from ../shared/data (measurement only; never copied into the repo),
or small generated ones with --synthetic.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.emulators import GcsEmulator, PubsubEmulator, publish_notification  # noqa: E402
from transforms.gcs_access import use_anonymous_gcs  # noqa: E402

BBC = ROOT.parent / "shared" / "data" / "bbc_news" / "bbc"
BUCKET = "latency-news"


def articles(n: int, synthetic: bool) -> list[bytes]:
    files = sorted(BBC.glob("*/*.txt")) if not synthetic else []
    if files:
        random.Random(7).shuffle(files)
        return [f.read_bytes() for f in files[:n]]
    return [(f'Report {i}\n\n"We expect more rain on day {i}," said forecaster Sam Hill. '
             f"The council met on Monday.\n").encode() for i in range(n)]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


class OutputPoller:
    """Reads each new Avro file of the output once; remembers when rows first became visible."""

    def __init__(self, output: str):
        self.output = output
        self.seen_files: set[str] = set()
        self.article_of_uri: dict[str, str] = {}
        self.n_quotes: dict[str, int] = {}
        self.quotes_seen: dict[str, int] = {}

    def poll(self) -> None:
        import fastavro
        from apache_beam.io.filesystems import FileSystems

        for table in ("articles", "quotes"):
            pattern = f"{self.output}/{table}/*.avro"
            for meta in FileSystems.match([pattern])[0].metadata_list:
                if meta.path in self.seen_files:
                    continue
                self.seen_files.add(meta.path)
                with FileSystems.open(meta.path) as f:
                    for row in fastavro.reader(f):
                        if table == "articles":
                            self.article_of_uri[row["source_uri"]] = row["article_id"]
                            self.n_quotes[row["article_id"]] = row["n_quotes"]
                        else:
                            aid = row["article_id"]
                            self.quotes_seen[aid] = self.quotes_seen.get(aid, 0) + 1

    def complete(self, uri: str) -> bool:
        aid = self.article_of_uri.get(uri)
        return aid is not None and self.quotes_seen.get(aid, 0) >= self.n_quotes[aid]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--window_seconds", type=int, default=5)
    parser.add_argument("--interval", type=float, default=1.0,
                        help="seconds between uploads (default: 1.0)")
    parser.add_argument("--warmup", type=float, default=25.0,
                        help="seconds to let the job start and load the model before uploading")
    parser.add_argument("--synthetic", action="store_true")
    args = parser.parse_args()

    texts = articles(args.articles, args.synthetic)
    source = "synthetic" if args.synthetic or not BBC.exists() else "BBC News (shared/data)"
    from google.cloud import pubsub_v1

    with GcsEmulator() as gcs, PubsubEmulator() as pubsub:
        use_anonymous_gcs()
        gcs.create_bucket(BUCKET)
        topic, subscription = pubsub.create_topic_and_subscription("gcs", "newsbeam")
        output = f"gs://{BUCKET}/tables"
        log = tempfile.NamedTemporaryFile(prefix="newsbeam-stream-", suffix=".log", delete=False)
        job = subprocess.Popen(
            [sys.executable, "-m", "pipeline.cli", "run", "--streaming", "--input_subscription",
             subscription, "--output", output, "--window_seconds", str(args.window_seconds)],
            stdout=log, stderr=subprocess.STDOUT, cwd=ROOT, env=dict(os.environ),
        )
        publisher = pubsub_v1.PublisherClient()
        poller = OutputPoller(output)
        uploaded: dict[str, float] = {}
        done: dict[str, float] = {}
        try:
            time.sleep(args.warmup)
            next_upload = time.monotonic()
            pending = list(enumerate(texts))
            deadline = None
            while True:
                now = time.monotonic()
                if pending and now >= next_upload:
                    i, data = pending.pop(0)
                    resource = gcs.upload(BUCKET, f"incoming/{i:04d}.txt", data)
                    uploaded[f"gs://{BUCKET}/{resource['name']}"] = time.monotonic()
                    publish_notification(publisher, topic, resource)
                    next_upload += args.interval
                    if not pending:
                        deadline = time.monotonic() + 120
                poller.poll()
                polled = time.monotonic()
                for uri in uploaded.keys() - done.keys():
                    if poller.complete(uri):
                        done[uri] = polled - uploaded[uri]
                if not pending and len(done) == len(uploaded):
                    break
                if deadline and time.monotonic() > deadline or job.poll() is not None:
                    print(f"stopped with {len(done)}/{len(uploaded)} articles; log: {log.name}")
                    break
                time.sleep(0.2)
        finally:
            job.send_signal(signal.SIGTERM)
            job.wait(timeout=60)

    latencies = list(done.values())
    if not latencies:
        print(f"no article came through; see {log.name}")
        return 1
    load = os.getloadavg()
    report = (
        f"- articles: {len(latencies)} of {len(texts)} ({source}), one upload every "
        f"{args.interval:g} s, --window_seconds {args.window_seconds}\n"
        f"- latency upload -> articles+quotes rows readable: median "
        f"{statistics.median(latencies):.1f} s, p95 {percentile(latencies, 0.95):.1f} s, max "
        f"{max(latencies):.1f} s, min {min(latencies):.1f} s\n"
        f"- target p95 <= window + 5 s = {args.window_seconds + 5} s: "
        f"{'met' if percentile(latencies, 0.95) <= args.window_seconds + 5 else 'NOT met'}\n"
        f"- machine: {platform.platform()}, {os.cpu_count()} CPUs, load average after the run "
        f"{load[0]:.1f}/{load[1]:.1f}/{load[2]:.1f} (shared with other engineers' spaCy jobs)\n"
    )
    print(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
