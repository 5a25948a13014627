// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {EmissionController} from "../../contracts/supply/EmissionController.sol";
import {Parameterized} from "../../contracts/common/Parameterized.sol";
import {IAvailabilityPool} from "../../contracts/interfaces/IAvailabilityPool.sol";
import {IDistributionEngine} from "../../contracts/interfaces/IDistributionEngine.sol";
import {IDistributionPool} from "../../contracts/interfaces/IDistributionPool.sol";
import {IEmissionController} from "../../contracts/interfaces/IEmissionController.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {SqrtShares} from "../../contracts/libraries/SqrtShares.sol";
import {DistributionBase} from "./DistributionBase.sol";
import {ClaimHandler} from "./handlers/ClaimHandler.sol";
import {DistributionHandler} from "./handlers/DistributionHandler.sol";

/// @notice The whole distribution fed by a real mint-mode emission controller (QRY's curve, everything to the
/// engine) and driven by the handlers; invariants compare the contracts with the handlers' ghost model.
/// Runs are deep (100 calls) so that each lives through several epochs, claims and claim windows.
/// forge-config: default.invariant.depth = 100
/// forge-config: ci.invariant.depth = 150
contract DistributionInvariantTest is DistributionBase {
    DistributionHandler internal handler;
    ClaimHandler internal claimer;
    EmissionController internal controller;
    address[4] internal provs;
    address[3] internal challs;
    uint256[5] internal epochPools;

    function setUp() public override {
        super.setUp();
        controller = _controller();
        provs = [
            _provider("prov0", 0, 1_000_000 ether),
            _provider("prov1", 1, 1_000_000 ether),
            _provider("prov2", 0, 1_000_000 ether),
            _provider("prov3", 1, 1_000_000 ether)
        ];
        challs = [makeAddr("chall0"), makeAddr("chall1"), makeAddr("chall2")];
        for (uint256 i; i < 3; ++i) _grantChallenger(challs[i]);

        DistributionHandler.System memory system = DistributionHandler.System({
            qry: qry,
            minter: minter,
            controller: controller,
            stakes: stakes,
            subscriptions: subscriptions,
            engine: engine,
            providerPool: providerPool,
            integratorPool: integratorPool,
            portalPool: portalPool,
            availability: availability,
            consensus: consensus,
            gateway: gateway,
            reporter: reporter
        });
        handler = new DistributionHandler(system, provs, challs);
        claimer = new ClaimHandler(handler, system);
        vm.startPrank(registrar);
        for (uint256 i; i < 2; ++i) {
            manager.grantRole(Roles.DISTRIBUTION_PORTAL, handler.portals(i), 0);
            consensus.setValidator(handler.validators(i), true);
        }
        vm.stopPrank();
        epochPools = [QUERY_POOL, POA_POOL, INTEGRATOR_POOL, PORTAL_POOL, CONSENSUS_POOL];
        // A 35-day claim window (governance may set it), so sweeps happen within a run.
        bytes32 windowKey = providerPool.CLAIM_WINDOW();
        vm.startPrank(address(params));
        for (uint256 k; k < 5; ++k) Parameterized(_poolAccount(epochPools[k])).setParameter(windowKey, 35 days);
        vm.stopPrank();

        // The preset's 10,000 QRY per integrator identity; the two honest integrators have it.
        bytes32 minKey = integratorPool.MIN_STAKE();
        vm.prank(address(params));
        integratorPool.setParameter(minKey, 10_000 ether);
        for (uint256 i; i < 2; ++i) {
            stakes.setStake(handler.integrators(i), true, 10_000 ether);
            vm.prank(handler.integrators(i));
            subscriptions.registerIntegrator();
        }

        // The chain-maturity transition over days 0 to 60 (the preset's over months 6 to 12), so that the
        // integrators' and portals' pools (0% of the early mix) are funded within a run and their claims exercised.
        {
            uint16[] memory early = new uint16[](8);
            uint16[] memory mature = new uint16[](8);
            IDistributionEngine.Pool[] memory p = _pools();
            for (uint256 i; i < 8; ++i) (early[i], mature[i]) = (p[i].startBps, p[i].endBps);
            vm.prank(governor);
            engine.setMix(early, mature, uint64(START), uint64(START + 60 days));
        }

        // The rotating Sybil's three identities register on its one stake in turn (each while it holds it, unlocked);
        // the stake then sits at rotator 0.
        for (uint256 i = 3; i > 0; --i) {
            address rot = handler.rotators(i - 1);
            stakes.setStake(rot, true, 10_000 ether);
            stakes.setLock(rot, 0);
            vm.prank(rot);
            subscriptions.registerIntegrator();
            if (i > 1) stakes.setStake(rot, true, 0);
        }
        handler.startRotation();

        // Time, closes and sweeps weighted up so that runs live through several epochs and claim windows.
        bytes4[] memory selectors = new bytes4[](29);
        selectors[0] = DistributionHandler.release.selector;
        selectors[1] = DistributionHandler.release.selector;
        selectors[2] = DistributionHandler.subscribe.selector;
        selectors[3] = DistributionHandler.renew.selector;
        selectors[4] = DistributionHandler.report.selector;
        selectors[5] = DistributionHandler.report.selector;
        selectors[6] = DistributionHandler.record.selector;
        selectors[7] = DistributionHandler.record.selector;
        selectors[8] = DistributionHandler.blocks.selector;
        selectors[9] = DistributionHandler.setStake.selector;
        selectors[10] = DistributionHandler.warp.selector;
        selectors[11] = DistributionHandler.warp.selector;
        selectors[12] = DistributionHandler.warp.selector;
        selectors[13] = DistributionHandler.close.selector;
        selectors[14] = DistributionHandler.close.selector;
        selectors[15] = DistributionHandler.close.selector;
        selectors[16] = DistributionHandler.sweep.selector;
        selectors[17] = DistributionHandler.sweep.selector;
        selectors[18] = DistributionHandler.dust.selector;
        selectors[19] = DistributionHandler.sybil.selector;
        selectors[20] = DistributionHandler.fund.selector;
        selectors[21] = DistributionHandler.fund.selector;
        selectors[22] = DistributionHandler.fund.selector;
        selectors[23] = DistributionHandler.rotate.selector;
        selectors[24] = DistributionHandler.rotLock.selector;
        selectors[25] = DistributionHandler.rotSale.selector;
        selectors[26] = DistributionHandler.rotSale.selector;
        selectors[27] = DistributionHandler.rotate.selector;
        selectors[28] = DistributionHandler.rotReport.selector;
        targetContract(address(handler));
        targetSelector(address(handler), selectors);
        bytes4[] memory claimSelectors = new bytes4[](7);
        claimSelectors[0] = ClaimHandler.claimSqrt.selector;
        claimSelectors[1] = ClaimHandler.claimSqrt.selector;
        claimSelectors[2] = ClaimHandler.claimAvailability.selector;
        claimSelectors[3] = ClaimHandler.claimChallenges.selector;
        claimSelectors[4] = ClaimHandler.claimBlocks.selector;
        claimSelectors[5] = ClaimHandler.claimRotating.selector;
        claimSelectors[6] = ClaimHandler.claimRotating.selector;
        targetContract(address(claimer));
        targetSelector(address(claimer), claimSelectors);
    }

    /// @dev QRY's curve (125M a year for 4 years, then halvings, 1B cap), minted into the engine alone.
    function _controller() internal returns (EmissionController c) {
        uint256[] memory table = new uint256[](4);
        for (uint256 i; i < 4; ++i) table[i] = 125_000_000 ether;
        IEmissionController.Recipient[] memory r = new IEmissionController.Recipient[](1);
        r[0] = IEmissionController.Recipient({
            account: address(engine),
            startBps: 10_000,
            endBps: 10_000,
            notify: false
        });
        c = new EmissionController(
            address(qry),
            address(manager),
            IEmissionController.FundingMode.Mint,
            START,
            table,
            4,
            QRY_CAP,
            r,
            0,
            0
        );
        vm.prank(admin);
        manager.grantRole(Roles.MINTER, address(c), 0);
    }

    function _poolAccount(uint256 index) internal view returns (address) {
        return engine.pools()[index].account;
    }

    /// @dev Claims of an epoch never exceed its funding; funding never exceeds the budget the engine sent; what
    /// the pool did not keep went back at once, what was not claimed was swept back.
    function invariant_claimsNeverExceedEpochFunding() public view {
        uint256 next = engine.nextEpoch();
        for (uint256 k; k < 5; ++k) {
            uint256 index = epochPools[k];
            address pool = _poolAccount(index);
            for (uint256 e; e < next; ++e) {
                IDistributionPool.Ledger memory book = IDistributionPool(pool).ledger(e);
                assertLe(uint256(book.claimed), uint256(book.funded), "claimed <= funded");
                assertEq(uint256(book.claimed), claimer.ghostClaimed(pool, e), "claimed == ghost claims");
                (, bool pending) = engine.budgetOf(index, e);
                if (pending) {
                    assertEq(book.expiresAt, 0, "a pending budget: the epoch is not funded yet");
                    continue;
                }
                assertEq(
                    uint256(book.funded) + handler.ghostSwept(index, e) + handler.ghostReturned(index, e),
                    handler.ghostBudget(index, e),
                    "funded + swept + returned == budget"
                );
            }
        }
    }

    /// @dev Per pool: everything that came in (inflows, immediate returns, sweeps) is either in the reserve or was
    /// budgeted (paid out, or pending). Unpaid remainders roll forward into the reserve. The engine holds the
    /// reserves and the pending budgets.
    function invariant_reservePlusBudgetsEqualsInflowsAndReturns() public view {
        uint256 sum;
        for (uint256 i; i < 8; ++i) {
            uint256 reserve = engine.reserveOf(i);
            sum += reserve;
            assertEq(
                handler.inflowTotal(i) + handler.returnedTotal(i) + handler.restoredTotal(i),
                reserve + handler.budgetTotal(i),
                "inflows + returns + sweeps == reserve + budgets"
            );
        }
        uint256 next = engine.nextEpoch();
        uint256 pendingSum;
        for (uint256 e; e < next; ++e) {
            for (uint256 i; i < 8; ++i) {
                (uint256 budget, bool pending) = engine.budgetOf(i, e);
                if (pending) pendingSum += budget;
            }
        }
        assertEq(pendingSum, handler.pendingTotal(), "pending budgets == ghost");
        assertEq(engine.held(), sum + pendingSum, "held == reserves + pending budgets");
        assertGe(qry.balanceOf(address(engine)), engine.held(), "the engine's balance covers its reserves");
    }

    /// @dev Each epoch pool holds exactly what its funded epochs still owe.
    function invariant_poolsHoldExactlyWhatTheyOwe() public view {
        uint256 next = engine.nextEpoch();
        for (uint256 k; k < 5; ++k) {
            address pool = _poolAccount(epochPools[k]);
            uint256 owed;
            for (uint256 e; e < next; ++e) {
                IDistributionPool.Ledger memory book = IDistributionPool(pool).ledger(e);
                owed += uint256(book.funded) - book.claimed;
            }
            assertEq(qry.balanceOf(pool), owed, "balance == sum of (funded - claimed)");
        }
    }

    /// @dev No token is created or lost: everything minted (issuance and the QRY payers were given) sits in the
    /// engine, the subscription manager, a pool, a plain recipient, or with a claimant.
    function invariant_everyTokenIsAccountedFor() public view {
        uint256 inSystem = qry.balanceOf(address(engine)) + qry.balanceOf(address(subscriptions));
        for (uint256 i; i < 8; ++i) inSystem += qry.balanceOf(_poolAccount(i));
        assertEq(qry.totalSupply(), handler.ghostIssued() + handler.ghostRevenue(), "minted == issued + paid");
        assertEq(qry.totalSupply(), inSystem + claimer.ghostClaimedTotal(), "supply == held + claimed");
    }

    /// @dev The sums of roots kept on-chain equal the sums recomputed from the values credited, in every epoch.
    function invariant_sumOfRootsEqualsRecomputed() public view {
        uint256 current = (block.timestamp - START) / EPOCH;
        for (uint256 e; e <= current; ++e) {
            uint256 sum;
            for (uint256 i; i < 4; ++i) {
                sum += SqrtShares.rootOf(handler.ghostValue(address(providerPool), e, provs[i]));
            }
            for (uint256 i; i < 3; ++i) {
                sum += SqrtShares.rootOf(handler.ghostValue(address(providerPool), e, handler.rotators(i)));
            }
            assertEq(providerPool.sumOfRoots(e), sum, "providers: on-chain == recomputed");
            uint256 sumI;
            uint256 sumP;
            for (uint256 i; i < 2; ++i) {
                sumI += SqrtShares.rootOf(handler.ghostValue(address(integratorPool), e, handler.integrators(i)));
                sumP += SqrtShares.rootOf(handler.ghostValue(address(portalPool), e, handler.portals(i)));
            }
            for (uint256 i; i < 3; ++i) {
                sumI += SqrtShares.rootOf(handler.ghostValue(address(integratorPool), e, handler.rotators(i)));
            }
            assertEq(integratorPool.sumOfRoots(e), sumI, "integrators: on-chain == recomputed");
            assertEq(portalPool.sumOfRoots(e), sumP, "portals: on-chain == recomputed");
        }
    }

    /// @dev One stake, one identity per epoch: the rotating Sybil's single stake, moved between its three identities
    /// through the unbonding and locked as it likes, got at most one of them credited in any epoch (on-chain
    /// entries, and the model's prediction, which every sale and renewal checked). A claim by a rotating identity
    /// was paid only to the one credited in the epoch, holding the stake (`ClaimHandler.claimRotating`).
    function invariant_oneStakeQualifiesOneIdentityPerEpoch() public view {
        uint256 current = (block.timestamp - START) / EPOCH;
        for (uint256 e; e <= current; ++e) {
            uint256 mask;
            for (uint256 i; i < 3; ++i) {
                if (integratorPool.entryOf(e, handler.rotators(i)).value > 0) mask |= 1 << i;
            }
            assertEq(mask, handler.rotCreditedMask(e), "credited identities == model");
            assertTrue(mask == 0 || mask == 1 || mask == 2 || mask == 4, "at most one identity per epoch");
            // The same stake as a provider identity (the query-fulfillment pool is an identity pool too).
            uint256 asProvider;
            for (uint256 i; i < 3; ++i) {
                if (providerPool.entryOf(e, handler.rotators(i)).value > 0) asProvider |= 1 << i;
            }
            assertEq(asProvider, handler.rotProviderMask(e), "credited providers == model");
            assertTrue(
                asProvider == 0 || asProvider == 1 || asProvider == 2 || asProvider == 4,
                "at most one provider identity per epoch"
            );
        }
    }

    /// @dev The proof-of-availability running sums equal the sums recomputed from the records.
    function invariant_availabilitySumsEqualRecomputed() public view {
        uint256 current = (block.timestamp - START) / EPOCH;
        for (uint256 e; e <= current; ++e) {
            IAvailabilityPool.EpochTotals memory t = availability.epochTotals(e);
            uint256 sumMinStake;
            uint256 sumWeight;
            for (uint256 i; i < 4; ++i) {
                IAvailabilityPool.ProviderRecord memory p = availability.providerRecord(e, provs[i]);
                if (p.challenges == 0) continue;
                sumMinStake += p.minStake;
                if (uint256(p.answered) * 10_000 >= uint256(t.availabilityBps) * p.challenges) {
                    sumWeight += (uint256(p.minStake) * p.answered) / p.challenges;
                }
            }
            uint256 active;
            uint256 activity;
            for (uint256 i; i < 3; ++i) {
                uint256 registered = availability.challengerRecord(e, challs[i]).registered;
                if (registered > 0 && registered * 10_000 >= uint256(t.activityBps) * t.quota) {
                    ++active;
                    activity += registered < t.quota ? registered : t.quota;
                }
            }
            assertEq(uint256(t.sumMinStake), sumMinStake, "sum of MinStake");
            assertEq(uint256(t.sumWeight), sumWeight, "sum of MinStake x Availability");
            assertEq(uint256(t.activeChallengers), active, "N active challengers");
            assertEq(uint256(t.sumActivity), activity, "sum of capped registrations");
        }
    }

    /// @dev The usage measures equal the ones recomputed from every sale and renewal (dust included): revenue is the
    /// monthly pay of what is active in the epoch, the count is value-weighted; Sybil sales left no trace.
    function invariant_measuresEqualRecomputed() public view {
        uint256 current = (block.timestamp - START) / EPOCH;
        for (uint256 e; e <= current; ++e) {
            assertEq(
                uint256(subscriptions.epochStats(e).revenue),
                handler.ghostEpochRevenue(e),
                "revenue == recomputed"
            );
            assertEq(
                uint256(subscriptions.epochStats(e).active),
                handler.ghostEpochMilli(e) / 1_000,
                "active == recomputed"
            );
        }
    }
}
