// Preloaded with --import into a server process: records every module URL the ESM loader resolves
// (record-resolved.mjs) and writes the list as JSON to RESOLVED_MODULES_FILE when the process exits.
import fs from 'node:fs';
import './record-resolved.mjs';

process.on('exit', () => fs.writeFileSync(process.env.RESOLVED_MODULES_FILE, JSON.stringify([...globalThis.resolvedModules])));
