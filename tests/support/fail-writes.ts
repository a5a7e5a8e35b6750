// Preloaded into a build (`node --import`) to simulate a full disk: every file write or copy
// after the first FAIL_WRITES_AFTER fails with ENOSPC, in this process and the ones it starts.
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";

const after = Number(process.env.FAIL_WRITES_AFTER ?? Number.POSITIVE_INFINITY);
let writes = 0;

function full(): never {
  const error = new Error("ENOSPC: no space left on device, write") as NodeJS.ErrnoException;
  error.code = "ENOSPC";
  throw error;
}

/** The same function, failing once the disk is "full". */
function failing<F extends (...args: never[]) => unknown>(f: F): F {
  return ((...args: Parameters<F>) => {
    if (++writes > after) full();
    return f(...args);
  }) as F;
}

/** The same promise-returning function, rejecting once the disk is "full". */
function failingAsync<F extends (...args: never[]) => Promise<unknown>>(f: F): F {
  return (async (...args: Parameters<F>) => {
    if (++writes > after) full();
    return f(...args);
  }) as F;
}

fs.writeFileSync = failing(fs.writeFileSync);
fs.copyFileSync = failing(fs.copyFileSync);
fs.promises.writeFile = failingAsync(fs.promises.writeFile);
fs.promises.copyFile = failingAsync(fs.promises.copyFile);
syncBuiltinESMExports();
if (process.env.FAIL_WRITES_COUNT) process.on("exit", () => process.stderr.write(`writes: ${writes}\n`));
