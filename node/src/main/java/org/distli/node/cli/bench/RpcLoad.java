package org.distli.node.cli.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A closed-loop JSON-RPC load generator: {@code connections} clients each send one request, wait
 * for its reply and send the next, over kept-alive HTTP/1.1 connections (as wrk does). Replies that
 * carry a JSON-RPC error count as errors.
 */
final class RpcLoad implements AutoCloseable {
  private static final byte[] ERROR_FIELD = "\"error\"".getBytes(StandardCharsets.US_ASCII);

  private final Vertx vertx;
  private final HttpClientAgent client;
  private final RequestOptions target;
  private final int connections;

  RpcLoad(URI url, int connections, int clientThreads) {
    this.vertx = Vertx.vertx(new io.vertx.core.VertxOptions().setEventLoopPoolSize(clientThreads));
    this.connections = connections;
    this.client =
        vertx.createHttpClient(
            new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
            new PoolOptions().setHttp1MaxSize(connections));
    int port = url.getPort() > 0 ? url.getPort() : 80;
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    this.target =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setHost(url.getHost())
            .setPort(port)
            .setURI(path)
            .putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
  }

  /** One request and its reply body (for setup steps). */
  String call(String body) throws Exception {
    return send(Buffer.buffer(body)).await(30, TimeUnit.SECONDS).toString();
  }

  private Future<Buffer> send(Buffer body) {
    return client.request(target).compose(request -> request.send(body)).compose(r -> r.body());
  }

  /** Runs the load for {@code warmup} unmeasured, then {@code duration} measured. */
  LatencyStats run(String name, String requestBody, double warmupSeconds, double durationSeconds)
      throws InterruptedException {
    Buffer body = Buffer.buffer(requestBody);
    Recorder recorder = new Recorder(3);
    AtomicLong requests = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    long start = System.nanoTime();
    long measureFrom = start + (long) (warmupSeconds * 1e9);
    long stopAt = measureFrom + (long) (durationSeconds * 1e9);
    CountDownLatch finished = new CountDownLatch(connections);
    for (int i = 0; i < connections; i++) {
      loop(body, recorder, requests, errors, measureFrom, stopAt, finished);
    }
    if (!finished.await((long) (warmupSeconds + durationSeconds + 60), TimeUnit.SECONDS)) {
      throw new IllegalStateException("load clients did not finish; is the node still answering?");
    }
    Histogram histogram = recorder.getIntervalHistogram();
    double seconds = (Math.min(System.nanoTime(), stopAt) - measureFrom) / 1e9;
    return new LatencyStats(name, connections, requests.get(), errors.get(), seconds, histogram);
  }

  private void loop(
      Buffer body,
      Recorder recorder,
      AtomicLong requests,
      AtomicLong errors,
      long measureFrom,
      long stopAt,
      CountDownLatch finished) {
    long sent = System.nanoTime();
    if (sent >= stopAt) {
      finished.countDown();
      return;
    }
    send(body)
        .onComplete(
            result -> {
              long now = System.nanoTime();
              if (sent >= measureFrom && now <= stopAt) {
                requests.incrementAndGet();
                recorder.recordValue(now - sent);
                if (result.failed() || contains(result.result(), ERROR_FIELD)) {
                  errors.incrementAndGet();
                }
              }
              loop(body, recorder, requests, errors, measureFrom, stopAt, finished);
            });
  }

  private static boolean contains(Buffer buffer, byte[] needle) {
    int limit = buffer.length() - needle.length;
    outer:
    for (int i = 0; i <= limit; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (buffer.getByte(i + j) != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  @Override
  public void close() {
    client.close();
    vertx.close();
  }
}
