package org.distli.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.distli.chain.block.BaseFee;
import org.distli.chain.block.BlobGas;
import org.distli.chain.block.Block;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.block.Receipt;
import org.distli.chain.spec.BlobSchedule;
import org.distli.chain.spec.ChainSpec;
import org.distli.chain.transaction.Transaction;
import org.distli.evm.Fork;
import org.distli.primitives.Wei;
import org.distli.rpc.jsonrpc.BlockParameter;
import org.distli.rpc.jsonrpc.JsonOutput;
import org.distli.rpc.jsonrpc.JsonWritable;
import org.distli.rpc.jsonrpc.ParamDecoder;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcException;
import org.distli.rpc.jsonrpc.RpcMethod;
import org.distli.rpc.query.ChainQueries;

/**
 * eth_feeHistory(blockCount, newestBlock, rewardPercentiles): for up to 1,024 blocks ending at
 * {@code newestBlock}, the base fees (one more than blocks: the next block's too), the gas used
 * ratios, the blob base fees and blob gas ratios, and per block the tips at the requested
 * percentiles of gas used (go-ethereum's weighting).
 */
public final class EthFeeHistory implements RpcMethod {
  static final int MAX_BLOCKS = 1_024;

  private final ChainQueries chain;

  public EthFeeHistory(ChainQueries chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_feeHistory";
  }

  @Override
  public Object execute(RpcCall call) {
    long count = call.params().required(0, ParamDecoder::uint64OrDecimal);
    BlockParameter newestParameter = call.params().blockNumber(1);
    double[] percentiles = percentiles(call.params().raw(2));
    if (count == 0) {
      return Map.of("oldestBlock", "0x0");
    }
    count = Math.min(count, MAX_BLOCKS);
    BlockHeader head = chain.head();
    BlockHeader newest =
        chain
            .header(newestParameter)
            .orElseThrow(() -> RpcException.server("request beyond head block"));
    if (newest.number() > head.number()) {
      throw RpcException.server("request beyond head block");
    }
    long oldest = Math.max(0, newest.number() - count + 1);
    ChainSpec spec = chain.spec();

    List<String> baseFees = new ArrayList<>();
    List<BigDecimal> gasUsedRatios = new ArrayList<>();
    List<String> blobBaseFees = new ArrayList<>();
    List<BigDecimal> blobGasUsedRatios = new ArrayList<>();
    List<List<String>> rewards = new ArrayList<>();
    for (long number = oldest; number <= newest.number(); number++) {
      Block block =
          chain.chain().block(number).orElseThrow(() -> RpcException.server("header not found"));
      BlockHeader header = block.header();
      Fork fork = spec.forkAt(header.number(), header.timestamp());
      baseFees.add(header.baseFee().orElse(Wei.ZERO).toHexQuantity());
      gasUsedRatios.add(ratio(header.gasUsed(), header.gasLimit()));
      Wei blobBaseFee = BlobGas.baseFee(header, fork);
      blobBaseFees.add(blobBaseFee == null ? "0x0" : blobBaseFee.toHexQuantity());
      long maxBlobGas = ChainSpec.blobSchedule(fork).map(BlobSchedule::maxBlobGas).orElse(0L);
      blobGasUsedRatios.add(ratio(header.blobGasUsed().orElse(0), maxBlobGas));
      if (percentiles.length > 0) {
        List<Receipt> receipts = chain.chain().receipts(block.hash()).orElse(List.of());
        rewards.add(rewards(block, receipts, percentiles));
      }
    }
    Fork nextFork = spec.forkAt(newest.number() + 1, newest.timestamp());
    Wei nextBaseFee = BaseFee.forChild(spec, newest, nextFork);
    baseFees.add(nextBaseFee == null ? "0x0" : nextBaseFee.toHexQuantity());
    Long nextExcess = BlobGas.excessForChild(newest, nextFork);
    blobBaseFees.add(
        nextExcess == null
            ? "0x0"
            : ChainSpec.blobSchedule(nextFork)
                .map(s -> BlobGas.baseFee(nextExcess, s).toHexQuantity())
                .orElse("0x0"));

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("oldestBlock", JsonOutput.quantity(oldest));
    if (percentiles.length > 0) {
      result.put("reward", rewards);
    }
    result.put("baseFeePerGas", baseFees);
    result.put("gasUsedRatio", numbers(gasUsedRatios));
    result.put("baseFeePerBlobGas", blobBaseFees);
    result.put("blobGasUsedRatio", numbers(blobGasUsedRatios));
    return result;
  }

  private static BigDecimal ratio(long used, long limit) {
    if (limit == 0) {
      return BigDecimal.ZERO;
    }
    return BigDecimal.valueOf((double) used / (double) limit);
  }

  /** Plain decimal numbers (0.0072868), as go-ethereum writes them, rather than 7.2868E-3. */
  private static JsonWritable numbers(List<BigDecimal> values) {
    return out -> {
      out.writeStartArray();
      for (BigDecimal value : values) {
        out.writeNumber(value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString());
      }
      out.writeEndArray();
    };
  }

  private static double[] percentiles(JsonNode node) {
    if (node == null || node.isNull()) {
      return new double[0];
    }
    if (!node.isArray()) {
      throw RpcException.invalidArgument(
          2, "json: cannot unmarshal non-array into Go value of type []float64");
    }
    double[] out = new double[node.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode item = node.get(i);
      if (!item.isNumber()) {
        throw RpcException.invalidArgument(
            2,
            "json: cannot unmarshal "
                + item.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                + " into Go value of type float64");
      }
      double p = item.asDouble();
      if (p < 0 || p > 100) {
        throw RpcException.server(
            String.format(java.util.Locale.ROOT, "invalid reward percentile: %f", p));
      }
      if (i > 0 && p < out[i - 1]) {
        throw RpcException.server(
            String.format(
                java.util.Locale.ROOT,
                "invalid reward percentile: #%d:%f > #%d:%f",
                i - 1,
                out[i - 1],
                i,
                p));
      }
      out[i] = p;
    }
    return out;
  }

  private record GasAndTip(long gasUsed, Wei tip) {}

  /** Tips at gas-used percentiles: transactions by tip, walked until the gas share is reached. */
  static List<String> rewards(Block block, List<Receipt> receipts, double[] percentiles) {
    List<String> out = new ArrayList<>(percentiles.length);
    List<Transaction> txs = block.transactions();
    if (txs.isEmpty() || receipts.size() != txs.size()) {
      for (int i = 0; i < percentiles.length; i++) {
        out.add("0x0");
      }
      return out;
    }
    Wei baseFee = block.header().baseFee().orElse(Wei.ZERO);
    List<GasAndTip> sorted = new ArrayList<>(txs.size());
    long previous = 0;
    for (int i = 0; i < txs.size(); i++) {
      long cumulative = receipts.get(i).cumulativeGasUsed();
      Wei tip = txs.get(i).effectiveTip(baseFee);
      sorted.add(new GasAndTip(cumulative - previous, tip == null ? Wei.ZERO : tip));
      previous = cumulative;
    }
    sorted.sort(Comparator.comparing(GasAndTip::tip));
    int index = 0;
    long sum = sorted.get(0).gasUsed();
    for (double p : percentiles) {
      long threshold = (long) (block.header().gasUsed() * p / 100);
      while (sum < threshold && index < sorted.size() - 1) {
        index++;
        sum += sorted.get(index).gasUsed();
      }
      out.add(sorted.get(index).tip().toHexQuantity());
    }
    return out;
  }
}
