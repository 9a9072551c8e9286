#!/usr/bin/env bash
#! Developer and CI entry point: installs what is missing, then serves, builds,
#! tests or benchmarks the app. Idempotent: a second run only checks versions.
#
#   ./dev.sh serve   install what is missing, serve a debug build at http://127.0.0.1:8080
#                    (rebuilt on save; `serve --release` for the release pipeline)
#   ./dev.sh test    install what is missing, run every test (what CI runs)
#   ./dev.sh build   install what is missing, write the static site to dist/
#   ./dev.sh bench   build, then print the performance figures (tools/bench.mjs)
#   ./dev.sh size [REF]  build, then print each module's size and its change against
#                    REF (default main; built once in target/size-base)
set -euo pipefail
cd "$(dirname "$0")"

TRUNK_VERSION=0.21.14
# The wasm-split-cli whose loader runtime is vendored (vendor/wasm-split-cli-<version>/).
WASM_SPLIT_VERSION=$(cd vendor && ls -d wasm-split-cli-* | sed 's/^wasm-split-cli-//')
# The tools Trunk and its post-build hook run: cargo's (trunk, wasm-bindgen,
# wasm-split-cli) and npm's (wasm-opt). Nothing stands in for a tool.
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

say() { printf '\n== %s\n' "$*"; }

wasm_bindgen_version() {
  # The wasm-bindgen crate version locked in Cargo.lock; the CLI must match it exactly.
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock
}

ensure_rust() {
  command -v cargo >/dev/null || { echo "cargo not found: install Rust with rustup first" >&2; exit 1; }
  rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown \
    || rustup target add wasm32-unknown-unknown
}

ensure_trunk() {
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (about 8 minutes, once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
}

ensure_wasm_bindgen() {
  local want; want=$(wasm_bindgen_version)
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ]; then
    say "installing wasm-bindgen-cli $want (matches Cargo.lock)"
    # Without --locked: the CLI's own lock file pins crates this toolchain cannot build.
    cargo install wasm-bindgen-cli --version "$want"
  fi
}

ensure_wasm_split() {
  # The splitter must understand the markers of the wasm_split_helpers
  # version Leptos links in (Cargo.lock); 0.2.4 reads those of 0.2.3.
  if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
    say "installing wasm-split-cli $WASM_SPLIT_VERSION (splits the lazily loaded screens; about 3 minutes, once)"
    cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
  fi
}

ensure_node_packages() {
  command -v npm >/dev/null || { echo "npm not found: install Node.js 20" >&2; exit 1; }
  if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing Node packages (wasm-opt, esbuild, terser, Playwright, axe-core, qrcode)"
    # npm may warn that esbuild's install script did not run: it only checks
    # the binary, and esbuild's API finds it in @esbuild/linux-x64 without it.
    npm ci --no-audit --no-fund
  fi
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    say "installing Debian's Chromium for the browser tests"
    apt_install chromium
  fi
}

# The other engines' browser tests (tests/engines/): WebKitGTK's WebDriver
# with MiniBrowser under Xvfb, Firefox ESR with geckodriver (built from crates).
GECKODRIVER_VERSION=0.37.1
# The fonts the print tests force one by one (tests/browser/print.test.mjs):
# the Latin ones the tests assume, a Noto CJK family, and Droid Sans
# Fallback (as on many Android-derived systems). The app itself ships none.
FONT_PACKAGES="fonts-dejavu-core fonts-liberation2 fonts-noto-cjk fonts-droid-fallback"

apt_install() {
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 "$@" >/dev/null
}

ensure_engines() {
  if ! command -v WebKitWebDriver >/dev/null || ! command -v xvfb-run >/dev/null || [ ! -x /usr/bin/firefox-esr ]; then
    say "installing WebKitGTK's WebDriver (MiniBrowser), Xvfb and Firefox ESR for the other engines' tests"
    apt_install webkit2gtk-driver xvfb firefox-esr
  fi
  if [ "$(geckodriver --version 2>/dev/null | head -1 | cut -d' ' -f2)" != "$GECKODRIVER_VERSION" ]; then
    say "installing geckodriver $GECKODRIVER_VERSION (Firefox's WebDriver; about 3 minutes, once)"
    cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
  fi
}

ensure_fonts() {
  local missing=""
  for p in $FONT_PACKAGES; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
  if [ -n "$missing" ]; then
    say "installing the fonts the print tests are run with:$missing"
    # shellcheck disable=SC2086
    apt_install $missing
  fi
}

# The shipped wasm names source files (its panic locations): a crate from
# the registry by the path Cargo keeps it at, under $CARGO_HOME. Named
# from the crate's own folder instead (serde_json-1.0.154/src/read.rs),
# the same source builds the same files on every machine, the site does
# not carry the build machine's folder names, and the size guard does not
# depend on how long they are (/root/.cargo/registry/src/index.crates.io-…
# is 58 characters). Cargo adds these flags to .cargo/config.toml's for the
# wasm target; every build below (Trunk's, and the key derivation's in its
# post-build hook) uses them.
remap_sources() {
  # (The wasm build's crates are fetched first, so the registry's folder
  # exists on a fresh machine too: it is the same build as on this one.)
  cargo fetch --locked --quiet --target wasm32-unknown-unknown
  local flags="${CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS:-}" dir
  for dir in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
    [ -d "$dir" ] || continue
    case $dir in
      *[[:space:]]*) echo "dev.sh: Cargo's registry is in a folder whose name has a space ($dir); Cargo splits these flags at spaces: set CARGO_HOME to a folder without one" >&2; exit 1 ;;
    esac
    case " $flags " in *" --remap-path-prefix=$dir= "*) ;; *) flags="$flags --remap-path-prefix=$dir=" ;; esac
  done
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="${flags# }"
}

build_site() {
  remap_sources
  say "trunk build --release"
  trunk build --release
}

case "${1:-}" in
  serve)
    ensure_rust; ensure_trunk; ensure_wasm_bindgen; ensure_wasm_split; ensure_node_packages
    # A debug build for editing: the same split and Content-Security-Policy,
    # without wasm-opt, minifying or compressing (tools/post-build.mjs), so a
    # save is rebuilt in seconds. `./dev.sh serve --release` serves the
    # release pipeline (what `build` and `test` use).
    say "serving at http://127.0.0.1:8080 (Ctrl-C to stop; a debug build: sizes and speed are not the release's)"
    # No auto-reload: Trunk's reload script is inline code, which the app's
    # Content-Security-Policy forbids (and the page the post-build hook
    # writes from index.html would not carry it anyway).
    remap_sources
    exec trunk serve --no-autoreload ${2:+"$2"}
    ;;
  build)
    ensure_rust; ensure_trunk; ensure_wasm_bindgen; ensure_wasm_split; ensure_node_packages
    build_site
    ;;
  test)
    ensure_rust; ensure_trunk; ensure_wasm_bindgen; ensure_wasm_split; ensure_node_packages; ensure_chromium
    ensure_engines; ensure_fonts
    say "cargo fmt --check"
    cargo fmt --all -- --check
    say "cargo clippy (engine, screen command and key derivation, native)"
    cargo clippy --workspace --all-targets -- -D warnings
    say "cargo clippy (browser app and the key derivation's worker module, wasm32)"
    cargo clippy --features ui --target wasm32-unknown-unknown --bin ctit-app -- -D warnings
    cargo clippy -p ctit-kdf --features worker --target wasm32-unknown-unknown -- -D warnings
    say "cargo test (engine and key derivation, native)"
    cargo test --workspace
    say "cargo test (the browser app's plain parts: words, native)"
    cargo test --features ui --lib --test reactive_subscribers
    build_site
    say "size guard (critical path, brotli)"
    node tools/size-check.mjs
    say "the amendment build (criteria version 2 adopted) for its browser test, in dist-amended/"
    CTIT_CRITERIA_V2=1 trunk build --release --dist dist-amended
    say "Node tests (FHIR validation), browser tests (Playwright, headless Chromium), WebKit and Firefox (WebDriver)"
    node --test --test-concurrency=1 tests/node/ tests/browser/ tests/engines/
    ;;
  bench)
    ensure_rust; ensure_trunk; ensure_wasm_bindgen; ensure_wasm_split; ensure_node_packages; ensure_chromium
    ensure_engines
    build_site
    say "benchmark (figures, not pass/fail)"
    node tools/bench.mjs
    ;;
  size)
    ensure_rust; ensure_trunk; ensure_wasm_bindgen; ensure_wasm_split; ensure_node_packages
    build_site
    ref=${2:-main}
    rev=$(git rev-parse --verify "$ref^{commit}")
    base=target/size-base
    # (Built again when the wasm's flags changed too: remap_sources.)
    built="$rev $CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS"
    if [ "$(cat "$base/.built-rev" 2>/dev/null)" != "$built" ]; then
      say "building $ref (${rev:0:10}) in $base to compare with (a few minutes the first time)"
      git worktree remove --force "$base" 2>/dev/null || rm -rf "$base"
      git worktree prune
      git worktree add --detach "$base" "$rev" >/dev/null
      # (A ref from before 2026-12-06 splits the wasm with its own
      # tools/bin/wasm-bindgen, which must come first on PATH.)
      (cd "$base" && PATH="$PWD/tools/bin:$PATH" trunk build --release >build.log 2>&1) \
        || { tail -30 "$base/build.log"; echo "building $ref failed" >&2; exit 1; }
      echo "$built" > "$base/.built-rev"
    fi
    say "module sizes (brotli) against $ref"
    node tools/sizes.mjs dist "$base/dist"
    ;;
  *)
    sed -n '2,11p' "$0" | cut -c3-
    exit 2
    ;;
esac
