#!/bin/sh
# tableau-pat-refresh: runs tableau-pat-refresh.jar (next to this script) with the class cache the build
# made for it (an AOT cache on JDK 25+, else a class-data-sharing archive) and JVM options for a short
# run. Same arguments, output and exit codes as `java -jar tableau-pat-refresh.jar`; see
# docs/benchmark.md. Written by the Maven build (cli module, package phase); edits are lost at the next
# build.
here=${0%/*}
[ -f "$here/tableau-pat-refresh.jar" ] || here=$(dirname "$(readlink -f "$0")")
java=@JAVA@
cache=$here/@CACHE@
opts=
# The cache fits only the JDK that made it: if that JDK is gone, another java runs without it.
if [ -x "$java" ]; then
  [ -f "$cache" ] && opts="@USE@$cache @QUIET@"
else
  java=java
fi
# The build trains the cache with this script: TABLEAU_PAT_REFRESH_CDS=dump writes it at exit.
[ "${TABLEAU_PAT_REFRESH_CDS:-}" = dump ] && opts="@DUMP@$cache"
# C1 only: a run lasts well under a second, C2 would compile for nothing. Serial GC: one short-lived
# thread of work; a 32 MB young generation holds a single refresh's garbage, so it runs no collection
# (memory is touched only as it is used). A cache that no longer fits is skipped quietly: the run is
# slower, not different.
exec "$java" $opts -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
  -Xms48m -Xmn32m -XX:-UsePerfData -Xss512k -jar "$here/tableau-pat-refresh.jar" "$@"
