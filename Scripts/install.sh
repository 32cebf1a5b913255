#!/usr/bin/env bash
# Builds vanban in release mode with the Swift runtime linked statically (the binary runs
# on a machine without Swift; it needs only libc, libstdc++, libxml2, zlib, libsqlite3 and libcrypto) and installs, under PREFIX
# (default /usr/local):
#   PREFIX/bin/vanban
#   PREFIX/share/vanban/templates/                    the shipped forms, found from the binary
#   PREFIX/share/man/man1/vanban.1                    `man vanban` (Scripts/generate-manual.py, from the binary)
#   PREFIX/share/bash-completion/completions/vanban   shell completions
#   PREFIX/share/zsh/site-functions/_vanban
#   PREFIX/share/fish/vendor_completions.d/vanban.fish
#
#   bash Scripts/install.sh                            into /usr/local (the copy uses sudo when
#                                                      the folder is not writable and you are not root)
#   PREFIX=$HOME/.local bash Scripts/install.sh        into your home, no root needed
#   bash Scripts/install.sh --uninstall                removes those files again (same PREFIX)
#   DESTDIR=/tmp/stage PREFIX=/usr bash Scripts/install.sh   staged, for a package (Scripts/build-deb.sh)
#   VANBAN_SKIP_BUILD=1 …                              install the binary already built by this script
# The build runs as you, never under sudo.
set -euo pipefail
cd "$(dirname "$0")/.."
PREFIX="${PREFIX:-/usr/local}"
DESTDIR="${DESTDIR:-}"
root="$DESTDIR$PREFIX"

files=(bin/vanban share/man/man1/vanban.1 share/bash-completion/completions/vanban
       share/zsh/site-functions/_vanban share/fish/vendor_completions.d/vanban.fish)

# Commands that write under PREFIX: as is when it is writable (or we are root), else with sudo.
as_owner=()
target_writable() {
    local d="$root"
    while [ ! -e "$d" ]; do d="$(dirname "$d")"; done
    [ -w "$d" ]
}
if [ "$(id -u)" != 0 ] && ! target_writable; then
    if command -v sudo >/dev/null; then
        echo "vanban: $root is not writable; the copy uses sudo" >&2
        as_owner=(sudo)
    else
        echo "vanban: $root is not writable and there is no sudo; run as root or choose PREFIX=\$HOME/.local" >&2
        exit 1
    fi
fi

if [ "${1:-}" = "--uninstall" ]; then
    for f in "${files[@]}"; do "${as_owner[@]}" rm -f "$root/$f"; done
    "${as_owner[@]}" rm -rf "$root/share/vanban"
    echo "vanban: removed from $root"
    exit 0
fi

if [ "${VANBAN_SKIP_BUILD:-0}" != 1 ]; then
    echo "== swift build -c release --static-swift-stdlib --product vanban" >&2
    swift build -c release --static-swift-stdlib --product vanban >&2
fi
bin="$(swift build -c release --show-bin-path)/vanban"
[ -x "$bin" ] || { echo "vanban: $bin was not built" >&2; exit 1; }
if ldd "$bin" 2>/dev/null | grep -q 'libswiftCore\|libFoundation'; then
    echo "vanban: $bin links the Swift runtime dynamically; build it with --static-swift-stdlib (without VANBAN_SKIP_BUILD=1)" >&2
    exit 1
fi

stage=.build/vanban-install
rm -rf "$stage"
mkdir -p "$stage/completions"
# A stripped copy (the symbols are not needed to run; 81 MB → 61 MB here).
cp "$bin" "$stage/vanban"
if command -v strip >/dev/null; then strip "$stage/vanban"; fi
bin="$stage/vanban"
command -v python3 >/dev/null || { echo "vanban: the manual page is written by Scripts/generate-manual.py, which needs python3 (Debian: apt-get install python3)" >&2; exit 1; }
python3 Scripts/generate-manual.py "$bin" "$stage/vanban.1"
"$bin" --generate-completion-script bash > "$stage/completions/vanban"
"$bin" --generate-completion-script zsh > "$stage/completions/_vanban"
"$bin" --generate-completion-script fish > "$stage/completions/vanban.fish"

echo "== installing into $root" >&2
"${as_owner[@]}" install -d -m 755 "$root/bin" "$root/share/man/man1" "$root/share/bash-completion/completions" \
    "$root/share/zsh/site-functions" "$root/share/fish/vendor_completions.d" "$root/share/vanban"
"${as_owner[@]}" install -m 755 "$bin" "$root/bin/vanban"
"${as_owner[@]}" install -m 644 "$stage/vanban.1" "$root/share/man/man1/vanban.1"
"${as_owner[@]}" install -m 644 "$stage/completions/vanban" "$root/share/bash-completion/completions/vanban"
"${as_owner[@]}" install -m 644 "$stage/completions/_vanban" "$root/share/zsh/site-functions/_vanban"
"${as_owner[@]}" install -m 644 "$stage/completions/vanban.fish" "$root/share/fish/vendor_completions.d/vanban.fish"
# The templates: replaced as a whole, so a form removed from the repository is removed here too.
"${as_owner[@]}" rm -rf "$root/share/vanban/templates"
while IFS= read -r d; do "${as_owner[@]}" install -d -m 755 "$root/share/vanban/templates/$d"; done < <(cd Templates && find . -type d | sort)
while IFS= read -r f; do "${as_owner[@]}" install -m 644 "Templates/$f" "$root/share/vanban/templates/$f"; done < <(cd Templates && find . -type f | sort)

if [ -z "$DESTDIR" ]; then
    # The installed binary, from elsewhere, with no Swift on the PATH.
    (cd / && env -i PATH=/usr/bin:/bin "$root/bin/vanban" templates >/dev/null) ||
        { echo "vanban: the installed $root/bin/vanban does not list its templates" >&2; exit 1; }
fi
echo "vanban: installed $root/bin/vanban ($(du -h "$bin" | cut -f1)), its templates, manual page and completions" >&2
case ":$PATH:" in *":$PREFIX/bin:"*) ;; *) [ -n "$DESTDIR" ] || echo "vanban: add $PREFIX/bin to your PATH" >&2 ;; esac
