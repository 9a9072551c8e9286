//! The split loader the app runs: fetches and instantiates the lazily
//! loaded wasm modules (src/ui/features.json) and the chunks they share,
//! bundled into the page's start by tools/post-build.mjs.
//
// Vendored, not patched: this is the runtime of the loader wasm-split-cli
// 0.2.4 generates (vendor/wasm-split-cli-0.2.4/: getSharedImports,
// debugWrap, wrapAsyncCb, makeLoad), as our own code. Our changes are
// marked "ours:":
//   1. the modules and shared chunks are a table (SPLIT_CHUNKS,
//      SPLIT_MODULES, SPLIT_SHARES, SPLIT_CANARY) that the build reads from
//      the tool's generated loader (tools/build/split.mjs) and fills in
//      with the files' hashed names, instead of one generated makeLoad per
//      file;
//   2. prefetch(name) starts fetching a module and its chunks without
//      instantiating them (web/boot.js, for a link straight to the patient
//      check: the files travel while the main module compiles);
//   3. every file is fetched through web/pack.js's `piece`, which answers
//      from the patient check's pack while one is in use.
// The main module imports each module's loader as `__wasm_split_load_<name>`
// from "./__wasm_split.js"; the build writes that module from the table:
// one `export const … = load(name)` each.
// tests/node/split-loader.test.mjs fails when the tool's runtime or its
// loader's shape changes, and runs the tool's loader and this one side by
// side on the same modules.
import { initSync } from './glue.js';
import { piece } from './pack.js';

/* global SPLIT_CHUNKS, SPLIT_MODULES, SPLIT_SHARES, SPLIT_CANARY */

let sharedImports = undefined;
function getSharedImports() {
    if (sharedImports === undefined) {
        // ours: the canary (debug builds only) and the main module's
        // exports the split modules share come from the table.
        sharedImports = { __wasm_split: SPLIT_CANARY ? { [SPLIT_CANARY]: ~0xdead } : {} };
        const main = initSync(undefined, undefined);
        for (const name of SPLIT_SHARES) sharedImports.__wasm_split[name] = main[name];
    }
    return sharedImports;
}
async function debugWrap(instantiate) {
    try {
        return await instantiate;
    } catch (e) {
        if (e instanceof WebAssembly.LinkError && e.message.includes("__canary")) {
            console.error("wasm-split: It looks like you are trying to load a split module that does not belong to the same compilation unit. This is not supported.")
        }
        throw e;
    }
}
function wrapAsyncCb(callee) {
    return async (callbackIndex, callbackData) => {
        let success;
        try {
            await callee();
            success = true;
        } catch (e) {
            console.error(e);
            success = false;
        } finally {
            const sharedImports = getSharedImports();
            sharedImports.__wasm_split.__indirect_function_table.get(callbackIndex)(callbackData, success);
        }
    }
}
function makeLoad(fetcher, deps) {
    // ours: a fetch that prefetch() started, used by the first load.
    let fetched = undefined;
    const loader = async () => {
        const parallelStuff = deps.map(d => d());
        const instantiate = fetched ?? fetcher();
        fetched = undefined;
        await Promise.all(parallelStuff);
        const imports = getSharedImports();
        return instantiate(imports);
    };
    let loadingModule = undefined;
    const load = () => {
        if (loadingModule === undefined) {
            const thisLoad = loader();
            // Memoize successes only: a rejected load must not be cached for
            // the lifetime of the session, or one transient network failure
            // permanently breaks the module. Clearing on rejection lets the
            // next call (e.g. the Rust side re-invoking load after a failed
            // callback) start a fresh attempt.
            thisLoad.catch(() => {
                if (loadingModule === thisLoad) loadingModule = undefined;
            });
            loadingModule = thisLoad;
        }
        return loadingModule;
    };
    // ours: start fetching this file and its chunks now; instantiate on
    // the first load. (Nothing to fetch once a load has begun.)
    load.prefetch = () => {
        if (loadingModule === undefined) fetched ??= fetcher();
        deps.forEach((d) => d.prefetch());
    };
    return load;
}

// ours: the fetcher wasm-split-cli writes for each file, made from the
// table's file name, fetching through the pack. (The tool writes
// `() => async (_imp) => ({})` for a module without code of its own; the
// build refuses such a module, tools/build/split.mjs.)
function fetcher(file) {
    return () => {
        const src = piece(new URL(file, import.meta.url));
        src.catch(() => {});
        return async (imports) => (SPLIT_CANARY ? debugWrap : (x) => x)(WebAssembly.instantiateStreaming(src, imports));
    };
}
const chunks = SPLIT_CHUNKS.map((file) => makeLoad(fetcher(file), []));
const modules = new Map(SPLIT_MODULES.map(([name, file, deps]) => [name, makeLoad(fetcher(file), deps.map((i) => chunks[i]))]));

/** Module `name`'s loader, as the main module calls it (`__wasm_split_load_<name>`). */
export const load = (name) => wrapAsyncCb(modules.get(name));

/** Starts fetching module `name` and the chunks it needs; they are instantiated when it is first loaded. */
export const prefetch = (name) => modules.get(name).prefetch();
