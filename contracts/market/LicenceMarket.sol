// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {IComplianceRegistry} from "../interfaces/IComplianceRegistry.sol";
import {IFeeRouter} from "../interfaces/IFeeRouter.sol";
import {ILicenceMarket} from "../interfaces/ILicenceMarket.sol";
import {IModelCatalog} from "../interfaces/IModelCatalog.sol";
import {BPS} from "../common/Constants.sol";

/// @title LicenceMarket
/// @notice Model-access and dataset licences sold for the token through the market's fee split (see
/// `ILicenceMarket`). Immutable, AccessManaged: only `setModelSeller` is restricted (the market's curator).
/// @dev The split follows the router's table: the seller keeps the provider's share, the protocol's share (rounded up)
/// is transferred from the buyer to this contract, and `routeFees` (anyone, any time) sends all of it through the
/// router (validators, infrastructure, treasury, burn). The contract holds nothing else: its balance is the protocol's
/// part of the sales since the last routing (plus anything donated, routed alike).
/// Compliance (opt-in per preset): with a compliance registry, a sale checks buyer and seller at the price, and a
/// transfer checks sender and receiver at the listing's current price (a licence has no price of its own once sold);
/// the zero registry makes no call.
contract LicenceMarket is ILicenceMarket, AccessManaged, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;
    uint64 private constant PERPETUAL = type(uint64).max;

    IERC20 private immutable _TOKEN;
    IFeeRouter private immutable _ROUTER;
    IModelCatalog private immutable _CATALOG;
    IComplianceRegistry private immutable _COMPLIANCE;

    uint256 private _listingCount;
    mapping(uint256 listingId => Listing) private _listings;
    mapping(uint256 listingId => mapping(address holder => uint64 expiry)) private _licences;
    mapping(bytes32 modelId => address seller) private _modelSellers;
    mapping(bytes32 modelId => uint256 listingId) private _modelListings;
    /// @dev A holder's access to a model, whichever of the model's listings sold it: written at purchase, moved with
    /// the licence. A live entry equals the holder's live licence of the listing that sold it.
    mapping(bytes32 modelId => mapping(address holder => uint64 expiry)) private _access;

    /// @notice Deploys the marketplace.
    /// @param token_ The market's token (the router's).
    /// @param router_ The fee router.
    /// @param catalog_ The model catalogue (model-access listings name a listed model).
    /// @param compliance_ The compliance registry (the zero address: compliance off).
    /// @param authority The preset's AccessManager.
    constructor(
        IERC20 token_,
        IFeeRouter router_,
        IModelCatalog catalog_,
        IComplianceRegistry compliance_,
        address authority
    ) AccessManaged(authority) {
        if (address(token_) == address(0) || address(router_) == address(0) || address(catalog_) == address(0)) {
            revert ZeroAddress();
        }
        _TOKEN = token_;
        _ROUTER = router_;
        _CATALOG = catalog_;
        _COMPLIANCE = compliance_;
    }

    // ------------------------------------------------------------------ sellers

    /// @inheritdoc ILicenceMarket
    function setModelSeller(bytes32 modelId, address seller) external restricted {
        if (!_CATALOG.modelInfo(modelId).listed) revert UnknownModel(modelId);
        _modelSellers[modelId] = seller;
        emit ModelSellerSet(modelId, seller);
        uint256 listingId = _modelListings[modelId];
        if (listingId == 0) return;
        // The model's listing ends here (its terms were the previous seller's): the seller named lists fresh terms.
        // Access already sold lives in `_access`, not in the listing: it stays valid until it lapses.
        delete _modelListings[modelId];
        Listing storage item = _listings[listingId];
        if (item.open) {
            item.open = false;
            emit OpenSet(listingId, false);
        }
    }

    /// @inheritdoc ILicenceMarket
    function list(Terms calldata terms) external returns (uint256 listingId) {
        if (terms.price == 0 || terms.supply == 0 || terms.subject == bytes32(0) || terms.termsHash == bytes32(0)) {
            revert InvalidTerms();
        }
        listingId = ++_listingCount;
        if (terms.kind == Kind.ModelAccess) {
            bytes32 modelId = terms.subject;
            address seller = _modelSellers[modelId];
            if (msg.sender != seller) revert NotModelSeller(modelId, msg.sender, seller);
            uint256 existing = _modelListings[modelId];
            if (existing != 0) revert ModelAlreadyListed(modelId, existing);
            _modelListings[modelId] = listingId;
        }
        _listings[listingId] = Listing({
            seller: msg.sender,
            price: SafeCast.toUint96(terms.price),
            supply: SafeCast.toUint64(terms.supply),
            sold: 0,
            duration: SafeCast.toUint64(terms.duration),
            kind: terms.kind,
            resale: terms.resale,
            open: true,
            subject: terms.subject,
            termsHash: terms.termsHash
        });
        emit Listed(
            listingId,
            msg.sender,
            terms.kind,
            terms.subject,
            terms.price,
            terms.supply,
            terms.duration,
            terms.termsHash,
            terms.resale
        );
    }

    /// @inheritdoc ILicenceMarket
    function setPrice(uint256 listingId, uint256 price) external {
        if (price == 0) revert InvalidTerms();
        _ownListing(listingId).price = SafeCast.toUint96(price);
        emit PriceSet(listingId, price);
    }

    /// @inheritdoc ILicenceMarket
    function setSupply(uint256 listingId, uint256 supply) external {
        Listing storage item = _ownListing(listingId);
        if (supply <= item.supply) revert InvalidTerms();
        item.supply = SafeCast.toUint64(supply);
        emit SupplySet(listingId, supply);
    }

    /// @inheritdoc ILicenceMarket
    function setOpen(uint256 listingId, bool open) external {
        Listing storage item = _ownListing(listingId);
        // A model listing the curator ended (by naming a seller) stays closed for good.
        if (open && item.kind == Kind.ModelAccess && _modelListings[item.subject] != listingId) {
            revert ListingClosed(listingId);
        }
        item.open = open;
        emit OpenSet(listingId, open);
    }

    // ------------------------------------------------------------------ buyers

    /// @inheritdoc ILicenceMarket
    function buy(uint256 listingId, uint256 maxPrice) external nonReentrant returns (uint256 expiry) {
        Listing storage item = _listings[listingId];
        address seller = item.seller;
        uint256 price = item.price;
        if (seller == address(0)) revert UnknownListing(listingId);
        if (!item.open) revert ListingClosed(listingId);
        uint256 sold = item.sold;
        if (sold >= item.supply) revert SoldOut(listingId, item.supply);
        if (price > maxPrice) revert PriceAboveMax(listingId, price, maxPrice);
        bool model = item.kind == Kind.ModelAccess;
        // A model's access is held once, whichever listing sold it.
        uint256 held = model ? _access[item.subject][msg.sender] : _licences[listingId][msg.sender];
        if (held > block.timestamp) revert LicenceHeld(listingId, msg.sender, held);
        if (address(_COMPLIANCE) != address(0)) _COMPLIANCE.check(msg.sender, seller, price);

        // sold < supply (a uint64).
        item.sold = uint64(sold + 1);
        uint256 duration = item.duration;
        expiry = duration == 0 ? PERPETUAL : SafeCast.toUint64(block.timestamp + duration);
        _licences[listingId][msg.sender] = uint64(expiry);
        if (model) _access[item.subject][msg.sender] = uint64(expiry);

        // The protocol's part rounds up: the seller never keeps more than the provider's share.
        uint256 toProtocol = (price * _ROUTER.protocolBps() + BPS - 1) / BPS;
        uint256 toSeller = price - toProtocol;
        emit LicenceBought(listingId, msg.sender, seller, toSeller, toProtocol, expiry);
        if (toSeller != 0) _TOKEN.safeTransferFrom(msg.sender, seller, toSeller);
        // The protocol's part waits here for `routeFees` (a burn per sale would cost each buyer a supply checkpoint).
        if (toProtocol != 0) _TOKEN.safeTransferFrom(msg.sender, address(this), toProtocol);
    }

    /// @inheritdoc ILicenceMarket
    function routeFees() external nonReentrant returns (uint256 amount) {
        amount = _TOKEN.balanceOf(address(this));
        if (amount == 0) revert NothingToRoute();
        emit FeesRouted(msg.sender, amount);
        _TOKEN.forceApprove(address(_ROUTER), amount);
        _ROUTER.routeProtocolShare(amount);
    }

    /// @inheritdoc ILicenceMarket
    function transferLicence(uint256 listingId, address to) external {
        if (to == address(0)) revert ZeroAddress();
        uint256 expiry = _licences[listingId][msg.sender];
        if (expiry <= block.timestamp) revert NoLicence(listingId, msg.sender);
        Listing storage item = _listings[listingId];
        if (!item.resale) revert ResaleNotAllowed(listingId);
        bool model = item.kind == Kind.ModelAccess;
        bytes32 modelId = item.subject;
        uint256 held = model ? _access[modelId][to] : _licences[listingId][to];
        if (held > block.timestamp) revert LicenceHeld(listingId, to, held);
        if (address(_COMPLIANCE) != address(0)) _COMPLIANCE.check(msg.sender, to, item.price);
        delete _licences[listingId][msg.sender];
        _licences[listingId][to] = uint64(expiry);
        if (model) {
            // The sender's live access is this licence (a live access blocks buying or receiving another).
            delete _access[modelId][msg.sender];
            _access[modelId][to] = uint64(expiry);
        }
        emit LicenceTransferred(listingId, msg.sender, to, expiry);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc ILicenceMarket
    function listing(uint256 listingId) external view returns (Listing memory) {
        return _listings[listingId];
    }

    /// @inheritdoc ILicenceMarket
    function licenceOf(uint256 listingId, address account) external view returns (uint256) {
        return _licences[listingId][account];
    }

    /// @inheritdoc ILicenceMarket
    function isLicensed(uint256 listingId, address account) public view returns (bool) {
        return _licences[listingId][account] > block.timestamp;
    }

    /// @inheritdoc ILicenceMarket
    function hasAccess(address account, bytes32 modelId) external view returns (bool) {
        return _access[modelId][account] > block.timestamp;
    }

    /// @inheritdoc ILicenceMarket
    function modelListing(bytes32 modelId) external view returns (uint256) {
        return _modelListings[modelId];
    }

    /// @inheritdoc ILicenceMarket
    function modelSeller(bytes32 modelId) external view returns (address) {
        return _modelSellers[modelId];
    }

    /// @inheritdoc ILicenceMarket
    function pendingFees() external view returns (uint256) {
        return _TOKEN.balanceOf(address(this));
    }

    /// @inheritdoc ILicenceMarket
    function listingCount() external view returns (uint256) {
        return _listingCount;
    }

    /// @inheritdoc ILicenceMarket
    function token() external view returns (address) {
        return address(_TOKEN);
    }

    /// @inheritdoc ILicenceMarket
    function feeRouter() external view returns (address) {
        return address(_ROUTER);
    }

    /// @inheritdoc ILicenceMarket
    function catalog() external view returns (address) {
        return address(_CATALOG);
    }

    /// @inheritdoc ILicenceMarket
    function compliance() external view returns (address) {
        return address(_COMPLIANCE);
    }

    // ------------------------------------------------------------------ internals

    /// @dev The caller's listing; reverts for unknown listings and other callers.
    function _ownListing(uint256 listingId) private view returns (Listing storage item) {
        item = _listings[listingId];
        if (item.seller == address(0)) revert UnknownListing(listingId);
        if (item.seller != msg.sender) revert NotSeller(listingId, msg.sender);
    }
}
