// npm run serve: build the add-in and serve it on http://127.0.0.1:3000 for browser mode (choose an
// .xlsx or .txt file, check, download it flagged). Only this machine can reach it; nothing is
// uploaded. The page must be served: opened as a file (double-clicked) it cannot load its script.
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { handler } from './staticServer.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'dist-addin');
const port = Number(process.env.PORT ?? 3000);
execFileSync('node', [join(here, 'build.mjs')], {
  stdio: 'inherit',
  env: { ...process.env, JUESUAN_BASE_URL: process.env.JUESUAN_BASE_URL ?? 'https://localhost:3000' },
});
createServer(handler(out))
  .on('error', (e) => {
    console.error(`无法在 127.0.0.1:${port} 上启动（${e.message}）：端口可能已被占用，可用 PORT=3001 npm run serve 换一个端口`);
    process.exit(2);
  })
  .listen(port, '127.0.0.1', () => console.log(`浏览器模式：在浏览器中打开 http://127.0.0.1:${port}/taskpane.html（按 Ctrl+C 停止）`));
