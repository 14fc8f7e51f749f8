package org.distli.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.distli.evm.Fork;
import org.distli.genesis.GenesisException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainSetupTest {
  @TempDir Path dir;

  @Test
  void theDevChainRunsCancun() {
    assertEquals(Fork.CANCUN, ChainSetup.genesis(Optional.empty()).config().forkAt(0, 0));
  }

  @Test
  void aChainScheduledToReachAnUnimplementedForkIsRefused() throws IOException {
    Path file = dir.resolve("genesis.json");
    Files.writeString(
        file,
        """
        {"config":{"chainId":12345,"londonBlock":0,"shanghaiTime":0,"cancunTime":0,
                   "pragueTime":1900000000},
         "gasLimit":"0x1c9c380","alloc":{}}
        """);
    GenesisException error =
        assertThrows(GenesisException.class, () -> ChainSetup.genesis(Optional.of(file)));
    assertEquals(
        "prague is scheduled (at time 1900000000) but not supported yet: Distli implements the"
            + " rules up to cancun",
        error.getMessage());
  }
}
