package org.distli.node.cli.bench;

import org.HdrHistogram.Histogram;

/** What one measured load run gives: throughput and latency percentiles. */
record LatencyStats(
    String name, int connections, long requests, long errors, double seconds, Histogram latencies) {

  double requestsPerSecond() {
    return requests / seconds;
  }

  double percentileMillis(double percentile) {
    return latencies.getValueAtPercentile(percentile) / 1_000_000.0;
  }
}
