/**
 * A large shell script written for the parser's regression test: many functions whose bodies use every construct
 * the parser reads by runs of plain characters (unquoted words with `*`, `?`, `!`, `@`, `+` inside, extglobs,
 * double quotes with escapes, `${…}` arguments quoted and unquoted, backticks with escapes, `$'…'`, comments,
 * here-documents, arrays, arithmetic, `[[ ]]`, `case`) plus top-level commands between them. Deterministic: the
 * same text every time, so its parse can be compared with one recorded before a change to the parser.
 */
export function manyFunctionsScript(functions: number): string {
  let out = '#!/usr/bin/env bash\n# a script with many functions\nset -eu\n';
  for (let n = 0; n < functions; n++) {
    out += `
# helper ${n}: globs a*b x?y !x @x +x, extglobs @(a|b) !(c) ?(d) *(e) +(f)
helper_${n}() {
  local PATTERN="\${1-}" COUNT=${n} files=(*.ts "a b" 'c d') # trailing comment ${n}
  declare -A seen=([k${n}]=v [x]="$(date +%s)")
  ls a*b x?y !x @x +x -- @(a|b) !(c) ?(d) *(e) +(f) 2>/dev/null
  echo "plain \\"quoted\\" \\\\ \\$HOME \\\` text $PATTERN \${COUNT} $(printf '%s' "in $n") \`echo tick\`" 'single "q" $x'
  echo \${PATTERN:-'default value'} "\${PATTERN:-'kept quotes'}" \${PATTERN//a\\/b/c} "\${PATTERN#*/}" \${#PATTERN} \${!PATTERN} \${files[1]}
  echo \`printf '%s' \\\`nested\\\` "\\$x" \\\\\` $'esc\\x72m\\t\\n\\'q\\'\\101\\u00e9 done' $"translated $PATTERN"
  if [[ $PATTERN == @(yes|y)* && -n "\${COUNT}" || ! -f x${n} ]]; then
    (( COUNT = COUNT + $(wc -l < f${n}) ))
    echo $((COUNT * 2)) $[COUNT + 1]
  elif [ "$COUNT" -gt ${n} ]; then echo gt; else echo le; fi
  case "$PATTERN" in
    a*|b?) cat <<EOF${n}
body $PATTERN $(id) \`whoami\` done ${n}
EOF${n}
    ;;
    'quoted') cat <<-'RAW'
	no $(expansion) here
	RAW
    ;;&
    *) for f in "\${files[@]}" x y; do printf '%s\\n' "$f" | grep -q "$n" && break; done ;;
  esac
  while read -r line; do echo "$line"; done < <(git ls-files) >> out${n}.log 2>&1
  { echo grouped; } > /dev/null; ( cd sub && make ) || return 3
  x=\\
continued; echo done\\
line
}
top_level_${n}=$((${n} + 1)); export TOP_${n}="value ${n}" # top level between functions
`;
    if (n % 7 === 0) out += `function kw_${n} { echo "keyword form" "$@"; }\n`;
  }
  out += '\nhelper_0 "$@"\n';
  return out;
}
