const fs=require('fs');
const { readXlsx } = require('./dist/adapters/xlsx');
const { recognize } = require('./dist/recognize');
const { tableSet } = require('./dist/specs');
(async()=>{
  const set=tableSet();
  const g0 = await readXlsx(fs.readFileSync('/tmp/bench.xlsx'));
  recognize(g0,set);
  for (let k=0;k<3;k++){ const g = await readXlsx(fs.readFileSync('/tmp/bench.xlsx')); global.gc&&gc(); let t=performance.now(); recognize(g,set); console.log('rec', (performance.now()-t).toFixed(0)); }
})();
