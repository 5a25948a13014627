// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessManager} from "@openzeppelin/contracts/access/manager/AccessManager.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {EmissionController} from "../../contracts/supply/EmissionController.sol";
import {IEmissionController} from "../../contracts/interfaces/IEmissionController.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {Wiring} from "../utils/Wiring.sol";
import {ProtocolToken} from "../../contracts/token/ProtocolToken.sol";
import {QuiverNumbers} from "../utils/QuiverNumbers.sol";
import {Test} from "../utils/Test.sol";
import {MockRewardReceiver} from "./mocks/MockRewardReceiver.sol";

/// @notice Shared setup for emission tests: the QUIVer provider-rewards curve (70M, 52.5M, 35M x 2, 21M x 6, then
/// halvings every 4 years, 350M cap; test/utils/QuiverNumbers.sol, generated from the preset) in a hold-mode
/// controller funded with the 350M, paying 70% to a reward pool (notified) and 30% to bob (a plain account): the
/// split is this base's, the preset pays everything to its epoch pool.
abstract contract EmissionBase is Test {
    uint256 internal constant YEAR = 31_536_000;
    uint256 internal constant START = 1_800_000_000;
    uint256 internal constant EMISSION_CAP = QuiverNumbers.EMISSION_CAP;
    uint256 internal constant TOKEN_CAP = QuiverNumbers.TOKEN_CAP;

    AccessManager internal manager;
    ProtocolToken internal token;
    EmissionController internal controller;
    MockRewardReceiver internal pool;

    address internal admin;
    address internal minter;
    address internal governor;
    address internal alice;
    address internal bob;

    function setUp() public virtual {
        admin = makeAddr("admin");
        minter = makeAddr("minter");
        governor = makeAddr("governor");
        alice = makeAddr("alice");
        bob = makeAddr("bob");
        vm.warp(START - 30 days);

        manager = new AccessManager(admin);
        token = new ProtocolToken("QUIVer", "QUIV", TOKEN_CAP, address(manager));
        pool = new MockRewardReceiver(IERC20(address(token)));
        controller = _deployController(IEmissionController.FundingMode.Hold, EMISSION_CAP, _split(7_000, 3_000));

        vm.startPrank(admin);
        // Function roles as the presets deploy them (test/utils/Wiring.sol, generated from the deployed presets).
        Wiring.protocolToken(manager, address(token));
        manager.grantRole(Roles.MINTER, minter, 0);
        manager.grantRole(Roles.GOVERNOR, governor, 0);
        vm.stopPrank();
        _restrictSetRecipients(address(controller));

        vm.prank(minter);
        token.mint(address(controller), EMISSION_CAP);
    }

    function _quiverTable() internal pure returns (uint256[] memory) {
        return QuiverNumbers.emissionTable();
    }

    /// @dev The pool (notified) gets `poolBps`, bob (not notified) `bobBps`, constant.
    function _split(uint16 poolBps, uint16 bobBps) internal view returns (IEmissionController.Recipient[] memory r) {
        r = new IEmissionController.Recipient[](2);
        r[0] = IEmissionController.Recipient({
            account: address(pool),
            startBps: poolBps,
            endBps: poolBps,
            notify: true
        });
        r[1] = IEmissionController.Recipient({account: bob, startBps: bobBps, endBps: bobBps, notify: false});
    }

    function _deployController(
        IEmissionController.FundingMode mode,
        uint256 cap,
        IEmissionController.Recipient[] memory recipients
    ) internal returns (EmissionController) {
        return
            new EmissionController(
                address(token),
                address(manager),
                mode,
                START,
                _quiverTable(),
                QuiverNumbers.HALVING_YEARS,
                cap,
                recipients,
                0,
                0
            );
    }

    function _restrictSetRecipients(address target) internal {
        vm.startPrank(admin);
        Wiring.emissionController(manager, target);
        vm.stopPrank();
    }

    function _recipientsHash() internal view returns (bytes32) {
        (uint64 s, uint64 e) = controller.mixWindow();
        return keccak256(abi.encode(controller.recipients(), s, e));
    }
}
