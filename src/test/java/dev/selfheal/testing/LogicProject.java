package dev.selfheal.testing;

import java.nio.file.Path;

/**
 * A small Maven project with real logic and boundary tests (pricing, shipping, a cart and stock),
 * on JUnit 5 or JUnit 4, for the logic tier's tests: plant a one-line bug with {@link #plant}.
 */
public final class LogicProject {
  private LogicProject() {}

  public static final String PRICING = "src/main/java/com/acme/shop/Pricing.java";
  public static final String CART = "src/main/java/com/acme/shop/Cart.java";
  public static final String STOCK = "src/main/java/com/acme/shop/Stock.java";

  public static Path write(Path repo, boolean junit4) {
    Projects.write(repo, "pom.xml", pom(junit4));
    Projects.write(
        repo,
        PRICING,
        """
        package com.acme.shop;

        /** Discounts and shipping. */
        public final class Pricing {
          private Pricing() {}

          /** Ten percent off orders of 100 or more. */
          public static int discount(int total) {
            if (total >= 100) {
              return total / 10;
            }
            return 0;
          }

          /** The tax on a net amount, in whole units. */
          public static int vat(int net) {
            return net * 20 / 100;
          }

          /** 5 up to 2 kg, then 2 per extra kg; express doubles it. */
          public static int shipping(int weightKg, boolean express) {
            int base = weightKg <= 2 ? 5 : 5 + (weightKg - 2) * 2;
            return express ? base * 2 : base;
          }
        }
        """);
    Projects.write(
        repo,
        CART,
        """
        package com.acme.shop;

        import java.util.ArrayList;
        import java.util.List;

        /** Lines of an order. */
        public final class Cart {
          private final List<int[]> lines = new ArrayList<>();

          public Cart add(int price, int quantity) {
            lines.add(new int[] {price, quantity});
            return this;
          }

          public int total() {
            int sum = 0;
            for (int i = 0; i < lines.size(); i++) {
              sum += lines.get(i)[0] * lines.get(i)[1];
            }
            return sum;
          }

          public int toPay() {
            int total = total();
            return total - Pricing.discount(total);
          }
        }
        """);
    Projects.write(
        repo,
        STOCK,
        """
        package com.acme.shop;

        import java.util.HashMap;
        import java.util.Map;

        /** Quantities on hand. */
        public final class Stock {
          private final Map<String, Integer> onHand = new HashMap<>();

          public void receive(String sku, int quantity) {
            onHand.merge(sku, quantity, Integer::sum);
          }

          public boolean reserve(String sku, int quantity) {
            Integer have = onHand.get(sku);
            if (have == null || have < quantity) {
              return false;
            }
            onHand.put(sku, have - quantity);
            return true;
          }

          public int left(String sku) {
            return onHand.getOrDefault(sku, 0);
          }
        }
        """);
    String imports =
        junit4
            ? "import static org.junit.Assert.assertEquals;\n"
                + "import static org.junit.Assert.assertFalse;\n"
                + "import static org.junit.Assert.assertTrue;\n\nimport org.junit.Test;\n"
            : "import static org.junit.jupiter.api.Assertions.assertEquals;\n"
                + "import static org.junit.jupiter.api.Assertions.assertFalse;\n"
                + "import static org.junit.jupiter.api.Assertions.assertTrue;\n\n"
                + "import org.junit.jupiter.api.Test;\n";
    String pub = junit4 ? "public " : "";
    Projects.write(
        repo,
        "src/test/java/com/acme/shop/PricingTest.java",
        ("package com.acme.shop;\n\n" + imports + "\n" + pub + "class PricingTest {\n")
            + test(pub, "noDiscountBelowAHundred", "assertEquals(0, Pricing.discount(99));")
            + test(pub, "discountAtAHundred", "assertEquals(10, Pricing.discount(100));")
            + test(pub, "discountAbove", "assertEquals(25, Pricing.discount(250));")
            + test(pub, "lightParcel", "assertEquals(5, Pricing.shipping(2, false));")
            + test(pub, "heavyParcel", "assertEquals(11, Pricing.shipping(5, false));")
            + test(pub, "express", "assertEquals(22, Pricing.shipping(5, true));")
            + test(pub, "vatIsTwentyPercent", "assertEquals(20, Pricing.vat(100));")
            + "}\n");
    Projects.write(
        repo,
        "src/test/java/com/acme/shop/CartTest.java",
        ("package com.acme.shop;\n\n" + imports + "\n" + pub + "class CartTest {\n")
            + test(pub, "emptyCart", "assertEquals(0, new Cart().total());")
            + test(pub, "oneLine", "assertEquals(30, new Cart().add(10, 3).total());")
            + test(pub, "twoLines", "assertEquals(70, new Cart().add(10, 3).add(20, 2).total());")
            + test(pub, "bigOrderIsDiscounted", "assertEquals(108, new Cart().add(40, 3).toPay());")
            + test(pub, "smallOrderIsNot", "assertEquals(40, new Cart().add(20, 2).toPay());")
            + "}\n");
    Projects.write(
        repo,
        "src/test/java/com/acme/shop/StockTest.java",
        ("package com.acme.shop;\n\n" + imports + "\n" + pub + "class StockTest {\n")
            + test(
                pub,
                "reserveWhatIsThere",
                "Stock s = new Stock();\n    s.receive(\"tea\", 5);\n"
                    + "    assertTrue(s.reserve(\"tea\", 3));\n    assertEquals(2, s.left(\"tea\"));")
            + test(
                pub,
                "reserveAll",
                "Stock s = new Stock();\n    s.receive(\"tea\", 5);\n"
                    + "    assertTrue(s.reserve(\"tea\", 5));\n    assertEquals(0, s.left(\"tea\"));")
            + test(
                pub,
                "notMoreThanThere",
                "Stock s = new Stock();\n    s.receive(\"tea\", 2);\n"
                    + "    assertFalse(s.reserve(\"tea\", 3));")
            + test(pub, "unknownSku", "assertFalse(new Stock().reserve(\"cake\", 1));")
            + "}\n");
    return repo;
  }

  /** Replaces the one place {@code from} occurs in a file of the project. */
  public static void plant(Path repo, String file, String from, String to) {
    try {
      String text = java.nio.file.Files.readString(repo.resolve(file));
      if (text.indexOf(from) < 0 || text.indexOf(from) != text.lastIndexOf(from)) {
        throw new IllegalArgumentException(from + " is not in " + file + " exactly once");
      }
      Projects.write(repo, file, text.replace(from, to));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String test(String pub, String name, String body) {
    return "  @Test\n  " + pub + "void " + name + "() {\n    " + body + "\n  }\n\n";
  }

  private static String pom(boolean junit4) {
    String dep =
        junit4
            ? "<groupId>junit</groupId><artifactId>junit</artifactId><version>4.13.2</version>"
            : "<groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId>"
                + "<version>5.14.4</version>";
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>com.acme</groupId>
          <artifactId>shop</artifactId>
          <version>1.0</version>
          <properties>
            <maven.compiler.release>17</maven.compiler.release>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
          </properties>
          <dependencies>
            <dependency>%s<scope>test</scope></dependency>
          </dependencies>
          <build>
            <plugins>
              <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.14.0</version></plugin>
              <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-surefire-plugin</artifactId><version>3.5.6</version></plugin>
              <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-jar-plugin</artifactId><version>3.4.2</version></plugin>
            </plugins>
          </build>
        </project>
        """
        .formatted(dep);
  }
}
