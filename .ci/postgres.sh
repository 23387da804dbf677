#!/usr/bin/env bash
# Throw-away PostgreSQL for the tests, sourced by .ci/run. start_postgres installs Debian's postgresql package
# when no server is installed, creates a cluster in a temporary folder, starts it on 127.0.0.1 and exports
# GRAPHLITE_TEST_POSTGRES, the connection string the PostgreSQL tests read. stop_postgres stops the server and
# removes the folder. Usage outside CI: source .ci/postgres.sh; start_postgres [port]; ...; stop_postgres

pg_folder=""
pg_bin=""

# Runs a PostgreSQL program as the postgres user when this shell is root, since the server refuses to run as root.
run_as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# Prints the first port from $1 up that nothing listens on.
free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    port=$((port + 1))
  done
  echo "$port"
}

start_postgres() {
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "PostgreSQL is missing: installing Debian's postgresql package."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  pg_bin=$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d | sort -V | tail -1)

  local port=${1:-55440} attempt
  pg_folder=$(mktemp -d /tmp/graphlite-postgres.XXXXXX)
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$pg_folder"
  fi

  run_as_postgres "$pg_bin/initdb" -D "$pg_folder/data" -U graphlite --auth=trust --encoding=UTF8 --no-locale >"$pg_folder/initdb.log"
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    port=$(free_port "$port")
    rm -f "$pg_folder/server.log"
    if run_as_postgres "$pg_bin/pg_ctl" -D "$pg_folder/data" -l "$pg_folder/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $pg_folder -c max_connections=200" start >/dev/null 2>&1; then
      export GRAPHLITE_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=graphlite;Database=graphlite"
      echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') listens on 127.0.0.1:$port (data in $pg_folder)."
      return 0
    fi

    # A port that nothing listens on can still be taken, e.g. as the local end of a client connection in
    # TIME_WAIT, since these ports lie in Linux's ephemeral range; the next port may be free.
    if ! grep -q "could not bind" "$pg_folder/server.log" 2>/dev/null; then
      break
    fi
    port=$((port + 1))
  done

  echo "PostgreSQL did not start (attempt $attempt, port $port). Its log:" >&2
  cat "$pg_folder/server.log" >&2 || true
  return 1
}

stop_postgres() {
  if [ -n "$pg_folder" ] && [ -d "$pg_folder/data" ]; then
    run_as_postgres "$pg_bin/pg_ctl" -D "$pg_folder/data" -m fast -w stop >/dev/null || true
    rm -rf "$pg_folder"
  fi
  pg_folder=""
}
