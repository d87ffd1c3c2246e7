#!/usr/bin/env bash
# Fuzzes the API response decoders (contacts page, conversations, sign-in answer) with
# libFuzzer and AddressSanitizer, for longer than the seeded 100,000 cases of `swift test`.
#
#   scripts/fuzz.sh                 # 5 minutes
#   scripts/fuzz.sh 3600            # an hour
#   scripts/fuzz.sh 60 -jobs=2      # extra arguments go to libFuzzer
#
# Builds .build/fuzz/decoder-fuzzer from Sources/ChatzyAPI plus Fuzz/DecoderFuzzer.swift
# with `swiftc -sanitize=fuzzer,address` (not part of `swift build` or `swift test`). The
# corpus grows in .build/fuzz/corpus (seeded from Fuzz/corpus); a crash, a hang (over 10 s
# for one input) or an input that needs over 2 GB is written to .build/fuzz/artifacts/ and
# the script exits non-zero. Replay one with: .build/fuzz/decoder-fuzzer <file>
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-300}"
shift || true
out=.build/fuzz
mkdir -p "$out/corpus" "$out/artifacts"

echo "building $out/decoder-fuzzer …" >&2
# ld.gold warns about every AddressSanitizer helper symbol it cannot export: not our problem.
swiftc -sanitize=fuzzer,address -parse-as-library -swift-version 6 -O -g \
    -module-name ChatzyAPI Sources/ChatzyAPI/*.swift Fuzz/DecoderFuzzer.swift \
    -o "$out/decoder-fuzzer" 2>&1 | { grep -v "Cannot export local symbol" || true; } >&2

cp -n Fuzz/corpus/* "$out/corpus/" 2>/dev/null || true
export SWIFT_BACKTRACE=enable=no  # libFuzzer and ASan report crashes themselves
exec "$out/decoder-fuzzer" "$out/corpus" -dict=Fuzz/json.dict \
    -max_total_time="$seconds" -max_len=1048576 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$out/artifacts/" -print_final_stats=1 "$@"
