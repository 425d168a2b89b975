/** The host contract lives with the use cases (src/usecases/host.ts), below the hosts that implement it. */
export type { Host, FlagOutcome, ClearOutcome, WriteOptions, WriteOutcome } from '../usecases/host';
