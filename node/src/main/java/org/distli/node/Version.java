package org.distli.node;

import picocli.CommandLine;

/** The version this build reports, read from the jar manifest. */
public final class Version {
  private Version() {}

  public static String version() {
    String fromManifest = Version.class.getPackage().getImplementationVersion();
    return fromManifest != null ? fromManifest : "dev";
  }

  /** What web3_clientVersion reports, in the client/version/os/runtime shape other clients use. */
  public static String clientVersion() {
    return "distli/v"
        + version()
        + "/"
        + System.getProperty("os.name").toLowerCase().replace(' ', '-')
        + "-"
        + System.getProperty("os.arch")
        + "/java"
        + Runtime.version().feature();
  }

  public static String banner() {
    return "Distli "
        + version()
        + " - an EVM-compatible proof-of-stake node (Java "
        + Runtime.version()
        + ")";
  }

  /** Supplies {@code --version} to picocli. */
  public static final class Provider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {clientVersion()};
    }
  }
}
