#!/bin/sh
# Fetches elasticlunr.js from the npm registry and places it (with its MIT licence) where the
# jar picks it up as a site asset. Called by the Maven build (exec-maven-plugin).
set -eu
version="$1"
target="$2"
dest="$target/classes/assets/vendor"
if [ -f "$dest/elasticlunr.min.js" ] && grep -q "$version" "$dest/elasticlunr.VERSION" 2>/dev/null; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "ERROR: npm is required to fetch elasticlunr.js $version from the npm registry (install Node.js and npm, e.g. apt-get install -y npm)" >&2
  exit 1
fi
work="$target/npm"
rm -rf "$work" && mkdir -p "$work" "$dest"
(cd "$work" && npm pack --silent "elasticlunr@$version" >/dev/null) || {
  echo "ERROR: 'npm pack elasticlunr@$version' failed: is the npm registry reachable?" >&2
  exit 1
}
tar -xzf "$work/elasticlunr-$version.tgz" -C "$work"
cp "$work/package/elasticlunr.min.js" "$dest/elasticlunr.min.js"
for f in LICENSE LICENSE.md LICENSE.txt license; do
  if [ -f "$work/package/$f" ]; then cp "$work/package/$f" "$dest/elasticlunr.LICENSE.txt"; fi
done
echo "$version" > "$dest/elasticlunr.VERSION"
