import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";

/**
 * Loading @prisma/schema-engine-wasm in plain Node. The package is built for bundlers (it imports
 * its .wasm file as an ES module, which Node cannot), so the module is instantiated by hand and its
 * exports handed to the JS glue.
 */

let started: Promise<typeof bindings> | undefined;

/**
 * The engine arms a 10 s timer (its advisory-lock timeout) and never clears it, which kept every
 * script alive for 10 s after its work was done. Pending queries keep the process alive anyway.
 */
function withUnrefTimers(glue: typeof bindings): WebAssembly.ModuleImports {
  const imports: WebAssembly.ModuleImports = { ...glue };
  for (const name of Object.keys(imports).filter((key) => key.startsWith("__wbg_setTimeout_"))) {
    imports[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
  }
  return imports;
}

/** The engine's bindings, ready to use. Once per process. */
export function schemaEngineBindings(): Promise<typeof bindings> {
  started ??= (async () => {
    // A Rust panic reports here, then traps with a bare "RuntimeError: unreachable" thrown from a
    // callback, out of reach of any catch: print the reason first.
    Object.assign(globalThis, {
      PRISMA_WASM_PANIC_REGISTRY: { set_message: (message: string) => console.error(`Schema engine panic: ${message}`) },
    });
    const glue = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const compiled = await WebAssembly.compile(await readFile(join(dirname(glue), "schema_engine_bg.wasm")));
    const instance = await WebAssembly.instantiate(compiled, { "./schema_engine_bg.js": withUnrefTimers(bindings) });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return started;
}
