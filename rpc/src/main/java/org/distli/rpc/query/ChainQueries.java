package org.distli.rpc.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.chain.block.BlobGas;
import org.distli.chain.block.Block;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.block.Receipt;
import org.distli.chain.spec.ChainSpec;
import org.distli.chain.store.ChainReader;
import org.distli.chain.store.TransactionLocation;
import org.distli.chain.transaction.Transaction;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;
import org.distli.rpc.json.ReceiptJson;
import org.distli.rpc.jsonrpc.BlockParameter;
import org.distli.rpc.jsonrpc.RpcException;
import org.distli.state.StateBackend;
import org.distli.state.StateDatabase;
import org.distli.state.StateProof;
import org.distli.state.StateReader;
import org.distli.state.UnknownStateRootException;
import org.distli.txpool.TransactionPool;

/**
 * What the methods ask of the chain, in JSON-RPC's terms: block parameters resolved to headers
 * ("pending" reads as the head: blocks are produced as transactions arrive), state at a block,
 * transactions and receipts with their positions. Reads committed data only, so it is safe on any
 * worker thread while the chain writer moves on.
 */
public final class ChainQueries {
  private final ChainSpec spec;
  private final ChainReader chain;
  private final StateDatabase states;
  private final TransactionPool pool;

  public ChainQueries(
      ChainSpec spec, ChainReader chain, StateDatabase states, TransactionPool pool) {
    this.spec = spec;
    this.chain = chain;
    this.states = states;
    this.pool = pool;
  }

  public ChainSpec spec() {
    return spec;
  }

  public ChainReader chain() {
    return chain;
  }

  public TransactionPool pool() {
    return pool;
  }

  public BlockHeader head() {
    return chain.head();
  }

  /** The header a parameter names; empty when there is no such block (yet). */
  public Optional<BlockHeader> header(BlockParameter block) {
    return switch (block.kind()) {
      case LATEST, PENDING -> Optional.of(chain.head());
      case SAFE -> Optional.of(chain.safe());
      case FINALIZED -> Optional.of(chain.finalized());
      case EARLIEST -> Optional.of(chain.genesis());
      case NUMBER -> chain.header(block.number());
      case HASH -> {
        Optional<BlockHeader> header = chain.header(block.hash());
        if (header.isPresent() && block.requireCanonical() && !chain.isCanonical(block.hash())) {
          throw RpcException.server("hash is not currently canonical");
        }
        yield header;
      }
    };
  }

  /** The header for a state query: "header not found" (go-ethereum's wording) when absent. */
  public BlockHeader requireHeader(BlockParameter block) {
    return header(block)
        .orElseThrow(
            () ->
                RpcException.server(
                    block.isHash() ? "header for hash not found" : "header not found"));
  }

  public Optional<Block> block(BlockParameter block) {
    return header(block).flatMap(h -> chain.block(h.hash()));
  }

  /** The state after {@code header}'s block. */
  public StateReader state(BlockHeader header) {
    return backend(header);
  }

  /** The state after {@code header}'s block, as a base for executing calls on top of it. */
  public StateBackend backend(BlockHeader header) {
    try {
      return states.at(header.stateRoot());
    } catch (UnknownStateRootException e) {
      throw RpcException.server(e.getMessage());
    }
  }

  /** The parent of {@code header}; empty for the genesis. */
  public Optional<BlockHeader> parent(BlockHeader header) {
    return header.number() == 0 ? Optional.empty() : chain.header(header.parentHash());
  }

  /** EIP-1186 proofs of an account and slots in the state after {@code header}'s block. */
  public StateProof proof(BlockHeader header, Address address, List<UInt256> slots) {
    try {
      return states.proof(header.stateRoot(), address, slots);
    } catch (UnknownStateRootException e) {
      throw RpcException.server(e.getMessage());
    }
  }

  public StateReader state(BlockParameter block) {
    return state(requireHeader(block));
  }

  /** A canonical transaction with its block and index. */
  public record Included(Transaction transaction, Block block, int index) {}

  public Optional<Included> transaction(Hash hash) {
    Optional<TransactionLocation> location = chain.transactionLocation(hash);
    if (location.isEmpty()) {
      return Optional.empty();
    }
    return chain
        .block(location.get().blockHash())
        .map(
            b ->
                new Included(
                    b.transactions().get(location.get().index()), b, location.get().index()));
  }

  /** The receipts of a stored block with their derived fields; empty when not stored. */
  public Optional<List<ReceiptJson>> receipts(Block block) {
    return chain.receipts(block.hash()).map(receipts -> receiptViews(block, receipts));
  }

  public List<ReceiptJson> receiptViews(Block block, List<Receipt> receipts) {
    BlockHeader header = block.header();
    Wei blobGasPrice = BlobGas.baseFee(header, spec.forkAt(header.number(), header.timestamp()));
    List<ReceiptJson> views = new ArrayList<>(receipts.size());
    long previousGas = 0;
    int logIndex = 0;
    for (int i = 0; i < receipts.size(); i++) {
      Receipt receipt = receipts.get(i);
      views.add(
          new ReceiptJson(
              receipt,
              block.transactions().get(i),
              block.header(),
              i,
              receipt.cumulativeGasUsed() - previousGas,
              logIndex,
              blobGasPrice));
      previousGas = receipt.cumulativeGasUsed();
      logIndex += receipt.logs().size();
    }
    return views;
  }

  /** The receipt of a canonical transaction. */
  public Optional<ReceiptJson> receipt(Hash transactionHash) {
    return transaction(transactionHash)
        .flatMap(included -> receipts(included.block()).map(views -> views.get(included.index())));
  }
}
