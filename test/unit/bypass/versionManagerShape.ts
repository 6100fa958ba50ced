/**
 * A large set-up script shaped like a shell version manager's (`~/.nvm/nvm.sh` is 160 KB), written for these
 * tests: the whole file in one `{ … }` group, hundreds of helper functions, one function per sub-command of the
 * tool's command line (`nvm use`, `nvm uninstall` removing a version directory it computes), and at the end a
 * call that applies the default version. Helpers are repeated until the text is at least `minChars` long.
 *
 * `deletes: false` leaves out the sub-commands that remove directories, for checks where every body is walked.
 */
export function versionManagerScript(minChars: number, options: { readonly deletes: boolean } = { deletes: true }): string {
  const head = `# shellcheck disable=SC2039
{ # this ensures the entire script is downloaded #

NVM_SCRIPT_SOURCE="$_"

nvm_is_zsh() {
  [ -n "\${ZSH_VERSION-}" ]
}

nvm_echo() {
  command printf %s\\\\n "$*" 2>/dev/null
}

nvm_err() {
  >&2 nvm_echo "$@"
}

if [ -z "\${NVM_DIR-}" ]; then
  # shellcheck disable=SC2128
  if [ -n "\${BASH_SOURCE-}" ]; then
    NVM_SCRIPT_SOURCE="\${BASH_SOURCE[0]}"
  fi
  NVM_DIR="$(cd "$(dirname "\${NVM_SCRIPT_SOURCE:-$0}")" > /dev/null && \\pwd)"
  export NVM_DIR
fi
unset NVM_SCRIPT_SOURCE 2>/dev/null
`;
  const helper = (n: number): string => `
# Prints the installed version matching $1 (helper ${n}).
nvm_version_helper_${n}() {
  local PATTERN
  PATTERN="\${1-}"
  local VERSIONS
  VERSIONS="$(command ls -1 "\${NVM_DIR}/versions/node" 2>/dev/null | command sort -t. -u -k 1.2,1n -k 2,2n -k 3,3n)"
  case "\${PATTERN}" in
    'system') nvm_echo 'system' ;;
    v*) nvm_echo "\${VERSIONS}" | command grep -e "^\${PATTERN}" | command tail -1 ;;
    *)
      if [ -z "\${VERSIONS}" ]; then
        nvm_err "N/A: version \\"\${PATTERN}\\" is not yet installed."
        return 3
      fi
      nvm_echo "\${VERSIONS}" | command awk -v p="\${PATTERN}" '$0 ~ p { print }'
    ;;
  esac
}
`;
  const uninstall = options.deletes
    ? `
    "uninstall")
      local VERSION_PATH
      VERSION_PATH="$(nvm_version_helper_0 "\${2-}")"
      if [ -z "\${VERSION_PATH}" ]; then
        nvm_err "nvm: \${2-} is not installed"
        return 1
      fi
      command rm -rf "\${NVM_DIR}/versions/node/\${VERSION_PATH}" 2>/dev/null
      command rm -f "\${NVM_DIR}/alias/\${2-}"
    ;;`
    : '';
  const main = `
nvm() {
  if [ "$#" -lt 1 ]; then
    nvm --help
    return
  fi
  local COMMAND
  COMMAND="\${1-}"
  shift
  case "\${COMMAND}" in
    "use")
      local VERSION
      VERSION="$(nvm_version_helper_0 "\${1-}")"
      PATH="\${NVM_DIR}/versions/node/\${VERSION}/bin:\${PATH}"
      export PATH
      hash -r
    ;;
    "ls" | "list")
      nvm_version_helper_1 "\${1-}"
    ;;${uninstall}
    "--help")
      nvm_echo 'Node Version Manager'
    ;;
    *)
      >&2 nvm --help
      return 127
    ;;
  esac
}

nvm_process_parameters() {
  local NVM_AUTO_MODE
  NVM_AUTO_MODE='use'
  while [ "$#" -ne 0 ]; do
    case "$1" in
      --install) NVM_AUTO_MODE='install' ;;
      --no-use) NVM_AUTO_MODE='none' ;;
    esac
    shift
  done
  if [ "\${NVM_AUTO_MODE}" = 'use' ]; then
    nvm use --silent default >/dev/null
  fi
}
`;
  const tail = `
nvm_process_parameters "$@"

} # this ensures the entire script is downloaded #
`;
  let body = '';
  for (let n = 0; head.length + body.length + main.length + tail.length < minChars; n++) body += helper(n);
  return head + body + main + tail;
}
