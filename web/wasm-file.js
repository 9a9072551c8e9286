//! Fetches and compiles the main module's own file: a warm start's
//! (web/warm-start.js, and web/boot.js if that could not).

/**
 * The compiled main module from its file `file`, fetched whole, then
 * compiled. Not streamed: Chromium's streaming compile reads the code it
 * cached on earlier starts, and that reading runs on the page's main
 * thread while the page is still being parsed (12–20 ms at 4x CPU), for
 * code the start never uses (the cache holds only functions the browser
 * optimised, never the start-up code, which runs once). Compiled from its
 * bytes, the module is checked off the main thread and each function is
 * compiled on its first call, as before. (README, Performance: the warm
 * start 384 → 356 ms at 4x CPU, the two builds alternating tab by tab.)
 */
export function compileFile(file) {
  return fetch(file)
    .then((response) => {
      if (!response.ok) throw new Error(`the app's code (${file}) could not be fetched: ${response.status}`);
      return response.arrayBuffer();
    })
    .then((bytes) => WebAssembly.compile(bytes));
}
