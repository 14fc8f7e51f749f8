package org.distli.trading;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.genesis.DevAccount;
import org.distli.genesis.DevChain;
import org.distli.genesis.Genesis;
import org.distli.genesis.GenesisAccount;
import org.distli.primitives.Address;

/**
 * The trading contracts of the dev chain, at fixed addresses from genesis: the order book with two
 * listed markets and two demo tokens.
 *
 * <ul>
 *   <li>{@link #ORDER_BOOK} — the {@code OrderBook}, owned by the given owner;
 *   <li>{@link #ALPHA} — {@code DemoToken} "Distli Alpha" (ALPHA), traded against the native coin;
 *   <li>{@link #BETA} — {@code DemoToken} "Distli Beta" (BETA), traded against ALPHA.
 * </ul>
 *
 * <p>Both markets use lot size {@link #LOT_SIZE} (0.001 token) and tick size {@link #TICK_SIZE}
 * (0.000001 quote per token). Every holder gets {@link #HOLDER_BALANCE} of each token.
 *
 * <p>Genesis runs no constructor, so the storage is computed from solc's storage layout to equal
 * what deploying the tokens with {@code (name, symbol, holders, HOLDER_BALANCE)}, deploying the
 * book from {@code owner} and calling {@code listMarket} twice leaves behind (a test runs exactly
 * that in the EVM and compares).
 */
public final class TradingPredeploys {
  public static final Address ORDER_BOOK =
      Address.fromHex("0xd157100000000000000000000000000000000001");
  public static final Address ALPHA = Address.fromHex("0xd157100000000000000000000000000000000002");
  public static final Address BETA = Address.fromHex("0xd157100000000000000000000000000000000003");

  public static final BigInteger TOKEN_UNIT = BigInteger.TEN.pow(18);
  public static final BigInteger HOLDER_BALANCE =
      BigInteger.valueOf(1_000_000).multiply(TOKEN_UNIT);
  public static final BigInteger LOT_SIZE = BigInteger.TEN.pow(15);
  public static final BigInteger TICK_SIZE = BigInteger.TEN.pow(12);

  private static final String MARKET = "struct OrderBook.Market";

  private TradingPredeploys() {}

  /**
   * The genesis accounts: order book first, then ALPHA and BETA.
   *
   * @param owner who may list further markets on the order book
   * @param holders the accounts that start with {@link #HOLDER_BALANCE} of each token
   */
  public static List<PredeployedContract> devChain(Address owner, List<Address> holders) {
    return List.of(
        orderBook(owner, List.of(new Listing(ALPHA, Address.ZERO), new Listing(BETA, ALPHA))),
        demoToken("ALPHA", ALPHA, "Distli Alpha", holders),
        demoToken("BETA", BETA, "Distli Beta", holders));
  }

  /**
   * The dev chain's genesis ({@link DevChain#genesis()}) with the trading predeploys: owned by dev
   * account 0, every one of the 20 dev accounts holding {@link #HOLDER_BALANCE} of each token.
   */
  public static Genesis devChainGenesis() {
    List<Address> holders = DevChain.accounts().stream().map(DevAccount::address).toList();
    return DevChain.genesis().withAccounts(genesisAccounts(holders.getFirst(), holders));
  }

  /** {@link #devChain} as genesis allocation entries. */
  public static Map<Address, GenesisAccount> genesisAccounts(Address owner, List<Address> holders) {
    Map<Address, GenesisAccount> accounts = new LinkedHashMap<>();
    for (PredeployedContract contract : devChain(owner, holders)) {
      accounts.put(
          contract.address(), GenesisAccount.contract(contract.code(), contract.storage()));
    }
    return accounts;
  }

  /** What {@code GET /api/contracts} lists on the dev chain. */
  public static List<KnownContract> devChainContracts() {
    return List.of(
        new KnownContract("OrderBook", ContractArtifact.ORDER_BOOK, ORDER_BOOK),
        new KnownContract("ALPHA", ContractArtifact.DEMO_TOKEN, ALPHA),
        new KnownContract("BETA", ContractArtifact.DEMO_TOKEN, BETA));
  }

  private record Listing(Address asset, Address quote) {}

  private static PredeployedContract orderBook(Address owner, List<Listing> listings) {
    ContractArtifact artifact = ContractArtifact.load(ContractArtifact.ORDER_BOOK);
    StorageLayout layout = artifact.storageLayout();
    StorageImage storage = new StorageImage();
    storage.put(layout.variable("owner"), UInt256.fromBytes(owner.toBytes()));
    storage.put(layout.variable("nextOrderId"), UInt256.ONE);
    UInt256 markets = layout.variable("markets").slot();
    UInt256 assets = layout.variable("assets").slot();
    storage.put(assets, 0, 32, UInt256.valueOf(listings.size()));
    for (int i = 0; i < listings.size(); i++) {
      Listing listing = listings.get(i);
      UInt256 market = StorageImage.mappingSlot(markets, listing.asset());
      storage.put(
          market, layout.member(MARKET, "quote"), UInt256.fromBytes(listing.quote().toBytes()));
      storage.put(market, layout.member(MARKET, "baseDecimals"), UInt256.valueOf(18));
      storage.put(market, layout.member(MARKET, "listed"), UInt256.ONE);
      storage.put(market, layout.member(MARKET, "lotSize"), UInt256.valueOf(LOT_SIZE));
      storage.put(market, layout.member(MARKET, "tickSize"), UInt256.valueOf(TICK_SIZE));
      storage.put(
          StorageImage.arrayElementSlot(assets, i),
          0,
          Address.SIZE,
          UInt256.fromBytes(listing.asset().toBytes()));
    }
    return new PredeployedContract(
        "OrderBook", artifact.name(), ORDER_BOOK, artifact.runtimeCode(), storage.toMap());
  }

  private static PredeployedContract demoToken(
      String symbol, Address address, String name, List<Address> holders) {
    ContractArtifact artifact = ContractArtifact.load(ContractArtifact.DEMO_TOKEN);
    StorageLayout layout = artifact.storageLayout();
    StorageImage storage = new StorageImage();
    storage.putShortString(layout.variable("name"), name);
    storage.putShortString(layout.variable("symbol"), symbol);
    UInt256 balances = layout.variable("balanceOf").slot();
    UInt256 each = UInt256.valueOf(HOLDER_BALANCE);
    UInt256 total = UInt256.ZERO;
    for (Address holder : holders) {
      UInt256 slot = StorageImage.mappingSlot(balances, holder);
      // A holder listed twice is minted twice, as the constructor would.
      UInt256 balance = storage.get(slot).add(each);
      storage.put(slot, 0, 32, balance);
      total = total.add(each);
    }
    storage.put(layout.variable("totalSupply"), total);
    return new PredeployedContract(
        symbol, artifact.name(), address, artifact.runtimeCode(), storage.toMap());
  }
}
