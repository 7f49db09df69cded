package dev.selfheal.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellWordsTest {
  @Test
  void plainWordsAndQuotesAreSplitAsTheShellWould() {
    assertThat(ShellWords.split("mvn -B verify")).contains(List.of("mvn", "-B", "verify"));
    assertThat(
            ShellWords.split(
                "mvn  -B -pl 'core,app' -am test -Dtest='A#b+c,D' -Dsurefire.failIfNoSpecifiedTests=false"))
        .contains(
            List.of(
                "mvn",
                "-B",
                "-pl",
                "core,app",
                "-am",
                "test",
                "-Dtest=A#b+c,D",
                "-Dsurefire.failIfNoSpecifiedTests=false"));
    assertThat(ShellWords.split("mvn \"-Dx=a b\" ''")).contains(List.of("mvn", "-Dx=a b", ""));
    assertThat(ShellWords.split("mvn -Dtest=Class#method"))
        .contains(List.of("mvn", "-Dtest=Class#method"));
  }

  @Test
  void anythingTheShellWouldExpandOrRedirectIsNotSplit() {
    for (String c :
        List.of(
            "mvn -B verify | tee log",
            "mvn -B verify > log",
            "mvn -B verify; echo done",
            "mvn -B verify && echo ok",
            "mvn -Dx=$HOME verify",
            "mvn \"-Dx=$HOME\" verify",
            "mvn -Dx=`id` verify",
            "mvn -Dtest=*Test test",
            "mvn -f ~/p/pom.xml verify",
            "mvn -Dx=\\$ verify",
            "mvn -Dx='unclosed",
            "MAVEN_OPTS=-Xmx1g mvn verify",
            "mvn verify # a comment",
            "(mvn verify)",
            "   ")) {
      assertThat(ShellWords.split(c)).as(c).isEmpty();
    }
  }
}
