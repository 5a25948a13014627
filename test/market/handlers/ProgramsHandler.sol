// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IInferenceMarket} from "../../../contracts/interfaces/IInferenceMarket.sol";
import {IIncentivePools} from "../../../contracts/interfaces/IIncentivePools.sol";
import {IModelCatalog} from "../../../contracts/interfaces/IModelCatalog.sol";
import {IProviderPrograms} from "../../../contracts/interfaces/IProviderPrograms.sol";
import {IRatings} from "../../../contracts/interfaces/IRatings.sol";
import {ProgramKeys} from "../../../contracts/libraries/ProgramKeys.sol";
import {ProviderPrograms} from "../../../contracts/market/ProviderPrograms.sol";
import {Ratings} from "../../../contracts/market/Ratings.sol";
import {ProtocolToken} from "../../../contracts/token/ProtocolToken.sol";
import {Test} from "../../utils/Test.sol";
import {MockMetrics} from "../mocks/MockMetrics.sol";

/// @notice Drives the ratings and the provider programs with one self-dealing party (two consumer identities paying
/// its two provider identities) beside an honest consumer and provider, over random rates within their bounds.
contract ProgramsHandler is Test {
    bytes32 internal constant MODEL = keccak256("model.small");
    uint256 internal constant BPS = 10_000;

    IInferenceMarket public market;
    IIncentivePools public pools;
    IModelCatalog public catalog;
    Ratings public ratings;
    ProviderPrograms public programs;
    MockMetrics public metrics;
    ProtocolToken public token;
    address public minter;
    address public registry;

    /// @dev consumers[0] is honest and pays providers[0]; consumers[1..2] and providers[1..2] are the party.
    address[3] public consumers;
    uint256[3] internal _keys;
    address[3] public providers;

    mapping(address consumer => mapping(address provider => uint256)) public cumulative;
    uint256 public ghostPartyMinted;
    uint256[3] public ghostFunded;
    uint256 public ghostFeedbackFunded;
    uint256 public ratingsCast;

    constructor(
        Ratings ratings_,
        ProviderPrograms programs_,
        MockMetrics metrics_,
        ProtocolToken token_,
        address minter_,
        address registry_,
        address[3] memory consumers_,
        uint256[3] memory keys_,
        address[3] memory providers_
    ) {
        market = IInferenceMarket(ratings_.market());
        pools = IIncentivePools(market.incentives());
        catalog = IModelCatalog(market.catalog());
        ratings = ratings_;
        programs = programs_;
        metrics = metrics_;
        token = token_;
        minter = minter_;
        registry = registry_;
        consumers = consumers_;
        _keys = keys_;
        providers = providers_;
    }

    /// @dev The party's wealth outside its stake: tokens, escrow, unclaimed earnings and accrued incentives.
    function partyWealth() external view returns (uint256 w) {
        for (uint256 i = 1; i < 3; ++i) {
            address c = consumers[i];
            address p = providers[i];
            w += token.balanceOf(c) + token.balanceOf(p) + pools.owed(c) + pools.owed(p);
            IInferenceMarket.AccountView memory a = market.accountOf(c);
            w += a.balance + a.credits;
            (, , uint256 bonusCredits) = pools.earlyAdopterOf(c);
            w += bonusCredits;
            for (uint256 j = 1; j < 3; ++j) {
                IInferenceMarket.ReserveView memory r = market.reserveOf(c, providers[j]);
                w += r.deposits + r.credits;
            }
            (uint256 unclaimed, ) = market.earningsOf(p);
            w += unclaimed;
        }
    }

    function pay(uint256 consumerSeed, uint256 providerSeed, uint256 amount) external {
        uint256 ci = bound(consumerSeed, 0, 2);
        uint256 pi = ci == 0 ? 0 : bound(providerSeed, 1, 2);
        amount = bound(amount, 1 ether, 20_000 ether);
        address c = consumers[ci];
        address p = providers[pi];
        vm.prank(minter);
        token.mint(c, amount);
        if (ci != 0) ghostPartyMinted += amount;
        vm.startPrank(c);
        token.approve(address(market), amount);
        market.deposit(amount);
        market.reserve(p, amount);
        vm.stopPrank();
        uint256 next = cumulative[c][p] + amount;
        IInferenceMarket.Voucher memory v = IInferenceMarket.Voucher({
            consumer: c,
            provider: p,
            batch: false,
            modelId: MODEL,
            priorityBps: 0,
            epoch: 0,
            cumulativeAmount: next,
            cumulativeTokens: 0,
            deadline: block.timestamp + 1 days
        });
        (uint8 sv, bytes32 r, bytes32 s) = vm.sign(_keys[ci], market.hashVoucher(v));
        vm.prank(p);
        market.settle(v, abi.encodePacked(r, s, sv));
        cumulative[c][p] = next;
    }

    function rate(uint256 consumerSeed, uint256 providerSeed, uint256 stars) external {
        address c = consumers[bound(consumerSeed, 0, 2)];
        address p = providers[bound(providerSeed, 0, 2)];
        IRatings.Channel memory ch = IRatings.Channel({
            provider: p,
            modelId: MODEL,
            priorityBps: 0,
            batch: false,
            epoch: 0
        });
        bytes memory expected = _expectedFailure(c, ch);
        vm.prank(c);
        try ratings.rate(ch, bound(stars, 1, 5), keccak256(abi.encode(c, stars))) returns (uint256 weight, uint256) {
            assertEq(expected.length, 0, "a rating succeeds only on a new settled payment");
            assertEq(weight, cumulative[c][p] - _ratedBefore, "a rating weighs exactly the new settled value");
            ++ratingsCast;
        } catch (bytes memory err) {
            assertEq(keccak256(err), keccak256(expected), "only an unpaid rating fails");
        }
    }

    uint256 private _ratedBefore;

    /// @dev The error a rating must fail with now (empty if it must succeed); records what was rated before.
    function _expectedFailure(address c, IRatings.Channel memory ch) private returns (bytes memory) {
        uint256 rated = ratings.ratedOf(ratings.channelKey(c, ch));
        _ratedBefore = rated;
        uint256 settled = cumulative[c][ch.provider];
        if (c == ch.provider) return abi.encodeWithSelector(IRatings.SelfRating.selector, c);
        if (settled > rated) return "";
        return abi.encodeWithSelector(IRatings.NoSettledPayment.selector, c, ch.provider, settled, rated);
    }

    function claim(uint256 providerSeed) external {
        address p = providers[bound(providerSeed, 0, 2)];
        vm.prank(p);
        try programs.claim() {} catch (bytes memory err) {
            assertEq(
                keccak256(err),
                keccak256(abi.encodeWithSelector(IProviderPrograms.NothingToClaim.selector, p)),
                "only an empty claim fails"
            );
        }
        _claimEarnings(p);
    }

    /// @dev One of the party's providers leaves the model, or serves it again (to game the count of its providers).
    function toggleServing(uint256 providerSeed) external {
        address p = providers[bound(providerSeed, 1, 2)];
        bool serving = catalog.isServing(MODEL, p);
        vm.prank(p);
        if (serving) catalog.stopServing(MODEL);
        else catalog.serveModel(MODEL);
    }

    function _claimEarnings(address p) private {
        (uint256 unclaimed, ) = market.earningsOf(p);
        if (unclaimed != 0) {
            vm.prank(p);
            market.claimEarnings();
        }
    }

    function fund(uint256 programSeed, uint256 amount) external {
        uint256 i = bound(programSeed, 0, 3);
        amount = bound(amount, 1, 1_000 ether);
        vm.prank(minter);
        token.mint(address(this), amount);
        if (i == 3) {
            token.approve(address(ratings), amount);
            ratings.fund(amount);
            ghostFeedbackFunded += amount;
        } else {
            token.approve(address(programs), amount);
            programs.fund(IProviderPrograms.Program(i), amount);
            ghostFunded[i] += amount;
        }
    }

    function setMetrics(uint256 providerSeed, uint256 attestations, uint256 uptimeBps) external {
        address p = providers[bound(providerSeed, 0, 2)];
        metrics.setRolling(p, bound(attestations, 0, 90), bound(uptimeBps, 9_900, BPS), metrics.currentEpoch());
    }

    function warp(uint256 secondsAhead) external {
        secondsAhead = bound(secondsAhead, 1, 60 days);
        vm.warp(block.timestamp + secondsAhead);
        metrics.setCurrentEpoch(block.timestamp / 1 days);
        for (uint256 i; i < 3; ++i) programs.sight(providers[i]);
    }

    /// @dev Any rate within its bounds: the programs scale what they apply down to the headroom.
    function setRate(uint256 which, uint256 value) external {
        which = bound(which, 0, 3);
        vm.startPrank(registry);
        if (which == 0) programs.setParameter(ProgramKeys.AVAILABILITY_BPS, bound(value, 0, BPS));
        else if (which == 1) programs.setParameter(ProgramKeys.DIVERSITY_BPS, bound(value, 0, BPS));
        else if (which == 2) programs.setParameter(ProgramKeys.LOYALTY_BPS, bound(value, 0, BPS));
        else ratings.setParameter(ProgramKeys.FEEDBACK_BPS, bound(value, 0, 99));
        vm.stopPrank();
    }
}
