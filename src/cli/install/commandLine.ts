/**
 * Reading an installed hook command line back: the options it carries (to know what `install` wrote) and
 * whether the programs it starts still exist. An agent that cannot start the hook (`exit 127`) lets every call
 * through, so a node binary or a `dist/cli.js` that moved (an extension update, a removed nvm version) leaves
 * the agent unprotected although its config looks right.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { AgentId } from '../hooks/types';
import type { CommandOptions } from './hookCommand';

/** POSIX-shell words of a simple command line (quotes and backslashes), enough for the lines install writes. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let cur = '';
  let has = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] ?? '';
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      cur += end < 0 ? line.slice(i + 1) : line.slice(i + 1, end);
      i = end < 0 ? line.length : end;
      has = true;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === '\\' && j + 1 < line.length && '"\\$`'.includes(line[j + 1] ?? '')) j++;
        cur += line[j] ?? '';
      }
      i = j;
      has = true;
    } else if (c === '\\' && i + 1 < line.length) {
      cur += line[++i] ?? '';
      has = true;
    } else if (/\s/.test(c)) {
      if (has) words.push(cur);
      cur = '';
      has = false;
    } else {
      cur += c;
      has = true;
    }
  }
  if (has) words.push(cur);
  return words;
}

export interface ParsedHookCommand {
  /** Environment assignments before the program (`ELECTRON_RUN_AS_NODE=1`). */
  readonly assignments: readonly string[];
  /** The words that start the CLI (`node`, `/x/dist/cli.js`) — everything before `hook <agent>`. */
  readonly programWords: readonly string[];
  /** The prefix text as written (before ` hook <agent>`). */
  readonly prefix: string;
  readonly options: Required<Pick<CommandOptions, 'autoApprove' | 'trustedTools'>> & { readonly timeoutSeconds?: number };
}

/** Splits `<prefix> hook <agent> [--timeout N] [--auto-approve] [--trust-tool T]…`; undefined when it is not one. */
export function parseHookCommand(line: string, agent: AgentId): ParsedHookCommand | undefined {
  const text = line.replace(/^\s*exec\s+/, '').replace(/^\s*&\s+/, '');
  const at = new RegExp(`\\s+hook\\s+${agent.replace('-', '\\-')}(\\s|$)`).exec(text);
  if (!at) return undefined;
  const prefix = text.slice(0, at.index);
  const words = shellWords(prefix);
  const assignments: string[] = [];
  while (words.length > 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0] ?? '')) assignments.push(words.shift() ?? '');
  const rest = shellWords(text.slice(at.index + at[0].length));
  let timeoutSeconds: number | undefined;
  let autoApprove = false;
  const trustedTools: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i];
    if (w === '--timeout') timeoutSeconds = Number(rest[++i]);
    else if (w === '--auto-approve') autoApprove = true;
    else if (w === '--trust-tool' && rest[i + 1] !== undefined) trustedTools.push(rest[++i] ?? '');
  }
  return {
    assignments,
    programWords: words,
    prefix: prefix.trim(),
    options: { autoApprove, trustedTools, ...(timeoutSeconds !== undefined && Number.isFinite(timeoutSeconds) ? { timeoutSeconds } : {}) },
  };
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(program: string, env: Readonly<Record<string, string | undefined>>): string | undefined {
  for (const dir of (env['PATH'] ?? '').split(delimiter).filter(Boolean)) {
    const p = join(dir, program);
    if (executable(p)) return p;
  }
  return undefined;
}

/**
 * Why the programs of a hook command would not start, empty when they resolve. Checks the interpreter (absolute,
 * or found on PATH — which the agent's own PATH may not have) and the script it runs.
 */
export function unresolvedPrograms(parsed: ParsedHookCommand, env: Readonly<Record<string, string | undefined>>): string[] {
  const [program, script] = parsed.programWords;
  if (program === undefined) return ['the hook command names no program'];
  const problems: string[] = [];
  if (program.includes('/') || program.includes('\\')) {
    if (!executable(program)) problems.push(`the hook's program ${program} no longer exists or is not executable`);
  } else if (!onPath(program, env)) {
    problems.push(`the hook's program "${program}" is not on PATH`);
  }
  if (script !== undefined && /\.(c|m)?js$/.test(script) && !existsSync(script)) problems.push(`the hook's script ${script} no longer exists`);
  return problems;
}
