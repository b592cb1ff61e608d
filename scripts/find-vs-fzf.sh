#!/bin/sh
# `dossier find` against `fzf --filter` over the same files, side by side in one run.
# Usage: scripts/find-vs-fzf.sh [CORPUS_DIR]   (default ../shared/corpora/scoop-nz)
# fzf filters lines, so it gets every line of every file; dossier gets the folder and
# searches its sentences (--in text) and its sources (--in sources). Wall time is the best of
# three runs, output to /dev/null.
set -eu
corpus=${1:-../shared/corpora/scoop-nz}
[ -d "$corpus" ] || { echo "no corpus at $corpus" >&2; exit 1; }
if ! command -v fzf >/dev/null; then
    sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get install -y -qq fzf >/dev/null
fi
cargo build --release -q
dossier=target/release/dossier
lines=$(mktemp); trap 'rm -f "$lines"' EXIT
find "$corpus" -type f \( -name '*.md' -o -name '*.txt' -o -name '*.markdown' \) -exec cat {} + > "$lines"

best() { # best wall time of three runs of "$@", in seconds
    b=""
    for _ in 1 2 3; do
        s=$(date +%s.%N); "$@" > /dev/null; e=$(date +%s.%N)
        t=$(echo "$e - $s" | bc)
        if [ -z "$b" ] || [ "$(echo "$t < $b" | bc)" = 1 ]; then b=$t; fi
    done
    printf '%.2f' "$b"
}

printf '%-28s %12s %12s %12s %8s\n' query "fzf --filter" "find text" "find sources" "hits"
for q in nato "prime minister" "climate change" "'housing ^the" "zzqx"; do
    f=$(best sh -c "fzf --filter \"\$0\" < '$lines'" "$q")
    t=$(best "$dossier" find "$q" "$corpus" --in text)
    s=$(best "$dossier" find "$q" "$corpus" --in sources)
    n=$("$dossier" find "$q" "$corpus" --in text | wc -l)
    printf '%-28s %11ss %11ss %11ss %8s\n' "$q" "$f" "$t" "$s" "$n"
done
echo "(fzf times exclude concatenating the files; dossier times include loading them)"
