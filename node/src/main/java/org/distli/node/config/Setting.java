package org.distli.node.config;

import java.util.Locale;

/**
 * One configurable value of the node. Its key names it in the YAML file ({@code rpc.port}); the
 * command-line option and the environment variable follow from the key by one rule: {@code
 * --rpc-port} and {@code DISTLI_RPC_PORT}.
 *
 * @param kind how the text is read, for the help and the reference table
 * @param cliOption false for settings only an environment variable may carry (secrets)
 * @param fileOption false for settings that cannot sit in the config file (the file's own path)
 */
public record Setting(
    String key,
    Kind kind,
    String label,
    String description,
    String defaultDescription,
    boolean cliOption,
    boolean fileOption) {

  public enum Kind {
    BOOLEAN,
    INTEGER,
    PORT,
    TEXT,
    PATH,
    LIST,
    DECIMAL
  }

  /** {@code --rpc-port} for {@code rpc.port}. */
  public String optionName() {
    return "--" + key.replace('.', '-').replace('_', '-');
  }

  /** {@code DISTLI_RPC_PORT} for {@code rpc.port}. */
  public String environmentVariable() {
    return "DISTLI_" + key.replace('.', '_').toUpperCase(Locale.ROOT);
  }
}
