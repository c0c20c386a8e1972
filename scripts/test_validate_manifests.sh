#!/usr/bin/env bash
# Self-check of scripts/validate-manifests.py: the good samples must pass, every
# bad sample must fail on its own, and an empty input or a bad flag must fail.
# Usage: scripts/test_validate_manifests.sh [PYTHON]   (default: python3)
set -euo pipefail

python=${1:-${PYTHON:-python3}}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
validator="$root/scripts/validate-manifests.py"
samples="$root/tests/data/validate-samples"
crds="$root/tests/data/crds"
versions=(--k8s-version 1.37.0 --k8s-version 1.35.0)

passed=0
failed=0
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# expect NAME WANTED_EXIT ARGS...
expect() {
    local name=$1 wanted=$2
    shift 2
    local got=0
    "$python" "$validator" "$@" >"$scratch/out" 2>"$scratch/err" || got=$?
    if [[ $got -eq $wanted ]]; then
        passed=$((passed + 1))
        echo "ok: $name (exit $got)"
    else
        failed=$((failed + 1))
        echo "FAILED: $name: exit $got, wanted $wanted"
        sed 's/^/    /' "$scratch/out" "$scratch/err"
    fi
}

expect "good samples pass" 0 "${versions[@]}" --crd-dir "$crds" "$samples/good"

shopt -s nullglob
bad_files=("$samples"/bad/*)
if [[ ${#bad_files[@]} -eq 0 ]]; then
    echo "FAILED: no bad samples found in $samples/bad"
    failed=$((failed + 1))
fi
for file in "${bad_files[@]}"; do
    expect "bad sample rejected: ${file##*/}" 1 "${versions[@]}" --crd-dir "$crds" "$file"
    if [[ -s "$scratch/err" ]] && ! grep -q "${file##*/}" "$scratch/err"; then
        failed=$((failed + 1))
        echo "FAILED: ${file##*/}: the failure lines do not name the file"
    fi
done

mkdir "$scratch/empty"
expect "nothing to validate is a failure" 1 "${versions[@]}" --crd-dir "$crds" "$scratch/empty"
expect "missing input path is a usage error" 2 "${versions[@]}" "$scratch/does-not-exist"
expect "unknown Kubernetes version is a usage error" 2 --k8s-version 0.1.0 "$samples/good"
expect "missing --k8s-version is a usage error" 2 "$samples/good"

echo "validator self-check: $passed passed, $failed failed"
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
