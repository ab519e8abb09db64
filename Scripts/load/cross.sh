#!/bin/bash
# A change made through one instance is seen through the other at once: sessions and cached lists
# across two instances over one PostgreSQL. For each of N rounds: create a school through A (API,
# bearer token), then immediately list schools through B — its cached list must already show it;
# a session cookie signed in on A must be accepted by B.
# usage: Scripts/load/cross.sh URL_A URL_B [ROUNDS=20]
set -euo pipefail
A=${1:?}; B=${2:?}; N=${3:-20}
TOKEN=$(curl -sk -X POST -H 'Content-Type: application/json' -d '{"login":"center","password":"opora-demo-2025","name":"cross"}' "$A/api/v1/auth/token" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
MID=$(curl -sk -H "Authorization: Bearer $TOKEN" "$A/api/v1/me" | python3 -c 'import json,sys; g=json.load(sys.stdin)["grants"]; print([x for x in g if x.get("municipalityID")][0]["municipalityID"])')
J=$(mktemp); curl -sk -c $J -b $J "$A/login" > $J.html
C=$(grep -o 'name="_csrf" value="[^"]*"' $J.html | head -1 | sed 's/.*value="//;s/"//')
curl -sk -c $J -b $J -o /dev/null -X POST --data-urlencode login=center --data-urlencode password=opora-demo-2025 --data-urlencode "_csrf=$C" "$A/login"
S=$(grep opora_session $J | awk '{print $7}')
code=$(curl -sk -o /dev/null -w '%{http_code}' -b "opora_session=$S" "$B/schools")
echo "session signed in through A, page /schools through B: HTTP $code"; [ "$code" = 200 ] || exit 1
curl -sk -H "Authorization: Bearer $TOKEN" "$B/api/v1/schools" > /dev/null   # B's list is now cached
seen=0; stamp=$(date +%s)
for i in $(seq 1 $N); do
  c="X-$stamp-$i"
  st=$(curl -sk -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"municipalityID\":\"$MID\",\"draft\":{\"code\":\"$c\",\"fullName\":\"Школа проверки $c\",\"shortName\":\"Школа $c\",\"kind\":\"СОШ\",\"legalForm\":\"МБОУ\",\"directorName\":\"\",\"address\":\"\",\"phone\":\"\",\"email\":\"\"}}" "$A/api/v1/schools")
  [ "$st" = 200 ] || [ "$st" = 201 ] || { echo "create through A answered $st"; exit 1; }
  curl -sk -H "Authorization: Bearer $TOKEN" "$B/api/v1/schools" | grep -q "\"$c\"" && seen=$((seen + 1))
done
echo "schools created through A and listed through B in the very next request: $seen of $N"
rm -f $J $J.html
[ $seen = $N ]
