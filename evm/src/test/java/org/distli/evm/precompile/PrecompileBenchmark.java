package org.distli.evm.precompile;

import static org.distli.evm.precompile.TestHex.bytes;

import ethereum.ckzg4844.CKZG4844JNI;
import ethereum.ckzg4844.ProofAndY;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import org.distli.evm.Fork;

/**
 * Per-call times of the expensive precompiles, after warm-up (not a unit test: timings depend on
 * the machine and its load). Run with:
 *
 * <pre>
 * mvn -B -q -pl evm -am test-compile dependency:build-classpath -Dmdep.outputFile=target/precompile-bench.classpath
 * java -cp evm/target/classes:evm/target/test-classes:$(cat evm/target/precompile-bench.classpath) \
 *     org.distli.evm.precompile.PrecompileBenchmark
 * </pre>
 */
public final class PrecompileBenchmark {
  private PrecompileBenchmark() {}

  public static void main(String[] args) {
    PrecompileSet cancun = PrecompileSet.forFork(Fork.CANCUN);
    Random random = new Random(1);

    byte[] ecrecover =
        bytes(
            "18c547e4f7b0f325ad1e56f57e26c745b09a3e503d86e00e5255ff7f715d3d1c"
                + "000000000000000000000000000000000000000000000000000000000000001c"
                + "73b1693892219d736caba55bdb67216e485557ea6b6af75f37096c9aa6a5a75f"
                + "eeb940b1d03b21e36b0e47e79769f095fe2ab855bd91e3a38756b7d75a9c4549");
    run("ecrecover", cancun.get(PrecompileSet.address(1)), ecrecover, 20_000);

    byte[] g1 =
        bytes(
            "0000000000000000000000000000000000000000000000000000000000000001"
                + "0000000000000000000000000000000000000000000000000000000000000002");
    byte[] scalar = new byte[32];
    random.nextBytes(scalar);
    run("bn254 add", cancun.get(PrecompileSet.address(6)), concat(g1, g1), 20_000);
    run("bn254 mul", cancun.get(PrecompileSet.address(7)), concat(g1, scalar), 5_000);
    // e(G1, G2) e(-G1, G2): two pairs with G2 the EIP-197 generator.
    byte[] g2 =
        bytes(
            "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2"
                + "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed"
                + "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b"
                + "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa");
    byte[] minusG1 =
        bytes(
            "0000000000000000000000000000000000000000000000000000000000000001"
                + "30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd45");
    run(
        "bn254 pairing, 2 pairs",
        cancun.get(PrecompileSet.address(8)),
        concat(g1, g2, minusG1, g2),
        500);
    run(
        "bn254 pairing, 4 pairs",
        cancun.get(PrecompileSet.address(8)),
        concat(g1, g2, minusG1, g2, g1, g2, minusG1, g2),
        300);

    byte[] rsaBase = new byte[256];
    byte[] rsaModulus = new byte[256];
    random.nextBytes(rsaBase);
    random.nextBytes(rsaModulus);
    rsaModulus[255] |= 1;
    byte[] verify = modexpInput(rsaBase, new byte[] {1, 0, 1}, rsaModulus);
    run("modexp RSA-2048 e=65537", cancun.get(PrecompileSet.address(5)), verify, 5_000);
    byte[] privateExponent = new byte[256];
    random.nextBytes(privateExponent);
    byte[] sign = modexpInput(rsaBase, privateExponent, rsaModulus);
    run("modexp RSA-2048 2048-bit exponent", cancun.get(PrecompileSet.address(5)), sign, 200);

    run("point evaluation (KZG)", cancun.get(PrecompileSet.address(10)), kzgInput(random), 500);
  }

  private static byte[] kzgInput(Random random) {
    KzgTrustedSetup.ensureLoaded();
    byte[] blob = new byte[CKZG4844JNI.BYTES_PER_BLOB];
    random.nextBytes(blob);
    for (int i = 0; i < blob.length; i += 32) {
      blob[i] = 0; // keep every field element below the BLS modulus
    }
    byte[] z = new byte[32];
    random.nextBytes(z);
    z[0] = 0;
    byte[] commitment = CKZG4844JNI.blobToKzgCommitment(blob);
    ProofAndY proof = CKZG4844JNI.computeKzgProof(blob, z);
    return concat(
        PointEvaluation.versionedHash(commitment), z, proof.getY(), commitment, proof.getProof());
  }

  private static byte[] modexpInput(byte[] base, byte[] exponent, byte[] modulus) {
    return concat(
        word(base.length), word(exponent.length), word(modulus.length), base, exponent, modulus);
  }

  private static byte[] word(int value) {
    byte[] out = new byte[32];
    byte[] bytes = BigInteger.valueOf(value).toByteArray();
    System.arraycopy(bytes, 0, out, 32 - bytes.length, bytes.length);
    return out;
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] out = new byte[length];
    int offset = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, offset, part.length);
      offset += part.length;
    }
    return out;
  }

  private static void run(String name, Precompile precompile, byte[] input, int iterations) {
    if (precompile.execute(input) == null) {
      throw new IllegalStateException(name + ": the benchmark input is invalid");
    }
    for (int i = 0; i < iterations; i++) {
      precompile.execute(input); // warm-up
    }
    // Thread CPU time as well as wall time: on a shared machine the CPU time is the steadier.
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] wall = new long[5];
    long[] cpu = new long[5];
    for (int s = 0; s < wall.length; s++) {
      long startCpu = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      for (int i = 0; i < iterations; i++) {
        precompile.execute(input);
      }
      wall[s] = (System.nanoTime() - start) / iterations;
      cpu[s] = (threads.getCurrentThreadCpuTime() - startCpu) / iterations;
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    System.out.printf(
        "%-36s %10.1f us/call cpu %10.1f us/call wall  (gas %d)%n",
        name,
        cpu[cpu.length / 2] / 1000.0,
        wall[wall.length / 2] / 1000.0,
        precompile.gasCost(input));
  }
}
