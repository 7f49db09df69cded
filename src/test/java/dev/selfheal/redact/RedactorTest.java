package dev.selfheal.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {
  private final Redactor r =
      new Redactor(Map.of("MY_SERVICE_TOKEN", "s3cr3t-value-123", "PATH", "/usr/bin"));

  @Test
  void plantedSecretsNeverSurvive() {
    String text =
        String.join(
            "\n",
            "token ghp_abcdefghijklmnopqrstuvwxyz0123456789",
            "aws AKIAIOSFODNN7EXAMPLE",
            "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
            "db.password=CorrectHorseBattery",
            "url jdbc:postgresql://app:pa55word@db:5432/x",
            "env s3cr3t-value-123",
            "key sk-ant-api03-abcdefghijklmnopqrstuvwxyz");
    String out = r.redact(text);
    assertThat(out)
        .doesNotContain(
            "ghp_abcdefghijklmnopqrstuvwxyz0123456789",
            "AKIAIOSFODNN7EXAMPLE",
            "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
            "CorrectHorseBattery",
            "pa55word",
            "s3cr3t-value-123",
            "sk-ant-api03-abcdefghijklmnopqrstuvwxyz");
    assertThat(out.lines().count()).isEqualTo(text.lines().count());
    assertThat(Redactor.containsPlaceholder(out)).isTrue();
    assertThat(r.restore(out)).isEqualTo(text);
  }

  @Test
  void privateKeyBlocksKeepTheirLineCount() {
    String key =
        "a\n-----BEGIN RSA PRIVATE KEY-----\nMIIEow\nIBAAK\n-----END RSA PRIVATE KEY-----\nb at line 6";
    String out = r.redact(key);
    assertThat(out).doesNotContain("MIIEow");
    assertThat(out.lines().toList()).hasSize(6).last().isEqualTo("b at line 6");
    assertThat(r.restore(out)).isEqualTo(key);
  }

  @Test
  void placeholdersAreStableAndOrdinaryTextIsUntouched() {
    String a = r.redact("x ghp_abcdefghijklmnopqrstuvwxyz0123456789");
    String b = r.redact("y ghp_abcdefghijklmnopqrstuvwxyz0123456789");
    assertThat(a.substring(2)).isEqualTo(b.substring(2));
    String code = "int password = computeLength(s); // see the secret sauce";
    assertThat(r.redact("cannot find symbol: class List"))
        .isEqualTo("cannot find symbol: class List");
    assertThat(r.redact(r.redact(code))).isEqualTo(r.redact(code));
  }
}
