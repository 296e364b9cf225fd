#!/usr/bin/env bash
# Starts or stops a throwaway single-node Elasticsearch for the tests on 127.0.0.1:${ES_PORT_TEST:-9200}, from the
# integ-test-zip distribution on Maven Central (core modules only: no analysis-common, ingest or painless), unpacked once
# under .ci/work/elasticsearch.
set -euo pipefail
CI_NAME=elasticsearch
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "$0")/lib.sh"

VERSION=8.19.21
ARTIFACT="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$VERSION:zip"
PORT="${ES_PORT_TEST:-9200}"
TIMEOUT="${ES_START_TIMEOUT:-120}"
URL="http://127.0.0.1:$PORT"

# Real paths (.ci/work/elasticsearch may be a link, see service_dir): the node runs as another user.
set_paths() {
    DIR="$1"
    HOME_DIR="$DIR/elasticsearch-$VERSION"
    PIDFILE="$DIR/elasticsearch.pid"
    LOG="$DIR/logs/imarchive-ci.log"
}
set_paths "$(cd "$CI_WORK/elasticsearch" 2>/dev/null && pwd -P || echo "$CI_WORK/elasticsearch")"

# The pid of our node when it runs, else nothing.
node_pid() {
    local pid
    pid="$(cat "$PIDFILE" 2>/dev/null)" || return 0
    if [ -n "$pid" ] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$HOME_DIR"; then
        echo "$pid"
    fi
}

healthy() {
    curl -s --max-time 5 "$URL/_cluster/health?wait_for_status=yellow&timeout=1s" | grep -qE '"status":"(green|yellow)"'
}

LOG_MARK=0
show_logs() { # the launcher's output, then what this start added to the node's log
    tail -n 20 "$DIR/startup.log" >&2 2>/dev/null || true
    tail -n "+$((LOG_MARK + 1))" "$LOG" 2>/dev/null | tail -n 40 >&2 || true
}

unpack() {
    [ -x "$HOME_DIR/bin/elasticsearch" ] && return
    rm -rf "$DIR/download" "$HOME_DIR"
    mkdir -p "$DIR/download"
    # From a directory without a pom.xml, so Maven resolves just the artifact and not the project.
    (cd "$DIR/download" && quiet mvn -B -q dependency:copy -Dartifact="$ARTIFACT" -DoutputDirectory="$DIR/download")
    quiet unzip -q -d "$DIR/download" "$DIR/download/elasticsearch-$VERSION.zip"
    mv "$DIR/download/elasticsearch-$VERSION" "$HOME_DIR"
    rm -rf "$DIR/download"
}

configure() {
    cat >"$HOME_DIR/config/elasticsearch.yml" <<YML
# written by .ci/elasticsearch.sh on every start
cluster.name: imarchive-ci
node.name: ci
path.data: $DIR/data
path.logs: $DIR/logs
network.host: 127.0.0.1
http.port: $PORT
discovery.type: single-node
xpack.security.enabled: false
# a nearly full CI disk must not turn the test indices read-only
cluster.routing.allocation.disk.threshold_enabled: false
YML
    mkdir -p "$HOME_DIR/config/jvm.options.d"
    printf '%s\n' -Xms512m -Xmx1g >"$HOME_DIR/config/jvm.options.d/heap.options"
}

start() {
    local user dir pid java_home
    user="$(service_user imarchive-es)"
    dir="$(service_dir elasticsearch "$user")"
    set_paths "$dir"
    cd "$DIR"
    pid="$(node_pid)"
    if [ -z "$pid" ]; then
        if curl -s --max-time 5 -o /dev/null "$URL"; then
            die "something else already answers on $URL: stop it, or choose another port with ES_PORT_TEST"
        fi
        unpack
        configure
        mkdir -p "$DIR/data" "$DIR/logs"
        chown -R "$user:" "$DIR"
        [ ! -f "$LOG" ] || LOG_MARK="$(wc -l <"$LOG")"
        java_home="${ES_JAVA_HOME:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}}"
        local as=()
        [ "$user" = "$(id -un)" ] || as=(runuser -u "$user" --)
        # -d returns once the node has started (or failed to)
        if ! timeout "$TIMEOUT" "${as[@]}" env ES_JAVA_HOME="$java_home" "$HOME_DIR/bin/elasticsearch" \
            -d -p "$PIDFILE" >"$DIR/startup.log" 2>&1 </dev/null; then
            show_logs
            stop >/dev/null
            die "did not start (logs: $DIR/startup.log, $LOG)"
        fi
    fi
    local waited=0
    until healthy; do
        if [ -z "$(node_pid)" ] || [ "$waited" -ge "$TIMEOUT" ]; then
            show_logs
            stop >/dev/null
            die "not healthy on $URL after ${waited}s (logs: $DIR/startup.log, $LOG)"
        fi
        sleep 1
        waited=$((waited + 1))
    done
    echo "elasticsearch: $([ -n "$pid" ] && echo "already running" || echo started) $VERSION on $URL (pid $(node_pid), home $HOME_DIR, log $LOG)"
}

stop() {
    local pid
    pid="$(node_pid)"
    if [ -z "$pid" ]; then
        echo "elasticsearch: not running (home $HOME_DIR)"
        return
    fi
    kill -TERM "$pid"
    for _ in $(seq 60); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 1
    done
    if kill -0 "$pid" 2>/dev/null; then
        kill -KILL "$pid"
    fi
    rm -f "$PIDFILE"
    echo "elasticsearch: stopped pid $pid (home $HOME_DIR)"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) die "usage: $0 start|stop" ;;
esac
