#!/usr/bin/env bash
# Reproducible lint benchmark: builds mlk in release mode, generates the reference corpus
# (10,000 files, deterministic), and times `mlk lint` against a parse-only pass with the
# same YAML library (events only; events built into mlk's spanned tree; and the library's
# own document loader, saphyr's `MarkedYaml`), and against
# kubernetes-validate and checkov (both from PyPI, in a throwaway virtualenv). Prints the
# figures that BENCHMARKS.md records.
#
# Usage: scripts/bench.sh [FILES] [CORPUS_GENERATOR]
#   FILES             corpus size (default 10000)
#   CORPUS_GENERATOR  path to make_corpus.py (default ../shared/bench/make_corpus.py)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

files=${1:-10000}
generator=${2:-../shared/bench/make_corpus.py}
work=${BENCH_DIR:-$(mktemp -d)}
corpus="$work/corpus-$files"

command -v hyperfine >/dev/null || { echo "hyperfine is needed (apt-get install hyperfine)" >&2; exit 2; }

echo "==> machine"
nproc; grep -m1 'model name' /proc/cpuinfo || true; free -g | head -2

echo "==> build"
cargo build --release --quiet
cargo build --release --quiet --example parse_only
mlk=target/release/mlk
parse=target/release/examples/parse_only

echo "==> corpus ($files files) in $corpus"
[ -d "$corpus" ] || python3 "$generator" "$files" "$corpus" > "$work/stats-$files.json"
du -sh "$corpus"

echo "==> mlk lint vs parse-only (hyperfine)"
hyperfine -N --warmup 2 --runs 15 --ignore-failure --export-markdown "$work/hyperfine.md" \
    "$parse $corpus" \
    "$parse --tree $corpus" \
    "$parse --dom $corpus" \
    "$mlk lint --format json --fail-on never $corpus" \
    "$mlk lint --format concise --fail-on never $corpus" \
    "$mlk lint --format sarif --fail-on never $corpus" \
    "$mlk lint --format concise --select unknown-field --fail-on never $corpus"
cat "$work/hyperfine.md"

echo "==> memory (max RSS) as the corpus grows"
for n in 1000 5000 "$files"; do
    sub="$work/corpus-$n"
    [ -d "$sub" ] || python3 "$generator" "$n" "$sub" > /dev/null
    /usr/bin/time -f "$n files, every rule: %M KiB max RSS, %e s" "$mlk" lint --format json --fail-on never "$sub" > /dev/null
    /usr/bin/time -f "$n files, unknown-field only: %M KiB max RSS, %e s" "$mlk" lint --format json --select unknown-field --fail-on never "$sub" > /dev/null
    /usr/bin/time -f "$n files, parse-only: %M KiB max RSS, %e s" "$parse" "$sub" > /dev/null
done

echo "==> peers (one timed run each)"
venv="$work/venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
# Installed on every run, so a virtualenv made for something else still gets both peers.
"$venv/bin/pip" install --quiet kubernetes-validate==1.37.0 checkov
for peer in kubernetes-validate checkov; do
    [ -x "$venv/bin/$peer" ] || { echo "$peer did not install in $venv" >&2; exit 2; }
done
/usr/bin/time -f "kubernetes-validate: %e s, %M KiB" \
    sh -c "find '$corpus' -name '*.yaml' -print0 | xargs -0 '$venv/bin/kubernetes-validate' --strict -k 1.37.0 --quiet > /dev/null 2>&1 || true"
/usr/bin/time -f "checkov: %e s, %M KiB" \
    sh -c "'$venv/bin/checkov' -d '$corpus' --framework kubernetes --quiet --compact -o json > /dev/null 2>&1 || true"
