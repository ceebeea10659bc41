#!/usr/bin/env bash
# Installs what the Course.Kit tests need, skipping whatever is already there:
#   - Debian's chromium + chromium-driver (plotly.js renders our figures headless),
#   - python3-pil for /usr/bin/python3 (an independent PNG codec to check ours against),
#   - python3-torch (a test reads a kit-written safetensors file in PyTorch),
#   - python3-nbformat (Jupyter's own validator checks every notebook we write),
#   - plotly.js, KaTeX and highlight.js (the exported site's assets) from environment/package-lock.json
#     into environment/node_modules.
# Safe to run repeatedly; on a ready machine it only checks and returns.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
/usr/bin/python3 -c 'import PIL' 2>/dev/null || missing+=(python3-pil)
/usr/bin/python3 -c 'import torch' 2>/dev/null || missing+=(python3-torch)
/usr/bin/python3 -c 'import nbformat' 2>/dev/null || missing+=(python3-nbformat)

if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  # Refresh the package lists only when they are absent or the install cannot find a package.
  if ! ls /var/lib/apt/lists/*_Packages >/dev/null 2>&1 \
     || ! $sudo apt-get install -y --no-install-recommends "${missing[@]}"; then
    $sudo apt-get update
    $sudo apt-get install -y --no-install-recommends "${missing[@]}"
  fi
fi

plotly="$here/node_modules/plotly.js-dist-min/plotly.min.js"
katex="$here/node_modules/katex/dist/katex.min.js"
# npm writes node_modules/.package-lock.json on every install, so it dates the last install.
if [ ! -f "$plotly" ] || [ ! -f "$katex" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  npm ci --prefix "$here" --no-audit --no-fund
fi
echo "environment ready: chromium, chromedriver, python3-pil, python3-torch, python3-nbformat, plotly.js $(node -p "require('$here/node_modules/plotly.js-dist-min/package.json').version"), KaTeX $(node -p "require('$here/node_modules/katex/package.json').version")"
