#!/usr/bin/env bash
# Builds the inbox and the bench in release mode, then runs the bench; arguments go to the
# bench (e.g. --quick, --only keys --only search, --help).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product chatzy-inbox
swift build -c release --product chatzy-inbox-bench
exec .build/release/chatzy-inbox-bench --binary .build/release/chatzy-inbox "$@"
