# Shared helpers for the .ci scripts; sourced, not run.
# shellcheck shell=bash

CI_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CI_WORK="$CI_DIR/work"

die() {
    echo "$CI_NAME: $*" >&2
    exit 1
}

# Runs a command with its output kept in a file; shows that output only when the command fails.
quiet() {
    local out status=0
    out="$(mktemp)"
    "$@" >"$out" 2>&1 || status=$?
    if [ "$status" -ne 0 ]; then
        echo "$CI_NAME: failed ($status): $*" >&2
        tail -n 50 "$out" >&2
    fi
    rm -f "$out"
    return "$status"
}

# Installs Debian packages (apt-get update first, once per script run); needs root or sudo.
APT_UPDATED=
apt_install() {
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || die "need root or sudo to install: $*"
        sudo=(sudo)
    fi
    if [ -z "$APT_UPDATED" ]; then
        quiet "${sudo[@]}" apt-get update
        APT_UPDATED=1
    fi
    quiet "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
}

# The account a server runs as: root CI uses an unprivileged system user (created if missing), since PostgreSQL and
# Elasticsearch refuse root; a developer's own account runs them as itself.
service_user() {
    local wanted="$1"
    if [ "$(id -u)" -ne 0 ]; then
        id -un
        return
    fi
    if ! id -u "$wanted" >/dev/null 2>&1; then
        quiet useradd --system --user-group --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin "$wanted"
    fi
    echo "$wanted"
}

as_user() {
    local user="$1"
    shift
    if [ "$user" = "$(id -un)" ]; then
        "$@"
    else
        runuser -u "$user" -- "$@"
    fi
}

# .ci/work/NAME, owned by USER; prints its real path. A clone inside a private directory (e.g. /root, mode 700) is out
# of reach for the service user; then the files live in /var/tmp/imarchive-ci-HASH/NAME and .ci/work/NAME links there.
service_dir() {
    local name="$1" user="$2" dir="$CI_WORK/$1"
    mkdir -p "$CI_WORK"
    chmod 755 "$CI_WORK"
    if [ ! -e "$dir" ]; then
        if as_user "$user" test -x "$CI_WORK"; then
            mkdir "$dir"
        else
            # one place per clone path, so that a CI workspace reused run after run does not pile up copies
            local real
            real="/var/tmp/imarchive-ci-$(printf '%s' "$CI_WORK" | sha256sum | cut -c1-12)/$name"
            mkdir -p "$real"
            chmod 755 "$(dirname "$real")"
            ln -s "$real" "$dir"
        fi
    fi
    dir="$(cd "$dir" && pwd -P)"
    chown "$user:" "$dir"
    chmod 755 "$dir"
    as_user "$user" test -w "$dir" || die "$dir is not writable by $user"
    echo "$dir"
}
