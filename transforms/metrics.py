"""Beam counters of newsbeam, all in one namespace so a job's metrics are easy to find."""

from apache_beam.metrics import Metrics

NAMESPACE = "newsbeam"


def counter(name: str):
    return Metrics.counter(NAMESPACE, name)
