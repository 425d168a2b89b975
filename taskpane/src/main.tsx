/// <reference types="office-js" />
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App, HostApi } from './App';
import { CheckedFile, checkFileBytes, flaggedWorkbookBytes, explainChecked } from '../../src/browserHost';

/**
 * Entry of the task pane page. Inside Excel (office.js loaded and the host is Excel) it works on
 * the open workbook; opened in a plain browser (or where office.js could not load) it works on a
 * file the user chooses. Nothing is sent anywhere.
 */

function save(bytes: Uint8Array, fileName: string) {
  const blob = new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

function browserHost(): HostApi {
  let bytes: Uint8Array | undefined;
  let name = '';
  let checked: CheckedFile | undefined;
  return {
    mode: 'browser',
    async chooseFile(file: File) {
      bytes = new Uint8Array(await file.arrayBuffer());
      name = file.name;
      checked = undefined;
      return name;
    },
    async check() {
      if (!bytes) throw new Error('请先选择文件');
      checked = await checkFileBytes(name, bytes);
      return checked.result;
    },
    async select() {
      /* the pane shows the location; there is no workbook to move in */
    },
    async explain(f, text) {
      if (!checked) throw new Error('请先审核');
      checked = explainChecked(checked, f, text);
      return checked.result;
    },
    async scaffold(o) {
      // Browser mode: the template is downloaded as a new workbook (nothing to overwrite).
      const { scaffold } = await import('../../src/scaffold/build');
      const { gridToExcel } = await import('../../src/adapters/xlsxWrite');
      const built = scaffold({ unit: o.unit, year: o.year, projectList: o.withForms });
      const out = new Uint8Array((await gridToExcel(built.workbook, built.layouts).xlsx.writeBuffer()) as ArrayBuffer);
      save(out, `${o.unit}${o.year}年度部门决算公开模板.xlsx`);
      return { written: built.workbook.sheets.map((s) => s.name), conflicts: [] };
    },
    async download() {
      if (!checked || !bytes) return;
      save(await flaggedWorkbookBytes(checked, bytes), name.replace(/\.[^.]*$/, '') + '-已审核.xlsx');
    },
  };
}

async function excelHost(): Promise<HostApi> {
  const office = await import('./officeHost');
  const listeners = new Set<(r: import('../../src/check').CheckResult) => void>();
  office.registerCommands((r) => listeners.forEach((l) => l(r)));
  return {
    mode: 'excel',
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    check: () => office.checkOpenWorkbook(),
    select: (f) => office.selectFinding(f),
    clear: async () => {
      await office.clearOpenWorkbook();
    },
    explain: async (f, text) => {
      await office.explainInWorkbook(f, text);
      return office.checkOpenWorkbook();
    },
    scaffold: (o, overwrite) => office.scaffoldInWorkbook(o, overwrite),
    draft: (overwrite) => office.draftInWorkbook(overwrite),
  };
}

function render(host: HostApi) {
  const el = document.getElementById('root')!;
  createRoot(el).render(
    <FluentProvider theme={webLightTheme} lang="zh-CN">
      <App host={host} />
    </FluentProvider>,
  );
  document.documentElement.dataset.ready = host.mode;
}

const office = (globalThis as { Office?: typeof Office }).Office;
if (office && typeof office.onReady === 'function') {
  let done = false;
  // Outside Office, onReady reports no host; give it a moment, then fall back to browser mode.
  const fallback = setTimeout(() => { if (!done) { done = true; render(browserHost()); } }, 3000);
  void office.onReady((info) => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    if (info.host === office.HostType.Excel) void excelHost().then(render);
    else render(browserHost());
  });
} else render(browserHost());
