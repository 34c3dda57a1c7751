# Sourced by the scripts in bin/: selects a JDK 21+ (the build targets Java 21) and Maven's flags.
# Honours JAVA_HOME when it is already 21+; else looks under /usr/lib/jvm, newest first.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1; }
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(java_major "$JAVA_HOME")" -lt 21 ]; then
  JAVA_HOME=""
  for candidate in $(ls -d /usr/lib/jvm/* /opt/java/* 2>/dev/null | sort -rV); do
    if [ -x "$candidate/bin/javac" ] && [ "$(java_major "$candidate")" -ge 21 ]; then JAVA_HOME=$candidate; break; fi
  done
fi
if [ -z "$JAVA_HOME" ]; then
  echo "lambda-verify needs a JDK 21 or newer: install one (e.g. apt-get install openjdk-21-jdk) or set JAVA_HOME" >&2
  exit 2
fi
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
command -v mvn >/dev/null || { echo "Maven is needed: apt-get install maven" >&2; exit 2; }
# Quieter Maven on new JDKs; batch mode for CI logs.
export MAVEN_OPTS="${MAVEN_OPTS:-} --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"
MVN="mvn -B -ntp -DskipPlugin"
