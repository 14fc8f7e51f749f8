package org.distli.evm.interpreter;

import java.util.Arrays;

/**
 * Call frames kept between transactions, so that their 32 KB stacks and their memory buffers are
 * allocated once per thread rather than once per transaction. Used by one {@link Evm} at a time.
 */
public final class FramePool {
  private Frame[] frames = new Frame[4];
  private boolean inUse;

  /** Marks the pool as taken; false when it already is (a nested execution then uses its own). */
  boolean acquire() {
    if (inUse) {
      return false;
    }
    inUse = true;
    return true;
  }

  /**
   * Hands the pool back. After an execution that ended by an exception the frames may hold stale
   * memory, so they are dropped.
   */
  void release(boolean clean) {
    if (!clean) {
      frames = new Frame[4];
    }
    inUse = false;
  }

  /** The frame for {@code depth}, bound to {@code evm}. */
  Frame frame(Evm evm, int depth) {
    if (depth >= frames.length) {
      frames = Arrays.copyOf(frames, Math.min(Rules.STACK_LIMIT + 1, frames.length * 2));
    }
    Frame frame = frames[depth];
    if (frame == null) {
      frame = new Frame(depth);
      frames[depth] = frame;
    }
    frame.evm = evm;
    return frame;
  }

  /** The frame at {@code depth}, which {@link #frame} created before. */
  Frame at(int depth) {
    return frames[depth];
  }
}
