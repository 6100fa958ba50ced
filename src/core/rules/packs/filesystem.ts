/**
 * Filesystem rules: deleting, moving over or writing to paths that matter. Built on the file-effect table
 * (effects.ts) and path resolution, so every spelling (`rm`, `find -delete`, `rsync --delete`, `mv`, redirects,
 * `tee`, `sed -i` …) is judged the same way. Protected paths (policy) are checked by the evaluator with the same
 * effects.
 */
import { EFFECT_PROGRAMS, fileEffects, type FileEffect } from '../../effects';
import { isHarmlessDevice, isInTempArea, isTempPath, isUserCachePath } from '../../paths/resolve';
import { isWithin } from '../../paths/posix';
import type { Invocation } from '../../invocation';
import type { RuleContext, ResolvedPath } from '../context';
import type { CommandRule, RuleHit, RulePack } from '../rule';
import { positionals } from '../args';

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
      return { id: 'fs.delete-outside-workspace', hit: { message: `${describe(effect.op)} ${p.abs} touches files outside the workspace (${ctx.root}).`, risk: effect.recursive ? 'high' : 'medium' } };
    }
    return undefined;
  }
  if (!unknown && !p.insideWorkspace && !p.isWorkspaceRoot && !isInTempArea(p.abs) && !p.abs.startsWith('/dev/') && !p.abs.startsWith('/proc/')) {
    return { id: 'fs.write-outside-workspace', hit: { message: `Writing ${p.abs} changes a file outside the workspace (${ctx.root}).` } };
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

export const filesystemPack: RulePack = {
  name: 'fs',
  description: 'Deleting, moving or overwriting files outside the project, the project itself, the home directory or the system.',
  rules: [
    moveOntoDevice,
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

