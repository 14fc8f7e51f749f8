// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

/// Test-only: a contract trader whose receive() accepts the native coin, rejects it, or tries to
/// call back into a target (the order book) and records whether that reentrant call got through.
contract NativeTrader {
    enum Mode {
        Accept,
        Reject,
        Reenter
    }

    Mode public mode;
    address public target;
    bytes public reentryCall;
    bool public reentryAttempted;
    bool public reentrySucceeded;
    bytes public reentryResult;

    function setMode(Mode mode_, address target_, bytes calldata data) external {
        mode = mode_;
        target = target_;
        reentryCall = data;
    }

    function execute(address to, uint256 value, bytes calldata data) external payable returns (bytes memory) {
        (bool ok, bytes memory result) = to.call{value: value}(data);
        if (!ok) {
            assembly {
                revert(add(result, 32), mload(result))
            }
        }
        return result;
    }

    receive() external payable {
        if (mode == Mode.Reject) revert("payments rejected");
        if (mode == Mode.Reenter && !reentryAttempted) {
            reentryAttempted = true;
            (bool ok, bytes memory result) = target.call(reentryCall);
            reentrySucceeded = ok;
            reentryResult = result;
        }
    }
}
