export interface EsbuildSize {
  readonly minBytes: number;
  readonly gzipBytes: number;
  readonly byFolder: Readonly<Record<string, number>>;
}
export function esbuildSize(root: string, contents: string, loader?: 'js' | 'ts'): Promise<EsbuildSize>;
