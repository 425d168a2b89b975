import { RecognizedTable } from './model';

/** The part of a recognized table that a kind-specific reader finds. */
export type BodyOk = Pick<RecognizedTable, 'dataStart' | 'dataEnd' | 'columns' | 'items' | 'missing' | 'truncated'>;

/** What a table reader returns: the body, or why it could not be read. */
export type BodyResult = BodyOk | { error: string };

export function isBodyError(b: BodyResult): b is { error: string } {
  return (b as { error?: string }).error !== undefined;
}
