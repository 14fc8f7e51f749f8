package org.distli.rpc.jsonrpc;

/**
 * The connection a call arrived on. WebSocket sessions can receive notifications (eth_subscribe);
 * HTTP requests cannot.
 */
public interface RpcSession {
  /** A session of a plain HTTP request: no notifications, nothing to clean up. */
  RpcSession HTTP =
      new RpcSession() {
        @Override
        public boolean supportsNotifications() {
          return false;
        }

        @Override
        public void notify(String method, Object params) {
          throw new UnsupportedOperationException("HTTP requests cannot receive notifications");
        }

        @Override
        public void onClose(Runnable action) {}

        @Override
        public boolean isOpen() {
          return false;
        }
      };

  boolean supportsNotifications();

  /**
   * Sends a server-initiated message {"jsonrpc":"2.0","method":..,"params":..} (a subscription
   * notification). Safe from any thread; dropped when the connection is gone.
   */
  void notify(String method, Object params);

  /** Runs {@code action} once when the connection closes (to drop its subscriptions). */
  void onClose(Runnable action);

  boolean isOpen();
}
