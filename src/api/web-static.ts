import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** The folder Vite builds the web app into (`npm run build:web`), found from the package root. */
export function defaultWebRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'dist', 'web');
}

function listFiles(root: string, dir = root, out = new Set<string>()): Set<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) listFiles(root, path, out);
    else out.add(`/${relative(root, path).split(sep).join('/')}`);
  }
  return out;
}

/**
 * Serves the built web app (member portal and operations console) without a key: the files Vite
 * wrote under `root` by their exact path, and `index.html` for `/` and for any other page a
 * browser asks for (`Accept: text/html`) that no API route matches. API routes are never shadowed:
 * the files are known by name at start, and a path an API route matches goes on to the API and its
 * key check. Must be registered before the authentication hook, since it answers in `onRequest`.
 * Does nothing when the app was not built (the API works alone).
 */
export async function registerWebStatic(app: FastifyInstance, root: string = defaultWebRoot()): Promise<void> {
  if (!existsSync(join(root, 'index.html'))) return;
  const files = listFiles(root);
  await app.register(fastifyStatic, { root, serve: false });
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'GET') return;
    let path: string;
    try {
      path = decodeURI(request.url.split('?')[0] ?? '/');
    } catch {
      return undefined; // a malformed address is the API's to refuse
    }
    if (files.has(path) && path !== '/index.html') {
      // Vite names assets by content hash, so they may be cached for good.
      if (path.startsWith('/assets/')) reply.header('cache-control', 'public, max-age=31536000, immutable');
      return reply.sendFile(path.slice(1));
    }
    const wantsPage = path === '/' || path === '/index.html' || (request.headers.accept ?? '').includes('text/html');
    // Routing happens before onRequest: is404 says that no API route matched this path.
    if (wantsPage && request.is404) {
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html');
    }
    return undefined;
  });
}
