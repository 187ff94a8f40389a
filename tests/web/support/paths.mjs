// Where the tests find the pages, the server binary and the folder for screenshots. CTest passes
// BHM_BIN_DIR and BHM_WEB_ARTIFACTS; run by hand, the defaults point into build/.
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';

const here = dirname(fileURLToPath(import.meta.url));
export const sourceRoot = resolve(here, '../../..');
export const webRoot = join(sourceRoot, 'server/web');
export const binDir = process.env.BHM_BIN_DIR || join(sourceRoot, 'build/bin');
export const artifacts = process.env.BHM_WEB_ARTIFACTS || join(sourceRoot, 'build/web-tests');
mkdirSync(artifacts, { recursive: true });
