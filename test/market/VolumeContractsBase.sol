// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IComplianceRegistry} from "../../contracts/interfaces/IComplianceRegistry.sol";
import {IVolumeContracts} from "../../contracts/interfaces/IVolumeContracts.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {Wiring} from "../utils/Wiring.sol";
import {VolumeContracts} from "../../contracts/market/VolumeContracts.sol";
import {MarketBase} from "./MarketBase.sol";

/// @notice The volume contracts deployed over the market base, with their helpers (shared by the volume test files), on
/// the QUIVer numbers except the storage fee (1 QUIV a period here); the fee table provider 80%, protocol 20%
/// (validators 0.5%, burn 1%, infrastructure 13.5%, treasury 5%). Providers are the real staking module's active
/// providers; carol is an active provider with a signing key (the self-dealing account: consumer and provider at once).
abstract contract VolumeContractsBase is MarketBase {
    uint256 internal constant RATE = 2 ether; // per 1,000 tokens: 0.002 QUIV a token
    uint256 internal constant COMMITTED = 1_000_000; // escrow 1,000,000 x 2 / 1,000 = 2,000 QUIV
    uint256 internal constant ESCROW = 2_000 ether;
    uint256 internal constant PENALTY_BPS = 5_000;
    uint256 internal constant TERM = 30 days;
    /// @dev Override: 1 QUIV a period (the preset: 0.1 QUIV, test/utils/QuiverNumbers.sol), so fees are whole tokens.
    uint256 internal constant STORAGE_FEE = 1 ether;

    VolumeContracts internal volume;
    address internal slasher;
    address internal carol;
    uint256 internal carolKey;
    uint256 internal termEnd;

    function setUp() public virtual override {
        super.setUp();
        volume = new VolumeContracts(
            IERC20(address(token)),
            router,
            staking,
            IComplianceRegistry(address(0)),
            address(manager),
            IVolumeContracts.Parameters({storageFeePerPeriod: STORAGE_FEE})
        );
        slasher = makeAddr("slasher");
        vm.startPrank(admin);
        // Function roles as the presets deploy them (test/utils/Wiring.sol, generated from the deployed presets).
        Wiring.volumeContracts(manager, address(volume));
        Wiring.providerStaking(manager, address(staking));
        manager.grantRole(Roles.SLASHER, slasher, 0);
        vm.stopPrank();
        (carol, carolKey) = makeAddrAndKey("carol");
        _register(carol, 10_000 ether);
        address[3] memory consumers = [alice, bob, carol];
        for (uint256 i; i < consumers.length; ++i) {
            _mint(consumers[i], 10_000 ether);
            vm.prank(consumers[i]);
            token.approve(address(volume), type(uint256).max);
        }
        termEnd = block.timestamp + TERM;
    }

    // ------------------------------------------------------------------ helpers

    /// @dev Alice commits 1,000,000 tokens with gold at 2 QUIV per 1,000 for 30 days, penalty 50%.
    function _propose() internal returns (uint256 id) {
        vm.prank(alice);
        id = volume.propose(gold, SMALL, RATE, COMMITTED, termEnd, PENALTY_BPS);
    }

    /// @dev `_propose`, accepted by gold.
    function _active() internal returns (uint256 id) {
        id = _propose();
        vm.prank(gold);
        volume.accept(id);
    }

    function _usage(uint256 id, uint256 cumulative) internal pure returns (IVolumeContracts.Usage memory) {
        return IVolumeContracts.Usage({commitmentId: id, cumulativeTokens: cumulative});
    }

    function _signUsage(uint256 key, IVolumeContracts.Usage memory u) internal view returns (bytes memory) {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, volume.hashUsage(u));
        return abi.encodePacked(r, s, v);
    }

    /// @dev `provider` settles alice's voucher of `cumulative` tokens on `id`.
    function _settleUsage(uint256 id, address provider, uint256 cumulative) internal {
        IVolumeContracts.Usage memory u = _usage(id, cumulative);
        bytes memory sig = _signUsage(aliceKey, u);
        vm.prank(provider);
        volume.settle(u, sig);
    }

    function _ban(address provider) internal {
        vm.prank(slasher);
        staking.setBanned(provider, true);
    }

    /// @dev Everything a reverted call must leave alone.
    function _state(uint256 id) internal view returns (bytes32) {
        (uint256 escrow, uint256 fees) = volume.totals();
        return
            keccak256(
                abi.encode(
                    volume.commitment(id),
                    escrow,
                    fees,
                    token.balanceOf(address(volume)),
                    token.balanceOf(alice),
                    token.balanceOf(gold),
                    volume.commitmentCount(),
                    volume.session(alice, bytes32("s1"))
                )
            );
    }

    /// @dev The contract's balance is its open escrow plus the protocol fees it accrued.
    function _assertBalanced() internal view {
        (uint256 escrow, uint256 fees) = volume.totals();
        assertEq(token.balanceOf(address(volume)), escrow + fees, "balance = escrow + pending fees");
    }
}
