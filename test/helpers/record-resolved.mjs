// Preloaded with --import before tsx: records every module the ESM loader resolves (ESM and
// CommonJS packages reached through import alike) in globalThis.resolvedModules.
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

const { port1, port2 } = new MessageChannel();
const resolved = new Set();
port1.on('message', (url) => resolved.add(url));
port1.unref();
register(new URL('./record-resolved-hooks.mjs', import.meta.url), { data: { port: port2 }, transferList: [port2] });
globalThis.resolvedModules = resolved;
/** The hooks run on their own thread: wait until the messages posted so far have arrived. */
globalThis.resolvedModulesSettled = () => new Promise((done) => setTimeout(done, 300));
