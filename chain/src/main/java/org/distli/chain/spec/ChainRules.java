package org.distli.chain.spec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.distli.genesis.ChainConfig;
import org.distli.genesis.ForkSchedule;

/**
 * The parts of a chain's configuration that decide which blocks are valid and that the genesis
 * block's hash does not cover: chain id, fork schedule, base-fee rule, validators. A database
 * stores them with its genesis, so that a node started later with an edited genesis file is refused
 * instead of carrying on under other rules (another chain id, another validator sealing) and
 * leaving a chain that neither genesis can import.
 *
 * <p>Stored as text, one {@code name=value} line per field, so an operator can read a refusal.
 */
public record ChainRules(Map<String, String> fields) {
  static final String VALIDATORS = "validators";

  public ChainRules {
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  public static ChainRules of(ChainSpec spec) {
    ChainConfig config = spec.config();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("chainId", Long.toString(config.chainId()));
    fields.put(
        "forks",
        config.forkSchedule().activations().stream()
            .map(ChainRules::activation)
            .collect(Collectors.joining(", ")));
    fields.put(
        "baseFee",
        "denominator "
            + config.baseFee().changeDenominator()
            + ", elasticity "
            + config.baseFee().elasticityMultiplier());
    fields.put("blobTransactions", Boolean.toString(spec.blobTransactions()));
    fields.put(
        VALIDATORS,
        config.consensus().validators().stream()
            .map(v -> v.address().toHexString() + " stake " + v.stake().toBigInteger())
            .collect(Collectors.joining(", ")));
    return new ChainRules(fields);
  }

  private static String activation(ForkSchedule.Activation activation) {
    String trigger = activation.trigger() == ForkSchedule.Trigger.BLOCK ? "block " : "time ";
    return activation.fork().displayName() + " at " + trigger + activation.at();
  }

  public byte[] encode() {
    StringBuilder text = new StringBuilder();
    fields.forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  public static ChainRules decode(byte[] stored) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String line : new String(stored, StandardCharsets.UTF_8).split("\n")) {
      int equals = line.indexOf('=');
      if (equals > 0) {
        fields.put(line.substring(0, equals), line.substring(equals + 1));
      }
    }
    return new ChainRules(fields);
  }

  /**
   * How {@code configured} differs from these stored rules, one entry per field; empty when they
   * agree. A configuration without validators (a geth-style genesis read by the chain tools, which
   * then check no seals) does not contradict the stored ones.
   */
  public List<String> differencesFrom(ChainRules configured) {
    List<String> differences = new ArrayList<>();
    for (Map.Entry<String, String> field : configured.fields.entrySet()) {
      String name = field.getKey();
      String stored = fields.get(name);
      if (stored == null || stored.equals(field.getValue())) {
        continue;
      }
      if (name.equals(VALIDATORS) && field.getValue().isEmpty()) {
        continue;
      }
      differences.add(
          name
              + " "
              + show(stored)
              + " in the database, "
              + show(field.getValue())
              + " configured");
    }
    return differences;
  }

  private static String show(String value) {
    return value.isEmpty() ? "(none)" : "[" + value + "]";
  }
}
