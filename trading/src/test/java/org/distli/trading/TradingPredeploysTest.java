package org.distli.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.crypto.Keccak256;
import org.distli.genesis.DevChain;
import org.distli.genesis.Genesis;
import org.distli.genesis.GenesisAccount;
import org.distli.primitives.Address;
import org.junit.jupiter.api.Test;

class TradingPredeploysTest {
  private static final Address OWNER =
      Address.fromHex("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
  private static final Address HOLDER =
      Address.fromHex("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");

  @Test
  void tokenBalancesSitInTheBalanceOfMappingSlots() {
    PredeployedContract alpha = TradingPredeploys.devChain(OWNER, List.of(OWNER, HOLDER)).get(1);
    // balanceOf is the fourth state variable (slot 3): balanceOf[a] = keccak(pad32(a) ++ pad32(3)).
    UInt256 slot =
        UInt256.fromBytes(
            Keccak256.hash(Bytes.concatenate(Bytes32.leftPad(HOLDER.toBytes()), UInt256.valueOf(3)))
                .toBytes());
    assertEquals(UInt256.valueOf(TradingPredeploys.HOLDER_BALANCE), alpha.storage().get(slot));
    assertEquals(
        UInt256.valueOf(TradingPredeploys.HOLDER_BALANCE.shiftLeft(1)),
        alpha.storage().get(UInt256.valueOf(2)),
        "totalSupply");
    assertEquals(shortString("Distli Alpha"), alpha.storage().get(UInt256.ZERO), "name");
    assertEquals(shortString("ALPHA"), alpha.storage().get(UInt256.ONE), "symbol");
    assertEquals(TradingPredeploys.ALPHA, alpha.address());
    assertEquals(
        ContractArtifact.load(ContractArtifact.DEMO_TOKEN).runtimeCode(), alpha.code(), "code");
  }

  @Test
  void orderBookIsOwnedWithBothMarketsListed() {
    PredeployedContract book = TradingPredeploys.devChain(OWNER, List.of(HOLDER)).getFirst();
    // Slot 0 packs owner (low 20 bytes) and nextOrderId = 1 above it.
    UInt256 expectedSlot0 = UInt256.fromBytes(OWNER.toBytes()).or(UInt256.ONE.shiftLeft(160));
    assertEquals(expectedSlot0, book.storage().get(UInt256.ZERO));
    // assets (slot 4) holds [ALPHA, BETA].
    assertEquals(UInt256.valueOf(2), book.storage().get(UInt256.valueOf(4)));
    UInt256 first = UInt256.fromBytes(Keccak256.hash(UInt256.valueOf(4).toBytes()).toBytes());
    assertEquals(UInt256.fromBytes(TradingPredeploys.ALPHA.toBytes()), book.storage().get(first));
    assertEquals(
        UInt256.fromBytes(TradingPredeploys.BETA.toBytes()), book.storage().get(first.add(1)));
    // markets[BETA] (mapping at slot 1): quote ALPHA, 18 decimals, listed; then lot and tick sizes.
    UInt256 market =
        UInt256.fromBytes(
            Keccak256.hash(
                    Bytes.concatenate(
                        Bytes32.leftPad(TradingPredeploys.BETA.toBytes()), UInt256.ONE))
                .toBytes());
    UInt256 packed =
        UInt256.fromBytes(TradingPredeploys.ALPHA.toBytes())
            .or(UInt256.valueOf(18).shiftLeft(160))
            .or(UInt256.ONE.shiftLeft(168));
    assertEquals(packed, book.storage().get(market));
    assertEquals(
        UInt256.valueOf(TradingPredeploys.LOT_SIZE)
            .or(UInt256.valueOf(TradingPredeploys.TICK_SIZE).shiftLeft(128)),
        book.storage().get(market.add(1)));
  }

  @Test
  void devChainGenesisFundsTheDevAccountsWithBothTokens() {
    Genesis genesis = TradingPredeploys.devChainGenesis();
    Map<Address, GenesisAccount> alloc = genesis.alloc();
    for (Address contract :
        List.of(TradingPredeploys.ORDER_BOOK, TradingPredeploys.ALPHA, TradingPredeploys.BETA)) {
      assertTrue(alloc.containsKey(contract), contract + " predeployed");
      assertEquals(1, alloc.get(contract).nonce());
    }
    GenesisAccount alpha = alloc.get(TradingPredeploys.ALPHA);
    assertEquals(
        UInt256.valueOf(
            TradingPredeploys.HOLDER_BALANCE.multiply(java.math.BigInteger.valueOf(20))),
        alpha.storage().get(UInt256.valueOf(2)));
    assertEquals(DevChain.ACCOUNT_COUNT + 3, alloc.size());
  }

  private static UInt256 shortString(String text) {
    byte[] word = new byte[32];
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(utf8, 0, word, 0, utf8.length);
    word[31] = (byte) (2 * utf8.length);
    return UInt256.fromBytes(Bytes32.wrap(word));
  }
}
