// Serving the built add-in folder (dist-addin/) on this machine only: the dev server (https, for
// Excel) and browser mode (http on 127.0.0.1, for WPS users and reviewers) share it.
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, extname, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.png': 'image/png',
  '.xml': 'application/xml',
};

export function handler(root) {
  const base = resolve(root);
  return (req, res) => {
    let p = resolve(join(base, decodeURIComponent((req.url ?? '/').split('?')[0].split('#')[0])));
    if (p === base) p = join(base, 'taskpane.html');
    if (!(p === base || p.startsWith(base + sep)) || !existsSync(p) || statSync(p).isDirectory()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('找不到该文件');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(p)] ?? 'application/octet-stream' }).end(readFileSync(p));
  };
}
