// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IChallengeCourt} from "../../contracts/interfaces/IChallengeCourt.sol";
import {IProviderStaking} from "../../contracts/interfaces/IProviderStaking.sol";
import {ISlasher} from "../../contracts/interfaces/ISlasher.sol";
import {Roles} from "../../contracts/libraries/Roles.sol";
import {ChallengeCourt} from "../../contracts/slashing/ChallengeCourt.sol";
import {Slasher} from "../../contracts/slashing/Slasher.sol";
import {MarketBase} from "./MarketBase.sol";

/// @notice The market's settlements as subjects of the real challenge court (the QUIVer slashing preset: a challenge
/// stakes 1,000 QUIV plus 10% of the subject's value, three validators, 3-day votes, 50% of a rejected stake to the
/// provider, the rest burned).
contract MarketChallengesTest is MarketBase {
    uint256 internal constant MIN_STAKE = 1_000 ether;
    uint256 internal constant BOND = 10_000 ether;

    Slasher internal slasher;
    ChallengeCourt internal court;
    address[3] internal voters;

    function setUp() public override {
        super.setUp();
        ISlasher.Parameters memory s;
        s.minor = ISlasher.ClassRange(100, 500);
        s.major = ISlasher.ClassRange(500, 1_500);
        s.severe = ISlasher.ClassRange(1_500, 2_000);
        s.capWindow = 30 days;
        slasher = new Slasher(staking, address(manager), s);
        IChallengeCourt.Parameters memory p;
        p.minChallengeStake = MIN_STAKE;
        p.challengeStakeBps = 1_000;
        p.votingPeriod = 3 days;
        p.quorumBps = 5_000;
        p.minQuorum = 3;
        p.majorityBps = 5_000;
        p.challengerRewardBps = 2_000;
        p.providerShareBps = 5_000;
        p.validatorFeeBps = 1_000;
        p.validatorBond = BOND;
        p.maxMissedVotes = 5;
        court = new ChallengeCourt(IERC20(address(token)), slasher, address(manager), p);
        // The roles the slashing deploy module maps: the court slashes through the slasher, the slasher in staking.
        vm.startPrank(admin);
        _restrict(address(slasher), ISlasher.slash.selector, Roles.SLASHING_COURT);
        _restrict(address(staking), IProviderStaking.slash.selector, Roles.SLASHER);
        _restrict(address(staking), IProviderStaking.setBanned.selector, Roles.SLASHER);
        manager.grantRole(Roles.SLASHING_COURT, address(court), 0);
        manager.grantRole(Roles.SLASHER, address(slasher), 0);
        court.setSource(address(market), true);
        vm.stopPrank();
        for (uint256 i; i < voters.length; ++i) {
            voters[i] = makeAddr(string.concat("voter", vm.toString(i)));
            _mint(voters[i], BOND);
            vm.startPrank(voters[i]);
            token.approve(address(court), BOND);
            court.registerValidator();
            vm.stopPrank();
        }
        _deposit(alice, 20_000 ether);
        // Alice's own tokens for challenge stakes, approved to the court once (as a wallet does).
        _mint(alice, 10_000 ether);
        vm.prank(alice);
        token.approve(address(court), type(uint256).max);
    }

    /// @dev Every validator votes `uphold` on `challengeId`, then anyone decides it after the vote.
    function _voteAndDecide(uint256 challengeId, bool uphold) internal returns (IChallengeCourt.Status) {
        for (uint256 i; i < voters.length; ++i) {
            vm.prank(voters[i]);
            court.vote(challengeId, uphold);
        }
        _skip(3 days);
        return court.decide(challengeId);
    }

    /// @dev The storage slot of `_parties[number]`'s second word (provider, deadline, start, last ordinal), found by
    /// its provider.
    function _partiesTail(uint256 number, address provider) internal view returns (bytes32 slot) {
        for (uint256 base; base < 64; ++base) {
            slot = bytes32(uint256(keccak256(abi.encode(number, base))) + 1);
            if (address(uint160(uint256(vm.load(address(market), slot)))) == provider) return slot;
        }
        revert("parties slot not found");
    }

    // ------------------------------------------------------------------ a subject's value after its settlement

    function test_Exploit_laterSettlementInflatesAPendingChallengesStake() public {
        // Alice paid 1,000 for a result she disputes: its subject is worth 1,000, so a challenge stakes 1,100.
        bytes32 disputed = _settle(aliceKey, _voucher(alice, bronze, SMALL, 1_000 ether, 1_000_000));
        (, , uint256 value, ) = market.challengeSubject(disputed);
        assertEq(value, 1_000 ether, "the disputed settlement's own payment");
        assertEq(court.challengeStakeFor(value), 1_100 ether, "1,000 + 10% of 1,000");

        // Bronze sees her challenge coming and settles her latest voucher first (9,000 more, in the same window).
        _skip(1 hours);
        _settle(aliceKey, _voucher(alice, bronze, SMALL, 10_000 ether, 10_000_000));

        uint256 before = token.balanceOf(alice);
        vm.prank(alice);
        uint256 id = court.openChallenge(address(market), disputed, ISlasher.Infraction.Minor, 100);
        assertEq(before - token.balanceOf(alice), 2_000 ether, "her stake: 1,000 + 10% of the window's 10,000");
        assertEq(court.challenge(id).stake, 2_000 ether, "900 more than the settlement she disputes warrants");

        // Rejected: bronze gets half the stake (1,000 where 550 was at stake), the rest is burned.
        uint256 bronzeBefore = token.balanceOf(bronze);
        assertEq(uint256(_voteAndDecide(id, false)), uint256(IChallengeCourt.Status.Rejected), "rejected");
        assertEq(token.balanceOf(bronze) - bronzeBefore, 1_000 ether, "bronze: 50% of 2,000 (550 of 1,100 before)");
        assertEq(before - token.balanceOf(alice), 2_000 ether, "alice lost 2,000 (1,100 before)");
    }

    // ------------------------------------------------------------------ a channel's last ordinal

    function test_Exploit_ordinalsStopSoLaterSettlementsShareOneChallenge() public {
        // A channel 2^24 - 2 settlements in (its last ordinal written in place of that many settlements).
        _settle(aliceKey, _voucher(alice, bronze, SMALL, 1_000 ether, 1_000_000));
        bytes32 slot = _partiesTail(1, bronze);
        uint256 word = uint256(vm.load(address(market), slot));
        word = (word & ~(uint256(type(uint24).max) << 232)) | (uint256(type(uint24).max - 1) << 232);
        vm.store(address(market), slot, bytes32(word));

        // Two more results, each disputed: the first one gets ordinal 2^24 - 1, the second shares it.
        _skip(1 hours);
        bytes32 first = _settle(aliceKey, _voucher(alice, bronze, SMALL, 1_500 ether, 1_500_000));
        _skip(1 hours);
        bytes32 second = _settle(aliceKey, _voucher(alice, bronze, SMALL, 2_000 ether, 2_000_000));
        assertEq(first, bytes32((uint256(1) << 24) | type(uint24).max), "ordinal 2^24 - 1");
        assertEq(second, first, "the next settlement has no id of its own");

        vm.prank(alice);
        uint256 id = court.openChallenge(address(market), first, ISlasher.Infraction.Minor, 100);
        assertEq(uint256(_voteAndDecide(id, true)), uint256(IChallengeCourt.Status.Upheld), "first upheld");
        // The second result can never be challenged: every later settlement of the channel is that used subject.
        bytes32 evidence = keccak256(abi.encode(address(market), second));
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IChallengeCourt.AlreadyChallenged.selector, evidence, id));
        court.openChallenge(address(market), second, ISlasher.Infraction.Minor, 100);
    }
}
