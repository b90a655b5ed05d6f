#!/usr/bin/env bash
# The workers sweep on a lent machine with Python but none of newsbeam's dependencies (see
# benchmarks/device_site.sh, which packs them into .devsite/ here; carry .devsite there).
#
#   benchmarks/device_sweep.sh OUT SWEEP [SWEEP ...]   # e.g. OUT 1,16 1,16: that sweep twice
#
# Unpacks the dependencies and the BBC corpus, hides torch and CuPy (thinc imports them whenever
# installed: 604 MB per process, where a CPU machine without them has 107), byte-compiles (the
# image sets PYTHONDONTWRITEBYTECODE), then runs `run_benchmarks.py --sweep SWEEP` for each
# SWEEP, one after the other, each table written to OUT/sweep-K.md as it grows. NEWSBEAM_DEADLINE
# (seconds from the start, default 540) is shared: each sweep gets what is left, and skips the
# runs that would overrun it.
set -euo pipefail
out=$1
shift
start=$(date +%s)
cd "$(dirname "$0")/.."
tar -C /tmp -xJf .devsite/site.tar.xz
mkdir -p .devdata && tar -C .devdata -xJf .devsite/bbc.tar.xz
mkdir -p /tmp/block/torch /tmp/block/cupy
for m in torch cupy; do echo 'raise ImportError("CPU-only benchmark")' > /tmp/block/$m/__init__.py; done
python3 -m compileall -q -j 0 /tmp/site pipeline transforms benchmarks > /dev/null || echo "compileall: some files did not compile (they compile on import)"
export PYTHONPATH=/tmp/block:/tmp/site:$PWD
echo "set-up: $(( $(date +%s) - start )) s; $(nproc) cores; $(python3 --version)"
k=0
for sweep in "$@"; do
  k=$((k + 1))
  left=$(( ${NEWSBEAM_DEADLINE:-540} - ($(date +%s) - start) ))
  echo "sweep $k ($sweep): $left s left"
  python3 benchmarks/run_benchmarks.py --sweep "$sweep" --data .devdata --deadline "$left" \
    --progress "$out/sweep-$k.md" --no-append || echo "sweep $k failed: $?"
done
