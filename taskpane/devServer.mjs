// npm run dev-server: build the add-in for https://localhost:3000 and serve it there with the
// Office development certificate (office-addin-dev-certs installs and trusts it on first run; on
// Linux that needs administrator rights, and Excel desktop is not there anyway: the message says
// what to do instead).
import { createServer } from 'node:https';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { handler } from './staticServer.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'dist-addin');
execFileSync('node', [join(here, 'build.mjs')], { stdio: 'inherit', env: { ...process.env, JUESUAN_BASE_URL: 'https://localhost:3000' } });
let options;
try {
  const devCerts = (await import('office-addin-dev-certs')).default;
  options = await devCerts.getHttpsServerOptions();
} catch (e) {
  console.error(
    `无法安装或读取 Office 开发证书（${e?.message ?? e}）。` +
      '在 Windows 或 Mac 上请以当前用户重新运行 npm run dev-server 并在提示时同意安装证书；' +
      '在 Linux 上（没有桌面版 Excel）请用 npm run serve 在浏览器中使用，或把 dist-addin/ 部署到 HTTPS 服务器。',
  );
  process.exit(2);
}
createServer(options, handler(out)).listen(3000, () => console.log('加载项开发服务器：https://localhost:3000/taskpane.html（按 Ctrl+C 停止）'));
