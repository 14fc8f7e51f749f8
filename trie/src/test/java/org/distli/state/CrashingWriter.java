package org.distli.state;

import java.nio.file.Path;
import org.distli.primitives.Hash;
import org.distli.storage.RocksDbConfig;
import org.distli.storage.RocksDbKeyValueStore;

/**
 * The writer process of {@link CrashRecoveryTest}: reopens the database, then commits the blocks of
 * {@link RandomBlocks} after its head as fast as it can, printing each block number once committed,
 * until it is killed.
 */
public final class CrashingWriter {
  static final long SEED = 42;
  static final int POOL = 400;
  static final int PER_BLOCK = 120;
  static final int HISTORY = 4;

  private CrashingWriter() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    RandomBlocks blocks = new RandomBlocks(SEED, POOL, PER_BLOCK);
    try (RocksDbKeyValueStore store = RocksDbKeyValueStore.open(dir, RocksDbConfig.DEFAULT);
        StateDatabase db =
            StateDatabase.open(store, StateDatabaseConfig.DEFAULT.withHistoryBlocks(HISTORY))) {
      long next = 0;
      Hash root = Hash.EMPTY_TRIE_ROOT;
      var head = db.head();
      if (head.isPresent()) {
        for (long n = 0; n <= head.get().blockNumber(); n++) {
          blocks.next(n);
        }
        next = head.get().blockNumber() + 1;
        root = head.get().root();
      }
      System.out.println("ready " + next);
      System.out.flush();
      while (true) {
        root = db.commit(root, blocks.next(next), next);
        System.out.println("committed " + next);
        System.out.flush();
        next++;
      }
    }
  }
}
