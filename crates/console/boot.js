// Starts the console: loads its wasm through the glue trunk built beside this file.
import init from "./kindred-console.js";

init({ module_or_path: new URL("./kindred-console_bg.wasm", import.meta.url) });
