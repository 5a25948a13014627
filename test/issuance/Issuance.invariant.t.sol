// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IIssuerRegistry} from "../../contracts/interfaces/IIssuerRegistry.sol";
import {IssuerToken} from "../../contracts/issuance/IssuerToken.sol";
import {IssuanceBase} from "./IssuanceBase.sol";
import {IssuanceHandler} from "./handlers/IssuanceHandler.sol";

contract IssuanceInvariantTest is IssuanceBase {
    IssuanceHandler internal handler;

    function setUp() public override {
        super.setUp();
        uint256[] memory issuerKeys = new uint256[](3);
        issuerKeys[0] = alicePk;
        issuerKeys[1] = bobPk;
        issuerKeys[2] = strangerPk;
        address[] memory holderList = new address[](4);
        holderList[0] = carol;
        holderList[1] = dave;
        holderList[2] = makeAddr("erin");
        holderList[3] = makeAddr("frank");
        handler = new IssuanceHandler(qut, registry, factory, qutMinter, governor, issuerKeys, holderList);
        handler.setGuardian(guardian);

        bytes4[] memory selectors = new bytes4[](20);
        selectors[0] = IssuanceHandler.stake.selector;
        selectors[1] = IssuanceHandler.requestUnstake.selector;
        selectors[2] = IssuanceHandler.cancelUnstake.selector;
        selectors[3] = IssuanceHandler.withdraw.selector;
        selectors[4] = IssuanceHandler.toggleSuspension.selector;
        selectors[5] = IssuanceHandler.slash.selector;
        selectors[6] = IssuanceHandler.payServiceFee.selector;
        selectors[7] = IssuanceHandler.warp.selector;
        selectors[8] = IssuanceHandler.createToken.selector;
        selectors[9] = IssuanceHandler.createToken.selector; // creation weighted twice: tokens drive the rest
        selectors[10] = IssuanceHandler.retireToken.selector;
        selectors[11] = IssuanceHandler.mint.selector;
        selectors[12] = IssuanceHandler.claimVoucher.selector;
        selectors[13] = IssuanceHandler.transfer.selector;
        selectors[14] = IssuanceHandler.redeem.selector;
        selectors[15] = IssuanceHandler.settleRedemption.selector;
        selectors[16] = IssuanceHandler.stake.selector;
        selectors[17] = IssuanceHandler.escape.selector;
        selectors[18] = IssuanceHandler.reclaim.selector;
        selectors[19] = IssuanceHandler.freeze.selector;
        targetContract(address(handler));
        targetSelector(address(handler), selectors);
    }

    function invariant_tokenSupplyNeverAboveCap() public view {
        for (uint256 i; i < handler.tokenCount(); ++i) {
            IssuerToken token = handler.tokens(i);
            assertLe(token.totalSupply(), token.cap(), "supply above cap");
            assertLe(token.totalSupply() + token.pendingRedemptions(), token.cap(), "committed above cap");
        }
    }

    function invariant_mintedMinusBurnedEqualsSupply() public view {
        for (uint256 i; i < handler.tokenCount(); ++i) {
            IssuerToken token = handler.tokens(i);
            address t = address(token);
            assertEq(token.totalMinted() - token.totalBurned(), token.totalSupply(), "minted - burned != supply");
            assertEq(token.totalMinted(), handler.ghostMinted(t), "minted != ghost minted");
            assertEq(token.totalBurned(), handler.ghostBurned(t), "burned != ghost burned");
            assertEq(token.pendingRedemptions(), handler.ghostPending(t), "pending != ghost pending");
            assertEq(
                token.totalFulfilled() + token.totalRefunded() + token.pendingRedemptions(),
                token.totalBurned(),
                "every burn is a redemption: fulfilled, refunded or pending"
            );
        }
    }

    /// @dev Only handler holders ever hold issuer tokens.
    function invariant_balancesSumToSupply() public view {
        for (uint256 i; i < handler.tokenCount(); ++i) {
            IssuerToken token = handler.tokens(i);
            uint256 sum;
            for (uint256 h; h < handler.holderCount(); ++h) sum += token.balanceOf(handler.holders(h));
            assertEq(sum, token.totalSupply(), "sum of balances != supply");
        }
    }

    function invariant_qutStakedEqualsSumOfIssuerStakes() public view {
        uint256 sum;
        for (uint256 i; i < handler.issuerCount(); ++i) {
            address issuer = handler.issuers(i);
            IIssuerRegistry.Issuer memory info = registry.issuerInfo(issuer);
            assertEq(uint256(info.stake) + info.pendingUnstake, handler.ghostStaked(issuer), "issuer stake != ghost");
            sum += uint256(info.stake) + info.pendingUnstake;
        }
        assertEq(registry.totalStaked(), sum, "totalStaked != sum of issuer stakes");
        assertEq(registry.totalStaked(), handler.ghostTotalStaked(), "totalStaked != ghost");
        assertEq(qut.balanceOf(address(registry)), registry.totalStaked(), "registry balance != totalStaked");
        assertEq(qut.totalBurned(), handler.ghostSlashed(), "slashed QUT is burned");
    }

    function invariant_slotsInUseMatchLiveTokens() public view {
        for (uint256 i; i < handler.issuerCount(); ++i) {
            address issuer = handler.issuers(i);
            assertEq(
                uint256(registry.issuerInfo(issuer).slotsUsed),
                handler.ghostLiveTokens(issuer),
                "slots used != tokens not retired"
            );
        }
    }

    function invariant_feesReachTheRecipient() public view {
        assertEq(registry.totalFees(), handler.ghostFees(), "fees != ghost fees");
        assertEq(qut.balanceOf(treasury), registry.totalFees(), "treasury != fees paid");
    }

    /// @dev Escaping issuers: a retired token has no supply and no pending redemption left, and every issuer with a
    /// live token keeps at least the stake its slots need (it cannot be below tier 1 by its own unstaking).
    function invariant_noEscape() public view {
        for (uint256 i; i < handler.tokenCount(); ++i) {
            IssuerToken token = handler.tokens(i);
            if (!token.retired()) continue;
            assertEq(token.totalSupply(), 0, "retired token with holders");
            assertEq(token.pendingRedemptions(), 0, "retired token with pending redemptions");
        }
    }
}
