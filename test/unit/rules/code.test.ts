import { strict as assert } from 'node:assert';
import { DYNAMIC, scanCode, tokenize, type CodeLang } from '../../../src/core/rules/packs/code';
import { codeEffects, UNKNOWN_VAR } from '../../../src/core/rules/packs/codeEffects';

interface Case {
  readonly lang: CodeLang;
  readonly code: string;
  /** Shell commands the code runs, in order. */
  readonly shell?: readonly string[];
  /** Deletions as `path` (recursive: `path/**`; dynamic: `path?`). */
  readonly deletes?: readonly string[];
}

const U = UNKNOWN_VAR;

const cases: readonly Case[] = [
  // Python
  { lang: 'python', code: "import os; os.system('rm -rf /')", shell: ['rm -rf /'] },
  { lang: 'python', code: 'import os; os.system("ls -la")', shell: ['ls -la'] },
  { lang: 'python', code: "import subprocess; subprocess.call(['rm','-rf','/'])", shell: ['rm -rf /'] },
  { lang: 'python', code: "import subprocess\nsubprocess.run('git reset --hard', shell=True, check=True)", shell: ['git reset --hard'] },
  { lang: 'python', code: "from subprocess import check_output\ncheck_output(['git', 'push', '-f'])", shell: ['git push -f'] },
  { lang: 'python', code: "import subprocess; subprocess.run(f'rm -rf {d}/build', shell=True)", shell: [`rm -rf ${U}/build`] },
  { lang: 'python', code: "import os; os.system('rm -rf %s' % path)", shell: [`rm -rf ${U}`] },
  { lang: 'python', code: "import os; os.system('rm -rf {}'.format(path))", shell: [`rm -rf ${U}`] },
  { lang: 'python', code: "import os; os.system('rm -rf ' + path)", shell: [`rm -rf ${U}`] },
  { lang: 'python', code: "import os; os.execvp('rm', ['rm', '-rf', '/tmp/x'])", shell: ['rm -rf /tmp/x'] },
  { lang: 'python', code: "import subprocess; subprocess.run(['echo', 'it\\'s here'])", shell: ["echo 'it'\\''s here'"] },
  { lang: 'python', code: "import shutil; shutil.rmtree('/')", deletes: ['//**'] },
  { lang: 'python', code: "import shutil, os; shutil.rmtree(os.path.expanduser('~'))", deletes: ['~/**'] },
  { lang: 'python', code: "import shutil, os; shutil.rmtree(os.path.join(os.environ['HOME'], '.cache'))", deletes: ['~/.cache/**'] },
  { lang: 'python', code: "import shutil, os; shutil.rmtree(os.path.join(base, 'x'))", deletes: ['/x?/**'] },
  { lang: 'python', code: "import os; os.remove('/etc/hosts'); os.unlink('a.txt')", deletes: ['/etc/hosts', 'a.txt'] },
  { lang: 'python', code: "from pathlib import Path; Path('/etc/passwd').unlink()", deletes: ['/etc/passwd'] },
  { lang: 'python', code: "print('os.system(\"rm -rf /\")')  # shutil.rmtree('/')", shell: [], deletes: [] },
  { lang: 'python', code: '"""\nos.system("rm -rf /")\n"""\nprint(1)', shell: [] },
  { lang: 'python', code: "r'\\d+'; os.system(r'echo \\n')", shell: ['echo \\n'] },
  { lang: 'python', code: 'import json,sys; print(json.load(open("package.json"))["name"])', shell: [], deletes: [] },
  // JavaScript
  { lang: 'javascript', code: "require('child_process').execSync('rm -rf ~')", shell: ['rm -rf ~'] },
  { lang: 'javascript', code: "const { spawnSync } = require('node:child_process'); spawnSync('git', ['push', '--force'])", shell: ['git push --force'] },
  { lang: 'javascript', code: "const cp = require('child_process'); cp.exec(`rm -rf ${dir}`)", shell: [`rm -rf ${U}`] },
  { lang: 'javascript', code: "execSync('rm -rf /')", shell: [] }, // not child_process: could be anything
  { lang: 'javascript', code: "await Bun.$`rm -rf /`", shell: ['rm -rf /'] },
  { lang: 'javascript', code: "Bun.spawnSync(['rm', '-rf', '/'])", shell: ['rm -rf /'] },
  { lang: 'javascript', code: "new Deno.Command('rm', { args: ['-rf', '/'] }).outputSync()", shell: ['rm -rf /'] },
  { lang: 'javascript', code: "fs.rmSync('/var', {recursive: true, force: true})", deletes: ['/var/**'] },
  { lang: 'javascript', code: "require('fs').rmSync(process.env.HOME, { recursive: true })", deletes: ['~/**'] },
  { lang: 'javascript', code: "fs.unlinkSync('/etc/hosts')", deletes: ['/etc/hosts'] },
  { lang: 'javascript', code: "const p = require('path'); fs.rmSync(p.join(__dirname, 'dist'), {recursive: true})", deletes: [] },
  { lang: 'javascript', code: "fs.rmSync(path.join(require('os').homedir(), '.config'), {recursive: true})", deletes: ['~/.config/**'] },
  { lang: 'javascript', code: "await Deno.remove('/opt', { recursive: true })", deletes: ['/opt/**'] },
  { lang: 'javascript', code: "const re = /execSync('rm -rf \\/')/; console.log('fs.rmSync(\"/\")')", shell: [], deletes: [] },
  { lang: 'javascript', code: "// execSync('rm -rf /')\n/* fs.rmSync('/', {recursive:true}) */ console.log(1)", shell: [], deletes: [] },
  // Perl
  { lang: 'perl', code: 'system "rm -rf /"', shell: ['rm -rf /'] },
  { lang: 'perl', code: "system('rm', '-rf', '/')", shell: ['rm -rf /'] },
  { lang: 'perl', code: 'my $x = `git reset --hard`; print qx{ls -la};', shell: ['git reset --hard', 'ls -la'] },
  { lang: 'perl', code: "use File::Path qw(remove_tree); remove_tree('/home', '/opt');", deletes: ['/home/**', '/opt/**'] },
  { lang: 'perl', code: 'unlink "/etc/hosts" or die;', deletes: ['/etc/hosts'] },
  { lang: 'perl', code: 's/system\\("rm -rf \\/"\\)/x/g; print', shell: [] },
  { lang: 'perl', code: 'print "system(\\"rm -rf /\\")"', shell: [] },
  { lang: 'perl', code: 'y/a-z/A-Z/; tr{a}{b}; print', shell: [] },
  // Ruby
  { lang: 'ruby', code: 'system("git push --force origin main")', shell: ['git push --force origin main'] },
  { lang: 'ruby', code: "system 'rm', '-rf', '/'", shell: ['rm -rf /'] },
  { lang: 'ruby', code: 'puts `ls`; %x(reboot); %x{echo #{name}}', shell: ['ls', 'reboot', `echo ${U}`] },
  { lang: 'ruby', code: "require 'fileutils'; FileUtils.rm_rf('/')", deletes: ['//**'] },
  { lang: 'ruby', code: "FileUtils.rm_rf %w(/usr /etc)", deletes: ['/usr/**', '/etc/**'] },
  { lang: 'ruby', code: "FileUtils.rm_rf(Dir.home)", deletes: ['~/**'] },
  { lang: 'ruby', code: "require 'pathname'\nPathname.new('/opt/app').rmtree\nputs 'done'", deletes: ['/opt/app/**'] },
  { lang: 'ruby', code: "File.delete('/etc/hosts')", deletes: ['/etc/hosts'] },
  { lang: 'ruby', code: 'x = 10 % 3; puts "system(\'rm -rf /\')"', shell: [], deletes: [] },
  // PHP
  { lang: 'php', code: "system('rm -rf /');", shell: ['rm -rf /'] },
  { lang: 'php', code: 'echo shell_exec("ls $dir"); echo `whoami`;', shell: [`ls ${U}`, 'whoami'] },
  { lang: 'php', code: "unlink('/etc/hosts'); rmdir('/var/www');", deletes: ['/etc/hosts', '/var/www'] },
  { lang: 'php', code: "echo 'system(\"rm -rf /\")'; // system('rm -rf /')", shell: [] },
];

function describeDeletion(d: { path: string; recursive: boolean; dynamic: boolean }): string {
  return d.path + (d.dynamic ? '?' : '') + (d.recursive ? '/**' : '');
}

describe('code: shell commands and deletions in interpreter code', () => {
  for (const c of cases) {
    it(`${c.lang}: ${JSON.stringify(c.code)}`, () => {
      const e = codeEffects(c.code, c.lang);
      // commands on the same line may come in any order
      if (c.shell !== undefined) assert.deepEqual(e.shell.map((s) => s.command).sort(), [...c.shell].sort());
      if (c.deletes !== undefined) assert.deepEqual(e.deletions.map(describeDeletion), c.deletes);
    });
  }
});

describe('code: tokenizer', () => {
  it('keeps f-string fields as dynamic parts', () => {
    const t = tokenize("f'a{b}c{{d}}'", 'python');
    assert.equal(t.length, 1);
    assert.equal(t[0]?.v, `a${DYNAMIC}c{d}`);
    assert.equal(t[0]?.dyn, true);
  });
  it('counts lines across strings and comments', () => {
    const scan = scanCode("x = '''\n\n'''\n# c\nos.system('ls')", 'python');
    assert.equal(scan.calls[0]?.line, 5);
  });
  it('reads qw() lists as lists', () => {
    const t = tokenize('qw(a b  c)', 'perl');
    assert.deepEqual(t[0]?.list, ['a', 'b', 'c']);
  });
  it('tells regex literals from division in JavaScript', () => {
    const scan = scanCode("const a = b / c; const r = /'/; execSync('x')", 'javascript');
    assert.equal(scan.calls.find((c) => c.name === 'execSync')?.args[0]?.kind, 'str');
  });
  it('never throws on unterminated strings or brackets', () => {
    for (const lang of ['python', 'javascript', 'perl', 'ruby', 'php'] as const) {
      for (const code of ["os.system('rm", 'system(', '`ls', 'q{', '%x(', 's/a/', '"""', '/* x', "f'{x", '${', '(((']) {
        assert.doesNotThrow(() => codeEffects(code, lang));
      }
    }
  });
});
