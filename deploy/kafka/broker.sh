#!/usr/bin/env bash
# A Gream Kafka node (apache/kafka image): `broker.sh start` writes the JAAS file of its SASL listeners from the
# environment, then runs the image's own start script; `broker.sh health` asks the node for its API versions as the
# broker user. The JAAS entries go to a file because the image turns KAFKA_* variables into settings only when their
# value holds no '='. Listeners: CLIENT (9092, SCRAM-SHA-512, the services' users), CONTROLLER (9093) and BROKER
# (9094, inter-broker and kafka-init's admin), both PLAIN with the users below.
set -euo pipefail

jaas=/tmp/kafka_server_jaas.conf
client=/tmp/broker-client.properties

case "${1:-}" in
  start)
    umask 077
    cat > "$jaas" <<EOF
KafkaServer {
  org.apache.kafka.common.security.plain.PlainLoginModule required
    username="broker" password="${BROKER_PASSWORD}"
    user_broker="${BROKER_PASSWORD}"
    user_admin="${ADMIN_PASSWORD}";
  org.apache.kafka.common.security.scram.ScramLoginModule required;
};
EOF
    cat > "$client" <<EOF
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="broker" password="${BROKER_PASSWORD}";
EOF
    exec /etc/kafka/docker/run
    ;;
  health)
    exec /opt/kafka/bin/kafka-broker-api-versions.sh --bootstrap-server localhost:9094 --command-config "$client" \
      >/dev/null 2>&1
    ;;
  *)
    echo "usage: broker.sh start|health" >&2
    exit 2
    ;;
esac
