#!/bin/sh
# tableau-pat-refresh: runs tableau-pat-refresh.jar (next to this script) with the class-data-sharing
# archive the build made for it (tableau-pat-refresh.jsa) and JVM options for a short run. Same
# arguments, output and exit codes as `java -jar tableau-pat-refresh.jar`; see docs/benchmark.md.
# Written by the Maven build (cli module, package phase); edits are lost at the next build.
here=${0%/*}
[ -f "$here/tableau-pat-refresh.jar" ] || here=$(dirname "$(readlink -f "$0")")
java=@JAVA@
archive=
# The archive fits only the JDK that made it: another java runs without it.
if [ -x "$java" ]; then
  [ -f "$here/tableau-pat-refresh.jsa" ] && archive=-XX:SharedArchiveFile=$here/tableau-pat-refresh.jsa
else
  java=java
fi
# The build trains the archive with this script: TABLEAU_PAT_REFRESH_CDS=dump writes it at exit.
[ "${TABLEAU_PAT_REFRESH_CDS:-}" = dump ] && archive=-XX:ArchiveClassesAtExit=$here/tableau-pat-refresh.jsa
# C1 only: a run lasts well under a second, C2 would compile for nothing. Serial GC: one short-lived
# thread of work; a 32 MB young generation holds a single refresh's garbage, so it runs no collection
# (memory is touched only as it is used). An unusable archive is skipped silently (-Xlog:cds=off):
# the run is slower, not different.
exec "$java" $archive -Xlog:cds=off -Xlog:cds+dynamic=off -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
  -Xms48m -Xmn32m -XX:-UsePerfData -Xss512k -jar "$here/tableau-pat-refresh.jar" "$@"
