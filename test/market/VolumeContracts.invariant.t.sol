// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IVolumeContracts} from "../../contracts/interfaces/IVolumeContracts.sol";
import {VolumeContractsBase} from "./VolumeContractsBase.sol";
import {VolumeContractsHandler} from "./handlers/VolumeContractsHandler.sol";

/// @notice Invariants of the volume contracts over random proposals, cancellations, acceptances, vouchers, closes,
/// exits, bans and session payments, with one account both consumer and provider: escrow and fees balance, and no
/// honest party loses (each consumer paid exactly what it signed or agreed; each provider got its part).
contract VolumeContractsInvariantTest is VolumeContractsBase {
    VolumeContractsHandler internal handler;
    mapping(address account => uint256) internal _initial;

    function setUp() public override {
        super.setUp();
        handler = new VolumeContractsHandler(
            volume,
            token,
            staking,
            router,
            minter,
            slasher,
            [alice, bob, carol],
            [aliceKey, bobKey, carolKey],
            [bronze, gold, carol]
        );
        address[5] memory accounts = [alice, bob, carol, bronze, gold];
        for (uint256 i; i < accounts.length; ++i) _initial[accounts[i]] = token.balanceOf(accounts[i]);
        bytes4[] memory selectors = new bytes4[](13);
        selectors[0] = VolumeContractsHandler.propose.selector;
        selectors[1] = VolumeContractsHandler.propose.selector; // proposals twice as often
        selectors[2] = VolumeContractsHandler.cancel.selector;
        selectors[3] = VolumeContractsHandler.accept.selector;
        selectors[4] = VolumeContractsHandler.accept.selector;
        selectors[5] = VolumeContractsHandler.settle.selector;
        selectors[6] = VolumeContractsHandler.settle.selector;
        selectors[7] = VolumeContractsHandler.close.selector;
        selectors[8] = VolumeContractsHandler.exit.selector;
        selectors[9] = VolumeContractsHandler.ban.selector;
        selectors[10] = VolumeContractsHandler.storeSession.selector;
        selectors[11] = VolumeContractsHandler.routeFees.selector;
        selectors[12] = VolumeContractsHandler.warp.selector;
        targetSelector(address(handler), selectors);
        targetContract(address(handler));
    }

    /// @dev The contract's token balance is the open escrow plus the accrued fees.
    function invariant_escrowAndFeesBalance() public view {
        (uint256 escrow, uint256 fees) = volume.totals();
        assertEq(token.balanceOf(address(volume)), escrow + fees, "balance = escrow + pending fees");
        assertEq(fees + handler.feesRouted(), handler.feesAccrued(), "fees = the protocol's parts");
    }

    /// @dev The escrow is the unpaid cost of proposed and active contracts; no voucher went beyond a commitment.
    function invariant_escrowMatchesContracts() public view {
        (uint256 escrow, ) = volume.totals();
        assertEq(escrow, _held(address(0)), "escrow = unpaid commitments");
        assertEq(volume.commitmentCount(), handler.proposed(), "every contract counted once");
    }

    /// @dev No honest party loses: each consumer's tokens went only to what it signed or agreed (usage, penalties,
    /// storage) or sit in its open escrow; each provider received exactly its part (carol is both).
    function invariant_noHonestPartyLoses() public view {
        address[3] memory consumers = [alice, bob, carol];
        for (uint256 i; i < 3; ++i) {
            address c = consumers[i];
            uint256 outflow = _initial[c] + handler.minted(c) + handler.earned(c) - token.balanceOf(c);
            assertEq(outflow, handler.owed(c) + _held(c), "consumer paid what it owes plus open escrow");
        }
        assertEq(token.balanceOf(bronze), _initial[bronze] + handler.earned(bronze), "bronze got its part");
        assertEq(token.balanceOf(gold), _initial[gold] + handler.earned(gold), "gold got its part");
    }

    /// @dev The handler reaches the ends the campaign explores: a contract settled and closed, one missed, one exited,
    /// a session stored.
    function test_handlerReachesSettledMissedAndExited() public {
        handler.propose(0, 1, 1_000, 2 ether, 10 days, 5_000); // 1: alice -> gold, 2 QUIV
        handler.propose(1, 0, 1_000, 2 ether, 10 days, 5_000); // 2: bob -> bronze
        handler.propose(2, 2, 1_000, 2 ether, 10 days, 10_000); // 3: carol -> carol
        handler.accept(0);
        handler.accept(1);
        handler.accept(2);
        handler.settle(0, 1_000); // alice used it all: 2 QUIV
        handler.settle(2, 500); // carol half: 1 QUIV
        handler.storeSession(0, 1, 0, 3); // 3 QUIV
        handler.ban(0, true); // bronze
        handler.exit(1);
        handler.warp(5 days);
        handler.warp(5 days);
        handler.close(0, true);
        handler.close(2, true); // missed half, penalty 100%: 1 QUIV
        handler.routeFees();
        assertEq(uint8(volume.commitment(1).status), uint8(IVolumeContracts.Status.Ended), "1 ended");
        assertEq(uint8(volume.commitment(2).status), uint8(IVolumeContracts.Status.Ended), "2 exited");
        assertEq(handler.owed(alice), 5 ether, "alice: 2 usage + 3 storage");
        assertEq(handler.owed(bob), 0, "bob exited with everything back");
        assertEq(handler.owed(carol), 2 ether, "carol: 1 usage + 1 penalty");
        invariant_escrowAndFeesBalance();
        invariant_escrowMatchesContracts();
        invariant_noHonestPartyLoses();
    }

    /// @dev The unpaid cost of `consumer`'s proposed and active contracts (zero address: everyone's).
    function _held(address consumer) internal view returns (uint256 held) {
        for (uint256 id = 1; id <= volume.commitmentCount(); ++id) {
            IVolumeContracts.Commitment memory m = volume.commitment(id);
            if (consumer != address(0) && m.consumer != consumer) continue;
            if (m.status == IVolumeContracts.Status.Proposed || m.status == IVolumeContracts.Status.Active) {
                assertLe(m.settledTokens, m.committedTokens, "settled at most the commitment");
                held += volume.cost(m.committedTokens, m.ratePer1k) - volume.cost(m.settledTokens, m.ratePer1k);
            }
        }
    }
}
