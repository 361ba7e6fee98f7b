#!/usr/bin/env bash
# Prints a bearer token (RS256 JWT) signed with the DEV-ONLY key in src/main/resources/dev-keys/,
# which dev mode and the tests trust. Needs only bash, openssl and base64.
#
#   scripts/dev-token.sh catalog-admin
#   scripts/dev-token.sh provider-editor cxpa hdi     # may write these providers and their programs
#   scripts/dev-token.sh recognition-writer
#
#   TOKEN=$(scripts/dev-token.sh catalog-admin)
#   curl -H "Authorization: Bearer $TOKEN" ...
#
# Environment: DEV_TOKEN_SUBJECT (default dev-<role>), DEV_TOKEN_TTL seconds (default 3600),
# DEV_TOKEN_ISSUER (default the issuer application.properties expects), DEV_TOKEN_KEY (the PEM).
set -euo pipefail

usage() {
  echo "usage: $0 catalog-admin|provider-editor|recognition-writer [provider-slug...]" >&2
  exit 2
}

[ $# -ge 1 ] || usage
role=$1
shift
case "$role" in
  catalog-admin|provider-editor|recognition-writer) ;;
  *) usage ;;
esac
if [ "$role" = provider-editor ] && [ $# -eq 0 ]; then
  echo "$0: a provider-editor needs at least one provider slug" >&2
  exit 2
fi

here=$(cd "$(dirname "$0")" && pwd)
key=${DEV_TOKEN_KEY:-$here/../src/main/resources/dev-keys/privateKey.pem}
issuer=${DEV_TOKEN_ISSUER:-https://credential-catalog.example/issuer}
subject=${DEV_TOKEN_SUBJECT:-dev-$role}
ttl=${DEV_TOKEN_TTL:-3600}

providers=""
for slug in "$@"; do
  if ! [[ $slug =~ ^[a-z0-9]+(-[a-z0-9]+)*$ ]]; then
    echo "$0: '$slug' is not a provider slug" >&2
    exit 2
  fi
  providers+="${providers:+,}\"$slug\""
done

b64url() { base64 | tr -d '\n=' | tr '+/' '-_'; }

now=$(date +%s)
header='{"alg":"RS256","typ":"JWT"}'
payload=$(printf '{"iss":"%s","sub":"%s","upn":"%s","groups":["%s"],"providers":[%s],"iat":%d,"exp":%d,"jti":"%s"}' \
  "$issuer" "$subject" "$subject" "$role" "$providers" "$now" "$((now + ttl))" "$(openssl rand -hex 8)")

signing_input="$(printf '%s' "$header" | b64url).$(printf '%s' "$payload" | b64url)"
signature=$(printf '%s' "$signing_input" | openssl dgst -sha256 -sign "$key" | b64url)
printf '%s.%s\n' "$signing_input" "$signature"
