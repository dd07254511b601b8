package io.xrelay.config;

/** How the service writes its log: one line per event, as text or as JSON. */
public enum LogFormat implements ConfigChoice {
  TEXT("text"),
  JSON("json");

  private final String configName;

  LogFormat(final String configName) {
    this.configName = configName;
  }

  @Override
  public String configName() {
    return configName;
  }

  @Override
  public String toString() {
    return configName;
  }
}
