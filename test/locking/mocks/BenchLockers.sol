// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IVoteLocker} from "../../../contracts/interfaces/IVoteLocker.sol";

/// @notice One locker of the gas benchmark: in its constructor it takes tokens from the factory and locks them
/// from its own address. It keeps no code.
contract BenchLocker {
    constructor(IVoteLocker locker, IERC20 token, uint256 amount, uint256 duration) {
        BenchLockers(msg.sender).fund(amount);
        token.approve(address(locker), amount);
        locker.createLock(amount, duration);
    }
}

/// @notice Test-only factory for the gas benchmark: opens many locks per transaction, each from a distinct address,
/// with ends spread over many weeks, so a benchmark can measure an action with 10 or 10,000 other lockers.
/// @dev Holds the tokens it hands out; `fund` pays any caller (test-only, never deployed outside a devnet).
contract BenchLockers {
    IVoteLocker public immutable locker;
    IERC20 public immutable token;

    constructor(IVoteLocker locker_, IERC20 token_) {
        locker = locker_;
        token = token_;
    }

    /// @notice Pays `amount` to the locker being constructed.
    function fund(uint256 amount) external {
        require(token.transfer(msg.sender, amount), "transfer");
    }

    /// @notice Opens `count` locks of `amount`, lasting 10 to 207 weeks.
    function create(uint256 count, uint256 amount, uint256 salt) external {
        for (uint256 i; i < count; ++i) {
            new BenchLocker(locker, token, amount, (10 + ((i + salt) % 198)) * 7 days);
        }
    }
}

/// @notice One LP staker of the gas benchmark: in its constructor it takes LP tokens from the factory and stakes
/// them from its own address. It keeps no code.
contract BenchLpStaker {
    constructor(ILpIncentivesStake pool, IERC20 lp, uint256 amount) {
        BenchLpStakers(msg.sender).fund(amount);
        lp.approve(address(pool), amount);
        pool.stake(amount);
    }
}

/// @notice The one call of LiquidityIncentives the benchmark's stakers make.
interface ILpIncentivesStake {
    /// @notice Stakes `amount` LP tokens from the caller.
    /// @param amount LP tokens, in wei.
    function stake(uint256 amount) external;
}

/// @notice Test-only factory for the gas benchmark: stakes LP tokens from many distinct addresses, so a benchmark
/// can measure an LP stake with 10 or 10,000 other stakers.
/// @dev Holds the LP tokens it hands out; `fund` pays any caller (test-only, never deployed outside a devnet).
contract BenchLpStakers {
    ILpIncentivesStake public immutable pool;
    IERC20 public immutable lp;

    constructor(ILpIncentivesStake pool_, IERC20 lp_) {
        pool = pool_;
        lp = lp_;
    }

    /// @notice Pays `amount` LP tokens to the staker being constructed.
    function fund(uint256 amount) external {
        require(lp.transfer(msg.sender, amount), "transfer");
    }

    /// @notice Opens `count` stakes of `amount` LP tokens, each from a new address.
    function create(uint256 count, uint256 amount) external {
        for (uint256 i; i < count; ++i) {
            new BenchLpStaker(pool, lp, amount);
        }
    }
}
