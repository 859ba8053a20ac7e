/** citation-js ships no types; the part the tests use. */
declare module '@citation-js/core' {
  export interface CslData {
    id: string;
    author?: Record<string, string>[];
    [k: string]: unknown;
  }
  export class Cite {
    constructor(data: unknown);
    data: CslData[];
    format(kind: string, options?: Record<string, unknown>): string;
  }
}
declare module '@citation-js/plugin-csl';
