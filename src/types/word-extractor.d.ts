/** The part of word-extractor's API solieu uses (the package ships no types). */
declare module 'word-extractor' {
  interface BodyOptions {
    /** Convert curly quotes and dashes to ASCII (default true). */
    filterUnicode?: boolean;
  }
  export interface WordDocument {
    getBody(options?: BodyOptions): string;
    getHeaders(options?: BodyOptions & { includeFooters?: boolean }): string;
    getFootnotes(options?: BodyOptions): string;
    getTextboxes(options?: BodyOptions & { includeHeadersAndFooters?: boolean; includeBody?: boolean }): string;
  }
  export default class WordExtractor {
    extract(source: string | Buffer): Promise<WordDocument>;
  }
}
