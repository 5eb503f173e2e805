/**
 * Serves the built app (dist/) the way a static host would, on port 0, with one difference: the runtime
 * config `smart-config.json` points the built-in sandbox entry at the sandbox this test run started.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface StaticAppServer {
  /** e.g. http://localhost:41234 (no trailing slash); launch.html and index.html live under it. */
  readonly url: string;
  /** Rewrites the sandbox entry of smart-config.json to this FHIR base. */
  pointSandboxAt(fhirBaseUrl: string): void;
  close(): Promise<void>;
}

export async function startStaticAppServer(distDir: string): Promise<StaticAppServer> {
  const root = normalize(distDir);
  const baseConfig = JSON.parse(await readFile(join(root, 'smart-config.json'), 'utf8')) as {
    servers: { id: string; iss?: string }[];
  };
  let config = baseConfig;

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/smart-config.json') {
      res.writeHead(200, { 'Content-Type': CONTENT_TYPES['.json'] ?? '', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify(config));
      return;
    }
    const file = normalize(join(root, path === '/' ? 'index.html' : decodeURIComponent(path)));
    if (!file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(body);
      },
      () => {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      }
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://localhost:${port}`,
    pointSandboxAt(fhirBaseUrl) {
      config = {
        ...baseConfig,
        servers: baseConfig.servers.map((entry) => (entry.id === 'sandbox' ? { ...entry, iss: fhirBaseUrl } : entry)),
      };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error) {
            reject(error);
          } else {
            resolve();
          }
        });
      }),
  };
}
