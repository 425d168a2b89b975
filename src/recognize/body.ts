import { Item } from './model';

export interface BodyOk {
  dataStart: number;
  dataEnd: number;
  columns: Record<string, number>;
  items: Item[];
  missing: string[];
  truncated?: { afterRow: number; openCodes: string[] };
}

/** What a table reader returns: the body, or why it could not be read. */
export type BodyResult = BodyOk | { error: string };

export function isBodyError(b: BodyResult): b is { error: string } {
  return (b as { error?: string }).error !== undefined;
}
