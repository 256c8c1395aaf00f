#!/usr/bin/env bash
# A sample of real photographs (JPEG and PNG wallpapers, 2.5–6k px, from Debian's plasma-workspace-wallpapers
# package) for NativeMatchesReferenceTest (~/.cache/tessera/sample-corpus, $TESSERA_CORPUS or -Dtessera.corpus=OUTDIR) and for trying the engine by hand.
# Usage: make-sample.sh OUTDIR      (needs apt-get; apt-get update only when the package lists lack it)
set -euo pipefail
out=${1:?usage: make-sample.sh OUTDIR}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
( cd "$work" && { apt-get download -qq plasma-workspace-wallpapers 2>/dev/null || { apt-get update -qq && apt-get download -qq plasma-workspace-wallpapers; }; } )
dpkg -x "$work"/plasma-workspace-wallpapers_*.deb "$work/x"
root="$work/x/usr/share/wallpapers/"
find "$root" -type f \( -iname '*.jpg' -o -iname '*.jpeg' -o -iname '*.png' \) -size +20k -print0 |
while IFS= read -r -d '' f; do
  rel=${f#"$root"}
  cp "$f" "$out/$(printf '%s' "$rel" | sed -e 's#/contents/#-#' -e 's#/#-#g')"
done
echo "sample: $(ls "$out" | wc -l) files, $(du -sh "$out" | cut -f1) in $out"
