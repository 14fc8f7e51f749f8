package org.distli.rpc.jsonrpc;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The methods a server answers, by name, filtered by the enabled namespaces: a method of a disabled
 * namespace is "not found", as in go-ethereum. Built once at startup; immutable afterwards.
 */
public final class MethodRegistry {
  private final Map<String, RpcMethod> methods;

  private MethodRegistry(Map<String, RpcMethod> methods) {
    this.methods = methods;
  }

  public static Builder builder() {
    return new Builder();
  }

  public RpcMethod get(String name) {
    return methods.get(name);
  }

  public Set<String> names() {
    return methods.keySet();
  }

  public static final class Builder {
    private final Map<String, RpcMethod> methods = new TreeMap<>();

    public Builder add(RpcMethod method) {
      if (methods.putIfAbsent(method.name(), method) != null) {
        throw new IllegalArgumentException("method registered twice: " + method.name());
      }
      return this;
    }

    public Builder addAll(Collection<? extends RpcMethod> list) {
      list.forEach(this::add);
      return this;
    }

    /** The registry with only the methods of {@code namespaces}. */
    public MethodRegistry build(Set<String> namespaces) {
      Map<String, RpcMethod> enabled = new TreeMap<>();
      methods.forEach(
          (name, method) -> {
            if (namespaces.contains(RpcMethod.namespaceOf(name))) {
              enabled.put(name, method);
            }
          });
      return new MethodRegistry(Collections.unmodifiableMap(enabled));
    }
  }
}
