// npm run dev-server: build the add-in for https://localhost:3000 and serve it there with the
// Office development certificate (office-addin-dev-certs installs and trusts it on first run).
import { createServer } from 'node:https';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join, extname } from 'node:path';
import devCerts from 'office-addin-dev-certs';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'dist-addin');
execFileSync('node', [join(here, 'build.mjs')], { stdio: 'inherit', env: { ...process.env, JUESUAN_BASE_URL: 'https://localhost:3000' } });
const options = await devCerts.getHttpsServerOptions();
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.png': 'image/png', '.xml': 'application/xml' };
createServer(options, (req, res) => {
  const p = join(out, decodeURIComponent((req.url ?? '/').split('?')[0].split('#')[0]));
  if (!p.startsWith(out) || !existsSync(p) || statSync(p).isDirectory()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(p)] ?? 'application/octet-stream' }).end(readFileSync(p));
}).listen(3000, () => console.log('加载项开发服务器：https://localhost:3000/taskpane.html（按 Ctrl+C 停止）'));
