/**
 * Checks a parsed policy against its shape and turns it into a `PolicyDocument`. Unknown keys are errors
 * (a typo must not silently disable a rule) with a "did you mean"; every message names what was expected.
 * The keys and values accepted here are the ones `schemas/agent-guard.schema.json` documents; a unit test
 * keeps the two in step.
 */
import type { Node } from 'jsonc-parser';
import { DECISIONS, RISKS, type Decision, type Risk } from '../verdict';
import { EDIT_OPS, type EditOp } from './types';
import type { DiagnosticSeverity, PolicyDiagnostic } from './diagnostics';
import { hasErrors } from './diagnostics';
import type { LineIndex } from './position';
import { didYouMean, quoteList } from './suggest';
import { nameGlobProblem, pathGlobProblem, tidyPathGlob } from './globs';
import { regexProblem, regexWarning } from './regex';
import {
  PRODUCTION_KEYS,
  type AllowSpec,
  type CommandMatchSpec,
  type CommandRuleSpec,
  type PolicyDocument,
  type PolicyTest,
  type ProductionSpec,
  type ProtectedPathSpec,
} from './document';

export const TOP_LEVEL_KEYS = ['$schema', 'version', 'protectedPaths', 'commands', 'allow', 'production', 'tests'] as const;
export const PROTECTED_PATH_KEYS = ['id', 'glob', 'ops', 'decision', 'risk', 'reason'] as const;
const MATCH_KEYS = ['program', 'subcommand', 'args', 'withoutArgs', 'regex'] as const;
export const COMMAND_RULE_KEYS = ['id', ...MATCH_KEYS, 'decision', 'risk', 'reason'] as const;
export const ALLOW_KEYS = ['id', ...MATCH_KEYS, 'reason'] as const;
export const COMMAND_TEST_KEYS = ['command', 'cwd', 'env', 'expect'] as const;
export const EDIT_TEST_KEYS = ['edit', 'op', 'expect'] as const;
export const TEST_KEYS = ['command', 'cwd', 'env', 'edit', 'op', 'expect'] as const;
export { PRODUCTION_KEYS };

const TIGHTENING_DECISIONS = ['confirm', 'deny'] as const;
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export interface ValidationResult {
  /** Undefined when any error was found. */
  readonly document: PolicyDocument | undefined;
  readonly diagnostics: readonly PolicyDiagnostic[];
}

function typeName(node: Node): string {
  if (node.type === 'number' && Number.isInteger(node.value)) return 'a number';
  return { object: 'an object', array: 'an array', property: 'a property', string: 'a string', number: 'a number', boolean: 'true/false', null: 'null' }[node.type];
}

function shown(node: Node): string {
  if (node.type === 'string') return JSON.stringify(node.value);
  if (node.type === 'number' || node.type === 'boolean' || node.type === 'null') return String(node.value);
  return typeName(node);
}

class Validator {
  readonly diagnostics: PolicyDiagnostic[] = [];
  /** Rule ids seen so far, with their line: ids must be unique within a file. */
  readonly ids = new Map<string, number>();

  constructor(
    private readonly file: string,
    private readonly lines: LineIndex,
  ) {}

  report(node: Node, path: string, message: string, severity: DiagnosticSeverity = 'error'): void {
    const { line, column } = this.lines.at(node.offset);
    this.diagnostics.push({ severity, file: this.file, line, column, offset: node.offset, length: node.length, path, message });
  }

  lineOf(node: Node): number {
    return this.lines.at(node.offset).line;
  }

  /** Properties of an object node by key; reports unknown and duplicate keys. */
  properties(node: Node, path: string, known: readonly string[], what: string): Map<string, { key: Node; value: Node }> {
    const out = new Map<string, { key: Node; value: Node }>();
    for (const prop of node.children ?? []) {
      const [key, value] = prop.children ?? [];
      if (key === undefined || value === undefined) continue;
      const name = String(key.value);
      const keyPath = path === '' ? name : `${path}.${name}`;
      if (!known.includes(name)) {
        this.report(key, keyPath, `unknown key "${name}" in ${what}.${didYouMean(name, known)} Expected one of: ${quoteList(known)}.`);
        continue;
      }
      const earlier = out.get(name);
      if (earlier !== undefined) {
        this.report(key, keyPath, `duplicate key "${name}" (also on line ${this.lineOf(earlier.key)}); keep only one.`);
        continue;
      }
      out.set(name, { key, value });
    }
    return out;
  }

  expectType(node: Node, path: string, type: Node['type'], expected: string): boolean {
    if (node.type === type) return true;
    this.report(node, path, `expected ${expected} for "${lastKey(path)}", got ${shown(node)}.`);
    return false;
  }

  string(node: Node, path: string, expected = 'a string'): string | undefined {
    if (!this.expectType(node, path, 'string', expected)) return undefined;
    const v = String(node.value);
    if (v.trim() === '') {
      this.report(node, path, `"${lastKey(path)}" is empty; expected ${expected}.`);
      return undefined;
    }
    return v;
  }

  /** A string, or an array of strings (the short form for a single value is allowed). */
  stringList(node: Node, path: string, expected: string, allowSingle: boolean): string[] | undefined {
    if (allowSingle && node.type === 'string') {
      const v = this.string(node, path, expected);
      return v === undefined ? undefined : [v];
    }
    if (!this.expectType(node, path, 'array', allowSingle ? `${expected}, or a list of them` : `a list of ${expected}`)) return undefined;
    const out: string[] = [];
    let ok = true;
    (node.children ?? []).forEach((item, i) => {
      const v = this.string(item, `${path}[${i}]`, expected);
      if (v === undefined) ok = false;
      else out.push(v);
    });
    return ok ? out : undefined;
  }

  oneOf<T extends string>(node: Node, path: string, allowed: readonly T[], extra = ''): T | undefined {
    if (node.type !== 'string') {
      this.report(node, path, `expected one of ${quoteList(allowed)} for "${lastKey(path)}", got ${shown(node)}.`);
      return undefined;
    }
    const v = String(node.value);
    if ((allowed as readonly string[]).includes(v)) return v as T;
    this.report(node, path, `"${lastKey(path)}" must be one of ${quoteList(allowed)}, got ${JSON.stringify(v)}.${didYouMean(v, allowed)}${extra}`);
    return undefined;
  }
}

function lastKey(path: string): string {
  const m = /([A-Za-z$]+)(?:\[\d+\])?$/.exec(path);
  return m?.[1] ?? path;
}

export function validatePolicy(root: Node, file: string, lines: LineIndex): ValidationResult {
  const v = new Validator(file, lines);
  if (root.type !== 'object') {
    v.report(root, '', `expected the policy to be an object such as { "version": 1 }, got ${shown(root)}.`);
    return { document: undefined, diagnostics: v.diagnostics };
  }
  const props = v.properties(root, '', TOP_LEVEL_KEYS, 'the policy');

  const version = props.get('version');
  if (version === undefined) {
    v.report(root, 'version', 'missing "version"; expected "version": 1 at the top of the file.');
  } else if (version.value.type !== 'number' || version.value.value !== 1) {
    v.report(version.value, 'version', `"version" must be 1 (the only version this Agent Guard understands), got ${shown(version.value)}.`);
  }
  const schema = props.get('$schema');
  if (schema !== undefined) v.expectType(schema.value, '$schema', 'string', 'a string (the schema URL or path)');

  const protectedPaths = listOf(v, props.get('protectedPaths')?.value, 'protectedPaths', (n, p) => protectedPath(v, n, p));
  const commands = listOf(v, props.get('commands')?.value, 'commands', (n, p) => commandRule(v, n, p));
  const allow = listOf(v, props.get('allow')?.value, 'allow', (n, p) => allowRule(v, n, p));
  const productionNode = props.get('production')?.value;
  const production = productionNode === undefined ? {} : productionSpec(v, productionNode);
  const tests = listOf(v, props.get('tests')?.value, 'tests', (n, p) => policyTest(v, n, p));

  if (hasErrors(v.diagnostics)) return { document: undefined, diagnostics: v.diagnostics };
  return { document: { file, version: 1, protectedPaths, commands, allow, production, tests }, diagnostics: v.diagnostics };
}

function listOf<T>(v: Validator, node: Node | undefined, path: string, item: (n: Node, p: string) => T | undefined): T[] {
  if (node === undefined) return [];
  if (!v.expectType(node, path, 'array', 'a list [ … ]')) return [];
  const out: T[] = [];
  (node.children ?? []).forEach((child, i) => {
    const r = item(child, `${path}[${i}]`);
    if (r !== undefined) out.push(r);
  });
  return out;
}

function optionalId(v: Validator, props: Map<string, { value: Node }>, path: string): string | undefined {
  const node = props.get('id')?.value;
  if (node === undefined) return undefined;
  const id = v.string(node, `${path}.id`, 'a rule id such as "team.no-prod-apply"');
  if (id !== undefined && !ID_PATTERN.test(id)) {
    v.report(node, `${path}.id`, `"id" may contain letters, digits, ".", "_" and "-" only, starting with a letter or digit; got ${JSON.stringify(id)}.`);
    return undefined;
  }
  if (id !== undefined) {
    const first = v.ids.get(id);
    if (first !== undefined) {
      v.report(node, `${path}.id`, `rule id "${id}" is already used on line ${first}; ids must be unique.`);
      return undefined;
    }
    v.ids.set(id, v.lineOf(node));
  }
  return id;
}

function optionalRisk(v: Validator, props: Map<string, { value: Node }>, path: string): Risk | undefined {
  const node = props.get('risk')?.value;
  return node === undefined ? undefined : v.oneOf(node, `${path}.risk`, RISKS);
}

function tighteningDecision(v: Validator, node: Node, path: string, where: string): 'confirm' | 'deny' | undefined {
  if (node.type === 'string' && node.value === 'allow') {
    v.report(node, path, `"decision" in ${where} must be "confirm" or "deny": ${where} can only add checks. Put known-safe commands in the "allow" section instead.`);
    return undefined;
  }
  return v.oneOf(node, path, TIGHTENING_DECISIONS);
}

function protectedPath(v: Validator, node: Node, path: string): ProtectedPathSpec | undefined {
  const line = v.lineOf(node);
  if (node.type === 'string') {
    const glob = pathGlob(v, node, path);
    return glob === undefined ? undefined : { path, line, id: undefined, glob, ops: EDIT_OPS, decision: 'confirm', risk: undefined, reason: undefined };
  }
  if (node.type !== 'object') {
    v.report(node, path, `expected a glob string such as "infra/prod/**" or an object { "glob": …, "ops": […], "decision": … } in "protectedPaths", got ${shown(node)}.`);
    return undefined;
  }
  const props = v.properties(node, path, PROTECTED_PATH_KEYS, 'a protected path');
  const globNode = props.get('glob')?.value;
  if (globNode === undefined) v.report(node, `${path}.glob`, 'missing "glob"; expected the path glob this entry protects, e.g. "glob": "migrations/**".');
  const glob = globNode === undefined ? undefined : pathGlob(v, globNode, `${path}.glob`);
  const opsNode = props.get('ops')?.value;
  const ops = opsNode === undefined ? EDIT_OPS : editOps(v, opsNode, `${path}.ops`);
  const decisionNode = props.get('decision')?.value;
  const decision = decisionNode === undefined ? 'confirm' : tighteningDecision(v, decisionNode, `${path}.decision`, '"protectedPaths"');
  const reasonNode = props.get('reason')?.value;
  const reason = reasonNode === undefined ? undefined : v.string(reasonNode, `${path}.reason`, 'a sentence saying why the path is protected');
  const id = optionalId(v, props, path);
  const risk = optionalRisk(v, props, path);
  if (glob === undefined || ops === undefined || decision === undefined) return undefined;
  return { path, line, id, glob, ops, decision, risk, reason };
}

function pathGlob(v: Validator, node: Node, path: string): string | undefined {
  const raw = v.string(node, path, 'a path glob such as "infra/prod/**"');
  if (raw === undefined) return undefined;
  const tidy = tidyPathGlob(raw);
  if (tidy === '' || tidy === '.') {
    v.report(node, path, `glob ${JSON.stringify(raw)} names the workspace root itself; expected a path inside it such as "infra/**".`);
    return undefined;
  }
  const problem = pathGlobProblem(tidy);
  if (problem !== undefined) {
    v.report(node, path, `glob ${JSON.stringify(raw)} ${problem}.`);
    return undefined;
  }
  return raw;
}

function editOps(v: Validator, node: Node, path: string): EditOp[] | undefined {
  if (node.type === 'string') {
    v.report(node, path, `"ops" is a list: write [${JSON.stringify(node.value)}] instead of ${JSON.stringify(node.value)}.`);
    return undefined;
  }
  if (!v.expectType(node, path, 'array', `a list of operations from ${quoteList(EDIT_OPS)}`)) return undefined;
  const out: EditOp[] = [];
  let ok = true;
  (node.children ?? []).forEach((item, i) => {
    const op = v.oneOf(item, `${path}[${i}]`, EDIT_OPS);
    if (op === undefined) ok = false;
    else if (out.includes(op)) v.report(item, `${path}[${i}]`, `"${op}" is listed twice.`, 'warning');
    else out.push(op);
  });
  if (ok && out.length === 0) {
    v.report(node, path, `"ops" is empty, so the entry would protect nothing; expected some of ${quoteList(EDIT_OPS)}, or leave "ops" out for all of them.`);
    return undefined;
  }
  return ok ? out : undefined;
}

function commandMatch(v: Validator, props: Map<string, { value: Node }>, path: string): { spec: CommandMatchSpec; ok: boolean } {
  let ok = true;
  const fail = (): undefined => {
    ok = false;
    return undefined;
  };
  const programNode = props.get('program')?.value;
  let program: string[] | undefined;
  if (programNode !== undefined) {
    program = v.stringList(programNode, `${path}.program`, 'a program name such as "terraform"', true) ?? fail();
    program?.forEach((name, i) => {
      const at = programNode.type === 'array' ? (programNode.children?.[i] ?? programNode) : programNode;
      const p = programNode.type === 'array' ? `${path}.program[${i}]` : `${path}.program`;
      if (/\s/.test(name.trim())) {
        const [first, ...rest] = name.trim().split(/\s+/);
        v.report(at, p, `"program" is a single program name, got ${JSON.stringify(name)}; put the rest in "subcommand": { "program": ${JSON.stringify(first)}, "subcommand": ${JSON.stringify(rest.join(' '))} }.`);
        fail();
      } else if (name.includes('/')) {
        v.report(at, p, `"program" is matched by name (the part after the last "/"), got ${JSON.stringify(name)}; write ${JSON.stringify(name.slice(name.lastIndexOf('/') + 1))}.`);
        fail();
      }
    });
  }
  const subNode = props.get('subcommand')?.value;
  let subcommand: string[][] | undefined;
  if (subNode !== undefined) {
    const raw = v.stringList(subNode, `${path}.subcommand`, 'sub-command words such as "workspace select"', true) ?? fail();
    subcommand = raw?.map((s) => s.trim().split(/\s+/));
    raw?.forEach((s, i) => {
      const at = subNode.type === 'array' ? (subNode.children?.[i] ?? subNode) : subNode;
      const bad = s.trim().split(/\s+/).find((w) => w.startsWith('-'));
      if (bad !== undefined) {
        v.report(at, `${path}.subcommand`, `"subcommand" holds the command's words, not options; move ${JSON.stringify(bad)} to "args".`);
        fail();
      }
    });
    if (programNode === undefined) {
      v.report(subNode, `${path}.subcommand`, '"subcommand" needs "program" (which program\'s sub-command?).');
      fail();
    }
  }
  const argsNode = props.get('args')?.value;
  const args = argsNode === undefined ? undefined : (v.stringList(argsNode, `${path}.args`, 'argument patterns such as "--force"', true) ?? fail());
  const withoutNode = props.get('withoutArgs')?.value;
  const withoutArgs = withoutNode === undefined ? undefined : (v.stringList(withoutNode, `${path}.withoutArgs`, 'argument patterns such as "--dry-run"', true) ?? fail());
  for (const [node, list, key] of [[argsNode, args, 'args'], [withoutNode, withoutArgs, 'withoutArgs']] as const) {
    list?.forEach((g, i) => {
      const problem = nameGlobProblem(g);
      if (problem !== undefined && node !== undefined) {
        v.report(node.type === 'array' ? (node.children?.[i] ?? node) : node, `${path}.${key}`, `argument pattern ${JSON.stringify(g)} ${problem}.`);
        fail();
      }
    });
  }
  const regexNode = props.get('regex')?.value;
  let regex: string | undefined;
  if (regexNode !== undefined) {
    regex = v.string(regexNode, `${path}.regex`, 'a regular expression over "program arg1 arg2 …"') ?? fail();
    if (regex !== undefined) {
      const problem = regexProblem(regex);
      if (problem !== undefined) {
        v.report(regexNode, `${path}.regex`, `invalid regular expression ${JSON.stringify(regex)}: ${problem}.`);
        regex = fail();
      } else {
        const warning = regexWarning(regex);
        if (warning !== undefined) v.report(regexNode, `${path}.regex`, warning, 'warning');
      }
    }
  }
  return { spec: { program, subcommand, args, withoutArgs, regex }, ok };
}

function requiredReason(v: Validator, node: Node, props: Map<string, { value: Node }>, path: string, what: string): string | undefined {
  const reasonNode = props.get('reason')?.value;
  if (reasonNode === undefined) {
    v.report(node, `${path}.reason`, `missing "reason"; expected a sentence saying ${what} (it is shown to the agent and to you).`);
    return undefined;
  }
  return v.string(reasonNode, `${path}.reason`, `a sentence saying ${what}`);
}

function commandRule(v: Validator, node: Node, path: string): CommandRuleSpec | undefined {
  if (node.type !== 'object') {
    v.report(node, path, `expected an object such as { "program": "terraform", "subcommand": "destroy", "decision": "deny", "reason": "…" } in "commands", got ${shown(node)}.`);
    return undefined;
  }
  const props = v.properties(node, path, COMMAND_RULE_KEYS, 'a command rule');
  const { spec, ok } = commandMatch(v, props, path);
  if (!props.has('program') && !props.has('regex')) {
    v.report(node, path, 'a command rule needs "program" (preferred) or "regex" to say which commands it is about.');
  }
  const decisionNode = props.get('decision')?.value;
  if (decisionNode === undefined) v.report(node, `${path}.decision`, 'missing "decision"; expected "confirm" or "deny".');
  const decision = decisionNode === undefined ? undefined : tighteningDecision(v, decisionNode, `${path}.decision`, '"commands"');
  const reason = requiredReason(v, node, props, path, 'why the command needs this decision');
  const id = optionalId(v, props, path);
  const risk = optionalRisk(v, props, path);
  if (!ok || decision === undefined || reason === undefined || (!props.has('program') && !props.has('regex'))) return undefined;
  return { ...spec, path, line: v.lineOf(node), id, decision, risk, reason };
}

function allowRule(v: Validator, node: Node, path: string): AllowSpec | undefined {
  if (node.type !== 'object') {
    v.report(node, path, `expected an object such as { "program": "terraform", "subcommand": "plan", "reason": "…" } in "allow", got ${shown(node)}.`);
    return undefined;
  }
  const props = v.properties(node, path, ALLOW_KEYS, 'an allow exception');
  const { spec, ok } = commandMatch(v, props, path);
  if (!props.has('program')) {
    v.report(node, `${path}.program`, 'missing "program"; an allow exception must name the program it lets through (a bare "regex" is too easy to get wrong).');
  }
  const reason = requiredReason(v, node, props, path, 'why the command is safe');
  const id = optionalId(v, props, path);
  if (!ok || reason === undefined || !props.has('program')) return undefined;
  return { ...spec, path, line: v.lineOf(node), id, reason };
}

function productionSpec(v: Validator, node: Node): ProductionSpec {
  if (!v.expectType(node, 'production', 'object', 'an object such as { "kubeContexts": ["prod-*"] }')) return {};
  const props = v.properties(node, 'production', PRODUCTION_KEYS, '"production"');
  const out: { -readonly [K in keyof ProductionSpec]: ProductionSpec[K] } = {};
  for (const key of PRODUCTION_KEYS) {
    const entry = props.get(key);
    if (entry === undefined) continue;
    const path = `production.${key}`;
    const isPath = key === 'paths';
    const list = v.stringList(entry.value, path, isPath ? 'path globs such as "infra/prod/**"' : 'names or globs such as "prod-*"', false);
    if (list === undefined) continue;
    let ok = true;
    list.forEach((g, i) => {
      const item = entry.value.children?.[i] ?? entry.value;
      const problem = isPath ? pathGlobProblem(tidyPathGlob(g)) : nameGlobProblem(g);
      if (problem !== undefined) {
        v.report(item, `${path}[${i}]`, `glob ${JSON.stringify(g)} ${problem}.`);
        ok = false;
      }
    });
    if (list.length === 0) v.report(entry.value, path, `"${key}" is empty: nothing of this kind counts as production (the default "*prod*" no longer applies).`, 'warning');
    if (ok) out[key] = list;
  }
  return out;
}

function policyTest(v: Validator, node: Node, path: string): PolicyTest | undefined {
  if (node.type !== 'object') {
    v.report(node, path, `expected { "command": "…", "expect": "deny" } or { "edit": "path", "op": "write", "expect": "confirm" } in "tests", got ${shown(node)}.`);
    return undefined;
  }
  const props = v.properties(node, path, TEST_KEYS, 'a test');
  const line = v.lineOf(node);
  const expectNode = props.get('expect')?.value;
  if (expectNode === undefined) v.report(node, `${path}.expect`, `missing "expect"; expected one of ${quoteList(DECISIONS)}.`);
  const expect: Decision | undefined = expectNode === undefined ? undefined : v.oneOf(expectNode, `${path}.expect`, DECISIONS);
  const commandNode = props.get('command')?.value;
  const editNode = props.get('edit')?.value;
  if (commandNode !== undefined && editNode !== undefined) {
    v.report(node, path, 'a test has either "command" or "edit", not both; split it into two tests.');
    return undefined;
  }
  if (commandNode !== undefined) {
    for (const k of ['op'] as const) {
      const n = props.get(k);
      if (n !== undefined) v.report(n.key, `${path}.${k}`, `"${k}" belongs to edit tests ({ "edit": …, "op": … }); a command test has ${quoteList(COMMAND_TEST_KEYS)}.`);
    }
    const command = v.string(commandNode, `${path}.command`, 'the command line to check');
    const cwdNode = props.get('cwd')?.value;
    const cwd = cwdNode === undefined ? undefined : v.string(cwdNode, `${path}.cwd`, 'a directory relative to the workspace root');
    const envNode = props.get('env')?.value;
    const env = envNode === undefined ? undefined : envMap(v, envNode, `${path}.env`);
    if (command === undefined || expect === undefined || (cwdNode !== undefined && cwd === undefined) || (envNode !== undefined && env === undefined) || props.has('op')) return undefined;
    return { kind: 'command', command, cwd, env, expect, path, line };
  }
  if (editNode !== undefined) {
    for (const k of ['cwd', 'env'] as const) {
      const n = props.get(k);
      if (n !== undefined) v.report(n.key, `${path}.${k}`, `"${k}" belongs to command tests; an edit test has ${quoteList(EDIT_TEST_KEYS)}.`);
    }
    const edit = v.string(editNode, `${path}.edit`, 'a file path relative to the workspace root');
    const opNode = props.get('op')?.value;
    const op: EditOp | undefined = opNode === undefined ? 'write' : v.oneOf(opNode, `${path}.op`, EDIT_OPS);
    if (edit === undefined || op === undefined || expect === undefined || props.has('cwd') || props.has('env')) return undefined;
    return { kind: 'edit', edit, op, expect, path, line };
  }
  v.report(node, path, 'a test needs "command" (a command line to check) or "edit" (a file path to write, delete or rename).');
  return undefined;
}

function envMap(v: Validator, node: Node, path: string): Record<string, string> | undefined {
  if (!v.expectType(node, path, 'object', 'an object of environment variables such as { "AWS_PROFILE": "prod" }')) return undefined;
  const out: Record<string, string> = {};
  let ok = true;
  for (const prop of node.children ?? []) {
    const [key, value] = prop.children ?? [];
    if (key === undefined || value === undefined) continue;
    const name = String(key.value);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      v.report(key, `${path}.${name}`, `${JSON.stringify(name)} is not an environment variable name (letters, digits and "_", not starting with a digit).`);
      ok = false;
    }
    if (value.type !== 'string') {
      v.report(value, `${path}.${name}`, `expected a string value for environment variable ${name}, got ${shown(value)}.`);
      ok = false;
    } else {
      out[name] = String(value.value);
    }
  }
  return ok ? out : undefined;
}
