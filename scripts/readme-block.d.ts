export function markedBlock(
  startMarker: string,
  endMarker: string,
  who: string,
): { read(readme: string): string | undefined; write(readme: string, block: string): string };
