/**
 * The decision: request + policy → verdict. Parse and walk the command, run the rule packs on every program it
 * would start, check every file it would touch against the protected paths, apply the team's rules and
 * exceptions, raise production targets, and combine with "strictest wins".
 */
import type { CheckCommandOptions, CheckEditOptions, ReadFile } from './api';
import type { Arg, ContainerMount, Invocation } from './invocation';
import type { EditOp, Policy, ProtectedPath } from './policy/types';
import type { RuleContext } from './rules/context';
import type { CommandRule, RuleHit } from './rules/rule';
import type { RuleIndex } from './rules/registry';
import { fileEffects, type FileEffect } from './effects';
import { isWithin, normalize, relative, resolve } from './paths/posix';
import { deviceEditReason } from './deviceEdits';
import { resolvePath } from './paths/resolve';
import { walledOff } from './paths/containerMounts';
import { deletedDirectoryTakes, directorySegments } from './paths/globCover';
import { judgeAgentSettings } from './agentSettings';
import { isReadOnly } from './readOnly';
import { filesystemPack, judgeEffect } from './rules/packs/filesystem';
import { walkCommand, type NewContainer, type WalkOptions, type WalkResult } from './unwrap/walk';
import { raiseRisk, verdictFromReasons, type Reason, type Verdict } from './verdict';

export interface Engine {
  readonly policy: Policy;
  readonly index: RuleIndex;
  readonly home: string | undefined;
  /** For each protected path, the directory its glob lives under (`.github/workflows`), '' when anywhere. */
  readonly protectedDirs: readonly string[];
  /** For each protected path, the fixed leading directories of an any-depth glob (`anyDepthDirs`), else none. */
  readonly protectedAnyDepthDirs: readonly (readonly string[])[];
}

const MAX_NESTED_CHECKS = 4;

export function staticPrefix(glob: string): string {
  const first = glob.search(/[*?[{]/);
  const head = first < 0 ? glob : glob.slice(0, first);
  const slash = head.lastIndexOf('/');
  return first < 0 ? glob : slash < 0 ? '' : head.slice(0, slash);
}

const LOAD_FAILED = 'policy.load-failed';

function loadFailedReason(policy: Policy, command: string): Reason {
  return {
    rule: LOAD_FAILED,
    message: `The Agent Guard policy could not be loaded (${policy.loadError ?? 'unknown error'}); until it is fixed every change needs a person's confirmation.`,
    command,
    decision: 'confirm',
    risk: 'medium',
  };
}

function ruleReason(rule: CommandRule, hit: true | RuleHit, inv: Invocation, multiLine: boolean): Reason {
  const h: RuleHit = hit === true ? {} : hit;
  const base: Reason = {
    rule: rule.id,
    message: h.message ?? rule.message,
    command: inv.text,
    decision: h.decision ?? rule.decision,
    risk: h.risk ?? rule.risk,
  };
  return withExtras(base, h.target, multiLine ? inv.line : undefined);
}

function withExtras(r: Reason, target: string | undefined, line: number | undefined): Reason {
  let out = r;
  if (target !== undefined) out = { ...out, target };
  if (line !== undefined) out = { ...out, line };
  return out;
}

function protectedReason(p: ProtectedPath, shown: string, command: string, op: EditOp): Reason {
  const src = p.source.layer === 'builtin' ? '' : ` (${p.source.file ?? p.source.layer + ' policy'}${p.source.line !== undefined ? ':' + String(p.source.line) : ''})`;
  return {
    rule: p.id,
    message: `${op === 'delete' ? 'Deleting' : op === 'rename' ? 'Renaming' : 'Writing'} ${shown}: ${p.message}${src}`,
    command,
    decision: p.decision,
    risk: p.risk,
  };
}

/** Protected paths hit by one effect: the path itself, or — for a recursive delete — anything below it. */
function protectedHits(engine: Engine, op: EditOp, abs: string, rel: string | undefined, recursive: boolean): ProtectedPath[] {
  const out: ProtectedPath[] = [];
  const list = engine.policy.protectedPaths;
  let deletedSegs: readonly string[] | undefined; // split once per effect, only when a glob needs it
  for (let i = 0; i < list.length; i++) {
    const p = list[i] as ProtectedPath;
    if (!p.ops.includes(op)) continue;
    if (p.matches(rel, abs)) {
      out.push(p);
      continue;
    }
    // a recursive delete of a folder takes the protected paths below it too (deleting the whole workspace or
    // more is already a critical filesystem finding)
    if (recursive && rel !== undefined && rel !== '') {
      const dir = engine.protectedDirs[i] ?? '';
      if (dir !== '' && (dir === rel || isWithin('/' + dir, '/' + rel))) {
        out.push(p);
        continue;
      }
    }
    // `rm -rf .vscode` / `rm -r ~/.codex` take the any-depth protected files inside them
    if (!recursive || (p.perUser === true && rel !== undefined)) continue;
    const anyDepth = engine.protectedAnyDepthDirs[i] ?? [];
    if (anyDepth.length > 0 && deletedDirectoryTakes(anyDepth, (deletedSegs ??= directorySegments(rel ?? abs)))) out.push(p);
  }
  return out;
}

class Evaluation {
  readonly reasons: Reason[] = [];
  readonly ctx: RuleContext;
  private readonly home: string | undefined;
  private nested = 0;
  private written: ReadonlyMap<string, string | undefined> | undefined;

  constructor(
    private readonly engine: Engine,
    readonly root: string,
    private readonly opts: CheckCommandOptions,
    private readonly multiLine: boolean,
  ) {
    const home = engine.home ?? opts.env?.['HOME'];
    this.home = home;
    this.ctx = {
      root,
      home: home ?? '',
      resolvePath: (path, cwd) => resolvePath(path, cwd, root, home),
      // what this same command line wrote before reading it wins over what is on disk now
      readFile: (abs) => this.readFile(abs) ?? undefined,
      checkNestedShell: (text, cwd, mounts) => this.checkNested(text, cwd, mounts),
    };
  }

  /** What this same command line wrote before reading it wins over what is on disk now. */
  private readFile(abs: string): string | undefined | null {
    if (this.written?.has(abs) === true) return this.written.get(abs);
    return this.opts.readFile ? safeRead(this.opts.readFile, abs) : undefined;
  }

  run(command: string, cwd: string, container?: NewContainer): void {
    const opts: WalkOptions = {
      cwd,
      root: this.root,
      home: this.home,
      env: this.opts.env ?? {},
      readFile: this.opts.readFile ? (abs) => this.readFile(abs) : undefined,
    };
    const walk = walkCommand(command, container === undefined ? opts : { ...opts, container });
    this.written = walk.written;
    this.judgeWalk(walk);
  }

  private judgeWalk(walk: WalkResult): void {
    this.reasons.push(...walk.reasons);
    for (const inv of walk.invocations) this.judgeInvocation(inv);
    for (const w of walk.writes) {
      const effect: FileEffect = { op: 'write', target: w.target, recursive: false };
      const found = this.judgeTarget(effect, w.cwd, w.command);
      const line = this.multiLine || w.file !== undefined ? w.line : undefined;
      for (const r of found) this.reasons.push(at(r, line, w.file));
      if (this.engine.policy.loadError !== undefined) this.reasons.push(loadFailedReason(this.engine.policy, w.command));
    }
  }

  private judgeInvocation(inv: Invocation): void {
    const engine = this.engine;
    const found: Reason[] = [];
    for (const rule of engine.index.rulesFor(inv.program)) this.tryRule(rule, inv, found);
    for (const rule of engine.index.anyProgram) this.tryRule(rule, inv, found);
    for (const effect of fileEffects(inv)) {
      for (const r of this.protectedOnly(effect, inv.cwd, inv.text)) found.push(r);
    }
    const policy = engine.policy;
    for (const team of policy.commandRules) {
      if (team.matches(inv)) found.push({ rule: team.id, message: team.message, command: inv.text, decision: team.decision, risk: team.risk });
    }
    let kept = found;
    if (policy.allowRules.length > 0 && policy.allowRules.some((a) => a.matches(inv))) {
      // a team exception never overrides a critical or a deny finding
      kept = found.filter((r) => r.risk === 'critical' || r.decision === 'deny');
    }
    if (kept.some((r) => r.decision !== 'allow')) {
      const target = policy.production.target(inv);
      if (target !== undefined) {
        kept = kept.map((r) => ({
          ...r,
          risk: raiseRisk(r.risk),
          target,
          message: `${r.message} The target is production (${target}).`,
        }));
      }
    }
    if (inv.remote !== undefined) kept = kept.map((r) => ({ ...r, message: `${r.message} (This runs ${inv.remote}.)` }));
    if (policy.loadError !== undefined && !isReadOnly(inv)) kept.push(loadFailedReason(policy, inv.text));
    const line = this.multiLine || inv.file !== undefined ? inv.line : undefined;
    for (const r of kept) this.reasons.push(r.line === undefined ? at(r, line, inv.file) : r);
  }

  private tryRule(rule: CommandRule, inv: Invocation, out: Reason[]): void {
    // a new container cannot reach this machine's processes, disks or accounts (its bind mounts are path effects)
    if (rule.scope === 'machine' && inv.mounts !== undefined && walledOff(inv.mounts)) return;
    const hit = rule.match(inv, this.ctx);
    if (hit) out.push(ruleReason(rule, hit, inv, false));
  }

  /** Protected-path findings of one effect (the fs rules already judged the path itself). */
  private protectedOnly(effect: FileEffect, cwd: string | undefined, command: string): Reason[] {
    const p = this.ctx.resolvePath(effect.target, cwd);
    const recursive = effect.recursive || effect.op === 'rename';
    const out = protectedHits(this.engine, effect.op, p.abs, p.relative, recursive).map((h) => protectedReason(h, effect.target.value, command, effect.op));
    // `echo x > notes` where notes is a symbolic link to .git/config writes .git/config (the adapter looks)
    const real = this.opts.realPath !== undefined && !p.dynamic && !p.glob ? realLocation(this.opts.realPath, p.abs, effect.op) : undefined;
    if (real === undefined || real === p.abs) return out;
    const rel = isWithin(real, this.root) ? relative(this.root, real) : undefined;
    for (const h of protectedHits(this.engine, effect.op, real, rel, recursive)) {
      if (!out.some((r) => r.rule === h.id)) out.push(protectedReason(h, `${effect.target.value} (a symbolic link to ${real})`, command, effect.op));
    }
    return out;
  }

  /** Path findings and protected paths for an effect that is not a program's (redirects, edits). */
  judgeTarget(effect: FileEffect, cwd: string | undefined, command: string): Reason[] {
    const out: Reason[] = [];
    const p = this.ctx.resolvePath(effect.target, cwd);
    const f = judgeEffect(effect, p, this.ctx);
    if (f) {
      const level = FS_LEVELS[f.id] ?? { decision: 'confirm', risk: 'medium' };
      out.push({
        rule: f.id,
        message: f.hit.message ?? f.id,
        command,
        decision: f.hit.decision ?? level.decision,
        risk: f.hit.risk ?? level.risk,
        ...(f.hit.target !== undefined ? { target: f.hit.target } : {}),
      });
    }
    out.push(...this.protectedOnly(effect, cwd, command));
    return out;
  }

  private checkNested(text: string, cwd: string | undefined, mounts: readonly ContainerMount[] | undefined): { rule: string; decision: Reason['decision']; risk: Reason['risk']; message: string }[] {
    if (this.nested >= MAX_NESTED_CHECKS) return [{ rule: 'shell.limit-exceeded', decision: 'confirm', risk: 'medium', message: 'Code nested too deeply to check.' }];
    this.nested++;
    const sub = new Evaluation(this.engine, this.root, this.opts, false);
    sub.nested = this.nested;
    // in a new container the text is walked there: through its bind mounts, in its working directory
    if (mounts !== undefined) sub.run(text, this.root, { cwd, mounts });
    else sub.run(text, cwd ?? this.root);
    this.nested--;
    return verdictFromReasons(sub.reasons).reasons.map((r) => ({ rule: r.rule, decision: r.decision, risk: r.risk, message: r.message }));
  }
}

const FS_LEVELS = Object.fromEntries(filesystemPack.rules.map((r) => [r.id, { decision: r.decision, risk: r.risk }])) as Partial<Record<string, { decision: Reason['decision']; risk: Reason['risk'] }>>;

/** A reason located at a line (of the checked text, or of the script file a command came from). */
function at(r: Reason, line: number | undefined, file: string | undefined): Reason {
  if (line === undefined || r.line !== undefined) return r;
  return file === undefined || r.file !== undefined ? { ...r, line } : { ...r, line, file };
}

/** Where an effect lands through links: a write follows them all; a delete or rename removes the last name itself. */
function realLocation(realPath: (abs: string) => string | undefined, abs: string, op: EditOp): string | undefined {
  try {
    if (op === 'write') return realPath(abs);
    const slash = abs.lastIndexOf('/');
    if (slash <= 0) return undefined;
    const parent = realPath(abs.slice(0, slash));
    return parent === undefined ? undefined : `${parent}/${abs.slice(slash + 1)}`;
  } catch {
    return undefined;
  }
}

function safeRead(read: ReadFile, abs: string): string | undefined | null {
  try {
    return read(abs);
  } catch {
    return undefined;
  }
}

function invalid(message: string, command: string): Verdict {
  return verdictFromReasons([{ rule: 'request.invalid', message, command, decision: 'confirm', risk: 'medium' }]);
}

function absoluteDir(dir: unknown): string | undefined {
  return typeof dir === 'string' && dir.startsWith('/') ? normalize(dir) : undefined;
}

export function evaluateCommand(engine: Engine, command: string, opts: CheckCommandOptions): Verdict {
  if (typeof command !== 'string') return invalid('The command is not text.', String(command));
  const cwd = absoluteDir(opts?.cwd);
  if (cwd === undefined) return invalid('The working directory must be an absolute path.', command);
  const root = opts.root === undefined ? cwd : absoluteDir(opts.root);
  if (root === undefined) return invalid('The workspace root must be an absolute path.', command);
  if (command.trim() === '') return verdictFromReasons([]);
  const ev = new Evaluation(engine, root, opts, command.includes('\n'));
  ev.run(command, cwd);
  return verdictFromReasons(ev.reasons);
}

export function evaluateEdit(engine: Engine, path: string, op: EditOp, opts: CheckEditOptions): Verdict {
  const shown = `${op} ${String(path)}`;
  if (typeof path !== 'string' || path === '') return invalid('The file path is empty.', shown);
  if (op !== 'write' && op !== 'delete' && op !== 'rename') return invalid(`Unknown edit operation ${String(op)}.`, shown);
  const root = absoluteDir(opts?.root);
  if (root === undefined) return invalid('The workspace root must be an absolute path.', shown);
  const ev = new Evaluation(engine, root, { cwd: root, root }, false);
  const target: Arg = { value: path, dynamic: false, glob: false };
  // a delete tool given a folder removes what is in it (protected files below it count, as for `rm -r`)
  const reasons = ev.judgeTarget({ op, target, recursive: op === 'delete' }, root, shown);
  const device = deviceEditReason(resolve(root, path), op, shown);
  // first: it shares its rule id with the general outside-the-workspace finding, and the stricter one must be kept
  if (device !== undefined) reasons.unshift(device);
  if (op === 'write' && typeof opts.content === 'string') reasons.push(...judgeAgentSettings(path, opts.content, shown));
  if (engine.policy.loadError !== undefined) reasons.push(loadFailedReason(engine.policy, shown));
  return verdictFromReasons(reasons);
}

