#!/usr/bin/env bash
# apt_install <who> <package>...: installs Debian packages for the ensure-* scripts, or says plainly how when not root.
apt_install() {
  local who=$1
  shift
  if [ "$(id -u)" -ne 0 ]; then
    echo "$who: $* missing and we are not root; run: sudo apt-get update && sudo apt-get install -y $*" >&2
    exit 1
  fi
  echo "$who: installing $* with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq "$@" >&2
}
