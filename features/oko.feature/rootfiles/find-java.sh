# Sourced by Oko's scripts: sets JAVA_HOME to a JDK of version 21 or newer.
# Keeps JAVA_HOME when it is already new enough; otherwise looks in the usual JVM folders
# (the Temurin 25 JDK on Debian lives in /usr/lib/jvm/temurin-25-jdk-amd64) and prefers the newest.
oko_java_version() {
    "$1/bin/java" -XshowSettings:properties -version 2>&1 \
        | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}

oko_find_java() {
    local candidate version best="" best_version=0
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
        version=$(oko_java_version "$JAVA_HOME")
        if [ "${version:-0}" -ge 21 ]; then
            return 0
        fi
    fi
    for candidate in /usr/lib/jvm/* /opt/java/* /opt/*jdk* "$HOME"/.sdkman/candidates/java/*; do
        [ -x "$candidate/bin/java" ] || continue
        version=$(oko_java_version "$candidate")
        if [ "${version:-0}" -ge 21 ] && [ "$version" -gt "$best_version" ]; then
            best=$candidate
            best_version=$version
        fi
    done
    if [ -z "$best" ]; then
        echo "oko: no Java 21 or newer found; install one (e.g. Temurin 25) or set JAVA_HOME" >&2
        return 1
    fi
    export JAVA_HOME=$best
}
