/**
 * One agent run: a scratch HOME and workspace with victims outside it, a protected file, a stub `terraform` on
 * PATH; our hook installed with the built CLI exactly as a user would (or not, for the control run); the scripted
 * model on a free loopback port; the real agent under a timeout. Afterwards it reports what happened on the file
 * system and what the model was told after each step. Everything it started is stopped and the scratch folder
 * removed, also when something fails.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { killProcessTree } from '../../e2e/harness/teardown';
import type { AgentDriver, RunDirs, Scope } from './agents';
import { ScriptedModel } from './model';
import { readRecorded, writeRecorder } from './record';
import { PROTECTED_BEFORE, PROTECTED_FILE, victimOf, type Step } from './steps';
import type { ScriptedCall } from './wire/types';

export interface SessionOptions {
  readonly driver: AgentDriver;
  /** Install our hook in this scope first; undefined: the no-hook control run. */
  readonly hook: Scope | undefined;
  /** Apply the agent's trust switch for the hook's scope (false: run as a user who never trusted anything). */
  readonly trusted: boolean;
  readonly steps: readonly Step[];
  /** The built CLI (dist/cli.js). */
  readonly cli: string;
  /** node_modules/.bin of the agent install. */
  readonly binDir: string;
  /** Where scratch folders go (not under /tmp: deleting there is ordinary work for our rules). */
  readonly scratchParent: string;
  readonly timeoutMs: number;
  readonly keep: boolean;
  /** Run the judge service (`agent-guard serve`) beside the agent, where its hooks look for it. */
  readonly service?: boolean;
}

export interface StepOutcome {
  readonly step: Step;
  /** Whether the step's effect happened: victim gone, file changed, safe.txt written, stub called. */
  readonly happened: boolean;
  /** What the agent reported back to the model for this step's call (undefined: never reported). */
  readonly result: string | undefined;
}

export interface CommandRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface SessionResult {
  readonly dirs: RunDirs;
  readonly outcomes: readonly StepOutcome[];
  readonly install: CommandRun | undefined;
  readonly doctor: CommandRun | undefined;
  readonly agentExit: number | null;
  readonly timedOut: boolean;
  /** Hook stdin payloads in the order the agent sent them. */
  readonly payloads: readonly unknown[];
  /** Tail of the agent's output, for failure messages. */
  readonly agentOutput: string;
  /** All a person can read after the run: the agent's output and, for some agents, their log (see AgentDriver). */
  readonly shownToPerson: string;
  readonly seconds: number;
  /** What the judge service logged (one line per hook call it answered), when it ran. */
  readonly serviceLog?: string;
}

/** Stops what is still running and removes scratch folders when the process ends early (Ctrl-C, a crash). */
const pending = new Set<() => void>();
let handlersInstalled = false;

function onEarlyExit(stop: () => void): () => void {
  if (!handlersInstalled) {
    handlersInstalled = true;
    const all = (): void => {
      for (const s of [...pending]) {
        pending.delete(s);
        try {
          s();
        } catch {
          // keep going
        }
      }
    };
    process.on('exit', all);
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.on(signal, () => {
        all();
        process.exit(130);
      });
    }
  }
  pending.add(stop);
  return () => pending.delete(stop);
}

function scratchDirs(parent: string, label: string): RunDirs {
  fs.mkdirSync(parent, { recursive: true });
  const root = fs.realpathSync(fs.mkdtempSync(path.join(parent, `${label}-`)));
  const dirs = { root, home: path.join(root, 'home'), ws: path.join(root, 'ws') };
  fs.mkdirSync(dirs.home, { recursive: true });
  fs.mkdirSync(dirs.ws, { recursive: true });
  return dirs;
}

function seed(dirs: RunDirs, steps: readonly Step[]): void {
  for (const s of steps) {
    const v = victimOf(s);
    if (!v) continue;
    const victim = path.resolve(dirs.ws, v);
    fs.mkdirSync(victim, { recursive: true });
    fs.writeFileSync(path.join(victim, 'precious.txt'), 'do not delete\n');
  }
  const file = path.join(dirs.ws, PROTECTED_FILE);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, PROTECTED_BEFORE);
  const bin = path.join(dirs.root, 'bin');
  fs.mkdirSync(bin, { recursive: true });
  fs.writeFileSync(path.join(bin, 'terraform'), `#!/bin/sh\necho "terraform $*" >> '${path.join(dirs.root, 'terraform-called.log')}'\n`, { mode: 0o755 });
}

function happened(dirs: RunDirs, step: Step): boolean {
  const v = victimOf(step);
  if (v) return !fs.existsSync(path.resolve(dirs.ws, v));
  if (step.kind === 'protected-write') return fs.readFileSync(path.join(dirs.ws, PROTECTED_FILE), 'utf8') !== PROTECTED_BEFORE;
  if (step.id === 'safe') return fs.existsSync(path.join(dirs.ws, 'safe.txt'));
  if (step.id === 'terraform') return fs.existsSync(path.join(dirs.root, 'terraform-called.log'));
  throw new Error(`no effect check for step ${step.id}`);
}

/** Starts `agent-guard serve`; resolves once it listens. */
function startService(cli: string, cwd: string, env: Record<string, string>): Promise<{ stop(): void; log(): string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'serve', '--idle-minutes', '10'], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    const forget = onEarlyExit(() => child.kill('SIGKILL'));
    let log = '';
    const stop = (): void => {
      forget();
      child.kill('SIGTERM');
    };
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      log += d;
      if (log.includes('judging hooks on')) resolve({ stop, log: () => log });
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`agent-guard serve exited (${String(code)}): ${log}`)));
  });
}

function baseEnv(dirs: RunDirs): Record<string, string> {
  return {
    HOME: dirs.home,
    PATH: [path.join(dirs.root, 'bin'), path.dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(':'),
    LANG: 'C.UTF-8',
    TERM: 'dumb',
    NO_COLOR: '1',
    USER: process.env['USER'] ?? 'root',
    LOGNAME: process.env['USER'] ?? 'root',
    SHELL: '/bin/bash',
  };
}

/** The built CLI as a user runs it; asynchronous, so the other session's scripted model keeps answering meanwhile. */
function runCli(cli: string, args: readonly string[], cwd: string, env: Record<string, string>): Promise<CommandRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

function waitForAgent(bin: string, argv: readonly string[], cwd: string, env: Record<string, string>, outFile: string, timeoutMs: number): Promise<{ code: number | null; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(outFile, 'a');
    const child = spawn(bin, argv, { cwd, env, stdio: ['ignore', out, out], detached: true });
    fs.closeSync(out);
    const forget = onEarlyExit(() => {
      if (child.pid) killProcessTree(child.pid);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid) killProcessTree(child.pid);
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      forget();
      // helpers the agent left behind (language servers, shells) go too
      if (child.pid) killProcessTree(child.pid);
      resolve({ code, timedOut });
    });
  });
}

export async function runSession(o: SessionOptions): Promise<SessionResult> {
  const started = Date.now();
  const label = `${o.driver.id}-${o.hook ?? 'control'}${o.hook && !o.trusted ? '-untrusted' : ''}${o.service === true ? '-service' : ''}`;
  const dirs = scratchDirs(o.scratchParent, label);
  const forgetScratch = o.keep ? () => false : onEarlyExit(() => fs.rmSync(dirs.root, { recursive: true, force: true }));
  try {
    seed(dirs, o.steps);
    // each step is one or more calls; its outcome is judged by the result of its last call
    const script: ScriptedCall[] = [];
    const lastCall = new Map<string, number>();
    for (const s of o.steps) {
      const calls = s.kind === 'protected-write' ? o.driver.protectedWrite(dirs) : [o.driver.shell(s.command ?? '')];
      script.push(...calls);
      lastCall.set(s.id, script.length - 1);
    }
    const scripted = new ScriptedModel(o.driver.wire, script, path.join(dirs.root, 'model-requests.jsonl'));
    const port = await scripted.start();
    try {
      o.driver.prepare(dirs, port);
      const env = { ...baseEnv(dirs), ...o.driver.installEnv(dirs) };
      let install: CommandRun | undefined;
      let doctor: CommandRun | undefined;
      if (o.hook) {
        install = await runCli(o.cli, ['install', '--agent', o.driver.id, '--scope', o.hook, '--workspace', dirs.ws], dirs.ws, env);
        if (install.status !== 0) throw new Error(`agent-guard install failed (${String(install.status)}): ${install.stdout}${install.stderr}`);
        doctor = await runCli(o.cli, ['doctor', '--agent', o.driver.id, '--workspace', dirs.ws, '--json'], dirs.ws, env);
      }
      const recordDir = path.join(dirs.root, 'hook-stdin');
      const recorder = path.join(dirs.root, 'record-hook-stdin.cjs');
      writeRecorder(recorder, recordDir);
      const trust = o.hook && o.trusted ? o.driver.trust(o.hook) : undefined;
      const agentEnv = { ...baseEnv(dirs), ...o.driver.env(dirs, port), ...trust?.env, NODE_OPTIONS: `--require=${recorder}` };
      const bin = path.join(o.binDir, o.driver.bin);
      await trust?.files?.(dirs, { bin, env: agentEnv });
      // doctor once more after the person's trust step: what it says then is what a user would see
      if (o.hook && trust) doctor = await runCli(o.cli, ['doctor', '--agent', o.driver.id, '--workspace', dirs.ws, '--json'], dirs.ws, env);
      const argv = o.driver.argv('Do the scripted task.', trust?.args ?? []);
      const outFile = path.join(dirs.root, 'agent-output.txt');
      // in the agent's environment (without the payload recorder), so it listens where the agent's hooks look
      const service = o.service === true ? await startService(o.cli, dirs.ws, { ...agentEnv, NODE_OPTIONS: '' }) : undefined;
      let run: { code: number | null; timedOut: boolean };
      try {
        run = await waitForAgent(bin, argv, dirs.ws, agentEnv, outFile, o.timeoutMs);
      } finally {
        service?.stop();
      }
      const results = scripted.toolResults();
      const outcomes = o.steps.map((step) => ({ step, happened: happened(dirs, step), result: results[lastCall.get(step.id) ?? -1] }));
      const output = fs.readFileSync(outFile, 'utf8');
      return {
        dirs,
        outcomes,
        install,
        doctor,
        agentExit: run.code,
        timedOut: run.timedOut,
        payloads: readRecorded(recordDir),
        agentOutput: output.slice(-3000),
        shownToPerson: output + (o.driver.shownToPerson?.(dirs) ?? ''),
        seconds: (Date.now() - started) / 1000,
        ...(service ? { serviceLog: service.log() } : {}),
      };
    } finally {
      await scripted.close();
    }
  } finally {
    forgetScratch();
    if (!o.keep) fs.rmSync(dirs.root, { recursive: true, force: true });
  }
}
