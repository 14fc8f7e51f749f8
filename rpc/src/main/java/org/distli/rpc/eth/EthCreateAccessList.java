package org.distli.rpc.eth;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.transaction.AccessListEntry;
import org.distli.evm.TransactionResult;
import org.distli.evm.precompile.PrecompileSet;
import org.distli.primitives.Address;
import org.distli.rpc.call.AccessListTracer;
import org.distli.rpc.call.CallArguments;
import org.distli.rpc.call.CallExecutor;
import org.distli.rpc.json.TransactionJson;
import org.distli.rpc.jsonrpc.JsonOutput;
import org.distli.rpc.jsonrpc.JsonWritable;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcMethod;

/**
 * eth_createAccessList(call, block): the EIP-2930 access list the call needs and the gas it uses
 * with it. As in go-ethereum the call is rerun with the list found until the list stops changing; a
 * failed execution still returns the list, with the failure in "error".
 */
public final class EthCreateAccessList implements RpcMethod {
  private static final int MAX_ROUNDS = 10;

  private final CallExecutor executor;

  public EthCreateAccessList(CallExecutor executor) {
    this.executor = executor;
  }

  @Override
  public String name() {
    return "eth_createAccessList";
  }

  @Override
  public Object execute(RpcCall call) {
    CallArguments args = call.params().required(0, CallArguments::decode);
    executor.requireChainId(args);
    BlockHeader header = executor.chain().requireHeader(call.params().blockOrLatest(1));
    Set<Address> excluded = new HashSet<>();
    excluded.add(args.fromOrZero());
    if (args.to() != null) {
      excluded.add(args.to());
    } else {
      long nonce =
          args.nonce() != null
              ? args.nonce()
              : executor.chain().state(header).account(args.fromOrZero()) == null
                  ? 0
                  : executor.chain().state(header).account(args.fromOrZero()).nonce();
      excluded.add(org.distli.evm.interpreter.Evm.createAddress(args.fromOrZero(), nonce));
    }
    excluded.addAll(
        PrecompileSet.forFork(executor.chain().spec().forkAt(header.number(), header.timestamp()))
            .addresses());
    List<AccessListEntry> list = args.accessList() == null ? List.of() : args.accessList();
    long gas = executor.gasFor(args);
    TransactionResult result = null;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      AccessListTracer tracer = new AccessListTracer(list, excluded);
      CallExecutor.Call attempt = new CallExecutor.Call(args.withAccessList(list), header);
      result = executor.runOrThrow(attempt, gas, tracer);
      List<AccessListEntry> found = tracer.accessList();
      if (found.equals(list)) {
        break;
      }
      list = found;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    List<AccessListEntry> finalList = list;
    out.put(
        "accessList",
        (JsonWritable) generator -> TransactionJson.writeAccessList(generator, finalList));
    if (!result.isSuccess()) {
      out.put("error", result.errorMessage());
    }
    out.put("gasUsed", JsonOutput.quantity(result.gasUsed()));
    return out;
  }
}
