package org.distli.genesis;

/**
 * A genesis file that cannot be used. The message starts with the field's path and says why, as in
 * {@code validators[0].stake: not a number: "abc"}.
 */
public final class GenesisException extends IllegalArgumentException {
  private final String field;

  public GenesisException(String field, String reason) {
    super(field.isEmpty() ? reason : field + ": " + reason);
    this.field = field;
  }

  /** The path of the offending field ({@code alloc.0x12..34.balance}); empty for the whole file. */
  public String field() {
    return field;
  }
}
