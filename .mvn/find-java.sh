# Finds a JDK 21+ on this machine; sourced by ./paperbot and ./mvnw, so the bot and its build agree on the JDK.
# `java` on PATH may be older (17 is fine): PAPERBOT_JAVA, JAVA_HOME, PATH and the usual install locations are tried.
# shellcheck shell=bash
required=21

# Prints the feature version of the java at $1 (17, 21, 25, ...), or nothing if it does not run.
java_version() {
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

# Finds a java >= $required: PAPERBOT_JAVA, JAVA_HOME, PATH, then the usual install locations.
find_java() {
  local candidates=() c v
  [ -n "${PAPERBOT_JAVA:-}" ] && candidates+=("$PAPERBOT_JAVA")
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  for c in /usr/lib/jvm/*/bin/java /usr/java/*/bin/java /opt/java/*/bin/java /opt/*/bin/java \
           "$HOME"/.sdkman/candidates/java/*/bin/java "$HOME"/.jdks/*/bin/java \
           /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java; do
    [ -x "$c" ] && candidates+=("$c")
  done
  local seen=""
  for c in "${candidates[@]}"; do
    [ -x "$c" ] || continue
    v="$(java_version "$c")"
    seen="$seen  $c (Java ${v:-unknown})"$'\n'
    if [ -n "$v" ] && [ "$v" -ge "$required" ]; then
      echo "$c"
      return 0
    fi
  done
  {
    echo "paperbot needs Java $required or newer, and none was found."
    [ -n "$seen" ] && printf 'Found:\n%s' "$seen"
    echo "Install a JDK $required+ (e.g. 'apt-get install openjdk-21-jdk', or Temurin from adoptium.net),"
    echo "or point JAVA_HOME or PAPERBOT_JAVA at one."
  } >&2
  return 1
}

