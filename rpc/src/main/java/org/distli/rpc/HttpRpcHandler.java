package org.distli.rpc;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import org.distli.rpc.jsonrpc.JsonRpcProcessor;
import org.distli.rpc.jsonrpc.RpcError;
import org.distli.rpc.jsonrpc.RpcSession;

/**
 * Every HTTP request passes through here on its event loop: the Host and Origin checks and CORS
 * headers apply to all routes; a POST on any path is JSON-RPC (body read here, executed on a
 * worker); other requests go to the router with the routes the node mounted (/health, /api/...).
 */
final class HttpRpcHandler implements Handler<HttpServerRequest> {
  private static final CharSequence APPLICATION_JSON =
      HttpHeaders.createOptimized("application/json");
  private static final CharSequence VARY_ORIGIN = HttpHeaders.createOptimized("Origin");
  private static final CharSequence ALLOW_METHODS =
      HttpHeaders.createOptimized("GET, POST, OPTIONS");
  private static final CharSequence ALLOW_HEADERS_DEFAULT =
      HttpHeaders.createOptimized("Content-Type, Authorization");

  private final JsonRpcProcessor processor;
  private final WorkerPool workers;
  private final OriginPolicy policy;
  private final Router router;
  private final int maxRequestBytes;

  HttpRpcHandler(
      JsonRpcProcessor processor,
      WorkerPool workers,
      OriginPolicy policy,
      Router router,
      int maxRequestBytes) {
    this.processor = processor;
    this.workers = workers;
    this.policy = policy;
    this.router = router;
    this.maxRequestBytes = maxRequestBytes;
  }

  @Override
  public void handle(HttpServerRequest request) {
    HttpServerResponse response = request.response();
    MultiMap headers = request.headers();
    if (!policy.hostAllowed(headers.get(HttpHeaders.HOST))) {
      plain(response, 403, "invalid host specified");
      return;
    }
    String origin = headers.get(HttpHeaders.ORIGIN);
    if (origin != null) {
      if (!policy.originAllowed(origin, headers.get(HttpHeaders.HOST))) {
        plain(response, 403, "origin not allowed");
        return;
      }
      response.putHeader(
          HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, policy.anyOrigin() ? "*" : origin);
      response.putHeader(HttpHeaders.VARY, VARY_ORIGIN);
      if (request.method() == HttpMethod.OPTIONS) {
        String requested = headers.get(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
        response
            .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOW_METHODS)
            .putHeader(
                HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                requested != null ? requested : ALLOW_HEADERS_DEFAULT.toString())
            .putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600")
            .setStatusCode(204)
            .end();
        return;
      }
    }
    // JSON-RPC answers a POST on any path, as go-ethereum does without --http.rpcprefix: URLs such
    // as http://host:8545/rpc copied from other providers keep working.
    if (request.method() == HttpMethod.POST) {
      readBody(request, response);
      return;
    }
    String path = request.path();
    if (path.equals("/") || path.isEmpty()) {
      if (request.method() == HttpMethod.OPTIONS) {
        response.setStatusCode(204).putHeader(HttpHeaders.ALLOW, ALLOW_METHODS).end();
      } else {
        response.putHeader(HttpHeaders.ALLOW, "POST, OPTIONS");
        plain(response, 405, "method not allowed: JSON-RPC takes POST requests");
      }
      return;
    }
    router.handle(request);
  }

  private void readBody(HttpServerRequest request, HttpServerResponse response) {
    String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (declared != null) {
      long length;
      try {
        length = Long.parseLong(declared.trim());
      } catch (NumberFormatException e) {
        length = -1;
      }
      if (length > maxRequestBytes) {
        tooLarge(response);
        return;
      }
    }
    BodyCollector collector = new BodyCollector(request, response);
    request.handler(collector::chunk);
    request.endHandler(v -> collector.end());
  }

  private final class BodyCollector {
    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private Buffer body;
    private boolean refused;

    BodyCollector(HttpServerRequest request, HttpServerResponse response) {
      this.request = request;
      this.response = response;
    }

    void chunk(Buffer chunk) {
      if (refused) {
        return;
      }
      if (body == null) {
        body = Buffer.buffer(chunk.length());
      }
      if (body.length() + chunk.length() > maxRequestBytes) {
        refused = true;
        body = null;
        tooLarge(response);
        request.connection().close();
        return;
      }
      body.appendBuffer(chunk);
    }

    void end() {
      if (refused) {
        return;
      }
      byte[] bytes = body == null ? new byte[0] : body.getBytes();
      boolean queued =
          workers.submit(
              () -> {
                JsonRpcProcessor.Reply reply = processor.process(bytes, RpcSession.HTTP);
                if (reply.json() == null) {
                  response.putHeader(HttpHeaders.CONTENT_TYPE, APPLICATION_JSON).end();
                } else {
                  response
                      .putHeader(HttpHeaders.CONTENT_TYPE, APPLICATION_JSON)
                      .end(Buffer.buffer(reply.json()));
                }
                reply.runAfterSend();
              });
      if (!queued) {
        response
            .setStatusCode(503)
            .putHeader(HttpHeaders.CONTENT_TYPE, APPLICATION_JSON)
            .end(
                Buffer.buffer(
                    processor.errorBytes(
                        null, new RpcError(RpcError.LIMIT_EXCEEDED, "server busy, try again"))));
      }
    }
  }

  private static void tooLarge(HttpServerResponse response) {
    plain(response, 413, "request body too large");
  }

  private static void plain(HttpServerResponse response, int status, String message) {
    if (response.ended()) {
      return;
    }
    response
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
        .end(message + "\n");
  }
}
