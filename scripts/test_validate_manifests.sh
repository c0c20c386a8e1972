#!/usr/bin/env bash
# Self-check of scripts/validate-manifests.py: the good samples must pass (and
# their pod templates be checked), every bad sample must fail on its own and for
# the reason it was written for, and an empty input or a bad flag must fail.
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
if ! grep -Eq '^validated [1-9][0-9]* pod templates inside custom resources as v1 PodTemplate: 0 failed$' "$scratch/out"; then
    failed=$((failed + 1))
    echo "FAILED: the good samples' pod templates were not validated"
    sed 's/^/    /' "$scratch/out"
fi

# Why each bad sample must fail: an extended regular expression that every
# failure line naming the sample has to match (and at least one line must).
q="'"
declare -A reason=(
    [broken-yaml.yaml]=": not valid YAML: while parsing a flow sequence"
    [clusterqueue-bad-quantity.yaml]="\\(CRD clusterqueues\\.kueue\\.x-k8s\\.io\\): spec\\.resourceGroups\\.0\\.flavors\\.0\\.resources\\.0\\.nominalQuota: ${q}eight${q} does not match"
    [cronjob-removed-api.yaml]="\\(1\\.3[57]\\.0\\): Kubernetes 1\\.3[57] has no batch/v1beta1 CronJob$"
    [duplicate-key.yaml]=": not valid YAML: .*found duplicate key ${q}key${q}"
    [invalid-name.yaml]="\\(metadata\\): metadata\\.name: ${q}Not_A_Name${q} is not a valid DNS-1123 subdomain$"
    [job-unknown-field.yaml]="\\(1\\.3[57]\\.0\\): spec\\.template\\.spec\\.containers\\.0: Additional properties are not allowed \\(${q}gpus${q} was unexpected\\)$"
    [localqueue-bad-enum.yaml]="\\(CRD localqueues\\.kueue\\.x-k8s\\.io\\): spec\\.stopPolicy: ${q}Pause${q} is not one of "
    [localqueue-unknown-field.yaml]="\\(CRD localqueues\\.kueue\\.x-k8s\\.io\\): spec: Additional properties are not allowed \\(${q}weight${q} was unexpected\\)$"
    [resourceflavor-metadata-type.yaml]="metadata\\.labels\\.tier: 1 is not (a string|of type ${q}string${q}, ${q}null${q})$|\\(CRD resourceflavors\\.kueue\\.x-k8s\\.io\\): metadata: Additional properties are not allowed \\(${q}owner${q} was unexpected\\)$"
    [service-wrong-type.yaml]="\\(1\\.3[57]\\.0\\): spec\\.ports\\.0\\.port: ${q}80${q} is not of type ${q}integer${q}$"
    [snapshot-unknown-field.snap]="\\(1\\.3[57]\\.0\\): spec: Additional properties are not allowed \\(${q}persistentVolumeClaimRetention${q} was unexpected\\)$"
    [unknown-group.yaml]=": no CustomResourceDefinition for example\\.com/v1 Widget "
    [volcano-podgroup-wrong-type.yaml]="\\(CRD podgroups\\.scheduling\\.volcano\\.sh\\): spec\\.minMember: ${q}3${q} is not of type ${q}integer${q}$"
    [pytorchjob-unknown-spec-field.yaml]="\\(CRD pytorchjobs\\.kubeflow\\.org\\): spec: Additional properties are not allowed \\(${q}workers${q} was unexpected\\)$"
    [pytorchjob-bad-restart-policy.yaml]="\\(pod template spec\\.pytorchReplicaSpecs\\.Worker\\.template\\): spec\\.pytorchReplicaSpecs\\.Worker\\.template\\.spec\\.restartPolicy: Unsupported value ${q}Sometimes${q}: "
    [pytorchjob-pod-template-unknown-field.yaml]="\\(pod template spec\\.pytorchReplicaSpecs\\.Worker\\.template, 1\\.3[57]\\.0\\): spec\\.pytorchReplicaSpecs\\.Worker\\.template\\.spec\\.containers\\.0: Additional properties are not allowed \\(${q}resource${q} was unexpected\\)$"
    [pytorchjob-template-metadata-field.yaml]="\\(pod template spec\\.pytorchReplicaSpecs\\.Worker\\.template\\): spec\\.pytorchReplicaSpecs\\.Worker\\.template\\.metadata: field ${q}generateName${q} is not allowed here "
    [tfjob-unknown-spec-field.yaml]="\\(CRD tfjobs\\.kubeflow\\.org\\): spec: Additional properties are not allowed \\(${q}cleanPodPolicy${q} was unexpected\\)$"
    [tfjob-bad-enum.yaml]="\\(pod template spec\\.tfReplicaSpecs\\.Worker\\.template\\): spec\\.tfReplicaSpecs\\.Worker\\.template\\.spec\\.containers\\.0\\.imagePullPolicy: Unsupported value ${q}Sometimes${q}: "
    [tfjob-pod-template-unknown-field.yaml]="\\(pod template spec\\.tfReplicaSpecs\\.PS\\.template, 1\\.3[57]\\.0\\): spec\\.tfReplicaSpecs\\.PS\\.template\\.spec\\.containers\\.0: Additional properties are not allowed \\(${q}resource${q} was unexpected\\)$"
    [jobset-unknown-spec-field.yaml]="\\(CRD jobsets\\.jobset\\.x-k8s\\.io\\): spec: Additional properties are not allowed \\(${q}maxRestarts${q} was unexpected\\)$"
    [jobset-bad-enum.yaml]="\\(CRD jobsets\\.jobset\\.x-k8s\\.io\\): spec\\.failurePolicy\\.restartStrategy: ${q}Sometimes${q} is not one of "
    [jobset-job-restart-policy.yaml]="\\(pod template spec\\.replicatedJobs\\.0\\.template\\.spec\\.template\\): spec\\.replicatedJobs\\.0\\.template\\.spec\\.template\\.spec\\.restartPolicy: Unsupported value ${q}Always${q} in a Job${q}s pod template"
    [jobset-job-unknown-field.yaml]="\\(CRD jobsets\\.jobset\\.x-k8s\\.io\\): spec\\.replicatedJobs\\.0\\.template\\.spec: Additional properties are not allowed \\(${q}backoffLimitPerindex${q} was unexpected\\)$"
    [istio-destinationrule-unknown-field.yaml]="\\(CRD destinationrules\\.networking\\.istio\\.io\\): spec\\.subsets\\.0: Additional properties are not allowed \\(${q}label${q} was unexpected\\)$"
    [istio-virtualservice-weight-string.yaml]="\\(CRD virtualservices\\.networking\\.istio\\.io\\): spec\\.http\\.0\\.route\\.0\\.weight: ${q}90${q} is not of type ${q}integer${q}$"
    [jobset-pod-template-unknown-field.yaml]="\\(pod template spec\\.replicatedJobs\\.0\\.template\\.spec\\.template, 1\\.3[57]\\.0\\): spec\\.replicatedJobs\\.0\\.template\\.spec\\.template\\.spec\\.containers\\.0: Additional properties are not allowed \\(${q}resource${q} was unexpected\\)$"
)

shopt -s nullglob
bad_files=("$samples"/bad/*)
if [[ ${#bad_files[@]} -eq 0 ]]; then
    echo "FAILED: no bad samples found in $samples/bad"
    failed=$((failed + 1))
fi
for file in "${bad_files[@]}"; do
    name=${file##*/}
    expect "bad sample rejected: $name" 1 "${versions[@]}" --crd-dir "$crds" "$file"
    if [[ -s "$scratch/err" ]] && ! grep -q "$name" "$scratch/err"; then
        failed=$((failed + 1))
        echo "FAILED: $name: the failure lines do not name the file"
    fi
    if [[ -z "${reason[$name]+set}" ]]; then
        failed=$((failed + 1))
        echo "FAILED: $name: no expected failure reason is recorded for it in this script"
        continue
    fi
    grep -F -- "$file:" "$scratch/err" >"$scratch/lines" || true
    if ! grep -Eq -- "${reason[$name]}" "$scratch/lines"; then
        failed=$((failed + 1))
        echo "FAILED: $name: no failure line matches the expected reason: ${reason[$name]}"
        sed 's/^/    /' "$scratch/err"
    elif grep -Ev -- "${reason[$name]}" "$scratch/lines" >"$scratch/other"; then
        failed=$((failed + 1))
        echo "FAILED: $name: it also fails for another reason:"
        sed 's/^/    /' "$scratch/other"
    else
        passed=$((passed + 1))
        echo "ok: $name fails for the intended reason ($(wc -l <"$scratch/lines") line(s))"
    fi
done
for name in "${!reason[@]}"; do
    if [[ ! -e "$samples/bad/$name" ]]; then
        failed=$((failed + 1))
        echo "FAILED: an expected failure reason is recorded for $name, but there is no such bad sample"
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
