#!/usr/bin/env bash
# Prints the environment the tests read to find the servers .ci/servers.sh starts; use: source <(.ci/env.sh)
set -euo pipefail
cat <<ENV
export IMARCHIVE_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:${PGPORT_TEST:-54329}/imarchive
export IMARCHIVE_TEST_POSTGRES_USER=imarchive
export IMARCHIVE_TEST_POSTGRES_PASSWORD=imarchive
export IMARCHIVE_TEST_ELASTICSEARCH_URL=http://127.0.0.1:${ES_PORT_TEST:-9200}
export IMARCHIVE_TEST_REQUIRE_SERVERS=true
export IMARCHIVE_TEST_CHROMIUM=/usr/bin/chromium
export IMARCHIVE_TEST_CHROMEDRIVER=/usr/bin/chromedriver
ENV
