package io.xrelay.config;

/** A value of a configuration key that takes one of a fixed set of kebab-case names. */
public interface ConfigChoice {
  /** The name written in the file, the environment and on the command line. */
  String configName();
}
