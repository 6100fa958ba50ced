/**
 * Does deleting a whole directory take files a glob protects? For globs anchored somewhere (`.github/workflows/**`)
 * the evaluator compares the glob's fixed prefix; for globs that match at any depth (a glob starting with `**` and
 * a slash, such as the one for `.vscode/settings.json`) the fixed part is the leading directories after it: deleting
 * `.vscode`, `pkg/.vscode` or `~/.codex` takes what is inside, deleting an unrelated folder does not (what it holds
 * cannot be known without the file system).
 */

const GLOB_CHARS = /[*?[{]/;

/** The fixed leading directories of an any-depth glob (`**` + `/.github/hooks/**` → ['.github', 'hooks']). */
function anyDepthDirs(glob: string): string[] {
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

/** True when removing the directory `dir` (relative or absolute) removes something `glob` protects. */
export function deletedDirectoryCovers(glob: string, dir: string): boolean {
  const dirs = anyDepthDirs(glob);
  if (dirs.length === 0) return false;
  const segs = dir.split('/').filter((s) => s !== '' && s !== '.');
  // the deleted directory ends with the first k fixed directories of the glob
  for (let k = 1; k <= dirs.length && k <= segs.length; k++) {
    let same = true;
    for (let j = 0; j < k; j++) if (segs[segs.length - k + j] !== dirs[j]) same = false;
    if (same) return true;
  }
  return false;
}
