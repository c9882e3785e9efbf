#!/usr/bin/env bash
# Opens HTML reports in headless Chromium (default: every Reports/golden/*/report.html),
# saves a screenshot of each under Reports/out/screenshots/, and fails when the browser
# logs a console message (any script error, a blocked resource) or the page renders blank.
# Without chromium it says so and exits 0 (`.ci/run` installs it).
set -euo pipefail
cd "$(dirname "$0")/../.."
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "check_html: chromium is not installed; skipping the browser check of the HTML reports"
  exit 0
fi
out=Reports/out/screenshots
mkdir -p "$out"
if [ $# -gt 0 ]; then pages=("$@"); else pages=(Reports/golden/*/report.html); fi
failed=0
for page in "${pages[@]}"; do
  name=$(basename "$(dirname "$page")")-$(basename "$page" .html)
  shot="$PWD/$out/$name.png"
  log="$out/$name.log"
  rm -f "$shot"
  if ! timeout 120 "$browser" --headless=new --no-sandbox --disable-gpu --hide-scrollbars \
      --enable-logging=stderr --v=0 --window-size=1280,2000 --screenshot="$shot" \
      "file://$(realpath "$page")" >"$log" 2>&1 || [ ! -s "$shot" ]; then
    echo "check_html: $page: chromium failed (see $log)"; failed=1; continue
  fi
  if grep -E ':CONSOLE[:(]|Uncaught|Not allowed to load' "$log"; then
    echo "check_html: $page: console messages (see $log)"; failed=1; continue
  fi
  python3 Reports/tools/png_blank.py "$shot" || { failed=1; continue; }
done
if [ "$failed" -ne 0 ]; then echo "check_html: FAILED"; exit 1; fi
echo "check_html: ${#pages[@]} pages render without console errors; screenshots in $out/"
