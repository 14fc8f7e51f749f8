package org.distli.rpc.jsonrpc;

/**
 * One JSON-RPC method. Implementations are small classes named after the method (EthGetBalance for
 * eth_getBalance) and registered by name in a {@link MethodRegistry}. {@link #execute} runs on a
 * worker thread, never on the event loop, and may block on storage; it returns a value {@link
 * JsonOutput} can write, or throws {@link RpcException}.
 */
public interface RpcMethod {
  String name();

  Object execute(RpcCall call);

  /** The namespace of the method: the part of its name before the first underscore. */
  static String namespaceOf(String methodName) {
    int underscore = methodName.indexOf('_');
    return underscore < 0 ? methodName : methodName.substring(0, underscore);
  }

  /** A method from a name and a function, for the ones that fit on a line. */
  static RpcMethod of(String name, java.util.function.Function<RpcCall, Object> body) {
    return new RpcMethod() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Object execute(RpcCall call) {
        return body.apply(call);
      }
    };
  }
}
