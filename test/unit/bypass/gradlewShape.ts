/**
 * A start script shaped like the Gradle wrapper (written for these tests): symlink resolution, `uname` cases,
 * a program chosen at run time (`"$JAVACMD"`), `eval` of computed text. Ordinary projects run it all day, so
 * judging it must stay silent.
 */
export const GRADLEW = `#!/bin/sh
app_path=$0
while
    APP_HOME=\${app_path%"\${app_path##*/}"}
    [ -h "$app_path" ]
do
    ls=$( ls -ld "$app_path" )
    link=\${ls#*' -> '}
    case $link in
      /*)   app_path=$link ;;
      *)    app_path=$APP_HOME$link ;;
    esac
done
APP_HOME=$( cd -P "\${APP_HOME:-./}.." > /dev/null && printf '%s\\n' "$PWD" ) || exit
warn () { echo "$*"; } >&2
die () { echo; echo "$*"; echo; exit 1; } >&2
case "$( uname )" in
  CYGWIN* )  cygwin=true ;;
  Darwin* )  darwin=true ;;
esac
CLASSPATH=$APP_HOME/gradle/wrapper/gradle-wrapper.jar
if [ -n "$JAVA_HOME" ] ; then
    JAVACMD=$JAVA_HOME/bin/java
    if [ ! -x "$JAVACMD" ] ; then
        die "ERROR: JAVA_HOME is set to an invalid directory: $JAVA_HOME"
    fi
else
    JAVACMD=java
    command -v java >/dev/null 2>&1 || die "ERROR: no java"
fi
if ! "$cygwin" && ! "$darwin" ; then
    MAX_FD=$( ulimit -H -n ) || warn "Could not query maximum file descriptor limit"
fi
set -- -classpath "$CLASSPATH" org.gradle.wrapper.GradleWrapperMain "$@"
eval "set -- $(
        printf '%s\\n' "$DEFAULT_JVM_OPTS $JAVA_OPTS $GRADLE_OPTS" |
        xargs -n1 |
        sed ' s~[^-[:alnum:]+,./:=@_]~\\\\&~g; ' |
        tr '\\n' ' '
    )" '"$@"'
exec "$JAVACMD" "$@"
`;

