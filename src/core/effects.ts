/**
 * What a command does to files: which paths it writes, deletes or renames. One table for every spelling —
 * `rm`, `mv`, `cp`, `tee`, `dd of=`, `sed -i`, `perl -pi`, `truncate`, `ln -sf`, `git checkout -- f`, and the
 * readers with an output option or operand (`sort -o`, `uniq in out`, `xxd -r in out`, `yq -i`,
 * `git show --output=`) … — so that
 * the same path check serves shell commands and agents' edit tools alike.
 */
import type { Arg, ContainerMount, Invocation } from './invocation';
import type { EditOp } from './policy/types';
import { hasFlag, hasShort, subcommandIndex } from './rules/args';
import { GIT_GLOBAL_VALUE_OPTS } from './gitGlobalOptions';
import { basename } from './paths/posix';
import { hostPath } from './paths/containerMounts';
import { remoteOperand } from './paths/remoteOperand';
import { sedScriptWrites } from './sedWrites';

export interface FileEffect {
  readonly op: EditOp;
  readonly target: Arg;
  /** Deletes or overwrites a whole directory tree. */
  readonly recursive: boolean;
}

type Extractor = (inv: Invocation) => FileEffect[];

/** Arguments that are not options (respecting `--`), with the values of options that take one skipped. */
function operands(argv: readonly Arg[], valueOpts: readonly string[] = []): Arg[] {
  const out: Arg[] = [];
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i] as Arg;
    const v = a.value;
    if (v === '--') {
      out.push(...argv.slice(i + 1));
      break;
    }
    if (v.length > 1 && v[0] === '-' && !a.dynamic) {
      if (valueOpts.includes(v)) i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

const all = (op: EditOp, args: readonly Arg[], recursive: boolean): FileEffect[] => args.map((target) => ({ op, target, recursive }));

const rm: Extractor = (inv) => all('delete', operands(inv.argv), hasFlag(inv.args, 'r', 'recursive') || hasShort(inv.args, 'R'));

/** `mv a b`, `mv a b dir/`, `mv -t dir a b`: sources are renamed away, the destination is written. */
const mv: Extractor = (inv) => {
  const ops = operands(inv.argv, ['-t', '--target-directory', '-S', '--suffix']);
  const t = targetDirectory(inv.argv);
  if (t) return [...all('rename', ops, true), ...intoDirectory(t, ops, false)];
  if (ops.length < 2) return [];
  const sources = ops.slice(0, -1);
  return [...all('rename', sources, true), ...destination(ops[ops.length - 1] as Arg, sources, targetIsFile(inv.argv))];
};

/** `-T` / `--no-target-directory`: the destination is the file itself, never a directory to copy into. */
function targetIsFile(argv: readonly Arg[]): boolean {
  return argv.some((a) => a.value === '-T' || a.value === '--no-target-directory' || /^-[a-zA-Z]*T[a-zA-Z]*$/.test(a.value) && !a.value.startsWith('--'));
}

/** What `dir/` receives: `dir/<name of each source>` (so `cp settings.json .vscode` writes .vscode/settings.json). */
function intoDirectory(dir: Arg, sources: readonly Arg[], includeDir: boolean): FileEffect[] {
  const out: FileEffect[] = includeDir ? [{ op: 'write', target: dir, recursive: false }] : [];
  for (const s of sources) {
    const name = basename(s.value);
    // `cp -r empty/. ~/.ssh/`: a folder's contents land in dir itself
    if (name === '.' && s.value !== '.' && !includeDir) out.push({ op: 'write', target: dir, recursive: true });
    if (name === '' || name === '.' || name === '..') continue;
    out.push({ op: 'write', target: { value: dir.value.replace(/\/+$/, '') + '/' + name, dynamic: dir.dynamic || s.dynamic, glob: dir.glob || s.glob }, recursive: false });
  }
  return out;
}

/**
 * The last operand of cp/mv/install/ln: a file that is (over)written, or — without a file system to ask — a
 * directory the sources land in. Both are reported; only protected names make a difference.
 */
function destination(dest: Arg, sources: readonly Arg[], fileOnly: boolean): FileEffect[] {
  if (fileOnly) return [{ op: 'write', target: dest, recursive: false }];
  return intoDirectory(dest, sources, !surelyDirectory(dest));
}

/** A destination that can only be a directory, so it is not itself overwritten: `dir/`, `.`, `..`. */
function surelyDirectory(dest: Arg): boolean {
  if (dest.dynamic || dest.glob) return false;
  const v = dest.value;
  return v.endsWith('/') || v === '.' || v === '..';
}

function targetDirectory(argv: readonly Arg[]): Arg | undefined {
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i]?.value ?? '';
    if (v === '-t' || v === '--target-directory') return argv[i + 1];
    if (v.startsWith('--target-directory=')) return { value: v.slice(19), dynamic: argv[i]?.dynamic ?? false, glob: false };
  }
  return undefined;
}

/** chattr's own options (the rest of the `-x` words are attribute modes: `-i` removes immutability). */
const CHATTR_FLAGS = /^-[RVf]+$/;

/**
 * `chattr [-RVf] [-v N] [-p N] MODE… FILE…`: the immutable / append-only modes it sets or clears, and its files.
 * A mode word only known when it runs (`chattr "+$A" f`, a dynamic word before any mode or file) may set or clear
 * anything: `unknownMode`, and the word is not taken for a file.
 */
export function chattrArgs(argv: readonly Arg[]): { readonly adds: boolean; readonly clears: boolean; readonly unknownMode: boolean; readonly recursive: boolean; readonly targets: Arg[] } {
  let adds = false;
  let clears = false;
  let unknownMode = false;
  let modeSeen = false;
  let recursive = false;
  const targets: Arg[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as Arg;
    const v = a.value;
    if (v === '--') {
      targets.push(...argv.slice(i + 1));
      break;
    }
    if (v === '-v' || v === '-p') i++;
    else if (CHATTR_FLAGS.test(v) && !a.dynamic) recursive ||= v.includes('R');
    else if (a.dynamic && targets.length === 0 && (!modeSeen || /^[-+=]/.test(v))) {
      unknownMode = true;
      modeSeen = true;
    } else if (/^[-+=][a-zA-Z]+$/.test(v) && !a.dynamic) {
      modeSeen = true;
      if (!/[ia]/.test(v)) continue;
      if (v[0] === '-') clears = true;
      else adds = true;
    } else targets.push(a);
  }
  return { adds, clears, unknownMode, recursive, targets };
}


/** scp: a destination on this machine is written like cp's (`scp host:x .env`); one on another machine is not here. */
const scp: Extractor = (inv) => {
  const ops = transferOperands(inv);
  const dest = ops[ops.length - 1];
  if (ops.length < 2 || dest === undefined || remoteOperand(dest.value) !== undefined) return [];
  // what lands in a directory is named after the source's file, wherever that is (`host:logs/app.log` → app.log)
  const sources = ops.slice(0, -1).map((s) => ({ ...s, value: remoteOperand(s.value)?.path ?? s.value }));
  return destination(dest, sources, false);
};

/** `chattr +i f`: changing a file's attributes is a change to the file (protected paths are judged for it). */
const chattr: Extractor = (inv) => {
  const { adds, clears, unknownMode, recursive, targets } = chattrArgs(inv.argv);
  return adds || clears || unknownMode ? all('write', targets, recursive) : [];
};

/** Copy-like: the last operand (or -t dir) is written. */
const copyLike = (valueOpts: readonly string[]): Extractor => (inv) => {
  const ops = operands(inv.argv, [...valueOpts, '-t', '--target-directory']);
  const t = targetDirectory(inv.argv);
  if (t) return intoDirectory(t, ops, false);
  if (ops.length < 2) return [];
  return destination(ops[ops.length - 1] as Arg, ops.slice(0, -1), targetIsFile(inv.argv));
};

/**
 * `ln [-s] target link`: the link is created (a new protected file pointing anywhere is a write), and with -f an
 * existing file is replaced. `ln -s target` alone creates `./<name of target>`.
 */
const ln: Extractor = (inv) => {
  const ops = operands(inv.argv, ['-S', '--suffix', '-t', '--target-directory']);
  const t = targetDirectory(inv.argv);
  if (t) return intoDirectory(t, ops, false);
  if (ops.length === 1) return intoDirectory({ value: '.', dynamic: false, glob: false }, ops, false);
  return copyLike(['-S', '--suffix'])(inv);
};

const RSYNC_VALUE_OPTS = ['-e', '--rsh', '--exclude', '--include', '--filter', '-f', '--exclude-from', '--include-from', '--files-from', '--rsync-path', '--chmod', '--chown', '--log-file', '--backup-dir', '--suffix', '--temp-dir', '-T', '--port', '--password-file', '--timeout', '--bwlimit', '--max-size', '--min-size', '--partial-dir', '--compare-dest', '--copy-dest', '--link-dest'];
const SCP_VALUE_OPTS = ['-c', '-D', '-F', '-i', '-J', '-l', '-o', '-P', '-S', '-X'];

/** The sources and destination (last) of an rsync or scp invocation. */
export function transferOperands(inv: Invocation): Arg[] {
  return operands(inv.argv, inv.program === 'scp' ? SCP_VALUE_OPTS : RSYNC_VALUE_OPTS);
}

/** rsync: the destination is written; with --delete, files there that are not in the source are deleted. */
const rsync: Extractor = (inv) => {
  const ops = transferOperands(inv);
  const dest = ops[ops.length - 1];
  if (ops.length < 2 || !dest || remoteOperand(dest.value) !== undefined) return [];
  const deletes = inv.args.some((a) => a.startsWith('--delete'));
  const out: FileEffect[] = deletes ? [{ op: 'delete', target: dest, recursive: true }] : [{ op: 'write', target: dest, recursive: false }];
  // `--remove-source-files` deletes what it sent: every file under the sources
  if (inv.args.includes('--remove-source-files')) for (const src of ops.slice(0, -1)) if (remoteOperand(src.value) === undefined) out.push({ op: 'delete', target: src, recursive: true });
  return out;
};

const tee: Extractor = (inv) => all('write', operands(inv.argv), false);
const touchLike: Extractor = (inv) => all('write', operands(inv.argv, ['-d', '--date', '-r', '--reference', '-t', '-s', '--size', '-m', '--mode', '-o', '--owner', '-g', '--group']), false);

const dd: Extractor = (inv) => {
  const out: FileEffect[] = [];
  for (const a of inv.argv) if (a.value.startsWith('of=')) out.push({ op: 'write', target: { ...a, value: a.value.slice(3) }, recursive: false });
  return out;
};

/** `sed -i … files`: the script is the first operand unless given with -e/-f. */
const sed: Extractor = (inv) => {
  const inPlace = inv.args.some((a) => a === '-i' || a.startsWith('-i') && !a.startsWith('--') || a.startsWith('--in-place') || (/^-[a-zA-Z]*i/.test(a) && !a.startsWith('--')));
  // `sed -n 'w x.sh' in`, `sed 's/a/b/w out' in`: the script's own output files
  // (sed takes the name as it is: `w ~/x` is a folder named ~ here, not the home)
  if (!inPlace) return sedScriptWrites(inv.argv).map((f) => ({ op: 'write', target: { value: f.startsWith('~') ? './' + f : f, dynamic: false, glob: false }, recursive: false }));
  const ops = operands(inv.argv, ['-e', '--expression', '-f', '--file', '-l', '--line-length']);
  const scripted = inv.args.some((a) => a === '-e' || a === '-f' || a.startsWith('--expression') || a.startsWith('--file'));
  return all('write', scripted ? ops : ops.slice(1), false);
};

/** gawk's `-i inplace` (`-iinplace`, `--include=inplace`): the files after the program are rewritten in place. */
const awkInPlace: Extractor = (inv) => {
  const a = inv.args;
  const inPlace = a.some((x, i) => x === '-iinplace' || x === '--include=inplace' || (x === '-i' || x === '--include') && a[i + 1] === 'inplace');
  if (!inPlace) return [];
  const ops = operands(inv.argv, ['-i', '--include', '-f', '--file', '-v', '--assign', '-F', '--field-separator', '-e', '--source', '-l', '--load', '-E', '--exec', '-W']);
  const scripted = a.some((x) => x === '-f' || x === '-e' || x.startsWith('--file') || x.startsWith('--source') || x === '-E' || x === '--exec');
  return all('write', scripted ? ops : ops.slice(1), false);
};

/** `perl -pi -e '…' files`, `perl -i.bak -pe …`. */
const perl: Extractor = (inv) => {
  const inPlace = inv.args.some((a) => /^-[a-zA-Z]*i/.test(a) && !a.startsWith('--'));
  if (!inPlace) return [];
  const ops = operands(inv.argv, ['-e', '-E', '-M', '-I', '-m']);
  const scripted = inv.args.some((a) => /^-[a-zA-Z]*[eE]$/.test(a));
  return all('write', scripted ? ops : ops.slice(1), false);
};

const shred: Extractor = (inv) => all(hasFlag(inv.args, 'u', 'remove') ? 'delete' : 'write', operands(inv.argv, ['-n', '--iterations', '-s', '--size']), false);

/** `curl -o file`, `wget -O file`. */
const downloadTo = (names: readonly string[]): Extractor => (inv) => {
  const out: FileEffect[] = [];
  for (let i = 0; i < inv.argv.length; i++) {
    const v = inv.argv[i]?.value ?? '';
    for (const n of names) {
      if (v === n && inv.argv[i + 1]) out.push({ op: 'write', target: inv.argv[i + 1] as Arg, recursive: false });
      else if (n.startsWith('--') && v.startsWith(n + '=')) out.push({ op: 'write', target: { value: v.slice(n.length + 1), dynamic: false, glob: false }, recursive: false });
    }
  }
  return out.filter((e) => e.target.value !== '-');
};

/** git commands that overwrite or remove working-tree files. */
const git: Extractor = (inv) => {
  const args = inv.argv;
  const i = subcommandIndex(inv.args, GIT_GLOBAL_VALUE_OPTS);
  if (i < 0) return [];
  const sub = args[i]?.value;
  const rest = args.slice(i + 1);
  const restValues = rest.map((a) => a.value);
  switch (sub) {
    case 'checkout':
    case 'restore': {
      const dd = restValues.indexOf('--');
      const paths = dd >= 0 ? rest.slice(dd + 1) : sub === 'restore' ? operands(rest, ['-s', '--source']) : [];
      return all('write', paths, false);
    }
    case 'rm': {
      // `git rm --cached f` only unstages f: the file stays on disk (an option only counts before `--`)
      const dd = restValues.indexOf('--');
      if ((dd >= 0 ? rest.slice(0, dd) : rest).some((a) => a.value === '--cached' && !a.dynamic)) return [];
      return all('delete', operands(rest), hasShort(restValues, 'r'));
    }
    case 'worktree': {
      // `git worktree remove --force dir` deletes the directory with its uncommitted and untracked files
      if (restValues[0] !== 'remove' || !hasFlag(restValues, 'f', 'force')) return [];
      return all('delete', operands(rest.slice(1)), true);
    }
    case 'mv': {
      const ops = operands(rest);
      if (ops.length < 2) return [];
      return [...all('rename', ops.slice(0, -1), true), { op: 'write', target: ops[ops.length - 1] as Arg, recursive: false }];
    }
    case 'diff':
    case 'log':
    case 'show': {
      // `git show HEAD:f --output=x.sh` writes what it shows to x.sh
      const out = optionArg(rest, ['--output']);
      return out === undefined ? [] : [{ op: 'write', target: out, recursive: false }];
    }
    default:
      return [];
  }
};

/** ssh-keygen's options that take a value (so `-f` is found and `-C comment` is not taken for a mode). */
const SSH_KEYGEN_VALUE = new Set(['-a', '-b', '-C', '-D', '-E', '-F', '-f', '-G', '-g', '-I', '-J', '-j', '-K', '-m', '-N', '-n', '-O', '-P', '-r', '-R', '-s', '-t', '-V', '-w', '-Y', '-z', '-M', '-S', '-T']);
/** Modes that only read or print (`-l` fingerprint, `-y` public key, `-R`/`-F`/`-H` known_hosts, `-e`/`-i` convert, `-Y` sign/verify). */
const SSH_KEYGEN_OTHER_MODES = /[lyRFHeiBDQkLrYAsGTMK]/;

/** The key file `ssh-keygen` writes: `-f file` (and `file.pub`) when generating a key, `-f file` when changing its passphrase or comment. */
export function sshKeygenWrites(argv: readonly Arg[]): Arg[] {
  let file: Arg | undefined;
  let rewrites = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as Arg;
    const v = a.value;
    if (!v.startsWith('-') || v.length < 2) continue;
    const letters = v.slice(1);
    for (let j = 0; j < letters.length; j++) {
      const flag = '-' + (letters[j] ?? '');
      if (SSH_KEYGEN_VALUE.has(flag)) {
        const value: Arg | undefined = j + 1 < letters.length ? { ...a, value: letters.slice(j + 1) } : argv[++i];
        if (flag === '-f') file = value;
        // -R/-F/-s/-r/-Y/-G/-T/-M/-K are modes with a value: nothing is generated
        else if (SSH_KEYGEN_OTHER_MODES.test(flag.slice(1))) return [];
        break;
      }
      if (flag === '-p' || flag === '-c') rewrites = true;
      else if (SSH_KEYGEN_OTHER_MODES.test(flag.slice(1))) return [];
    }
  }
  if (file === undefined) return [];
  return rewrites ? [file] : [file, { ...file, value: file.value + '.pub' }];
}

/**
 * `tar -xf a.tar -C dir`, `tar xzf a.tgz --directory=dir`, `unzip -o a.zip -d dir`: extraction overwrites files in
 * dir. Without a directory the archive lands in the cwd, which the other rules judge like any write there.
 */
const tarExtract: Extractor = (inv) => {
  const first = inv.args[0] ?? '';
  const extracts = /^[a-zA-Z]*x/.test(first) && !first.startsWith('-') || inv.args.some((a) => a === '--extract' || a === '--get' || /^-[a-zA-Z]*x/.test(a) && !a.startsWith('--'));
  if (!extracts) return [];
  const dir = optionArg(inv.argv, ['-C', '--directory']);
  return dir === undefined ? [] : [{ op: 'write', target: dir, recursive: false }];
};

/** tar's short options that take a value (`-f a.tar`, `-C dir`, `-T list`, `-X excludes`…); in `czf a.tar` too. */
const TAR_SHORT_VALUE = 'fCTXbLgKNVIFH';
const TAR_LONG_VALUE = ['--file', '--directory', '--files-from', '--exclude-from', '--exclude', '--transform', '--xform', '--owner', '--group', '--mode', '--mtime', '--use-compress-program', '--listed-incremental', '--newer', '--after-date', '--newer-mtime', '--format', '--label', '--tape-length', '--blocking-factor', '--record-size', '--starting-file', '--to-command', '--checkpoint-action', '--info-script', '--new-volume-script', '--rsh-command', '--suffix', '--backup', '--strip-components'];

/** The file operands of a tar invocation (the archive, `-C` folders and option values skipped). */
function tarOperands(argv: readonly Arg[]): Arg[] {
  const out: Arg[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as Arg;
    const v = a.value;
    if (v === '--') {
      out.push(...argv.slice(i + 1));
      break;
    }
    // the first word may be an old-style cluster without a dash (`tar czf a.tgz src`)
    const cluster = v.startsWith('-') && !v.startsWith('--') ? v.slice(1) : i === 0 && !a.dynamic && /^[a-zA-Z]+$/.test(v) ? v : undefined;
    if (cluster !== undefined) {
      for (let j = 0; j < cluster.length; j++) {
        if (!TAR_SHORT_VALUE.includes(cluster[j] ?? '')) continue;
        // `-fa.tar` holds its value; `czf a.tgz` takes the next word
        if (j === cluster.length - 1 || i === 0 && !v.startsWith('-')) i++;
        if (!v.startsWith('-')) continue;
        break;
      }
      continue;
    }
    if (v.startsWith('--')) {
      if (!v.includes('=') && TAR_LONG_VALUE.includes(v)) i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/** `tar --remove-files -czf a.tgz src`: what it archives is deleted afterwards; extraction writes where it lands. */
const tar: Extractor = (inv) => {
  const extracted = tarExtract(inv);
  if (!inv.args.includes('--remove-files')) return extracted;
  return [...extracted, ...all('delete', tarOperands(inv.argv), true)];
};

/** `patch file < x.diff`, `patch -o out file`: the file it patches (or its output) is rewritten. */
const patch: Extractor = (inv) => {
  const ops = operands(inv.argv, ['-i', '--input', '-o', '--output', '-d', '--directory', '-D', '--ifdef', '-F', '--fuzz', '-z', '--suffix', '-B', '--prefix', '-Y', '--basename-prefix', '-V', '--version-control', '-r', '--reject-file', '-p', '--strip', '--merge', '--quoting-style', '--reject-format', '-g', '--get']);
  const out = optionArg(inv.argv, ['-o', '--output']);
  const written = out !== undefined ? [out] : ops.slice(0, 1);
  return all('write', written.filter((a) => a.value !== '-'), false);
};

/** Options of vim/ex that take a value, so the files after them are found. */
const EDITOR_VALUE_OPTS = ['-c', '--cmd', '-S', '-u', '-U', '-i', '-T', '-w', '-W', '-t', '-q', '-r', '--remote', '--servername', '--startuptime', '--listen'];

/**
 * `ex -sc '%d|x' f`, `vim -es -c 'wq' f`, `vim +'%d' +wq f`, `nvim --headless -c … f`: an editor run from a
 * script edits its files without anyone looking (an editor opened on a terminal is a person's session).
 */
const scriptedEditor: Extractor = (inv) => {
  const args = inv.args;
  const scripted = inv.program === 'ex' || args.some((a) => a === '-c' || a === '--cmd' || a.startsWith('+') && a.length > 1 || /^-[a-zA-Z]*[eE]s?$/.test(a) || a === '--headless' || a === '-s' && inv.program === 'ex');
  if (!scripted) return [];
  const files = operands(inv.argv, inv.program === 'ex' || args.some((a) => /^-[a-zA-Z]*[eE]/.test(a)) ? EDITOR_VALUE_OPTS : [...EDITOR_VALUE_OPTS, '-s']).filter((a) => !a.value.startsWith('+'));
  return all('write', files, false);
};

const unzip: Extractor = (inv) => {
  const dir = optionArg(inv.argv, ['-d']);
  if (dir === undefined || inv.args.some((a) => /^-[a-zA-Z]*[lvtzZ]/.test(a))) return [];
  return [{ op: 'write', target: dir, recursive: false }];
};

/** The value of the last of `names` (`-C dir`, `-Cdir`, `--directory=dir`). */
function optionArg(argv: readonly Arg[], names: readonly string[]): Arg | undefined {
  let out: Arg | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as Arg;
    for (const n of names) {
      if (a.value === n) out = argv[i + 1];
      else if (n.startsWith('--') && a.value.startsWith(n + '=')) out = { ...a, value: a.value.slice(n.length + 1) };
      else if (!n.startsWith('--') && a.value.startsWith(n) && a.value.length > n.length) out = { ...a, value: a.value.slice(n.length) };
    }
  }
  return out;
}

/** `gio trash x` (a whole tree, into the trash) and `gio remove x` (`gio rm`). */
const gio: Extractor = (inv) => {
  const [sub, ...rest] = inv.argv;
  if (sub?.value === 'trash') return all('delete', operands(rest), true);
  if (sub?.value === 'remove' || sub?.value === 'rm') return all('delete', operands(rest), false);
  return [];
};

/** PowerShell's `Remove-Item [-Path] x -Recurse -Force` (and its `ri`/`rd` aliases, as `pwsh -c` text). */
const removeItem: Extractor = (inv) => all('delete', operands(inv.argv, ['-Include', '-Exclude', '-Filter', '-Stream', '-Credential']), inv.args.some((a) => /^-r(?:ecurse)?$/i.test(a)));

/** `sort -o out`, `sort -uo out`, `sort --output=out`: the output file (the options with a value stop a cluster). */
const sortOutput: Extractor = (inv) => {
  let out: Arg | undefined;
  for (let i = 0; i < inv.argv.length; i++) {
    const a = inv.argv[i] as Arg;
    const v = a.value;
    if (v === '--') break;
    if (v === '--output') out = inv.argv[++i];
    else if (v.startsWith('--output=')) out = { ...a, value: v.slice('--output='.length) };
    else if (v.length > 1 && v[0] === '-' && v[1] !== '-') {
      for (let j = 1; j < v.length; j++) {
        const c = v[j] as string;
        if (!'okStT'.includes(c)) continue;
        const value = j + 1 < v.length ? { ...a, value: v.slice(j + 1) } : inv.argv[++i];
        if (c === 'o') out = value;
        break;
      }
    }
  }
  return out === undefined ? [] : [{ op: 'write', target: out, recursive: false }];
};

/** `uniq in out`, `xxd in out`, `xxd -r in out`: the second operand is written. */
const secondOperand = (valueOpts: readonly string[]): Extractor => (inv) => {
  const out = operands(inv.argv, valueOpts)[1];
  return out === undefined ? [] : [{ op: 'write', target: out, recursive: false }];
};

/** `yq -i '.a = 1' f.yaml` (and `yq e -i …`): the files after the expression are rewritten in place. */
const yq: Extractor = (inv) => {
  if (!inv.args.some((a) => /^-[a-zA-Z]*i/.test(a) && !a.startsWith('--') || a.startsWith('--inplace'))) return [];
  let ops = operands(inv.argv, ['-o', '--output-format', '-p', '--input-format', '-I', '--indent', '--expression', '--from-file', '--front-matter', '--split-exp']);
  if (['e', 'eval', 'ea', 'eval-all'].includes(ops[0]?.value ?? '')) ops = ops.slice(1);
  const explicit = inv.args.some((a) => a === '--expression' || a.startsWith('--expression=') || a === '--from-file' || a.startsWith('--from-file='));
  return all('write', explicit || ops.length < 2 ? ops : ops.slice(1), false);
};

/** `tree -o out`. */
const treeOutput: Extractor = (inv) => {
  const out = optionArg(inv.argv, ['-o']);
  return out === undefined ? [] : [{ op: 'write', target: out, recursive: false }];
};

const EXTRACTORS: ReadonlyMap<string, Extractor> = new Map<string, Extractor>([
  ['Remove-Item', removeItem],
  ['remove-item', removeItem],
  ['rm', rm],
  ['unlink', (inv) => all('delete', operands(inv.argv), false)],
  ['rmdir', (inv) => all('delete', operands(inv.argv), false)],
  ['rimraf', (inv) => all('delete', operands(inv.argv), true)],
  ['del', (inv) => all('delete', operands(inv.argv), true)],
  ['del-cli', (inv) => all('delete', operands(inv.argv), true)],
  ['trash', (inv) => all('delete', operands(inv.argv), true)],
  ['trash-put', (inv) => all('delete', operands(inv.argv), true)],
  ['trash-cli', (inv) => all('delete', operands(inv.argv), true)],
  ['gio', gio],
  ['tar', tar],
  ['gtar', tar],
  ['bsdtar', tar],
  ['patch', patch],
  ['ex', scriptedEditor],
  ['vim', scriptedEditor],
  ['vi', scriptedEditor],
  ['nvim', scriptedEditor],
  ['fallocate', (inv) => all('write', operands(inv.argv, ['-l', '--length', '-o', '--offset']), false)],
  ['unzip', unzip],
  ['srm', rm],
  ['shred', shred],
  ['mv', mv],
  ['cp', copyLike(['-S', '--suffix', '--reflink', '--backup'])],
  ['install', copyLike(['-m', '--mode', '-o', '--owner', '-g', '--group', '-S', '--suffix'])],
  ['ln', ln],
  ['rsync', rsync],
  ['tee', tee],
  ['touch', touchLike],
  ['truncate', touchLike],
  ['mkdir', touchLike],
  ['dd', dd],
  ['sed', sed],
  ['gsed', sed],
  ['perl', perl],
  ['awk', awkInPlace],
  ['gawk', awkInPlace],
  ['sudoedit', tee],
  ['curl', downloadTo(['-o', '--output'])],
  ['wget', downloadTo(['-O', '--output-document'])],
  ['git', git],
  ['ssh-keygen', (inv) => all('write', sshKeygenWrites(inv.argv), false)],
  ['chattr', chattr],
  ['scp', scp],
  ['sort', sortOutput],
  ['uniq', secondOperand(['-f', '-s', '-w', '--skip-fields', '--skip-chars', '--check-chars'])],
  ['xxd', secondOperand(['-c', '-cols', '-g', '-groupsize', '-l', '-len', '-o', '-offset', '-s', '-seek', '-n', '-name'])],
  ['yq', yq],
  ['tree', treeOutput],
]);

export const EFFECT_PROGRAMS: readonly string[] = [...EXTRACTORS.keys()];

const NONE: readonly FileEffect[] = Object.freeze([]);

/**
 * An invocation's effects, worked out once: the walker, the filesystem rules and the protected-path check all
 * ask for the same invocation's. Invocations are never changed after the walker makes them, and the cache is
 * keyed by the object, so it holds nothing once a check's invocations are gone.
 */
const computed = new WeakMap<Invocation, readonly FileEffect[]>();

export function fileEffects(inv: Invocation): readonly FileEffect[] {
  const x = EXTRACTORS.get(inv.program);
  if (x === undefined) return NONE;
  let out = computed.get(inv);
  if (out === undefined) {
    const found = x(inv);
    out = inv.mounts === undefined ? found : throughMounts(found, inv.mounts, inv.cwd);
    computed.set(inv, out);
  }
  return out;
}

/** In a new container only what goes through a writable bind mount touches this machine, at its host path. */
function throughMounts(effects: readonly FileEffect[], mounts: readonly ContainerMount[], cwd: string | undefined): FileEffect[] {
  const out: FileEffect[] = [];
  for (const e of effects) {
    const target = hostPath(e.target, mounts, cwd);
    if (target !== undefined) out.push({ ...e, target });
  }
  return out;
}

