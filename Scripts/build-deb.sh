#!/usr/bin/env bash
# Builds a Debian package of vanban with dpkg-deb: .build/deb/vanban_VERSION_ARCH.deb
#   bash Scripts/build-deb.sh                       release build (Swift runtime static), then package
#   VANBAN_SKIP_BUILD=1 bash Scripts/build-deb.sh   package the binary Scripts/install.sh built
# The package holds what Scripts/install.sh installs, under /usr:
#   /usr/bin/vanban, /usr/share/vanban/templates/, /usr/share/man/man1/vanban.1.gz,
#   /usr/share/bash-completion/completions/vanban, /usr/share/zsh/vendor-completions/_vanban,
#   /usr/share/fish/vendor_completions.d/vanban.fish, /usr/share/doc/vanban/README.md
# Depends: computed by dpkg-shlibdeps (dpkg-dev) from the shared libraries the binary links
# (libc6, libxml2 …), so a library added later is picked up.
# Prints the path of the package on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}"

out=.build/deb
root="$PWD/$out/root"
rm -rf "$out"
mkdir -p "$root"
DESTDIR="$root" PREFIX=/usr bash Scripts/install.sh >&2

# Debian's places: zsh completions of packages in vendor-completions, manual pages gzipped.
mkdir -p "$root/usr/share/zsh/vendor-completions"
mv "$root/usr/share/zsh/site-functions/_vanban" "$root/usr/share/zsh/vendor-completions/_vanban"
rmdir "$root/usr/share/zsh/site-functions"
gzip -9n "$root/usr/share/man/man1/vanban.1"
install -d -m 755 "$root/usr/share/doc/vanban"
install -m 644 README.md "$root/usr/share/doc/vanban/README.md"

bin="$root/usr/bin/vanban"
version="$("$bin" --version)"
arch="$(dpkg --print-architecture)"
# Depends from the libraries the binary links, with the versions their symbols need.
command -v dpkg-shlibdeps >/dev/null || { echo "build-deb: dpkg-shlibdeps is missing (Debian: apt-get install dpkg-dev)" >&2; exit 1; }
shl="$out/shlibdeps"
mkdir -p "$shl/debian"
printf 'Source: vanban\n\nPackage: vanban\nArchitecture: any\n' > "$shl/debian/control"
# (Its notes on the binary's $ORIGIN run path and on analysing outside an installed
# package tree do not apply to a binary with no libraries of its own.)
depends_line="$(cd "$shl" && dpkg-shlibdeps -O -e"$bin" 2> >(grep -v 'ORIGIN is used in RPATH\|should already be installed in' >&2) |
    sed -n 's/^shlibs:Depends=//p')"
rm -rf "$shl"
[ -n "$depends_line" ] || { echo "build-deb: dpkg-shlibdeps found no dependencies" >&2; exit 1; }
case "$depends_line" in *swift*|*Foundation*)
    echo "build-deb: vanban links the Swift runtime dynamically ($depends_line)" >&2; exit 1 ;;
esac

mkdir -p "$root/DEBIAN"
cat > "$root/DEBIAN/control" <<EOF
Package: vanban
Version: $version
Architecture: $arch
Maintainer: VanBan maintainers <vanban@invalid>
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: $depends_line
Section: text
Priority: optional
Description: Vietnamese administrative documents (Decree 30/2020/NĐ-CP) from JSON data
 vanban fills templates of Vietnamese administrative documents (giấy mời,
 kế hoạch, công văn, thông báo, báo cáo) from JSON data and lays them out as
 Decree 30/2020/NĐ-CP prescribes, as plain text, HTML, flat ODT and ODT. It
 checks the data first (missing values, dates, number symbols, signatures) and
 renders one document per recipient in a batch. The Swift runtime is linked
 statically; the shipped templates are in /usr/share/vanban/templates.
EOF
find "$root" -type d -exec chmod 755 {} +
deb="$out/vanban_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zgzip --build "$root" "$deb" >&2
echo "$deb"
