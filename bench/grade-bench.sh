#!/usr/bin/env bash
# Grading throughput: grades 40 copies of one correct submission of the test assignment at --parallel 1 and 2.
# Prints, per run, the wall time, the mean per-submission time, the notebook's own execution time (the sum of its
# cells' durations, from the executed notebooks) and the overhead beyond it (kernel process start, Roslyn warm-up,
# restore, scoring, files), and the speedup at 2 workers. Needs a quiet machine for meaningful numbers.
#   bench/grade-bench.sh [copies]        (default 40)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
copies="${1:-40}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet build "$repo/lib/Course.Cli" -c Release -o "$work/cli" -v quiet -nologo >/dev/null
course() { dotnet "$work/cli/Course.Cli.dll" "$@"; }
source_folder="$repo/tests/Course.Grading.Tests/assignment/source"

mkdir -p "$work/submissions"
for i in $(seq -w 1 "$copies"); do cp "$source_folder/01-basics.ipynb" "$work/submissions/student$i.ipynb"; done

declare -A wall
for parallel in 1 2; do
  out="$work/out$parallel"
  start=$(date +%s.%N)
  course grade --source "$source_folder" --submissions "$work/submissions" --out "$out" --parallel "$parallel" >/dev/null
  wall[$parallel]=$(echo "$(date +%s.%N) - $start" | bc -l)
  /usr/bin/python3 - "$out" "$copies" "$parallel" "${wall[$parallel]}" <<'PY'
import json, glob, sys
out, copies, parallel, wall = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
cells = []
for path in glob.glob(f"{out}/notebooks/*.ipynb"):
    nb = json.load(open(path))
    cells.append(sum(c["metadata"].get("course", {}).get("duration_ms", 0) for c in nb["cells"] if c["cell_type"] == "code") / 1000)
seconds = [json.load(open(p))["seconds"] for p in glob.glob(f"{out}/results/*.json")]
own = sum(cells) / len(cells)
per = sum(seconds) / len(seconds)
print(f"--parallel {parallel}: {copies} submissions in {wall:.1f} s wall ({wall / copies:.2f} s each, one source reference run included); "
      f"per submission {per:.2f} s, of which the notebook's own cells {own:.2f} s, overhead {per - own:.2f} s")
PY
done
echo "speedup at 2 workers: $(echo "${wall[1]} / ${wall[2]}" | bc -l | cut -c1-4)x"
