/**
 * Sourced scripts that belong to the machine's installed tools rather than to the work of an agent:
 * `. ~/.nvm/nvm.sh`, `source ~/.sdkman/bin/sdkman-init.sh`, `. /opt/conda/etc/profile.d/conda.sh`. Such a file
 * defines the tool's command line as shell functions (`nvm`, `sdk`, `conda`); calling one is calling that tool,
 * and the guard judges installed tools by name and arguments, as it judges `node` or `terraform` without reading
 * their code. Walking such a function's body instead judges every branch of a 5 000-line program with nothing
 * known (`rm -rf "$NVM_DIR/$1"` for `nvm use 20`). A script run rather than sourced (`bash ~/install.sh`) is
 * a program whose functions are its own steps: they are walked as before.
 *
 * Which files: outside the workspace and outside the temp directories — the places an agent cannot change
 * without a person saying yes (fs.write-outside-workspace), so what is there was put there by a person or an
 * installer. A file this same command line writes is never one of them. The file's own top-level commands still
 * run when it is sourced and are judged as usual; only calls to the functions it defines are judged by name.
 */
import { isInTempArea } from '../paths/resolve';
import { isWithin } from '../paths/posix';

export function isInstalledScript(abs: string, root: string, writtenHere: boolean): boolean {
  return !writtenHere && !isWithin(abs, root) && !isInTempArea(abs);
}
