// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";

/// @title IIssuerToken
/// @notice A project's token on the Qutoken platform: ERC20 with EIP-2612 permit, minted by its issuer (or the
/// issuer's minter) within a cap, redeemed by holders for the good, service or right its terms describe, and
/// issued in hybrid form through issuer-signed EIP-712 vouchers that holders claim on-chain.
/// @dev Deployed as a minimal-proxy clone of one implementation by the issuer token factory, with its fixed
/// terms (issuer, first minter, cap, terms, name, symbol) as immutable arguments appended to its code: nothing
/// to initialise, and a clone made by anyone else cannot issue. The EIP-712 domain (permit and vouchers) is the
/// token's own name, version "1", the chain id and the clone's address, so a signature for one token is
/// worthless on any other.
///
/// Cap accounting: `committed = totalSupply + pending redemptions` never exceeds the cap. A redemption burns
/// the tokens at once and keeps their share of the cap reserved while pending; fulfilling it frees the share,
/// refunding it re-mints the tokens to the holder inside the reserved share. So the supply never exceeds the
/// cap, a refund can never fail for lack of room, and `totalMinted - totalBurned == totalSupply` always
/// (refunds count as mints, redemptions as burns).
///
/// Issuer status is read from the issuer registry on every mint and voucher claim (one call, O(1)): a suspended
/// or unverified issuer cannot issue. Holders can still transfer and redeem, and the issuer can still fulfil or
/// refund pending redemptions, whatever its status.
interface IIssuerToken is IERC20Metadata, IERC20Permit {
    /// @notice Where a redemption stands.
    enum RedemptionStatus {
        None,
        Pending,
        Fulfilled,
        Refunded
    }

    /// @notice A redemption's record.
    /// @param holder Who redeemed (and gets the tokens back on a refund).
    /// @param status Where it stands.
    /// @param redeemedAt When the holder redeemed (the deadline runs from here).
    /// @param amount Tokens burned.
    struct Redemption {
        address holder;
        RedemptionStatus status;
        uint64 redeemedAt;
        uint128 amount;
    }

    /// @notice What an issuer token is made of, given at creation and fixed for the token's life.
    /// @param name ERC20 name, also the EIP-712 domain name.
    /// @param symbol ERC20 symbol.
    /// @param cap Most tokens that may be outstanding (supply plus pending redemptions), in wei; at most 2^128-1.
    /// @param termsURI Where the project's terms are published.
    /// @param termsHash Hash of the terms document (binds the URI's content).
    /// @param minter An issuer-controlled account that may mint and sign vouchers besides the issuer (zero: none).
    struct TokenConfig {
        string name;
        string symbol;
        uint256 cap;
        string termsURI;
        bytes32 termsHash;
        address minter;
    }

    // ------------------------------------------------------------------ events

    /// @notice The issuer set a new minter.
    /// @param minter The new minter (zero: only the issuer mints).
    event MinterSet(address minter);

    /// @notice A voucher was claimed and its tokens minted.
    /// @param id The voucher id.
    /// @param to Who received the tokens.
    /// @param amount Tokens minted.
    event VoucherClaimed(uint256 indexed id, address indexed to, uint256 amount);

    /// @notice The issuer or minter cancelled a voucher before it was claimed.
    /// @param id The voucher id.
    event VoucherCancelled(uint256 indexed id);

    /// @notice A holder redeemed tokens: they were burned and a pending redemption recorded.
    /// @param id The redemption id.
    /// @param holder Who redeemed.
    /// @param amount Tokens burned.
    /// @param ref The holder's reference for what it redeems (an order, a booking, ...).
    event Redeemed(uint256 indexed id, address indexed holder, uint256 amount, bytes32 ref);

    /// @notice The issuer delivered a redemption.
    /// @param id The redemption id.
    event RedemptionFulfilled(uint256 indexed id);

    /// @notice The issuer refunded a redemption: the tokens were minted back to the holder.
    /// @param id The redemption id.
    /// @param holder Who got the tokens back.
    /// @param amount Tokens minted back.
    event RedemptionRefunded(uint256 indexed id, address indexed holder, uint256 amount);

    /// @notice The token was retired: no more minting, vouchers or redemptions; transfers go on.
    event Retired();

    /// @notice A redemption the issuer left pending past `REDEMPTION_DEADLINE` was refunded: its tokens were minted
    /// back to the holder.
    /// @param id The redemption id.
    /// @param holder Who got the tokens back.
    /// @param amount Tokens re-minted.
    /// @param caller Who triggered the refund (the holder or anyone on its behalf).
    event RedemptionReclaimed(uint256 indexed id, address indexed holder, uint256 amount, address caller);

    // ------------------------------------------------------------------ errors

    /// @notice The contract is the implementation, or a clone this token's factory did not create: it has no
    /// terms of its own and cannot issue.
    error NotAClone();

    /// @notice Only the factory may retire the token.
    /// @param caller The caller.
    error NotFactory(address caller);

    /// @notice Only the issuer may do this.
    /// @param caller The caller.
    error NotIssuer(address caller);

    /// @notice Only the issuer or its minter may do this.
    /// @param caller The caller.
    error NotMinter(address caller);

    /// @notice A zero amount.
    error ZeroAmount();

    /// @notice The zero address where an account is needed.
    error ZeroAddress();

    /// @notice The cap is zero or above 2^128-1.
    /// @param cap The cap given.
    error InvalidCap(uint256 cap);

    /// @notice The name or the symbol is empty.
    error EmptyNameOrSymbol();

    /// @notice The terms URI is empty or the terms hash is zero.
    error MissingTerms();

    /// @notice Minting would push the outstanding tokens (supply plus pending redemptions) above the cap.
    /// @param committed The outstanding amount the mint would reach.
    /// @param cap The cap.
    error CapExceeded(uint256 committed, uint256 cap);

    /// @notice The token is retired.
    error TokenIsRetired();

    /// @notice The voucher's deadline has passed.
    /// @param deadline The voucher's deadline.
    /// @param timestamp The current block timestamp.
    error VoucherExpired(uint256 deadline, uint256 timestamp);

    /// @notice The voucher id was already claimed or cancelled.
    /// @param id The voucher id.
    error VoucherAlreadyUsed(uint256 id);

    /// @notice The voucher was not signed by the issuer or its minter for this token and chain.
    /// @param id The voucher id.
    error InvalidVoucherSignature(uint256 id);

    /// @notice The redemption is not pending (unknown, fulfilled or refunded).
    /// @param id The redemption id.
    /// @param status Its status.
    error RedemptionNotPending(uint256 id, RedemptionStatus status);

    /// @notice Retiring the token while redemptions are pending.
    /// @param pending Tokens in pending redemptions.
    error RedemptionsPending(uint256 pending);

    /// @notice Retiring the token while tokens are outstanding: they must all be redeemed first.
    /// @param supply Tokens outstanding.
    error SupplyOutstanding(uint256 supply);

    /// @notice Reclaiming a redemption before its deadline.
    /// @param id The redemption id.
    /// @param expiresAt When the issuer's time to fulfil or refund it ends.
    /// @param timestamp The current block timestamp.
    error RedemptionNotExpired(uint256 id, uint256 expiresAt, uint256 timestamp);

    // ------------------------------------------------------------------ lifecycle

    /// @notice Retires the token (no more minting, vouchers or redemptions). Called by the factory when the
    /// issuer retires the token to free its slot.
    /// @dev Reverts `SupplyOutstanding` while any token is outstanding and `RedemptionsPending` while redemptions
    /// are pending: a retired token leaves no holder with tokens it can no longer redeem, and the issuer's slot
    /// (hence the stake behind it) stays taken until then.
    function retire() external;

    // ------------------------------------------------------------------ issuance

    /// @notice Mints `amount` tokens to `to`.
    /// @dev Only the issuer or its minter, while the issuer is verified and the token not retired, within the cap.
    /// @param to Recipient.
    /// @param amount Tokens to mint, in wei.
    function mint(address to, uint256 amount) external;

    /// @notice Claims an issuer-signed voucher: mints `amount` tokens to `to`. Anyone may submit it.
    /// @dev The EIP-712 struct is `Voucher(address to,uint256 amount,uint256 id,uint256 deadline)` in this token's
    /// domain; the signer must be the issuer or the current minter (ECDSA, or ERC-1271 for a contract issuer).
    /// Each id works once. Same issuance rules as `mint`.
    /// @param to Recipient named in the voucher.
    /// @param amount Tokens named in the voucher, in wei.
    /// @param id The voucher id (any number, unique per token; sequential ids cost less gas).
    /// @param deadline Last timestamp at which the voucher can be claimed.
    /// @param signature The issuer's or minter's signature.
    function claimVoucher(address to, uint256 amount, uint256 id, uint256 deadline, bytes calldata signature) external;

    /// @notice Cancels an unclaimed voucher id so it can never be claimed.
    /// @dev Only the issuer or its minter.
    /// @param id The voucher id.
    function cancelVoucher(uint256 id) external;

    /// @notice Sets the issuer-controlled minter (zero: only the issuer mints and signs vouchers). Vouchers
    /// signed by the previous minter stop working.
    /// @dev Only the issuer.
    /// @param minter The new minter.
    function setMinter(address minter) external;

    // ------------------------------------------------------------------ redemption

    /// @notice Redeems `amount` of the caller's tokens: burns them and records a pending redemption.
    /// @param amount Tokens to redeem, in wei.
    /// @param ref The holder's reference for what it redeems.
    /// @return id The redemption id.
    function redeem(uint256 amount, bytes32 ref) external returns (uint256 id);

    /// @notice Marks a pending redemption delivered.
    /// @dev Only the issuer.
    /// @param id The redemption id.
    function fulfil(uint256 id) external;

    /// @notice Refunds a pending redemption: mints the tokens back to the holder.
    /// @dev Only the issuer.
    /// @param id The redemption id.
    function refund(uint256 id) external;

    /// @notice Refunds a redemption the issuer neither fulfilled nor refunded within `REDEMPTION_DEADLINE` of it:
    /// mints the tokens back to the holder. Anyone may call it; the tokens always go to the holder.
    /// @dev Works whatever the issuer's status (suspended, unverified), since the re-mint only fills the share of
    /// the cap the redemption kept reserved. Reverts `RedemptionNotExpired` before the deadline.
    /// @param id The redemption id.
    function reclaim(uint256 id) external;

    // ------------------------------------------------------------------ views

    // solhint-disable func-name-mixedcase
    /// @notice The EIP-712 type hash of a voucher.
    /// @return keccak256("Voucher(address to,uint256 amount,uint256 id,uint256 deadline)")
    function VOUCHER_TYPEHASH() external view returns (bytes32);

    /// @notice How long the issuer has to fulfil or refund a redemption before the holder may reclaim it.
    /// @return 30 days, in seconds.
    function REDEMPTION_DEADLINE() external view returns (uint256);
    // solhint-enable func-name-mixedcase

    /// @notice The issuer registry every token checks its issuer against.
    /// @return The registry's address.
    function registry() external view returns (address);

    /// @notice The compliance registry transfers and issuance check (zero: compliance off; the same for every clone).
    /// @return Its address.
    function compliance() external view returns (address);

    /// @notice The factory that created the token.
    /// @return The factory's address.
    function factory() external view returns (address);

    /// @notice The issuer that created the token.
    /// @return The issuer.
    function issuer() external view returns (address);

    /// @notice The issuer-controlled minter (zero: none).
    /// @return The minter.
    function minter() external view returns (address);

    /// @notice Most tokens that may be outstanding (supply plus pending redemptions).
    /// @return The cap, in wei.
    function cap() external view returns (uint256);

    /// @notice Where the project's terms are published.
    /// @return The URI.
    function termsURI() external view returns (string memory);

    /// @notice Hash of the terms document.
    /// @return The hash.
    function termsHash() external view returns (bytes32);

    /// @notice Whether the token is retired.
    /// @return True when retired.
    function retired() external view returns (bool);

    /// @notice Everything ever minted: issuance (mints and vouchers) plus refunds.
    /// @return Tokens, in wei.
    function totalMinted() external view returns (uint256);

    /// @notice Everything ever burned (every burn is a redemption): `totalMinted() - totalSupply()`.
    /// @return Tokens, in wei.
    function totalBurned() external view returns (uint256);

    /// @notice Tokens of refunded redemptions (minted back to their holders).
    /// @return Tokens, in wei.
    function totalRefunded() external view returns (uint256);

    /// @notice Tokens of fulfilled redemptions.
    /// @return Tokens, in wei.
    function totalFulfilled() external view returns (uint256);

    /// @notice Tokens in pending redemptions (burned, share of the cap still reserved).
    /// @return Tokens, in wei.
    function pendingRedemptions() external view returns (uint256);

    /// @notice Number of redemptions ever made; ids run from 1 to this number.
    /// @return The count.
    function redemptionCount() external view returns (uint256);

    /// @notice A redemption's record.
    /// @param id The redemption id.
    /// @return The record (status `None` for an unknown id).
    function redemption(uint256 id) external view returns (Redemption memory);

    /// @notice Whether a voucher id was claimed or cancelled.
    /// @param id The voucher id.
    /// @return True when used.
    function isVoucherUsed(uint256 id) external view returns (bool);
}
