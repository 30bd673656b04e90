// The mock REST API of mocks/api.ts (docs/openapi.json) on node:http, with pages and static files
// beside it: the one implementation the browser tests run through MSW, served to a real browser
// without a service worker (e2e/csp-server.mjs; bench/ may use it too).
//
//   node scripts/api-server.mjs [--port 4300] [--seed-count 120]   the API alone at /api, until stopped
//
// Node 20 cannot import TypeScript: mocks/api.ts and the src/core rules it uses are bundled in memory
// by esbuild on the first call, and imported from a data: URL.

import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const API_ENTRY = join(ROOT, 'mocks', 'api.ts');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

let apiModule;

/**
 * mocks/api.ts as a module (`createCapacityApi`, `problem`), bundled once per process. Its Node
 * imports: `typeof import('../mocks/api.ts')`.
 */
export function loadCapacityApi() {
  apiModule ??= build({
    entryPoints: [API_ENTRY],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'node20',
    write: false,
    sourcemap: 'inline',
    logLevel: 'silent',
  }).then(({ outputFiles }) => {
    const code = Buffer.from(outputFiles[0].contents).toString('base64');
    return import(`data:text/javascript;base64,${code}`);
  });
  return apiModule;
}

/**
 * Starts a server on `host`:`port` (0: a free port) answering, in this order:
 * - `pages`: exact paths to `{ body, type, status? }` (a page, a style sheet written inline);
 * - `api`: the mock API, `{ baseUrl = '/api', state, latencyMs }` with a root-relative `baseUrl`
 *   (see CapacityApiOptions and CapacityApiState in mocks/api.ts); `false` for none;
 * - `directories`: URL prefixes ending in `/` to folders, served as static files;
 * - anything else: 404.
 * `headers` go with every answer (a Content-Security-Policy, say); `compress` gzips answers over 1 kB
 * for a browser that accepts it, as a host's server does. Resolves with the server's
 * `origin`, the `api` (its `ledger`, `reset(state)`) and `close()`.
 */
export async function startServer({
  port = 0,
  host = '127.0.0.1',
  pages = {},
  api: apiOptions = {},
  directories = {},
  headers = {},
  compress = false,
} = {}) {
  let api;
  if (apiOptions) {
    const { createCapacityApi } = await loadCapacityApi();
    api = createCapacityApi({ baseUrl: apiOptions.baseUrl ?? '/api', latencyMs: apiOptions.latencyMs ?? 0 });
    api.reset(apiOptions.state);
  }
  const folders = Object.entries(directories).map(([prefix, folder]) => [prefix, resolve(folder)]);
  let origin;

  /** The answer to one request, as a Fetch API Response. */
  async function answer(incoming) {
    const url = new URL(incoming.url ?? '/', origin);
    const page = Object.hasOwn(pages, url.pathname) ? pages[url.pathname] : undefined;
    if (page) return new Response(page.body, { status: page.status ?? 200, headers: { 'Content-Type': page.type } });
    if (api && (url.pathname === api.baseUrl || url.pathname.startsWith(`${api.baseUrl}/`))) {
      return api.handle(await toRequest(incoming, url));
    }
    for (const [prefix, folder] of folders) {
      if (url.pathname.startsWith(prefix)) return staticFile(folder, url.pathname.slice(prefix.length));
    }
    return notFound();
  }

  const server = createServer(async (incoming, outgoing) => {
    let response;
    try {
      response = await answer(incoming);
    } catch (error) {
      console.error('api-server: unexpected failure', error);
      response = new Response('Internal Server Error', { status: 500, headers: { 'Content-Type': 'text/plain' } });
    }
    const sent = new Headers(response.headers);
    for (const [name, value] of Object.entries(headers)) sent.set(name, value);
    let body = Buffer.from(await response.arrayBuffer());
    // As a host's server sends its files: gzip, when the browser takes it and it is worth it.
    if (compress && body.length > 1024 && /\bgzip\b/.test(incoming.headers['accept-encoding'] ?? '')) {
      body = gzipSync(body);
      sent.set('Content-Encoding', 'gzip');
      sent.append('Vary', 'Accept-Encoding');
    }
    outgoing.writeHead(response.status, Object.fromEntries(sent));
    outgoing.end(body);
  });
  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, done);
  });
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${server.address().port}`;
  return {
    origin,
    api,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/** node:http's request as a Fetch API Request for `url`, its body read whole. */
async function toRequest(incoming, url) {
  const headers = new Headers();
  for (let index = 0; index < incoming.rawHeaders.length; index += 2) {
    headers.append(incoming.rawHeaders[index], incoming.rawHeaders[index + 1]);
  }
  const method = incoming.method ?? 'GET';
  let body;
  if (method !== 'GET' && method !== 'HEAD') {
    const chunks = [];
    for await (const chunk of incoming) chunks.push(chunk);
    body = Buffer.concat(chunks);
  }
  return new Request(url, { method, headers, body });
}

/** The file at `relative` (still percent-encoded) inside `folder`, never outside it. */
async function staticFile(folder, relative) {
  let path;
  try {
    path = resolve(folder, decodeURIComponent(relative));
  } catch {
    return notFound();
  }
  if (!path.startsWith(folder + sep)) return notFound();
  try {
    const body = await readFile(path);
    return new Response(body, {
      headers: { 'Content-Type': TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream' },
    });
  } catch {
    return notFound();
  }
}

function notFound() {
  return new Response('Not Found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '4300' }, 'seed-count': { type: 'string', default: '0' } },
  });
  const { origin, api } = await startServer({
    port: Number(values.port),
    api: { state: { seedCount: Number(values['seed-count']) } },
  });
  console.log(`The mock API: ${origin}${api.baseUrl}/capacity … (Ctrl+C stops it)`);
}
