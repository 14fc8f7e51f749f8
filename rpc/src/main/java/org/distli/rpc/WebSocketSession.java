package org.distli.rpc;

import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.distli.rpc.jsonrpc.JsonRpcProcessor;
import org.distli.rpc.jsonrpc.RpcError;
import org.distli.rpc.jsonrpc.RpcSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection. Each message is executed on a worker, so replies may come out of
 * request order (clients match them by id, as JSON-RPC intends); subscription notifications start
 * only after the eth_subscribe reply is written. A client that stops reading is disconnected once
 * its write queue is full, instead of buffering notifications without bound.
 */
final class WebSocketSession implements RpcSession {
  private static final Logger LOG = LoggerFactory.getLogger(WebSocketSession.class);

  private final ServerWebSocket socket;
  private final JsonRpcProcessor processor;
  private final WorkerPool workers;
  private final List<Runnable> closeActions = new CopyOnWriteArrayList<>();
  private final AtomicBoolean open = new AtomicBoolean(true);

  // The message being joined from several frames, or null (event-loop thread only).
  private java.io.ByteArrayOutputStream partial;
  private final int maxMessageBytes;

  WebSocketSession(
      ServerWebSocket socket, JsonRpcProcessor processor, WorkerPool workers, int maxMessageBytes) {
    this.socket = socket;
    this.maxMessageBytes = maxMessageBytes;
    this.processor = processor;
    this.workers = workers;
  }

  /**
   * Bytes queued towards a client before it counts as not reading: notifications to such a client
   * close the connection; replies, which the client asked for, are always written.
   */
  static final int WRITE_QUEUE_LIMIT = 16 * 1024 * 1024;

  void start() {
    socket.setWriteQueueMaxSize(WRITE_QUEUE_LIMIT);
    // Messages are joined here rather than by Vert.x, so that one too large (also once a
    // compressed message is inflated) closes the connection with 1009 "message too big" instead of
    // vanishing without a reply.
    socket.frameHandler(this::frame);
    socket.closeHandler(v -> closed());
    socket.exceptionHandler(e -> LOG.debug("WebSocket error: {}", e.toString()));
  }

  private void frame(WebSocketFrame frame) {
    if (!frame.isText() && !frame.isBinary() && !frame.isContinuation()) {
      return; // ping, pong and close are Vert.x's to answer
    }
    io.vertx.core.buffer.Buffer data = frame.binaryData();
    if (!frame.isContinuation()) {
      partial = null;
      if (frame.isFinal() && data.length() <= maxMessageBytes) {
        dispatch(data.getBytes()); // the usual case: a whole message in one frame, no joining
        return;
      }
    }
    long size = (partial == null ? 0 : partial.size()) + (long) data.length();
    if (size > maxMessageBytes) {
      partial = null;
      socket.close(
          (short) 1009, "message larger than " + maxMessageBytes + " bytes (the request limit)");
      return;
    }
    if (partial == null) {
      partial = new java.io.ByteArrayOutputStream();
    }
    partial.writeBytes(data.getBytes());
    if (frame.isFinal()) {
      byte[] message = partial.toByteArray();
      partial = null; // a joined message's buffer is not kept for the connection's lifetime
      dispatch(message);
    }
  }

  private void dispatch(byte[] message) {
    boolean queued =
        workers.submit(
            () -> {
              JsonRpcProcessor.Reply reply = processor.process(message, this);
              if (reply.json() != null) {
                write(reply.json(), false);
              }
              reply.runAfterSend();
            });
    if (!queued) {
      write(
          processor.errorBytes(
              null, new RpcError(RpcError.LIMIT_EXCEEDED, "server busy, try again")),
          false);
    }
  }

  private void write(byte[] json, boolean notification) {
    if (!open.get()) {
      return;
    }
    if (notification && socket.writeQueueFull()) {
      LOG.info("closing a WebSocket client that does not read its messages");
      socket.close((short) 1008, "write queue full");
      return;
    }
    socket.writeTextMessage(new String(json, java.nio.charset.StandardCharsets.UTF_8));
  }

  private void closed() {
    if (open.compareAndSet(true, false)) {
      for (Runnable action : closeActions) {
        try {
          action.run();
        } catch (RuntimeException e) {
          LOG.warn("cleanup of a closed WebSocket failed", e);
        }
      }
    }
  }

  @Override
  public boolean supportsNotifications() {
    return true;
  }

  @Override
  public void notify(String method, Object params) {
    write(processor.notificationBytes(method, params), true);
  }

  @Override
  public void onClose(Runnable action) {
    closeActions.add(action);
    if (!open.get()) {
      action.run();
    }
  }

  @Override
  public boolean isOpen() {
    return open.get();
  }
}
