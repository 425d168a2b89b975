const fs=require('fs');
const { readXlsx } = require('./dist/adapters/xlsx');
const { SheetView } = require('./dist/recognize/sheetView');
const { readSides } = require('./dist/recognize/sides');
const { recognize } = require('./dist/recognize');
const { tableSet } = require('./dist/specs');
(async()=>{
  const set=tableSet();
  const g = await readXlsx(fs.readFileSync('/tmp/bench.xlsx'));
  const rec = recognize({sheets:[g.sheets[0]]}, set);
  const t01 = rec.tables.find(t=>t.spec.id==='gk01');
  const spec = t01.spec;
  let t=performance.now();
  for (let i=0;i<3000;i++){ const v = new SheetView(g.sheets[i%200]); readSides(spec, v, t01.headerTop, t01.dataEnd+1); }
  console.log('per call µs', ((performance.now()-t)/3000*1000).toFixed(1));
})();
