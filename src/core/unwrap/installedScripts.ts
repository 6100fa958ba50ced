/**
 * Sourced scripts that belong to the machine's installed tools rather than to the work of an agent:
 * `. ~/.nvm/nvm.sh`, `source ~/.sdkman/bin/sdkman-init.sh`, `. /opt/conda/etc/profile.d/conda.sh`. Such a file
 * defines the tool's command line as shell functions (`nvm`, `sdk`, `conda`); calling one is calling that tool,
 * and the guard judges installed tools by name and arguments, as it judges `node` or `terraform` without reading
 * their code. Walking such a function's body instead judges every branch of a 5 000-line program with nothing
 * known (`rm -rf "$NVM_DIR/$1"` for `nvm use 20`). A script run rather than sourced (`bash ~/install.sh`) is
 * a program whose functions are its own steps: they are walked as before.
 *
 * Which files: those at the places installers put shell set-up (TOOL_DIRS, HOME_TOOL_DIRS, HOME_FILES below),
 * named by an absolute path with no `.` or `..` step, outside the workspace and the temp directories, and not
 * written by this same command line. What is trusted is that such a file was put there by a person or an
 * installer: an agent's write outside the workspace and the temp directories is asked about
 * (fs.write-outside-workspace). That is not true of every path outside them, which is why this is a list:
 * `/proc/self/root/<workspace>/x.sh` and `/proc/self/cwd/x.sh` are workspace files under another name (and
 * `/proc/self` is the guard's own process, not the shell's), a `..` step after a symbolic link lands elsewhere
 * than the text says, and /dev, /sys or another user's folders are no tool's set-up. The file's own top-level
 * commands still run when it is sourced and are judged as usual; only calls to the functions it defines are
 * judged by name.
 */
import { isInTempArea } from '../paths/resolve';
import { isWithin } from '../paths/posix';

/** System folders tools install into (package managers, Homebrew, conda, ROS, Nix). */
const TOOL_DIRS = ['/etc/profile.d', '/etc/bash_completion.d', '/usr', '/opt', '/home/linuxbrew/.linuxbrew', '/nix', '/snap'];
const TOOL_FILES = ['/etc/profile', '/etc/bash.bashrc', '/etc/bashrc', '/etc/bash_completion'];

/** Tool folders in the home: version managers, conda installs, language tool chains. */
const HOME_TOOL_DIRS = [
  '.nvm', '.sdkman', '.pyenv', '.rbenv', '.asdf', '.nodenv', '.goenv', '.jenv', '.rvm', '.gvm', '.cargo', '.rustup',
  '.ghcup', '.opam', '.deno', '.bun', '.volta', '.nix-profile', '.linuxbrew', '.fzf', '.conda', 'miniconda3',
  'miniconda', 'anaconda3', 'miniforge3', 'mambaforge', 'micromamba', '.local/share/fnm', '.wasmer', '.poetry',
  '.jabba', '.kerl', '.kiex', '.emsdk', 'emsdk', 'google-cloud-sdk', 'esp', '.swiftenv', '.phpenv', '.plenv',
];
/** The person's own shell start-up files, uv's installer's `~/.local/bin/env`, a pip --user virtualenvwrapper. */
const HOME_FILES = [
  '.bashrc', '.bash_profile', '.bash_login', '.profile', '.bash_aliases', '.zshrc', '.zshenv', '.zprofile', '.local/bin/env',
  '.local/bin/virtualenvwrapper.sh', '.fzf.bash',
];

export function isInstalledScript(word: string, abs: string, root: string, home: string | undefined, writtenHere: boolean): boolean {
  if (writtenHere || isWithin(abs, root) || isInTempArea(abs)) return false;
  // the path as written: absolute (after `~` and variables), with no step a symbolic link could redirect
  if (!word.startsWith('/') || /(^|\/)\.\.?(\/|$)/.test(word)) return false;
  if (TOOL_FILES.includes(abs) || TOOL_DIRS.some((d) => isWithin(abs, d) && abs !== d)) return true;
  if (home === undefined || home === '/' || !isWithin(abs, home)) return false;
  const rel = abs.slice(home.length + 1);
  return HOME_FILES.includes(rel) || HOME_TOOL_DIRS.some((d) => rel.startsWith(d + '/'));
}
