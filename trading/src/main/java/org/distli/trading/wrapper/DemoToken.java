package org.distli.trading.wrapper;

import io.reactivex.Flowable;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javax.annotation.processing.Generated;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.CustomError;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.RemoteCall;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.BaseEventResponse;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.Contract;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;

/**
 * Auto generated code.
 *
 * <p><strong>Do not modify!</strong>
 *
 * <p>Please use the <a href="https://docs.web3j.io/command_line.html">web3j command line tools</a>,
 * or the org.web3j.codegen.SolidityFunctionWrapperGenerator in the <a
 * href="https://github.com/LFDT-web3j/web3j/tree/main/codegen">codegen module</a> to update.
 *
 * <p>Generated with web3j version 5.0.2.
 */
@SuppressWarnings("rawtypes")
@Generated("org.web3j.codegen.SolidityFunctionWrapperGenerator")
public class DemoToken extends Contract {
  public static final String BINARY =
      "608060405234801561000f575f5ffd5b50604051610a77380380610a7783398101604081905261002e916101e9565b5f6100398582610388565b5060016100468482610388565b505f5b82518110156100835761007b83828151811061006757610067610442565b60200260200101518361008d60201b60201c565b600101610049565b505050505061047b565b6001600160a01b0382166100b45760405163d92e233d60e01b815260040160405180910390fd5b8060025f8282546100c59190610456565b90915550506001600160a01b0382165f90815260036020526040812080548392906100f1908490610456565b90915550506040518181526001600160a01b038316905f907fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef9060200160405180910390a35050565b634e487b7160e01b5f52604160045260245ffd5b604051601f8201601f191681016001600160401b03811182821017156101765761017661013a565b604052919050565b5f82601f83011261018d575f5ffd5b81516001600160401b038111156101a6576101a661013a565b6101b9601f8201601f191660200161014e565b8181528460208386010111156101cd575f5ffd5b8160208501602083015e5f918101602001919091529392505050565b5f5f5f5f608085870312156101fc575f5ffd5b84516001600160401b03811115610211575f5ffd5b61021d8782880161017e565b602087015190955090506001600160401b0381111561023a575f5ffd5b6102468782880161017e565b604087015190945090506001600160401b03811115610263575f5ffd5b8501601f81018713610273575f5ffd5b80516001600160401b0381111561028c5761028c61013a565b8060051b61029c6020820161014e565b9182526020818401810192908101908a8411156102b7575f5ffd5b6020850194505b838510156102f057845192506001600160a01b03831683146102de575f5ffd5b828252602094850194909101906102be565b60609990990151979a969950505050505050565b600181811c9082168061031857607f821691505b60208210810361033657634e487b7160e01b5f52602260045260245ffd5b50919050565b601f82111561038357805f5260205f20601f840160051c810160208510156103615750805b601f840160051c820191505b81811015610380575f815560010161036d565b50505b505050565b81516001600160401b038111156103a1576103a161013a565b6103b5816103af8454610304565b8461033c565b6020601f8211600181146103e7575f83156103d05750848201515b5f19600385901b1c1916600184901b178455610380565b5f84815260208120601f198516915b8281101561041657878501518255602094850194600190920191016103f6565b508482101561043357868401515f19600387901b60f8161c191681555b50505050600190811b01905550565b634e487b7160e01b5f52603260045260245ffd5b8082018082111561047557634e487b7160e01b5f52601160045260245ffd5b92915050565b6105ef806104885f395ff3fe608060405234801561000f575f5ffd5b5060043610610090575f3560e01c8063313ce56711610063578063313ce567146100ff57806370a082311461011957806395d89b4114610138578063a9059cbb14610140578063dd62ed3e14610153575f5ffd5b806306fdde0314610094578063095ea7b3146100b257806318160ddd146100d557806323b872dd146100ec575b5f5ffd5b61009c61017d565b6040516100a9919061046d565b60405180910390f35b6100c56100c03660046104bd565b610208565b60405190151581526020016100a9565b6100de60025481565b6040519081526020016100a9565b6100c56100fa3660046104e5565b610294565b610107601281565b60405160ff90911681526020016100a9565b6100de61012736600461051f565b60036020525f908152604090205481565b61009c610339565b6100c561014e3660046104bd565b610346565b6100de61016136600461053f565b600460209081525f928352604080842090915290825290205481565b5f805461018990610570565b80601f01602080910402602001604051908101604052809291908181526020018280546101b590610570565b80156102005780601f106101d757610100808354040283529160200191610200565b820191905f5260205f20905b8154815290600101906020018083116101e357829003601f168201915b505050505081565b5f6001600160a01b0383166102305760405163d92e233d60e01b815260040160405180910390fd5b335f8181526004602090815260408083206001600160a01b03881680855290835292819020869055518581529192917f8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925910160405180910390a35060015b92915050565b6001600160a01b0383165f9081526004602090815260408083203384529091528120545f19811461032357828110156102f557604051630c95cf2760e11b815233600482015260248101829052604481018490526064015b60405180910390fd5b6102ff83826105bc565b6001600160a01b0386165f9081526004602090815260408083203384529091529020555b61032e85858561035b565b506001949350505050565b6001805461018990610570565b5f61035233848461035b565b50600192915050565b6001600160a01b0382166103825760405163d92e233d60e01b815260040160405180910390fd5b6001600160a01b0383165f90815260036020526040902054818110156103d45760405163db42144d60e01b81526001600160a01b038516600482015260248101829052604481018390526064016102ec565b6103de82826105bc565b6001600160a01b038086165f9081526003602052604080822093909355908516815290812080548492906104139084906105cf565b92505081905550826001600160a01b0316846001600160a01b03167fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef8460405161045f91815260200190565b60405180910390a350505050565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b80356001600160a01b03811681146104b8575f5ffd5b919050565b5f5f604083850312156104ce575f5ffd5b6104d7836104a2565b946020939093013593505050565b5f5f5f606084860312156104f7575f5ffd5b610500846104a2565b925061050e602085016104a2565b929592945050506040919091013590565b5f6020828403121561052f575f5ffd5b610538826104a2565b9392505050565b5f5f60408385031215610550575f5ffd5b610559836104a2565b9150610567602084016104a2565b90509250929050565b600181811c9082168061058457607f821691505b6020821081036105a257634e487b7160e01b5f52602260045260245ffd5b50919050565b634e487b7160e01b5f52601160045260245ffd5b8181038181111561028e5761028e6105a8565b8082018082111561028e5761028e6105a856fea164736f6c634300081c000a";

  private static String librariesLinkedBinary;

  public static final String FUNC_ALLOWANCE = "allowance";

  public static final String FUNC_APPROVE = "approve";

  public static final String FUNC_BALANCEOF = "balanceOf";

  public static final String FUNC_DECIMALS = "decimals";

  public static final String FUNC_NAME = "name";

  public static final String FUNC_SYMBOL = "symbol";

  public static final String FUNC_TOTALSUPPLY = "totalSupply";

  public static final String FUNC_TRANSFER = "transfer";

  public static final String FUNC_TRANSFERFROM = "transferFrom";

  public static final CustomError INSUFFICIENTALLOWANCE_ERROR =
      new CustomError(
          "InsufficientAllowance",
          Arrays.<TypeReference<?>>asList(
              new TypeReference<Address>() {},
              new TypeReference<Uint256>() {},
              new TypeReference<Uint256>() {}));
  ;

  public static final CustomError INSUFFICIENTBALANCE_ERROR =
      new CustomError(
          "InsufficientBalance",
          Arrays.<TypeReference<?>>asList(
              new TypeReference<Address>() {},
              new TypeReference<Uint256>() {},
              new TypeReference<Uint256>() {}));
  ;

  public static final CustomError ZEROADDRESS_ERROR =
      new CustomError("ZeroAddress", Arrays.<TypeReference<?>>asList());
  ;

  public static final Event APPROVAL_EVENT =
      new Event(
          "Approval",
          Arrays.<TypeReference<?>>asList(
              new TypeReference<Address>(true) {},
              new TypeReference<Address>(true) {},
              new TypeReference<Uint256>() {}));
  ;

  public static final Event TRANSFER_EVENT =
      new Event(
          "Transfer",
          Arrays.<TypeReference<?>>asList(
              new TypeReference<Address>(true) {},
              new TypeReference<Address>(true) {},
              new TypeReference<Uint256>() {}));
  ;

  @Deprecated
  protected DemoToken(
      String contractAddress,
      Web3j web3j,
      Credentials credentials,
      BigInteger gasPrice,
      BigInteger gasLimit) {
    super(BINARY, contractAddress, web3j, credentials, gasPrice, gasLimit);
  }

  protected DemoToken(
      String contractAddress,
      Web3j web3j,
      Credentials credentials,
      ContractGasProvider contractGasProvider) {
    super(BINARY, contractAddress, web3j, credentials, contractGasProvider);
  }

  @Deprecated
  protected DemoToken(
      String contractAddress,
      Web3j web3j,
      TransactionManager transactionManager,
      BigInteger gasPrice,
      BigInteger gasLimit) {
    super(BINARY, contractAddress, web3j, transactionManager, gasPrice, gasLimit);
  }

  protected DemoToken(
      String contractAddress,
      Web3j web3j,
      TransactionManager transactionManager,
      ContractGasProvider contractGasProvider) {
    super(BINARY, contractAddress, web3j, transactionManager, contractGasProvider);
  }

  public static List<ApprovalEventResponse> getApprovalEvents(
      TransactionReceipt transactionReceipt) {
    List<Contract.EventValuesWithLog> valueList =
        staticExtractEventParametersWithLog(APPROVAL_EVENT, transactionReceipt);
    ArrayList<ApprovalEventResponse> responses =
        new ArrayList<ApprovalEventResponse>(valueList.size());
    for (Contract.EventValuesWithLog eventValues : valueList) {
      ApprovalEventResponse typedResponse = new ApprovalEventResponse();
      typedResponse.log = eventValues.getLog();
      typedResponse.owner = (String) eventValues.getIndexedValues().get(0).getValue();
      typedResponse.spender = (String) eventValues.getIndexedValues().get(1).getValue();
      typedResponse.value = (BigInteger) eventValues.getNonIndexedValues().get(0).getValue();
      responses.add(typedResponse);
    }
    return responses;
  }

  public static ApprovalEventResponse getApprovalEventFromLog(Log log) {
    Contract.EventValuesWithLog eventValues =
        staticExtractEventParametersWithLog(APPROVAL_EVENT, log);
    ApprovalEventResponse typedResponse = new ApprovalEventResponse();
    typedResponse.log = log;
    typedResponse.owner = (String) eventValues.getIndexedValues().get(0).getValue();
    typedResponse.spender = (String) eventValues.getIndexedValues().get(1).getValue();
    typedResponse.value = (BigInteger) eventValues.getNonIndexedValues().get(0).getValue();
    return typedResponse;
  }

  public Flowable<ApprovalEventResponse> approvalEventFlowable(EthFilter filter) {
    return web3j.ethLogFlowable(filter).map(log -> getApprovalEventFromLog(log));
  }

  public Flowable<ApprovalEventResponse> approvalEventFlowable(
      DefaultBlockParameter startBlock, DefaultBlockParameter endBlock) {
    EthFilter filter = new EthFilter(startBlock, endBlock, getContractAddress());
    filter.addSingleTopic(EventEncoder.encode(APPROVAL_EVENT));
    return approvalEventFlowable(filter);
  }

  public static List<TransferEventResponse> getTransferEvents(
      TransactionReceipt transactionReceipt) {
    List<Contract.EventValuesWithLog> valueList =
        staticExtractEventParametersWithLog(TRANSFER_EVENT, transactionReceipt);
    ArrayList<TransferEventResponse> responses =
        new ArrayList<TransferEventResponse>(valueList.size());
    for (Contract.EventValuesWithLog eventValues : valueList) {
      TransferEventResponse typedResponse = new TransferEventResponse();
      typedResponse.log = eventValues.getLog();
      typedResponse.from = (String) eventValues.getIndexedValues().get(0).getValue();
      typedResponse.to = (String) eventValues.getIndexedValues().get(1).getValue();
      typedResponse.value = (BigInteger) eventValues.getNonIndexedValues().get(0).getValue();
      responses.add(typedResponse);
    }
    return responses;
  }

  public static TransferEventResponse getTransferEventFromLog(Log log) {
    Contract.EventValuesWithLog eventValues =
        staticExtractEventParametersWithLog(TRANSFER_EVENT, log);
    TransferEventResponse typedResponse = new TransferEventResponse();
    typedResponse.log = log;
    typedResponse.from = (String) eventValues.getIndexedValues().get(0).getValue();
    typedResponse.to = (String) eventValues.getIndexedValues().get(1).getValue();
    typedResponse.value = (BigInteger) eventValues.getNonIndexedValues().get(0).getValue();
    return typedResponse;
  }

  public Flowable<TransferEventResponse> transferEventFlowable(EthFilter filter) {
    return web3j.ethLogFlowable(filter).map(log -> getTransferEventFromLog(log));
  }

  public Flowable<TransferEventResponse> transferEventFlowable(
      DefaultBlockParameter startBlock, DefaultBlockParameter endBlock) {
    EthFilter filter = new EthFilter(startBlock, endBlock, getContractAddress());
    filter.addSingleTopic(EventEncoder.encode(TRANSFER_EVENT));
    return transferEventFlowable(filter);
  }

  public RemoteFunctionCall<BigInteger> allowance(String param0, String param1) {
    final Function function =
        new Function(
            FUNC_ALLOWANCE,
            Arrays.<Type>asList(
                new org.web3j.abi.datatypes.Address(160, param0),
                new org.web3j.abi.datatypes.Address(160, param1)),
            Arrays.<TypeReference<?>>asList(new TypeReference<Uint256>() {}));
    return executeRemoteCallSingleValueReturn(function, BigInteger.class);
  }

  public RemoteFunctionCall<TransactionReceipt> approve(String spender, BigInteger amount) {
    final Function function =
        new Function(
            FUNC_APPROVE,
            Arrays.<Type>asList(
                new org.web3j.abi.datatypes.Address(160, spender),
                new org.web3j.abi.datatypes.generated.Uint256(amount)),
            Collections.<TypeReference<?>>emptyList());
    return executeRemoteCallTransaction(function);
  }

  public RemoteFunctionCall<BigInteger> balanceOf(String param0) {
    final Function function =
        new Function(
            FUNC_BALANCEOF,
            Arrays.<Type>asList(new org.web3j.abi.datatypes.Address(160, param0)),
            Arrays.<TypeReference<?>>asList(new TypeReference<Uint256>() {}));
    return executeRemoteCallSingleValueReturn(function, BigInteger.class);
  }

  public RemoteFunctionCall<BigInteger> decimals() {
    final Function function =
        new Function(
            FUNC_DECIMALS,
            Arrays.<Type>asList(),
            Arrays.<TypeReference<?>>asList(new TypeReference<Uint8>() {}));
    return executeRemoteCallSingleValueReturn(function, BigInteger.class);
  }

  public RemoteFunctionCall<String> name() {
    final Function function =
        new Function(
            FUNC_NAME,
            Arrays.<Type>asList(),
            Arrays.<TypeReference<?>>asList(new TypeReference<Utf8String>() {}));
    return executeRemoteCallSingleValueReturn(function, String.class);
  }

  public RemoteFunctionCall<String> symbol() {
    final Function function =
        new Function(
            FUNC_SYMBOL,
            Arrays.<Type>asList(),
            Arrays.<TypeReference<?>>asList(new TypeReference<Utf8String>() {}));
    return executeRemoteCallSingleValueReturn(function, String.class);
  }

  public RemoteFunctionCall<BigInteger> totalSupply() {
    final Function function =
        new Function(
            FUNC_TOTALSUPPLY,
            Arrays.<Type>asList(),
            Arrays.<TypeReference<?>>asList(new TypeReference<Uint256>() {}));
    return executeRemoteCallSingleValueReturn(function, BigInteger.class);
  }

  public RemoteFunctionCall<TransactionReceipt> transfer(String to, BigInteger amount) {
    final Function function =
        new Function(
            FUNC_TRANSFER,
            Arrays.<Type>asList(
                new org.web3j.abi.datatypes.Address(160, to),
                new org.web3j.abi.datatypes.generated.Uint256(amount)),
            Collections.<TypeReference<?>>emptyList());
    return executeRemoteCallTransaction(function);
  }

  public RemoteFunctionCall<TransactionReceipt> transferFrom(
      String from, String to, BigInteger amount) {
    final Function function =
        new Function(
            FUNC_TRANSFERFROM,
            Arrays.<Type>asList(
                new org.web3j.abi.datatypes.Address(160, from),
                new org.web3j.abi.datatypes.Address(160, to),
                new org.web3j.abi.datatypes.generated.Uint256(amount)),
            Collections.<TypeReference<?>>emptyList());
    return executeRemoteCallTransaction(function);
  }

  @Deprecated
  public static DemoToken load(
      String contractAddress,
      Web3j web3j,
      Credentials credentials,
      BigInteger gasPrice,
      BigInteger gasLimit) {
    return new DemoToken(contractAddress, web3j, credentials, gasPrice, gasLimit);
  }

  @Deprecated
  public static DemoToken load(
      String contractAddress,
      Web3j web3j,
      TransactionManager transactionManager,
      BigInteger gasPrice,
      BigInteger gasLimit) {
    return new DemoToken(contractAddress, web3j, transactionManager, gasPrice, gasLimit);
  }

  public static DemoToken load(
      String contractAddress,
      Web3j web3j,
      Credentials credentials,
      ContractGasProvider contractGasProvider) {
    return new DemoToken(contractAddress, web3j, credentials, contractGasProvider);
  }

  public static DemoToken load(
      String contractAddress,
      Web3j web3j,
      TransactionManager transactionManager,
      ContractGasProvider contractGasProvider) {
    return new DemoToken(contractAddress, web3j, transactionManager, contractGasProvider);
  }

  public static RemoteCall<DemoToken> deploy(
      Web3j web3j,
      Credentials credentials,
      ContractGasProvider contractGasProvider,
      String name_,
      String symbol_,
      List<String> holders,
      BigInteger amountEach) {
    String encodedConstructor =
        FunctionEncoder.encodeConstructor(
            Arrays.<Type>asList(
                new org.web3j.abi.datatypes.Utf8String(name_),
                new org.web3j.abi.datatypes.Utf8String(symbol_),
                new org.web3j.abi.datatypes.DynamicArray<org.web3j.abi.datatypes.Address>(
                    org.web3j.abi.datatypes.Address.class,
                    org.web3j.abi.Utils.typeMap(holders, org.web3j.abi.datatypes.Address.class)),
                new org.web3j.abi.datatypes.generated.Uint256(amountEach)));
    return deployRemoteCall(
        DemoToken.class,
        web3j,
        credentials,
        contractGasProvider,
        getDeploymentBinary(),
        encodedConstructor);
  }

  public static RemoteCall<DemoToken> deploy(
      Web3j web3j,
      TransactionManager transactionManager,
      ContractGasProvider contractGasProvider,
      String name_,
      String symbol_,
      List<String> holders,
      BigInteger amountEach) {
    String encodedConstructor =
        FunctionEncoder.encodeConstructor(
            Arrays.<Type>asList(
                new org.web3j.abi.datatypes.Utf8String(name_),
                new org.web3j.abi.datatypes.Utf8String(symbol_),
                new org.web3j.abi.datatypes.DynamicArray<org.web3j.abi.datatypes.Address>(
                    org.web3j.abi.datatypes.Address.class,
                    org.web3j.abi.Utils.typeMap(holders, org.web3j.abi.datatypes.Address.class)),
                new org.web3j.abi.datatypes.generated.Uint256(amountEach)));
    return deployRemoteCall(
        DemoToken.class,
        web3j,
        transactionManager,
        contractGasProvider,
        getDeploymentBinary(),
        encodedConstructor);
  }

  @Deprecated
  public static RemoteCall<DemoToken> deploy(
      Web3j web3j,
      Credentials credentials,
      BigInteger gasPrice,
      BigInteger gasLimit,
      String name_,
      String symbol_,
      List<String> holders,
      BigInteger amountEach) {
    String encodedConstructor =
        FunctionEncoder.encodeConstructor(
            Arrays.<Type>asList(
                new org.web3j.abi.datatypes.Utf8String(name_),
                new org.web3j.abi.datatypes.Utf8String(symbol_),
                new org.web3j.abi.datatypes.DynamicArray<org.web3j.abi.datatypes.Address>(
                    org.web3j.abi.datatypes.Address.class,
                    org.web3j.abi.Utils.typeMap(holders, org.web3j.abi.datatypes.Address.class)),
                new org.web3j.abi.datatypes.generated.Uint256(amountEach)));
    return deployRemoteCall(
        DemoToken.class,
        web3j,
        credentials,
        gasPrice,
        gasLimit,
        getDeploymentBinary(),
        encodedConstructor);
  }

  @Deprecated
  public static RemoteCall<DemoToken> deploy(
      Web3j web3j,
      TransactionManager transactionManager,
      BigInteger gasPrice,
      BigInteger gasLimit,
      String name_,
      String symbol_,
      List<String> holders,
      BigInteger amountEach) {
    String encodedConstructor =
        FunctionEncoder.encodeConstructor(
            Arrays.<Type>asList(
                new org.web3j.abi.datatypes.Utf8String(name_),
                new org.web3j.abi.datatypes.Utf8String(symbol_),
                new org.web3j.abi.datatypes.DynamicArray<org.web3j.abi.datatypes.Address>(
                    org.web3j.abi.datatypes.Address.class,
                    org.web3j.abi.Utils.typeMap(holders, org.web3j.abi.datatypes.Address.class)),
                new org.web3j.abi.datatypes.generated.Uint256(amountEach)));
    return deployRemoteCall(
        DemoToken.class,
        web3j,
        transactionManager,
        gasPrice,
        gasLimit,
        getDeploymentBinary(),
        encodedConstructor);
  }

  public static void linkLibraries(List<Contract.LinkReference> references) {
    librariesLinkedBinary = linkBinaryWithReferences(BINARY, references);
  }

  private static String getDeploymentBinary() {
    if (librariesLinkedBinary != null) {
      return librariesLinkedBinary;
    } else {
      return BINARY;
    }
  }

  public static class ApprovalEventResponse extends BaseEventResponse {
    public String owner;

    public String spender;

    public BigInteger value;
  }

  public static class TransferEventResponse extends BaseEventResponse {
    public String from;

    public String to;

    public BigInteger value;
  }
}
