/**
 * The policy file as the editor shows it: problems at the right line and column while typing, failing tests as
 * warnings, hovers that explain rules, code lenses with each test's verdict. Pure parts, no editor.
 */
import * as assert from 'node:assert/strict';
import { analysePolicyText, type PolicyAnalysis } from '../../../../src/vscode/policy/analysis';
import { policyHoverAt, wordAt } from '../../../../src/vscode/policy/hoverContent';
import { policyLenses } from '../../../../src/vscode/policy/lensContent';
import { diagnosticRange } from '../../../../src/vscode/policy/ranges';

const ROOT = '/work/app';
const HOME = '/home/dev';

function analyse(text: string, trusted = true): PolicyAnalysis {
  return analysePolicyText({ text, file: '.vscode/agent-guard.json', layer: 'workspace', root: ROOT, home: HOME, workspaceTrusted: trusted });
}

/** `{line, from, to}` zero-based, of each problem, with its severity and a piece of its message. */
function problems(text: string, trusted = true): Array<{ severity: string; line: number; from: number; to: number; message: string }> {
  return analyse(text, trusted).diagnostics.map((d) => {
    const r = diagnosticRange(d, text);
    return { severity: d.severity, line: r.startLine, from: r.startCharacter, to: r.endCharacter, message: d.message };
  });
}

describe('policy diagnostics in the editor', () => {
  const cases: Array<{ name: string; text: string; trusted?: boolean; expect: Array<{ severity: string; line: number; from: number; to: number; message: RegExp }> }> = [
    {
      name: 'a clean policy has no problems',
      text: '{\n  "version": 1,\n  "protectedPaths": ["infra/prod/**"]\n}\n',
      expect: [],
    },
    {
      name: 'a wrong key is underlined where it is, with a suggestion',
      text: '{\n  "version": 1,\n  "protectedPath": ["infra/**"]\n}\n',
      expect: [{ severity: 'error', line: 2, from: 2, to: 17, message: /unknown key "protectedPath".*did you mean "protectedPaths"/i }],
    },
    {
      name: 'a wrong key inside an entry points at that key',
      text: '{\n  "version": 1,\n  "commands": [\n    { "program": "terraform", "decison": "deny", "reason": "CI applies." }\n  ]\n}\n',
      expect: [
        { severity: 'error', line: 3, from: 30, to: 39, message: /unknown key "decison"/ },
        { severity: 'error', line: 3, from: 4, to: 74, message: /missing "decision"/ },
      ],
    },
    {
      name: 'a syntax error half-typed (missing comma) is reported at the next key',
      text: '{\n  "version": 1\n  "protectedPaths": []\n}\n',
      expect: [{ severity: 'error', line: 2, from: 2, to: 18, message: /invalid JSON: expected ","/ }],
    },
    {
      name: 'an unclosed object is reported at the end of the file',
      text: '{\n  "version": 1\n',
      expect: [{ severity: 'error', line: 2, from: 0, to: 0, message: /expected "}".*before the end of the file/ }],
    },
    {
      name: 'a failing test is a warning on its line',
      text: '{\n  "version": 1,\n  "tests": [\n    { "command": "ls -la", "expect": "deny" }\n  ]\n}\n',
      expect: [{ severity: 'warning', line: 3, from: 4, to: 45, message: /policy test failed: `ls -la` expected deny, got allow/ }],
    },
    {
      name: 'an allow exception in an untrusted workspace is a warning on its entry',
      trusted: false,
      text: '{\n  "version": 1,\n  "allow": [\n    { "program": "make", "subcommand": "clean", "reason": "Only build output." }\n  ]\n}\n',
      expect: [{ severity: 'warning', line: 3, from: 4, to: 80, message: /not trusted, so its allow exception is ignored/ }],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = problems(c.text, c.trusted ?? true);
      assert.equal(got.length, c.expect.length, JSON.stringify(got, null, 1));
      c.expect.forEach((e, i) => {
        const g = got[i]!;
        assert.deepEqual({ severity: g.severity, line: g.line, from: g.from, to: g.to }, { severity: e.severity, line: e.line, from: e.from, to: e.to }, g.message);
        assert.match(g.message, e.message);
      });
    });
  }
});

const TEAM = `{
  "version": 1,
  // iac.terraform-destroy stays on whatever we write here
  "protectedPaths": [
    "infra/prod/**",
    { "glob": "migrations/**", "ops": ["delete"], "decision": "deny" }
  ],
  "commands": [
    { "id": "team.no-push-no-verify", "program": "git", "subcommand": "push", "args": ["--no-verify"], "decision": "deny", "reason": "Pushes run the checks." }
  ],
  "allow": [
    { "program": "make", "subcommand": "clean", "reason": "Only build output." }
  ],
  "production": { "kubeContexts": ["prod-*"] },
  "tests": [
    { "command": "git push --no-verify origin main", "expect": "deny" },
    { "edit": "infra/prod/main.tf", "expect": "deny" }
  ]
}
`;

function hoverAtText(text: string, needle: string, trusted = true): string | undefined {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, needle);
  return policyHoverAt(text, offset + 1, analyse(text, trusted), trusted)?.markdown;
}

describe('policy hover', () => {
  const cases: Array<{ name: string; at: string; trusted?: boolean; says: RegExp[] }> = [
    { name: 'a built-in rule id in a comment shows its message, decision and examples', at: 'iac.terraform-destroy', says: [/\*\*iac\.terraform-destroy\*\* — built-in rule: \*\*(deny|confirm)\*\*/, /Fires on:/, /`terraform destroy/] },
    { name: 'a protected path glob says what is held and how the glob reads', at: '"infra/prod/**"', says: [/protected path: \*\*confirm\*\*/, /write, delete, rename/, /Relative to the workspace root/] },
    { name: 'a deny protected path says agents are stopped', at: '"migrations/**"', says: [/\*\*deny\*\*/, /\*\*delete\*\*/, /stopped/] },
    { name: 'a team rule id says what it matches and which tests exercise it', at: '"team.no-push-no-verify"', says: [/team rule: \*\*deny\*\*, risk \*\*high\*\*/, /program `git`/, /Exercised by 1 test/] },
    { name: 'an allow exception in an untrusted workspace says it is ignored', at: '"make"', trusted: false, says: [/allow exception/, /\*\*Ignored\*\*/] },
    { name: 'a production target explains what production means', at: '"prod-*"', says: [/Production target\*\* `prod-\*` — kubeContexts/, /typed/] },
    { name: 'a test command shows its verdict and rule', at: '"git push --no-verify origin main"', says: [/passes/, /Verdict: \*\*deny\*\*/, /team\.no-push-no-verify/] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const md = hoverAtText(TEAM, c.at, c.trusted ?? true);
      assert.ok(md !== undefined, 'no hover');
      for (const s of c.says) assert.match(md, s);
    });
  }

  it('a key, a number and plain text have no hover of ours', () => {
    for (const needle of ['"version"', ': 1,', 'stays on']) assert.equal(hoverAtText(TEAM, needle), undefined, needle);
  });

  it('finds rule-id-shaped words only', () => {
    assert.deepEqual(wordAt('see git.force-push.', 6), { word: 'git.force-push', offset: 4 });
    assert.equal(wordAt('plain words', 3), undefined);
  });
});

describe('policy code lenses', () => {
  it('show each test\'s verdict, and for each rule what it decides and whether a test exercises it', () => {
    const lenses = policyLenses(analyse(TEAM), true).map((l) => `${l.line}: ${l.title}`);
    assert.deepEqual(lenses, [
      '4: confirm on write, delete, rename · medium · exercised by 1 test',
      '5: deny on delete · high · no test exercises it',
      '8: deny · high · team.no-push-no-verify · exercised by 1 test',
      '11: allow exception · workspace.allow[0] · no test exercises it',
      '15: ✓ deny (team.no-push-no-verify)',
      '16: ✗ confirm (workspace.protectedPaths[0]) — expected deny',
    ]);
  });

  it('a command test lens explains its command when clicked; an untrusted allow says it is ignored', () => {
    const lenses = policyLenses(analyse(TEAM, false), false);
    assert.equal(lenses.find((l) => l.line === 15)?.explain, 'git push --no-verify origin main');
    assert.match(lenses.find((l) => l.line === 11)?.title ?? '', /^ignored: this workspace is not trusted/);
  });

  it('a broken file has no lenses (its problems are diagnostics)', () => {
    assert.deepEqual(policyLenses(analyse('{ "version": 1, "tests": [ }'), true), []);
  });
});
