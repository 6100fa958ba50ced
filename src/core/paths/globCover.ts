/**
 * Does deleting a whole directory take files a glob protects? For globs anchored somewhere (`.github/workflows/**`)
 * the evaluator compares the glob's fixed prefix; for globs that match at any depth (a glob starting with `**` and
 * a slash, such as the one for `.vscode/settings.json`) the fixed part is the leading directories after it: deleting
 * `.vscode`, `pkg/.vscode` or `~/.codex` takes what is inside, deleting an unrelated folder does not (what it holds
 * cannot be known without the file system).
 */

const GLOB_CHARS = /[*?[{]/;

/**
 * The fixed leading directories of an any-depth glob (`**` + `/.github/hooks/**` → ['.github', 'hooks']), or none
 * for other globs. Pure in the glob: the engine computes it once per protected path.
 */
export function anyDepthDirs(glob: string): readonly string[] {
  if (!glob.startsWith('**/')) return [];
  const segs = glob.slice(3).split('/');
  const dirs: string[] = [];
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i] ?? '';
    if (GLOB_CHARS.test(s)) break;
    // the last segment names a file unless more follows
    if (i === segs.length - 1) break;
    dirs.push(s);
  }
  return dirs;
}

/** The segments of a deleted directory (relative or absolute) as `deletedDirectoryTakes` compares them. */
export function directorySegments(dir: string): readonly string[] {
  return dir.split('/').filter((s) => s !== '' && s !== '.');
}

/**
 * True when removing the directory with segments `segs` removes something under an any-depth glob whose fixed
 * leading directories are `dirs` (from `anyDepthDirs`): the deleted directory ends with the first k of them.
 */
export function deletedDirectoryTakes(dirs: readonly string[], segs: readonly string[]): boolean {
  for (let k = 1; k <= dirs.length && k <= segs.length; k++) {
    let same = true;
    for (let j = 0; j < k; j++) if (segs[segs.length - k + j] !== dirs[j]) same = false;
    if (same) return true;
  }
  return false;
}
