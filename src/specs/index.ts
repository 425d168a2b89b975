/** Table specifications as types only; the editions (src/editions) hold the data. */
export * from './types';
