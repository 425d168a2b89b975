const fs=require('fs');
const sides = require('./dist/recognize/sides');
const coded = require('./dist/recognize/coded');
const econ = require('./dist/recognize/econ');
const matrix = require('./dist/recognize/matrix');
const stats = {};
for (const [m, fn] of [[sides,'readSides'],[coded,'readCoded'],[econ,'readEcon'],[matrix,'readMatrix']]) {
  const orig = m[fn];
  m[fn] = (...a) => { const t = performance.now(); const r = orig(...a); const s = stats[fn] ??= {n:0, ms:0}; s.n++; s.ms += performance.now()-t; return r; };
}
const { readXlsx } = require('./dist/adapters/xlsx');
const { recognize } = require('./dist/recognize');
const { tableSet } = require('./dist/specs');
(async()=>{
  const set=tableSet();
  for (let k=0;k<3;k++){ for (const s of Object.values(stats)) {s.n=0;s.ms=0;} const g = await readXlsx(fs.readFileSync('/tmp/bench.xlsx')); global.gc&&gc(); let t=performance.now(); recognize(g,set); console.log('rec', (performance.now()-t).toFixed(0), JSON.stringify(Object.fromEntries(Object.entries(stats).map(([k,v])=>[k, v.n+'/'+v.ms.toFixed(0)])))); }
})();
