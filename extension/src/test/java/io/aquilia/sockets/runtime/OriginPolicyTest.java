package io.aquilia.sockets.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OriginPolicyTest {

  private final OriginPolicy wildcard = new OriginPolicy(List.of("https://*.example.com"));

  @Test
  void starAllowsAnyOrigin() {
    OriginPolicy p = new OriginPolicy(List.of("*"));
    assertThat(p.allows("https://anything.io")).isTrue();
    assertThat(p.allows("http://localhost:8080")).isTrue();
  }

  @Test
  void exactMatchIgnoresCase() {
    OriginPolicy p = new OriginPolicy(List.of("https://App.Example.com"));
    assertThat(p.allows("https://app.example.com")).isTrue();
    assertThat(p.allows("HTTPS://APP.EXAMPLE.COM")).isTrue();
    assertThat(p.allows("https://app.example.com:8443")).isFalse();
    assertThat(p.allows("http://app.example.com")).isFalse();
    assertThat(p.allows("https://other.example.com")).isFalse();
  }

  @Test
  void exactMatchWithPort() {
    OriginPolicy p = new OriginPolicy(List.of("http://localhost:3000"));
    assertThat(p.allows("http://localhost:3000")).isTrue();
    assertThat(p.allows("http://localhost:3001")).isFalse();
    assertThat(p.allows("http://localhost")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"https://a.example.com", "https://a.b.example.com", "https://A.Example.COM"})
  void subdomainWildcardMatchesSubdomains(String origin) {
    assertThat(wildcard.allows(origin)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://example.com",
        "https://evilexample.com",
        "http://a.example.com",
        "https://a.example.com.evil.io",
        "https://.example.com",
        "https://a.example.com:8443",
        "https://evil.io/.example.com",
        "https://user@a.example.com"
      })
  void subdomainWildcardRejectsLookAlikes(String origin) {
    assertThat(wildcard.allows(origin)).isFalse();
  }

  @Test
  void missingOriginIsAllowed() {
    assertThat(wildcard.allows(null)).isTrue();
  }

  @Test
  void emptyListAllowsAll() {
    OriginPolicy p = new OriginPolicy(List.of());
    assertThat(p.allows("https://evil.io")).isTrue();
    assertThat(p.allows(null)).isTrue();
  }

  @Test
  void severalEntries() {
    OriginPolicy p = new OriginPolicy(List.of("https://a.io", "https://*.b.io"));
    assertThat(p.allows("https://a.io")).isTrue();
    assertThat(p.allows("https://x.b.io")).isTrue();
    assertThat(p.allows("https://x.a.io")).isFalse();
    assertThat(p.allows("https://b.io")).isFalse();
  }

  @Test
  void entryCheck() {
    assertThat(OriginPolicy.check("*")).isEmpty();
    assertThat(OriginPolicy.check("https://*.example.com")).isEmpty();
    assertThat(OriginPolicy.check("http://localhost:8080")).isEmpty();
    assertThat(OriginPolicy.check("example.com")).isPresent();
    assertThat(OriginPolicy.check("https://")).isPresent();
    assertThat(OriginPolicy.check("https://*")).isPresent();
    assertThat(OriginPolicy.check("https://a.*.com")).isPresent();
    assertThat(OriginPolicy.check("https://example.com/")).isPresent();
  }
}
