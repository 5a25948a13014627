// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Roles} from "../../contracts/common/Roles.sol";
import {StakingHandler} from "./handlers/StakingHandler.sol";
import {SybilStakers} from "./handlers/SybilStakers.sol";
import {ProviderStakingInvariantTest} from "./ProviderStaking.invariant.t.sol";

/// @notice Every staking invariant again, with adversarial actors: sixteen free identities of one owner spraying dust
/// delegations (thin delegation sides) and top-ups of old locks a day before they end, beside every base action (the
/// identities also unbond, redelegate, lock and claim through the base handler). The ghost integrals check per staker
/// that nobody earns above the APY ceiling, and the base invariants that no honest actor loses beyond slashes.
contract ProviderStakingSybilInvariantTest is ProviderStakingInvariantTest {
    uint256 internal constant SYBILS = 16;

    SybilStakers internal sybil;

    function setUp() public override {
        super.setUp();
        address[] memory identities = new address[](SYBILS);
        for (uint256 i; i < SYBILS; ++i) identities[i] = handler.actors(handler.actorCount() - SYBILS + i);
        sybil = new SybilStakers(handler, minter, identities);
        handler.setPartner(address(sybil));
        vm.prank(admin);
        manager.grantRole(Roles.MINTER, address(sybil), 0);
        // A thin side from the start: provider 3's only delegation is 10,000 QUIV; four dust identities join it.
        sybil.sybilSpray(2, 0);
        targetContract(address(sybil));
    }

    function _handler(
        address[] memory providers,
        address[] memory delegators
    ) internal override returns (StakingHandler) {
        address[] memory all = new address[](delegators.length + SYBILS);
        for (uint256 i; i < delegators.length; ++i) all[i] = delegators[i];
        for (uint256 i; i < SYBILS; ++i) all[delegators.length + i] = makeAddr(string.concat("sybil", vm.toString(i)));
        return new StakingHandler(staking, token, [minter, funder, slasher, attester, registry], providers, all);
    }
}
