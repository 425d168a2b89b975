/// <reference types="office-js" />
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from './App';
import { HostApi, HostEvents, PaneView } from './hostApi';
import { registerCommands } from './commands';
import { isPdf, InputError } from '../../src/hosts/problems';
import { workerEngine, checkerUrl } from './checkerClient';

/**
 * Entry of the task pane page. Inside Excel it works on the open workbook; opened in a plain
 * browser it works on a file the user chooses. Nothing is sent anywhere.
 *
 * Inside Excel the page never falls back to browser mode because Office is slow to start: Office
 * opens the page with `_host_Info` in its address (and office.js keeps it in sessionStorage), so
 * the page knows it is in Excel and waits for Office.onReady as long as it takes, saying so. Only a
 * page outside Office (no host info) falls back to browser mode when onReady reports no host or
 * office.js is absent.
 */

const root = createRoot(document.getElementById('root')!);
const events = new HostEvents();

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function save(bytes: Uint8Array, fileName: string, type = XLSX_TYPE) {
  const blob = new Blob([bytes as BlobPart], { type });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** The commented copy of a Word 情况说明: 情况说明.docx → 情况说明-已批注.docx. */
const commentedName = (n: string) => n.replace(/\.docx$/i, '') + '-已批注.docx';

const readPdf = async (buf: Uint8Array, n: string) => (await import('./pdf')).readPdfInPage(buf, n);

function browserHost(): HostApi {
  let bytes: Uint8Array | undefined;
  let name = '';
  let narrative: { name: string; bytes: Uint8Array } | undefined;
  let checked = false;
  // The check runs in a worker (checker.js beside this page), so the pane stays responsive.
  const engine = workerEngine(checkerUrl(), async () => (await import('../../src/browserHost')).localEngine(readPdf));
  return {
    mode: 'browser',
    async chooseFile(file: File) {
      bytes = new Uint8Array(await file.arrayBuffer());
      name = file.name;
      checked = false;
      return name;
    },
    async check(progress) {
      if (!bytes) throw new Error('请先选择文件');
      // A PDF is read by PDFium in its own worker (pdfium.js); the rest in the checker.
      let pdf;
      if (isPdf(name, bytes)) {
        progress?.({ text: '正在读取 PDF…', fraction: 0 });
        try {
          pdf = await readPdf(bytes, name);
        } catch (e) {
          // The command line's words for a PDF that cannot be read (encrypted, scanned, damaged).
          throw e instanceof InputError ? e : new InputError('无法读取该文件（文件可能已损坏）');
        }
      }
      const view = await engine.check(name, bytes, { pdf, progress, narrative: narrative && { name: narrative.name, bytes: narrative.bytes.slice() } });
      checked = true;
      return view;
    },
    async select() {
      /* the pane shows the location; there is no workbook to move in */
    },
    async pageImage(page: number) {
      if (!bytes || !/\.pdf$/i.test(name)) return undefined;
      return (await import('./pdf')).pageImage(bytes, page);
    },
    async explain(f, text) {
      if (!checked) throw new Error('请先审核');
      return engine.explain(f, text);
    },
    async scaffold(o) {
      // Browser mode: the template is downloaded as a new workbook (nothing to overwrite).
      // Through the use case, as everywhere: the tables, the template's record and its identity.
      const [{ scaffoldInto }, { XlsxHost }, ExcelJS] = await Promise.all([
        import('../../src/usecases'),
        import('../../src/hosts/xlsx/xlsxHost'),
        import('exceljs').then((m) => m.default),
      ]);
      const host = new XlsxHost(new ExcelJS.Workbook(), '模板.xlsx');
      const r = await scaffoldInto(host, { unit: o.unit, year: o.year, edition: o.edition, projectList: o.withForms });
      save(await host.bytes(), `${o.unit}${o.year}年度部门决算公开模板.xlsx`);
      return { written: r.written, conflicts: [] };
    },
    async consolidate(o, _overwrite, progress) {
      // Browser mode: the 汇总 is downloaded as a new workbook (nothing to overwrite).
      const [{ unitsFromFiles, namesFromFile, consolidateOn }, { XlsxHost }, ExcelJS] = await Promise.all([
        import('../../src/browserHost'),
        import('../../src/hosts/xlsx/xlsxHost'),
        import('exceljs').then((m) => m.default),
      ]);
      const units = await unitsFromFiles(
        o.units.map((f) => ({ name: f.name, bytes: async () => new Uint8Array(await f.arrayBuffer()) })),
        readPdf,
        progress,
      );
      const names = o.names ? await namesFromFile(o.names.name, new Uint8Array(await o.names.arrayBuffer())) : undefined;
      const host = new XlsxHost(new ExcelJS.Workbook(), '部门汇总.xlsx');
      const view = await consolidateOn(host, units, { names, department: o.department });
      save(await host.bytes(), `${view.department}${view.year}年度部门决算汇总.xlsx`);
      return view;
    },
    async download() {
      const out = checked ? await engine.download() : undefined;
      if (out) save(out, name.replace(/\.[^.]*$/, '') + '-已审核.xlsx');
    },
    async chooseNarrative(file?: File) {
      narrative = file && { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
      checked = false;
      return narrative?.name;
    },
    async downloadWord() {
      // The Word 情况说明 beside the file, or the file itself when it is a Word document.
      const out = checked ? await engine.downloadWord() : undefined;
      if (out) save(out, commentedName(narrative?.name ?? name), DOCX_TYPE);
    },
    subscribe: (l) => events.subscribe(l),
  };
}

async function excelHost(): Promise<HostApi> {
  const office = await import('./officeHost');
  return {
    mode: 'excel',
    subscribe: (l) => events.subscribe(l),
    check: async (progress) => {
      const { result, notice } = await office.checkOpenWorkbook(progress);
      if (notice) events.emit({ kind: 'notice', notice });
      return result;
    },
    select: (f) => office.selectFinding(f),
    clear: () => office.clearOpenWorkbook(),
    explain: (f, text) => office.explainInWorkbook(f, text),
    scaffold: (o, overwrite) => office.scaffoldInWorkbook(o, overwrite),
    draft: (overwrite) => office.draftInWorkbook(overwrite),
    consolidate: (o, overwrite, progress) => office.consolidateInWorkbook(o, overwrite, progress, readPdf),
    chooseNarrative: (file) => office.chooseNarrative(file),
    async downloadWord() {
      const out = office.commentedNarrative();
      if (out) save(out.bytes, commentedName(out.name), DOCX_TYPE);
    },
  };
}

/** A plain message in place of the pane (Office not reachable, a script that failed to load). */
function message(text: string, state: string) {
  root.render(
    <FluentProvider theme={webLightTheme} lang="zh-CN">
      <main style={{ padding: 16, fontSize: 14, lineHeight: 1.6 }} role="status">
        <p>{text}</p>
      </main>
    </FluentProvider>,
  );
  document.documentElement.dataset.state = state;
}

function render(host: HostApi) {
  const view: PaneView = typeof location !== 'undefined' && location.hash === '#scaffold' ? 'scaffold' : 'check';
  root.render(
    <FluentProvider theme={webLightTheme} lang="zh-CN">
      <App host={host} initialView={view} />
    </FluentProvider>,
  );
  document.documentElement.dataset.ready = host.mode;
  delete document.documentElement.dataset.state;
}

/** Office opened this page (its address or this tab's session says so). */
function openedByOffice(): boolean {
  try {
    if (/[?&#]_host_Info=/i.test(location.href)) return true;
    return !!sessionStorage.getItem('hostInfoValue');
  } catch {
    return false;
  }
}

const office = (globalThis as { Office?: typeof Office }).Office;
// The ribbon's commands are registered at once, as Office requires of the shared runtime.
try {
  if (office?.actions?.associate) registerCommands(office, events);
} catch {
  /* outside Office there is nothing to register */
}

const inOffice = openedByOffice();
if (inOffice && !(office && typeof office.onReady === 'function')) {
  message('未能加载 Office 脚本（office.js）：请检查网络连接，然后关闭并重新打开“审核助手”。', 'no-office');
} else if (office && typeof office.onReady === 'function') {
  let done = false;
  const start = (host: () => Promise<HostApi> | HostApi) => {
    Promise.resolve()
      .then(host)
      .then(render, () => message('加载程序文件失败：请检查网络连接，然后关闭并重新打开“审核助手”。', 'load-failed'));
  };
  if (inOffice) {
    message('正在连接 Excel…', 'waiting');
    // Say so when Office takes long, but keep waiting: never browser mode inside Excel.
    setTimeout(() => {
      if (!done) message('Excel 仍在启动，请稍候…（如长时间无响应，请关闭并重新打开“审核助手”）', 'waiting');
    }, 10000);
  } else {
    // Outside Office, onReady reports no host; if it never answers, browser mode after a moment.
    setTimeout(() => {
      if (!done) {
        done = true;
        start(browserHost);
      }
    }, 3000);
  }
  void office.onReady((info) => {
    if (done) return;
    done = true;
    if (info.host === office.HostType.Excel) start(excelHost);
    else start(browserHost);
  });
} else render(browserHost());
