package io.xrelay.relayer.cli;

import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    final String version = RelayerCommand.class.getPackage().getImplementationVersion();
    return new String[] {"relayer " + (version == null ? "development build" : version)};
  }
}
