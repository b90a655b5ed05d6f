"""Talking to a GCS emulator (or any credential-free GCS) through Beam's FileSystems, fast.

Beam's ``GcsIO`` builds its ``google.cloud.storage.Client`` in
``apache_beam.io.gcp.gcsio.create_storage_client``: it asks
``apache_beam.internal.gcp.auth.get_service_credentials`` for credentials and, when there are
none, falls back to ``storage.Client.create_anonymous_client()`` -- which honours
``STORAGE_EMULATOR_HOST``. The catch is the lookup before the fallback: ``google.auth.default()``
wrapped in Beam's exponential-backoff retry (4 retries from 2 s), measured at ~20 s per process on
a machine without credentials. ``--no_auth`` does not help: only the Dataflow client reads it.

Beam caches that lookup once per process, so ``use_anonymous_gcs()`` records the answer "no
credentials" up front when ``STORAGE_EMULATOR_HOST`` is set (or it is asked to explicitly).
Beam then takes its own anonymous path straight away. This touches Beam internals
(``auth._Credentials``, stable since 2.5x; apache-beam is pinned to 2.77.x in pyproject), so it is
guarded: if the internals move, it logs a warning and Beam's slow-but-correct path remains.
"""

from __future__ import annotations

import logging
import os

LOG = logging.getLogger(__name__)

EMULATOR_ENV = "STORAGE_EMULATOR_HOST"

# Set once Beam's credentials cache says "anonymous" in this process (a forked worker inherits
# both); only success is remembered, so setting STORAGE_EMULATOR_HOST later still takes effect.
_ANONYMOUS = False


def emulator_host() -> str | None:
    return os.environ.get(EMULATOR_ENV) or None


def use_anonymous_gcs(force: bool = False) -> bool:
    """Make Beam's GCS client anonymous in this process when an emulator is configured.

    Returns True when Beam will talk to GCS anonymously without its credential retries. Call it
    in every process that touches gs:// (the launcher, and the reading step's DoFn.setup on
    workers); after the first success in a process it returns at once. With real GCS and real
    credentials, leave ``force`` False and do not set STORAGE_EMULATOR_HOST: nothing changes.
    """
    global _ANONYMOUS
    if _ANONYMOUS:
        return True  # once per process: Beam's cached answer is already "no credentials"
    if not (force or emulator_host()):
        return False
    try:
        from apache_beam.internal.gcp import auth

        creds = auth._Credentials
        with creds._credentials_lock:
            creds._credentials = None
            creds._credentials_init = True
    except (ImportError, AttributeError) as exc:  # Beam moved its internals: stay correct, slow
        LOG.warning("could not pre-set anonymous GCS access (%s); the first gs:// access will "
                    "spend ~20 s in Beam's credential retries", exc)
        return False
    LOG.info("GCS: anonymous access%s", f" to the emulator at {emulator_host()}"
             if emulator_host() else "")
    _ANONYMOUS = True
    return True
