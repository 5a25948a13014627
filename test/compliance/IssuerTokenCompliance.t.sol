// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ComplianceRegistry} from "../../contracts/compliance/ComplianceRegistry.sol";
import {IComplianceRegistry} from "../../contracts/interfaces/IComplianceRegistry.sol";
import {IssuerToken} from "../../contracts/issuance/IssuerToken.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {IssuanceBase} from "../issuance/IssuanceBase.sol";

/// @notice Issuer tokens of a factory built with a compliance registry (threshold 1,000 tokens): transfers and
/// issuance check it at the amount, one wei on each side of the threshold; redemptions and refunds never do.
contract IssuerTokenComplianceTest is IssuanceBase {
    uint256 internal constant THRESHOLD = 1_000 ether;
    bytes2 internal constant FR = "FR";

    ComplianceRegistry internal compliance;
    IssuerToken internal token;
    address internal kyc;

    function _compliance() internal override returns (address) {
        if (address(compliance) == address(0)) compliance = new ComplianceRegistry(address(manager), THRESHOLD);
        return address(compliance);
    }

    function setUp() public override {
        super.setUp();
        kyc = makeAddr("kyc");
        vm.startPrank(admin);
        _restrict(address(compliance), ComplianceRegistry.attest.selector, Roles.KYC_PROVIDER);
        _restrict(address(compliance), ComplianceRegistry.revoke.selector, Roles.KYC_PROVIDER);
        manager.grantRole(Roles.KYC_PROVIDER, kyc, 0);
        vm.stopPrank();
        _stake(alice, 50_000 ether);
        token = _create(alice, 1_000_000 ether);
    }

    function _attest(address account) internal {
        vm.prank(kyc);
        compliance.attest(account, START + 30 days, FR);
    }

    function test_compliance_everyCloneSharesTheImplementationsRegistry() public view {
        assertEq(token.compliance(), address(compliance), "the clone reads the implementation's immutable");
        assertEq(IssuerToken(factory.implementation()).compliance(), address(compliance), "implementation");
    }

    function test_mint_belowTheThresholdToAnyone_atItOnlyToAnAttestedHolder() public {
        _mint(token, carol, THRESHOLD - 1);
        assertEq(token.balanceOf(carol), THRESHOLD - 1, "999.99.. tokens, carol unattested");
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IComplianceRegistry.NotAttested.selector, dave));
        token.mint(dave, THRESHOLD);
        assertEq(token.totalSupply(), THRESHOLD - 1, "nothing minted");
        // The issuer is not a party of a mint (the zero address side): only the receiver is checked.
        _attest(dave);
        _mint(token, dave, THRESHOLD);
        assertEq(token.balanceOf(dave), THRESHOLD, "minted to the attested holder");
    }

    function test_RevertWhen_aTransferAtTheThresholdHasAnUnattestedParty() public {
        _attest(carol);
        _mint(token, carol, 5_000 ether);
        vm.startPrank(carol);
        token.transfer(dave, THRESHOLD - 1); // one wei below: dave unattested, fine
        vm.expectRevert(abi.encodeWithSelector(IComplianceRegistry.NotAttested.selector, dave));
        token.transfer(dave, THRESHOLD);
        token.approve(stranger, type(uint256).max);
        vm.stopPrank();
        // transferFrom goes through the same check (the parties are the holders, not the spender).
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IComplianceRegistry.NotAttested.selector, dave));
        token.transferFrom(carol, dave, THRESHOLD);
        _attest(dave);
        vm.prank(stranger);
        token.transferFrom(carol, dave, THRESHOLD);
        assertEq(token.balanceOf(dave), 2 * THRESHOLD - 1, "both transfers landed");
    }

    function test_redeemAndRefund_areNeverRefused_evenAfterTheAttestationLapsed() public {
        _attest(carol);
        _mint(token, carol, 5_000 ether);
        vm.warp(START + 30 days); // carol's attestation lapsed
        assertFalse(compliance.isCompliant(carol), "lapsed");
        vm.prank(carol);
        uint256 id = token.redeem(5_000 ether, bytes32("ref")); // a burn: not checked
        vm.prank(alice);
        token.refund(id); // the re-mint restores a position: not checked
        assertEq(token.balanceOf(carol), 5_000 ether, "carol can always exit through her issuer");
    }
}
