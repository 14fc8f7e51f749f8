#!/bin/bash
# Starts the node from what is mounted at /config:
#   /config/genesis.json    the chain (Distli's format or go-ethereum's); without it, the dev chain
#   /config/distli.yaml     optional settings (every setting also works as a DISTLI_* variable)
#   /config/validator.json  optional validator keystore, with /config/password (its first line)
# Arguments given to `docker run IMAGE ...` are passed to the node after these, so they win.
set -euo pipefail

args=(--data-dir "${DISTLI_DATA_DIR:-/data}")
if [[ -z "${DISTLI_GENESIS:-}" && -f /config/genesis.json ]]; then
  args+=(--genesis /config/genesis.json)
fi
if [[ -z "${DISTLI_CONFIG:-}" && -f /config/distli.yaml ]]; then
  args+=(--config /config/distli.yaml)
fi
if [[ -z "${DISTLI_VALIDATOR_KEY_FILE:-}" && -f /config/validator.json ]]; then
  args+=(--validator-key-file /config/validator.json)
fi
if [[ -z "${DISTLI_VALIDATOR_PASSWORD_FILE:-}" && -f /config/password ]]; then
  args+=(--validator-password-file /config/password)
fi

# Inside a container the published ports only reach the node if it listens on every interface; the
# host decides what is exposed (-p 127.0.0.1:8545:8545 keeps JSON-RPC local to the host). Set as
# environment defaults so that DISTLI_RPC_HOST=... or a command-line option still overrides them.
export DISTLI_RPC_HOST="${DISTLI_RPC_HOST:-0.0.0.0}"
export DISTLI_METRICS_HOST="${DISTLI_METRICS_HOST:-0.0.0.0}"

# shellcheck disable=SC2086
exec java ${DISTLI_JAVA_OPTS:-} -jar /opt/distli/distli.jar "${args[@]}" "$@"
