#!/usr/bin/env node
import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);

// src/cli.ts
import module from "node:module";
module.enableCompileCache?.();
var { main } = await import("./chunks/main-3SJ37DXH.js");
var { processIO } = await import("./chunks/io-GJBXI4IE.js");
process.exitCode = await main(process.argv.slice(2), processIO());
