package org.distli.storage;

import java.util.regex.Pattern;

/**
 * A named column of a {@link KeyValueStore} (a RocksDB column family): one kind of data with its
 * own key space. Modules declare their columns as constants next to the code that owns the data; a
 * store creates a column the first time it is used.
 */
public record Column(String name) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  public Column {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "column name must be lower-case letters, digits and '_', got " + name);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
