package org.distli.chain;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners told of every head change, in registration order, on the writer thread right after
 * the change is committed. A listener that throws is logged and does not stop the others.
 */
final class ChainListeners {
  private static final Logger LOG = LoggerFactory.getLogger(ChainListeners.class);

  private final List<ChainListener> listeners = new CopyOnWriteArrayList<>();

  void add(ChainListener listener) {
    listeners.add(Objects.requireNonNull(listener));
  }

  void remove(ChainListener listener) {
    listeners.remove(listener);
  }

  void headChanged(ChainEvent event) {
    for (ChainListener listener : listeners) {
      try {
        listener.onHeadChanged(event);
      } catch (RuntimeException e) {
        LOG.warn("chain listener {} failed on head #{}", listener, event.head().number(), e);
      }
    }
  }
}
