#!/usr/bin/env node
'use strict';
const path = require('path');
const fs = require('fs');
const entry = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('错误：尚未构建，请先运行 npm install（或 npm run build）。\n');
  process.exit(2);
}
// Exit once what was written has left: a large --json piped to another program is not cut off.
require(entry)
  .main(process.argv.slice(2))
  .then((code) => process.stdout.write('', () => process.stderr.write('', () => process.exit(code))));
