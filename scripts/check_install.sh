#!/bin/sh
# Checks an installed Dragoman in a virtual environment, as a user would run it:
#   scripts/check_install.sh VENV core     the core install codes, ingests, exports, evaluates;
#                                          serve, the charts and Dask say which extra they need
#   scripts/check_install.sh VENV server   the dashboard's app can be built
set -eu
venv=$1
kind=$2
bin=$venv/bin
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$(dirname "$0")/.."
if [ "$kind" = core ]; then
    "$bin/dragoman" code examples/kazakhstan_osce.txt --date 2025-06-01 --format jsonl > "$work/events.jsonl"
    test -s "$work/events.jsonl"
    "$bin/python" -m dragoman ingest examples/stories.jsonl --db "$work/events.duckdb" --workers 1 --quiet
    "$bin/dragoman" export --db "$work/events.duckdb" --format gdelt --out "$work/events.tsv"
    "$bin/dragoman" export --db "$work/events.duckdb" --format parquet --out "$work/parquet"
    for module in fastapi uvicorn dask distributed matplotlib pandas; do
        if "$bin/python" -c "import $module" 2>/dev/null; then
            echo "check_install: the core install pulled in $module" >&2; exit 1
        fi
    done
    if "$bin/dragoman" serve --db "$work/events.duckdb" 2> "$work/serve.err"; then
        echo "check_install: serve ran without the server extra" >&2; exit 1
    fi
    grep -q "dragoman\[server\]" "$work/serve.err"
    echo "check_install: core install OK"
else
    "$bin/python" -c "import dragoman.server, dragoman.analysis; dragoman.server.create_app"
    echo "check_install: server extra OK"
fi
