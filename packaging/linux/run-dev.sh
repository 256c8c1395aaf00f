#!/usr/bin/env bash
# Starts Tessera from a build tree: `./mvnw -Pconsole` calls this with the classpath, the main
# class and its arguments. It finds a JDK 25+, installs the few desktop libraries JavaFX needs
# on Debian when they are missing, and gives the console a virtual display when there is none.
set -euo pipefail
classpath=$1; main=$2; shift 2

find_java() {
  local d
  for d in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$d" ] && [ -x "$d/bin/java" ] || continue
    if "$d/bin/java" -version 2>&1 | grep -Eq 'version "(2[5-9]|[3-9][0-9])'; then echo "$d/bin/java"; return; fi
  done
  echo "Tessera needs a JDK 25 or newer (none in JAVA_HOME or /usr/lib/jvm)" >&2; exit 1
}
java=$(find_java)

# JavaFX's Linux window system needs GTK 3; a fresh server image lacks it.
if [ "${1:-console}" = console ]; then
  missing=()
  ldconfig -p | grep -q 'libgtk-3.so.0' || missing+=(libgtk-3-0 libxtst6 libxxf86vm1)
  if [ -z "${DISPLAY:-}" ]; then command -v Xvfb >/dev/null || missing+=(xvfb xauth); fi
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "Installing desktop libraries: ${missing[*]}"
      { apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "${missing[@]}"; }; }
    else
      echo "Missing desktop libraries: ${missing[*]} (install them with your package manager)" >&2; exit 1
    fi
  fi
  if [ -z "${DISPLAY:-}" ]; then
    export DISPLAY=:99
    if ! xdpyinfo -display :99 >/dev/null 2>&1 && [ ! -e /tmp/.X11-unix/X99 ]; then
      Xvfb :99 -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
      sleep 1
    fi
    echo "No DISPLAY: the console runs on the virtual display :99 (screenshot: import -display :99 -window root shot.png)"
  fi
fi

exec "$java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
  -cp "$classpath" "$main" "$@"
