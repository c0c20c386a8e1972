#!/usr/bin/env bash
# Compares two commands by running them alternately, so that a shared machine whose speed
# drifts over minutes slows both alike (hyperfine runs one command's runs, then the
# other's). Prints each command's mean and minimum wall time and its mean CPU time.
#
# Usage: scripts/ab.sh RUNS "COMMAND A" "COMMAND B"
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: scripts/ab.sh RUNS \"COMMAND A\" \"COMMAND B\"" >&2; exit 2; }
runs=$1
declare -A cmd=([A]=$2 [B]=$3)
for _ in $(seq 1 "$runs"); do
    for k in A B; do
        # A linter exits 1 when it finds something; that is a result, not a failure here.
        # shellcheck disable=SC2086 # each command is a command line to split
        { /usr/bin/time -f "$k %e %U %S" ${cmd[$k]} 2>&1 >/dev/null || true; } | grep "^$k "
    done
done | awk '
    { w[$1] += $2; u[$1] += $3; s[$1] += $4; n[$1]++; if (!($1 in m) || $2 < m[$1]) m[$1] = $2 }
    END { for (k in w) printf "%s  wall mean %.3f s  min %.3f s  user %.3f s  sys %.3f s\n", k, w[k]/n[k], m[k], u[k]/n[k], s[k]/n[k] }
' | sort
