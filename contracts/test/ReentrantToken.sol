// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {DemoToken} from "../DemoToken.sol";

/// Test-only: an ERC-20 that, once armed, calls back into a target (the order book) from inside
/// its next transfer and records whether that reentrant call got through. It can also act as a
/// trader itself (execute), so the reentrant call can be one the book would otherwise accept.
contract ReentrantToken is DemoToken {
    address public target;
    bytes public attackCall;
    bool public attacked;
    bool public reentrySucceeded;
    bytes public reentryResult;

    constructor(address[] memory holders, uint256 amountEach) DemoToken("Reentrant", "EVIL", holders, amountEach) {}

    function arm(address target_, bytes calldata data) external {
        target = target_;
        attackCall = data;
        attacked = false;
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

    function _transfer(address from, address to, uint256 amount) internal override {
        if (target != address(0) && !attacked) {
            attacked = true;
            (bool ok, bytes memory result) = target.call(attackCall);
            reentrySucceeded = ok;
            reentryResult = result;
        }
        super._transfer(from, to, amount);
    }

    receive() external payable {}
}
