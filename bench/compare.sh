#!/usr/bin/env bash
# Runs the PyTorch baseline and Course.Bench side by side, alternating (PyTorch, ours, PyTorch, ours) per workload so
# both see the same machine state, and prints seconds, the ratio and each side's peak memory (RSS).
#
# Usage: bench/compare.sh [--threads N] [--quick] [--only a,b] [--rounds R]
# Needs Debian's python3-torch (apt-get install python3-torch); Fashion-MNIST comes from dataset-fashion-mnist if
# installed, else from datasets/fashion-mnist in this repository.
set -euo pipefail
cd "$(dirname "$0")/.."

threads=$(nproc); rounds=2; quick=""; only="sgemm1024,mlp_epoch,lenet_epoch,conv3x3_fwd_bwd,lstm_20steps,vae_epoch"
while [ $# -gt 0 ]; do
  case "$1" in
    --threads) threads=$2; shift 2 ;;
    --quick) quick="--quick"; shift ;;
    --only) only=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    *) echo "usage: $0 [--threads N] [--quick] [--only a,b] [--rounds R]" >&2; exit 2 ;;
  esac
done
baseline=../shared/bench/pytorch_baseline.py
[ -f "$baseline" ] || { echo "missing $baseline (the shared/ folder next to the repository)" >&2; exit 1; }
# The baseline reads Fashion-MNIST from Debian's dataset-fashion-mnist, else from this repository's copy.
[ -d /usr/share/datasets/fashion-mnist ] || export FASHION_MNIST_DIR=${FASHION_MNIST_DIR:-$PWD/datasets/fashion-mnist}
/usr/bin/python3 -c 'import torch' 2>/dev/null || { echo "needs Debian's python3-torch: apt-get install python3-torch" >&2; exit 1; }

dotnet build -c Release bench/Course.Bench -v quiet -nologo | grep -E "error|rror\(s\)" >&2 || true
[ -f bench/Course.Bench/bin/Release/net10.0/Course.Bench.dll ] || { echo "Course.Bench did not build" >&2; exit 1; }
ours=(dotnet bench/Course.Bench/bin/Release/net10.0/Course.Bench.dll)
results=$(mktemp)

# One process per workload and side, so peak RSS belongs to that workload alone.
run() { # side workload command...
  local side=$1 workload=$2; shift 2
  local rss; rss=$(mktemp)
  local line
  line=$(/usr/bin/time -f '%M' -o "$rss" "$@" --threads "$threads" --only "$workload" $quick 2>/dev/null | grep '^{' | tail -1)
  echo "$side $(cat "$rss") $line" >> "$results"
  echo "$side $line" >&2
}

for workload in ${only//,/ }; do
  for _ in $(seq "$rounds"); do
    run pytorch "$workload" /usr/bin/python3 "$baseline"
    run ours "$workload" "${ours[@]}"
  done
done

/usr/bin/python3 - "$results" "$threads" <<'PY'
import json, statistics, sys
rows = {}
for raw in open(sys.argv[1]):
    side, rss, line = raw.split(" ", 2)
    rec = json.loads(line)
    r = rows.setdefault(rec["workload"], {"pytorch": [], "ours": [], "rss_pytorch": 0, "rss_ours": 0})
    r[side].append(rec["seconds"])
    r["rss_" + side] = max(r["rss_" + side], int(rss))
print(f"\nthreads = {sys.argv[2]}; seconds are the median over rounds of each side's median-of-3")
print(f"| workload | PyTorch s | Course.Torch s | ours / PyTorch | PyTorch RSS MB | ours RSS MB | RSS ratio |")
print(f"|---|---:|---:|---:|---:|---:|---:|")
for name, r in rows.items():
    p, o = statistics.median(r["pytorch"]), statistics.median(r["ours"])
    rp, ro = r["rss_pytorch"] / 1024, r["rss_ours"] / 1024
    print(f"| {name} | {p:.4f} | {o:.4f} | {o / p:.2f}x | {rp:.0f} | {ro:.0f} | {ro / rp:.2f}x |")
PY
