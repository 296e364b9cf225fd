#!/usr/bin/env bash
# Starts or stops both test servers: PostgreSQL and Elasticsearch (see docs/ci.md).
set -euo pipefail
cd "$(dirname "$0")"
case "${1:-}" in
    start)
        ./postgres.sh start
        ./elasticsearch.sh start
        ;;
    stop)
        status=0
        ./elasticsearch.sh stop || status=$?
        ./postgres.sh stop || status=$?
        exit "$status"
        ;;
    *)
        echo "usage: $0 start|stop" >&2
        exit 1
        ;;
esac
