# Sourced by build-aux/run and build-aux/test: installs what is missing and
# configures the build folder.  Nothing here needs a display.

TAKT_PACKAGES="build-essential meson ninja-build pkg-config gettext
  libgtk-4-dev libadwaita-1-dev libjson-glib-dev desktop-file-utils appstream
  xvfb xauth xdotool imagemagick poppler-utils dbus dbus-x11 at-spi2-core
  python3-pyatspi python3-jsonschema gsettings-desktop-schemas fonts-dejavu-core
  librsvg2-common adwaita-icon-theme locales flatpak-builder valgrind clang"

takt_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

takt_sudo() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

takt_install_packages() {
  local missing=()
  for p in $TAKT_PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$p")
    fi
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing missing packages: ${missing[*]}"
    takt_sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
    takt_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
  fi
  # The German translation is tested in its locale.
  if ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf8$'; then
    if [ -f /etc/locale.gen ]; then
      takt_sudo sed -i 's/^# *de_DE.UTF-8 UTF-8/de_DE.UTF-8 UTF-8/' /etc/locale.gen
      takt_sudo locale-gen >/dev/null || true
    fi
  fi
}

# takt_configure BUILDDIR [meson options…]
takt_configure() {
  local builddir=$1; shift
  if [ -f "$builddir/build.ninja" ]; then
    meson setup --reconfigure "$builddir" "$takt_root" "$@" >/dev/null
  else
    meson setup "$builddir" "$takt_root" "$@"
  fi
}
