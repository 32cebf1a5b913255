#!/usr/bin/env bash
# CI: build the Debian package (Scripts/build-deb.sh), install it, use the installed
# vanban from an unrelated folder in a clean environment (no Swift on the PATH, no
# VANBAN_TEMPLATES), check its manual page and completions, and remove it again.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
as_root=()
[ "$(id -u)" = 0 ] || as_root=(sudo)

start=$(date +%s)
deb="$(bash Scripts/build-deb.sh)"
echo "ci-deb: built $deb ($(du -h "$deb" | cut -f1)) in $(( $(date +%s) - start )) s"
dpkg-deb --field "$deb" Package Version Depends
contents="$(dpkg-deb --contents "$deb")"
for f in ./usr/bin/vanban ./usr/share/vanban/templates/giay-moi.xml ./usr/share/vanban/templates/_parts/header.xml \
         ./usr/share/man/man1/vanban.1.gz ./usr/share/bash-completion/completions/vanban \
         ./usr/share/zsh/vendor-completions/_vanban ./usr/share/fish/vendor_completions.d/vanban.fish; do
    grep -q " $f\$" <<<"$contents" || { echo "ci-deb: $f is not in the package" >&2; exit 1; }
done

work="$(mktemp -d)"
removed=0
cleanup() {
    [ "$removed" = 1 ] || "${as_root[@]}" dpkg -r vanban >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$repo/$deb" >/dev/null

# A clean environment: only /usr/bin and /bin on the PATH (no Swift), a home of its own,
# run from a folder that has nothing to do with the repository.
run() { (cd "$work" && env -i PATH=/usr/bin:/bin HOME="$work" LANG=C.UTF-8 "$@"); }
[ "$(run sh -c 'command -v vanban')" = /usr/bin/vanban ] || { echo "ci-deb: vanban is not /usr/bin/vanban on the PATH" >&2; exit 1; }
if run sh -c 'command -v swift' >/dev/null; then echo "ci-deb: swift is on the clean PATH; the test would prove nothing" >&2; exit 1; fi
run vanban templates > "$work/templates.txt"
grep -q '^giay-moi  ' "$work/templates.txt" || { echo "ci-deb: vanban templates does not list giay-moi:" >&2; cat "$work/templates.txt" >&2; exit 1; }
cp Fixtures/seed-binh-duong-2022/giay-moi.json "$work/data.json"
run vanban render giay-moi data.json > "$work/giay-moi.txt" 2> "$work/render.err"
grep -q 'GIẤY MỜI' "$work/giay-moi.txt" || { echo "ci-deb: the rendered text has no title" >&2; exit 1; }
cmp -s "$work/giay-moi.txt" Fixtures/seed-binh-duong-2022/expected/giay-moi.txt ||
    { echo "ci-deb: the installed vanban renders the seed differently from the golden file:" >&2; diff Fixtures/seed-binh-duong-2022/expected/giay-moi.txt "$work/giay-moi.txt" | head -20 >&2; exit 1; }
run vanban render giay-moi data.json --format odt --output giay-moi.odt 2>/dev/null
cmp -s "$work/giay-moi.odt" Fixtures/seed-binh-duong-2022/expected/giay-moi.odt ||
    { echo "ci-deb: the installed vanban's .odt differs from the golden file" >&2; exit 1; }

# The manual: found by man, UTF-8 kept, no formatting warnings.
page=/usr/share/man/man1/vanban.1.gz
man -aw vanban | grep -qx "$page" || { echo "ci-deb: man -w vanban does not find $page: $(man -aw vanban 2>&1)" >&2; exit 1; }
manual="$(MANWIDTH=100 LANG=C.UTF-8 man --warnings=w -l "$page" 2>"$work/man.err")"
[ ! -s "$work/man.err" ] || { echo "ci-deb: man reports problems in the page:" >&2; cat "$work/man.err" >&2; exit 1; }
for text in 'vanban render TEMPLATE DATA' 'Kính gửi' 'NĐ-CP' '--recipients FILE' '/share/vanban/templates'; do
    grep -qF -- "$text" <<<"$manual" || { echo "ci-deb: the manual lacks '$text'" >&2; exit 1; }
done
# bash completion: the script loads and completes the subcommands.
words="$(bash -c 'source /usr/share/bash-completion/completions/vanban; COMP_WORDS=(vanban re); COMP_CWORD=1; COMP_LINE="vanban re"; COMP_POINT=${#COMP_LINE}; _vanban; printf "%s\n" "${COMPREPLY[@]}"' 2>/dev/null || true)"
grep -qx render <<<"$words" || { echo "ci-deb: bash completion of 'vanban re' gave: $words" >&2; exit 1; }

"${as_root[@]}" dpkg -r vanban >/dev/null
removed=1
[ ! -e /usr/bin/vanban ] && [ ! -e /usr/share/vanban ] && [ ! -e /usr/share/man/man1/vanban.1.gz ] ||
    { echo "ci-deb: files are left after dpkg -r vanban" >&2; exit 1; }
echo "ci-deb: installed, rendered from $work with PATH=/usr/bin:/bin, man page and completion checked, removed"
