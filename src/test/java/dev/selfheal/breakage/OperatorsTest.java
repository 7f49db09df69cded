package dev.selfheal.breakage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfheal.testing.Projects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each operator on a small project: what it breaks, how, and the fix it then expects. */
class OperatorsTest {
  private static final String SHOP = "src/main/java/com/acme/shop/";
  private static final String PRICE =
      """
      package com.acme.shop;

      public final class Pricing {
        public long priceOf(Item item, int quantity) {
          return item.cents() * quantity;
        }

        public String label(Item item, boolean loud) {
          return "Item " + item.name();
        }

        public int size() {
          return 3;
        }

        public String currency() {
          return "EUR";
        }
      }
      """;
  private static final String ITEM =
      """
      package com.acme.shop;

      public record Item(String name, long cents) {}
      """;
  private static final String CART =
      """
      package com.acme.shop.cart;

      import com.acme.shop.Item;
      import com.acme.shop.Pricing;
      import java.util.List;
      import java.util.Map;

      public class Cart {
        private final Pricing pricing = new Pricing();

        public long total(List<Item> items) {
          long sum = 0;
          for (Item i : items) {
            sum += pricing.priceOf(i, 2);
          }
          return sum + pricing.size();
        }

        public String first(List<Item> items) {
          return pricing.label(items.get(0), true);
        }
      }
      """;
  private static final String CART_TEST =
      """
      package com.acme.shop.cart;

      import static org.junit.jupiter.api.Assertions.assertEquals;

      import com.acme.shop.Item;
      import java.util.List;
      import org.junit.jupiter.api.Test;

      class CartTest {
        @Test
        void totals() {
          assertEquals("Item tea", new Cart().first(List.of(new Item("tea", 5))));
          assertEquals("EUR", new com.acme.shop.Pricing().currency());
        }
      }
      """;

  @TempDir Path root;

  private SourceTree project() throws Exception {
    Projects.write(root, "pom.xml", POM);
    Projects.write(root, SHOP + "Pricing.java", PRICE);
    Projects.write(root, SHOP + "Item.java", ITEM);
    Projects.write(root, SHOP + "cart/Cart.java", CART);
    Projects.write(root, "src/test/java/com/acme/shop/cart/CartTest.java", CART_TEST);
    return SourceTree.read(root);
  }

  private static Breakage only(List<Breakage> all, String idPart) {
    List<Breakage> hits = all.stream().filter(b -> b.id().contains(idPart)).toList();
    assertThat(hits).as(idPart).hasSize(1);
    return hits.get(0);
  }

  @Test
  void dropImportOnlyRemovesImportsTheFileUses() throws Exception {
    List<Breakage> all = new DropImport().breakages(project());
    assertThat(all).noneMatch(b -> b.id().endsWith("java.util.Map")); // unused: breaks nothing
    Breakage b = only(all, SHOP + "cart/Cart.java:java.util.List");
    assertThat(b.writes().get(SHOP + "cart/Cart.java"))
        .isEqualTo(CART.replace("import java.util.List;\n", ""));
    assertThat(b.expected())
        .isEqualTo(
            new Expectation.Files("java/missing-import", Map.of(SHOP + "cart/Cart.java", CART)));
  }

  @Test
  void renameMethodChangesTheDeclarationOnlyAndExpectsEveryCallFollowed() throws Exception {
    List<Breakage> all = new RenameMethod().breakages(project());
    assertThat(all).noneMatch(b -> b.id().endsWith(".size")); // named like a JDK method
    Breakage b = only(all, "Pricing.priceOf");
    String renamed = ((Expectation.Files) b.expected()).texts().get(SHOP + "cart/Cart.java");
    String newName = renamed.replaceAll("(?s).*pricing\\.(\\w+)\\(i, 2\\).*", "$1");
    assertThat(newName).isNotEqualTo("priceOf");
    assertThat(b.writes().get(SHOP + "Pricing.java"))
        .contains("public long " + newName + "(Item item");
    assertThat(b.writes()).containsOnlyKeys(SHOP + "Pricing.java");
    assertThat(b.commitMessage()).startsWith("refactor: rename Pricing.priceOf to " + newName);
  }

  @Test
  void aMethodNamedLikeARecordComponentIsNotRenamedForItsCallsMayBeTheAccessors() throws Exception {
    Projects.write(root, "pom.xml", POM);
    Projects.write(
        root,
        SHOP + "View.java",
        """
        package com.acme.shop;

        public final class View {
          public String title(Book b) {
            return b.name().toUpperCase();
          }

          public String shout(Book b) {
            return title(b) + "!";
          }
        }
        """);
    Projects.write(
        root, SHOP + "Book.java", "package com.acme.shop;\n\npublic record Book(String name) {}\n");
    assertThat(new RenameMethod().breakages(SourceTree.read(root)))
        .extracting(Breakage::id)
        .containsExactly("rename-method:View.title");
    // Book's accessor title() is called as b.title(): renaming every title( would rename it too.
    Projects.write(
        root,
        SHOP + "View.java",
        Files.readString(root.resolve(SHOP + "View.java")).replace("b.name()", "b.title()"));
    Projects.write(
        root,
        SHOP + "Book.java",
        "package com.acme.shop;\n\npublic record Book(String title) {}\n");
    assertThat(new RenameMethod().breakages(SourceTree.read(root))).isEmpty();
  }

  @Test
  void moveTypeLeavesUsersBehindAndExpectsTheirImports() throws Exception {
    Breakage b = only(new MoveType().breakages(project()), "com.acme.shop.Pricing");
    String moved = b.writes().keySet().iterator().next();
    assertThat(b.deletes()).containsExactly(SHOP + "Pricing.java");
    String target = moved.substring(SHOP.length(), moved.lastIndexOf('/'));
    assertThat(b.writes().get(moved))
        .startsWith("package com.acme.shop." + target + ";")
        .contains("import com.acme.shop.Item;"); // the moved file keeps compiling on its own
    assertThat(((Expectation.Files) b.expected()).texts().get(SHOP + "cart/Cart.java"))
        .contains("import com.acme.shop." + target + ".Pricing;")
        .doesNotContain("import com.acme.shop.Pricing;");
  }

  @Test
  void parameterOperators() throws Exception {
    SourceTree p = project();
    Breakage swap = only(new ReorderParameters().breakages(p), "Pricing.priceOf:item,quantity");
    assertThat(swap.writes().get(SHOP + "Pricing.java"))
        .contains("priceOf(int quantity, Item item)");
    assertThat(((Expectation.Files) swap.expected()).texts().get(SHOP + "cart/Cart.java"))
        .contains("pricing.priceOf(2, i)");

    Breakage removed = only(new RemoveParameter().breakages(p), "Pricing.label:loud");
    assertThat(new RemoveParameter().breakages(p)).hasSize(1); // item and quantity are used
    assertThat(removed.writes().get(SHOP + "Pricing.java")).contains("label(Item item) {");
    assertThat(((Expectation.Files) removed.expected()).texts().get(SHOP + "cart/Cart.java"))
        .contains("pricing.label(items.get(0));");

    Breakage added = only(new AddParameter().breakages(p), "Pricing.priceOf");
    assertThat(added.writes().get(SHOP + "Pricing.java")).contains("int quantity, boolean strict)");
    assertThat(added.expected()).isInstanceOf(Expectation.None.class);
  }

  @Test
  void changeOutputIsAFeatureOnlyWhenItSaysSo() throws Exception {
    SourceTree p = project();
    assertThat(new ChangeOutput(true).breakages(p))
        .as("only a returned literal that a test asserts")
        .extracting(Breakage::id)
        .containsExactly("change-output:Pricing.currency:\"EUR\"");
    Breakage feat = only(new ChangeOutput(true).breakages(p), "Pricing.currency");
    assertThat(feat.writes().get(SHOP + "Pricing.java")).contains("return \"EUR!\";");
    assertThat(feat.commitMessage()).startsWith("feat: ");
    assertThat(feat.expected()).isInstanceOf(Expectation.TestLiterals.class);
    Breakage regress = only(new ChangeOutput(false).breakages(p), "Pricing.currency");
    assertThat(regress.commitMessage()).doesNotStartWith("feat");
    // Not said to be on purpose: a regression, whose right fix restores the value.
    assertThat(regress.expected()).isInstanceOf(Expectation.Restore.class);
    assertThat(regress.expected().recipe()).isEqualTo("java/logic-repair");
  }

  @Test
  void lintViolationsOnlyWhereTheBuildLints() throws Exception {
    SourceTree p = project();
    assertThat(new LintViolation().breakages(p)).isEmpty();
    Projects.write(root, "checkstyle.xml", "<module name=\"Checker\"/>\n");
    List<Breakage> all = new LintViolation().breakages(SourceTree.read(root));
    assertThat(all).isNotEmpty();
    for (Breakage b : all) {
      String file = b.writes().keySet().iterator().next();
      assertThat(b.writes().get(file)).isNotEqualTo(SourceTree.read(root).text(file));
    }
  }

  @Test
  void removeDependencyTouchesOnlyTheProjectsOwnDependencies() throws Exception {
    List<Breakage> all = new RemoveDependency().breakages(project());
    assertThat(all)
        .extracting(Breakage::id)
        .containsExactly("remove-dependency:pom.xml:junit-jupiter");
    assertThat(all.get(0).writes().get("pom.xml"))
        .doesNotContain("<artifactId>junit-jupiter</artifactId>")
        .contains("<artifactId>managed-only</artifactId>");
  }

  @Test
  void theSampleIsReproducibleAndBounded() throws Exception {
    List<Breakage> all = Operators.breakages(project());
    List<Breakage> a = Sampler.sample(List.of(all), 1, 42);
    assertThat(a).isEqualTo(Sampler.sample(List.of(all), 1, 42));
    assertThat(a.stream().map(Breakage::kind).distinct().count()).isEqualTo(a.size());
    assertThat(Sampler.sample(List.of(all, all), 2, 42)).hasSizeGreaterThan(a.size());
  }

  private static final String POM =
      """
      <project>
        <modelVersion>4.0.0</modelVersion>
        <groupId>com.acme</groupId>
        <artifactId>shop</artifactId>
        <version>1</version>
        <dependencyManagement>
          <dependencies>
            <dependency><groupId>x</groupId><artifactId>managed-only</artifactId><version>1</version></dependency>
          </dependencies>
        </dependencyManagement>
        <dependencies>
          <dependency>
            <groupId>org.junit.jupiter</groupId>
            <artifactId>junit-jupiter</artifactId>
            <version>5.14.4</version>
            <scope>test</scope>
          </dependency>
        </dependencies>
      </project>
      """;
}
