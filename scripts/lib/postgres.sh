# PostgreSQL clusters for ClinicDesk's server tests and development server.
# Sourced by scripts/test and scripts/dev-server; needs bash.
#
#   start_test_postgres   throwaway cluster in a temp dir on a free loopback port, SCRAM
#                         password auth; exports CLINICDESK_TEST_DATABASE_URL (its `postgres`
#                         database: tests create their own databases from it)
#   stop_test_postgres    stops it and removes the dir; safe in an EXIT trap, safe to repeat
#   start_dev_postgres D  a kept cluster in folder D (created once, reused); exports
#                         CLINICDESK_DATABASE_URL for its `clinicdesk` database
#   stop_dev_postgres D   stops it, keeps its data
#
# The PostgreSQL 15 server binaries come from Debian's postgresql package
# (CLINICDESK_PG_BIN overrides their folder). initdb refuses to run as root, so as root
# the cluster belongs to the `postgres` user and its commands run through su.

CLINICDESK_PG_BIN="${CLINICDESK_PG_BIN:-/usr/lib/postgresql/15/bin}"

# Runs a PostgreSQL command as the cluster's owner: postgres when we are root, else ourselves.
_clinicdesk_pg_as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        su postgres -s /bin/bash -c "$(printf '%q ' "$@")"
    else
        "$@"
    fi
}

# Fails with a clear message when the server binaries or (as root) the postgres user are missing.
_clinicdesk_pg_check() {
    if [ ! -x "$CLINICDESK_PG_BIN/initdb" ] || [ ! -x "$CLINICDESK_PG_BIN/pg_ctl" ]; then
        echo "PostgreSQL server binaries not found in $CLINICDESK_PG_BIN; install them with: apt-get install postgresql" >&2
        return 1
    fi
    if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
        echo "Running as root needs the postgres user (initdb refuses root); install it with: apt-get install postgresql" >&2
        return 1
    fi
}

# A TCP port on 127.0.0.1 that nothing listens on right now.
_clinicdesk_pg_free_port() {
    local port attempt
    for attempt in $(seq 1 50); do
        port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    echo "No free TCP port found on 127.0.0.1" >&2
    return 1
}

# Creates a cluster in DIR/data whose superuser `clinicdesk` has PASSWORD (SCRAM only).
_clinicdesk_pg_init() {
    local dir="$1" password="$2"
    mkdir -p "$dir"
    printf '%s\n' "$password" >"$dir/password"
    chmod 600 "$dir/password"
    if [ "$(id -u)" -eq 0 ]; then chown -R postgres: "$dir"; fi
    _clinicdesk_pg_as_owner "$CLINICDESK_PG_BIN/initdb" -D "$dir/data" -U clinicdesk --pwfile="$dir/password" \
        --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 || {
        echo "initdb failed; see $dir/initdb.log" >&2
        return 1
    }
}

# Starts the cluster in DIR on a free loopback port (retrying if the port is taken meanwhile);
# sets CLINICDESK_PG_PORT. Extra server settings may follow DIR.
_clinicdesk_pg_start() {
    local dir="$1" port attempt
    shift
    for attempt in 1 2 3 4 5; do
        port="$(_clinicdesk_pg_free_port)" || return 1
        if _clinicdesk_pg_as_owner "$CLINICDESK_PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
            -o "-p $port -c listen_addresses=127.0.0.1 -k $dir $*" start >/dev/null 2>&1; then
            CLINICDESK_PG_PORT="$port"
            return 0
        fi
    done
    echo "PostgreSQL did not start; see $dir/postgres.log" >&2
    return 1
}

# Stops the cluster in DIR if it runs.
_clinicdesk_pg_stop() {
    local dir="$1"
    if [ -f "$dir/data/postmaster.pid" ]; then
        _clinicdesk_pg_as_owner "$CLINICDESK_PG_BIN/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null 2>&1 || true
    fi
}

start_test_postgres() {
    _clinicdesk_pg_check || return 1
    local dir password
    dir="$(mktemp -d "${TMPDIR:-/tmp}/clinicdesk-pg.XXXXXX")" || return 1
    export CLINICDESK_TEST_PG_DIR="$dir"
    chmod 755 "$dir"
    password="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
    _clinicdesk_pg_init "$dir" "$password" || return 1
    # Durability is pointless for a throwaway cluster; many parallel tests need many connections.
    _clinicdesk_pg_start "$dir" -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
        -c max_connections=400 || return 1
    export CLINICDESK_TEST_DATABASE_URL="postgres://clinicdesk:${password}@127.0.0.1:${CLINICDESK_PG_PORT}/postgres?sslmode=disable"
    echo "== test PostgreSQL on 127.0.0.1:${CLINICDESK_PG_PORT} (${dir})"
}

stop_test_postgres() {
    local dir="${CLINICDESK_TEST_PG_DIR:-}"
    if [ -n "$dir" ] && [ -d "$dir" ]; then
        _clinicdesk_pg_stop "$dir"
        rm -rf "$dir" 2>/dev/null || true
    fi
    unset CLINICDESK_TEST_PG_DIR CLINICDESK_TEST_DATABASE_URL
    return 0
}

start_dev_postgres() {
    local dir="$1" password fresh=0
    _clinicdesk_pg_check || return 1
    mkdir -p "$dir"
    dir="$(cd "$dir" && pwd)"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        rm -rf "$dir/data"
        _clinicdesk_pg_init "$dir" "$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')" || return 1
        fresh=1
    fi
    _clinicdesk_pg_stop "$dir"
    _clinicdesk_pg_start "$dir" || return 1
    password="$(cat "$dir/password")"
    if [ "$fresh" -eq 1 ]; then
        PGPASSWORD="$password" "$CLINICDESK_PG_BIN/createdb" -h 127.0.0.1 -p "$CLINICDESK_PG_PORT" -U clinicdesk clinicdesk || return 1
    fi
    export CLINICDESK_DATABASE_URL="postgres://clinicdesk:${password}@127.0.0.1:${CLINICDESK_PG_PORT}/clinicdesk?sslmode=disable"
}

stop_dev_postgres() {
    _clinicdesk_pg_stop "$(cd "$1" && pwd)"
}
