import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
/** The compiled server under test: server/dist after `npm run build`, or BENCH_SERVER_DIST. */
export const serverDist = path.resolve(process.env.BENCH_SERVER_DIST ?? path.join(root, 'server/dist'));
export const serverModule = (rel) => pathToFileURL(path.join(serverDist, rel)).href;
