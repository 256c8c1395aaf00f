#!/usr/bin/env bash
# Prints the Java modules the jar and its runtime libraries use, as jdeps finds them: the start of jpackage.args'
# --add-modules list (which adds the modules only looked up at run time). Takes a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
jdk=${JAVA_HOME:-$(ls -d /usr/lib/jvm/*25* | head -n 1)}
./mvnw -q process-classes dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile=target/runtime-classpath.txt
classpath=$(cat target/runtime-classpath.txt)
modulepath=$(tr ':' '\n' < target/runtime-classpath.txt | grep -v hadoop-shaded-protobuf | paste -sd:)
for jar in target/classes $(tr ':' ' ' < target/runtime-classpath.txt); do
  # modular jars need their peers on the module path, plain ones on the class path
  "$jdk/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 25 -q --class-path "$classpath" "$jar" 2>/dev/null ||
    "$jdk/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 25 -q --module-path "$modulepath" "$jar" 2>/dev/null || true
done | tr ',' '\n' | grep -E '^(java|jdk)\.' | sort -u | paste -sd,
