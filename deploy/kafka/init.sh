#!/usr/bin/env bash
# docker compose's kafka-init, as the admin user (a super user) on the BROKER listener: creates the topics of
# DESIGN.md section 3 (io.gream.contracts.Topics) with their required configs, one SCRAM-SHA-512 user per user named
# in acls.txt (password from KAFKA_<USER>_PASSWORD, e.g. KAFKA_BID_ENGINE_PASSWORD), and the ACLs of acls.txt.
# Safe to run again: existing topics are left alone, passwords are set anew, existing ACLs are kept. An ACL taken out
# of acls.txt stays on the cluster until removed with kafka-acls.sh --remove.
set -euo pipefail

bin=/opt/kafka/bin
bootstrap=kafka-1:9094,kafka-2:9094,kafka-3:9094
acls=/gream/kafka/acls.txt
admin=/tmp/admin.properties

umask 077
cat > "$admin" <<EOF
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${ADMIN_PASSWORD}";
EOF

create() {
  "$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --command-config "$admin" --create \
    --if-not-exists --topic "$1" --partitions "$PARTITIONS" --replication-factor 3 \
    --config min.insync.replicas=2 --config unclean.leader.election.enable=false "${@:2}"
}
create gream.auction-commands --config message.timestamp.type=LogAppendTime --config retention.ms=-1
create gream.auction-events --config retention.ms=-1
create gream.settlement-commands --config message.timestamp.type=LogAppendTime --config retention.ms=-1
create gream.settlement-events --config retention.ms=-1
create gream.dead-letters --config retention.ms=604800000
"$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --command-config "$admin" --describe --topic 'gream\..*'

entries() {
  grep -Ev '^[[:space:]]*(#|$)' "$acls"
}

for user in $(entries | awk '{print $1}' | sort -u); do
  variable="KAFKA_$(echo "$user" | tr 'a-z-' 'A-Z_')_PASSWORD"
  password="${!variable:-}"
  # The password goes into SCRAM-SHA-512=[password=...] here and into a JAAS string in the service: keep it plain.
  if [[ ! "$password" =~ ^[A-Za-z0-9]{16,}$ ]]; then
    echo "$variable must be set to at least 16 letters and digits (openssl rand -hex 24)" >&2
    exit 1
  fi
  "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --command-config "$admin" --alter \
    --entity-type users --entity-name "$user" --add-config "SCRAM-SHA-512=[iterations=8192,password=$password]"
done

entries | while read -r user resource pattern name operations; do
  operation_flags=()
  for operation in ${operations//,/ }; do
    operation_flags+=(--operation "$operation")
  done
  "$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --command-config "$admin" --add \
    --allow-principal "User:$user" "--$resource" "$name" --resource-pattern-type "$pattern" "${operation_flags[@]}"
done
"$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --command-config "$admin" --list
