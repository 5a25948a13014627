// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title ILicenceMarket
/// @notice The data marketplace of the inference market (QUIVer's model trading, dataset licensing and
/// model access fee): sellers list model-access and dataset licences for the token; a buyer pays a listing's price,
/// the seller keeps the provider's share of the market's fee split and the rest goes through the fee router (split by
/// its table, with the burn, in batches: `routeFees`); the buyer holds a licence record (listing, holder, expiry). A
/// licence moves to another holder only when its listing allows resale.
/// @dev A model's access right: each catalogue model has at most one current access listing, listed by the model's
/// seller (an account the curator names per model: model ids are first come, first served in the catalogue, so
/// listing a model there proves nothing about who owns its weights). Naming a seller ends the current listing (the
/// new seller lists fresh terms). Access is kept per (model, holder), whichever listing sold it:
/// `hasAccess(account, modelId)` reads it, so licences sold by an ended listing stay valid until they lapse.
/// Invariants: a listing's `sold <= supply`; the contract's balance is the protocol's part of the sales not yet routed
/// (the seller's part goes straight from the buyer to the seller). Every action is O(1).
interface ILicenceMarket {
    /// @notice What a listing licenses.
    enum Kind {
        ModelAccess,
        Dataset
    }

    /// @notice A listing.
    /// @param seller Who receives the seller's part of each sale (for model access: the model's seller).
    /// @param price Price of one licence, token wei (never zero).
    /// @param supply Most licences the listing may ever sell.
    /// @param sold Licences sold so far (never above `supply`; an expired licence bought again counts again).
    /// @param duration Each licence's life from its purchase, seconds (zero: perpetual).
    /// @param kind Model access or dataset.
    /// @param resale Whether a holder may transfer its licence.
    /// @param open Whether the listing sells (the seller closes and reopens it; licences sold stay valid).
    /// @param subject The model id (model access) or the dataset's id chosen by the seller (dataset).
    /// @param termsHash Hash of the licence terms (off-chain document).
    // Four slots: subject; terms hash; seller and price; supply, sold, duration and the flags (the linter's packing
    // heuristic misreads the enum).
    // solhint-disable-next-line gas-struct-packing
    struct Listing {
        bytes32 subject;
        bytes32 termsHash;
        address seller;
        uint96 price;
        uint64 supply;
        uint64 sold;
        uint64 duration;
        Kind kind;
        bool resale;
        bool open;
    }

    /// @notice A new listing's terms.
    /// @param kind Model access or dataset.
    /// @param subject The model id (model access, a listed catalogue model) or the dataset's id (dataset, not zero).
    /// @param price Price of one licence, token wei (not zero).
    /// @param supply Most licences ever sold (not zero).
    /// @param duration Each licence's life, seconds (zero: perpetual).
    /// @param termsHash Hash of the licence terms (not zero).
    /// @param resale Whether holders may transfer their licences.
    struct Terms {
        Kind kind;
        bytes32 subject;
        uint256 price;
        uint256 supply;
        uint256 duration;
        bytes32 termsHash;
        bool resale;
    }

    /// @notice The curator named who sells access to a model.
    /// @param modelId The model.
    /// @param seller Its seller (zero: nobody may list it). The model's current listing, if any, was closed for good
    /// (`OpenSet(listingId, false)` if it was open) and the model has none until the seller lists one.
    event ModelSellerSet(bytes32 indexed modelId, address indexed seller);
    /// @notice A listing was created.
    /// @param listingId The listing.
    /// @param seller Its seller.
    /// @param kind Model access or dataset.
    /// @param subject Model or dataset id.
    /// @param price Price, token wei.
    /// @param supply Most licences it sells.
    /// @param duration Each licence's life, seconds (zero: perpetual).
    /// @param termsHash Hash of the terms.
    /// @param resale Whether licences may be transferred.
    event Listed(
        uint256 indexed listingId,
        address indexed seller,
        Kind kind,
        bytes32 indexed subject,
        uint256 price,
        uint256 supply,
        uint256 duration,
        bytes32 termsHash,
        bool resale
    );
    /// @notice A listing's price changed.
    /// @param listingId The listing.
    /// @param price New price, token wei.
    event PriceSet(uint256 indexed listingId, uint256 price);
    /// @notice A listing was closed or reopened.
    /// @param listingId The listing.
    /// @param open Whether it sells.
    event OpenSet(uint256 indexed listingId, bool open);
    /// @notice A listing's supply was raised.
    /// @param listingId The listing.
    /// @param supply New most licences it sells.
    event SupplySet(uint256 indexed listingId, uint256 supply);
    /// @notice A licence was bought.
    /// @param listingId The listing.
    /// @param buyer Its holder.
    /// @param seller Who received the seller's part.
    /// @param toSeller The seller's part, token wei.
    /// @param toProtocol The part routed through the fee split, token wei.
    /// @param expiry When the licence lapses (`type(uint64).max`: perpetual).
    event LicenceBought(
        uint256 indexed listingId,
        address indexed buyer,
        address indexed seller,
        uint256 toSeller,
        uint256 toProtocol,
        uint256 expiry
    );
    /// @notice A licence changed holder (resale).
    /// @param listingId The listing.
    /// @param from Previous holder.
    /// @param to New holder.
    /// @param expiry Its unchanged expiry.
    event LicenceTransferred(uint256 indexed listingId, address indexed from, address indexed to, uint256 expiry);

    /// @notice The protocol's accrued part was sent through the fee router.
    /// @param caller Who routed it.
    /// @param amount Token wei routed.
    event FeesRouted(address indexed caller, uint256 amount);

    /// @notice Nothing accrued to route.
    error NothingToRoute();
    /// @notice A zero address where an account is required.
    error ZeroAddress();
    /// @notice A zero price, supply, subject or terms hash.
    error InvalidTerms();
    /// @notice The model is not listed in the catalogue.
    /// @param modelId The model.
    error UnknownModel(bytes32 modelId);
    /// @notice Only the model's seller may list access to it.
    /// @param modelId The model.
    /// @param caller The caller.
    /// @param seller The model's seller (zero: none named).
    error NotModelSeller(bytes32 modelId, address caller, address seller);
    /// @notice The model already has an access listing.
    /// @param modelId The model.
    /// @param listingId Its listing.
    error ModelAlreadyListed(bytes32 modelId, uint256 listingId);
    /// @notice No such listing.
    /// @param listingId The id.
    error UnknownListing(uint256 listingId);
    /// @notice Only the listing's seller may change it.
    /// @param listingId The listing.
    /// @param caller The caller.
    error NotSeller(uint256 listingId, address caller);
    /// @notice The listing is closed.
    /// @param listingId The listing.
    error ListingClosed(uint256 listingId);
    /// @notice Every licence of the listing is sold.
    /// @param listingId The listing.
    /// @param supply Its supply.
    error SoldOut(uint256 listingId, uint256 supply);
    /// @notice The price is above what the buyer accepts.
    /// @param listingId The listing.
    /// @param price The price.
    /// @param maxPrice The buyer's maximum.
    error PriceAboveMax(uint256 listingId, uint256 price, uint256 maxPrice);
    /// @notice The account already holds a live licence of the listing (a model listing: live access to its model).
    /// @param listingId The listing.
    /// @param account The holder.
    /// @param expiry Its expiry.
    error LicenceHeld(uint256 listingId, address account, uint256 expiry);
    /// @notice The caller holds no live licence of the listing.
    /// @param listingId The listing.
    /// @param account The caller.
    error NoLicence(uint256 listingId, address account);
    /// @notice The listing does not allow resale.
    /// @param listingId The listing.
    error ResaleNotAllowed(uint256 listingId);

    /// @notice Names who sells access to a catalogue model (the curator). The model's current listing, if any, is
    /// closed for good and unbound (`modelListing` returns zero) so the seller named lists its own terms; access
    /// already sold stays valid until it lapses.
    /// @param modelId A listed catalogue model.
    /// @param seller The seller (zero: nobody may list it).
    function setModelSeller(bytes32 modelId, address seller) external;

    /// @notice Lists licences for sale; the caller is the seller.
    /// @param terms The listing's terms (see `Terms`).
    /// @return listingId The new listing (ids start at 1).
    function list(Terms calldata terms) external returns (uint256 listingId);

    /// @notice Changes a listing's price (its seller). Buyers pass the most they accept to `buy`.
    /// @param listingId The listing.
    /// @param price New price, token wei (not zero).
    function setPrice(uint256 listingId, uint256 price) external;

    /// @notice Raises a listing's supply (its seller): a supply is the seller's cap, not a promise of scarcity.
    /// @param listingId The listing.
    /// @param supply New most licences it sells (above the current supply).
    function setSupply(uint256 listingId, uint256 supply) external;

    /// @notice Closes or reopens a listing (its seller; a model listing the curator ended stays closed); licences
    /// sold stay valid until they lapse.
    /// @param listingId The listing.
    /// @param open Whether it sells.
    function setOpen(uint256 listingId, bool open) external;

    /// @notice Buys one licence of a listing at its price, pulled from the caller (approve this contract first): the
    /// seller's part to the seller, the protocol's part to this contract until `routeFees`. Reverts if the caller
    /// holds a live one already. With compliance on, a price at or above the registry's threshold needs the buyer and
    /// the seller attested (`IComplianceRegistry.check`).
    /// @param listingId The listing.
    /// @param maxPrice The most the caller pays (a price raised after the caller signed reverts).
    /// @return expiry When the licence lapses (`type(uint64).max`: perpetual).
    function buy(uint256 listingId, uint256 maxPrice) external returns (uint256 expiry);

    /// @notice Sends the protocol's accrued part of licence sales through the fee router (split by its table, the burn
    /// part burnt). Anyone may call it.
    /// @return amount Token wei routed.
    function routeFees() external returns (uint256 amount);

    /// @notice Transfers the caller's live licence to `to`, if the listing allows resale (payment is the parties'
    /// affair). `to` must hold no live licence of the listing; the expiry is unchanged. With compliance on, the
    /// listing's current price stands for the licence's value: at or above the threshold both parties need attesting.
    /// @param listingId The listing.
    /// @param to The new holder.
    function transferLicence(uint256 listingId, address to) external;

    /// @notice A listing.
    /// @param listingId The listing.
    /// @return The listing (seller zero: unknown).
    function listing(uint256 listingId) external view returns (Listing memory);

    /// @notice When an account's licence of a listing lapses (zero: never held or moved away).
    /// @param listingId The listing.
    /// @param account The holder.
    /// @return expiry Its expiry (`type(uint64).max`: perpetual); live while `block.timestamp < expiry`.
    function licenceOf(uint256 listingId, address account) external view returns (uint256 expiry);

    /// @notice Whether an account holds a live licence of a listing.
    /// @param listingId The listing.
    /// @param account The account.
    /// @return Whether `block.timestamp` is before its expiry.
    function isLicensed(uint256 listingId, address account) external view returns (bool);

    /// @notice Whether an account holds live access to a model (a live licence sold by any of the model's access
    /// listings, current or ended).
    /// @param account The account.
    /// @param modelId The model.
    /// @return Whether it does.
    function hasAccess(address account, bytes32 modelId) external view returns (bool);

    /// @notice The access listing of a model (zero: none).
    /// @param modelId The model.
    /// @return The listing id.
    function modelListing(bytes32 modelId) external view returns (uint256);

    /// @notice Who may list access to a model (zero: nobody).
    /// @param modelId The model.
    /// @return The model's seller.
    function modelSeller(bytes32 modelId) external view returns (address);

    /// @notice The protocol's part of licence sales waiting for `routeFees`.
    /// @return Token wei.
    function pendingFees() external view returns (uint256);

    /// @notice The number of listings created.
    /// @return The last listing id.
    function listingCount() external view returns (uint256);

    /// @notice The token licences are paid in.
    /// @return Its address.
    function token() external view returns (address);

    /// @notice The fee router the protocol's part goes through.
    /// @return Its address.
    function feeRouter() external view returns (address);

    /// @notice The model catalogue.
    /// @return Its address.
    function catalog() external view returns (address);

    /// @notice The compliance registry sales and transfers check (zero: compliance off).
    /// @return Its address.
    function compliance() external view returns (address);
}
