/**
 * A small static file server over dist/, close to what a static host does: correct MIME types,
 * index.html for directories (redirecting "/dir" to "/dir/"), dist/404.html with status 404 for
 * everything else. It honours BASE_PATH like astro.config.mjs, so a build for a sub-path is
 * served under that path.
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
};

export interface StaticServer {
  /** The site's root URL, base path included, with a trailing slash. */
  readonly url: string;
  close(): Promise<void>;
}

export async function startServer(root = 'dist', basePath = process.env.BASE_PATH ?? '/'): Promise<StaticServer> {
  const dir = resolve(root);
  const base = `/${basePath.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

  async function file(path: string): Promise<Buffer | undefined> {
    try {
      return (await stat(path)).isFile() ? await readFile(path) : undefined;
    } catch {
      return undefined;
    }
  }
  async function isDirectory(path: string): Promise<boolean> {
    return stat(path).then((s) => s.isDirectory(), () => false);
  }

  const server = createServer(async (request, response) => {
    const send = (status: number, body: Buffer | string, type: string, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    const notFound = async () => send(404, (await file(join(dir, '404.html'))) ?? 'Not found', TYPES['.html']!);

    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      return send(400, 'Bad request', 'text/plain; charset=utf-8');
    }
    if (!pathname.startsWith(base) && `${pathname}/` !== base) return notFound();
    const local = resolve(dir, `.${pathname.slice(base.length - 1)}`);
    if (local !== dir && !local.startsWith(dir + sep)) return notFound();

    if (await isDirectory(local)) {
      if (!pathname.endsWith('/')) return send(301, '', 'text/plain', { Location: `${pathname}/` });
      const index = await file(join(local, 'index.html'));
      return index ? send(200, index, TYPES['.html']!) : notFound();
    }
    const body = await file(local);
    if (!body) return notFound();
    send(200, body, TYPES[extname(local).toLowerCase()] ?? 'application/octet-stream');
  });

  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}
