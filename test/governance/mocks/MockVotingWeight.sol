// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Time} from "@openzeppelin/contracts/utils/types/Time.sol";

import {IVotingWeight} from "../../../contracts/interfaces/IVotingWeight.sol";

/// @notice Stand-in for the staking module's voting weight: stakers lock tokens here (the contract never
/// delegates them) and get weight 1.5x, rising linearly to 2x for locks of a year or more, checkpointed by
/// timestamp like the real module must be. `unstake` returns everything at once (no unbonding in the mock).
contract MockVotingWeight is IVotingWeight {
    using Checkpoints for Checkpoints.Trace208;

    error FutureLookup(uint256 timepoint, uint48 clock);

    uint256 internal constant YEAR = 365 days;

    IERC20 public token;
    mapping(address account => Checkpoints.Trace208) private _weights;
    mapping(address account => uint256) public staked;

    /// @param token_ The staked token; zero when the token is deployed later (then `setToken` once).
    constructor(IERC20 token_) {
        token = token_;
    }

    /// @notice Sets the staked token once, for deploys where the mock must exist before the token.
    function setToken(IERC20 token_) external {
        require(address(token) == address(0), "token set");
        token = token_;
    }

    /// @notice Stakes `amount`, locked for `lockDuration` seconds: weight = amount x (1.5 + 0.5 x min(lock, 1y) / 1y).
    function stake(uint256 amount, uint256 lockDuration) external {
        require(token.transferFrom(msg.sender, address(this), amount), "transfer");
        uint256 lock = lockDuration > YEAR ? YEAR : lockDuration;
        uint256 weight = (amount * (15_000 + (5_000 * lock) / YEAR)) / 10_000;
        staked[msg.sender] += amount;
        _push(msg.sender, _weights[msg.sender].latest() + weight);
    }

    /// @notice Returns every staked token and drops the weight to zero.
    function unstake() external {
        uint256 amount = staked[msg.sender];
        staked[msg.sender] = 0;
        _push(msg.sender, 0);
        require(token.transfer(msg.sender, amount), "transfer");
    }

    function clock() public view returns (uint48) {
        return Time.timestamp();
    }

    function CLOCK_MODE() external pure returns (string memory) {
        return "mode=timestamp";
    }

    function getVotes(address account) external view returns (uint256) {
        return _weights[account].latest();
    }

    function getPastVotes(address account, uint256 timepoint) external view returns (uint256) {
        uint48 now_ = clock();
        if (timepoint >= now_) revert FutureLookup(timepoint, now_);
        return _weights[account].upperLookupRecent(SafeCast.toUint48(timepoint));
    }

    function _push(address account, uint256 weight) private {
        _weights[account].push(clock(), SafeCast.toUint208(weight));
    }
}
