package org.distli.evm.interpreter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.evm.BlockContext;
import org.distli.evm.ExceptionalHalt;
import org.distli.evm.precompile.Precompile;
import org.distli.evm.precompile.PrecompileSet;
import org.distli.evm.tracing.CallFrame;
import org.distli.evm.tracing.CallType;
import org.distli.evm.tracing.Tracer;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Log;
import org.distli.primitives.Wei;
import org.distli.rlp.RlpWriter;
import org.distli.state.WorldState;

/**
 * Executes the messages of one transaction: runs call frames one after another without recursion (a
 * CALL suspends the caller's loop; the callee runs; the caller resumes), moves value, creates
 * contracts, runs precompiles, and keeps the transaction's substate: warm accounts and slots
 * (EIP-2929), transient storage (EIP-1153), logs, the refund counter and self-destructed accounts.
 * Substate changes are undone with their frame: warm sets and transient storage through undo
 * actions on the world state's journal, logs and refunds by restoring their level at frame start.
 *
 * <p>One instance per transaction, used by one thread.
 */
public final class Evm {
  private static final Address RIPEMD160 =
      Address.fromHex("0x0000000000000000000000000000000000000003");
  private static final int MAX_DEPTH = 1024;

  final Rules rules;
  final WorldState state;
  final BlockContext block;
  final Tracer tracer;
  final boolean tracing;
  final boolean stepTracing;
  private final PrecompileSet precompiles;
  private final CodeCache codeCache;

  // ---- transaction context
  final Address origin;
  final Wei gasPrice;
  final List<Hash> blobHashes;

  // ---- transaction substate
  long refund;
  private final ArrayList<Log> logs = new ArrayList<>();
  private final HashSet<Address> warmAddresses = new HashSet<>();
  private final HashSet<SlotKey> warmSlots = new HashSet<>();
  private HashMap<SlotKey, UInt256> transientStorage;
  private final LinkedHashSet<Address> selfDestructed = new LinkedHashSet<>();
  private final HashSet<Address> createdInTransaction = new HashSet<>();
  private boolean ripemdTouched;

  // ---- scratch
  final long[] scratch = new long[U256.SCRATCH_SIZE];

  /** Frames by depth, shared with later executions on the same thread. */
  private final FramePool frames;

  // ---- the result of the frame that finished last
  private boolean resultSuccess;
  private boolean resultReverted;
  private ExceptionalHalt resultHalt;
  private String resultHaltMessage;
  private byte[] resultOutput = Frame.NO_BYTES;
  private long resultGasLeft;
  private Address resultAddress;

  public Evm(
      Rules rules,
      WorldState state,
      BlockContext block,
      PrecompileSet precompiles,
      CodeCache codeCache,
      Tracer tracer,
      Address origin,
      Wei gasPrice,
      List<Hash> blobHashes) {
    this(rules, state, block, precompiles, codeCache, tracer, origin, gasPrice, blobHashes, null);
  }

  /**
   * @param framePool frames to reuse, or null; a pool serves one execution at a time (when taken,
   *     this execution uses a pool of its own)
   */
  public Evm(
      Rules rules,
      WorldState state,
      BlockContext block,
      PrecompileSet precompiles,
      CodeCache codeCache,
      Tracer tracer,
      Address origin,
      Wei gasPrice,
      List<Hash> blobHashes,
      FramePool framePool) {
    this.frames = framePool != null && framePool.acquire() ? framePool : new FramePool();
    this.rules = rules;
    this.state = state;
    this.block = block;
    this.precompiles = precompiles;
    this.codeCache = codeCache;
    this.tracer = tracer == null ? Tracer.NONE : tracer;
    this.tracing = tracer != null && tracer != Tracer.NONE;
    this.stepTracing = tracing && tracer.tracesSteps();
    this.origin = origin;
    this.gasPrice = gasPrice;
    this.blobHashes = blobHashes;
  }

  // ---- entry points

  /** Runs a message call from {@code caller} to {@code to} as the transaction's own frame. */
  public MessageResult call(Address caller, Address to, Wei value, byte[] input, long gas) {
    boolean clean = false;
    try {
      if (startCall(null, CallType.CALL, caller, to, to, value, input, gas, false, 0)) {
        runFrames();
      }
      clean = true;
      return result();
    } finally {
      frames.release(clean);
    }
  }

  /** Runs a contract creation as the transaction's own frame (it increments the nonce). */
  public MessageResult create(Address caller, Wei value, byte[] initcode, long gas) {
    boolean clean = false;
    try {
      if (startCreate(CallType.CREATE, caller, value, initcode, null, gas, 0)) {
        runFrames();
      }
      clean = true;
      return result();
    } finally {
      frames.release(clean);
    }
  }

  private MessageResult result() {
    return new MessageResult(
        resultSuccess,
        resultReverted,
        resultHalt,
        resultHaltMessage,
        Words.wrap(resultOutput),
        resultGasLeft,
        resultAddress);
  }

  /** Runs frames until the outermost one finishes, starting from the frame at depth 0. */
  private void runFrames() {
    Frame current = frames.at(0);
    while (true) {
      Interpreter.run(current);
      if (current.exit == Interpreter.SUSPEND) {
        if (startChild(current)) {
          current = frames.at(current.depth + 1);
        } else {
          resume(current);
        }
        continue;
      }
      finish(current);
      int depth = current.depth;
      current.release();
      if (depth == 0) {
        return;
      }
      current = frames.at(depth - 1);
      resume(current);
    }
  }

  private Frame frame(int depth) {
    return frames.frame(this, depth);
  }

  // ---- starting frames

  /** Starts the call or creation a suspended frame asked for; false when it completed at once. */
  private boolean startChild(Frame parent) {
    int depth = parent.depth + 1;
    CallType type = parent.childType;
    byte[] input = parent.childInput;
    parent.childInput = null;
    if (type.isCreate()) {
      return startCreate(
          type, parent.address, parent.childValue, input, parent.childSalt, parent.childGas, depth);
    }
    Address to = parent.childTarget;
    return switch (type) {
      case CALL ->
          startCall(
              parent,
              type,
              parent.address,
              to,
              to,
              parent.childValue,
              input,
              parent.childGas,
              parent.isStatic,
              depth);
      case CALLCODE ->
          startCall(
              parent,
              type,
              parent.address,
              parent.address,
              to,
              parent.childValue,
              input,
              parent.childGas,
              parent.isStatic,
              depth);
      case DELEGATECALL ->
          startCall(
              parent,
              type,
              parent.caller,
              parent.address,
              to,
              parent.childValue,
              input,
              parent.childGas,
              parent.isStatic,
              depth);
      default ->
          startCall(
              parent, type, parent.address, to, to, Wei.ZERO, input, parent.childGas, true, depth);
    };
  }

  /**
   * Starts a message call. Returns true when a frame was pushed at {@code depth}; otherwise the
   * call completed at once (failure, precompile, or an account without code) and its result is in
   * the result registers.
   *
   * @param recipient the account whose storage and balance the frame uses
   * @param codeAddress the account whose code runs
   */
  private boolean startCall(
      Frame parent,
      CallType type,
      Address caller,
      Address recipient,
      Address codeAddress,
      Wei value,
      byte[] input,
      long gas,
      boolean isStatic,
      int depth) {
    Address target = type == CallType.CALL || type == CallType.STATICCALL ? recipient : codeAddress;
    if (tracing) {
      Address from = type == CallType.DELEGATECALL ? recipient : caller;
      tracer.onEnter(new CallFrame(depth + 1, type, from, target, Words.wrap(input), gas, value));
    }
    if (depth > MAX_DEPTH) {
      return completeAtOnce(
          false, ExceptionalHalt.CALL_DEPTH_EXCEEDED, gas, gas, Frame.NO_BYTES, depth);
    }
    boolean movesValue = (type == CallType.CALL || type == CallType.CALLCODE) && !value.isZero();
    if (movesValue && state.getBalance(caller).compareTo(value) < 0) {
      return completeAtOnce(
          false, ExceptionalHalt.INSUFFICIENT_BALANCE, gas, gas, Frame.NO_BYTES, depth);
    }
    int checkpoint = state.checkpoint();
    Precompile precompile = precompiles.get(codeAddress);
    if (type == CallType.CALL) {
      if (!state.exists(recipient)) {
        if (precompile == null && rules.emptyAccountsRemoved && value.isZero()) {
          // EIP-161: calling a non-existent account with no value changes nothing.
          return completeAtOnce(true, null, gas, gas, Frame.NO_BYTES, depth);
        }
        state.createAccount(recipient);
      }
      transfer(caller, recipient, value);
    } else if (type == CallType.STATICCALL) {
      touch(recipient);
    }
    if (precompile != null) {
      return runPrecompile(precompile, input, gas, checkpoint, depth);
    }
    Code code = loadCode(codeAddress);
    if (code.length == 0) {
      return completeAtOnce(true, null, gas, gas, Frame.NO_BYTES, depth);
    }
    Frame frame = frame(depth);
    frame.start(type, recipient, caller, codeAddress, value, input, code, isStatic, gas);
    frame.checkpoint = checkpoint;
    frame.refundAtStart = refund;
    frame.logsAtStart = logs.size();
    return true;
  }

  private boolean runPrecompile(
      Precompile precompile, byte[] input, long gas, int checkpoint, int depth) {
    long cost = precompile.gasCost(input);
    if (cost > gas || cost < 0) {
      state.revertToCheckpoint(checkpoint);
      return completeAtOnce(false, ExceptionalHalt.OUT_OF_GAS, gas, 0, Frame.NO_BYTES, depth);
    }
    byte[] output = precompile.execute(input);
    if (output == null) {
      state.revertToCheckpoint(checkpoint);
      return completeAtOnce(
          false, ExceptionalHalt.PRECOMPILE_FAILED, gas, 0, Frame.NO_BYTES, depth);
    }
    return completeAtOnce(true, null, gas, gas - cost, output, depth);
  }

  /** Records the result of a message that ran no frame. Always returns false. */
  private boolean completeAtOnce(
      boolean success, ExceptionalHalt halt, long gas, long gasLeft, byte[] output, int depth) {
    resultSuccess = success;
    resultReverted = false;
    resultHalt = halt;
    resultHaltMessage = halt == null ? null : halt.message();
    resultOutput = output;
    resultGasLeft = gasLeft;
    resultAddress = null;
    if (tracing) {
      tracer.onExit(depth + 1, Words.wrap(output), gas - gasLeft, halt, false);
    }
    return false;
  }

  /**
   * Starts a creation. Returns true when an initcode frame was pushed at {@code depth}; otherwise
   * the creation completed at once and its result is in the result registers.
   */
  private boolean startCreate(
      CallType type, Address caller, Wei value, byte[] initcode, byte[] salt, long gas, int depth) {
    long nonce = state.getNonce(caller);
    Address address =
        type == CallType.CREATE2
            ? create2Address(caller, salt, initcode)
            : createAddress(caller, nonce);
    if (tracing) {
      tracer.onEnter(
          new CallFrame(depth + 1, type, caller, address, Words.wrap(initcode), gas, value));
    }
    if (depth > MAX_DEPTH) {
      return failCreate(ExceptionalHalt.CALL_DEPTH_EXCEEDED, gas, gas, depth);
    }
    if (state.getBalance(caller).compareTo(value) < 0) {
      return failCreate(ExceptionalHalt.INSUFFICIENT_BALANCE, gas, gas, depth);
    }
    if (nonce == -1L) {
      return failCreate(ExceptionalHalt.NONCE_OVERFLOW, gas, gas, depth);
    }
    state.setNonce(caller, nonce + 1);
    // Warm before the checkpoint: a failed creation keeps the address warm (EIP-2929).
    warmAddress(address);
    // EIP-684 and EIP-7610: no creation over an account with nonce, code or storage.
    if (state.getNonce(address) != 0
        || !isEmptyCodeHash(state.getCodeHash(address))
        || state.hasStorage(address)) {
      return failCreate(ExceptionalHalt.CONTRACT_ADDRESS_COLLISION, gas, 0, depth);
    }
    int checkpoint = state.checkpoint();
    state.createAccount(address);
    if (rules.emptyAccountsRemoved) {
      state.setNonce(address, 1);
    }
    transfer(caller, address, value);
    markCreated(address);
    Frame frame = frame(depth);
    Code code = Code.analyze(initcode);
    frame.start(type, address, caller, address, value, Frame.NO_BYTES, code, false, gas);
    frame.checkpoint = checkpoint;
    frame.refundAtStart = refund;
    frame.logsAtStart = logs.size();
    return true;
  }

  private boolean failCreate(ExceptionalHalt halt, long gas, long gasLeft, int depth) {
    return completeAtOnce(false, halt, gas, gasLeft, Frame.NO_BYTES, depth);
  }

  private static boolean isEmptyCodeHash(Hash codeHash) {
    return codeHash.equals(Hash.EMPTY_CODE) || codeHash.equals(Hash.ZERO);
  }

  // ---- finishing frames

  /** Settles a frame that stopped: code deposit for creations, revert on failure, the result. */
  private void finish(Frame f) {
    long exit = f.exit;
    ExceptionalHalt halt = Interpreter.haltOf(exit);
    boolean reverted = exit == Interpreter.REVERTED;
    boolean success = halt == null && !reverted;
    long gasLeft = f.gas;
    byte[] output = f.output;
    if (success && f.type.isCreate()) {
      halt = depositCode(f);
      success = halt == null;
      gasLeft = f.gas;
    }
    if (!success) {
      state.revertToCheckpoint(f.checkpoint);
      refund = f.refundAtStart;
      truncateLogs(f.logsAtStart);
      if (halt != null) {
        gasLeft = 0;
        output = Frame.NO_BYTES;
      }
    }
    resultSuccess = success;
    resultReverted = reverted;
    resultHalt = halt;
    // The halting frame's own detail when the halt is its own (not a failed code deposit).
    resultHaltMessage =
        halt == null
            ? null
            : halt == Interpreter.haltOf(exit) && f.haltDetail != null
                ? f.haltDetail
                : halt.message();
    resultOutput = output;
    resultGasLeft = gasLeft;
    resultAddress = success && f.type.isCreate() ? f.address : null;
    if (tracing) {
      tracer.onExit(f.depth + 1, Words.wrap(output), f.gasStart - gasLeft, halt, reverted);
    }
  }

  /** Stores the code a creation returned, or says why it cannot (EIP-170, EIP-3541, EIP-2). */
  private ExceptionalHalt depositCode(Frame f) {
    byte[] code = f.output;
    if (rules.maxCodeSize > 0 && code.length > rules.maxCodeSize) {
      return ExceptionalHalt.MAX_CODE_SIZE_EXCEEDED;
    }
    if (rules.rejectEfCode && code.length > 0 && code[0] == (byte) 0xef) {
      return ExceptionalHalt.INVALID_CODE;
    }
    long cost = Gas.CODE_DEPOSIT_BYTE * code.length;
    if (f.gas < cost) {
      if (rules.failedCodeDepositReverts) {
        return ExceptionalHalt.CODE_STORE_OUT_OF_GAS;
      }
      // Frontier: the contract exists without code and keeps the gas.
      return null;
    }
    f.gas -= cost;
    if (code.length > 0) {
      state.setCode(f.address, Bytes.wrap(code));
    }
    return null;
  }

  /** Pushes the result of the finished callee onto the suspended frame and hands back its gas. */
  private void resume(Frame f) {
    long[] s = f.stack;
    int sp = f.sp;
    if (f.childType.isCreate()) {
      if (resultSuccess) {
        Words.fromAddress(resultAddress, s, sp);
      } else {
        U256.set(s, sp, 0);
      }
      f.returnData = resultReverted ? resultOutput : Frame.NO_BYTES;
    } else {
      U256.set(s, sp, resultSuccess ? 1 : 0);
      if (resultSuccess || resultReverted) {
        long length = Math.min(f.childReturnLength, resultOutput.length);
        if (length > 0) {
          System.arraycopy(resultOutput, 0, f.memory, (int) f.childReturnOffset, (int) length);
        }
      }
      f.returnData = resultOutput;
    }
    f.sp = sp + 4;
    f.gas += resultGasLeft;
  }

  // ---- value and accounts

  /** Moves value; a zero-value transfer only touches the recipient (EIP-161). */
  private void transfer(Address from, Address to, Wei value) {
    if (value.isZero()) {
      touch(to);
      return;
    }
    state.subtractBalance(from, value);
    state.addBalance(to, value);
  }

  /**
   * Touches an account as a zero-value balance change does. Before EIP-161 that creates it; from
   * EIP-161 it marks it for removal if empty. A touch of RIPEMD-160 (0x03) survives a revert:
   * go-ethereum's journal kept it in 2016 and mainnet's state depends on it.
   */
  private void touch(Address address) {
    if (!rules.emptyAccountsRemoved) {
      state.addBalance(address, Wei.ZERO);
      return;
    }
    if (address.equals(RIPEMD160) && state.exists(address) && state.isEmpty(address)) {
      ripemdTouched = true;
    }
    state.touch(address);
  }

  private void credit(Address address, Wei amount) {
    if (amount.isZero()) {
      touch(address);
    } else {
      state.addBalance(address, amount);
    }
  }

  boolean hasSelfDestructed(Address address) {
    return selfDestructed.contains(address);
  }

  /** SELFDESTRUCT's transfer and bookkeeping (EIP-6780 from Cancun). */
  void selfDestruct(Frame f, Address beneficiary) {
    Address self = f.address;
    Wei balance = state.getBalance(self);
    if (tracing) {
      tracer.onEnter(
          new CallFrame(
              f.depth + 2, CallType.SELFDESTRUCT, self, beneficiary, Bytes.EMPTY, 0, balance));
      tracer.onExit(f.depth + 2, Bytes.EMPTY, 0, null, false);
    }
    if (rules.selfdestructOnlyInCreatingTx) {
      if (!balance.isZero()) {
        state.subtractBalance(self, balance);
      }
      credit(beneficiary, balance);
      if (createdInTransaction.contains(self)) {
        markSelfDestructed(self);
        state.setBalance(self, Wei.ZERO);
      }
      return;
    }
    credit(beneficiary, balance);
    markSelfDestructed(self);
    state.setBalance(self, Wei.ZERO);
  }

  private void markSelfDestructed(Address address) {
    if (selfDestructed.add(address)) {
      state.onRevert(() -> selfDestructed.remove(address));
    }
  }

  private void markCreated(Address address) {
    if (createdInTransaction.add(address)) {
      state.onRevert(() -> createdInTransaction.remove(address));
    }
  }

  /**
   * Ends the transaction's execution: deletes self-destructed accounts and applies the RIPEMD-160
   * touch. The caller then pays fees and finalises the world state.
   */
  public void finishTransaction() {
    for (Address address : selfDestructed) {
      state.deleteAccount(address);
    }
    if (ripemdTouched) {
      state.touch(RIPEMD160);
    }
  }

  /** The precompile addresses, which EIP-2929 warms at the start of a transaction. */
  public List<Address> precompileAddresses() {
    return precompiles.addresses();
  }

  public List<Log> logs() {
    return logs;
  }

  public long refund() {
    return refund;
  }

  /** The accounts that self-destructed in this transaction. */
  public Set<Address> selfDestructed() {
    return selfDestructed;
  }

  void addLog(Log log) {
    logs.add(log);
    if (tracing) {
      tracer.onLog(log);
    }
  }

  private void truncateLogs(int size) {
    while (logs.size() > size) {
      logs.remove(logs.size() - 1);
    }
  }

  // ---- access lists (EIP-2929)

  /** Warms an address; true when it was cold. Undone if the current frame reverts. */
  public boolean warmAddress(Address address) {
    if (warmAddresses.add(address)) {
      state.onRevert(() -> warmAddresses.remove(address));
      return true;
    }
    return false;
  }

  /** Warms a storage slot; true when it was cold. */
  public boolean warmSlot(Address address, UInt256 slot) {
    SlotKey key = new SlotKey(address, slot);
    if (warmSlots.add(key)) {
      state.onRevert(() -> warmSlots.remove(key));
      return true;
    }
    return false;
  }

  /** Charges the EIP-2929 cold surcharge for an account access beyond the static warm price. */
  long accessAccount(Address address, long gas) {
    if (rules.accessLists && warmAddress(address)) {
      gas -= rules.coldAccountGas - rules.warmReadGas;
      if (gas < 0) {
        return Interpreter.OUT_OF_GAS;
      }
    }
    return gas;
  }

  // ---- transient storage (EIP-1153)

  UInt256 transientStorage(Address address, UInt256 slot) {
    if (transientStorage == null) {
      return UInt256.ZERO;
    }
    UInt256 value = transientStorage.get(new SlotKey(address, slot));
    return value == null ? UInt256.ZERO : value;
  }

  void setTransientStorage(Address address, UInt256 slot, UInt256 value) {
    if (transientStorage == null) {
      transientStorage = new HashMap<>();
    }
    SlotKey key = new SlotKey(address, slot);
    UInt256 previous =
        value.isZero() ? transientStorage.remove(key) : transientStorage.put(key, value);
    HashMap<SlotKey, UInt256> map = transientStorage;
    state.onRevert(
        () -> {
          if (previous == null) {
            map.remove(key);
          } else {
            map.put(key, previous);
          }
        });
  }

  // ---- code

  Code loadCode(Address address) {
    Hash codeHash = state.getCodeHash(address);
    if (isEmptyCodeHash(codeHash)) {
      return Code.EMPTY;
    }
    Code code = codeCache.get(codeHash);
    if (code == null) {
      code = Code.analyze(state.getCode(address).toArrayUnsafe());
      codeCache.put(codeHash, code);
    }
    return code;
  }

  int codeSize(Address address) {
    Hash codeHash = state.getCodeHash(address);
    if (isEmptyCodeHash(codeHash)) {
      return 0;
    }
    Code code = codeCache.get(codeHash);
    return code != null ? code.length : state.getCode(address).size();
  }

  byte[] keccak(byte[] data, int offset, int length) {
    return org.distli.crypto.Keccak256.digest(data, offset, length);
  }

  /** The address of a contract created by CREATE: keccak(rlp([sender, nonce]))[12:]. */
  public static Address createAddress(Address sender, long nonce) {
    byte[] rlp =
        new RlpWriter(32).startList().writeAddress(sender).writeLong(nonce).endList().toByteArray();
    byte[] hash = org.distli.crypto.Keccak256.digest(rlp);
    return Address.wrapCopy(hash, 12);
  }

  /** The address of a contract created by CREATE2 (EIP-1014). */
  public static Address create2Address(Address sender, byte[] salt, byte[] initcode) {
    byte[] codeHash = org.distli.crypto.Keccak256.digest(initcode);
    byte[] preimage = new byte[1 + 20 + 32 + 32];
    preimage[0] = (byte) 0xff;
    sender.copyTo(preimage, 1);
    System.arraycopy(salt, 0, preimage, 21, 32);
    System.arraycopy(codeHash, 0, preimage, 53, 32);
    return Address.wrapCopy(org.distli.crypto.Keccak256.digest(preimage), 12);
  }

  record SlotKey(Address address, UInt256 slot) {}
}
