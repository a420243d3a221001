#!/usr/bin/env bash
# Media pipeline benchmark: what one upload costs the API (format and size checks, decoding, orientation, metadata
# stripped, every width in WebP and JPEG), on photos of 1.7, 12 and 24 megapixels, with the settings the API runs with.
#
#   bash bench/media.sh            # BENCH_RUNS=5 per size; about a minute on a 2-core machine
#
# In-process (the API binary's bench-media command): no database, no HTTP; the upload's network time and the store's
# writes come on top. Prints one table.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet build api -c Release -v q -nologo -clp:ErrorsOnly >&2
DLL=$PWD/api/bin/Release/net10.0/Vivapolis.Api.dll
ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  dotnet "$DLL" bench-media "${BENCH_RUNS:-5}" --contentRoot "$(dirname "$DLL")"
