import { Finding } from '../../src/core/findings';
import type { ResultView } from '../../src/check/view';
import type { Progress, ConsolidateView } from '../../src/browserHost';

/**
 * What the task pane asks of its host: the open workbook in Excel, or a chosen file in browser
 * mode. The pane holds no domain logic; it calls these and shows what comes back.
 */

/** Where the pane should open: the findings, or 生成模板 (the ribbon's button opens the same page). */
export type PaneView = 'check' | 'scaffold';

/** A message for the user, in Chinese. */
export interface Notice {
  intent: 'success' | 'warning' | 'error' | 'info';
  text: string;
}

/** What happens outside the pane's own buttons (the ribbon's commands in the shared runtime). */
export type HostEvent = { kind: 'checked'; result: ResultView } | { kind: 'notice'; notice: Notice } | { kind: 'view'; view: PaneView };

export interface HostApi {
  mode: 'excel' | 'browser';
  /** Excel: check the open workbook. Browser: check the chosen file. A notice says what else happened. */
  check(progress?: (p: Progress) => void): Promise<ResultView>;
  select(f: Finding): Promise<void>;
  /** Remove every flag; the notice says what was done. */
  clear?(): Promise<Notice>;
  /** Browser mode: choose a file; returns its name. */
  chooseFile?(file: File): Promise<string>;
  download?(): Promise<void>;
  /** The 情况说明 written apart in Word, checked with the tables (or with no file, set aside); its name. */
  chooseNarrative?(file?: File): Promise<string | undefined>;
  /**
   * After a check of a Word document (the 情况说明 beside the tables, or the chosen file itself):
   * that document with a comment on each of its findings, downloaded.
   */
  downloadWord?(): Promise<void>;
  /** Record (or with '' remove) the unit's 出错说明 for a finding; returns the re-checked result. */
  explain?(f: Finding, text: string): Promise<ResultView>;
  /** 生成模板: the nine tables (and an empty 项目清单); conflicts are names that would be overwritten. */
  scaffold?(o: { unit: string; year: number; edition: string; withForms: boolean }, overwrite: boolean): Promise<{ written: string[]; conflicts: string[] }>;
  /**
   * 汇总: the units' files and the names list chosen in the pane, the department's name; the 汇总
   * written (Excel: new sheets of the open workbook, conflicts asked about; browser: downloaded).
   */
  consolidate?(o: { units: File[]; names?: File; department?: string }, overwrite: boolean, progress?: (p: Progress) => void): Promise<ConsolidateView>;
  /** 起草情况说明 from the tables; returns the sheet written, or conflicts. */
  draft?(overwrite: boolean): Promise<{ written: string[]; conflicts: string[] }>;
  /** Browser mode, a PDF: its page drawn as an image (the finding's box is marked over it by the pane). */
  pageImage?(page: number): Promise<{ url: string; width: number; height: number } | undefined>;
  /** Events from elsewhere (the ribbon), shown when they arrive; the last view asked for is replayed. */
  subscribe?(listener: (e: HostEvent) => void): () => void;
}

/** One channel between the ribbon's commands and the pane (both live in the shared runtime). */
export class HostEvents {
  private listeners = new Set<(e: HostEvent) => void>();
  private pending: HostEvent[] = [];
  emit(e: HostEvent) {
    if (this.listeners.size === 0) {
      // The pane is not rendered yet: keep what it must show when it is.
      this.pending.push(e);
      return;
    }
    for (const l of this.listeners) l(e);
  }
  subscribe(listener: (e: HostEvent) => void): () => void {
    this.listeners.add(listener);
    const waiting = this.pending;
    this.pending = [];
    for (const e of waiting) listener(e);
    return () => this.listeners.delete(listener);
  }
}
