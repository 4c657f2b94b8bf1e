#!/bin/sh
# Two nightly runs over the same local sitemap of N generated articles (python3 http.server on 127.0.0.1):
# the first fetches every article, the second only the sitemap (answered 304) and reuses every result.
# Prints wall and CPU seconds (user+sys) of each run and what the server was asked.
# Usage: bench/feeds-two-runs.sh [N] [port]   (from the repository root, after dotnet build -c Release)
set -eu
N=${1:-1000}
PORT=${2:-18766}
DIR=$(mktemp -d /tmp/feeds-bench-XXXXXX)
EXTRACT="dotnet src/Extraction.Cli/bin/Release/net10.0/extract.dll"
$EXTRACT generate --from samples --count "$N" --seed 7 --out "$DIR/site/a" >/dev/null
{
  echo '<?xml version="1.0" encoding="UTF-8"?>'
  echo '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
  (cd "$DIR/site" && find a -type f | sort) | while read -r f; do
    echo "<url><loc>http://127.0.0.1:$PORT/$f</loc><lastmod>2026-12-01</lastmod></url>"
  done
  echo '</urlset>'
} > "$DIR/site/sitemap.xml"
(cd "$DIR/site" && exec python3 -m http.server "$PORT" --bind 127.0.0.1 2>"$DIR/server.log" >/dev/null) &
SERVER=$!
trap 'kill $SERVER; rm -rf "$DIR"' EXIT
sleep 1
for run in 1 2; do
  /usr/bin/time -f "run $run: %e s wall, %U+%S s CPU, %M KB peak" \
    $EXTRACT run --feed "http://127.0.0.1:$PORT/sitemap.xml" --out "$DIR/out" --per-host 8 --concurrency 8 -q
  python3 -c "import json;print(json.load(open('$DIR/out/run.json'))['timings_ms'])"
  python3 -c "import json;f=json.load(open('$DIR/out/run.json'))['feeds'][0];print(f['counts'], 'documents_not_modified', f['documents_not_modified'])"
done
echo "server: $(grep -c '"GET /a/' "$DIR/server.log") article requests, $(grep -c '"GET /sitemap.xml' "$DIR/server.log") sitemap requests ($(grep '"GET /sitemap.xml' "$DIR/server.log" | grep -c '" 304 ') answered 304)"
