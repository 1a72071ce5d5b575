#!/usr/bin/env bash
# Are the outputs byte-identical to those of another revision? Runs both revisions, with and
# without the model, on the seeds, ../shared/dev/raw (when present), tests/data/pages and a
# 2,000-document benchmark corpus, and compares mentions.csv, facts.csv, documents.csv and texts/.
#   scripts/compare_outputs.sh REV      (make compare BASE=REV)
set -euo pipefail
base_rev=${1:?usage: scripts/compare_outputs.sh REV}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git -C "$root" worktree add --detach "$work/base" "$base_rev" >/dev/null
python="$root/.venv/bin/python"
# The base runs in a venv that sees every installed package except this project: its entry
# points (which spaCy loads on every pipeline) name this revision's modules, not the base's.
site=$("$python" -c "import sysconfig; print(sysconfig.get_path('purelib'))")
mkdir "$work/site"
for entry in "$site"/*; do
  case $(basename "$entry") in press_extract*|__editable__*press_extract*) ;; *) ln -s "$entry" "$work/site/" ;; esac
done
"$python" -m venv --without-pip "$work/venv"
base_python="$work/venv/bin/python"
echo "$work/site" > "$("$base_python" -c "import sysconfig; print(sysconfig.get_path('purelib'))")/dependencies.pth"
"$python" -c "from pipeline.bench.corpus import build_corpus; from pathlib import Path; build_corpus(Path('$root/seeds'), Path('$work/corpus'), 2000)"
corpora=("$root/seeds" "$root/tests/data/pages" "$work/corpus")
[ -d "$root/../shared/dev/raw" ] && corpora+=("$root/../shared/dev/raw")
status=0
for checkout in "$work/base" "$root"; do
  side=$([ "$checkout" = "$root" ] && echo new || echo base)
  run=$([ "$side" = new ] && echo "$python" || echo "$base_python")
  for corpus in "${corpora[@]}"; do
    for mode in model no-model; do
      flag=$([ $mode = no-model ] && echo --no-model || true)
      (cd "$checkout" && PYTHONPATH="$checkout" PRESS_EXTRACT_PATTERNS="$checkout/patterns" \
        "$run" -m pipeline extract "$corpus" -o "$work/out-$side/$(basename "$corpus")-$mode" -q -w 2 $flag) || { echo "the $side run failed on $(basename "$corpus") ($mode)"; exit 2; }
    done
  done
done
for out in "$work"/out-base/*; do
  name=$(basename "$out")
  for file in mentions.csv facts.csv documents.csv; do
    cmp -s "$out/$file" "$work/out-new/$name/$file" || { echo "differs: $name/$file"; status=1; }
  done
  diff -rq "$out/texts" "$work/out-new/$name/texts" >/dev/null || { echo "differs: $name/texts"; status=1; }
done
[ $status = 0 ] && echo "identical: $(ls "$work/out-base" | tr '\n' ' ')"
exit $status
