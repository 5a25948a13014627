// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {ComplianceRegistry} from "../../contracts/compliance/ComplianceRegistry.sol";
import {IComplianceRegistry} from "../../contracts/interfaces/IComplianceRegistry.sol";
import {ILicenceMarket} from "../../contracts/interfaces/ILicenceMarket.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {LicenceMarket} from "../../contracts/market/LicenceMarket.sol";
import {MarketBase} from "../market/MarketBase.sol";

/// @notice The market with the compliance hooks on: a registry with a 1,000 QUIV threshold, `kyc` holding
/// KYC_PROVIDER, a licence market, carol (a buyer) funded and approved, alice's 10,000 QUIV reserved for bronze. The
/// set-up of the compliance hook tests and their audit.
abstract contract ComplianceSetup is MarketBase {
    uint256 internal constant THRESHOLD = 1_000 ether;
    bytes2 internal constant FR = "FR";
    bytes2 internal constant KP = "KP";
    bytes32 internal constant DATASET = keccak256("dataset.reviews-2026");

    ComplianceRegistry internal compliance;
    LicenceMarket internal licences;
    address internal kyc;
    address internal dana; // a dataset seller
    address internal carol; // a buyer

    function _compliance() internal override returns (IComplianceRegistry) {
        if (address(compliance) == address(0)) compliance = new ComplianceRegistry(address(manager), THRESHOLD);
        return compliance;
    }

    function setUp() public virtual override {
        super.setUp();
        kyc = makeAddr("kyc");
        dana = makeAddr("dana");
        carol = makeAddr("carol");
        licences = new LicenceMarket(IERC20(address(token)), router, catalog, compliance, address(manager));
        vm.startPrank(admin);
        _restrict(address(compliance), ComplianceRegistry.attest.selector, Roles.KYC_PROVIDER);
        _restrict(address(compliance), ComplianceRegistry.revoke.selector, Roles.KYC_PROVIDER);
        _restrict(address(compliance), ComplianceRegistry.setRestricted.selector, Roles.GOVERNOR);
        manager.grantRole(Roles.KYC_PROVIDER, kyc, 0);
        vm.stopPrank();
        _mint(carol, 10_000 ether);
        vm.prank(carol);
        token.approve(address(licences), type(uint256).max);
        _deposit(alice, 10_000 ether);
        _reserveAll(alice, bronze);
    }

    function _attest(address account, bytes2 jurisdiction) internal {
        vm.prank(kyc);
        compliance.attest(account, T0 + 30 days, jurisdiction);
    }

    /// @dev dana lists dataset licences at `price`, 5 of them, 30 days each, resale allowed.
    function _list(uint256 price) internal returns (uint256 listingId) {
        vm.prank(dana);
        listingId = licences.list(
            ILicenceMarket.Terms({
                kind: ILicenceMarket.Kind.Dataset,
                subject: DATASET,
                price: price,
                supply: 5,
                duration: 30 days,
                termsHash: keccak256("terms v1"),
                resale: true
            })
        );
    }

    function _buy(address buyer, uint256 listingId) internal {
        vm.prank(buyer);
        licences.buy(listingId, type(uint256).max);
    }
}
