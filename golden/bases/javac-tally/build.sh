#!/bin/sh
# Plain javac, no build tool: compile everything, then run the checks in Main.
set -e
rm -rf out
javac -d out $(find src -name '*.java')
java -cp out tally.Checks
