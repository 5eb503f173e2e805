/**
 * The executable's entry: bin/treatment-plan.js starts Node 24 on this file. Sets the exit code rather than
 * calling process.exit, so stdout is flushed before the process ends.
 */
import { processIo } from './io.ts';
import { main } from './main.ts';

process.exitCode = await main(process.argv.slice(2), processIo());
