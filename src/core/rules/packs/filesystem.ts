/**
 * Filesystem rules: deleting, moving over or writing to paths that matter. Built on the file-effect table
 * (effects.ts) and path resolution, so every spelling (`rm`, `find -delete`, `rsync --delete`, `mv`, redirects,
 * `tee`, `sed -i` …) is judged the same way. Protected paths (policy) are checked by the evaluator with the same
 * effects.
 */
import { EFFECT_PROGRAMS, fileEffects, transferOperands, type FileEffect } from '../../effects';
import { remoteOperand } from '../../paths/remoteOperand';
import { isHarmlessDevice, isInTempArea, isTempPath, isUserCachePath } from '../../paths/resolve';
import { isWithin } from '../../paths/posix';
import type { Arg, Invocation } from '../../invocation';
import type { RuleContext, ResolvedPath } from '../context';
import type { CommandRule, RuleHit, RulePack } from '../rule';
import { hasFlag, positionals } from '../args';

export type PathRuleId =
  | 'fs.delete-system'
  | 'fs.delete-home'
  | 'fs.delete-workspace-root'
  | 'fs.delete-unknown-path'
  | 'fs.delete-outside-workspace'
  | 'fs.write-outside-workspace';

export interface PathFinding {
  readonly id: PathRuleId;
  readonly hit: RuleHit;
}

/** The workspace as a message names it; `/` is none (see resolvePath). */
function workspaceOf(root: string): string {
  return root === '/' ? 'there is none: the command runs from /, which is not a project folder' : root;
}

function describe(op: FileEffect['op']): string {
  return op === 'delete' ? 'Deleting' : op === 'rename' ? 'Moving' : 'Writing';
}

/**
 * Judge one effect on one path. `op` rename is judged like a delete of the source (it disappears from there).
 * Returns the most severe finding, or undefined when the effect is ordinary.
 */
export function judgeEffect(effect: FileEffect, p: ResolvedPath, ctx: RuleContext): PathFinding | undefined {
  const removes = effect.op === 'delete' || effect.op === 'rename';
  const shown = effect.target.value || '(empty)';
  // a word that is entirely unknown names no particular place (see resolvePath)
  const unknown = p.dynamic && effect.target.value === '';
  if (removes) {
    // deleting anything that contains the home directory or the workspace root
    if (p.isHome || (!p.glob && !unknown && ctx.home !== '' && isWithin(ctx.home, p.abs) && p.abs !== '/')) {
      return { id: 'fs.delete-home', hit: { message: `${describe(effect.op)} ${shown} removes the home directory (${ctx.home}) — every project, key and setting in it.`, target: p.abs } };
    }
    if (p.isSystem) {
      return { id: 'fs.delete-system', hit: { message: `${describe(effect.op)} ${shown} (${p.abs}) destroys the operating system or its data; this is never what a coding task needs.`, target: p.abs } };
    }
    if (p.isWorkspaceRoot || (!p.glob && !unknown && isWithin(ctx.root, p.abs))) {
      return { id: 'fs.delete-workspace-root', hit: { message: `${describe(effect.op)} ${shown} removes the whole workspace (${ctx.root}), including uncommitted work.`, target: p.abs } };
    }
    if (p.dynamic && effect.recursive) {
      return { id: 'fs.delete-unknown-path', hit: { message: `${describe(effect.op)} ${shown || 'a path'} recursively, but part of the path is only known when the command runs (an unset variable or a command's output), so it could be anything.` } };
    }
    if (!unknown && !p.insideWorkspace && !isTempPath(p.abs) && !isHarmlessDevice(p.abs) && !(effect.op === 'delete' && isUserCachePath(p.abs, ctx.home))) {
      return { id: 'fs.delete-outside-workspace', hit: { message: `${describe(effect.op)} ${p.abs} touches files outside the workspace (${workspaceOf(ctx.root)}).`, risk: effect.recursive ? 'high' : 'medium' } };
    }
    return undefined;
  }
  if (!unknown && !p.insideWorkspace && !p.isWorkspaceRoot && !isInTempArea(p.abs) && !p.abs.startsWith('/dev/') && !p.abs.startsWith('/proc/')) {
    return { id: 'fs.write-outside-workspace', hit: { message: `Writing ${p.abs} changes a file outside the workspace (${workspaceOf(ctx.root)}).` } };
  }
  return undefined;
}

/** Every path finding of an invocation (memo-free: effects are cheap to recompute). */
export function pathFindings(inv: Invocation, ctx: RuleContext): PathFinding[] {
  const out: PathFinding[] = [];
  for (const e of fileEffects(inv)) {
    const p = ctx.resolvePath(e.target, inv.cwd);
    const f = judgeEffect(e, p, ctx);
    if (f) out.push(f);
  }
  return out;
}

function pathRule(id: PathRuleId, rest: Omit<CommandRule, 'id' | 'programs' | 'match'>): CommandRule {
  return {
    id,
    programs: EFFECT_PROGRAMS,
    match: (inv, ctx) => pathFindings(inv, ctx).find((f) => f.id === id)?.hit,
    ...rest,
  };
}

/** The destination of `mv a b` / `mv -t dir a`: the last operand, or the -t directory. */
function moveDestination(inv: Invocation): string | undefined {
  const args = inv.args;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') break;
    if (a === '-t' || a === '--target-directory') return args[i + 1];
    if (a.startsWith('--target-directory=')) return a.slice(19);
  }
  const ops = positionals(args, ['-S', '--suffix']);
  return ops.length >= 2 ? ops[ops.length - 1] : undefined;
}

/** `mv x /dev/null`: not a delete — it replaces the device node (as root) with x, or fails. */
const moveOntoDevice: CommandRule = {
  id: 'fs.move-onto-device',
  programs: ['mv'],
  scope: 'machine',
  decision: 'confirm',
  risk: 'high',
  message: 'Moving files onto /dev/null (or another device) does not delete them: as root it replaces the device itself with them, and every program that writes to /dev/null then fills that file. Delete with `rm` instead.',
  match: (inv, ctx) => {
    const dest = moveDestination(inv);
    if (dest === undefined) return undefined;
    const p = ctx.resolvePath(dest, inv.cwd);
    if (!p.abs.startsWith('/dev/') || isTempPath(p.abs) || p.abs.startsWith('/dev/mqueue/')) return undefined;
    const message = `\`${inv.text}\` does not delete what it moves: ${inv.elevated ? 'with root rights it replaces' : 'it tries to replace'} the device ${p.abs} itself, so every program that writes there afterwards fills a file instead${inv.elevated ? ' and the system misbehaves until the device is recreated' : ''}. Delete with \`rm\` instead.`;
    return inv.elevated ? { decision: 'deny', risk: 'critical', message, target: p.abs } : { message, target: p.abs };
  },
  examples: {
    match: ['mv src /dev/null', 'mv ~/project /dev/null', 'sudo mv build.log /dev/null', 'mv -f old-data /dev/zero', 'mv -t /dev/null a b'],
    notMatch: ['mv a.ts b.ts', 'mv important /tmp/x', 'mv out.log /dev/shm/out.log', 'cat build.log > /dev/null', 'cp src/a.ts /dev/null'],
  },
};

/** The machine and path an rsync/scp invocation copies onto when that is another machine. */
function remoteDestination(inv: Invocation): { readonly host: string; readonly path: string | undefined; readonly dest: Arg; readonly sources: string } | undefined {
  const ops = transferOperands(inv);
  const dest = ops[ops.length - 1];
  if (ops.length < 2 || dest === undefined) return undefined;
  const r = remoteOperand(dest.value);
  return r && { ...r, dest, sources: ops.slice(0, -1).map((o) => o.value).join(' ') };
}

/** A remote path as this module's path checks see it: relative ones are in the remote home (`~`). */
function asHomePath(path: string): string {
  return path === '' || path === '.' || path === './' ? '~' : path.startsWith('/') || path === '~' || path.startsWith('~/') ? path : '~/' + path;
}

/** `~`, `~/`, `~/.`: the remote home directory itself. */
function isRemoteHome(path: string): boolean {
  return /^~\/*(?:\.\/*)?$/.test(path);
}

/** Directories on any machine whose files belong to the system (deployments go to /srv, /opt, /var/www: not these). */
const REMOTE_SYSTEM = ['/etc', '/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/boot', '/root', '/sys', '/proc', '/dev'];

function remoteSystemFile(path: string): boolean {
  return path === '/' || REMOTE_SYSTEM.some((d) => path === d || isWithin(path, d));
}

const remoteSyncDelete: CommandRule = {
  id: 'fs.remote-sync-delete',
  programs: ['rsync'],
  decision: 'confirm',
  risk: 'high',
  message: 'rsync --delete onto another machine deletes every file in the destination that is not in the source, there, with no undo. Run it with --dry-run first and check what it would delete.',
  match: (inv, ctx) => {
    if (!inv.args.some((a) => a.startsWith('--delete') || a === '--del') || hasFlag(inv.args, 'n', 'dry-run')) return undefined;
    const r = remoteDestination(inv);
    if (r === undefined) return undefined;
    const where = `${r.host}:${r.path ?? '(module)'}`;
    const exact = `\`${inv.text}\` makes ${where} an exact copy of ${r.sources}: every file there that is not in the source is deleted on ${r.host}`;
    if (r.path === undefined || r.dest.dynamic) return { message: `${exact}. Run it with --dry-run first and check what it would delete.` };
    const path = asHomePath(r.path);
    if (isRemoteHome(path)) return { decision: 'deny', risk: 'critical', message: `${exact} — the destination is the home directory there, so every project, key and setting in it that is not in the source is lost. Sync into a directory of its own.`, target: where };
    if (path.startsWith('/')) {
      const p = ctx.resolvePath(path, undefined);
      if (isTempPath(p.abs)) return undefined;
      if (p.isSystem) return { decision: 'deny', risk: 'critical', message: `${exact} — the destination is ${p.abs}, a system directory, so the system files there are lost. Sync into the application's own directory.`, target: where };
    }
    return { message: `${exact}, with no undo. Run it with --dry-run first and check what it would delete.` };
  },
  examples: {
    match: ['rsync -a --delete src/ host:/srv/app', 'rsync -avz --delete dist/ deploy@web1:/var/www/html/', 'rsync -a --delete-after build/ host:app/', 'rsync -a --delete empty/ host:', 'rsync -a --delete ./ user@host:~/', 'rsync -a --delete etc/ root@host:/etc', 'rsync -a --delete site/ rsync://mirror.example.com/www/'],
    notMatch: ['rsync -a src/ host:/srv/app', 'rsync -a --delete src/ /tmp/out', 'rsync -a --delete src/ host:/tmp/preview', 'rsync -a --delete host:/srv/app/ ./backup/', 'rsync -avz --exclude node_modules ./ user@dev-box:~/app/', 'rsync -avn --delete src/ host:/srv/app', 'rsync -a --delete dist/ public/'],
  },
};

const remoteOverwrite: CommandRule = {
  id: 'fs.remote-overwrite',
  programs: ['scp', 'rsync'],
  decision: 'confirm',
  risk: 'medium',
  message: 'This copies over system files or SSH settings (authorized_keys, config) on another machine. Change those there yourself.',
  match: (inv) => {
    const r = remoteDestination(inv);
    if (r?.path === undefined || r.dest.dynamic) return undefined;
    const path = asHomePath(r.path);
    const ssh = path === '~/.ssh' || path.startsWith('~/.ssh/');
    if (!ssh && !remoteSystemFile(path)) return undefined;
    const what = ssh ? 'its SSH settings (who may log in, how)' : path === '/' ? 'its whole file system' : `the system files in ${path}`;
    return { message: `\`${inv.text}\` copies ${r.sources} over ${what} on ${r.host}. A wrong file there can lock everyone out; change it there yourself.` };
  },
  examples: {
    match: ['scp id_rsa.pub host:~/.ssh/authorized_keys', 'scp hosts root@web1:/etc/hosts', 'rsync -a conf/ root@host:/etc/nginx/', 'scp config user@host:.ssh/config', 'scp -r bin host:/usr/local/bin'],
    notMatch: ['scp dist/app.tar.gz user@staging:/tmp/', 'scp dist/app.tar.gz host:/srv/app/', 'rsync -avz ./ user@dev-box:~/app/', 'scp host:/etc/hosts ./hosts.txt', 'scp build.zip deploy@web1:/var/www/releases/'],
  },
};

export const filesystemPack: RulePack = {
  name: 'fs',
  description: 'Deleting, moving or overwriting files outside the project, the project itself, the home directory or the system, here or (rsync --delete, scp) on another machine.',
  rules: [
    moveOntoDevice,
    remoteSyncDelete,
    remoteOverwrite,
    pathRule('fs.delete-system', {
      decision: 'deny',
      risk: 'critical',
      message: 'Deletes or moves `/` or a system directory; this destroys the machine and is never part of a coding task.',
      examples: {
        match: ['rm -rf /', 'rm -rf /*', 'sudo rm -rf --no-preserve-root /', 'rm -fr /usr', 'rm -r -f /etc', 'rm -Rf /var', 'rm --recursive --force /', "r''m -rf /", '"r"m -rf /', '\\rm -rf /', '/bin/rm -rf /', '/usr/bin/env rm -rf /', 'X=rm; $X -rf /', 'sudo env FOO=1 timeout 5 rm -rf /', "bash -c 'rm -rf /'", 'sh -lc "rm -rf /"', 'eval "rm -rf /"', 'echo / | xargs rm -rf', 'find / -delete', 'rm -rf "$DIR"/*', 'mv /etc /tmp/etc', 'cd / && rm -rf *', "alias x='rm -rf'; x /", 'f() { rm -rf "$1"; }; f /', 'for d in / ; do rm -rf $d; done', 'rm -rf /{bin,etc}', '{rm,-rf,/}'],
        notMatch: ['rm -rf node_modules', 'rm -rf ./dist', 'rm src/old.ts', 'ls /', 'echo "rm -rf /"', 'git commit -m "rm -rf / is bad"', 'rm -rf /tmp/build-cache'],
      },
    }),
    pathRule('fs.delete-home', {
      decision: 'deny',
      risk: 'critical',
      message: 'Deletes the home directory (or everything in it): every project, key and setting of the user.',
      examples: {
        match: ['rm -rf ~', 'rm -rf ~/', 'rm -rf $HOME', 'rm -rf "$HOME"/*', 'rm -rf ~/*', 'cd ~ && rm -rf *', 'cd && rm -rf .'],
        notMatch: ['rm -rf ~/.cache/pip/http', 'ls ~', 'rm -rf node_modules'],
      },
    }),
    pathRule('fs.delete-workspace-root', {
      decision: 'deny',
      risk: 'critical',
      message: 'Deletes the whole workspace (or a folder that contains it), including uncommitted work. Delete the specific build folders instead.',
      examples: {
        match: ['rm -rf .', 'rm -rf ./', 'rm -rf *', 'rm -rf ./*', 'cd .. && rm -rf ws', 'rm -rf ../ws', 'rm -rf ..', 'cd packages && rm -rf ../../ws', 'find . -delete', 'mv . ../ws-old'],
        notMatch: ['rm -rf node_modules dist build coverage', 'cd packages/api && rm -rf dist', 'rm -rf ./build/*', 'rm -f *.log', 'find . -name "*.pyc" -delete', 'find . -type d -name __pycache__ -exec rm -rf {} +'],
      },
    }),
    pathRule('fs.delete-unknown-path', {
      decision: 'confirm',
      risk: 'high',
      message: 'Recursively deletes a path that is only known when the command runs (an unset variable, a command\'s output), so it could be anything.',
      examples: {
        match: ['rm -rf "$BUILD_DIR"', 'rm -rf $(cat dirs.txt)', 'cat list.txt | xargs rm -rf', 'rm -rf "$(tool --print-dir)/../x"'],
        notMatch: ['BUILD_DIR=dist; rm -rf "$BUILD_DIR"', 'rm -rf dist', 'find . -name node_modules -type d | xargs rm -rf'],
      },
    }),
    pathRule('fs.delete-outside-workspace', {
      decision: 'confirm',
      risk: 'high',
      message: 'Deletes or moves files outside the workspace; agents should only change the project they work on.',
      examples: {
        match: ['rm -rf ../other-project', 'rm ~/.bashrc', 'rm -rf /opt/app/releases/1', 'cd .. && rm -rf other', 'mv ~/.ssh/config ~/.ssh/config.old', 'rsync -a --delete build/ ../deploy/', 'rm -rf ~/.cache', 'rm -rf ~/.cache/*', 'rm -rf ~/.cacheX/pip', 'mv ~/.cache/pip ~/pip-old'],
        notMatch: ['rm -rf /tmp/test-output', 'rm -rf node_modules', 'rm -f /dev/null', 'mv src/a.ts src/b.ts', 'rsync -a build/ /tmp/deploy/', 'rm -rf ~/.cache/pip', 'rm -rf ~/Library/Caches/ms-playwright', 'rm -rf ~/.npm/_cacache', 'rm -rf ~/.gradle/caches/modules-2'],
      },
    }),
    pathRule('fs.write-outside-workspace', {
      decision: 'confirm',
      risk: 'medium',
      message: 'Writes a file outside the workspace (shell start-up files, system configuration, other projects).',
      examples: {
        match: ['echo "export PATH=x" >> ~/.bashrc', 'cp .env ../other/.env', 'tee /etc/hosts < hosts', 'sed -i s/a/b/ ~/.gitconfig', 'touch ../outside.txt', 'curl -o ~/bin/tool https://example.com/tool', 'cp dist/tool ~/.local/bin/', 'cp -t /usr/local/bin dist/tool'],
        notMatch: ['echo hi > out.txt', 'npm test > /tmp/test.log 2>&1', 'cmd 2>/dev/null', 'cat <<EOF > src/config.ts\nexport const x = 1;\nEOF', 'mkdir -p build/out', 'cp src/a.ts src/b.ts', 'cp dist/app.js /tmp/', 'mv coverage/lcov.info /tmp'],
      },
    }),
  ],
};

