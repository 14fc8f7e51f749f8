#!/usr/bin/env bash
# Regenerates the web3j Java wrappers (trading/src/main/java/org/distli/trading/wrapper) from the
# committed artifacts, with web3j's code generator at the version pinned in contracts/codegen/pom.xml
# (equal to the parent pom's web3j.version). Run after `node build.mjs` changed an ABI or bytecode;
# then `mvn spotless:apply` formats the result.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
ARTIFACTS="$ROOT/trading/src/main/resources/org/distli/trading/contracts"
OUT="$ROOT/trading/src/main/java"
PACKAGE=org.distli.trading.wrapper
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mvn -B -q -f "$HERE/codegen/pom.xml" dependency:build-classpath -Dmdep.outputFile="$work/classpath" >&2

for name in OrderBook DemoToken; do
  node -e '
    const a = require(process.argv[1]);
    const fs = require("fs");
    fs.writeFileSync(process.argv[2] + ".abi", JSON.stringify(a.abi));
    fs.writeFileSync(process.argv[2] + ".bin", a.bytecode.slice(2));
  ' "$ARTIFACTS/$name.json" "$work/$name"
  "$JAVA" -cp "$(cat "$work/classpath")" org.web3j.codegen.SolidityFunctionWrapperGenerator \
    -a "$work/$name.abi" -b "$work/$name.bin" -c "$name" -o "$OUT" -p "$PACKAGE"
done
