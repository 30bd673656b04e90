// The widget as a server imports it. By default the sources, bundled by esbuild for Node, with lit, @lit/context and
// idb-keyval left as imports (as the package's dist/index.js leaves them), so that lit's Node build (`isServer`) and
// @lit-labs/ssr share one copy of lit. Node 20 cannot import TypeScript, and a bare `lit` resolves only from inside
// the project: the bundle is written under node_modules/.cache, imported, and removed. With LRW_SSR_FROM=dist, the
// built package itself (`npm run build` first), as a host's server imports it: `import 'lead-registration-widget'`.

import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Imports src/index.ts (which defines the four elements) into this Node process: `typeof import('src/index.ts')`. */
export async function importWidgetForServer() {
  if (process.env.LRW_SSR_FROM === 'dist') return import('lead-registration-widget');
  const cache = join(ROOT, 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  const folder = await mkdtemp(join(cache, 'lead-registration-widget-ssr-'));
  const outfile = join(folder, 'index.js');
  try {
    await build({
      entryPoints: [join(ROOT, 'src', 'index.ts')],
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      tsconfig: join(ROOT, 'tsconfig.json'),
      outfile,
      logLevel: 'silent',
    });
    return await import(pathToFileURL(outfile).href);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
