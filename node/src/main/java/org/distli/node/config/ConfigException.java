package org.distli.node.config;

/**
 * A setting that cannot be used. The message names where the value came from ({@code --rpc-port},
 * {@code DISTLI_RPC_PORT} or {@code config.yaml: rpc.port}) and why it was refused.
 */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
