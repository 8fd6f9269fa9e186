#!/usr/bin/env bash
# Regenerates the upgrade fixture of a released Kiosk: what its jar leaves
# behind after a short life (demo province, a paired kiosk, a guard, check-ins
# through its HTTP API), captured as a plain-SQL pg_dump plus its keys.
# UpgradeFromReleaseIT loads it and starts the current jar on it.
#
#   git worktree add /tmp/v010 v0.1.0
#   (cd /tmp/v010 && mvn -B -q package -DskipTests -pl kiosk-server -am)   # package, never install
#   kiosk-server/src/test/resources/upgrade/make-fixture.sh \
#       /tmp/v010/kiosk-server/target/kiosk-server.jar kiosk-server/src/test/resources/upgrade/v0.1.0
#
# Needs root (PostgreSQL 15 of Debian, run as the postgres user, as PgCluster
# does), curl and jq. The jar runs against that PostgreSQL 15 through
# KIOSK_DB_URL rather than its embedded PostgreSQL 17 because only a pg_dump 15
# is installed and pg_dump refuses newer servers; the schema is made by the
# same migrations either way. Every person in it is made up: the demo seed's
# generated names and the numbers 0912 000 0xx.
set -euo pipefail

JAR=$(realpath "$1")
OUT=$2
PG=/usr/lib/postgresql/15/bin
ADMIN_PASSWORD=upgrade-admin-0.1.0
GUARD_PASSWORD=upgrade-guard-0.1.0

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

WORK=$(mktemp -d /tmp/kiosk-fixture-XXXXXX)
chown postgres "$WORK"
PG_PORT=$(free_port)
HTTP_PORT=$(free_port)
runuser -u postgres -- "$PG/initdb" -D "$WORK/pg" --auth=trust -U postgres --encoding=UTF8 --no-instructions >/dev/null
runuser -u postgres -- "$PG/pg_ctl" -D "$WORK/pg" -w -l "$WORK/pg.log" \
    -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1" start >/dev/null
SERVER=
cleanup() {
    [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" || true
    runuser -u postgres -- "$PG/pg_ctl" -D "$WORK/pg" -w -m fast stop >/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

env -i PATH="$PATH" HOME="$WORK" KIOSK_DATA_DIR="$WORK/data" KIOSK_HTTP_PORT="$HTTP_PORT" KIOSK_DEMO=true \
    KIOSK_DB_URL="postgresql://postgres:unused@127.0.0.1:$PG_PORT/postgres" KIOSK_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    java -Xmx512m -jar "$JAR" >"$WORK/server.log" 2>&1 &
SERVER=$!
BASE=http://127.0.0.1:$HTTP_PORT
for _ in $(seq 120); do
    curl -fs "$BASE/health" >/dev/null && grep -q "pairing code:" "$WORK/server.log" && break
    sleep 1
done

api() { # method path [token] [json]
    curl -fsS -X "$1" "$BASE$2" ${3:+-H "Authorization: Bearer $3"} ${4:+-H 'Content-Type: application/json' --data-binary "$4"}
}
MANAGER_PASSWORD=$(sed -n 's/^ *manager *quanly \/ \([^ ]*\) .*/\1/p' "$WORK/server.log")
PAIRING=$(sed -n 's/^ *kiosk pairing code: \([A-Z0-9]*\) .*/\1/p' "$WORK/server.log")
ADMIN=$(api POST /api/v1/auth/login "" "{\"username\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" | jq -r .token)
api POST /api/v1/auth/login "" "{\"username\":\"quanly\",\"password\":\"$MANAGER_PASSWORD\"}" >/dev/null
STATION=$(api GET /api/v1/sites "$ADMIN" | jq '.items[] | select(.name == "Bến xe khách Đông Hà") | .id')
HOSPITAL=$(api GET /api/v1/sites "$ADMIN" | jq '.items[] | select(.name == "Bệnh viện Đa khoa tỉnh Quảng Trị") | .id')
api POST /api/v1/users "$ADMIN" "{\"username\":\"baove2\",\"password\":\"$GUARD_PASSWORD\",\"role\":\"guard\",\"siteIds\":[$HOSPITAL]}" >/dev/null
GUARD=$(api POST /api/v1/auth/login "" "{\"username\":\"baove2\",\"password\":\"$GUARD_PASSWORD\"}" | jq -r .token)
DEVICE=$(api POST /api/v1/kiosks/pair "" "{\"pairingCode\":\"$PAIRING\"}" | jq -r .deviceToken)

uuid() { cat /proc/sys/kernel/random/uuid; }
for i in 1 2 3 4 5 6; do
    phone=$(printf '0912000%03d' "$i")
    api POST /api/v1/checkins "$GUARD" "{\"id\":\"$(uuid)\",\"siteId\":$HOSPITAL,\"direction\":\"in\",\"visitor\":{\"name\":\"Bệnh nhân thử $i\",\"phone\":\"$phone\"}}" >/dev/null
    api POST /api/v1/checkins "$DEVICE" "{\"id\":\"$(uuid)\",\"visitor\":{\"name\":\"Hành khách thử $i\",\"phone\":\"$(printf '0912000%03d' $((i + 50)))\"}}" >/dev/null
done
api POST /api/v1/checkins "$GUARD" "{\"id\":\"$(uuid)\",\"siteId\":$HOSPITAL,\"direction\":\"out\",\"visitor\":{\"name\":\"Bệnh nhân thử 1\",\"phone\":\"0912000001\"}}" >/dev/null

# Every visit the release shows, per site, as its own API lists them.
FROM=$(date -u -d '-3 days' +%Y-%m-%dT%H:%M:%SZ)
visits_json=$(for site in $(api GET /api/v1/sites "$ADMIN" | jq '.items[].id'); do
    cursor=
    while :; do
        page=$(api GET "/api/v1/sites/$site/visits?limit=100&from=$FROM${cursor:+&cursor=$cursor}" "$ADMIN")
        echo "$page" | jq -c --argjson site "$site" '.items[] | {site: $site, id}'
        cursor=$(echo "$page" | jq -r '.next // empty')
        [ -z "$cursor" ] && break
    done
done | jq -s 'group_by(.site) | map({key: (.[0].site | tostring), value: map(.id) | sort}) | from_entries')

kill "$SERVER"
wait "$SERVER" || true
SERVER=

rm -rf "$OUT"
mkdir -p "$OUT/keys"
"$PG/pg_dump" -h 127.0.0.1 -p "$PG_PORT" -U postgres --no-owner --no-privileges postgres >"$OUT/database.sql"
cp "$WORK"/data/keys/* "$OUT/keys/"
jq -n --arg release "$(git -C "$(dirname "$JAR")" describe --tags)" \
    --arg admin "$ADMIN_PASSWORD" --arg manager "$MANAGER_PASSWORD" --arg guard "$GUARD_PASSWORD" \
    --arg device "$DEVICE" --argjson station "$STATION" --argjson hospital "$HOSPITAL" --arg from "$FROM" \
    --argjson visits "$visits_json" \
    '{release: $release, from: $from,
      passwords: {admin: $admin, quanly: $manager, baove2: $guard},
      kiosk: {siteId: $station, deviceToken: $device}, guardSiteId: $hospital, visits: $visits}' >"$OUT/fixture.json"
echo "Wrote $OUT: $(du -sh "$OUT" | cut -f1), $(jq '[.visits[] | length] | add' "$OUT/fixture.json") visits"
