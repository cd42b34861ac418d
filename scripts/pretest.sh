#!/usr/bin/env bash
# `npm test`'s first step (package.json `pretest`), so CI (.ci/run → npm test) runs both: the
# type-check of src, schemas, pipelines, scripts and test (ts-jest runs with diagnostics off, for
# speed, so a type error in a test would otherwise pass), then Biome's lint and format check of
# the paths in `lint:ci` (the whole tree once scripts/format-all.sh has been run).
set -uo pipefail
cd "$(dirname "$0")/.."
npm run --silent typecheck || {
  echo 'solieu: the tests did not run: type errors above (npm run typecheck)' >&2
  exit 1
}
npm run --silent lint:ci || {
  echo 'solieu: the tests did not run: lint or format findings above (npm run lint -- PATH… shows them; npx biome check --write PATH… formats and applies the safe fixes)' >&2
  exit 1
}
