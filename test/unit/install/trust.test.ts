/**
 * Reading the trust an agent needs before it runs our hook (what `doctor` reports): Codex's per-hook trust and
 * project trust in config.toml, Gemini CLI's and Copilot CLI's folder trust. The formats were checked against the
 * real agents by `npm run test:agents`.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { codexHookKey, codexHookTrust, codexProjectTrusted, type CodexHookTrust } from '../../../src/cli/install/codexTrust';
import { copilotFolderTrust, geminiFolderTrust } from '../../../src/cli/install/folderTrust';

const KEY = codexHookKey('/home/dev/.codex/hooks.json', 1, 0);
const HASH = `sha256:${'ab'.repeat(32)}`;

describe('codexHookTrust: does config.toml record a person trusting our hook?', () => {
  const cases: [string, string | undefined, CodexHookTrust][] = [
    ['no config.toml', undefined, 'untrusted'],
    ['a config without hook state', 'model = "gpt-5.5"\n', 'untrusted'],
    ['trusted, table header form', `[hooks.state."${KEY}"]\ntrusted_hash = "${HASH}"\n`, 'trusted'],
    ['trusted, spaced header and a comment', `[ hooks.state . "${KEY}" ]  # ours\n  trusted_hash = "${HASH}"\nenabled = true\n`, 'trusted'],
    ['trusted, literal-string key', `[hooks.state.'${KEY}']\ntrusted_hash = '${HASH}'\n`, 'trusted'],
    ['trusted, inline table in [hooks.state]', `[hooks.state]\n"${KEY}" = { trusted_hash = "${HASH}" }\n`, 'trusted'],
    ['switched off in /hooks', `[hooks.state."${KEY}"]\ntrusted_hash = "${HASH}"\nenabled = false\n`, 'disabled'],
    ['another handler is trusted, not ours', `[hooks.state."${codexHookKey('/home/dev/.codex/hooks.json', 0, 0)}"]\ntrusted_hash = "${HASH}"\n`, 'untrusted'],
    ['our key with no hash', `[hooks.state."${KEY}"]\nenabled = true\n`, 'untrusted'],
    ['the hash belongs to the next table', `[hooks.state."${KEY}"]\n[other]\ntrusted_hash = "${HASH}"\n`, 'untrusted'],
  ];
  for (const [what, toml, want] of cases) {
    it(`${what} → ${want}`, () => assert.equal(codexHookTrust(toml, KEY), want));
  }
  it('the key is the hooks.json path, the snake_case event and the group and handler index', () => {
    assert.equal(KEY, '/home/dev/.codex/hooks.json:pre_tool_use:1:0');
  });
});

describe('codexProjectTrusted: is a workspace .codex/ folder read at all?', () => {
  const cases: [string, string | undefined, boolean][] = [
    ['no config', undefined, false],
    ['the folder itself', '[projects."/home/dev/app"]\ntrust_level = "trusted"\n', true],
    ['a folder above it', '[projects."/home/dev"]\ntrust_level = "trusted"\n', true],
    ['explicitly untrusted', '[projects."/home/dev/app"]\ntrust_level = "untrusted"\n', false],
    ['a sibling folder', '[projects."/home/dev/other"]\ntrust_level = "trusted"\n', false],
  ];
  for (const [what, toml, want] of cases) it(`${what} → ${String(want)}`, () => assert.equal(codexProjectTrusted(toml, '/home/dev/app'), want));
});

describe('folder trust of Gemini CLI and Copilot CLI', () => {
  let home: string;
  const ws = (): string => path.join(home, 'src', 'app');
  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-trust-'));
    fs.mkdirSync(path.join(home, 'src', 'app'), { recursive: true });
  });
  afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

  const gemini = (rules: Record<string, string> | undefined, env: Record<string, string> = {}, settings?: unknown): boolean => {
    if (rules) {
      fs.mkdirSync(path.join(home, '.gemini'), { recursive: true });
      fs.writeFileSync(path.join(home, '.gemini', 'trustedFolders.json'), JSON.stringify(rules));
    }
    if (settings) fs.writeFileSync(path.join(home, '.gemini', 'settings.json'), JSON.stringify(settings));
    return geminiFolderTrust(home, env, ws()).trusted;
  };

  it('Gemini: no trustedFolders.json → not trusted', () => assert.equal(gemini(undefined), false));
  it('Gemini: TRUST_FOLDER on the folder → trusted', () => assert.equal(gemini({ [ws()]: 'TRUST_FOLDER' }), true));
  it('Gemini: TRUST_FOLDER on a folder above → trusted', () => assert.equal(gemini({ [home]: 'TRUST_FOLDER' }), true));
  it('Gemini: TRUST_PARENT on a sibling trusts the parent → trusted', () => assert.equal(gemini({ [path.join(home, 'src', 'other')]: 'TRUST_PARENT' }), true));
  it('Gemini: the longest rule wins (DO_NOT_TRUST below a trusted folder)', () => assert.equal(gemini({ [home]: 'TRUST_FOLDER', [ws()]: 'DO_NOT_TRUST' }), false));
  it('Gemini: GEMINI_CLI_TRUST_WORKSPACE=true → trusted', () => assert.equal(gemini(undefined, { GEMINI_CLI_TRUST_WORKSPACE: 'true' }), true));
  it('Gemini: GEMINI_CLI_TRUST_WORKSPACE=false beats the file', () => assert.equal(gemini({ [ws()]: 'TRUST_FOLDER' }, { GEMINI_CLI_TRUST_WORKSPACE: 'false' }), false));
  it('Gemini: folder trust switched off in the user settings → trusted', () => assert.equal(gemini({}, {}, { security: { folderTrust: { enabled: false } } }), true));

  const copilot = (config: string | undefined, env: Record<string, string> = {}): boolean => {
    if (config !== undefined) {
      fs.mkdirSync(path.join(home, '.copilot'), { recursive: true });
      fs.writeFileSync(path.join(home, '.copilot', 'config.json'), config);
    }
    return copilotFolderTrust(path.join(home, '.copilot'), env, ws()).trusted;
  };
  it('Copilot: no config.json → not trusted', () => assert.equal(copilot(undefined), false));
  it('Copilot: the folder in trustedFolders (file with comments) → trusted', () => assert.equal(copilot(`// managed automatically\n{ "firstLaunchAt": "x", "trustedFolders": [${JSON.stringify(ws())}] }`), true));
  it('Copilot: a folder above in trustedFolders → trusted', () => assert.equal(copilot(JSON.stringify({ trustedFolders: [home] })), true));
  it('Copilot: another folder only → not trusted', () => assert.equal(copilot(JSON.stringify({ trustedFolders: [path.join(home, 'elsewhere')] })), false));
  it('Copilot: COPILOT_ALLOW_ALL=true → trusted', () => assert.equal(copilot(undefined, { COPILOT_ALLOW_ALL: 'true' }), true));
});
