// @ts-check
// Loads @prisma/schema-engine-wasm.
//
// The package's entry point does `import * as wasm from "./schema_engine_bg.wasm"`,
// which Node 20 only allows behind --experimental-wasm-modules (and that flag
// prints a warning on stderr, which the CLI would try to parse as a log line).
// So we instantiate the .wasm next to its JS glue by hand, exactly as the entry
// point would.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/** The engine's panic hook stores its message here before the wasm traps. */
export const panic = { message: /** @type {string | undefined} */ (undefined) };

/** @type {Promise<typeof import('@prisma/schema-engine-wasm')> | undefined} */
let loading;

export function loadSchemaEngineWasm() {
  loading ??= (async () => {
    const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const glue = await import(pathToFileURL(gluePath).href);
    // Rust panics call `global.PRISMA_WASM_PANIC_REGISTRY.set_message()`; without
    // it the panic message is lost and all we get is "RuntimeError: unreachable".
    Object.assign(globalThis, {
      PRISMA_WASM_PANIC_REGISTRY: { set_message: (/** @type {string} */ m) => (panic.message = m) },
    });
    const bytes = await readFile(gluePath.replace(/\.js$/, '.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': glue });
    glue.__wbg_set_wasm(instance.exports);
    /** @type {any} */ (instance.exports).__wbindgen_start();
    return glue;
  })();
  return loading;
}
