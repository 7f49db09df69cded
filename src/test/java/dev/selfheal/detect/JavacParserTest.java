package dev.selfheal.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.selfheal.model.Failure;
import dev.selfheal.model.FailureKind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * maven-compiler-plugin and plain javac output, recorded on this machine (see fixtures/README.md).
 */
class JavacParserTest {
  private static final String[] SHOP = {
    "pom.xml",
    "src/main/java/com/acme/shop/Cart.java",
    "src/main/java/com/acme/shop/Square.java",
    "src/main/java/com/acme/shop/Pricing.java"
  };

  @TempDir Path repo;

  @Test
  void mavenSymbolErrorsAreFoldedWithTheirDetails() {
    List<Failure> f =
        Fixtures.scan("maven/compile-symbols.log", Fixtures.layout(repo, SHOP), "/tmp/fx/mcompile");
    assertThat(f)
        .extracting(Failure::kind, Failure::file, Failure::line, Failure::column, Failure::message)
        .containsExactly(
            tuple(
                FailureKind.COMPILE_ERROR,
                "src/main/java/com/acme/shop/Cart.java",
                4,
                24,
                "package com.acme.missing does not exist"),
            tuple(
                FailureKind.COMPILE_ERROR,
                "src/main/java/com/acme/shop/Cart.java",
                7,
                17,
                "cannot find symbol: class List"),
            tuple(
                FailureKind.COMPILE_ERROR,
                "src/main/java/com/acme/shop/Square.java",
                3,
                8,
                "com.acme.shop.Square is not abstract and does not override abstract method area() in com.acme.shop.Shape"));
    assertThat(f.get(1).details().symbol()).isEqualTo("class List");
    assertThat(f.get(1).details().location()).isEqualTo("class com.acme.shop.Cart");
  }

  @Test
  void mavenTypeAndSignatureErrors() {
    List<Failure> f =
        Fixtures.scan("maven/compile-types.log", Fixtures.layout(repo, SHOP), "/tmp/fx/mcompile");
    assertThat(f)
        .extracting(Failure::line, Failure::column, Failure::message)
        .containsExactly(
            tuple(14, 26, "incompatible types: int cannot be converted to java.lang.String"),
            tuple(
                15,
                19,
                "method sum in class com.acme.shop.Pricing cannot be applied to given types;"),
            tuple(23, 17, "cannot find symbol: method sizee()"));
    assertThat(f.get(1).details().location())
        .contains("required: java.util.List<com.acme.shop.Item>")
        .contains("reason: actual and formal argument lists differ in length");
    assertThat(f.get(2).details().location())
        .isEqualTo("variable items of type java.util.List<com.acme.shop.Item>");
  }

  @Test
  void nestedDiagnosticOfAMethodReferenceKeepsItsSymbol() {
    Fixtures.layout(repo, "pom.xml", "src/main/java/com/example/shop/Cart.java");
    List<Failure> f = Fixtures.scan("maven/compile-renamed-method.log", repo, "/tmp/rn");
    assertThat(f)
        .extracting(Failure::line, Failure::column, Failure::message)
        .containsExactly(
            tuple(16, 37, "invalid method reference: method totalCents(T)"),
            tuple(22, 31, "cannot find symbol: method totalCents()"));
    assertThat(f.get(0).details().location()).isEqualTo("class com.example.shop.Item");
    assertThat(f.get(1).details().location())
        .isEqualTo("variable item of type com.example.shop.Item");
  }

  @Test
  void unreportedException() {
    List<Failure> f =
        Fixtures.scan(
            "maven/compile-exception.log", Fixtures.layout(repo, SHOP), "/tmp/fx/mcompile");
    assertThat(f)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.message())
                  .isEqualTo(
                      "unreported exception java.io.IOException; must be caught or declared to be thrown");
              assertThat(x.line()).isEqualTo(19);
              assertThat(x.column()).isEqualTo(35);
            });
  }

  @Test
  void plainJavacTakesTheColumnFromTheCaret() {
    List<Failure> f = Fixtures.scan("javac/symbols.log", Fixtures.layout(repo, SHOP), null);
    assertThat(f)
        .extracting(Failure::file, Failure::line, Failure::column, Failure::message)
        .containsExactly(
            tuple(
                "src/main/java/com/acme/shop/Cart.java",
                4,
                24,
                "package com.acme.missing does not exist"),
            tuple("src/main/java/com/acme/shop/Cart.java", 7, 17, "cannot find symbol: class List"),
            tuple(
                "src/main/java/com/acme/shop/Square.java",
                3,
                8,
                "Square is not abstract and does not override abstract method area() in Shape"));
    assertThat(f.get(1).excerpt()).contains("private final List<Item> items");
  }

  @Test
  void plainJavacTypesAndExceptions() {
    Fixtures.layout(repo, SHOP);
    assertThat(Fixtures.scan("javac/types.log", repo, null))
        .extracting(Failure::line, Failure::column)
        .containsExactly(tuple(14, 26), tuple(15, 19), tuple(23, 17));
    assertThat(Fixtures.scan("javac/exception.log", repo, null))
        .extracting(Failure::line, Failure::column, Failure::message)
        .containsExactly(
            tuple(
                19,
                35,
                "unreported exception IOException; must be caught or declared to be thrown"));
  }

  @Test
  void fingerprintIgnoresLineNumbersAndTheMachine() {
    Fixtures.layout(repo, SHOP);
    Failure maven = Fixtures.scan("maven/compile-symbols.log", repo, "/tmp/fx/mcompile").get(1);
    String moved =
        "[ERROR] /home/runner/work/shop/shop/src/main/java/com/acme/shop/Cart.java:[99,3] cannot find symbol\n"
            + "[ERROR]   symbol:   class List\n[ERROR]   location: class com.acme.shop.Cart\n";
    Failure elsewhere = LogScanTest.scanText(moved, repo).get(0);
    assertThat(elsewhere.file()).isEqualTo(maven.file());
    assertThat(elsewhere.fingerprint()).isEqualTo(maven.fingerprint());
  }
}
