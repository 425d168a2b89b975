/// <reference types="office-js" />
import type { HostEvents, Notice } from './hostApi';

/**
 * The ribbon's buttons (shared runtime: the same page and script as the pane). Registered as soon
 * as the page's script runs, as Office requires, and the Excel code is loaded on the first click.
 * Every command tells the user what happened: the result or a notice in the pane, which opens when
 * there is something to read; a command never fails silently and always completes its event.
 *
 * 一键审核 checks and flags the whole workbook, then shows the pane with the result;
 * 清除标记 removes the flags (the pane opens only when there was nothing to clear or a sheet
 * was protected); 生成模板 opens the pane on its 生成模板 view: one page for the shared runtime.
 */

type OfficeHost = typeof import('./officeHost');

export function registerCommands(office: typeof Office, events: HostEvents, load: () => Promise<OfficeHost> = () => import('./officeHost')): void {
  const showPane = () => office.addin.showAsTaskpane().catch(() => undefined);
  const tell = (notice: Notice) => events.emit({ kind: 'notice', notice });
  const command = (work: (host: OfficeHost) => Promise<void>) => async (event: Office.AddinCommands.Event) => {
    try {
      let host: OfficeHost;
      try {
        host = await load();
      } catch {
        throw new Error('加载程序文件失败：请检查网络后重试，或重新打开工作簿');
      }
      await work(host);
    } catch (e) {
      tell({ intent: 'error', text: e instanceof Error ? e.message : String(e) });
      await showPane();
    } finally {
      event.completed();
    }
  };
  office.actions.associate(
    'checkAll',
    command(async (host) => {
      const { result, notice } = await host.checkOpenWorkbook();
      events.emit({ kind: 'checked', result });
      if (notice) tell(notice);
      await showPane();
    }),
  );
  office.actions.associate(
    'clearAllFlags',
    command(async (host) => {
      const notice = await host.clearOpenWorkbook();
      tell(notice);
      if (notice.intent !== 'success') await showPane();
    }),
  );
  office.actions.associate(
    'openScaffold',
    command(async () => {
      events.emit({ kind: 'view', view: 'scaffold' });
      await showPane();
    }),
  );
}
