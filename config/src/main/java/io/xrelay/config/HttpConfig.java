package io.xrelay.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The HTTP server (API, dashboard, metrics, health). Without an admin token the endpoints that
 * change state (retry, delete) are refused.
 */
public record HttpConfig(String host, int port, Optional<SecretSource> adminToken) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 9645;

  public HttpConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(adminToken, "adminToken");
  }
}
