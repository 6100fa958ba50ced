import { strict as assert } from 'node:assert';
import { interpretersPack } from '../../../src/core/rules/packs/interpreters';
import type { Decision, Risk } from '../../../src/core/verdict';
import { describeExamples } from './packExamples';
import { guardWith, WS } from './packGuard';

describeExamples(interpretersPack);

interface Row {
  readonly cmd: string;
  readonly rule?: string;
  readonly decision: Decision;
  readonly risk?: Risk;
  /** A text the reason's message must contain (the nested rule, the line). */
  readonly mentions?: string;
  readonly files?: Readonly<Record<string, string>>;
}

const SHELL = 'interpreter.code-runs-shell-command';
const DEL = 'interpreter.code-deletes-files';

const rows: readonly Row[] = [
  { cmd: 'python -c "import os; os.system(\'rm -rf /\')"', rule: SHELL, decision: 'deny', risk: 'critical', mentions: 'fs.delete-system' },
  { cmd: 'node -e "require(\'child_process\').execSync(\'git push --force origin main\')"', rule: SHELL, decision: 'deny', mentions: 'require(…).execSync' },
  { cmd: "python3 - <<'EOF'\nimport os\nos.system('rm -rf /')\nEOF", rule: SHELL, decision: 'deny', mentions: 'heredoc' },
  { cmd: 'python -c "import shutil; shutil.rmtree(\'/\')"', rule: DEL, decision: 'deny', risk: 'critical' },
  { cmd: 'node -e "fs.rmSync(process.env.HOME, {recursive:true})"', rule: DEL, decision: 'deny', risk: 'critical' },
  { cmd: 'python -c "import shutil; shutil.rmtree(\'../other-project\')"', rule: DEL, decision: 'confirm', risk: 'high' },
  { cmd: 'python3 -c "import os; os.remove(\'/etc/hosts\')"', rule: DEL, decision: 'confirm', risk: 'high' },
  { cmd: 'python3 -c "import os; os.remove(\'../notes.txt\')"', rule: DEL, decision: 'confirm', risk: 'medium' },
  { cmd: 'python3 -c "import os,sys; import shutil; shutil.rmtree(os.path.join(os.path.expanduser(\'~\'), sys.argv[1]))" x', rule: DEL, decision: 'confirm', risk: 'critical' },
  { cmd: 'python3 -c "import os; os.remove(\'.env\')"', rule: DEL, decision: 'confirm', mentions: 'path.secrets' },
  // scripts read through the adapter: only critical findings count
  { cmd: 'python3 scripts/cleanup.py', rule: DEL, decision: 'deny', mentions: 'line 3', files: { '/work/ws/scripts/cleanup.py': 'import shutil, os\n\nshutil.rmtree(os.path.expanduser("~"))\n' } },
  { cmd: 'python3 scripts/tidy.py', decision: 'allow', files: { '/work/ws/scripts/tidy.py': 'import os\nos.remove("../x.txt")\nos.system("git status")\n' } },
  { cmd: 'node scripts/nuke.js', rule: SHELL, decision: 'deny', files: { '/work/ws/scripts/nuke.js': "const { execSync } = require('child_process');\nexecSync('rm -rf /');\n" } },
  { cmd: 'python3 < job.py', rule: SHELL, decision: 'deny', files: { '/work/ws/job.py': "import os\nos.system('rm -rf /')\n" } },
  { cmd: 'python3 missing.py', decision: 'allow' },
  // silent
  { cmd: 'python -c "import os; os.system(\'ls\')"', decision: 'allow' },
  { cmd: 'python -c "print(1)"', decision: 'allow' },
  { cmd: 'node -e "console.log(process.version)"', decision: 'allow' },
  { cmd: 'python3 -c "import json,sys; print(json.load(open(\'package.json\'))[\'name\'])"', decision: 'allow' },
  { cmd: "python3 - <<'EOF'\nimport json\nwith open(\"package.json\") as f:\n    data = json.load(f)\nprint(sorted(data.get(\"dependencies\", {})))\nEOF", decision: 'allow' },
  { cmd: 'python -m pytest -q', decision: 'allow' },
  { cmd: 'node --test test/', decision: 'allow' },
  { cmd: 'bun test', decision: 'allow' },
  { cmd: 'php artisan test', decision: 'allow' },
  { cmd: "perl -pi -e 's/\\bvar\\b/let/g' src/legacy.js", decision: 'allow' },
  { cmd: 'python3 -c "import subprocess; subprocess.run([\'npm\', \'test\'], check=True)"', decision: 'allow' },
];

describe('interpreter pack: decisions', () => {
  for (const row of rows) {
    it(`${JSON.stringify(row.cmd)} → ${row.decision}${row.rule ? ' ' + row.rule : ''}`, () => {
      const files = row.files ?? {};
      const v = guardWith([interpretersPack]).checkCommand(row.cmd, { ...WS, readFile: (p) => files[p] });
      assert.equal(v.decision, row.decision, JSON.stringify(v.reasons));
      if (row.rule !== undefined) {
        const r = v.reasons.find((x) => x.rule === row.rule);
        assert.ok(r, `expected ${row.rule} in ${JSON.stringify(v.reasons)}`);
        if (row.risk !== undefined) assert.equal(r.risk, row.risk);
        if (row.mentions !== undefined) assert.ok(r.message.includes(row.mentions), r.message);
      }
    });
  }
});
