#!/usr/bin/env bash
# Runs udpchat, building it first when the jars are missing or older than the sources.
#
#   ./run.sh server [options]   the chat server   (./run.sh server --help)
#   ./run.sh client [options]   the chat client   (./run.sh client --help)
#   ./run.sh bench [options]    the load generator against a server child process (./run.sh bench --help)
#   ./run.sh test               builds and runs every test (what CI runs)
#   ./run.sh build              builds the jars only
#
# JAVA_OPTS is passed to java, e.g. JAVA_OPTS=-Dlogback.configurationFile=my-logback.xml
# The server's heap is sized for its --max-members and --history; JAVA_OPTS=-Xmx… overrides it.
set -euo pipefail
cd "$(dirname "$0")"

say() { printf 'run.sh: %s\n' "$*" >&2; }

need() {
  command -v "$1" >/dev/null 2>&1 && return
  say "$1 is not installed: $2"
  exit 1
}

check_tools() {
  need java "install a JDK 17 or newer (Debian: apt-get install openjdk-17-jdk-headless)"
  need mvn "install Apache Maven 3.8 or newer (Debian: apt-get install maven)"
}

jars=(chat-server/target/chat-server.jar chat-client/target/chat-client.jar chat-bench/target/chat-bench.jar)

# True when a jar is missing or a pom or main source file is newer than the oldest jar.
stale() {
  local jar oldest=""
  for jar in "${jars[@]}"; do
    [ -f "$jar" ] || return 0
    if [ -z "$oldest" ] || [ "$jar" -ot "$oldest" ]; then oldest=$jar; fi
  done
  [ -n "$(find pom.xml ./*/pom.xml ./*/src/main -type f -newer "$oldest" -print -quit)" ]
}

build() {
  check_tools
  say "building the jars (mvn package, tests skipped; './run.sh test' runs them)..."
  # Some Maven builds print colour resets even in batch mode; keep the user's screen clean.
  mvn -q -B -DskipTests package 2>&1 | sed $'s/\x1b\\[[0-9;]*m//g'
  say "built ${jars[*]}"
}

# Builds when stale. A server and clients started at once would otherwise run several Maven
# builds in one tree: the first takes a lock, the others wait for it and find the jars fresh.
build_if_stale() {
  stale || return 0
  if command -v flock >/dev/null 2>&1; then
    exec 9>"${TMPDIR:-/tmp}/udpchat-build-$(id -u).lock"
    flock 9
  fi
  if stale; then build; fi
  exec 9>&-
}

# The server's heap, in MB: sized for what it holds (723 bytes a member measured, an event of the
# history ring up to 1.2 KB), with room for the rest, so that a flood of garbage cannot grow the
# JVM towards its default of a quarter of the machine before it collects. -Xmx in JAVA_OPTS wins.
server_heap_mb() {
  local members=1000 history=1000 prev="" arg
  for arg in "$@"; do
    case "$prev" in --max-members) members=$arg ;; --history) history=$arg ;; esac
    case "$arg" in --max-members=*) members=${arg#*=} ;; --history=*) history=${arg#*=} ;; esac
    prev=$arg
  done
  [[ $members =~ ^[0-9]{1,7}$ ]] || members=1000 # the server refuses it with a clear error
  [[ $history =~ ^[0-9]{1,7}$ ]] || history=1000
  echo $((128 + (members * 2 + history * 2) / 1024))
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
  server|client|bench)
    build_if_stale
    need java "install a JDK 17 or newer (Debian: apt-get install openjdk-17-jdk-headless)"
    heap=()
    if [ "$cmd" = server ] && [[ " ${JAVA_OPTS:-} " != *" -Xmx"* ]]; then
      heap=("-Xmx$(server_heap_mb "$@")m")
    fi
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
    exec java "${heap[@]}" ${JAVA_OPTS:-} -jar "chat-$cmd/target/chat-$cmd.jar" "$@"
    ;;
  test)
    check_tools
    command -v tmux >/dev/null 2>&1 ||
      say "tmux is not installed: the pseudo-terminal test will be skipped (apt-get install tmux)"
    exec mvn -B verify "$@"
    ;;
  build)
    build
    ;;
  '' | help | --help | -h)
    sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
    ;;
  *)
    say "unknown command '$cmd': one of server, client, bench, test, build (./run.sh help)"
    exit 2
    ;;
esac
