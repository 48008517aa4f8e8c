#!/usr/bin/env bash
# The failover-drill cluster on loopback, without Docker: 3 Kafka nodes (KRaft, Kafka's own server code, RF 3,
# min.insync.replicas=2), 3 bid-engines, 2 ingress-apis, 2 settlement-workers, 1 notifier, each its own JVM.
#
#   drill/cluster/drill-cluster.sh up              start from nothing (wipes drill/target/drill-cluster and the
#                                                 gream_drill_* MariaDB databases), return when all are ready
#   drill/cluster/drill-cluster.sh status          pid and readiness of each process
#   drill/cluster/drill-cluster.sh start NODE      start one process again (e.g. bid-engine-2)
#   drill/cluster/drill-cluster.sh down            stop everything (SIGTERM)
#   drill/cluster/drill-cluster.sh drill [opts]    the drill: load + faults + verify (see --help)
#   drill/cluster/drill-cluster.sh verify --run D  verify a finished run again (cluster still up)
#
# Logs: drill/target/drill-cluster/logs/<process>.log; pids: drill/target/drill-cluster/pids/<process>.pid.
# Needs MariaDB on 127.0.0.1:3306 (root, no password). Builds the jars first when they are missing (or BUILD=1).
set -euo pipefail
cd "$(dirname "$0")/../.."
jar() { ls drill/target/drill-*-exec.jar 2>/dev/null | head -1; }
if [ -z "$(jar)" ] || [ "${BUILD:-0}" = 1 ]; then
  ./mvnw -B -q -pl drill,bid-engine,ingress-api,settlement-worker,notifier -am package -Dmaven.test.skip=true
fi
cmd="${1:-status}"; shift || true
case "$cmd" in
  up)     exec java -jar "$(jar)" cluster-up "$@" ;;
  down)   exec java -jar "$(jar)" cluster-down "$@" ;;
  status) exec java -jar "$(jar)" cluster-status "$@" ;;
  start)  exec java -jar "$(jar)" cluster-start --node "$1" "${@:2}" ;;
  drill)  exec java -jar "$(jar)" run "$@" ;;
  verify) exec java -jar "$(jar)" verify "$@" ;;
  *) echo "usage: $0 up|down|status|start NODE|drill [options]|verify --run DIR" >&2; exit 2 ;;
esac
