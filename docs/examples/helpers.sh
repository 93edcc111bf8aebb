# The helpers of the example scripts in README.md and docs/: source this file from the repository
# root (`. docs/examples/helpers.sh`). Every call checks its answer: the first unexpected HTTP status,
# or an answer without what the script needs next, prints the step, the status and the body, and
# stops the script with exit 1. Needs bash, curl and sed.
API=${API:-http://127.0.0.1:5000}

fail() { printf '%s\n' "$@" >&2; exit 1; }
# call STEP STATUS TOKEN METHOD PATH [JSON]: the answer's body in $BODY; any other status stops the script.
call() {
  STEP=$1
  local raw status
  raw=$(curl -sS -w '\n%{http_code}' -X "$4" "$API$5" ${3:+-H "Authorization: Bearer $3"} \
        ${6:+-H 'Content-Type: application/json' --data-binary "$6"}) || fail "$STEP: no answer from $API"
  BODY=${raw%$'\n'*} status=${raw##*$'\n'}
  [ "$status" = "$2" ] || fail "$STEP failed: HTTP $status (expected $2)" "$BODY"
}
# take VAR REGEX: what REGEX's group matches in $BODY, into VAR; no match stops the script.
take() {
  local value
  value=$(printf '%s' "$BODY" | sed -nE "s/$2/\1/p")
  [ -n "$value" ] || fail "$STEP: the answer has no $1" "$BODY"
  printf -v "$1" '%s' "$value"
}
login() {
  call "log in as $2" 200 "" POST /api/auth/login "{\"userName\":\"$2\",\"password\":\"Demo#2026\"}"
  take "$1" '.*"accessToken":"([^"]+)".*'
}
TASK='.*Tasks":\[\{"id":"([^"]+)".*'   # the first of the open tasks (openTasks, openedTasks) in an answer

# download STEP TOKEN PATH FILE: a 200 answer saved to FILE; anything else stops the script.
download() {
  STEP=$1
  local status
  status=$(curl -sS -o "$4" -w '%{http_code}' "$API$3" -H "Authorization: Bearer $2") || fail "$STEP: no answer from $API"
  [ "$status" = 200 ] || fail "$STEP failed: HTTP $status (expected 200)" "$(cat "$4")"
}
# upload STEP STATUS TOKEN PATH FIELD=@FILE...: a multipart POST, the answer in $BODY as with call.
upload() {
  STEP=$1
  local want=$2 token=$3 path=$4 raw status form=()
  shift 4
  for field in "$@"; do form+=(-F "$field"); done
  raw=$(curl -sS -w '\n%{http_code}' -X POST "$API$path" -H "Authorization: Bearer $token" "${form[@]}") \
    || fail "$STEP: no answer from $API"
  BODY=${raw%$'\n'*} status=${raw##*$'\n'}
  [ "$status" = "$want" ] || fail "$STEP failed: HTTP $status (expected $want)" "$BODY"
}
