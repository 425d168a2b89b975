/// <reference types="office-js" />
import { FUNCTIONS } from './functions';

/** Loaded by the shared runtime page: tell Excel which function answers which id. */
const cf = (globalThis as { CustomFunctions?: typeof CustomFunctions }).CustomFunctions;
if (cf) for (const [id, f] of Object.entries(FUNCTIONS)) cf.associate(id, f as (...args: unknown[]) => unknown);
