#!/bin/bash
# Run by the mysql image on the first start of an empty data volume (/docker-entrypoint-initdb.d): one database and
# one user per service, each user allowed only its own database. Passwords come from the container's environment
# (docker-compose.yml, from .env), never from this file. To change one later, use ALTER USER: this runs only once.
set -euo pipefail

create() { # database user password
  mysql --protocol=socket -uroot -p"${MYSQL_ROOT_PASSWORD}" <<SQL
CREATE DATABASE IF NOT EXISTS \`$1\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE USER IF NOT EXISTS '$2'@'%' IDENTIFIED BY '$3';
GRANT ALL PRIVILEGES ON \`$1\`.* TO '$2'@'%';
SQL
}

# settlement-worker: the settlements and the append-only ledger (its migrations create triggers; with the binary log
# on, that needs log_bin_trust_function_creators, set on the server in docker-compose.yml).
create gream_settlement settlement "${SETTLEMENT_DB_PASSWORD}"
# notifier: inboxes, webhooks and their delivery outbox.
create gream_notifier notifier "${NOTIFIER_DB_PASSWORD}"
