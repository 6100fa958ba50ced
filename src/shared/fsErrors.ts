/** Node file-system errors that mean "nothing at that path" (the path or one of its folders does not exist). */
export function isNothingAtPath(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
