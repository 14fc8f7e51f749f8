package org.distli.evm.precompile;

import ethereum.ckzg4844.CKZG4844JNI;

/**
 * The mainnet KZG trusted setup (the output of the 2023 KZG ceremony: 4096 G1 points in Lagrange
 * form, 65 G2 points, and the 4096 G1 monomial points c-kzg 2.x also wants) loaded into c-kzg-4844.
 * c-kzg keeps one setup per process, so every user in the node (this precompile, blob transaction
 * validation) must load it through {@link #ensureLoaded()}, never through {@link CKZG4844JNI}
 * directly: a second load fails.
 *
 * <p>jc-kzg-4844 does not ship a setup file; ours is byte-identical to the {@code
 * trusted_setup.txt} that c-kzg-4844 and web3j distribute (sha256 e695ba99...d7ff).
 */
public final class KzgTrustedSetup {
  static final String RESOURCE = "/org/distli/evm/precompile/kzg-trusted-setup-mainnet.txt";

  private static final Object LOCK = new Object();
  private static volatile boolean loaded;

  private KzgTrustedSetup() {}

  /** Loads the native library and the setup on first use; later calls return at once. */
  public static void ensureLoaded() {
    if (loaded) {
      return;
    }
    synchronized (LOCK) {
      if (!loaded) {
        CKZG4844JNI.loadNativeLibrary();
        // precompute 0: the extra tables only speed up PeerDAS cell proofs, which we do not make.
        CKZG4844JNI.loadTrustedSetupFromResource(RESOURCE, KzgTrustedSetup.class, 0);
        loaded = true;
      }
    }
  }
}
