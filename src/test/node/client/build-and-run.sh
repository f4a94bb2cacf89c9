#!/usr/bin/env bash
# Generates the TypeScript types from an OpenAPI document, compiles the client against them and
# runs it: build-and-run.sh <api-docs.json> <base URL> <key> <task name>. Works offline once
# `npm ci` has run in src/test/node.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="$here/../node_modules/.bin"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/client.ts" "$here/tsconfig.json" "$work/"
mkdir -p "$work/gen"
echo '{"type":"module"}' >"$work/package.json" # ES modules: the client awaits at top level
"$bin/openapi-typescript" "$1" -o "$work/gen/schema.d.ts" >&2
ln -s "$here/../node_modules" "$work/node_modules"
(cd "$work" && "$bin/tsc" -p tsconfig.json >&2)
node "$work/dist/client.js" "$2" "$3" "$4"
