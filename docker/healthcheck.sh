#!/bin/bash
# HEALTHCHECK: GET /health on the JSON-RPC port answers 200 while the node serves (503 while it
# starts, stops or has stalled). Plain bash (/dev/tcp), so the image needs no curl.
set -euo pipefail
port="${DISTLI_RPC_PORT:-8545}"
exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
read -r -t 3 status_line <&3
[[ "$status_line" == *" 200 "* ]]
